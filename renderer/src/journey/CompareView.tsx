import {
  Background,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  useStore,
  useViewport,
  type Node,
  type NodeTypes,
  type EdgeTypes,
  type ReactFlowInstance,
} from '@xyflow/react';
import { useCallback, useId, useMemo, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAPS, type MapKind, type Sector } from '../../../shared/vocabulary';
import { useJourney } from './journey-context';
import { buildView, type TransitionEdge as TransitionEdgeType } from './journey-store';
import { useFlowAriaLabels } from './flow-aria';
import { LaneLabels } from './LaneLabels';
import { LaneNode, laneNodes, laneSpan } from './LaneNode';
import { useNamedEdges } from './named-edges';
import { TouchpointNode } from './TouchpointNode';
import { LabelPlaces, TransitionEdge } from './TransitionEdge';
import { useLabelPlaces } from './use-layout';
import {
  LANE_COLUMN_WIDTH,
  LANE_HEIGHT,
  NODE_HEIGHT,
  NODE_WIDTH,
  compareHidden,
  visibleLanes,
} from './lanes';
import { MAX_ZOOM, MIN_ZOOM, openingViewFor } from './viewport';

const nodeTypes: NodeTypes = { touchpoint: TouchpointNode, lane: LaneNode };
const edgeTypes: EdgeTypes = { transition: TransitionEdge };

/**
 * Buttons beside the map's title when its lanes do not all fit its pane: a map cut off mid-lane
 * says so, and one press (or tap, or Enter) moves it a paneful up or down. Beside the title, not
 * on the map, so they never cover a card; both stay in their places while the map moves (the one
 * with nothing left to show is marked unavailable, not taken away), so a second tap lands on the
 * same button and the keyboard's focus stays on it.
 */
function MoreLanes({ lanes }: { lanes: number }) {
  const { t } = useTranslation();
  const { y, zoom } = useViewport();
  // The pane's height as React Flow measures it, kept current when the window changes size.
  const height = useStore((s) => s.height);
  const flow = useReactFlow();
  const content = lanes * LANE_HEIGHT * zoom;
  if (height <= 0 || content <= height + 2) return null;
  const above = y < -2;
  const below = y + content > height + 2;
  const move = (down: boolean) => {
    // From where the map is at the press, never past the first lane's top or the last's bottom.
    const now = flow.getViewport();
    const lanesHeight = lanes * LANE_HEIGHT * now.zoom;
    const step = Math.max(LANE_HEIGHT * now.zoom, height - LANE_HEIGHT * now.zoom);
    const lowest = Math.min(0, height - lanesHeight);
    const to = Math.min(0, Math.max(lowest, now.y + (down ? -step : step)));
    void flow.setViewport({ ...now, y: to });
  };
  const button = (down: boolean, enabled: boolean) => (
    <button
      type="button"
      className="more-lanes"
      data-testid={down ? 'more-lanes-below' : 'more-lanes-above'}
      aria-disabled={!enabled}
      onClick={() => enabled && move(down)}
    >
      {down ? t('canvas.moreLanesBelow') : t('canvas.moreLanesAbove')}{' '}
      <span aria-hidden="true">{down ? '↓' : '↑'}</span>
    </button>
  );
  return (
    <>
      {button(false, above)}
      {button(true, below)}
    </>
  );
}

