import {
  Background,
  ReactFlow,
  ReactFlowProvider,
  type Node,
  type NodeTypes,
  type EdgeTypes,
  type FitViewOptions,
} from '@xyflow/react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { MAPS, type MapKind } from '../../../shared/vocabulary';
import { useJourney } from './journey-context';
import { buildView } from './journey-store';
import { LaneLabels } from './LaneLabels';
import { LaneNode, type LaneNodeType } from './LaneNode';
import { TouchpointNode } from './TouchpointNode';
import { TransitionEdge } from './TransitionEdge';

const nodeTypes: NodeTypes = { touchpoint: TouchpointNode, lane: LaneNode };
const edgeTypes: EdgeTypes = { transition: TransitionEdge };
const FIT: FitViewOptions = {
  maxZoom: 0.8,
  padding: { left: '170px', right: '30px', top: '20px', bottom: '20px' },
};

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
  return (
    <section
      className="compare-map"
      aria-label={t(`vocab.map.${map}`)}
      data-testid={`compare-${map}`}
    >
      <h2 className="compare-title">{t(`vocab.map.${map}`)}</h2>
      <div className="canvas">
        <ReactFlowProvider>
          <ReactFlow
            nodes={nodes}
            edges={view.edges}
            nodeTypes={nodeTypes}
            edgeTypes={edgeTypes}
            nodesDraggable={false}
            nodesConnectable={false}
            elementsSelectable={false}
            deleteKeyCode={null}
            fitView
            fitViewOptions={{ ...FIT, nodes: view.nodes.map((n) => ({ id: n.id })) }}
            minZoom={0.1}
            onNodeClick={(_e, node) => node.type === 'touchpoint' && onOpen(map, node.id)}
            aria-label={t(`vocab.map.${map}`)}
            proOptions={{ hideAttribution: true }}
          >
            <Background gap={32} />
            <LaneLabels />
          </ReactFlow>
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
