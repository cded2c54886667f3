import type { Sector } from '../../../shared/vocabulary';
import { LANE_HEIGHT, NODE_HEIGHT, NODE_WIDTH, laneTop, visibleLanes } from './lanes';

/**
 * Touchpoint text is 15–17 px at 100 %; below this zoom it would be under 12 px on screen, so the
 * map never opens below it, and further out the cards turn into marks (face and sector colour).
 */
export const MIN_READABLE_ZOOM = 0.8;
export const MIN_ZOOM = 0.2;
/** React Flow store selector: the map is zoomed out past readable text (cards become marks). */
export const zoomedOut = (s: { transform: [number, number, number] }) =>
  s.transform[2] < MIN_READABLE_ZOOM;
export const MAX_ZOOM = 2;
/** One step of the zoom buttons and keys, in (`+1`) or out (`-1`), within MIN_ZOOM–MAX_ZOOM. */
export const steppedZoom = (zoom: number, direction: 1 | -1): number =>
  Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom * 1.25 ** direction));
/**
 * 100 % from the pane's top-left corner, for a map that reads from its start there (the process
 * map): along each axis, a map whose edge is inside the pane keeps that edge where it is (after
 * «Hele kortet» the map is centred, its corner inside), and one the pane's edge cuts keeps the
 * point under that edge — what was at the pane's left or top stays in sight, where a zoom about
 * the centre pushed the start out of the pane. Screen = map × zoom + offset.
 */
export function resetFromTopLeft(v: Viewport): Viewport {
  return { x: v.x > 0 ? v.x : v.x / v.zoom, y: v.y > 0 ? v.y : v.y / v.zoom, zoom: 1 };
}

/** The least zoom a whole view of the process map goes to (a map of 100 links at 1024 px). */
export const WHOLE_MAP_MIN_ZOOM = 0.05;

/**
 * The whole of a map of `map` size in a pane, centred, with `pad` screen pixels around it: at the
 * zoom that fits it, never above 100 % (a small map is not blown up) and never below `least`.
 */
export function wholeMapView(
  map: { width: number; height: number },
  pane: { width: number; height: number },
  pad = 8,
  least = WHOLE_MAP_MIN_ZOOM,
): Viewport {
  const fit = Math.min(
    (pane.width - 2 * pad) / Math.max(1, map.width),
    (pane.height - 2 * pad) / Math.max(1, map.height),
  );
  const zoom = Math.max(least, Math.min(1, fit));
  return {
    x: (pane.width - map.width * zoom) / 2,
    y: (pane.height - map.height * zoom) / 2,
    zoom,
  };
}

/** Room kept free around what the map opens on (screen pixels). */
const PAD = 24;
/**
 * Where the map opens from its top-left corner: a lane's edge just under the ruler, and the first
 * card far enough in that its dots stay clear of the pane's edge (where React Flow would start
 * scrolling the map under a finger that is connecting or dragging).
 */
export const OPENING_PAD = { x: 48, y: 12 };

export interface Box {
  x: number;
  y: number;
  width?: number;
  height?: number;
}
export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/**
 * Where the map opens: on the start of the journey, at the largest zoom up to 100 % that shows as
 * many of its first touchpoints (in time order) as fit at a readable zoom. Never below
 * MIN_READABLE_ZOOM, so text is never opened unreadably small.
 */
export function openingViewport(
  inTimeOrder: readonly Box[],
  pane: { width: number; height: number },
  pad: { x: number; y: number } = { x: PAD, y: PAD },
  /** Lane height: the top edge then falls on a lane's edge, never through a lane's name. */
  snapY?: number,
): Viewport {
  if (inTimeOrder.length === 0) return { x: pad.x, y: pad.y, zoom: 1 };
  const usableW = Math.max(1, pane.width - 2 * pad.x);
  const usableH = Math.max(1, pane.height - 2 * pad.y);
  let box = bounds(inTimeOrder.slice(0, 1));
  for (let k = 2; k <= inTimeOrder.length; k++) {
    const next = bounds(inTimeOrder.slice(0, k));
    if (fitZoom(next, usableW, usableH) < MIN_READABLE_ZOOM) break;
    box = next;
  }
  const zoom = Math.min(1, Math.max(MIN_READABLE_ZOOM, fitZoom(box, usableW, usableH)));
  // From the top lane down as far as the box still fits, so lanes above the first cards (the
  // citizen's own life, say) are not hidden when there is room for them. Everything from the top
  // lane down to the box's bottom fits when it does so without the pad above it: the top lane then
  // starts at the pane's edge (or as far below it as there is room for, up to the pad), rather
  // than hidden above it for the sake of a pad (at 1366×768 the citizen's lane was, with 48 px
  // left empty below the last lane).
  if (box.maxY * zoom <= pane.height) {
    const padTop = Math.max(0, Math.min(pad.y, pane.height - box.maxY * zoom - pad.y));
    return { x: pad.x - box.minX * zoom, y: padTop, zoom };
  }
  let top = Math.min(box.minY, Math.max(0, box.maxY - (pane.height - pad.y) / zoom));
  if (snapY) top = Math.min(box.minY, Math.ceil(top / snapY - 1e-9) * snapY);
  // A lane's edge at the pane's very top when lanes lie above it: the pad there would show a
  // sliver of the lane above, a strip of colour with no name.
  const padTop = snapY && top > 0 ? 0 : pad.y;
  return { x: pad.x - box.minX * zoom, y: padTop - top * zoom, zoom };
}

