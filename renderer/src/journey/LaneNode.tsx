import type { Node, NodeProps } from '@xyflow/react';
import { memo } from 'react';

export type LaneNodeData = { label: string; width: number; height: number; index: number };
export type LaneNodeType = Node<LaneNodeData, 'lane'>;

/** A swimlane band behind the touchpoints of one sector, with its name on the left. */
function LaneNodeView({ data }: NodeProps<LaneNodeType>) {
  return (
    <div
      className={data.index % 2 ? 'lane lane-odd' : 'lane'}
      style={{ width: data.width, height: data.height }}
      data-testid="lane"
    >
      <span className="lane-label">{data.label}</span>
    </div>
  );
}

export const LaneNode = memo(LaneNodeView);
