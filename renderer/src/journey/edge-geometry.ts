import { Position } from '@xyflow/react';
import { textWidth } from '../components/text-metrics';
import { LANE_HEIGHT } from './lanes';

/** A rectangle in flow coordinates. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
  /** The card's touchpoint, where known: a line finds its own two cards among the map's by it. */
  id?: string;
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
/** Room kept between two connections' labels (flow px). */
const LABEL_GAP = 6;
/** A box grown by `by` on every side. */
const grown = (r: Rect, by: number): Rect => ({
  x: r.x - by,
  y: r.y - by,
  width: r.width + 2 * by,
  height: r.height + 2 * by,
});

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
export function labelPlace(
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
  const clear = indexOf(cards)
    .between(reach.x - CARD_CLEARANCE, reach.x + reach.width + CARD_CLEARANCE)
    .map((c) => grown(c, CARD_CLEARANCE))
    .filter((c) => overlap(c, reach) > 0);
  // Other labels with a gap around them: two labels of a two-way link touching edge to edge
  // ("Brudt · 17 dage" over "Brudt · 1 dag", 2 px apart) read as one block of words.
  const near = labels.map((l) => grown(l, LABEL_GAP)).filter((l) => overlap(l, reach) > 0);
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

/**
 * The short line from a label placed aside to the point of its line it belongs to, or null when
 * the label sits on its line: without it, words set beside a tight bundle of lines could be read
 * as another line's. Drawn for every step aside, however small: where the label still covers
 * the point, its background hides the leader (its size here is an estimate, so no guess is made
 * of whether it reaches the line).
 */
export function leaderFor(
  at: (t: number) => { x: number; y: number },
  place: LabelPlace,
): { from: { x: number; y: number }; to: { x: number; y: number } } | null {
  if (place.dx === 0 && place.dy === 0) return null;
  const from = at(place.t);
  return { from, to: { x: from.x + place.dx, y: from.y + place.dy } };
}

/** A label's widest text (styles.css .edge-label: max-width 132 px, padding 6 px, border 1 px). */
const LABEL_MAX_WIDTH = 132;
const LABEL_FRAME = 2 * 6 + 2 * 1;

/**
 * A label's size at 15 px, from the typeface's own widths (bold, the widest it is drawn in) and a
 * few pixels' slack (no DOM measuring while drawing): an estimate by the number of letters was a
 * third too wide, and labels that would fit between two cards were sent far aside.
 */
export function labelSize(text: string): { width: number; height: number } {
  const words = Math.ceil(textWidth(text, 15, true)) + 4;
  const width = Math.min(LABEL_MAX_WIDTH, words + LABEL_FRAME);
  // The words wrap inside the frame: 118 px of text to a line.
  const lines = Math.max(1, Math.ceil(words / (LABEL_MAX_WIDTH - LABEL_FRAME)));
  return { width, height: lines * 18 + 6 };
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

type Point = { x: number; y: number };

/**
 * How far a line that goes round keeps from a card it does not join (px): beside it, clear of its
 * handles, which stand HANDLE_HALF out of its sides; above and below, within the room a lane
 * keeps around its cards (NODE_TOP_PADDING), so a line can run along a lane's edge. And the
 * rounding of its corners.
 */
const CLEAR_X = HANDLE_HALF + 6;
const CLEAR_Y = 4;
const CORNER = 10;

/** Whether any of these points lies on a card, or within the margins of it (inside it, if < 0). */
function crosses(
  points: readonly Point[],
  cards: readonly Rect[],
  mx: number = CLEAR_X,
  my: number = CLEAR_Y,
): boolean {
  return points.some((p) =>
    cards.some(
      (c) =>
        p.x > c.x - mx && p.x < c.x + c.width + mx && p.y > c.y - my && p.y < c.y + c.height + my,
    ),
  );
}

/** Whether any of these points lies on a card's dot (its handles, centred on its sides). */
function overDots(points: readonly Point[], cards: readonly Rect[]): boolean {
  const near = HANDLE_HALF + 2;
  return points.some((p) =>
    cards.some(
      (c) =>
        Math.abs(p.y - (c.y + c.height / 2)) < near &&
        (Math.abs(p.x - c.x) < near || Math.abs(p.x - (c.x + c.width)) < near),
    ),
  );
}

/** A line of straight pieces with rounded corners, and the point at a share of its length. */
function piecesPath(points: readonly Point[]) {
  const lengths = points.slice(1).map((p, i) => Math.hypot(p.x - points[i]!.x, p.y - points[i]!.y));
  const total = lengths.reduce((a, b) => a + b, 0) || 1;
  const at = (t: number) => {
    let left = Math.min(1, Math.max(0, t)) * total;
    for (let i = 0; i < lengths.length; i++) {
      const l = lengths[i]!;
      if (left <= l || i === lengths.length - 1) {
        const a = points[i]!;
        const b = points[i + 1]!;
        const f = l === 0 ? 0 : Math.min(1, left / l);
        return { x: a.x + (b.x - a.x) * f, y: a.y + (b.y - a.y) * f };
      }
      left -= l;
    }
    return points[points.length - 1]!;
  };
  let path = `M${points[0]!.x},${points[0]!.y}`;
  for (let i = 1; i < points.length - 1; i++) {
    const p = points[i]!;
    const before = points[i - 1]!;
    const after = points[i + 1]!;
    const r = Math.min(
      CORNER,
      Math.hypot(p.x - before.x, p.y - before.y) / 2,
      Math.hypot(after.x - p.x, after.y - p.y) / 2,
    );
    const into = towards(p, before, r);
    const out = towards(p, after, r);
    path += ` L${into.x},${into.y} Q${p.x},${p.y} ${out.x},${out.y}`;
  }
  const last = points[points.length - 1]!;
  return { path: `${path} L${last.x},${last.y}`, at };
}

const towards = (from: Point, to: Point, r: number): Point => {
  const d = Math.hypot(to.x - from.x, to.y - from.y) || 1;
  return { x: from.x + ((to.x - from.x) * r) / d, y: from.y + ((to.y - from.y) * r) / d };
};

/**
 * The line between two cards as drawn: the curve from `anchorsBetween`, unless it would pass
 * under another card — then it seems to run through that touchpoint, and the map tells another
 * story. It then goes round in straight pieces: along its own lane to the free room before the
 * target and up or down there, or up or down right after the source and along the target's
 * lane, or along the edge between two lanes, where cards never reach (they stand
 * NODE_TOP_PADDING inside their lane). `cards` are all the map's cards, the two ends included.
 */
/** Width of a column of the cards' and the labels' indexes (flow px): a few cards wide. */
const INDEX_COLUMN = 512;

/**
 * Things on the map (cards, placed labels) by columns of their x, so a search looks only at the
 * things near it: a journey of thousands of cards is laid out in time proportional to its lines,
 * not to its lines times its cards (10,000 cards took 10 s to place their labels, and 5 s more
 * each time every line was drawn). A search gives what it finds in the order it was added.
 */
class Columns<T> {
  private readonly items: T[] = [];
  private readonly columns = new Map<number, number[]>();

  /** Adds a thing reaching from x0 to x1 (either way round). */
  add(item: T, x0: number, x1: number): void {
    const i = this.items.push(item) - 1;
    const from = Math.floor(Math.min(x0, x1) / INDEX_COLUMN);
    const to = Math.floor(Math.max(x0, x1) / INDEX_COLUMN);
    // (A thing of no finite place, or too far out to count columns to, is kept in one column,
    // where a search from anywhere finds it.)
    if (
      !Number.isSafeInteger(from) ||
      !Number.isSafeInteger(to) ||
      to - from > 64 ||
      Math.abs(from) > 2 ** 40
    ) {
      this.column(Number.NaN).push(i);
      return;
    }
    for (let k = from; k <= to; k++) this.column(k).push(i);
  }

  private column(k: number): number[] {
    let list = this.columns.get(k);
    if (!list) this.columns.set(k, (list = []));
    return list;
  }

  /** The things that may reach between x0 and x1, in the order they were added. */
  near(x0: number, x1: number): T[] {
    const from = Math.floor(x0 / INDEX_COLUMN);
    const to = Math.floor(x1 / INDEX_COLUMN);
    if (
      !Number.isSafeInteger(from) ||
      !Number.isSafeInteger(to) ||
      to - from > this.columns.size ||
      Math.abs(from) > 2 ** 40
    ) {
      return [...this.items];
    }
    const found = new Set<number>(this.columns.get(Number.NaN));
    for (let k = from; k <= to; k++) for (const i of this.columns.get(k) ?? []) found.add(i);
    return [...found].sort((a, b) => a - b).map((i) => this.items[i]!);
  }
}

/**
 * The map's cards by their ids and by where they stand (`Columns`): a line asks only for the cards
 * near it. Made once for an array of cards and kept while that array lives.
 */
class CardIndex {
  private readonly byId = new Map<string, Rect>();
  private readonly columns = new Columns<Rect>();

  constructor(cards: readonly Rect[]) {
    for (const c of cards) {
      if (c.id !== undefined && !this.byId.has(c.id)) this.byId.set(c.id, c);
      this.columns.add(c, c.x, c.x + c.width);
    }
  }

  /** The first card with this id, as `find` would give it. */
  withId(id: string): Rect | undefined {
    return this.byId.get(id);
  }

  /** The cards that may reach between x0 and x1, in the order they were given. */
  between(x0: number, x1: number): Rect[] {
    return this.columns.near(x0, x1);
  }
}

const indexes = new WeakMap<readonly Rect[], CardIndex>();
/** The index of an array of cards, made on first use. */
function indexOf(cards: readonly Rect[]): CardIndex {
  let index = indexes.get(cards);
  if (!index) indexes.set(cards, (index = new CardIndex(cards)));
  return index;
}

export function lineBetween(drawnSource: Rect, drawnTarget: Rect, cards: readonly Rect[]) {
  // The two ends among the map's cards, by their touchpoints (or, without ids, where they stand).
  // Where a card stands as laid out, its line is drawn from there, as its label was placed (a
  // touch screen's larger handles put an edge's ends a few pixels off); while it is dragged, from
  // where it is now, and its old place is no obstacle.
  const isOwn = (end: Rect) => (c: Rect) =>
    end.id !== undefined && c.id !== undefined
      ? c.id === end.id
      : Math.abs(c.x - end.x) < 6 && Math.abs(c.y - end.y) < 6;
  const index = indexOf(cards);
  const laidOut = (end: Rect) => {
    const c = end.id !== undefined ? index.withId(end.id) : cards.find(isOwn(end));
    return c && Math.abs(c.x - end.x) < 6 && Math.abs(c.y - end.y) < 6 ? c : end;
  };
  const source = laidOut(drawnSource);
  const target = laidOut(drawnTarget);
  const same = (c: Rect, end: Rect) => isOwn(end)(c);
  const [a, b] = anchorsBetween(source, target);
  const curve = curveBetween(a, b);
  // Back to a card to the left in the same row: handle to handle, the curve would loop through
  // both cards. It goes under them (or over) along a lane's edge instead, into the target's foot.
  if (b.x < a.x && !edgeAnchors(source, target)) {
    // (A way back along a lane runs between the two cards: only cards near that can block it.)
    const others = index
      .between(
        Math.min(source.x, target.x) - CLEAR_X - 1,
        Math.max(source.x + source.width, target.x + target.width) + CLEAR_X + 1,
      )
      .filter((c) => !same(c, source) && !same(c, target));
    const back = backAlongLane(source, target, others);
    if (back) return piecesPath(back);
  }
  /** The map's other cards that reach into a box. */
  const within = (x0: number, y0: number, x1: number, y1: number) =>
    index
      .between(x0, x1)
      .filter(
        (c) =>
          !same(c, source) &&
          !same(c, target) &&
          c.x < x1 &&
          c.x + c.width > x0 &&
          c.y < y1 &&
          c.y + c.height > y0,
      );
  const others = within(
    Math.min(a.x, b.x) - 60,
    Math.min(a.y, b.y) - 60,
    Math.max(a.x, b.x) + 60,
    Math.max(a.y, b.y) + 60,
  );
  if (others.length === 0) return curve;
  const samples = Array.from({ length: 81 }, (_, i) => curve.at(i / 80));
  // Only a curve that runs under a card, or over one of its dots, goes round: one that passes
  // close by stays a curve. Over another card's dot, the line seems to leave or enter that card.
  if (!crosses(samples, others, -2, -2) && !overDots(samples, others)) return curve;
  // A way round may reach past the two anchors (out of a card's bottom, along a lane's edge): the
  // cards it may pass are those within the two cards' width and their lanes.
  const reach = 2 * (HANDLE_HALF + STUB);
  const around = within(
    Math.min(source.x, target.x) - reach,
    Math.min(source.y, target.y) - LANE_HEIGHT,
    Math.max(source.x + source.width, target.x + target.width) + reach,
    Math.max(source.y + source.height, target.y + target.height) + LANE_HEIGHT,
  );
  const route = roundAbout(source, target, around);
  if (!route) return curve;
  // Checked once more against every card its pieces reach: a way through the gaps may step out
  // to the far side of a card only partly near.
  const xs = route.map((p) => p.x);
  const ys = route.map((p) => p.y);
  const reached = within(
    Math.min(...xs) - CLEAR_X,
    Math.min(...ys) - CLEAR_Y,
    Math.max(...xs) + CLEAR_X,
    Math.max(...ys) + CLEAR_Y,
  ).map((r) => ({ r, mx: CLEAR_X, my: CLEAR_Y }));
  return route.slice(1).every((q, i) => pieceClear(route[i]!, q, reached))
    ? piecesPath(route)
    : curve;
}

/** How far a line goes straight out of a card's side before it turns (px). */
const STUB = 14;

/**
 * A line back to a card on its left in the same row: out of the source's bottom, along the edge
 * of the lane below, into the target's bottom (or the same above, if a card is in the way below):
 * it never passes under a card, its own two included. Null when both ways cross a card.
 */
function backAlongLane(source: Rect, target: Rect, others: readonly Rect[]): Point[] | null {
  const blockers: Blocker[] = others.map((r) => ({ r, mx: CLEAR_X, my: CLEAR_Y }));
  const sx = source.x + source.width * 0.3;
  const tx = target.x + target.width * 0.7;
  const bottom = Math.max(source.y + source.height, target.y + target.height);
  const top = Math.min(source.y, target.y);
  const ways: [number, number, number][] = [
    // The foot of each card, and the lane's edge below both.
    [
      source.y + source.height,
      target.y + target.height,
      Math.ceil(bottom / LANE_HEIGHT) * LANE_HEIGHT,
    ],
    [source.y, target.y, Math.floor(top / LANE_HEIGHT) * LANE_HEIGHT],
  ];
  for (const [from, to, edge] of ways) {
    const route = [
      { x: sx, y: from },
      { x: sx, y: edge },
      { x: tx, y: edge },
      { x: tx, y: to },
    ];
    if (route.slice(1).every((q, i) => pieceClear(route[i]!, q, blockers))) return route;
  }
  return null;
}

/**
 * A way round the cards between two cards, in straight pieces: out of a side of the source
 * (right, or the bottom or top towards the target), into a side of the target (left, or the top
 * or bottom facing the source), turning at its stubs and, at most, along the edge of a lane between them,
 * where no card reaches. The first that passes over no card, fewest turns and shortest first.
 */
function roundAbout(source: Rect, target: Rect, others: readonly Rect[]): Point[] | null {
  const below = target.y > source.y + source.height / 2;
  const above = target.y + target.height / 2 < source.y;
  const cy = (r: Rect) => r.y + r.height / 2;
  type End = { at: Point; stub: Point };
  // Out of the bottom or top off the middle first, where a curve from the side meets a card
  // (edgeAnchors), so a line that leaves does not start where another arrives.
  const across = (r: Rect, shares: readonly number[], y: number, out: number): End[] =>
    shares.map((f) => ({
      at: { x: r.x + r.width * f, y },
      stub: { x: r.x + r.width * f, y: y + out },
    }));
  const starts: End[] = [
    {
      at: { x: source.x + source.width + HANDLE_HALF, y: cy(source) },
      stub: { x: source.x + source.width + HANDLE_HALF + STUB, y: cy(source) },
    },
    ...(below ? across(source, [0.8, 0.2], source.y + source.height, STUB / 2) : []),
    ...(above ? across(source, [0.8, 0.2], source.y, -STUB / 2) : []),
  ];
  const ends: End[] = [
    {
      at: { x: target.x - HANDLE_HALF, y: cy(target) },
      stub: { x: target.x - HANDLE_HALF - STUB, y: cy(target) },
    },
    ...(below ? across(target, [0.2, 0.8], target.y, -STUB / 2) : []),
    ...(above ? across(target, [0.2, 0.8], target.y + target.height, STUB / 2) : []),
  ];
  // The lane edges from the source's lane to the target's, both included.
  const top = Math.min(source.y, target.y);
  const bottom = Math.max(source.y + source.height, target.y + target.height);
  const edges: number[] = [];
  for (
    let y = Math.floor(top / LANE_HEIGHT) * LANE_HEIGHT;
    y <= bottom + LANE_HEIGHT;
    y += LANE_HEIGHT
  ) {
    edges.push(y);
  }
  const candidates: Point[][] = [];
  for (const s of starts) {
    for (const e of ends) {
      const E = s.stub;
      const F = e.stub;
      candidates.push(
        [s.at, E, { x: F.x, y: E.y }, F, e.at],
        [s.at, E, { x: E.x, y: F.y }, F, e.at],
        ...edges.map((y) => [s.at, E, { x: E.x, y }, { x: F.x, y }, F, e.at]),
      );
    }
  }
  const length = (r: Point[]) =>
    r.slice(1).reduce((sum, p, i) => sum + Math.abs(p.x - r[i]!.x) + Math.abs(p.y - r[i]!.y), 0);
  const turns = (r: Point[]) => simplify(r).length - 2;
  // It passes over no other card (with CLEAR_X and CLEAR_Y), nor back under its own two between
  // where it leaves and enters them. The pieces are level or upright: each is checked whole.
  const mine: Blocker[] = [
    { r: source, mx: -2, my: -2 },
    { r: target, mx: -2, my: -2 },
  ];
  const theirs: Blocker[] = others.map((r) => ({ r, mx: CLEAR_X, my: CLEAR_Y }));
  const piecesClear = (r: readonly Point[], blockers: readonly Blocker[]) =>
    r.slice(1).every((q, i) => pieceClear(r[i]!, q, blockers));
  const clear = candidates
    .filter((r) => !turnsBack(r) && piecesClear(r.slice(1, -1), mine))
    .map(simplify)
    .filter((r) => piecesClear(r, theirs))
    .sort((p, q) => turns(p) - turns(q) || length(p) - length(q));
  if (clear[0]) return clear[0];
  // None of those clear: a way through the gaps, lane by lane (`gridRoute`).
  const blockers: Blocker[] = [...theirs, { r: source, mx: 2, my: 2 }, { r: target, mx: 2, my: 2 }];
  // The first that finds a way, in the order of preference (at most a few searches).
  for (const st of starts) {
    for (const e of ends) {
      const via = gridRoute(st.stub, e.stub, blockers, edges);
      if (!via) continue;
      const route = [st.at, ...via, e.at];
      if (!turnsBack(route)) return simplify(route);
    }
  }
  return null;
}

/** Whether a piece of the line goes back along the one before it (a stub out, then back in). */
function turnsBack(points: readonly Point[]): boolean {
  let dx = 0;
  let dy = 0;
  for (let i = 1; i < points.length; i++) {
    const nx = points[i]!.x - points[i - 1]!.x;
    const ny = points[i]!.y - points[i - 1]!.y;
    if (Math.abs(nx) < 0.5 && Math.abs(ny) < 0.5) continue;
    if (nx * dx + ny * dy < 0) return true;
    dx = nx;
    dy = ny;
  }
  return false;
}

interface Blocker {
  r: Rect;
  mx: number;
  my: number;
}

/** Whether a straight level or upright piece from p to q passes no blocker. */
function pieceClear(p: Point, q: Point, blockers: readonly Blocker[]): boolean {
  const x0 = Math.min(p.x, q.x);
  const x1 = Math.max(p.x, q.x);
  const y0 = Math.min(p.y, q.y);
  const y1 = Math.max(p.y, q.y);
  return !blockers.some(
    ({ r, mx, my }) =>
      x1 > r.x - mx && x0 < r.x + r.width + mx && y1 > r.y - my && y0 < r.y + r.height + my,
  );
}

/** The most crossings a way round is searched over. */
const GRID_MAX = 600;
/** A turn costs as much as this many pixels of line: fewer turns read more easily. */
const TURN_COST = 240;

/**
 * The shortest way in level and upright pieces from one point to another past the blockers, with
 * as few turns as it can: along lane edges and the given rows, and down or up in the gaps beside
 * the cards (Dijkstra's search over those lines' crossings; a few hundred of them for a map's
 * neighbourhood). Null when there is none.
 */
function gridRoute(
  from: Point,
  to: Point,
  blockers: readonly Blocker[],
  rows: readonly number[],
): Point[] | null {
  const xs = [
    ...new Set([
      from.x,
      to.x,
      ...blockers.flatMap(({ r, mx }) => [r.x - mx - 2, r.x + r.width + mx + 2]),
    ]),
  ].sort((a, b) => a - b);
  const ys = [...new Set([from.y, to.y, ...rows])].sort((a, b) => a - b);
  // A crowded neighbourhood is not searched (the search would hold a drag's frame): the curve.
  if (xs.length * ys.length > GRID_MAX) return null;
  const W = xs.length;
  const index = (i: number, j: number) => j * W + i;
  const start = index(xs.indexOf(from.x), ys.indexOf(from.y));
  const goal = index(xs.indexOf(to.x), ys.indexOf(to.y));
  // State: a crossing and the direction it was reached in (0 level, 1 upright, 2 the start).
  const cost = new Float64Array(W * ys.length * 3).fill(Infinity);
  const back = new Int32Array(W * ys.length * 3).fill(-1);
  cost[start * 3 + 2] = 0;
  const open = new Set<number>([start * 3 + 2]);
  while (open.size > 0) {
    let best = -1;
    for (const st of open) if (best < 0 || cost[st]! < cost[best]!) best = st;
    open.delete(best);
    const node = Math.floor(best / 3);
    const dir = best % 3;
    if (node === goal) {
      const out: Point[] = [];
      for (let st = best; st >= 0; st = back[st]!) {
        const n = Math.floor(st / 3);
        out.push({ x: xs[n % W]!, y: ys[Math.floor(n / W)]! });
      }
      return out.reverse();
    }
    const i = node % W;
    const j = Math.floor(node / W);
    const p = { x: xs[i]!, y: ys[j]! };
    for (const [di, dj, d] of [
      [1, 0, 0],
      [-1, 0, 0],
      [0, 1, 1],
      [0, -1, 1],
    ] as const) {
      const ni = i + di;
      const nj = j + dj;
      if (ni < 0 || ni >= W || nj < 0 || nj >= ys.length) continue;
      const q = { x: xs[ni]!, y: ys[nj]! };
      if (!pieceClear(p, q, blockers)) continue;
      const step =
        Math.abs(q.x - p.x) + Math.abs(q.y - p.y) + (dir !== 2 && dir !== d ? TURN_COST : 0);
      const st = index(ni, nj) * 3 + d;
      if (cost[best]! + step < cost[st]!) {
        cost[st] = cost[best]! + step;
        back[st] = best;
        open.add(st);
      }
    }
  }
  return null;
}

/** Drops points that lie on the straight piece between their neighbours (and repeats). */
function simplify(points: readonly Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && Math.abs(last.x - p.x) < 0.5 && Math.abs(last.y - p.y) < 0.5) continue;
    const before = out[out.length - 2];
    if (
      before &&
      last &&
      ((Math.abs(before.x - last.x) < 0.5 && Math.abs(last.x - p.x) < 0.5) ||
        (Math.abs(before.y - last.y) < 0.5 && Math.abs(last.y - p.y) < 0.5))
    ) {
      out[out.length - 1] = p;
      continue;
    }
    out.push(p);
  }
  return out;
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
  /** The labels placed so far, by where they stand, as the cards are (see CardIndex). */
  const placed = new Columns<Rect>();
  const placedNear = (at: (t: number) => { x: number; y: number }, width: number) => {
    let minX = Infinity;
    let maxX = -Infinity;
    for (const t of ALONG) {
      const x = at(t).x;
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
    }
    return placed.near(minX - FARTHEST_ASIDE - 2 * width, maxX + FARTHEST_ASIDE + 2 * width);
  };
  const out = new Map<string, LabelPlace>();
  // The shortest lines first: they have the fewest places for their words, and a long line that
  // comes later still has room along its length (placed in drawing order, a long line's words
  // took the only clear spot beside a short one, whose words then went far aside).
  const routed = lines
    .map((line, order) => {
      const route = lineBetween(line.source, line.target, cards);
      const a = route.at(0);
      const b = route.at(1);
      return { line, order, at: route.at, reach: Math.hypot(b.x - a.x, b.y - a.y) };
    })
    .sort((m, n) => m.reach - n.reach || m.order - n.order);
  for (const { line, at } of routed) {
    const size = labelSize(line.text);
    const place = labelPlace(at, size, cards, placedNear(at, size.width));
    const p = labelCentre(at, place);
    const rect = {
      x: p.x - size.width / 2,
      y: p.y - size.height / 2,
      width: size.width,
      height: size.height,
    };
    placed.add(rect, rect.x, rect.x + rect.width);
    out.set(line.id, place);
  }
  return out;
}
