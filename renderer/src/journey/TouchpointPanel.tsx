import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS, type Touchpoint } from '../../../shared/domain/journey';
import {
  CONTACT_TYPES,
  INITIATORS,
  PAIN_CATEGORIES,
  SECTORS,
  type PainCategory,
} from '../../../shared/vocabulary';
import { errorKey } from '../api/client';
import { announce } from '../announcer';
import { ConfirmDialog } from '../components/Dialog';
import { NumberField, SelectField, TextField, parseDecimal } from '../components/fields';
import { DateField } from './DateField';
import { EmotionPicker } from './EmotionPicker';
import { useJourney } from './journey-context';

function PainPoints({ touchpoint }: { touchpoint: Touchpoint }) {
  const { t } = useTranslation();
  const all = useJourney((s) => s.painPoints);
  const addPainPoint = useJourney((s) => s.addPainPoint);
  const patchPainPoint = useJourney((s) => s.patchPainPoint);
  const deletePainPoint = useJourney((s) => s.deletePainPoint);
  const [category, setCategory] = useState<PainCategory>('waiting');
  const id = useId();
  const items = Object.values(all).filter((p) => p.touchpointId === touchpoint.id);
  const categories = PAIN_CATEGORIES.map((c) => ({
    value: c,
    label: t(`vocab.painCategory.${c}`),
  }));

  return (
    <section className="subsection" aria-labelledby={`${id}-title`} data-testid="pain-points">
      <h3 id={`${id}-title`} className="subsection-title">
        {t('panel.painTitle')}
      </h3>
      {items.length === 0 && <p className="muted">{t('panel.painNone')}</p>}
      <ul className="pain-list">
        {items.map((p) => (
          <li key={p.id} className="pain-item" data-testid="pain-point">
            <SelectField
              label={t('panel.painCategoryLabel')}
              value={p.category}
              options={categories}
              onChange={(v) => v && patchPainPoint(p.id, { category: v })}
              testId="pain-category"
            />
            <TextField
              label={t('panel.painTextLabel')}
              value={p.text}
              max={LIMITS.textMax}
              tooLongMessage={t('panel.textTooLong', { max: LIMITS.textMax })}
              onChange={(v) => patchPainPoint(p.id, { text: v })}
              multiline
              testId="pain-text"
            />
            <button
              type="button"
              className="button button-small button-danger-outline"
              aria-label={t('panel.painDeleteNamed', {
                category: t(`vocab.painCategory.${p.category}`),
              })}
              onClick={() =>
                deletePainPoint(p.id).catch((e: unknown) => announce(t(errorKey(e)), 'error'))
              }
              data-testid="pain-delete"
            >
              {t('panel.painDelete')}
            </button>
          </li>
        ))}
      </ul>
      <div className="inline-add">
        <SelectField
          label={t('panel.painCategoryLabel')}
          value={category}
          options={categories}
          onChange={(v) => v && setCategory(v)}
          testId="pain-new-category"
        />
        <button
          type="button"
          className="button"
          onClick={() =>
            addPainPoint(touchpoint.id, category).catch((e: unknown) =>
              announce(t(errorKey(e)), 'error'),
            )
          }
          data-testid="pain-add"
        >
          {t('panel.painAdd')}
        </button>
      </div>
    </section>
  );
}

