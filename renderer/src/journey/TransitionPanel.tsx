import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../shared/domain/journey';
import { HANDOVER_QUALITIES, TRANSITION_KINDS } from '../../../shared/vocabulary';
import { errorKey } from '../api/client';
import { announce } from '../announcer';
import { NumberField, SelectField, TextField, parseDecimal } from '../components/fields';
import { useJourney } from './journey-context';

/** The side panel for the selected transition: what happened between two touchpoints. */
export function TransitionPanel() {
  const { t } = useTranslation();
  const tr = useJourney((s) => (s.selectedEdgeId ? s.transitions[s.selectedEdgeId] : undefined));
  const touchpoints = useJourney((s) => s.touchpoints);
  const patch = useJourney((s) => s.patchTransition);
  const remove = useJourney((s) => s.deleteTransition);
  const titleId = useId();
  if (!tr) return null;
  const name = (id: string) => touchpoints[id]?.label.trim() || t('canvas.untitled');

  return (
    <section className="panel" aria-labelledby={titleId} data-testid="transition-panel">
      {/* Closing is the drawer's job (its close button sits above this heading). */}
      <h2 id={titleId} className="section-title">
        {t('edgePanel.title')}
      </h2>
      <p className="muted">
        {t('edgePanel.from', { from: name(tr.sourceId), to: name(tr.targetId) })}
      </p>
      <SelectField
        label={t('edgePanel.kindLabel')}
        value={tr.kind}
        options={TRANSITION_KINDS.map((k) => ({ value: k, label: t(`vocab.transitionKind.${k}`) }))}
        onChange={(v) => v && patch(tr.id, { kind: v })}
        testId="transition-kind"
      />
      <SelectField
        label={t('edgePanel.qualityLabel')}
        value={tr.quality}
        emptyLabel={t('edgePanel.qualityNone')}
        options={HANDOVER_QUALITIES.map((q) => ({ value: q, label: t(`vocab.quality.${q}`) }))}
        onChange={(v) => patch(tr.id, { quality: v })}
        testId="transition-quality"
      />
      <NumberField
        key={`wait-${tr.id}`}
        label={t('edgePanel.waitingLabel')}
        value={tr.waitingDays}
        parse={(s) => parseDecimal(s, 0, LIMITS.daysMax)}
        invalidMessage={t('panel.durationInvalid', { max: LIMITS.daysMax })}
        onChange={(v) => patch(tr.id, { waitingDays: v })}
        testId="transition-waiting"
      />
      <TextField
        key={`note-${tr.id}`}
        label={t('edgePanel.noteLabel')}
        value={tr.note}
        max={LIMITS.textMax}
        tooLongMessage={t('panel.textTooLong', { max: LIMITS.textMax })}
        onChange={(v) => patch(tr.id, { note: v })}
        multiline
        testId="transition-note"
      />
      <button
        type="button"
        className="button button-danger-outline"
        onClick={() =>
          remove(tr.id).then(
            () => announce(t('edgePanel.deleted')),
            (e: unknown) => announce(t(errorKey(e)), 'error'),
          )
        }
        data-testid="transition-delete"
      >
        {t('edgePanel.delete')}
      </button>
    </section>
  );
}
