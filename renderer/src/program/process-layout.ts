import type { ELK, ElkExtendedEdge, ElkNode, LayoutOptions } from 'elkjs/lib/elk-api';

export interface Size {
  width: number;
  height: number;
}
export interface Point {
  x: number;
  y: number;
}
export interface Box extends Point, Size {}

export interface PlaceIn extends Size {
  id: string;
}
export interface LinkIn {
  id: string;
  from: string;
  to: string;
  journeys: number;
  /** The label's words and the size of its box as drawn (text and padding). */
  label: Size & { text: string };
}

export interface ProcessLayout extends Size {
  places: Map<string, Box>;
  /** Each link's route (start, bends, end) and its label's box, all in map coordinates. */
  links: Map<string, { points: Point[]; label: Box | null }>;
}

/**
 * The room each link has where it meets a place (px, at 100 %): the widest arrowhead (see
 * ProcessMapView) and a little air.
 */
export const LINK_ROOM = 16;

/**
 * ELK's layered algorithm (Sugiyama style, as Disco, ProM and pm4py draw directly-follows graphs):
 * places in ranks from left to right, links routed orthogonally between the ranks, and each
 * link's label placed by ELK itself as a box on its link ("inline" centre labels become dummy
 * nodes of their own rank), so labels never overlap each other, a place or another link.
 */
const OPTIONS: LayoutOptions = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.layered.edgeLabels.centerLabelPlacementStrategy': 'SPACE_EFFICIENT_LAYER',
  'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
  // Cycles (journeys go back and forth) are broken by the order the places are given in: a link
  // from an earlier place to a later one points forward. See layoutProcessMap.
  'elk.layered.cycleBreaking.strategy': 'MODEL_ORDER',
  // Tight between ranks: a laptop's map is wide and low, and every rank of labels costs width.
  'elk.layered.spacing.nodeNodeBetweenLayers': '28',
  'elk.layered.spacing.edgeNodeBetweenLayers': '14',
  'elk.layered.spacing.edgeEdgeBetweenLayers': '10',
  'elk.spacing.nodeNode': '28',
  'elk.spacing.edgeNode': '20',
  'elk.spacing.edgeEdge': '10',
  'elk.spacing.edgeLabel': '6',
  // Where many links meet one side of a place, each gets its own room there (the place grows
  // taller, see layoutProcessMap): their arrowheads would otherwise merge into one dark knot, and
  // which way a link goes could not be read.
  'elk.spacing.portPort': String(LINK_ROOM),
  'elk.padding': '[top=16,left=16,bottom=16,right=16]',
};

let engine: Promise<ELK> | null = null;
/**
 * The bundled ELK (elk.bundled.js): the layout runs in this thread through ELK's "fake worker",
 * with no Web Worker, no blob: URL and no eval, so the app's Content-Security-Policy
 * (script-src 'self', no worker-src) needs nothing more. Loaded on first use, so its 1.6 MB stay
 * out of the app's first script. A map of a few dozen places takes milliseconds.
 */
function elk(): Promise<ELK> {
  engine ??= import('elkjs/lib/elk.bundled.js').then((m) => new m.default());
  return engine;
}

/**
 * Lays the process map out. `places` come in the order the map should read in (`flowOrder`):
 * where links form cycles, links from an earlier place to a later one point forward. Links taken
 * by more journeys are kept straighter. Self-links are routed as loops.
 */
