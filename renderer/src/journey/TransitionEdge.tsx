import { BaseEdge, EdgeLabelRenderer, useStore, type EdgeProps } from '@xyflow/react';
import { createContext, memo, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import {
  HANDLE_HALF,
  labelCentre,
  leaderFor,
  lineBetween,
  labelPlace,
  labelSize,
  type LabelPlace,
  type Rect,
} from './edge-geometry';
import type { TransitionEdgeData, TransitionEdge as TransitionEdgeType } from './journey-store';
import { NODE_HEIGHT, NODE_WIDTH } from './lanes';
import { zoomedOut } from './viewport';

/**
 * The cards of the map as laid out (not while one is dragged), and where along its line each
 * label was placed for the whole map at once (placeLabels). A label without a place is placed
 * on its own beside the cards; without a provider it sits in the middle of its line.
 */
export const LabelPlaces = createContext<{
  cards: readonly Rect[];
  along: ReadonlyMap<string, LabelPlace>;
}>({ cards: [], along: new Map() });

/** The words on a line: the handover's quality (or else its kind) and the wait. */
export function edgeLabelText(
  t: TFunction,
  data: Pick<TransitionEdgeData, 'quality' | 'kind' | 'waitingDays'>,
): string {
  return [
    data.quality
      ? t(`vocab.quality.${data.quality}`)
      : data.kind !== 'then'
        ? t(`vocab.transitionKind.${data.kind}`)
        : '',
    data.waitingDays ? t('canvas.edgeWaitingShort', { count: data.waitingDays }) : '',
  ]
    .filter(Boolean)
    .join(' · ');
}

/**
 * A transition: its handover quality as colour, line and word, and the waiting time, so
 * "broken" is visible without relying on colour alone. The label goes where it hides no card.
 */
function TransitionEdgeView(props: EdgeProps<TransitionEdgeType>) {
  // Cards have a fixed size, and the line's ends sit on the outer edge of the handles in the
  // middle of their sides: the two cards follow from the ends without subscribing to every
  // node's measurements.
  const source = {
    x: props.sourceX - HANDLE_HALF - NODE_WIDTH,
    y: props.sourceY - NODE_HEIGHT / 2,
    width: NODE_WIDTH,
    height: NODE_HEIGHT,
    id: props.source,
  };
  const target = {
    x: props.targetX + HANDLE_HALF,
    y: props.targetY - NODE_HEIGHT / 2,
    width: NODE_WIDTH,
    height: NODE_HEIGHT,
    id: props.target,
  };
  const { cards } = useContext(LabelPlaces);
  const { path, at } = lineBetween(source, target, cards);
  const quality = props.data?.quality ?? null;
  const kind = props.data?.kind ?? 'then';
  const waiting = props.data?.waitingDays ?? null;
  return (
    <>
      <BaseEdge
        id={props.id}
        path={path}
        markerEnd={props.markerEnd}
        interactionWidth={28}
        className={`transition-path quality-${quality ?? 'none'}${props.selected ? ' selected' : ''}`}
      />
      {/* A plain "then" with no rating and no wait has no label (and costs nothing to draw). */}
      {(quality || kind !== 'then' || waiting) && (
        <EdgeLabel id={props.id} at={at} quality={quality} kind={kind} waiting={waiting} />
      )}
    </>
  );
}

/** The words on a line, placed along it where they hide no card. */
function EdgeLabel(props: {
  id: string;
  at: (t: number) => { x: number; y: number };
  quality: TransitionEdgeData['quality'];
  kind: TransitionEdgeData['kind'];
  waiting: number | null;
}) {
  const { t } = useTranslation();
  const { cards, along } = useContext(LabelPlaces);
  // Zoomed out, where cards are marks, words on the lines would be too small to read: the line's
  // colour and dash still tell the handover.
  const overview = useStore(zoomedOut);
  const { quality, kind, waiting } = props;
  const text = edgeLabelText(t, { quality, kind, waitingDays: waiting });
  if (!text || overview) return null;
  const size = labelSize(text);
  const place = along.get(props.id) ?? labelPlace(props.at, size, cards);
  const label = labelCentre(props.at, place);
  const leader = leaderFor(props.at, place);
  return (
    <>
      {/* Set aside from its line, the label is tied to it by a short dotted line. */}
      {leader && (
        <path
          className={`edge-leader quality-${quality ?? 'none'}`}
          d={`M${leader.from.x},${leader.from.y} L${leader.to.x},${leader.to.y}`}
          data-testid="edge-leader"
          data-edge={props.id}
        />
      )}
      <EdgeLabelRenderer>
        <div
          className={`edge-label quality-${quality ?? 'none'}`}
          style={{ transform: `translate(-50%, -50%) translate(${label.x}px, ${label.y}px)` }}
          data-testid="edge-label"
          data-edge={props.id}
        >
          {text}
        </div>
      </EdgeLabelRenderer>
    </>
  );
}

export const TransitionEdge = memo(TransitionEdgeView);
