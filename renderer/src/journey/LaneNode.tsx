import type { Node, NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { Sector } from '../../../shared/vocabulary';
import { LANE_HEIGHT, laneTop, visibleLanes } from './lanes';

export type LaneNodeData = {
  sector: string;
  width: number;
  height: number;
  index: number;
};
export type LaneNodeType = Node<LaneNodeData, 'lane'>;

/** A swimlane band behind the touchpoints of one sector (its name is pinned by LaneLabels). */
function LaneNodeView({ data }: NodeProps<LaneNodeType>) {
  return (
    <div
      className={data.index % 2 ? 'lane lane-odd' : 'lane'}
      style={{ width: data.width, height: data.height }}
      data-testid="lane"
      data-sector={data.sector}
    ></div>
  );
}

export const LaneNode = memo(LaneNodeView);

/** Lane width follows the content in coarse steps, so the bands are not rebuilt on every move. */
const LANE_STEP = 2000;

/** Where the lanes start and end for cards at these x positions: coarse, see LANE_STEP. */
export function laneSpan(xs: readonly number[]): { minX: number; maxX: number } {
  return {
    minX: Math.floor(Math.min(0, ...xs) / LANE_STEP) * LANE_STEP,
    maxX: Math.ceil(Math.max(LANE_STEP, ...xs) / LANE_STEP) * LANE_STEP,
  };
}

/** The swimlane bands of the sectors not hidden, from `minX` to `maxX` and well beyond. */
export function laneNodes(hidden: readonly Sector[], minX: number, maxX: number): LaneNodeType[] {
  const lanes = visibleLanes(hidden);
  return lanes.map((sector, index) => ({
    id: `lane:${sector}`,
    type: 'lane' as const,
    position: { x: minX - 2 * LANE_STEP, y: laneTop(sector, lanes) },
    data: { sector, width: maxX - minX + 4 * LANE_STEP, height: LANE_HEIGHT, index },
    draggable: false,
    selectable: false,
    focusable: false,
    connectable: false,
    zIndex: -1,
  }));
}