export async function layoutProcessMap(
  places: readonly PlaceIn[],
  links: readonly LinkIn[],
): Promise<ProcessLayout> {
  const graph: ElkNode = {
    id: 'map',
    layoutOptions: OPTIONS,
    children: places.map((p) => ({
      id: p.id,
      width: p.width,
      height: p.height,
      // As tall as its text, or taller where more links meet a side than its height has room for.
      layoutOptions: {
        'elk.nodeSize.constraints': '[PORTS, MINIMUM_SIZE]',
        'elk.nodeSize.minimum': `(${p.width}, ${p.height})`,
      },
    })),
    edges: links.map((l): ElkExtendedEdge => ({
      id: l.id,
      sources: [l.from],
      targets: [l.to],
      layoutOptions: {
        'elk.layered.priority.direction': String(l.journeys),
        'elk.layered.priority.straightness': String(l.journeys),
      },
      labels: [
        {
          // ELK's JSON import leaves a label without text unplaced (at 0, 0).
          text: l.label.text,
          width: l.label.width,
          height: l.label.height,
          // On its link, in the middle: the label's box is the line's own gap.
          layoutOptions: { 'elk.edgeLabels.placement': 'CENTER', 'elk.edgeLabels.inline': 'true' },
        },
      ],
    })),
  };
  const out = await (await elk()).layout(graph);
  const placed = new Map<string, Box>();
  for (const n of out.children ?? []) {
    placed.set(n.id, { x: n.x ?? 0, y: n.y ?? 0, width: n.width ?? 0, height: n.height ?? 0 });
  }
  const routed = new Map<string, { points: Point[]; label: Box | null }>();
  // A flat graph: ELK gives every coordinate relative to the root, the map's own coordinates.
  for (const e of (out.edges ?? []) as ElkExtendedEdge[]) {
    const points = (e.sections ?? []).flatMap((s, i) => [
      ...(i === 0 ? [s.startPoint] : []),
      ...(s.bendPoints ?? []),
      s.endPoint,
    ]);
    const l = e.labels?.[0];
    routed.set(e.id, {
      points,
      label: l ? { x: l.x ?? 0, y: l.y ?? 0, width: l.width ?? 0, height: l.height ?? 0 } : null,
    });
  }
  return { width: out.width ?? 0, height: out.height ?? 0, places: placed, links: routed };
}

/**
 * The most links the map draws, the strongest (every link is in the table under the map). ELK
 * lays the map out in the window's own thread and its time grows faster than the links: at the
 * contact level of 1,500 models, 117 links took a second or two, 184 twelve seconds, 265 about a
 * minute and 768 over ten, the window frozen all along — and far fewer are a tangle already.
 */
export const MAX_LINKS = 100;

/**
 * The fewest journeys a link may rest on and still be drawn, given every shown link's journeys
 * (strongest first), so that the map draws at most `max` links; `fallback` when there is none.
 * Links that tie at the edge are left out together (never a cut between two links of the same
 * count) — unless they tie with the strongest, when nothing else could be drawn: then this is the
 * strongest count and the map draws the first `max` of them (`drawnLinks`).
 */
export function leastDrawn(journeys: readonly number[], max: number, fallback: number): number {
  if (journeys.length === 0) return fallback;
  if (journeys.length <= max) return journeys[journeys.length - 1]!;
  const edge = journeys[max - 1]!;
  return journeys[max] === edge ? Math.min(edge + 1, journeys[0]!) : edge;
}

/**
 * The order the map reads in, left to right: as much as can be, the order journeys go in, so that
 * a link points forward (a journey's next step to the right of the one before) unless it goes
 * back against more journeys going the other way. Journeys go back and forth between places, so
 * no order puts every link forward; which links to draw backwards is chosen by journeys, with
 * the greedy ordering of Eades, Lin and Smyth weighted by them: places no drawn link leads out of
 * go last, places none leads into go first, and otherwise the place whose links carry the most
 * journeys out rather than in comes next. Ties go to the place more journeys pass through
 * (`through`), then to the name, so the same figures always give the same map.
 *
 * Before, the places most journeys pass through came first (the narrowest maps): a map of GP →
 * hospital → home care and emergency → hospital then began with the hospital, and two of its
 * three links pointed right to left. Measured on generated cohorts of 60 to 1,500 models at
 * both levels, the journeys on links drawn backwards fell from 38–56 % to 12–37 %; the maps grew
 * 1–67 % wider and 8–47 % lower, which a laptop's wide, low pane shows more of.
 */
