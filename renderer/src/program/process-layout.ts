import dagre from '@dagrejs/dagre';

export interface LaidOutNode {
  id: string;
  x: number;
  y: number;
}

/**
 * Places the process map left to right with dagre: the most travelled links weigh most, so the
 * common pathway runs straight and the rarer ones branch off it. Cycles are fine; dagre breaks
 * them for ranking only.
 */
export function layoutProcessMap(
  nodeIds: string[],
  edges: { from: string; to: string; journeys: number }[],
  size: { width: number; height: number },
): Map<string, LaidOutNode> {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', ranksep: 140, nodesep: 50, marginx: 20, marginy: 20 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const id of nodeIds) g.setNode(id, { ...size });
  for (const e of edges) {
    if (e.from !== e.to) g.setEdge(e.from, e.to, { weight: e.journeys, minlen: 1 });
  }
  dagre.layout(g);
  const out = new Map<string, LaidOutNode>();
  for (const id of nodeIds) {
    const n = g.node(id);
    out.set(id, { id, x: n.x - size.width / 2, y: n.y - size.height / 2 });
  }
  return out;
}
