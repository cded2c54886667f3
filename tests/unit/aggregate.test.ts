import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  aggregate,
  suppressPartition,
  type Aggregate,
  type CohortFilter,
} from '../../shared/analysis/aggregate';
import { modelOf, randomModels } from '../support/generate-models';

const repeat = <T>(n: number, f: (i: number) => T) => Array.from({ length: n }, (_, i) => f(i));

describe('aggregation on a small hand-computed set', () => {
  // 6 journeys GP → hospital (days 0 → 10, 20, 30, 40, 50, 60), 5 of them hospital → home care;
  // 2 journeys emergency → hospital.
  const models = [
    ...repeat(5, (i) =>
      modelOf({
        sectors: ['general_practice', 'hospital', 'municipal_care'],
        days: [0, 10 * (i + 1), 10 * (i + 1) + 5],
        emotions: [0, -2, 1],
        pains: [[], ['waiting'], []],
        broken: [i < 2, false],
        waits: [7, null],
      }),
    ),
    modelOf({
      sectors: ['general_practice', 'hospital'],
      days: [0, 60],
      emotions: [1, -1],
      broken: [true],
    }),
    ...repeat(2, () => modelOf({ sectors: ['emergency', 'hospital'], pains: [['waiting'], []] })),
  ];
  const a = aggregate(models, {}, 5);

  it('counts journeys per directly-follows edge with the median days, hiding edges under k', () => {
    const edge = (from: string, to: string) =>
      a.processMap.find((e) => e.from === from && e.to === to)!.cell;
    expect(edge('general_practice', 'hospital')).toEqual({
      shown: true,
      journeys: 6,
      value: { medianDays: 35 },
    });
    expect(edge('hospital', 'municipal_care')).toEqual({
      shown: true,
      journeys: 5,
      value: { medianDays: 5 },
    });
    expect(edge('emergency', 'hospital')).toEqual({ shown: false });
  });

  it('hides small variants, and more, until what is hidden rests on at least k journeys', () => {
    // Variants: GP>hospital>home care 5, emergency>hospital 2, GP>hospital 1; total 8 is shown.
    // Hiding 2 and 1 would still let 8 − 5 = 3 be read off, so the 5 is hidden too.
    expect(a.cohort).toEqual({ shown: true, journeys: 8, value: 8 });
    expect(a.variants.map((v) => [v.sequence.join('>'), v.cell.shown])).toEqual([
      ['general_practice>hospital>municipal_care', false],
      ['emergency>hospital', false],
      ['general_practice>hospital', false],
    ]);
    const more = aggregate([...models, ...repeat(4, () => modelOf({ sectors: ['pharmacy'] }))]);
    expect(more.variants.map((v) => [v.sequence.join('>'), v.cell.shown])).toEqual([
      ['general_practice>hospital>municipal_care', true],
      ['pharmacy', false],
      ['emergency>hospital', false],
      ['general_practice>hospital', false],
    ]);
  });

  it('gives the share of broken handovers, and hides a median that rests on too few journeys', () => {
    const h = a.handovers.find((x) => x.from === 'general_practice' && x.to === 'hospital')!.cell;
    // 3 of 6 handovers broken; waiting known in 5 journeys (all 7 days).
    expect(h).toEqual({
      shown: true,
      journeys: 6,
      value: { brokenShare: 0.5, medianWaitingDays: 7 },
    });
    const h2 = a.handovers.find((x) => x.from === 'hospital' && x.to === 'municipal_care')!.cell;
    expect(h2).toEqual({
      shown: true,
      journeys: 5,
      value: { brokenShare: 0, medianWaitingDays: null },
    });
  });

  it('gives the median emotion per sector and ranks pain categories by journeys', () => {
    expect(a.emotionBySector.find((e) => e.sector === 'hospital')!.cell).toEqual({
      shown: true,
      journeys: 6,
      value: { median: -2 },
    });
    expect(a.painCategories).toEqual([
      { category: 'waiting', cell: { shown: true, journeys: 7, value: null } },
    ]);
  });

  it('hides everything for a cohort under k, and for a filter whose complement is under k', () => {
    expect(aggregate(models.slice(0, 4))).toMatchObject({
      suppressed: 'cohort_small',
      cohort: { shown: false },
    });
    const lolland = [
      ...models,
      ...repeat(3, () => modelOf({ sectors: ['pharmacy'], municipality: 'guldborgsund' })),
    ];
    // 8 in Lolland, 3 elsewhere: "Lolland" minus "all" would describe the 3.
    expect(aggregate(lolland, { municipalities: ['lolland'] })).toMatchObject({
      suppressed: 'complement_small',
    });
    expect(aggregate(lolland, {})).toMatchObject({ suppressed: null });
  });

  it('refuses a k below 5', () => {
    expect(() => aggregate(models, {}, 3)).toThrow(RangeError);
  });
});