/**
 * Where a map of these cards opens (the main map and each of "both maps"): by whole lanes, in
 * time order, from its top-left corner with OPENING_PAD, the top edge on a lane's edge.
 */
export function openingViewFor(
  cards: readonly { position: { x: number }; data: { sector: Sector } }[],
  hidden: readonly Sector[],
  pane: { width: number; height: number },
): Viewport {
  const lanes = visibleLanes(hidden);
  const boxes = [...cards]
    .sort((a, b) => a.position.x - b.position.x)
    .map((c) => ({ x: c.position.x, y: laneTop(c.data.sector, lanes), height: LANE_HEIGHT }));
  return openingViewport(boxes, pane, OPENING_PAD, LANE_HEIGHT);
}

/** The zoom at which a box of flow coordinates fills the usable pane. */
function fitZoom(b: ReturnType<typeof bounds>, w: number, h: number): number {
  return Math.min(w / (b.maxX - b.minX), h / (b.maxY - b.minY));
}

function bounds(boxes: readonly Box[]) {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const b of boxes) {
    minX = Math.min(minX, b.x);
    minY = Math.min(minY, b.y);
    maxX = Math.max(maxX, b.x + (b.width ?? NODE_WIDTH));
    maxY = Math.max(maxY, b.y + (b.height ?? NODE_HEIGHT));
  }
  return { minX, minY, maxX, maxY };
}

/** Whether a flow-coordinate box is fully inside the pane at this viewport. */
export function isInView(b: Box, vp: Viewport, pane: { width: number; height: number }): boolean {
  const left = vp.x + b.x * vp.zoom;
  const top = vp.y + b.y * vp.zoom;
  const right = left + (b.width ?? NODE_WIDTH) * vp.zoom;
  const bottom = top + (b.height ?? NODE_HEIGHT) * vp.zoom;
  return left >= 0 && top >= 0 && right <= pane.width && bottom <= pane.height;
}

const MONTH_FORMATS = new Map<string, Intl.DateTimeFormat>();
/** Month names in the app's language, whatever the system's locale (a formatter is costly: kept). */
function monthFormat(language: string): Intl.DateTimeFormat {
  const locale = language === 'en' ? 'en-GB' : 'da-DK';
  let format = MONTH_FORMATS.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' });
    MONTH_FORMATS.set(locale, format);
  }
  return format;
}

export interface MonthTick {
  /** Flow x of the first touchpoint of the month. */
  x: number;
  month: string;
  label: string;
}

/**
 * The time ruler's months: each month with a dated touchpoint is labelled at the first of its
 * touchpoints on the map. Months are kept in calendar order only while their places also go left
 * to right, so a card dragged out of time order never scrambles the ruler.
 */
export function monthTicks(
  touchpoints: readonly { x: number; date: string | null }[],
  language: string,
): MonthTick[] {
  const firstX = new Map<string, number>();
  for (const tp of touchpoints) {
    if (!tp.date) continue;
    const month = tp.date.slice(0, 7);
    const x = firstX.get(month);
    if (x === undefined || tp.x < x) firstX.set(month, tp.x);
  }
  if (firstX.size === 0) return [];
  const monthName = monthFormat(language);
  const ticks: MonthTick[] = [];
  let lastYear = '';
  for (const month of [...firstX.keys()].sort()) {
    const x = firstX.get(month)!;
    const prev = ticks[ticks.length - 1];
    if (prev && x <= prev.x) continue;
    const [y, m] = month.split('-');
    const name = monthName.format(new Date(Date.UTC(Number(y), Number(m) - 1, 1)));
    ticks.push({ x, month, label: y !== lastYear ? `${name} ${y}` : name });
    lastYear = y!;
  }
  return ticks;
}
