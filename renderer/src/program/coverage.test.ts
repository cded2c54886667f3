import { expect, it } from 'vitest';
import { coverageOf } from './CostViews';

const shown = (value: number) => ({ shown: true as const, journeys: 10, value });
const hidden = { shown: false as const };

it('says how many touchpoints the amounts rest on, from the two shown counts', () => {
  expect(coverageOf(shown(827), shown(1156))).toEqual({
    kind: 'some',
    priced: 329,
    all: 1156,
    unpriced: 827,
    share: 329 / 1156,
  });
});

it('claims neither some nor none where the count without a price is hidden', () => {
  expect(coverageOf(hidden, shown(1156))).toEqual({ kind: 'hidden' });
  expect(coverageOf(shown(3), hidden)).toEqual({ kind: 'hidden' });
});

it('never rounds to 0 % or 100 % while some are priced and some are not', () => {
  const nearlyAll = coverageOf(shown(1), shown(1156));
  expect(nearlyAll && nearlyAll.kind === 'some' && nearlyAll.share).toBe(0.99);
  const nearlyNone = coverageOf(shown(1155), shown(1156));
  expect(nearlyNone && nearlyNone.kind === 'some' && nearlyNone.share).toBe(0.01);
});

it('says so when none is priced, and nothing when all are', () => {
  expect(coverageOf(shown(40), shown(40))).toEqual({ kind: 'none', all: 40 });
  expect(coverageOf(shown(0), shown(40))).toBeNull();
});