describe('complementary suppression of partitions', () => {
  it.each([[[10, 3]], [[10, 9, 3]], [[20, 4, 4]], [[6, 6, 6]], [[1, 1, 1, 1, 1, 1]]])(
    'hides until the hidden cells are at least two and rest on at least k (%j)',
    (counts) => {
      const shown = suppressPartition(counts, 5);
      const hidden = counts.filter((_, i) => !shown[i]);
      const sum = hidden.reduce((s, n) => s + n, 0);
      expect(hidden.length === 0 || (hidden.length >= 2 && sum >= 5)).toBe(true);
      counts.forEach((n, i) => {
        if (n < 5) expect(shown[i]).toBe(false);
      });
    },
  );

  it('hides nothing when every cell is large enough', () => {
    expect(suppressPartition([5, 6, 7], 5)).toEqual([true, true, true]);
  });
});

/** Every figure a view shows, with the journeys it rests on. */
function shownFigures(a: Aggregate): number[] {
  const cells = [
    a.cohort,
    ...a.processMap.map((x) => x.cell),
    ...a.variants.map((x) => x.cell),
    ...a.handovers.map((x) => x.cell),
    ...a.emotionBySector.map((x) => x.cell),
    ...a.painCategories.map((x) => x.cell),
    ...a.ideas.map((x) => x.cell),
  ];
  return cells.filter((c) => c.shown).map((c) => (c as { journeys: number }).journeys);
}

describe('small-number suppression (property)', () => {
  const filterArb: fc.Arbitrary<CohortFilter> = fc.record(
    {
      municipalities: fc.subarray(['lolland', 'guldborgsund', 'other'] as const),
      conditionGroups: fc.subarray(['chronic_somatic', 'mental_illness'] as const),
      ageBands: fc.subarray(['40-49', '50-59', '60-69', '70-79'] as const),
    },
    { requiredKeys: [] },
  );

  it('never shows a figure resting on fewer than k journeys, nor a recoverable hidden variant', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        filterArb,
        fc.integer({ min: 5, max: 8 }),
        (count, seed, filter, k) => {
          const models = randomModels(count, seed, 6);
          const a = aggregate(models, filter, k);
          if (shownFigures(a).some((n) => n < k)) return false;
          // Variants partition the cohort: what is hidden is either nothing, or ≥ 2 cells on ≥ k.
          const hidden = a.variants.filter((v) => !v.cell.shown);
          if (a.cohort.shown && hidden.length > 0) {
            const shownSum = a.variants.reduce(
              (s, v) => s + (v.cell.shown ? v.cell.journeys : 0),
              0,
            );
            const hiddenSum = a.cohort.journeys - shownSum;
            if (hidden.length < 2 || hiddenSum < k) return false;
          }
          // A filtered view and the unfiltered one never differ by fewer than k journeys.
          const whole = aggregate(models, {}, k);
          if (a.cohort.shown && whole.cohort.shown) {
            const diff = whole.cohort.journeys - a.cohort.journeys;
            if (diff > 0 && diff < k) return false;
          }
          return true;
        },
      ),
      { numRuns: 300 },
    );
  });
});
