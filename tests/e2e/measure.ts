/**
 * Legibility measured from the DOM (ENGINEERING.md, testing layer 6): what a person at the table
 * actually sees of the map, whatever the layout is. The page is read once into plain rectangles;
 * the geometry is computed here, in the test process, by small pure functions.
 */
import { expect, type Page } from '@playwright/test';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const area = (r: Rect | null): number =>
  r ? Math.max(0, r.width) * Math.max(0, r.height) : 0;

/** The overlap of two rectangles, or null when they do not overlap. */
export function intersect(a: Rect | null, b: Rect | null): Rect | null {
  if (!a || !b) return null;
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const right = Math.min(a.x + a.width, b.x + b.width);
  const bottom = Math.min(a.y + a.height, b.y + b.height);
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : null;
}

/** The share of `r` that lies inside `frame` (0–1). */
export function shareInside(r: Rect, frame: Rect | null): number {
  const a = area(r);
  return a === 0 ? 0 : area(intersect(r, frame)) / a;
}

/**
 * The share of `r` covered by any of `covers`: the union of the overlaps, computed exactly on the
 * grid their edges make (a handful of rectangles, so this is cheap).
 */
export function shareCovered(r: Rect, covers: readonly Rect[]): number {
  const parts = covers.map((c) => intersect(r, c)).filter((c): c is Rect => c !== null);
  if (parts.length === 0 || area(r) === 0) return 0;
  const xs = [...new Set(parts.flatMap((p) => [p.x, p.x + p.width]))].sort((a, b) => a - b);
  const ys = [...new Set(parts.flatMap((p) => [p.y, p.y + p.height]))].sort((a, b) => a - b);
  let covered = 0;
  for (let i = 0; i + 1 < xs.length; i++) {
    for (let j = 0; j + 1 < ys.length; j++) {
      const cx = (xs[i]! + xs[i + 1]!) / 2;
      const cy = (ys[j]! + ys[j + 1]!) / 2;
      const inside = parts.some(
        (p) => cx > p.x && cx < p.x + p.width && cy > p.y && cy < p.y + p.height,
      );
      if (inside) covered += (xs[i + 1]! - xs[i]!) * (ys[j + 1]! - ys[j]!);
    }
  }
  return covered / area(r);
}

export interface MapMeasure {
  window: Rect;
  /** The map's zoom, from the React Flow viewport's transform (1 when there is none). */
  zoom: number;
  canvas: Rect | null;
  nodes: { text: string; rect: Rect }[];
  /** Touchpoint names; `textRect` is the box of the glyphs themselves (a Range), not the span. */
  labels: { text: string; fontSize: number; fontFamily: string; rect: Rect; textRect: Rect }[];
  /** The labels on connections (kind, quality, waiting time): their whole box, background and all. */
  edgeLabels: { text: string; rect: Rect }[];
  laneNames: {
    text: string;
    rect: Rect;
    scrollHeight: number;
    clientHeight: number;
    scrollWidth: number;
    clientWidth: number;
  }[];
  /** The pinned column the lane names are drawn in (they are clipped to it). */
  laneColumn: Rect | null;
  overlays: { kind: 'minimap' | 'controls'; rect: Rect }[];
  coarsePointer: boolean;
}

/** Reads the map as it is on screen now: plain rectangles, no handles. */
export function readMap(page: Page): Promise<MapMeasure> {
  return page.evaluate(() => {
    const rectOf = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    };
    const textRectOf = (el: Element) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      const r = range.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    };
    const viewport = document.querySelector('.react-flow__viewport');
    const transform = viewport ? getComputedStyle(viewport).transform : 'none';
    const zoom = transform && transform !== 'none' ? new DOMMatrixReadOnly(transform).a : 1;
    // The map itself: React Flow's pane, where the cards are — not the lane names' column, the
    // time ruler or the emotion curve beside it, which would flatter its share of the window.
    const canvas = document.querySelector('.react-flow');
    const laneColumn = document.querySelector('[data-testid="lane-labels"]');
    const overlays: { kind: 'minimap' | 'controls'; rect: ReturnType<typeof rectOf> }[] = [];
    for (const el of document.querySelectorAll('.react-flow__minimap'))
      overlays.push({ kind: 'minimap', rect: rectOf(el) });
    for (const el of document.querySelectorAll(
      '.react-flow__controls, [data-testid="zoom-controls"]',
    ))
      overlays.push({ kind: 'controls', rect: rectOf(el) });
    return {
      window: { x: 0, y: 0, width: window.innerWidth, height: window.innerHeight },
      zoom,
      canvas: canvas ? rectOf(canvas) : null,
      nodes: [...document.querySelectorAll('[data-testid="touchpoint-node"]')].map((el) => ({
        text: (el.querySelector('[data-testid="touchpoint-label"]')?.textContent ?? '').trim(),
        rect: rectOf(el),
      })),
      labels: [...document.querySelectorAll('[data-testid="touchpoint-label"]')].map((el) => {
        const style = getComputedStyle(el);
        return {
          text: (el.textContent ?? '').trim(),
          fontSize: parseFloat(style.fontSize),
          fontFamily: style.fontFamily,
          rect: rectOf(el),
          textRect: textRectOf(el),
        };
      }),
      edgeLabels: [...document.querySelectorAll('[data-testid="edge-label"]')].map((el) => ({
        text: (el.textContent ?? '').trim(),
        rect: rectOf(el),
      })),
      laneNames: laneColumn
        ? [...laneColumn.children].map((el) => ({
            text: (el.textContent ?? '').trim(),
            rect: rectOf(el),
            scrollHeight: el.scrollHeight,
            clientHeight: el.clientHeight,
            scrollWidth: el.scrollWidth,
            clientWidth: el.clientWidth,
          }))
        : [],
      laneColumn: laneColumn ? rectOf(laneColumn) : null,
      overlays,
      coarsePointer: matchMedia('(pointer: coarse)').matches,
    };
  });
}