export function flowOrder(
  ids: readonly string[],
  links: readonly { from: string; to: string; journeys: number }[],
  through: (id: string) => number,
): string[] {
  const out = new Map<string, number>();
  const into = new Map<string, number>();
  for (const id of ids) {
    out.set(id, 0);
    into.set(id, 0);
  }
  const between = links.filter((l) => l.from !== l.to && out.has(l.from) && out.has(l.to));
  for (const l of between) {
    out.set(l.from, out.get(l.from)! + l.journeys);
    into.set(l.to, into.get(l.to)! + l.journeys);
  }
  const first: string[] = [];
  const last: string[] = [];
  const left = new Set(ids);
  const take = (id: string) => {
    left.delete(id);
    for (const l of between) {
      if (l.from === id && left.has(l.to)) into.set(l.to, into.get(l.to)! - l.journeys);
      if (l.to === id && left.has(l.from)) out.set(l.from, out.get(l.from)! - l.journeys);
    }
  };
  const tie = (a: string, b: string) => through(b) - through(a) || a.localeCompare(b);
  while (left.size > 0) {
    let moved = true;
    while (moved) {
      moved = false;
      for (const id of [...left].sort(tie)) {
        if (left.has(id) && out.get(id) === 0) {
          last.unshift(id);
          take(id);
          moved = true;
        }
      }
      for (const id of [...left].sort(tie)) {
        if (left.has(id) && into.get(id) === 0) {
          first.push(id);
          take(id);
          moved = true;
        }
      }
    }
    if (left.size === 0) break;
    const lead = (id: string) => out.get(id)! - into.get(id)!;
    const next = [...left].sort((a, b) => lead(b) - lead(a) || tie(a, b))[0]!;
    first.push(next);
    take(next);
  }
  return [...first, ...last];
}

/** The links the map draws at a threshold: those with at least that many journeys, at most `max`. */
export function drawnLinks<T extends { journeys: number }>(
  strongestFirst: readonly T[],
  threshold: number,
  max: number,
): T[] {
  return strongestFirst.filter((l) => l.journeys >= threshold).slice(0, max);
}

/**
 * The SVG path through a route's points, its corners rounded (radius up to `radius`, less where
 * a leg is short) so that lines crossing at a corner are told apart from lines turning there.
 */

export function routePath(points: readonly Point[], radius = 10): string {
  if (points.length === 0) return '';
  const [first] = points;
  let d = `M ${first!.x} ${first!.y}`;
  for (let i = 1; i < points.length; i++) {
    const p = points[i]!;
    const next = points[i + 1];
    if (!next) {
      d += ` L ${p.x} ${p.y}`;
      break;
    }
    const prev = points[i - 1]!;
    const r = Math.min(radius, dist(prev, p) / 2, dist(p, next) / 2);
    const a = toward(p, prev, r);
    const b = toward(p, next, r);
    d += ` L ${a.x} ${a.y} Q ${p.x} ${p.y} ${b.x} ${b.y}`;
  }
  return d;
}

const dist = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);
function toward(from: Point, to: Point, by: number): Point {
  const d = dist(from, to);
  if (d === 0) return from;
  return { x: from.x + ((to.x - from.x) * by) / d, y: from.y + ((to.y - from.y) * by) / d };
}

/**
 * Where the map opens: the whole map if it fits at a zoom where its smallest text is still
 * `minText` px on screen (never above 100 %); otherwise at exactly that zoom, on the map's start:
 * `focus` (the first place) as near the middle as the map's edges allow, then moved the least
 * way (up or down, left or right) to where no box of `whole` (the places and labels) is cut by
 * the top or left edge — a box sliced in half there reads as a broken map — with `focus` still
 * whole in the pane; where there is no such place, the view stays centred on `focus`.
 */
