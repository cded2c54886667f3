import { describe, expect, it } from 'vitest';
import { NODE_HEIGHT, NODE_WIDTH } from './lanes';
import { MIN_READABLE_ZOOM, isInView, monthTicks, openingViewport } from './viewport';

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
