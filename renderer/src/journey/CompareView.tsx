import {
  Background,
  ReactFlow,
  ReactFlowProvider,
  type Node,
  type NodeTypes,
  type EdgeTypes,
  type ReactFlowInstance,
} from '@xyflow/react';
import { useCallback, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { MAPS, type MapKind } from '../../../shared/vocabulary';
import { useJourney } from './journey-context';
import { buildView, type TransitionEdge as TransitionEdgeType } from './journey-store';
import { LaneLabels } from './LaneLabels';
import { LaneNode, type LaneNodeType } from './LaneNode';
import { TouchpointNode } from './TouchpointNode';
import { LabelPlaces, TransitionEdge } from './TransitionEdge';
import { useLabelPlaces } from './use-layout';
import { LANE_COLUMN_WIDTH, NODE_HEIGHT, NODE_WIDTH } from './lanes';
import { MAX_ZOOM, MIN_ZOOM, openingViewFor } from './viewport';

const nodeTypes: NodeTypes = { touchpoint: TouchpointNode, lane: LaneNode };
const edgeTypes: EdgeTypes = { transition: TransitionEdge };

function ReadOnlyMap({
  map,
  lanes,
  onOpen,
}: {
  map: MapKind;
  lanes: LaneNodeType[];
  onOpen: (map: MapKind, id: string) => void;
}) {
  const { t } = useTranslation();
  const touchpoints = useJourney((s) => s.touchpoints);
  const transitions = useJourney((s) => s.transitions);
  const painPoints = useJourney((s) => s.painPoints);
  const hiddenSectors = useJourney((s) => s.hiddenSectors);
  const view = useMemo(
    () =>
      buildView({
        touchpoints,
        transitions,
        painPoints,
        hiddenSectors,
        map,
        selectedId: null,
        selectedEdgeId: null,
        nodes: [],
        edges: [],
      }),
    [touchpoints, transitions, painPoints, hiddenSectors, map],
  );
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
  // Like the map itself: opens on the start of the pathway at a readable zoom.
  const onInit = useCallback(
    (instance: ReactFlowInstance<Node, TransitionEdgeType>) => {
      const pane = {
        width: flowRef.current?.clientWidth ?? 800,
        height: flowRef.current?.clientHeight ?? 300,
      };
      void instance.setViewport(openingViewFor(view.nodes, hiddenSectors, pane));
    },
    [view.nodes, hiddenSectors],
  );
  return (
    <section
      className="compare-map"
      aria-label={t(`vocab.map.${map}`)}
      data-testid={`compare-${map}`}
    >
      <h2 className="compare-title">{t(`vocab.map.${map}`)}</h2>
      <div
        className="canvas canvas-compare"
        style={{ ['--lane-column' as string]: `${LANE_COLUMN_WIDTH}px` }}
      >
        <ReactFlowProvider>
          <LaneLabels />
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
        </ReactFlowProvider>
      </div>
    </section>
  );
}

/** Both maps, one above the other, to compare today's pathway with the wished-for one. */
export function CompareView({
  lanes,
  onOpen,
}: {
  lanes: LaneNodeType[];
  onOpen: (map: MapKind, id: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="compare" data-testid="compare">
      <p className="field-help">{t('canvas.compareHelp')}</p>
      {MAPS.map((m) => (
        <ReadOnlyMap key={m} map={m} lanes={lanes} onOpen={onOpen} />
      ))}
    </div>
  );
}
