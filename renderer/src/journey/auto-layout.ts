import dagre from '@dagrejs/dagre';
import type { Touchpoint, Transition } from '../../../shared/domain/journey';
import { COLUMN_WIDTH } from './lanes';

/**
 * The order of a map's touchpoints along the time axis: dated touchpoints by their date (a
 * month counts as its first day, before the days of that month), undated ones keep their place
 * among them as the user arranged them.
 */
export function timeOrder(touchpoints: Touchpoint[]): Touchpoint[] {
  const byX = [...touchpoints].sort((a, b) => a.x - b.x || a.createdAt.localeCompare(b.createdAt));
  const dated = byX
    .filter((t) => t.date !== null)
    .sort((a, b) => a.date!.localeCompare(b.date!) || a.x - b.x);
  let next = 0;
  return byX.map((t) => (t.date === null ? t : dated[next++]!));
}

/**
 * Tidies a map by time and lane: dagre ranks the touchpoints left to right, kept in time order
 * by a chain of ordering edges and pulled together along the real transitions. Lanes (y) come
 * from the sector, so only x is computed. Touchpoints with the same date in different lanes may
 * share a column.
 */
export function layoutByTime(
  touchpoints: Touchpoint[],
  transitions: Transition[],
): Map<string, number> {
  const order = timeOrder(touchpoints);
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'LR', ranksep: COLUMN_WIDTH - 180, nodesep: 20, ranker: 'longest-path' });
  g.setDefaultEdgeLabel(() => ({}));
  for (const t of order) g.setNode(t.id, { width: 180, height: 60 });
  // Columns: consecutive touchpoints of the same date in different lanes stand together.
  const columns: Touchpoint[][] = [];
  for (const t of order) {
    const last = columns[columns.length - 1];
    const head = last?.[0];
    if (
      last &&
      head &&
      t.date !== null &&
      head.date === t.date &&
      !last.some((x) => x.sector === t.sector)
    ) {
      last.push(t);
    } else columns.push([t]);
  }
  for (let c = 1; c < columns.length; c++) {
    for (const a of columns[c - 1]!) {
      for (const b of columns[c]!)
        g.setEdge(a.id, b.id, { minlen: 1, weight: 10 }, `order-${a.id}-${b.id}`);
    }
  }
  const position = new Map(order.map((t, i) => [t.id, i]));
  for (const tr of transitions) {
    const from = position.get(tr.sourceId);
    const to = position.get(tr.targetId);
    // Transitions that agree with time pull their ends close; ones against time are ignored.
    if (from !== undefined && to !== undefined && from < to) {
      g.setEdge(tr.sourceId, tr.targetId, { minlen: 1, weight: 1 }, `tr-${tr.id}`);
    }
  }
  dagre.layout(g);
  const xs = new Map<string, number>();
  const minX = Math.min(...order.map((t) => g.node(t.id).x));
  for (const t of order) xs.set(t.id, Math.round(g.node(t.id).x - minX));
  return xs;
}