function ReadOnlyMap({
  map,
  hiddenSectors,
  onOpen,
}: {
  map: MapKind;
  hiddenSectors: readonly Sector[];
  onOpen: (map: MapKind, id: string) => void;
}) {
  const { t } = useTranslation();
  const touchpoints = useJourney((s) => s.touchpoints);
  const transitions = useJourney((s) => s.transitions);
  const painPoints = useJourney((s) => s.painPoints);
  const view = useMemo(
    () =>
      buildView({
        touchpoints,
        transitions,
        painPoints,
        hiddenSectors: [...hiddenSectors],
        map,
        selectedId: null,
        selectedEdgeId: null,
        nodes: [],
        edges: [],
      }),
    [touchpoints, transitions, painPoints, hiddenSectors, map],
  );
  const titleId = useId();
  // An empty journey shows every lane, with nothing in them to look for.
  const cards = Object.keys(touchpoints).length;
  const { minX, maxX } = laneSpan(view.nodes.map((n) => n.position.x));
  const lanes = useMemo(() => laneNodes(hiddenSectors, minX, maxX), [hiddenSectors, minX, maxX]);
  const nodes = useMemo(() => [...lanes, ...view.nodes] as Node[], [lanes, view.nodes]);
  const flowRef = useRef<HTMLDivElement>(null);
  const cardRects = useMemo(
    () =>
      view.nodes.map((n) => ({
        id: n.id,
        rect: { ...n.position, width: NODE_WIDTH, height: NODE_HEIGHT },
      })),
    [view.nodes],
  );
  const labelPlaces = useLabelPlaces(cardRects, map);
  // Danish names and descriptions for screen readers, as on the journey map (React Flow's own
  // are English, and name a line by its cards' ids).
  const edges = useNamedEdges(view.edges);
  const ariaLabelConfig = useFlowAriaLabels('compare');
  // A card is opened on its own map by a click, or by Enter or Space where the keyboard is on it
  // (the cards cannot be selected here, so React Flow does nothing with those keys).
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    const card = (event.target as HTMLElement).closest('.react-flow__node-touchpoint');
    const id = card?.getAttribute('data-id');
    if (!id) return;
    event.preventDefault();
    onOpen(map, id);
  };
  // Like the map itself: opens on the start of the pathway at a readable zoom.
  const onInit = useCallback(
    (instance: ReactFlowInstance<Node, TransitionEdgeType>) => {
      const pane = {
        width: flowRef.current?.clientWidth ?? 800,
        height: flowRef.current?.clientHeight ?? 300,
      };
      void instance.setViewport(openingViewFor(view.nodes, [...hiddenSectors], pane));
    },
    [view.nodes, hiddenSectors],
  );
  return (
    <section className="compare-map" aria-labelledby={titleId} data-testid={`compare-${map}`}>
      <ReactFlowProvider>
        <div className="compare-head">
          <h2 className="compare-title" id={titleId}>
            {t(`vocab.map.${map}`)}
          </h2>
          {cards > 0 && <MoreLanes lanes={visibleLanes(hiddenSectors).length} />}
        </div>
        <div
          className="canvas canvas-compare"
          style={{ ['--lane-column' as string]: `${LANE_COLUMN_WIDTH}px` }}
        >
          <LaneLabels hidden={hiddenSectors} />
          {/* Enter and Space reach a focused card through here: see onKeyDown. */}
          {/* eslint-disable-next-line jsx-a11y/no-static-element-interactions */}
          <div className="canvas-flow" ref={flowRef} onKeyDown={onKeyDown}>
            <LabelPlaces.Provider value={labelPlaces}>
              <ReactFlow
                nodes={nodes}
                edges={edges}
                nodeTypes={nodeTypes}
                edgeTypes={edgeTypes}
                nodesDraggable={false}
                nodesConnectable={false}
                elementsSelectable={false}
                deleteKeyCode={null}
                onInit={onInit}
                minZoom={MIN_ZOOM}
                maxZoom={MAX_ZOOM}
                onNodeClick={(_e, node) => node.type === 'touchpoint' && onOpen(map, node.id)}
                aria-label={t(`vocab.map.${map}`)}
                ariaLabelConfig={ariaLabelConfig}
                proOptions={{ hideAttribution: true }}
              >
                <Background gap={32} />
              </ReactFlow>
            </LabelPlaces.Provider>
          </div>
        </div>
      </ReactFlowProvider>
    </section>
  );
}

/** Both maps, one above the other, to compare today's pathway with the wished-for one. */
export function CompareView({ onOpen }: { onOpen: (map: MapKind, id: string) => void }) {
  const { t } = useTranslation();
  const touchpoints = useJourney((s) => s.touchpoints);
  const chosen = useJourney((s) => s.hiddenSectors);
  // The sectors in use as one string: typing in a card changes the touchpoints, not this, so the
  // lanes (and each map's bands and labels) are not made again on every key.
  const usedKey = [...new Set(Object.values(touchpoints).map((tp) => tp.sector))].sort().join();
  // The same lanes in both maps, so a sector stands at the same height in each.
  const hidden = useMemo(
    () => compareHidden(chosen, usedKey === '' ? [] : (usedKey.split(',') as Sector[])),
    [chosen, usedKey],
  );
  return (
    <div className="compare" data-testid="compare">
      <p className="field-help">{t('canvas.compareHelp')}</p>
      {MAPS.map((m) => (
        <ReadOnlyMap key={m} map={m} hiddenSectors={hidden} onOpen={onOpen} />
      ))}
    </div>
  );
}
