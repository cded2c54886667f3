import { Position } from '@xyflow/react';

/** A rectangle in flow coordinates. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
export type Anchor = { x: number; y: number; position: Position };

/**
 * Where a line leaves and enters two cards. Left to right when the next card stands to the right
 * (the usual case); cards close in time in other lanes overlap in x, so those are joined from
 * the side or the bottom to the top (or the other way) instead of looping back behind the card.
 * Null means: use the cards' own handles (right to left).
 */
export function edgeAnchors(source: Rect, target: Rect): [Anchor, Anchor] | null {
  if (target.x >= source.x + source.width + 16) return null;
  const tx = target.x + target.width / 2;
  const below = target.y >= source.y + source.height;
  const above = target.y + target.height <= source.y;
  if (!below && !above) return null;
  // Leave from the side when the target's middle is past the card, so the line passes beside
  // the cards of the lanes in between rather than through them.
  const fromSide = tx >= source.x + source.width - 10;
  const start: Anchor = fromSide
    ? { x: source.x + source.width, y: source.y + source.height / 2, position: Position.Right }
    : below
      ? { x: source.x + source.width / 2, y: source.y + source.height, position: Position.Bottom }
      : { x: source.x + source.width / 2, y: source.y, position: Position.Top };
  const end: Anchor = below
    ? { x: tx, y: target.y, position: Position.Top }
    : { x: tx, y: target.y + target.height, position: Position.Bottom };
  return [start, end];
}

const DIRECTION: Record<Position, [number, number]> = {
  [Position.Left]: [-1, 0],
  [Position.Right]: [1, 0],
  [Position.Top]: [0, -1],
  [Position.Bottom]: [0, 1],
};

/** A cubic curve between two anchors, leaving and entering along their sides. */
export function curveBetween(a: Anchor, b: Anchor) {
  const reach = Math.max(36, 0.45 * Math.hypot(b.x - a.x, b.y - a.y));
  const [ax, ay] = DIRECTION[a.position];
  const [bx, by] = DIRECTION[b.position];
  const c1 = { x: a.x + ax * reach, y: a.y + ay * reach };
  const c2 = { x: b.x + bx * reach, y: b.y + by * reach };
  const at = (t: number) => {
    const u = 1 - t;
    const w = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t] as const;
    return {
      x: w[0] * a.x + w[1] * c1.x + w[2] * c2.x + w[3] * b.x,
      y: w[0] * a.y + w[1] * c1.y + w[2] * c2.y + w[3] * b.y,
    };
  };
  const path = `M${a.x},${a.y} C${c1.x},${c1.y} ${c2.x},${c2.y} ${b.x},${b.y}`;
  return { path, at };
}

/** Places along a line to try for its label, from the middle outwards. */
const ALONG = [0.5, 0.44, 0.56, 0.38, 0.62, 0.32, 0.68, 0.26, 0.74, 0.2, 0.8, 0.15, 0.85];
/** Steps to one side of the line (px), tried when no place on it is clear: nearest first. */
const ASIDE = [0, ...Array.from({ length: 16 }, (_, i) => [(i + 1) * 10, -(i + 1) * 10]).flat()];
const FARTHEST_ASIDE = 160;
/** The room a label keeps from a card's edge, so it never sits on its border or its last line. */
export const CARD_CLEARANCE = 4;

/** Where a label goes: a place along its line (0..1), and a step aside from it. */
export interface LabelPlace {
  t: number;
  dx: number;
  dy: number;
}

