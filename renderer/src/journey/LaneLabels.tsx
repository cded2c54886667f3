import { useViewport } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import type { Sector } from '../../../shared/vocabulary';
import { useJourney } from './journey-context';
import { LANE_HEIGHT, laneTop, visibleLanes } from './lanes';

/**
 * Lane names in their own column beside the map (never over it), following the lanes up and
 * down as the map pans and zooms, at a readable size; long names wrap inside the column.
 */
export function LaneLabels({ hidden: shownHidden }: { hidden?: readonly Sector[] } = {}) {
  const { t } = useTranslation();
  const { y, zoom } = useViewport();
  const chosenHidden = useJourney((s) => s.hiddenSectors);
  // The compare view leaves out lanes neither map uses.
  const lanes = visibleLanes(shownHidden ?? chosenHidden);
  return (
    <div className="lane-labels" aria-hidden="true" data-testid="lane-labels">
      {lanes.map((sector) => (
        <div
          key={sector}
          className={
            LANE_HEIGHT * zoom < 44 ? 'lane-label-sticky lane-label-compact' : 'lane-label-sticky'
          }
          data-testid="lane-label"
          data-sector={sector}
          style={{
            // Whole pixels, each ending where the next begins: no sliver of one name over another.
            top: Math.round(y + laneTop(sector, lanes) * zoom),
            height:
              Math.round(y + (laneTop(sector, lanes) + LANE_HEIGHT) * zoom) -
              Math.round(y + laneTop(sector, lanes) * zoom),
          }}
        >
          <span title={t(`vocab.sector.${sector}`)}>{t(`vocab.sector.${sector}`)}</span>
        </div>
      ))}
    </div>
  );
}
