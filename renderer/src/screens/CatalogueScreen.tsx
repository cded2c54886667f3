import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Service } from '../../../shared/catalogue';
import { CONTACT_TYPES, SECTORS, type ContactType, type Sector } from '../../../shared/vocabulary';
import { call, errorKey } from '../api/client';
import { announce } from '../announcer';
import { SelectField, TextField } from '../components/fields';
import type { SaveQueue } from '../components/save-queue';
import { SaveStatus } from '../components/SaveStatus';
import { useSaveQueue } from '../components/use-save-queue';
import { navigate } from '../router';
import { typedText } from '../../../shared/domain/text';

type Patch = { defaultContactType?: ContactType; label?: Service['label']; hidden?: boolean };

/** How long typing in a name may pause before it is written. */
const NAME_SAVE_DELAY_MS = 500;

function ServiceRow({ service, queue }: { service: Service; queue: SaveQueue }) {
  const { t } = useTranslation();
  const [s, setS] = useState(service);
  // Edits of one service are merged into one patch; a failed save stays queued and is retried.
  const edit = (patch: Patch, immediate = false) => {
    setS((cur) => ({ ...cur, ...patch }));
    queue.patch(
      `service:${s.code}`,
      patch,
      (p) => call('catalogue:update', { code: s.code, patch: p }),
      immediate ? 0 : NAME_SAVE_DELAY_MS,
    );
  };
  const contactOptions = CONTACT_TYPES.map((c) => ({
    value: c,
    label: t(`vocab.contactType.${c}`),
  }));
  return (
    <li className="service-row" data-testid="service" data-code={s.code}>
      <TextField
        label={t('catalogue.nameDa')}
        value={s.label.da}
        max={100}
        tooLongMessage={t('catalogue.nameRequired')}
        onChange={(da) => da.trim() && edit({ label: { ...s.label, da } })}
        testId="service-name-da"
      />
      <TextField
        label={t('catalogue.nameEn')}
        value={s.label.en}
        max={100}
        tooLongMessage={t('catalogue.nameRequired')}
        onChange={(en) => en.trim() && edit({ label: { ...s.label, en } })}
        testId="service-name-en"
      />
      <SelectField
        label={t('catalogue.contactType')}
        value={s.defaultContactType}
        options={contactOptions}
        onChange={(v) => v && edit({ defaultContactType: v }, true)}
        testId="service-contact-type"
      />
      <label className="checkbox">
        <input
          type="checkbox"
          checked={s.hidden}
          onChange={(e) => edit({ hidden: e.target.checked }, true)}
          data-testid="service-hidden"
        />
        <span>{t('catalogue.hidden')}</span>
      </label>
    </li>
  );
}

/** The service catalogue: the shipped Lolland-Falster list plus local additions, editable. */
export function CatalogueScreen() {
  const { t } = useTranslation();
  const [services, setServices] = useState<Service[] | null>(null);
  const [sector, setSector] = useState<Sector>('municipal_care');
  const [contactType, setContactType] = useState<ContactType>('meeting');
  const [da, setDa] = useState('');
  const [en, setEn] = useState('');
  const [problem, setProblem] = useState(false);
  const id = useId();
  const fail = useCallback((e: unknown) => announce(t(errorKey(e)), 'error'), [t]);
  const { queue, state } = useSaveQueue('catalogue');

  useEffect(() => {
    let live = true;
    call('catalogue:list', {}).then((l) => live && setServices(l), fail);
    return () => {
      live = false;
    };
  }, [fail]);

  async function onAdd(e: FormEvent) {
    e.preventDefault();
    const label = { da: da.trim(), en: en.trim() };
    if (!label.da || !label.en || label.da.length > 100 || label.en.length > 100) {
      setProblem(true);
      return;
    }
    setProblem(false);
    try {
      const s = await call('catalogue:create', { sector, defaultContactType: contactType, label });
      setServices((cur) => [...(cur ?? []), s]);
      setDa('');
      setEn('');
      announce(t('catalogue.added', { name: s.label.da }));
    } catch (error) {
      fail(error);
    }
  }

  return (
    <div className="home" data-testid="catalogue-screen">
      <button type="button" className="button" onClick={() => navigate({ name: 'home' })}>
        ← {t('catalogue.back')}
      </button>
      <div className="catalogue-head">
        <h1 className="page-title">{t('catalogue.title')}</h1>
        <SaveStatus status={state.status} error={state.error} onRetry={() => void queue.retry()} />
      </div>
      <p className="lead">{t('catalogue.intro')}</p>
      <section className="card" aria-labelledby={`${id}-add`}>
        <h2 id={`${id}-add`} className="section-title">
          {t('catalogue.addTitle')}
        </h2>
        <form onSubmit={onAdd} noValidate className="form-grid">
          <SelectField
            label={t('catalogue.sector')}
            value={sector}
            options={SECTORS.map((s) => ({ value: s, label: t(`vocab.sector.${s}`) }))}
            onChange={(v) => v && setSector(v)}
            testId="new-service-sector"
          />
          <SelectField
            label={t('catalogue.contactType')}
            value={contactType}
            options={CONTACT_TYPES.map((c) => ({ value: c, label: t(`vocab.contactType.${c}`) }))}
            onChange={(v) => v && setContactType(v)}
            testId="new-service-contact-type"
          />
          <div className="field">
            <label className="field-label" htmlFor={`${id}-da`}>
              {t('catalogue.nameDa')}
            </label>
            <input
              id={`${id}-da`}
              className="input"
              value={da}
              onChange={(e) => setDa(typedText(e.target.value, false))}
              aria-invalid={problem || undefined}
              aria-describedby={problem ? `${id}-problem` : undefined}
              data-testid="new-service-da"
            />
          </div>
          <div className="field">
            <label className="field-label" htmlFor={`${id}-en`}>
              {t('catalogue.nameEn')}
            </label>
            <input
              id={`${id}-en`}
              className="input"
              value={en}
              onChange={(e) => setEn(typedText(e.target.value, false))}
              aria-invalid={problem || undefined}
              aria-describedby={problem ? `${id}-problem` : undefined}
              data-testid="new-service-en"
            />
          </div>
          {problem && (
            <p id={`${id}-problem`} className="field-error" role="alert">
              {t('catalogue.nameRequired')}
            </p>
          )}
          <button type="submit" className="button button-primary" data-testid="new-service-add">
            {t('catalogue.add')}
          </button>
        </form>
      </section>
      {SECTORS.map((sec) => {
        const items = (services ?? []).filter((s) => s.sector === sec);
        return (
          <details key={sec} className="card catalogue-group" data-testid={`catalogue-${sec}`}>
            <summary className="palette-summary">
              {t(`vocab.sector.${sec}`)} ({t('catalogue.count', { count: items.length })})
            </summary>
            <ul className="plain-list">
              {items.map((s) => (
                <ServiceRow key={s.code} service={s} queue={queue} />
              ))}
            </ul>
          </details>
        );
      })}
    </div>
  );
}
