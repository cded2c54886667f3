import { SECTORS, type Sector } from '../../../shared/vocabulary';

/**
 * Swimlanes by sector, top to bottom in the vocabulary's order; hidden lanes take no space.
 * A lane is as tall as a touchpoint card plus a margin, so eight lanes stay readable together.
 */
export const NODE_WIDTH = 220;
export const NODE_HEIGHT = 64;
export const NODE_TOP_PADDING = 6;
export const LANE_HEIGHT = NODE_HEIGHT + 2 * NODE_TOP_PADDING;
/** Two cards in a row in one lane: a card and room for the connection's label between them. */
export const COLUMN_WIDTH = 360;
/** Width of the pinned column of lane names beside the map (screen pixels, not zoomed). */
export const LANE_COLUMN_WIDTH = 160;

export function visibleLanes(hidden: readonly Sector[]): Sector[] {
  return SECTORS.filter((s) => !hidden.includes(s));
}

export function laneTop(sector: Sector, lanes: readonly Sector[]): number {
  const i = lanes.indexOf(sector);
  return (i < 0 ? lanes.length : i) * LANE_HEIGHT;
}

/** The y at which a touchpoint of this sector sits. */
export function nodeY(sector: Sector, lanes: readonly Sector[]): number {
  return laneTop(sector, lanes) + NODE_TOP_PADDING;
}

/** The lane under a point (clamped to the first and last lane). */
export function sectorAt(y: number, lanes: readonly Sector[]): Sector {
  const i = Math.max(0, Math.min(lanes.length - 1, Math.floor(y / LANE_HEIGHT)));
  return lanes[i]!;
}

/** The next visible lane up (−1) or down (+1), or the same lane at the edge. */
export function adjacentLane(sector: Sector, direction: -1 | 1, lanes: readonly Sector[]): Sector {
  const i = lanes.indexOf(sector);
  const next = Math.max(0, Math.min(lanes.length - 1, i + direction));
  return lanes[next] ?? sector;
}

/**
 * The sectors the compare view leaves out: those the facilitator hid, and those neither map has a
 * touchpoint in (two maps one above the other have room for few lanes each). None when there are
 * no touchpoints at all, so an empty journey still shows its lanes.
 */
export function compareHidden(
  chosen: readonly Sector[],
  used: Iterable<Sector>,
): readonly Sector[] {
  const inUse = new Set(used);
  if (inUse.size === 0) return chosen;
  return SECTORS.filter((s) => chosen.includes(s) || !inUse.has(s));
}
