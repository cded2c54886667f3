import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
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
import { durationText, parseDuration } from './duration';
import { useJourney } from './journey-context';

/**
 * What hurt: one tap on a kind of problem adds it and puts the cursor in its text, so a pain
 * point costs one action besides typing. Buttons rather than a select that acts on change: on
 * some systems the arrow keys change a closed select's value and would add a problem per press.
 */
function PainPoints({ touchpoint }: { touchpoint: Touchpoint }) {
  const { t } = useTranslation();
  const all = useJourney((s) => s.painPoints);
  const addPainPoint = useJourney((s) => s.addPainPoint);
  const patchPainPoint = useJourney((s) => s.patchPainPoint);
  const deletePainPoint = useJourney((s) => s.deletePainPoint);
  const id = useId();
  const listRef = useRef<HTMLUListElement>(null);
  // The pain point just added, whose text should get the cursor once it is on screen.
  const focusNext = useRef<string | null>(null);
  const items = Object.values(all).filter((p) => p.touchpointId === touchpoint.id);
  const categories = PAIN_CATEGORIES.map((c) => ({
    value: c,
    label: t(`vocab.painCategory.${c}`),
  }));

  const focusPending = useCallback(() => {
    const pending = focusNext.current;
    if (!pending) return;
    const text = listRef.current?.querySelector<HTMLElement>(
      `[data-pain-id="${pending}"] [data-testid="pain-text"]`,
    );
    if (!text) return;
    focusNext.current = null;
    text.focus();
  }, []);
  useEffect(focusPending);

  function add(category: PainCategory) {
    addPainPoint(touchpoint.id, category).then(
      (p) => {
        focusNext.current = p.id;
        focusPending();
      },
      (e: unknown) => announce(t(errorKey(e)), 'error'),
    );
  }

  return (
    <section className="subsection" aria-labelledby={`${id}-title`} data-testid="pain-points">
      <h3 id={`${id}-title`} className="subsection-title">
        {t('panel.painTitle')}
      </h3>
      {items.length === 0 && <p className="muted">{t('panel.painNone')}</p>}
      <ul className="pain-list" ref={listRef}>
        {items.map((p) => (
          <li key={p.id} className="pain-item" data-testid="pain-point" data-pain-id={p.id}>
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
      <div role="group" aria-labelledby={`${id}-add`} className="panel-pain-add">
        <p id={`${id}-add`} className="field-label">
          {t('panel.painAddTitle')}
        </p>
        <div className="panel-chips">
          {categories.map((c) => (
            <button
              key={c.value}
              type="button"
              className="button panel-chip"
              aria-label={t('panel.painAddNamed', { category: c.label })}
              onClick={() => add(c.value)}
              data-testid={`pain-add-${c.value}`}
            >
              <span aria-hidden="true">+ </span>
              {c.label}
            </button>
          ))}
        </div>
      </div>
    </section>
  );
}

/**
 * The connections to and from this touchpoint, each a button that opens it: the way to a
 * connection from the keyboard (the lines themselves are not Tab stops, so Tab reaches the
 * cards first), and a quick read of this card's handovers.
 */
function ConnectionsList({ touchpoint }: { touchpoint: Touchpoint }) {
  const { t } = useTranslation();
  const all = useJourney((s) => s.touchpoints);
  const transitions = useJourney((s) => s.transitions);
  const selectEdge = useJourney((s) => s.selectEdge);
  const mine = Object.values(transitions).filter(
    (tr) => tr.sourceId === touchpoint.id || tr.targetId === touchpoint.id,
  );
  if (mine.length === 0) return null;
  const name = (id: string) => all[id]?.label.trim() || t('canvas.untitled');
  return (
    <section className="panel-connections" aria-labelledby="panel-connections-title">
      <h3 id="panel-connections-title" className="field-label">
        {t('panel.connectionsTitle')}
      </h3>
      <ul className="plain-list">
        {mine.map((tr) => {
          const outgoing = tr.sourceId === touchpoint.id;
          const facts = [
            tr.quality ? t(`vocab.quality.${tr.quality}`) : '',
            tr.waitingDays ? t('canvas.edgeWaitingShort', { count: tr.waitingDays }) : '',
          ]
            .filter(Boolean)
            .join(' · ');
          const text = t(outgoing ? 'panel.connectionTo' : 'panel.connectionFrom', {
            label: name(outgoing ? tr.targetId : tr.sourceId),
          });
          return (
            <li key={tr.id}>
              <button
                type="button"
                className="button panel-connection"
                onClick={() => selectEdge(tr.id)}
                data-testid="panel-connection"
              >
                {facts ? `${text} · ${facts}` : text}
              </button>
            </li>
          );
        })}
      </ul>
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
  const chosen = options.find((o) => o.value === target);
  return (
    <div className="panel-connect">
      <SelectField
        label={t('panel.connectLabel')}
        help={t('panel.connectHelp')}
        value={chosen ? chosen.value : null}
        emptyLabel={t('panel.connectNone')}
        options={options}
        onChange={setTarget}
        testId="connect-target"
        title={chosen?.label}
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
        {/* The whole name, wrapped: the select above may have to cut a long one short. */}
        {chosen ? t('panel.connectButtonNamed', { label: chosen.label }) : t('panel.connectButton')}
      </button>
    </div>
  );
}

/**
 * Open or closed while the app runs, across touchpoints and views: a facilitator who opened it
 * once wants it open for the next touchpoint too. Not saved: a new day starts with the short form.
 */
let moreOpenWhileRunning = false;

/** The fields used less often, folded under one heading so the panel starts short. */
function MoreDetails({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(moreOpenWhileRunning);
  return (
    <details
      className="panel-more"
      open={open}
      onToggle={(e) => {
        moreOpenWhileRunning = e.currentTarget.open;
        setOpen(e.currentTarget.open);
      }}
      data-testid="touchpoint-more"
    >
      <summary className="panel-more-summary">{t('panel.moreTitle')}</summary>
      <div className="panel-more-body">{children}</div>
    </details>
  );
}

/** The side panel where the selected touchpoint is described, in plain words and large fields. */
export function TouchpointPanel({ focusRequest }: { focusRequest: number }) {
  const { t, i18n } = useTranslation();
  const touchpoint = useJourney((s) => (s.selectedId ? s.touchpoints[s.selectedId] : undefined));
  const services = useJourney((s) => s.services);
  const patch = useJourney((s) => s.patchTouchpoint);
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
      <section
        className="panel panel-empty"
        aria-label={t('panel.title')}
        data-testid="touchpoint-panel-empty"
      >
        <p>{t('panel.noneSelected')}</p>
      </section>
    );
  }
  const tp = touchpoint;
  const lang = i18n.language === 'en' ? 'en' : 'da';
  const serviceOptions = services
    .filter((s) => (s.sector === tp.sector && !s.hidden) || s.code === tp.serviceCode)
    .map((s) => ({ value: s.code, label: s.label[lang] }));

  return (
    <section
      ref={panelRef}
      className="panel"
      aria-labelledby={titleId}
      data-testid="touchpoint-panel"
    >
      {/* Closing is the drawer's job (its close button sits above this heading). */}
      <h2 id={titleId} className="section-title">
        {t('panel.title')}
      </h2>
      {/* What is filled in at nearly every touchpoint comes first; the rest is folded below. */}
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
      <DateField
        key={`date-${tp.id}`}
        value={tp.date}
        onChange={(date) => patch(tp.id, { date })}
      />
      <EmotionPicker
        value={tp.emotion}
        onChange={(e) => patch(tp.id, { emotion: e as Touchpoint['emotion'] })}
      />
      <PainPoints touchpoint={tp} />
      <ConnectionsList touchpoint={tp} />
      <MoreDetails>
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
        <NumberField
          key={`duration-${tp.id}`}
          label={t('panel.durationLabel')}
          help={t('panel.durationHelp')}
          value={tp.durationDays}
          parse={(s) => parseDuration(s, LIMITS.daysMax)}
          // A visit or a call of a few hours reads in hours, as it was typed.
          format={(days) => durationText(days, t, i18n.language, false)}
          inputMode="text"
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
        <ConnectControl key={`connect-${tp.id}`} touchpoint={tp} />
        <button
          type="button"
          className="button button-danger-outline panel-delete"
          onClick={() => setConfirming(true)}
          data-testid="touchpoint-delete"
        >
          {t('panel.delete')}
        </button>
      </MoreDetails>
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
    </section>
  );
}
