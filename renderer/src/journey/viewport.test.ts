import { describe, expect, it } from 'vitest';
import { NODE_HEIGHT, NODE_WIDTH } from './lanes';
import {
  MIN_READABLE_ZOOM,
  isInView,
  monthTicks,
  openingViewport,
  resetFromTopLeft,
  wholeMapView,
} from './viewport';

describe('the opening view', () => {
  const pane = { width: 1000, height: 500 };
  it('opens an empty map at 100 %', () => {
    expect(openingViewport([], pane).zoom).toBe(1);
  });

  it('opens at 100 % on the start when the first touchpoints fit', () => {
    const boxes = [0, 300, 600].map((x) => ({ x, y: 0 }));
    const vp = openingViewport(boxes, pane);
    expect(vp.zoom).toBe(1);
    expect(vp.x).toBe(24);
    for (const b of boxes) expect(isInView(b, vp, pane)).toBe(true);
  });

  it('never opens below a readable zoom, however long the journey', () => {
    const boxes = Array.from({ length: 500 }, (_, i) => ({ x: i * 300, y: (i % 8) * 100 }));
    const vp = openingViewport(boxes, pane);
    expect(vp.zoom).toBeGreaterThanOrEqual(MIN_READABLE_ZOOM);
    // It starts at the first touchpoint in time.
    expect(isInView(boxes[0]!, vp, pane)).toBe(true);
  });

  it('zooms out a little (not below readable) to show more of the start', () => {
    const boxes = [0, 350, 700, 950].map((x) => ({ x, y: 0 }));
    const vp = openingViewport(boxes, pane);
    expect(vp.zoom).toBeLessThan(1);
    expect(vp.zoom).toBeGreaterThanOrEqual(MIN_READABLE_ZOOM);
    for (const b of boxes) expect(isInView(b, vp, pane)).toBe(true);
  });

  it('starts from the top lane when the first cards still fit below it', () => {
    const boxes = [{ x: 0, y: 300 }];
    const vp = openingViewport(boxes, pane, { x: 24, y: 0 });
    expect(vp.y).toBe(0);
    expect(isInView(boxes[0]!, vp, pane)).toBe(true);
  });

  it('puts the top edge on a lane edge, never through a lane', () => {
    // Lanes of 76: the first cards are in lanes 1 to 7; lane 0 does not fit whole above them.
    const boxes = [1, 7].map((lane) => ({ x: 0, y: lane * 76, height: 76 }));
    const vp = openingViewport(boxes, { width: 1000, height: 560 }, { x: 24, y: 0 }, 76);
    expect(-vp.y / vp.zoom).toBeCloseTo(76);
  });

  it('shows no sliver of the lane above: its top edge is at the pane’s top, not a pad below', () => {
    const boxes = [1, 7].map((lane) => ({ x: 0, y: lane * 76, height: 76 }));
    const vp = openingViewport(boxes, { width: 1000, height: 560 }, { x: 24, y: 12 }, 76);
    expect(vp.y + 76 * vp.zoom).toBeCloseTo(0);
    // With nothing above the first lane, the pad is kept.
    const first = openingViewport(
      [{ x: 0, y: 0, height: 76 }],
      { width: 1000, height: 560 },
      {
        x: 24,
        y: 12,
      },
      76,
    );
    expect(first.y).toBe(12);
  });

  it('shows every lane from the top when they fit without the pad above them', () => {
    // Eight lanes of 65; the first cards in lanes 1 to 7. At the zoom the width gives (0.854),
    // 520 px of lanes take 444 px of a 455 px pane: all of them fit, the citizen's lane too.
    const boxes = [
      { x: 0, y: 65, height: 65 },
      { x: 1360, y: 7 * 65, height: 65 },
    ];
    const pane = { width: 1360 * 0.854 + 2 * 48 + 220 * 0.854, height: 455 };
    const vp = openingViewport(boxes, pane, { x: 48, y: 12 }, 65);
    expect(vp.y).toBeGreaterThanOrEqual(0);
    // The top lane's top is in the pane, and so is the last lane's bottom.
    expect(vp.y + 8 * 65 * vp.zoom).toBeLessThanOrEqual(455);
    // Where there is less room than that, lanes above the cards are left out whole.
    const tight = openingViewport(boxes, { ...pane, height: 420 }, { x: 48, y: 12 }, 65);
    expect(-tight.y / tight.zoom).toBeCloseTo(65);
  });

  it('knows the size of a card', () => {
    expect(
      isInView({ x: 0, y: 0 }, { x: 0, y: 0, zoom: 1 }, { width: NODE_WIDTH, height: NODE_HEIGHT }),
    ).toBe(true);
    expect(
      isInView({ x: 1, y: 0 }, { x: 0, y: 0, zoom: 1 }, { width: NODE_WIDTH, height: NODE_HEIGHT }),
    ).toBe(false);
  });
});

