import type { Touchpoint } from '../../../shared/domain/journey';
import { COLUMN_WIDTH, NODE_WIDTH } from './lanes';

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

/** How far the next touchpoint in time stands to the right when it is in another lane. */
export const TIME_STEP = 110;
/** Room between two cards in the same lane, for the line and its label. */
const LANE_GAP = COLUMN_WIDTH - NODE_WIDTH;

/**
 * Where the cards of a map stand (x): the map is always laid out by time and lane, so a stored x
 * only decides the place of an undated touchpoint among the others. Left to right is time: every touchpoint stands to the right of
 * the one before it, by a short step when it is in another lane (cards in different lanes may
 * overlap in x, which keeps a long pathway compact enough to read at a readable zoom) and by a
 * whole card and a gap in the same lane. Touchpoints of the same date in different lanes share a
 * column. Lanes (y) come from the sector, so only x is computed. Connections do not move
 * anything: time decides.
 */
export function layoutByTime(touchpoints: Touchpoint[]): Map<string, number> {
  const xs = new Map<string, number>();
  const laneEnd = new Map<string, number>();
  let columnX = 0;
  let columnDate: string | null = null;
  let columnSectors = new Set<string>();
  let first = true;
  for (const t of timeOrder(touchpoints)) {
    const free = (laneEnd.get(t.sector) ?? -Infinity) + LANE_GAP;
    const shares =
      !first && t.date !== null && t.date === columnDate && !columnSectors.has(t.sector);
    let x = shares ? columnX : first ? 0 : columnX + TIME_STEP;
    if (x < free) x = free;
    if (!shares || x !== columnX) {
      columnX = x;
      columnDate = t.date;
      columnSectors = new Set();
    }
    columnSectors.add(t.sector);
    first = false;
    xs.set(t.id, x);
    laneEnd.set(t.sector, x + NODE_WIDTH);
  }
  return xs;
}

/**
 * The place in time (an index into the others' time order) of a touchpoint given this date:
 * just before the first touchpoint dated later, so undated ones that follow an earlier card stay
 * with it.
 */
export function placeForDate(others: readonly Touchpoint[], date: string): number {
  const order = timeOrder([...others]);
  const later = order.findIndex((o) => o.date !== null && o.date > date);
  return later < 0 ? order.length : later;
}

/**
 * The stored x that puts an undated touchpoint at place `index` of the time order among the
 * others: the time order fills the places of the stored x's in order (see timeOrder), so a value
 * between the index-th and the next smallest x of the others takes that place.
 */
export function xForPlace(others: readonly Pick<Touchpoint, 'x'>[], index: number): number {
  const xs = others.map((o) => o.x).sort((a, b) => a - b);
  if (xs.length === 0) return 0;
  if (index <= 0) return xs[0]! - COLUMN_WIDTH;
  if (index >= xs.length) return xs[xs.length - 1]! + COLUMN_WIDTH;
  return (xs[index - 1]! + xs[index]!) / 2;
}
