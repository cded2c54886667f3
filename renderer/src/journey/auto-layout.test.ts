import { describe, expect, it } from 'vitest';
import type { Touchpoint } from '../../../shared/domain/journey';
import { TIME_STEP, layoutByTime, placeForDate, timeOrder, xForPlace } from './auto-layout';
import { COLUMN_WIDTH } from './lanes';
import { touchpoint } from './test-fixtures';

/** A touchpoint by name and place (and date and lane, when they matter). */
const tp = (
  label: string,
  x: number,
  date: string | null = null,
  sector: Touchpoint['sector'] = 'other',
) => touchpoint({ label, x, date, sector });

describe('time order', () => {
  it('sorts dated touchpoints by date and keeps undated ones in their place', () => {
    const a = tp('A', 0, '2026-03-01');
    const b = tp('B', 100);
    const c = tp('C', 200, '2026-01-15');
    const d = tp('D', 300, '2026-02');
    expect(timeOrder([a, b, c, d]).map((t) => t.label)).toEqual(['C', 'B', 'D', 'A']);
  });
});

describe('layout by time', () => {
  it('places touchpoints left to right in time order, without overlaps', () => {
    const items = [
      tp('A', 500, '2026-03-01'),
      tp('B', 0, '2026-01-01'),
      tp('C', 900),
      tp('D', 50, '2026-02'),
    ];
    const xs = layoutByTime(items);
    const byLabel = Object.fromEntries(items.map((t) => [t.label, xs.get(t.id)!]));
    expect(byLabel.B).toBeLessThan(byLabel.D!);
    expect(byLabel.D).toBeLessThan(byLabel.A!);
    expect(byLabel.A).toBeLessThan(byLabel.C!);
    const sorted = [...xs.values()].sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i++)
      expect(sorted[i]! - sorted[i - 1]!).toBeGreaterThanOrEqual(180);
    expect(sorted[0]).toBe(0);
  });

  it('lets the same day in two lanes share a column', () => {
    const a = tp('A', 0, '2026-03-01', 'hospital');
    const b = tp('B', 300, '2026-03-01', 'pharmacy');
    const xs = layoutByTime([a, b]);
    expect(xs.get(a.id)).toBe(xs.get(b.id));
  });

  it('copes with an empty map', () => {
    expect(layoutByTime([]).size).toBe(0);
  });
});

describe('the place of an undated touchpoint', () => {
  it('takes the place asked for in the time order, between dated ones too', () => {
    const a = tp('A', 0, '2026-01-01');
    const b = tp('B', 700, '2026-02-01');
    const c = tp('C', 300, '2026-03-01');
    for (const place of [0, 1, 2, 3]) {
      const u = tp('U', xForPlace([a, b, c], place));
      expect(
        timeOrder([a, b, c, u])
          .map((t) => t.label)
          .indexOf('U'),
      ).toBe(place);
    }
  });
  it('starts at 0 on an empty map', () => {
    expect(xForPlace([], 0)).toBe(0);
  });
});

describe('the place of a newly dated touchpoint', () => {
  it('goes before the first one dated later; undated ones stay with the card before them', () => {
    const jan = tp('Jan', 0, '2026-01-10');
    const u = tp('U', 300);
    const mar = tp('Mar', 600, '2026-03-01');
    expect(placeForDate([jan, u, mar], '2026-02-01')).toBe(2);
    expect(placeForDate([jan, u, mar], '2025-12-24')).toBe(0);
    expect(placeForDate([jan, u, mar], '2026-04')).toBe(3);
  });
  it('with its stored x moved there, no other card changes its place in time', () => {
    const jan = tp('Jan', 0, '2026-01-10');
    const u = tp('U', 300);
    const feb = tp('Feb', 600, '2026-02-10');
    const others = [jan, u];
    const x = xForPlace(others, placeForDate(others, '2025-12-01'));
    const moved = { ...feb, date: '2025-12-01', x };
    expect(timeOrder([jan, u, moved]).map((t) => t.label)).toEqual(['Feb', 'Jan', 'U']);
  });
});

describe('layout by time, packed by lane', () => {
  it('steps a little for another lane and a whole card for the same lane', () => {
    const a = tp('A', 0, '2026-01-01', 'general_practice');
    const b = tp('B', 0, '2026-01-02', 'hospital');
    const c = tp('C', 0, '2026-01-03', 'hospital');
    const xs = layoutByTime([a, b, c]);
    expect(xs.get(b.id)! - xs.get(a.id)!).toBe(TIME_STEP);
    expect(xs.get(c.id)! - xs.get(b.id)!).toBe(COLUMN_WIDTH);
  });
});
