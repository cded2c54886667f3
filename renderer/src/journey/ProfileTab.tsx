import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProfilePatch, Workshop } from '../../../shared/domain/workshop';
import {
  CONDITION_GROUPS,
  EMPLOYMENT,
  HOUSEHOLDS,
  MUNICIPALITIES,
  SEXES,
  WORKSHOP_ROLES,
} from '../../../shared/vocabulary';
import { errorKey } from '../api/client';
import { announce } from '../announcer';
import { NumberField, SelectField, TextField } from '../components/fields';
import { useJourney } from './journey-context';

const TEXT_MAX = 2000;

function WorkshopItem({ workshop: w }: { workshop: Workshop }) {
  const { t } = useTranslation();
  const rolesId = useId();
  const patchWorkshop = useJourney((s) => s.patchWorkshop);
  const deleteWorkshop = useJourney((s) => s.deleteWorkshop);
  const edit = (patch: Parameters<typeof patchWorkshop>[1]) => patchWorkshop(w.id, patch);
  return (
    <li className="card" data-testid="workshop">
      <div className="field">
        <label className="field-label" htmlFor={`${rolesId}-date`}>
          {t('profile.workshopDate')}
        </label>
        <input
          id={`${rolesId}-date`}
          type="date"
          className="input input-short"
          value={w.date}
          min="1900-01-01"
          max="2100-12-31"
          onChange={(e) => e.target.value && edit({ date: e.target.value })}
          data-testid="workshop-date"
        />
      </div>
      <TextField
        label={t('profile.workshopPlace')}
        value={w.place}
        max={120}
        tooLongMessage={t('panel.textTooLong', { max: 120 })}
        onChange={(place) => edit({ place })}
        testId="workshop-place"
      />
      <fieldset className="fieldset">
        <legend className="field-label">{t('profile.workshopRoles')}</legend>
        <div className="checkbox-grid">
          {WORKSHOP_ROLES.map((r) => (
            <label key={r} className="checkbox">
              <input
                type="checkbox"
                checked={w.roles.includes(r)}
                onChange={(e) =>
                  edit({
                    roles: e.target.checked ? [...w.roles, r] : w.roles.filter((x) => x !== r),
                  })
                }
                data-testid={`workshop-role-${r}`}
              />
              <span>{t(`profile.roles.${r}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <TextField
        label={t('profile.workshopNotes')}
        value={w.notes}
        max={TEXT_MAX}
        tooLongMessage={t('panel.textTooLong', { max: TEXT_MAX })}
        onChange={(notes) => edit({ notes })}
        multiline
        testId="workshop-notes"
      />
      <button
        type="button"
        className="button button-danger-outline"
        onClick={() => {
          deleteWorkshop(w.id);
          announce(t('profile.workshopDeleted'));
        }}
        data-testid="workshop-delete"
      >
        {t('profile.workshopDelete')}
      </button>
    </li>
  );
}

/**
 * The citizen's profile, consent and the workshop sessions, all kept only on this laptop. They
 * live in the journey's store: saved through its one queue, undone with its undo.
 */
export function ProfileTab() {
  const { t } = useTranslation();
  const profile = useJourney((s) => s.profile);
  const workshopsById = useJourney((s) => s.workshops);
  const patchProfile = useJourney((s) => s.patchProfile);
  const addWorkshop = useJourney((s) => s.addWorkshop);
  const titleId = useId();
  if (!profile) return null;
  // In the order loaded (by date) and then added; a date changed does not make the card jump.
  const workshops = Object.values(workshopsById);
  const edit = (patch: ProfilePatch) => patchProfile(patch);
  const maxYear = new Date().getFullYear();
  const options = <T extends string>(codes: readonly T[], group: string) =>
    codes.map((c) => ({ value: c, label: t(`profile.${group}.${c as string}` as string) }));

  const consent = (
    flag: 'consentWorkshop' | 'consentExport' | 'consentQuotes',
    dateKey: 'consentWorkshopDate' | 'consentExportDate' | 'consentQuotesDate',
    disabled = false,
  ) => (
    <div className="consent">
      <label className="checkbox">
        <input
          type="checkbox"
          checked={profile[flag]}
          disabled={disabled}
          onChange={(e) => edit({ [flag]: e.target.checked })}
          data-testid={flag}
        />
        <span>{t(`profile.${flag}`)}</span>
      </label>
      {profile[flag] && (
        <label className="consent-date">
          <span>{t('profile.consentDate')}</span>
          <input
            type="date"
            className="input input-short"
            value={profile[dateKey] ?? ''}
            min="1900-01-01"
            max="2100-12-31"
            onChange={(e) => e.target.value && edit({ [dateKey]: e.target.value })}
            data-testid={`${flag}-date`}
          />
        </label>
      )}
    </div>
  );

  return (
    <section className="tab-page" aria-labelledby={titleId} data-testid="profile-tab">
      <h2 id={titleId} className="section-title">
        {t('profile.title')}
      </h2>
      <p className="lead">{t('profile.intro')}</p>
      <div className="form-grid">
        <div className="card">
          <TextField
            label={t('profile.realName')}
            value={profile.realName}
            max={80}
            tooLongMessage={t('panel.textTooLong', { max: 80 })}
            onChange={(realName) => edit({ realName })}
            testId="profile-real-name"
          />
          <TextField
            label={t('profile.relatives')}
            help={t('profile.relativesHelp')}
            value={profile.relativesNames.join('\n')}
            max={20 * 81}
            tooLongMessage={t('panel.textTooLong', { max: 20 * 81 })}
            onChange={(text) =>
              edit({
                relativesNames: text
                  .split('\n')
                  .map((s) => s.trim())
                  .filter(Boolean)
                  .slice(0, 20)
                  .map((s) => s.slice(0, 80)),
              })
            }
            multiline
            testId="profile-relatives"
          />
          <NumberField
            label={t('profile.birthYear')}
            value={profile.birthYear}
            parse={(s) => {
              const v = s.trim();
              if (v === '') return null;
              const n = Number(v);
              return /^\d{4}$/.test(v) && n >= 1900 && n <= maxYear ? n : undefined;
            }}
            invalidMessage={t('profile.birthYearInvalid', { max: maxYear })}
            onChange={(birthYear) => edit({ birthYear })}
            testId="profile-birth-year"
          />
          <SelectField
            label={t('profile.sex')}
            value={profile.sex}
            emptyLabel={t('panel.notChosen')}
            options={options(SEXES, 'sexes')}
            onChange={(sex) => edit({ sex })}
            testId="profile-sex"
          />
          <SelectField
            label={t('profile.municipality')}
            value={profile.municipality}
            emptyLabel={t('panel.notChosen')}
            options={options(MUNICIPALITIES, 'municipalities')}
            onChange={(municipality) => edit({ municipality })}
            testId="profile-municipality"
          />
          <SelectField
            label={t('profile.household')}
            value={profile.household}
            emptyLabel={t('panel.notChosen')}
            options={options(HOUSEHOLDS, 'households')}
            onChange={(household) => edit({ household })}
            testId="profile-household"
          />
          <SelectField
            label={t('profile.employment')}
            value={profile.employment}
            emptyLabel={t('panel.notChosen')}
            options={options(EMPLOYMENT, 'employments')}
            onChange={(employment) => edit({ employment })}
            testId="profile-employment"
          />
          <fieldset className="fieldset">
            <legend className="field-label">{t('profile.conditions')}</legend>
            <div className="checkbox-grid">
              {CONDITION_GROUPS.map((c) => (
                <label key={c} className="checkbox">
                  <input
                    type="checkbox"
                    checked={profile.conditionGroups.includes(c)}
                    onChange={(e) =>
                      edit({
                        conditionGroups: e.target.checked
                          ? [...profile.conditionGroups, c]
                          : profile.conditionGroups.filter((x) => x !== c),
                      })
                    }
                    data-testid={`profile-condition-${c}`}
                  />
                  <span>{t(`profile.conditionGroups.${c}`)}</span>
                </label>
              ))}
            </div>
          </fieldset>
        </div>
        <div>
          <fieldset className="card fieldset-card" data-testid="consent">
            <legend className="section-title">{t('profile.consentTitle')}</legend>
            {consent('consentWorkshop', 'consentWorkshopDate')}
            {consent('consentExport', 'consentExportDate')}
            {consent('consentQuotes', 'consentQuotesDate', !profile.consentExport)}
          </fieldset>
          <section className="card" aria-labelledby={`${titleId}-ws`}>
            <h3 id={`${titleId}-ws`} className="section-title">
              {t('profile.workshopsTitle')}
            </h3>
            {workshops.length === 0 && <p className="muted">{t('profile.workshopNone')}</p>}
            <ul className="plain-list">
              {workshops.map((w) => (
                <WorkshopItem key={w.id} workshop={w} />
              ))}
            </ul>
            <button
              type="button"
              className="button"
              onClick={() =>
                addWorkshop(new Date().toISOString().slice(0, 10)).catch((e: unknown) =>
                  announce(t(errorKey(e)), 'error'),
                )
              }
              data-testid="workshop-add"
            >
              {t('profile.workshopAdd')}
            </button>
          </section>
        </div>
      </div>
    </section>
  );
}