describe('the time ruler', () => {
  it('names each month at its first touchpoint, with the year at the start and in January', () => {
    const ticks = monthTicks(
      [
        { x: 500, date: '2026-01-20' },
        { x: 100, date: '2025-12-30' },
        { x: 300, date: '2026-01-02' },
        { x: 700, date: null },
        { x: 900, date: '2026-02' },
      ],
      'da',
    );
    expect(ticks.map((t) => [t.x, t.label])).toEqual([
      [100, 'december 2025'],
      [300, 'januar 2026'],
      [900, 'februar'],
    ]);
  });

  it('leaves out a month whose card was dragged before an earlier month', () => {
    const ticks = monthTicks(
      [
        { x: 0, date: '2026-01-05' },
        { x: 600, date: '2026-02-05' },
        { x: 300, date: '2026-03-05' },
      ],
      'en',
    );
    expect(ticks.map((t) => t.label)).toEqual(['January 2026', 'February']);
  });
});

describe('the process map’s whole view and its way back to 100 %', () => {
  const pane = { width: 1300, height: 363 };
  /** Where a map point lands on screen in a view. */
  const screen = (v: { x: number; y: number; zoom: number }, x: number, y: number) => ({
    x: x * v.zoom + v.x,
    y: y * v.zoom + v.y,
  });

  it('fits a wide, low map whole, centred, and a map too large for 20 % too', () => {
    const v = wholeMapView({ width: 3200, height: 490 }, pane);
    const [a, b] = [screen(v, 0, 0), screen(v, 3200, 490)];
    expect(a.x).toBeGreaterThanOrEqual(0);
    expect(a.y).toBeGreaterThanOrEqual(0);
    expect(b.x).toBeLessThanOrEqual(pane.width);
    expect(b.y).toBeLessThanOrEqual(pane.height);
    expect(Math.abs(a.x - (pane.width - b.x))).toBeLessThan(1);
    // 5,600 × 1,800 needs less than 20 %: it still fits.
    const big = wholeMapView({ width: 5600, height: 1800 }, { width: 1000, height: 335 });
    expect(big.zoom).toBeLessThan(0.2);
    expect(screen(big, 5600, 1800).y).toBeLessThanOrEqual(335);
  });

  it('never blows a small map up past 100 %', () => {
    expect(wholeMapView({ width: 400, height: 200 }, pane).zoom).toBe(1);
  });

  it('goes back to 100 % with the map’s start still at the pane’s top-left', () => {
    // After the whole view: the map's corner inside the pane stays where it is.
    const whole = wholeMapView({ width: 3200, height: 490 }, pane);
    const back = resetFromTopLeft(whole);
    expect(back.zoom).toBe(1);
    expect(screen(back, 0, 0)).toEqual(screen(whole, 0, 0));
    // Panned into the map: the point under the pane's corner stays there.
    const panned = { x: -400, y: -80, zoom: 0.8 };
    const under = { x: 400 / 0.8, y: 80 / 0.8 };
    expect(screen(resetFromTopLeft(panned), under.x, under.y)).toEqual({ x: 0, y: 0 });
  });
});
