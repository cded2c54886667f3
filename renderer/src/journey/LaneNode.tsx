import type { Node, NodeProps } from '@xyflow/react';
import { memo } from 'react';

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
