import {
  Background,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  useViewport,
  type Node,
  type NodeTypes,
  type EdgeTypes,
  type ReactFlowInstance,
} from '@xyflow/react';
import { useCallback, useMemo, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { MAPS, type MapKind, type Sector } from '../../../shared/vocabulary';
import { useJourney } from './journey-context';
import { buildView, type TransitionEdge as TransitionEdgeType } from './journey-store';
import { LaneLabels } from './LaneLabels';
import { LaneNode, laneNodes, laneSpan } from './LaneNode';
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
 * Buttons beside the map's title while lanes lie above or below what its pane shows: a map cut
 * off mid-lane says so, and one press (or tap, or Enter) moves it a paneful on. Beside the title,
 * not on the map, so they never cover a card.
 */
function MoreLanes({ lanes, pane }: { lanes: number; pane: RefObject<HTMLDivElement | null> }) {
  const { t } = useTranslation();
  const { x, y, zoom } = useViewport();
  const flow = useReactFlow();
  const height = pane.current?.clientHeight ?? 0;
  const bottom = y + lanes * LANE_HEIGHT * zoom;
  const step = Math.max(LANE_HEIGHT * zoom, height - LANE_HEIGHT * zoom);
  const move = (by: number) => {
    // Never past the first lane's top or the last lane's bottom.
    const lowest = Math.min(0, height - lanes * LANE_HEIGHT * zoom);
    void flow.setViewport({ x, y: Math.min(0, Math.max(lowest, y + by)), zoom });
  };
  return (
    <>
      {y < -2 && (
        <button
          type="button"
          className="more-lanes more-lanes-above"
          data-testid="more-lanes-above"
          onClick={() => move(step)}
        >
          {t('canvas.moreLanesAbove')}
        </button>
      )}
      {height > 0 && bottom > height + 2 && (
        <button
          type="button"
          className="more-lanes more-lanes-below"
          data-testid="more-lanes-below"
          onClick={() => move(-step)}
        >
          {t('canvas.moreLanesBelow')}
        </button>
      )}
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
  const { minX, maxX } = laneSpan(view.nodes.map((n) => n.position.x));
  const lanes = useMemo(() => laneNodes(hiddenSectors, minX, maxX), [hiddenSectors, minX, maxX]);
  const nodes = useMemo(() => [...lanes, ...view.nodes] as Node[], [lanes, view.nodes]);
  // Drawn again once the pane has its size, so the buttons know what lies beyond it.
  const [, setSized] = useState(false);
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
  // Like the map itself: opens on the start of the pathway at a readable zoom.
  const onInit = useCallback(
    (instance: ReactFlowInstance<Node, TransitionEdgeType>) => {
      const pane = {
        width: flowRef.current?.clientWidth ?? 800,
        height: flowRef.current?.clientHeight ?? 300,
      };
      void instance.setViewport(openingViewFor(view.nodes, [...hiddenSectors], pane));
      setSized(true);
    },
    [view.nodes, hiddenSectors],
  );
  return (
    <section
      className="compare-map"
      aria-label={t(`vocab.map.${map}`)}
      data-testid={`compare-${map}`}
    >
      <ReactFlowProvider>
        <div className="compare-head">
          <h2 className="compare-title">{t(`vocab.map.${map}`)}</h2>
          <MoreLanes lanes={visibleLanes(hiddenSectors).length} pane={flowRef} />
        </div>
        <div
          className="canvas canvas-compare"
          style={{ ['--lane-column' as string]: `${LANE_COLUMN_WIDTH}px` }}
        >
          <LaneLabels hidden={hiddenSectors} />
          <div className="canvas-flow" ref={flowRef}>
            <LabelPlaces.Provider value={labelPlaces}>
              <ReactFlow
                nodes={nodes}
                edges={view.edges}
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