/** Connecting without dragging (WCAG 2.5.7): choose the touchpoint that came next. */
function ConnectControl({ touchpoint }: { touchpoint: Touchpoint }) {
  const { t } = useTranslation();
  const all = useJourney((s) => s.touchpoints);
  const transitions = useJourney((s) => s.transitions);
  const connect = useJourney((s) => s.connect);
  const [target, setTarget] = useState<string | null>(null);
  const taken = new Set(
    Object.values(transitions)
      .filter((tr) => tr.sourceId === touchpoint.id)
      .map((tr) => tr.targetId),
  );
  const options = Object.values(all)
    .filter((tp) => tp.map === touchpoint.map && tp.id !== touchpoint.id && !taken.has(tp.id))
    .sort((a, b) => a.x - b.x)
    .map((tp) => ({ value: tp.id, label: tp.label.trim() || t('canvas.untitled') }));
  if (options.length === 0) return <p className="muted">{t('panel.connectNothing')}</p>;
  return (
    <div className="inline-add">
      <SelectField
        label={t('panel.connectLabel')}
        help={t('panel.connectHelp')}
        value={target && options.some((o) => o.value === target) ? target : null}
        emptyLabel={t('panel.connectNone')}
        options={options}
        onChange={setTarget}
        testId="connect-target"
      />
      <button
        type="button"
        className="button"
        disabled={!target}
        onClick={() => {
          if (!target) return;
          connect(touchpoint.id, target).then(
            (tr) => {
              if (tr) announce(t('canvas.connected'));
              setTarget(null);
            },
            (e: unknown) => announce(t(errorKey(e)), 'error'),
          );
        }}
        data-testid="connect-button"
      >
        {t('panel.connectButton')}
      </button>
    </div>
  );
}

