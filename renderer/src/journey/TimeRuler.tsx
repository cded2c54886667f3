import { useViewport } from '@xyflow/react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLaidOutCards } from './use-layout';
import { monthTicks, type MonthTick } from './viewport';

/** Room for a month's name on the ruler (px): names closer than this would run together. */
const MIN_TICK_GAP = 120;

/**
 * The months on screen, keeping a name only where it has room after the one before it, so
 * zoomed out the ruler names every second or third month instead of overprinting them.
 */
function spaced(ticks: MonthTick[], vx: number, zoom: number) {
  const shown: (MonthTick & { left: number })[] = [];
  for (const tick of ticks) {
    const left = vx + tick.x * zoom;
    const last = shown[shown.length - 1];
    if (!last || left - last.left >= MIN_TICK_GAP) shown.push({ ...tick, left });
  }
  return shown;
}

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
    <div
      className="time-ruler"
      role="group"
      data-testid="time-ruler"
      aria-label={t('canvas.timeRuler')}
    >
      {ticks.length === 0 ? (
        <span className="time-ruler-empty">{t('canvas.timeRulerEmpty')}</span>
      ) : (
        <ol className="time-ruler-list">
          {spaced(ticks, vx, zoom).map((tick) => (
            <li
              key={tick.month}
              className="time-tick"
              data-testid="time-tick"
              data-month={tick.month}
              style={{ transform: `translateX(${tick.left}px)` }}
            >
              {tick.label}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
