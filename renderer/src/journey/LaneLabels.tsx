import { useViewport } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { useJourney } from './journey-context';
import { LANE_HEIGHT, laneTop, visibleLanes } from './lanes';

/**
 * Lane names pinned to the left edge of the canvas, following the lanes up and down as the map
 * pans and zooms, always at a readable size.
 */
export function LaneLabels() {
  const { t } = useTranslation();
  const { y, zoom } = useViewport();
  const hidden = useJourney((s) => s.hiddenSectors);
  const lanes = visibleLanes(hidden);
  return (
    <div className="lane-labels" aria-hidden="true" data-testid="lane-labels">
      {lanes.map((sector) => (
        <div
          key={sector}
          className="lane-label-sticky"
          style={{ top: y + laneTop(sector, lanes) * zoom, height: LANE_HEIGHT * zoom }}
        >
          <span>{t(`vocab.sector.${sector}`)}</span>
        </div>
      ))}
    </div>
  );
}