/** The side panel where the selected touchpoint is described, in plain words and large fields. */
export function TouchpointPanel({ focusRequest }: { focusRequest: number }) {
  const { t, i18n } = useTranslation();
  const touchpoint = useJourney((s) => (s.selectedId ? s.touchpoints[s.selectedId] : undefined));
  const services = useJourney((s) => s.services);
  const patch = useJourney((s) => s.patchTouchpoint);
  const select = useJourney((s) => s.select);
  const deleteTouchpoint = useJourney((s) => s.deleteTouchpoint);
  const [confirming, setConfirming] = useState(false);
  const titleId = useId();
  const panelRef = useRef<HTMLElement>(null);

  useEffect(() => {
    if (focusRequest > 0)
      panelRef.current?.querySelector<HTMLElement>('[data-testid="touchpoint-name"]')?.focus();
  }, [focusRequest]);

  if (!touchpoint) {
    return (
      <aside
        className="panel panel-empty"
        aria-label={t('panel.title')}
        data-testid="touchpoint-panel-empty"
      >
        <p>{t('panel.noneSelected')}</p>
      </aside>
    );
  }
  const tp = touchpoint;
  const lang = i18n.language === 'en' ? 'en' : 'da';
  const serviceOptions = services
    .filter((s) => (s.sector === tp.sector && !s.hidden) || s.code === tp.serviceCode)
    .map((s) => ({ value: s.code, label: s.label[lang] }));

  return (
    <aside
      ref={panelRef}
      className="panel"
      aria-labelledby={titleId}
      data-testid="touchpoint-panel"
    >
      <div className="panel-header">
        <h2 id={titleId} className="section-title">
          {t('panel.title')}
        </h2>
        <button
          type="button"
          className="button"
          onClick={() => select(null)}
          data-testid="panel-close"
        >
          {t('panel.close')}
        </button>
      </div>
      <TextField
        key={`name-${tp.id}`}
        label={t('panel.nameLabel')}
        help={t('panel.nameHelp')}
        value={tp.label}
        max={LIMITS.touchpointLabelMax}
        tooLongMessage={t('validation.labelTooLong', { max: LIMITS.touchpointLabelMax })}
        onChange={(v) => patch(tp.id, { label: v })}
        testId="touchpoint-name"
      />
      <SelectField
        label={t('panel.sectorLabel')}
        value={tp.sector}
        options={SECTORS.map((s) => ({ value: s, label: t(`vocab.sector.${s}`) }))}
        onChange={(v) => v && patch(tp.id, { sector: v, serviceCode: null })}
        testId="touchpoint-sector"
      />
      <SelectField
        label={t('panel.serviceLabel')}
        value={tp.serviceCode}
        emptyLabel={t('panel.serviceNone')}
        options={serviceOptions}
        onChange={(code) => {
          const service = services.find((s) => s.code === code);
          patch(tp.id, {
            serviceCode: code,
            ...(service && !tp.contactType ? { contactType: service.defaultContactType } : {}),
            ...(service && !tp.label.trim() ? { label: service.label[lang] } : {}),
          });
        }}
        testId="touchpoint-service"
      />
      <SelectField
        label={t('panel.contactTypeLabel')}
        value={tp.contactType}
        emptyLabel={t('panel.notChosen')}
        options={CONTACT_TYPES.map((c) => ({ value: c, label: t(`vocab.contactType.${c}`) }))}
        onChange={(v) => patch(tp.id, { contactType: v })}
        testId="touchpoint-contact-type"
      />
      <DateField
        key={`date-${tp.id}`}
        value={tp.date}
        onChange={(date) => patch(tp.id, { date })}
      />
      <NumberField
        key={`duration-${tp.id}`}
        label={t('panel.durationLabel')}
        help={t('panel.durationHelp')}
        value={tp.durationDays}
        parse={(s) => parseDecimal(s, 0, LIMITS.daysMax)}
        invalidMessage={t('panel.durationInvalid', { max: LIMITS.daysMax })}
        onChange={(v) => patch(tp.id, { durationDays: v })}
        testId="touchpoint-duration"
      />
      <NumberField
        key={`reps-${tp.id}`}
        label={t('panel.repetitionsLabel')}
        help={t('panel.repetitionsHelp')}
        value={tp.repetitions}
        parse={(s) => parseDecimal(s, 1, LIMITS.repetitionsMax, true)}
        invalidMessage={t('panel.repetitionsInvalid', { max: LIMITS.repetitionsMax })}
        onChange={(v) => patch(tp.id, { repetitions: v })}
        testId="touchpoint-repetitions"
      />
      <SelectField
        label={t('panel.initiatedByLabel')}
        value={tp.initiatedBy}
        emptyLabel={t('panel.notChosen')}
        options={INITIATORS.map((c) => ({ value: c, label: t(`vocab.initiator.${c}`) }))}
        onChange={(v) => patch(tp.id, { initiatedBy: v })}
        testId="touchpoint-initiated-by"
      />
      <EmotionPicker
        value={tp.emotion}
        onChange={(e) => patch(tp.id, { emotion: e as Touchpoint['emotion'] })}
      />
      <ConnectControl key={`connect-${tp.id}`} touchpoint={tp} />
      <PainPoints touchpoint={tp} />
      <TextField
        key={`worked-${tp.id}`}
        label={t('panel.whatWorkedLabel')}
        value={tp.whatWorked}
        max={LIMITS.textMax}
        tooLongMessage={t('panel.textTooLong', { max: LIMITS.textMax })}
        onChange={(v) => patch(tp.id, { whatWorked: v })}
        multiline
        testId="touchpoint-what-worked"
      />
      <TextField
        key={`quote-${tp.id}`}
        label={t('panel.quoteLabel')}
        value={tp.quote}
        max={LIMITS.textMax}
        tooLongMessage={t('panel.textTooLong', { max: LIMITS.textMax })}
        onChange={(v) => patch(tp.id, { quote: v })}
        multiline
        testId="touchpoint-quote"
      />
      <button
        type="button"
        className="button button-danger-outline"
        onClick={() => setConfirming(true)}
        data-testid="touchpoint-delete"
      >
        {t('panel.delete')}
      </button>
      <ConfirmDialog
        open={confirming}
        title={t('panel.deleteTitle', { label: tp.label.trim() || t('canvas.untitled') })}
        body={t('panel.deleteBody')}
        confirmLabel={t('panel.deleteConfirm')}
        cancelLabel={t('panel.deleteCancel')}
        danger
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          deleteTouchpoint(tp.id).then(
            () => announce(t('panel.deleted')),
            (error: unknown) => announce(t(errorKey(error)), 'error'),
          );
        }}
        testId="touchpoint-delete-dialog"
      />
    </aside>
  );
}
