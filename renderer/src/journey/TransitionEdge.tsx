import {
  BaseEdge,
  EdgeLabelRenderer,
  getBezierPath,
  Position,
  useInternalNode,
  type EdgeProps,
  type InternalNode,
} from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TransitionEdge as TransitionEdgeType } from './journey-store';

type Anchor = { x: number; y: number; position: Position };

/**
 * Where a line leaves and enters two cards. Left to right when the next card stands to the right
 * (the usual case); cards close in time in other lanes overlap in x, so those are joined bottom
 * to top (or top to bottom) instead of looping back behind the card.
 */
export function edgeAnchors(
  source: { x: number; y: number; width: number; height: number },
  target: { x: number; y: number; width: number; height: number },
): [Anchor, Anchor] | null {
  if (target.x >= source.x + source.width + 16) return null;
  const tx = target.x + target.width / 2;
  const below = target.y >= source.y + source.height;
  const above = target.y + target.height <= source.y;
  if (!below && !above) return null;
  // Leave from the side when the target's middle is past the card, so the line passes beside
  // the cards of the lanes in between rather than through them.
  const fromSide = tx >= source.x + source.width - 10;
  const start: Anchor = fromSide
    ? { x: source.x + source.width, y: source.y + source.height / 2, position: Position.Right }
    : below
      ? { x: source.x + source.width / 2, y: source.y + source.height, position: Position.Bottom }
      : { x: source.x + source.width / 2, y: source.y, position: Position.Top };
  const end: Anchor = below
    ? { x: tx, y: target.y, position: Position.Top }
    : { x: tx, y: target.y + target.height, position: Position.Bottom };
  return [start, end];
}

function rectOf(node: InternalNode | undefined) {
  if (!node?.measured.width || !node.measured.height) return null;
  return {
    ...node.internals.positionAbsolute,
    width: node.measured.width,
    height: node.measured.height,
  };
}

/**
 * A transition: its handover quality as colour, line and word, and the waiting time, so
 * "broken" is visible without relying on colour alone.
 */
function TransitionEdgeView(props: EdgeProps<TransitionEdgeType>) {
  const { t } = useTranslation();
  const source = rectOf(useInternalNode(props.source));
  const target = rectOf(useInternalNode(props.target));
  const anchors = source && target ? edgeAnchors(source, target) : null;
  const [path, labelX, labelY] = getBezierPath(
    anchors
      ? {
          sourceX: anchors[0].x,
          sourceY: anchors[0].y,
          sourcePosition: anchors[0].position,
          targetX: anchors[1].x,
          targetY: anchors[1].y,
          targetPosition: anchors[1].position,
        }
      : props,
  );
  const quality = props.data?.quality ?? null;
  const kind = props.data?.kind ?? 'then';
  const waiting = props.data?.waitingDays ?? null;
  const text = [
    quality
      ? t(`vocab.quality.${quality}`)
      : kind !== 'then'
        ? t(`vocab.transitionKind.${kind}`)
        : '',
    waiting ? t('canvas.edgeWaitingShort', { count: waiting }) : '',
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <>
      <BaseEdge
        id={props.id}
        path={path}
        markerEnd={props.markerEnd}
        interactionWidth={28}
        className={`transition-path quality-${quality ?? 'none'}${props.selected ? ' selected' : ''}`}
      />
      {text && (
        <EdgeLabelRenderer>
          <div
            className={`edge-label quality-${quality ?? 'none'}`}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            data-testid="edge-label"
          >
            {text}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export const TransitionEdge = memo(TransitionEdgeView);
