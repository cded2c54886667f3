import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Touchpoint } from '../../../shared/domain/journey';
import type { MapKind } from '../../../shared/vocabulary';
import { EMOTION_KEYS, EmotionFace } from './EmotionFace';
import { formatPathwayDate } from './format';
import { useJourney } from './journey-context';
import { durationText } from './duration';

/** Orders a map's touchpoints as the journey went: by date where known, else by place in time. */
export function journeyOrder(touchpoints: Touchpoint[]): Touchpoint[] {
  return [...touchpoints].sort((a, b) => a.x - b.x || a.createdAt.localeCompare(b.createdAt));
}

/**
 * The journey as a plain ordered list, for screen readers and for anyone who prefers reading to
 * a map. It carries everything the map shows: each touchpoint with its lane, kind, date, feeling
 * and problems (with their text), and every connection with its kind, how the handover went, the
 * waiting time and its note.
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
  const days = (n: number) => String(n).replace('.', i18n.language === 'en' ? '.' : ',');

  return (
    <section className="outline" aria-labelledby={titleId} data-testid="outline">
      <h2 id={titleId} className="section-title">
        {t('canvas.outlineTitle')} — {t(`vocab.map.${map}`)}
      </h2>
      {items.length === 0 && <p className="muted">{t('canvas.outlineEmpty')}</p>}
      <ol className="outline-list">
        {items.map((tp) => {
          const next = Object.values(transitions).filter((tr) => tr.sourceId === tp.id);
          const pains = Object.values(painPoints).filter((p) => p.touchpointId === tp.id);
          const facts = [
            t(`vocab.sector.${tp.sector}`),
            tp.contactType ? t(`vocab.contactType.${tp.contactType}`) : '',
            formatPathwayDate(tp.date, i18n.language),
            tp.repetitions && tp.repetitions > 1
              ? t('canvas.outlineRepetitions', { count: tp.repetitions })
              : '',
            tp.durationDays !== null ? durationText(tp.durationDays, t, i18n.language) : '',
          ].filter(Boolean);
          return (
            <li key={tp.id} className="outline-item" data-testid="outline-item">
              <div className="outline-head">
                {tp.emotion !== null && <EmotionFace value={tp.emotion} size={28} />}
                <strong className="outline-name">{name(tp)}</strong>
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
              <p className="outline-facts" data-testid="outline-facts">
                {facts.join(' · ')}
              </p>
              {tp.emotion !== null && (
                <p className="outline-facts" data-testid="outline-emotion">
                  {t('canvas.outlineEmotion', { emotion: t(EMOTION_KEYS[tp.emotion]!) })}
                </p>
              )}
              {pains.length > 0 && (
                <div className="outline-pains">
                  <p className="outline-subtitle">
                    {t('canvas.outlinePain', { count: pains.length })}
                  </p>
                  <ul className="outline-sublist">
                    {pains.map((p) => (
                      <li key={p.id} data-testid="outline-pain">
                        <strong>{t(`vocab.painCategory.${p.category}`)}</strong>
                        {p.text.trim() && <>: {p.text.trim()}</>}
                      </li>
                    ))}
                  </ul>
                </div>
              )}
              {next.length > 0 && (
                <div className="outline-next">
                  <p className="outline-subtitle">{t('canvas.outlineNextTitle')}</p>
                  <ul className="outline-sublist">
                    {next.map((tr) => (
                      <li key={tr.id} data-testid="outline-transition">
                        {[
                          t('canvas.outlineTransition', {
                            kind: t(`vocab.transitionKind.${tr.kind}`),
                            target: name(all[tr.targetId]),
                          }),
                          tr.quality
                            ? t('canvas.outlineQuality', {
                                quality: t(`vocab.quality.${tr.quality}`),
                              })
                            : '',
                          tr.waitingDays !== null
                            ? t('canvas.outlineWaiting', {
                                count: tr.waitingDays,
                                days: days(tr.waitingDays),
                              })
                            : '',
                          tr.note.trim() ? t('canvas.outlineNote', { note: tr.note.trim() }) : '',
                        ]
                          .filter(Boolean)
                          .join(' · ')}
                      </li>
                    ))}
                  </ul>
                </div>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
