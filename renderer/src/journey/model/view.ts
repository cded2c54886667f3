/**
 * React Flow's view of a journey's map, derived from the content: pure, so the canvas, the
 * comparison view and the tests build it the same way.
 */
import { MarkerType, type Edge, type Node } from '@xyflow/react';
import type { PainPoint, Touchpoint, Transition } from '../../../../shared/domain/journey';
import type { MapKind, Sector, TransitionKind } from '../../../../shared/vocabulary';
import { layoutByTime } from '../auto-layout';
import { nodeY, visibleLanes } from '../lanes';
import type { ById } from './content';

export type TouchpointNodeData = {
  label: string;
  sector: Sector;
  contactType: Touchpoint['contactType'];
  date: string | null;
  emotion: Touchpoint['emotion'];
  repetitions: number | null;
  painCount: number;
};
export type TouchpointNode = Node<TouchpointNodeData, 'touchpoint'>;
export type TransitionEdgeData = {
  kind: TransitionKind;
  quality: Transition['quality'];
  waitingDays: Transition['waitingDays'];
};
export type TransitionEdge = Edge<TransitionEdgeData>;
/** What the view is derived from: the map's content, the UI's choices and the previous view. */
export interface ViewInput {
  touchpoints: ById<Touchpoint>;
  transitions: ById<Transition>;
  painPoints: ById<PainPoint>;
  map: MapKind;
  hiddenSectors: Sector[];
  selectedId: string | null;
  selectedEdgeId: string | null;
  nodes: TouchpointNode[];
  edges: TransitionEdge[];
}

function nodeData(tp: Touchpoint, painCount: number): TouchpointNodeData {
  return {
    label: tp.label,
    sector: tp.sector,
    contactType: tp.contactType,
    date: tp.date,
    emotion: tp.emotion,
    repetitions: tp.repetitions,
    painCount,
  };
}

function sameData(a: TouchpointNodeData, b: TouchpointNodeData): boolean {
  return (Object.keys(a) as (keyof TouchpointNodeData)[]).every((k) => a[k] === b[k]);
}

/**
 * Derives React Flow's nodes and edges for the current map from the domain. Unchanged nodes keep
 * their object (and with it React Flow's measurements), so a 500-node map re-renders only what
 * changed.
 */
export function buildView(s: ViewInput): { nodes: TouchpointNode[]; edges: TransitionEdge[] } {
  const lanes = visibleLanes(s.hiddenSectors);
  const painCounts = new Map<string, number>();
  for (const p of Object.values(s.painPoints)) {
    painCounts.set(p.touchpointId, (painCounts.get(p.touchpointId) ?? 0) + 1);
  }
  const prevNodes = new Map(s.nodes.map((n) => [n.id, n]));
  const nodes: TouchpointNode[] = [];
  const onMap = Object.values(s.touchpoints).filter((tp) => tp.map === s.map);
  // The map is laid out by time and lane: a card's place comes from its date and its lane.
  const xs = layoutByTime(onMap);
  for (const tp of onMap) {
    const data = nodeData(tp, painCounts.get(tp.id) ?? 0);
    const position = { x: xs.get(tp.id) ?? tp.x, y: nodeY(tp.sector, lanes) };
    const selected = tp.id === s.selectedId;
    const prev = prevNodes.get(tp.id);
    if (
      prev &&
      prev.position.x === position.x &&
      prev.position.y === position.y &&
      prev.selected === selected &&
      sameData(prev.data, data)
    ) {
      nodes.push(prev);
    } else {
      nodes.push({ ...prev, id: tp.id, type: 'touchpoint', position, data, selected });
    }
  }
  const prevEdges = new Map(s.edges.map((e) => [e.id, e]));
  const edges: TransitionEdge[] = [];
  for (const tr of Object.values(s.transitions)) {
    if (tr.map !== s.map) continue;
    const selected = tr.id === s.selectedEdgeId;
    const prev = prevEdges.get(tr.id);
    if (
      prev &&
      prev.selected === selected &&
      prev.data?.kind === tr.kind &&
      prev.data?.quality === tr.quality &&
      prev.data?.waitingDays === tr.waitingDays
    ) {
      edges.push(prev);
    } else {
      edges.push({
        id: tr.id,
        source: tr.sourceId,
        target: tr.targetId,
        type: 'transition',
        selected,
        data: { kind: tr.kind, quality: tr.quality, waitingDays: tr.waitingDays },
        markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18 },
        className: tr.quality ? `edge-${tr.quality}` : undefined,
      });
    }
  }
  return { nodes, edges };
}
