import { useViewport } from '@xyflow/react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLaidOutCards } from './use-layout';
import { monthTicks } from './viewport';

/**
 * The time axis, pinned above the map: each month is named where its first touchpoint stands,
 * and follows the map as it scrolls along time and zooms.
 */
export function TimeRuler() {
  const { t, i18n } = useTranslation();
  const { x: vx, zoom } = useViewport();
  const cards = useLaidOutCards();
  const ticks = useMemo(
    () =>
      monthTicks(
        cards.map((c) => ({ x: c.x, date: c.tp.date })),
        i18n.language,
      ),
    [cards, i18n.language],
  );
  return (
    <div className="time-ruler" data-testid="time-ruler" aria-label={t('canvas.timeRuler')}>
      {ticks.length === 0 ? (
        <span className="time-ruler-empty">{t('canvas.timeRulerEmpty')}</span>
      ) : (
        <ol className="time-ruler-list">
          {ticks.map((tick) => (
            <li
              key={tick.month}
              className="time-tick"
              data-testid="time-tick"
              data-month={tick.month}
              style={{ transform: `translateX(${vx + tick.x * zoom}px)` }}
            >
              {tick.label}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