export function openingView(
  map: Size,
  pane: Size,
  smallestFont: number,
  minText: number,
  focus: Box = { x: 0, y: 0, width: 0, height: 0 },
  pad = 16,
  whole: readonly Box[] = [],
  /**
   * How much of `focus`, at its middle, must stay in sight when no clean edge keeps it whole (map
   * units): the block of its text, which a place grown taller for its links has centred.
   */
  text = focus.height,
): { x: number; y: number; zoom: number } {
  const readable = minText / smallestFont;
  const fit = Math.min(
    (pane.width - 2 * pad) / Math.max(1, map.width),
    (pane.height - 2 * pad) / Math.max(1, map.height),
  );
  const zoom = Math.max(readable, Math.min(1, fit));
  /** Along one axis: centred if it fits, else the focus centred but no edge pulled inside. */
  const place = (length: number, paneLength: number, at: number, size: number) => {
    const drawn = length * zoom;
    if (drawn <= paneLength - 2 * pad) return (paneLength - drawn) / 2;
    const centred = paneLength / 2 - (at + size / 2) * zoom;
    return Math.min(pad, Math.max(paneLength - pad - drawn, centred));
  };
  /**
   * Along one axis: the view nearest `from` whose near edge (with its pad) crosses no box, with
   * `focus` whole in the pane and no edge of the map pulled inside; null when there is none.
   * In map units, the near edge at `t` is clean when no box meets the strip [t, t + pad / zoom].
   */
  const uncut = (
    from: number,
    paneLength: number,
    mapLength: number,
    axis: 'x' | 'y',
    kept: { start: number; size: number },
    /** A box that may be cut (the focus itself, when only its middle is kept). */
    cuttable?: Box,
  ): number | null => {
    const length = axis === 'x' ? 'width' : 'height';
    const strip = pad / zoom;
    const t0 = -from / zoom;
    // Where the near edge may be: what is kept of the focus whole (its start past the pad, its
    // end before the far pad), and, for a map larger than the pane, neither of the map's edges
    // inside.
    let lo = kept.start + kept.size - (paneLength - pad) / zoom;
    let hi = kept.start - strip;
    if (mapLength * zoom > paneLength - 2 * pad) {
      lo = Math.max(lo, -strip);
      hi = Math.min(hi, mapLength - (paneLength - pad) / zoom);
    }
    // The boxes' spans along the axis, merged; the clean edges lie in the gaps between them.
    const spans = whole
      .filter((b) => b !== cuttable)
      .map((b) => [b[axis], b[axis] + b[length]] as const)
      .sort((a, b) => a[0] - b[0]);
    const gaps: [number, number][] = [];
    let end = -Infinity;
    for (const [start, stop] of spans) {
      if (start - strip >= end) gaps.push([end, start - strip]);
      end = Math.max(end, stop);
    }
    gaps.push([end, Infinity]);
    let best: number | null = null;
    for (const [a, b] of gaps) {
      const first = Math.max(a, lo);
      const last = Math.min(b, hi);
      if (first > last) continue;
      const t = Math.min(Math.max(t0, first), last);
      if (best === null || Math.abs(t - t0) < Math.abs(best - t0)) best = t;
    }
    return best === null ? null : -best * zoom;
  };
  /**
   * The focus whole if a clean edge allows it; else, up and down, the block of its text in its
   * middle (a place grown taller than its text, where many links meet it, is cut rather than a
   * box at the edge — across, its name runs the whole width, so it is kept whole or centred);
   * else centred on it.
   */
  const along = (axis: 'x' | 'y') => {
    const [length, paneLength, mapLength] =
      axis === 'x'
        ? (['width', pane.width, map.width] as const)
        : (['height', pane.height, map.height] as const);
    const from = place(mapLength, paneLength, focus[axis], focus[length]);
    const whole = uncut(from, paneLength, mapLength, axis, {
      start: focus[axis],
      size: focus[length],
    });
    if (whole !== null) return whole;
    const middle = Math.min(focus.height, text);
    const kept =
      axis === 'y' && middle < focus.height
        ? uncut(
            from,
            paneLength,
            mapLength,
            axis,
            { start: focus.y + (focus.height - middle) / 2, size: middle },
            focus,
          )
        : null;
    return kept ?? from;
  };
  return { x: along('x'), y: along('y'), zoom };
}
