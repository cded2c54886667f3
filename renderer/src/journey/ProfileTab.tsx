import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  Profile,
  ProfilePatch,
  Workshop,
  WorkshopPatch,
} from '../../../shared/domain/workshop';
import {
  CONDITION_GROUPS,
  EMPLOYMENT,
  HOUSEHOLDS,
  MUNICIPALITIES,
  SEXES,
  WORKSHOP_ROLES,
} from '../../../shared/vocabulary';
import { call, errorKey } from '../api/client';
import { announce } from '../announcer';
import { NumberField, SelectField, TextField } from '../components/fields';
import { usePatchQueue } from '../components/use-patch-queue';

const TEXT_MAX = 2000;

function WorkshopItem({ workshop, onDeleted }: { workshop: Workshop; onDeleted: () => void }) {
  const { t } = useTranslation();
  const [w, setW] = useState(workshop);
  const rolesId = useId();
  const fail = useCallback((e: unknown) => announce(t(errorKey(e)), 'error'), [t]);
  const save = useCallback(
    (patch: WorkshopPatch) => call('workshops:update', { id: w.id, patch }).catch(fail),
    [w.id, fail],
  );
  const { queue } = usePatchQueue<WorkshopPatch>(save);
  const edit = (patch: WorkshopPatch, immediate = false) => {
    setW((cur) => ({ ...cur, ...patch }));
    queue(patch, immediate);
  };
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
          onChange={(e) => e.target.value && edit({ date: e.target.value }, true)}
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
                  edit(
                    { roles: e.target.checked ? [...w.roles, r] : w.roles.filter((x) => x !== r) },
                    true,
                  )
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
        onClick={() => call('workshops:delete', { id: w.id }).then(onDeleted, fail)}
        data-testid="workshop-delete"
      >
        {t('profile.workshopDelete')}
      </button>
    </li>
  );
}

/** The citizen's profile, consent and the workshop sessions, all kept only on this laptop. */
export function ProfileTab({ journeyId }: { journeyId: string }) {
  const { t } = useTranslation();
  const [profile, setProfile] = useState<Profile | null>(null);
  const [workshops, setWorkshops] = useState<Workshop[]>([]);
  const [version, setVersion] = useState(0);
  const titleId = useId();
  const fail = useCallback((e: unknown) => announce(t(errorKey(e)), 'error'), [t]);

  useEffect(() => {
    let live = true;
    Promise.all([call('profile:get', { journeyId }), call('workshops:list', { journeyId })]).then(
      ([p, w]) => {
        if (!live) return;
        setProfile(p);
        setWorkshops(w);
      },
      fail,
    );
    return () => {
      live = false;
    };
  }, [journeyId, version, fail]);

  const save = useCallback(
    (patch: ProfilePatch) =>
      call('profile:update', { journeyId, patch }).then((p) => {
        // Consent dates are set by the main process; show them.
        setProfile(
          (cur) =>
            cur && {
              ...cur,
              consentWorkshopDate: p.consentWorkshopDate,
              consentExportDate: p.consentExportDate,
              consentQuotes: p.consentQuotes,
              consentQuotesDate: p.consentQuotesDate,
            },
        );
      }, fail),
    [journeyId, fail],
  );
  const { queue } = usePatchQueue<ProfilePatch>(save);
  if (!profile) return null;
  const edit = (patch: ProfilePatch, immediate = false) => {
    setProfile((cur) => cur && { ...cur, ...patch });
    queue(patch, immediate);
  };
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
          onChange={(e) => edit({ [flag]: e.target.checked }, true)}
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
            onChange={(e) => e.target.value && edit({ [dateKey]: e.target.value }, true)}
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
            onChange={(sex) => edit({ sex }, true)}
            testId="profile-sex"
          />
          <SelectField
            label={t('profile.municipality')}
            value={profile.municipality}
            emptyLabel={t('panel.notChosen')}
            options={options(MUNICIPALITIES, 'municipalities')}
            onChange={(municipality) => edit({ municipality }, true)}
            testId="profile-municipality"
          />
          <SelectField
            label={t('profile.household')}
            value={profile.household}
            emptyLabel={t('panel.notChosen')}
            options={options(HOUSEHOLDS, 'households')}
            onChange={(household) => edit({ household }, true)}
            testId="profile-household"
          />
          <SelectField
            label={t('profile.employment')}
            value={profile.employment}
            emptyLabel={t('panel.notChosen')}
            options={options(EMPLOYMENT, 'employments')}
            onChange={(employment) => edit({ employment }, true)}
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
                      edit(
                        {
                          conditionGroups: e.target.checked
                            ? [...profile.conditionGroups, c]
                            : profile.conditionGroups.filter((x) => x !== c),
                        },
                        true,
                      )
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
                <WorkshopItem key={w.id} workshop={w} onDeleted={() => setVersion((v) => v + 1)} />
              ))}
            </ul>
            <button
              type="button"
              className="button"
              onClick={() =>
                call('workshops:create', {
                  journeyId,
                  date: new Date().toISOString().slice(0, 10),
                }).then((w) => setWorkshops((cur) => [...cur, w]), fail)
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