/**
 * Waits until the map stops moving: the viewport's transform is the same across two animation
 * frames (fit-to-view runs after the touchpoints are measured, and may animate).
 */
export async function waitForStillMap(page: Page): Promise<void> {
  await expect(page.locator('.react-flow__viewport').first()).toBeAttached();
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          const read = () =>
            document.querySelector('.react-flow__viewport')?.getAttribute('style') ?? '';
          const frame = () => new Promise((ok) => requestAnimationFrame(ok));
          const before = read();
          await frame();
          await frame();
          return before !== '' && read() === before;
        }),
      { intervals: [100, 100, 200, 250, 500] },
    )
    .toBe(true);
}

/**
 * The share of a touchpoint a person can see: inside the visible map and not under a lane name
 * or an overlay.
 */
export function shareSeen(r: Rect, m: MapMeasure): number {
  const frame = mapFrame(m);
  const covers = coverRects(m)
    .map((c) => intersect(c, frame))
    .filter((c): c is Rect => c !== null);
  return shareInside(r, frame) - shareCovered(r, covers);
}

/** The visible part of the map: the canvas, clipped to the window. */
export function mapFrame(m: MapMeasure): Rect | null {
  return intersect(m.canvas, m.window);
}

/** What covers touchpoints: lane names (as drawn, clipped to their column) and overlays. */
export function coverRects(m: MapMeasure): Rect[] {
  const names = m.laneNames
    .map((n) => intersect(n.rect, m.laneColumn ?? n.rect))
    .filter((r): r is Rect => r !== null);
  return [...names, ...m.overlays.map((o) => o.rect)];
}

/**
 * Boxes that collide with a connection's label, inside the visible map, each named `as` with the
 * label's text and the size of the overlap. Boxes that merely touch (side bearings, rounding) do
 * not count.
 */
function underConnectionLabels<K extends string>(
  m: MapMeasure,
  as: K,
  boxes: { text: string; rect: Rect | null }[],
): (Record<K, string> & { edge: string; overlap: string })[] {
  const frame = mapFrame(m);
  const hits: (Record<K, string> & { edge: string; overlap: string })[] = [];
  for (const b of boxes) {
    const box = intersect(b.rect, frame);
    if (!box) continue;
    for (const e of m.edgeLabels) {
      const both = intersect(box, e.rect);
      if (both && both.width >= 2 && both.height >= 2)
        hits.push({
          [as]: b.text,
          edge: e.text,
          overlap: `${Math.round(both.width)}×${Math.round(both.height)} px`,
        } as Record<K, string> & { edge: string; overlap: string });
    }
  }
  return hits;
}

/**
 * Touchpoint names whose glyphs collide with a connection's label (whichever is drawn on top,
 * one of the two cannot be read). A name cut short with an ellipsis is clipped to its own box.
 */
export const namesUnderConnectionLabels = (m: MapMeasure) =>
  underConnectionLabels(
    m,
    'name',
    m.labels.map((l) => ({ text: l.text, rect: intersect(l.textRect, l.rect) })),
  );

/**
 * Connection labels drawn on a touchpoint's card (its box, border included): a label there hides
 * the card's date, kind or name, or its border.
 */
export const labelsOnCards = (m: MapMeasure) => underConnectionLabels(m, 'card', m.nodes);

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/** A compact, human-readable summary for the test report. */
export function summarise(m: MapMeasure) {
  const frame = mapFrame(m);
  const visibleLabels = m.labels.filter((l) => shareInside(l.rect, frame) > 0);
  const sizes = visibleLabels.map((l) => l.fontSize * m.zoom);
  const covers = coverRects(m);
  return {
    window: `${m.window.width}×${m.window.height}`,
    zoom: round(m.zoom, 3),
    mapShare: round(area(frame) / area(m.window), 3),
    touchpoints: m.nodes.length,
    mostlyVisible: m.nodes.filter((n) => shareSeen(n.rect, m) >= MOSTLY_VISIBLE).length,
    smallestText: sizes.length ? round(Math.min(...sizes)) : null,
    worstCovered: m.nodes.length
      ? round(Math.max(...m.nodes.map((n) => shareCovered(n.rect, covers))), 3)
      : null,
    namesUnderConnectionLabels: namesUnderConnectionLabels(m).length,
    labelsOnCards: labelsOnCards(m).length,
    smallestNodeHeight: m.nodes.length
      ? round(Math.min(...m.nodes.map((n) => n.rect.height)))
      : null,
    coarsePointer: m.coarsePointer,
  };
}

/** "Fully or mostly visible": at least this share of a touchpoint can be seen (see shareSeen). */
export const MOSTLY_VISIBLE = 0.75;