/** The point a label is centred on. */
export function labelCentre(at: (t: number) => { x: number; y: number }, place: LabelPlace) {
  const p = at(place.t);
  return { x: p.x + place.dx, y: p.y + place.dy };
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * Where a connection's label goes: the point along its line, from the middle outwards, where the
 * label covers the least of any card (none, where there is room), so it never hides a name.
 */
export function labelPoint(
  at: (t: number) => { x: number; y: number },
  label: { width: number; height: number },
  cards: readonly Rect[],
): { x: number; y: number } {
  return labelCentre(at, labelPlace(at, label, cards));
}

/**
 * A label's best place (see labelPoint): on its line where that is clear of every card (with
 * CARD_CLEARANCE around it) and of the labels placed before it; where no place on the line is,
 * the nearest place to its side that is (up to 160 px across a line that runs sideways, beside
 * one that runs up or down), so that between two close cards the words stand beside the line
 * rather than on a card. Where nothing is clear, the place that covers least.
 */
function labelPlace(
  at: (t: number) => { x: number; y: number },
  label: { width: number; height: number },
  cards: readonly Rect[],
  labels: readonly Rect[] = [],
): LabelPlace {
  // Only what stands near the line can be covered: the cards and labels within reach of every
  // place tried (a map of 200 cards and 300 lines is placed in a few milliseconds, not seconds).
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const t of ALONG) {
    const p = at(t);
    minX = Math.min(minX, p.x);
    maxX = Math.max(maxX, p.x);
    minY = Math.min(minY, p.y);
    maxY = Math.max(maxY, p.y);
  }
  const reach = {
    x: minX - FARTHEST_ASIDE - label.width,
    y: minY - FARTHEST_ASIDE - label.height,
    width: maxX - minX + 2 * (FARTHEST_ASIDE + label.width),
    height: maxY - minY + 2 * (FARTHEST_ASIDE + label.height),
  };
  const clear = cards
    .map((c) => ({
      x: c.x - CARD_CLEARANCE,
      y: c.y - CARD_CLEARANCE,
      width: c.width + 2 * CARD_CLEARANCE,
      height: c.height + 2 * CARD_CLEARANCE,
    }))
    .filter((c) => overlap(c, reach) > 0);
  const near = labels.filter((l) => overlap(l, reach) > 0);
  let best: LabelPlace = { t: 0.5, dx: 0, dy: 0 };
  let bestCover = Infinity;
  for (const step of ASIDE) {
    for (const t of ALONG) {
      const p = at(t);
      let dx = 0;
      let dy = 0;
      if (step !== 0) {
        // Aside: across the line's direction here.
        const q = at(Math.min(1, t + 0.01));
        const o = at(Math.max(0, t - 0.01));
        if (Math.abs(q.x - o.x) >= Math.abs(q.y - o.y)) dy = step;
        else dx = step;
      }
      const rect = {
        x: p.x + dx - label.width / 2,
        y: p.y + dy - label.height / 2,
        width: label.width,
        height: label.height,
      };
      let cover = 0;
      for (const c of clear) cover += overlap(rect, c);
      // Words over words are unreadable both ways: that counts more than the edge of a card.
      for (const l of near) cover += 4 * overlap(rect, l);
      if (cover < bestCover) {
        best = { t, dx, dy };
        bestCover = cover;
        if (cover === 0) return best;
      }
    }
  }
  return best;
}

/** A generous estimate of a label's size at 15 px (no DOM measuring while drawing). */
export function labelSize(text: string): { width: number; height: number } {
  const width = Math.min(132, Math.ceil(text.length * 8.6) + 16);
  const lines = Math.ceil((text.length * 8.6 + 16) / 132);
  return { width, height: lines * 19 + 4 };
}

/** Half a handle at rest (styles.css .tp-handle): how far a line's end stands off its card. */
export const HANDLE_HALF = 9;

/** The two ends of a line between two cards: from the side or the top, or handle to handle. */
export function anchorsBetween(source: Rect, target: Rect): [Anchor, Anchor] {
  return (
    edgeAnchors(source, target) ?? [
      {
        x: source.x + source.width + HANDLE_HALF,
        y: source.y + source.height / 2,
        position: Position.Right,
      },
      { x: target.x - HANDLE_HALF, y: target.y + target.height / 2, position: Position.Left },
    ]
  );
}

/**
 * Where each label goes (a place along its line, and a step aside), all labels of a map at once: each in
 * turn takes the place that covers the least of the cards and of the labels placed before it, so
 * two lines leaving cards of the same day do not print their words over each other.
 */
export function placeLabels(
  lines: readonly { id: string; source: Rect; target: Rect; text: string }[],
  cards: readonly Rect[],
): Map<string, LabelPlace> {
  const placed: Rect[] = [];
  const out = new Map<string, LabelPlace>();
  for (const line of lines) {
    const [a, b] = anchorsBetween(line.source, line.target);
    const { at } = curveBetween(a, b);
    const size = labelSize(line.text);
    const place = labelPlace(at, size, cards, placed);
    const p = labelCentre(at, place);
    placed.push({
      x: p.x - size.width / 2,
      y: p.y - size.height / 2,
      width: size.width,
      height: size.height,
    });
    out.set(line.id, place);
  }
  return out;
}
