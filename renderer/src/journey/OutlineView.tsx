import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Touchpoint } from '../../../shared/domain/journey';
import type { MapKind } from '../../../shared/vocabulary';
import { EMOTION_KEYS } from './EmotionFace';
import { formatPathwayDate } from './format';
import { useJourney } from './journey-context';

/** Orders a map's touchpoints as the journey went: by date where known, else by place in time. */
export function journeyOrder(touchpoints: Touchpoint[]): Touchpoint[] {
  return [...touchpoints].sort((a, b) => a.x - b.x || a.createdAt.localeCompare(b.createdAt));
}

/**
 * The journey as a plain ordered list, for screen readers and for anyone who prefers reading to
 * a map: each touchpoint with its lane, kind, date, feeling, problems and what came next.
 */
export function OutlineView({
  onEdit,
  readOnly = false,
  map: mapOverride,
}: {
  onEdit: (id: string) => void;
  readOnly?: boolean;
  /** Show this map rather than the one chosen on the canvas. */
  map?: MapKind;
}) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const chosen = useJourney((s) => s.map);
  const map = mapOverride ?? chosen;
  const all = useJourney((s) => s.touchpoints);
  const transitions = useJourney((s) => s.transitions);
  const painPoints = useJourney((s) => s.painPoints);
  const items = journeyOrder(Object.values(all).filter((tp) => tp.map === map));
  const name = (tp: Touchpoint | undefined) => tp?.label.trim() || t('canvas.untitled');

  return (
    <section className="outline" aria-labelledby={titleId} data-testid="outline">
      <h2 id={titleId} className="section-title">
        {t('canvas.outlineTitle')} — {t(`vocab.map.${map}`)}
      </h2>
      {items.length === 0 && <p className="muted">{t('canvas.outlineEmpty')}</p>}
      <ol className="outline-list">
        {items.map((tp) => {
          const next = Object.values(transitions)
            .filter((tr) => tr.sourceId === tp.id)
            .map((tr) => name(all[tr.targetId]));
          const pains = Object.values(painPoints).filter((p) => p.touchpointId === tp.id);
          const facts = [
            t(`vocab.sector.${tp.sector}`),
            tp.contactType ? t(`vocab.contactType.${tp.contactType}`) : '',
            formatPathwayDate(tp.date, i18n.language),
            tp.emotion !== null ? t(EMOTION_KEYS[tp.emotion]!) : '',
            pains.length ? t('canvas.outlinePain', { count: pains.length }) : '',
          ].filter(Boolean);
          return (
            <li key={tp.id} className="outline-item" data-testid="outline-item">
              <div className="outline-head">
                <strong>{name(tp)}</strong>
                {!readOnly && (
                  <button
                    type="button"
                    className="button button-small"
                    aria-label={t('canvas.outlineEditNamed', { label: name(tp) })}
                    onClick={() => onEdit(tp.id)}
                  >
                    {t('canvas.outlineEdit')}
                  </button>
                )}
              </div>
              <p className="outline-facts">{facts.join(' · ')}</p>
              {next.length > 0 && (
                <p className="outline-next">
                  {t('canvas.outlineNext', { targets: next.join(', ') })}
                </p>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
