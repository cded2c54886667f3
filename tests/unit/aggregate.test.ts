import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  aggregate,
  type FilterField,
  FILTER_FIELDS,
  FILTER_VALUES,
  forgetKeys,
  matches,
  median,
  ModelFold,
  SenderKeys,
  suppressPartition,
  unpack,
  unsuppressedCounts,
  type Aggregate,
  type Cell,
  type CohortFilter,
} from '../../shared/analysis/aggregate';
import { HIDDEN, tablesOf } from '../../shared/analysis/tables';
import { priceListSchema } from '../../shared/economy/prices';
import { modelOf, randomModels } from '../support/generate-models';
import { AGE_BANDS, type PathwayModel } from '../../shared/model/pathway-model';
import {
  CONDITION_GROUPS,
  MUNICIPALITIES,
  SEXES,
  type ConditionGroup,
} from '../../shared/vocabulary';

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
        contactTypes: ['gp_visit', 'admission', 'home_visit'],
        services: ['gp-1', 'hospital-a', null],
        ideas: [{ aims: ['health'], painCategories: ['waiting'], touchpointRefs: [] }],
      }),
    ),
    modelOf({
      sectors: ['general_practice', 'hospital'],
      days: [0, 60],
      emotions: [1, -1],
      broken: [true],
      services: ['gp-1', null],
    }),
    ...repeat(2, () => modelOf({ sectors: ['emergency', 'hospital'], pains: [['waiting'], []] })),
  ];
  const a = aggregate(models, {}, 5);

  it('counts journeys per directly-follows edge with the median days, hiding edges under k', () => {
    const edge = (from: string, to: string) =>
      a.processMap.edges.find((e) => e.from === from && e.to === to)!.cell;
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
    expect(a.variants).toEqual([]);
    expect(a.otherVariantsHidden).toBe(true);
    const more = aggregate([...models, ...repeat(4, () => modelOf({ sectors: ['pharmacy'] }))]);
    // 5 shown; pharmacy 4, emergency 2 and GP 1 hidden together (7 ≥ 5), listed as one row.
    expect(more.variants).toEqual([
      {
        sequence: ['general_practice', 'hospital', 'municipal_care'],
        cell: { shown: true, journeys: 5, value: null },
      },
    ]);
    expect(more.otherVariantsHidden).toBe(true);
    expect(tablesOf(more).find((t) => t.name === 'variants')!.rows).toEqual([
      ['general_practice > hospital > municipal_care', 5],
      ['other', 'hidden'],
    ]);
  });

  it('shows how pathways begin when whole pathways are each too rare to show', () => {
    // Six journeys begin GP, hospital, home care (repeats in a row count once) and each ends its
    // own way: no whole pathway rests on five, their beginning rests on six.
    const tails = ['pharmacy', 'emergency', 'psychiatry', 'social_services', 'employment', 'other'];
    const begun = tails.map((tail, i) =>
      modelOf({
        sectors: [
          'general_practice',
          ...(i % 2 ? ['general_practice'] : []),
          'hospital',
          'municipal_care',
          tail,
        ],
      }),
    );
    const b = aggregate(begun);
    expect(b.variants).toEqual([]);
    expect(b.otherVariantsHidden).toBe(true);
    expect(b.beginnings).toEqual([
      {
        sequence: ['general_practice', 'hospital', 'municipal_care'],
        cell: { shown: true, journeys: 6, value: null },
      },
    ]);
    expect(b.otherBeginningsHidden).toBe(false);
    expect(tablesOf(b).find((t) => t.name === 'beginnings')!.rows).toEqual([
      ['general_practice > hospital > municipal_care', 6],
    ]);
    // Five of them and one other beginning: hiding the one alone would give it away (6 − 5).
    const mixed = aggregate([...begun.slice(0, 5), modelOf({ sectors: ['emergency'] })]);
    expect(mixed.beginnings).toEqual([]);
    expect(mixed.otherBeginningsHidden).toBe(true);
  });

  it('gives the share of broken handovers, and hides a median that rests on too few journeys', () => {
    const h = a.handovers.find((x) => x.from === 'general_practice' && x.to === 'hospital')!.cell;
    // 3 of 6 handovers broken: a share of 0.5 would say "3 journeys", fewer than k, so it is
    // not given. Waiting is known in 5 journeys (all 7 days).
    expect(h).toEqual({
      shown: true,
      journeys: 6,
      value: { brokenShare: null, medianWaitingDays: 7 },
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
    expect(aggregate(lolland, { municipality: 'lolland' })).toMatchObject({
      suppressed: 'complement_small',
    });
    expect(aggregate(lolland, {})).toMatchObject({ suppressed: null });
  });

  it('gives days between steps only where the dates follow the order on the map', () => {
    // Five journeys GP → hospital → municipal care, the last card dated 20 days before the one
    // placed ahead of it: that step has no interval, never a negative one.
    const models = repeat(5, () =>
      modelOf({
        sectors: ['general_practice', 'hospital', 'municipal_care'],
        days: [0, 30, 10],
      }),
    );
    const map = aggregate(models, {}).processMap.edges;
    const edge = (from: string, to: string) =>
      map.find((e) => e.from === from && e.to === to)!.cell;
    expect(edge('general_practice', 'hospital')).toEqual({
      shown: true,
      journeys: 5,
      value: { medianDays: 30 },
    });
    expect(edge('hospital', 'municipal_care')).toEqual({
      shown: true,
      journeys: 5,
      value: { medianDays: null },
    });
  });

  it('draws the map one level down, by sector and contact type', () => {
    const edge = a.processMapDetailed.edges.find(
      (e) => e.from === 'general_practice|gp_visit' && e.to === 'hospital|admission',
    )!;
    expect(edge.cell).toEqual({ shown: true, journeys: 5, value: { medianDays: 30 } });
    const node = a.processMapDetailed.nodes.find((n) => n.id === 'hospital|admission')!;
    expect(node).toMatchObject({ sector: 'hospital', contactType: 'admission' });
    expect(node.cell).toMatchObject({ shown: true, journeys: 5 });
    // The sixth GP → hospital journey has no contact types: one journey, hidden.
    expect(
      a.processMapDetailed.edges.find((e) => e.from === 'general_practice|unspecified')!.cell,
    ).toEqual({ shown: false });
  });

  it('lists the drops of emotion between touchpoints, sharpest first, and no rises', () => {
    // GP → hospital: −2 in all six journeys; hospital → home care: +3 in five, a rise: not listed.
    expect(a.emotionDrops.map((d) => [d.from, d.to, d.cell])).toEqual([
      ['general_practice', 'hospital', { shown: true, journeys: 6, value: { medianChange: -2 } }],
    ]);
    expect(
      a.emotionByContact.find((e) => e.sector === 'hospital' && e.contactType === 'admission')!
        .cell,
    ).toEqual({ shown: true, journeys: 5, value: { median: -2 } });
  });

  it('counts the pairs left out of the drops as hidden, never a shown rise', () => {
    // The hospital → home care rise (5 journeys) is shown and no drop: not counted.
    expect(a.emotionDropsHidden).toBe(0);
    const pairs = (n: number, sectors: string[], emotions: number[]) =>
      Array.from({ length: n }, () => modelOf({ sectors, emotions }));
    const b = aggregate(
      [
        ...pairs(6, ['general_practice', 'hospital'], [1, -1]),
        ...pairs(3, ['emergency', 'psychiatry'], [2, -2]),
        ...pairs(2, ['pharmacy', 'hospital'], [-1, 2]),
      ],
      {},
      5,
    );
    expect(b.emotionDrops.map((d) => [d.from, d.to])).toEqual([['general_practice', 'hospital']]);
    // Two hidden pairs, a fall and a rise alike: which is which is not told.
    expect(b.emotionDropsHidden).toBe(2);
    // A selection too small to show says nothing of its pairs either.
    expect(aggregate(pairs(3, ['emergency', 'psychiatry'], [2, -2]), {}, 5)).toMatchObject({
      emotionDrops: [],
      emotionDropsHidden: 0,
    });
  });

  it('counts journeys per service, and ties pain points to the aims of the ideas for them', () => {
    expect(a.services.map((x) => [x.serviceCode, x.cell])).toEqual([
      ['gp-1', { shown: true, journeys: 6, value: null }],
      ['hospital-a', { shown: true, journeys: 5, value: null }],
    ]);
    expect(a.painByAim).toEqual([
      { aim: 'health', category: 'waiting', cell: { shown: true, journeys: 5, value: null } },
    ]);
    expect(a.ideas).toEqual([
      { aim: 'health', category: 'waiting', cell: { shown: true, journeys: 5, value: null } },
    ]);
  });

  it('gives contacts per journey and journey length as bands that partition the cohort', () => {
    // Contacts 3,3,3,3,3,2,2,2: all in 1–5; median 3. Every band is listed, empty ones hidden:
    // a hidden band must not tell "none" from "a few".
    const shownBands = (d: Aggregate['contactsPerJourney']) =>
      d.bands.filter((b) => b.cell.shown).map((b) => [b.band, b.cell]);
    expect(a.contactsPerJourney.median).toBe(3);
    expect(a.contactsPerJourney.bands.map((b) => b.band)).toEqual([
      '0',
      '1-5',
      '6-10',
      '11-20',
      '21-50',
      '51-100',
      '101+',
    ]);
    expect(shownBands(a.contactsPerJourney)).toEqual([
      ['1-5', { shown: true, journeys: 8, value: null }],
    ]);
    // Lengths 15, 25 (1–30), 35, 45, 55, 60 (31–90), two undated: 2 + 2 hidden would let
    // 8 − 4 = 4 be read off, so 31–90 is hidden too. The median of the six dated is 40.
    expect(a.journeyLength.median).toBe(40);
    expect(shownBands(a.journeyLength)).toEqual([]);
    expect(a.journeyLength.bands).toHaveLength(8);
  });

  it('hides a cell of a filtered view that the whole cohort would give away by subtraction', () => {
    const both = [
      ...repeat(10, (i) =>
        modelOf({
          sectors:
            i < 6 ? ['general_practice', 'hospital', 'pharmacy'] : ['general_practice', 'hospital'],
          municipality: 'lolland',
        }),
      ),
      ...repeat(10, (i) =>
        modelOf({
          sectors:
            i < 3 ? ['general_practice', 'hospital', 'pharmacy'] : ['general_practice', 'hospital'],
          municipality: 'guldborgsund',
        }),
      ),
    ];
    const edge = (x: Aggregate) =>
      x.processMap.edges.find((e) => e.from === 'hospital' && e.to === 'pharmacy')!.cell;
    expect(edge(aggregate(both))).toMatchObject({ shown: true, journeys: 9 });
    // 6 in Lolland would be enough on its own, but 9 − 6 = 3 would describe Guldborgsund.
    expect(edge(aggregate(both, { municipality: 'lolland' }))).toEqual({ shown: false });
    expect(
      aggregate(both, { municipality: 'lolland' }).processMap.edges.find(
        (e) => e.from === 'general_practice',
      )!.cell,
    ).toMatchObject({ shown: true, journeys: 10 });
  });

  it('takes a median only from k journeys with values, one value per journey', () => {
    // Five journeys share GP → hospital, but only one has dates: no median days.
    const oneDated = [
      modelOf({ sectors: ['general_practice', 'hospital'], days: [0, 37] }),
      ...repeat(4, () => modelOf({ sectors: ['general_practice', 'hospital'] })),
    ];
    expect(aggregate(oneDated).processMap.edges[0]!.cell).toEqual({
      shown: true,
      journeys: 5,
      value: { medianDays: null },
    });
    // One journey with nine very bad hospital contacts counts once: the median of the five
    // journeys (−2, 1, 1, 1, 1) is 1, not the −2 of its many events.
    const oneLoud = [
      modelOf({ sectors: repeat(9, () => 'hospital'), emotions: repeat(9, () => -2) }),
      ...repeat(4, () => modelOf({ sectors: ['hospital'], emotions: [1] })),
    ];
    expect(aggregate(oneLoud).emotionBySector[0]!.cell).toEqual({
      shown: true,
      journeys: 5,
      value: { median: 1 },
    });
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

/** Every figure a view shows or hides, by its key, as the suppression sees it. */
function figures(a: Aggregate): Map<string, boolean> {
  const out = new Map<string, boolean>();
  const put = (key: string, c: Cell<unknown>) => out.set(key, c.shown);
  const pair = (x: { from: string; to: string }) => `${x.from}>${x.to}`;
  const node = (sector: string, ct: string | null) => `${sector}|${ct ?? 'unspecified'}`;
  put('n', a.cohort);
  a.processMap.nodes.forEach((n) => put(`ns:${n.id}`, n.cell));
  a.processMap.edges.forEach((e) => put(`pm:${pair(e)}`, e.cell));
  a.processMapDetailed.nodes.forEach((n) => put(`nc:${n.id}`, n.cell));
  a.processMapDetailed.edges.forEach((e) => put(`pc:${pair(e)}`, e.cell));
  a.variants.forEach((v) => put(`va:${v.sequence.join('>')}`, v.cell));
  a.beginnings.forEach((v) => put(`vb:${v.sequence.join('>')}`, v.cell));
  a.handovers.forEach((h) => put(`ho:${pair(h)}`, h.cell));
  a.emotionBySector.forEach((e) => put(`em:${e.sector}`, e.cell));
  a.emotionByContact.forEach((e) => put(`ec:${node(e.sector, e.contactType)}`, e.cell));
  a.emotionDrops.forEach((e) => put(`dr:${pair(e)}`, e.cell));
  a.painCategories.forEach((p) => put(`pn:${p.category}`, p.cell));
  a.painByAim.forEach((p) => put(`pa:${p.aim}>${p.category}`, p.cell));
  a.ideas.forEach((i) => put(`id:${i.aim}>${i.category}`, i.cell));
  a.services.forEach((s) => put(`sv:${s.serviceCode}`, s.cell));
  a.contactsPerJourney.bands.forEach((b) => put(`cb:${b.band}`, b.cell));
  a.journeyLength.bands.forEach((b) => put(`lb:${b.band}`, b.cell));
  return out;
}

/** Every shown cell with the journeys it says it rests on. */
function shownJourneys(a: Aggregate): number[] {
  const cells: Cell<unknown>[] = [
    a.cohort,
    ...[a.processMap, a.processMapDetailed].flatMap((g) => [
      ...g.nodes.map((x) => x.cell),
      ...g.edges.map((x) => x.cell),
    ]),
    ...[
      a.variants,
      a.beginnings,
      a.handovers,
      a.emotionBySector,
      a.emotionByContact,
      a.emotionDrops,
      a.painCategories,
      a.painByAim,
      a.ideas,
      a.services,
      a.contactsPerJourney.bands,
      a.journeyLength.bands,
    ].flatMap((xs) => xs.map((x) => x.cell)),
  ];
  return cells.filter((c) => c.shown).map((c) => (c as { journeys: number }).journeys);
}

const MAPS = ['asIs', 'toBe'] as const;
/** The filters the app offers: everyone, or one field set to a value (or "not stated"). */
const filterArb: fc.Arbitrary<CohortFilter> = fc.oneof(
  fc.record({ map: fc.constantFrom(...MAPS) }),
  fc.record({
    ageBand: fc.option(fc.constantFrom(...AGE_BANDS), { nil: null }),
    map: fc.constantFrom(...MAPS),
  }),
  fc.record({
    sex: fc.option(fc.constantFrom(...SEXES), { nil: null }),
    map: fc.constantFrom(...MAPS),
  }),
  fc.record({
    municipality: fc.option(fc.constantFrom(...MUNICIPALITIES), { nil: null }),
    map: fc.constantFrom(...MAPS),
  }),
  fc.record({
    conditionGroup: fc.constantFrom(...CONDITION_GROUPS),
    map: fc.constantFrom(...MAPS),
  }),
);

/**
 * What someone could work out from everything the app shows when the cohort is split along one
 * field: every view's shown figures, and the sums that hold between them — parts of a cohort
 * (pathways, bands) add up to the cohort, and a figure's parts add up to the whole cohort's
 * figure. Unknowns are solved one by one wherever a sum has a single one left, and so on along
 * the chain. Returns each derived hidden figure, and each sum of hidden figures that is known.
 */
function derivable(
  models: PathwayModel[],
  split: FilterField | ConditionGroup,
  map: 'asIs' | 'toBe',
  k: number,
): number[] {
  const rows: { filter: CohortFilter | null; members: PathwayModel[] }[] =
    split === 'ageBand' || split === 'sex' || split === 'municipality'
      ? [...FILTER_VALUES[split], null].map((v) => {
          const filter = { [split]: v, map } as CohortFilter;
          return { filter, members: models.filter((m) => matches(m, filter)) };
        })
      : [
          {
            filter: { conditionGroup: split as ConditionGroup, map },
            members: models.filter((m) => m.cohort.conditionGroups.includes(split as never)),
          },
          // Those without the group are never shown on their own.
          {
            filter: null,
            members: models.filter((m) => !m.cohort.conditionGroups.includes(split as never)),
          },
        ];
  // Each cell: the true count, and whether it is known (shown, or none at all).
  type Cell = { n: number; known: boolean };
  const table = (members: PathwayModel[], filter: CohortFilter | null) => {
    const truth = unsuppressedCounts(members, map);
    const shown = filter ? figures(aggregate(models, filter, k)) : new Map<string, boolean>();
    return (key: string): Cell => {
      const n = truth.get(key) ?? 0;
      // An absent row says "none" — but not for parts of a cohort: every band is listed (hidden
      // or not) and hidden pathways are one row, so there an empty cell looks like a hidden one.
      const part = /^(va|vb|cb|lb):/.test(key);
      return { n, known: shown.get(key) === true || (n === 0 && !part) };
    };
  };
  const root = table(models, { map });
  const parts = rows.map((r) => table(r.members, r.filter));
  const keys = [...unsuppressedCounts(models, map).keys()];
  const cells = new Map<string, Cell>();
  const cell = (row: number, key: string) => {
    const id = `${row}#${key}`;
    let c = cells.get(id);
    if (!c) cells.set(id, (c = row < 0 ? root(key) : parts[row]!(key)));
    return c;
  };
  const sums: { total: Cell; parts: Cell[] }[] = [];
  for (const key of keys) {
    sums.push({ total: cell(-1, key), parts: rows.map((_, r) => cell(r, key)) });
  }
  for (const prefix of ['va:', 'vb:', 'cb:', 'lb:']) {
    const ofPrefix = keys.filter((key) => key.startsWith(prefix));
    for (const r of [-1, ...rows.keys()]) {
      sums.push({ total: cell(r, 'n'), parts: ofPrefix.map((key) => cell(r, key)) });
    }
  }
  const leaks: number[] = [];
  for (let progress = true; progress;) {
    progress = false;
    for (const sum of sums) {
      if (!sum.total.known) {
        // A total can itself be worked out from known parts.
        if (sum.parts.every((p) => p.known)) {
          sum.total.known = true;
          leaks.push(sum.total.n);
          progress = true;
        }
        continue;
      }
      const unknown = sum.parts.filter((p) => !p.known);
      if (unknown.length === 1) {
        unknown[0]!.known = true;
        leaks.push(unknown[0]!.n);
        progress = true;
      } else if (unknown.length > 1) {
        leaks.push(unknown.reduce((t, p) => t + p.n, 0));
      }
    }
  }
  return leaks;
}

describe('small-number suppression (property)', () => {
  it('shows no figure resting on fewer than k journeys, in any view or export', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 80 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        filterArb,
        fc.integer({ min: 5, max: 8 }),
        (count, seed, filter, k) => {
          const models = randomModels(count, seed, 6);
          const a = aggregate(models, filter, k);
          if (shownJourneys(a).some((n) => n < k)) return false;
          // Exported tables carry the same figures: a number of journeys is ≥ k or "hidden".
          for (const t of tablesOf(a)) {
            const col = t.columns.indexOf('journeys');
            for (const row of t.rows) {
              const v = row[col];
              if (v !== HIDDEN && (typeof v !== 'number' || v < k)) return false;
            }
          }
          return true;
        },
      ),
      { numRuns: 300 },
    );
  }, 120_000);

  it('leaves no hidden figure to be worked out by subtraction, along any chain of sums', () => {
    const splits = [...FILTER_FIELDS.filter((f) => f !== 'conditionGroup'), ...CONDITION_GROUPS];
    fc.assert(
      fc.property(
        fc.integer({ min: 5, max: 80 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.constantFrom(...splits),
        fc.constantFrom(...MAPS),
        fc.integer({ min: 5, max: 7 }),
        (count, seed, split, map, k) => {
          const leaks = derivable(randomModels(count, seed, 6), split, map, k);
          return leaks.every((n) => n === 0 || n >= k);
        },
      ),
      // A fixed seed keeps CI repeatable; SEED=random RUNS=5000 for a wider search (3,000 random
      // runs found nothing at the time of writing).
      {
        numRuns: Number(process.env.RUNS ?? 100),
        seed: process.env.SEED === 'random' ? undefined : Number(process.env.SEED ?? 20261124),
      },
    );
  }, 120_000);

  it('is caught by that check without the table-wide suppression (the 2 × 2 case)', () => {
    // Women 20 = A 10 + B 10; men 12 = A 10 + B 2. Per-line rules alone would show A 20, B 12,
    // women 20, men 12 and women-A 10 — and then men-B = B − (women − women-A) = 12 − 10 = 2.
    const models = [
      ...repeat(10, () => modelOf({ sectors: ['general_practice'], sex: 'female' })),
      ...repeat(10, () => modelOf({ sectors: ['general_practice', 'hospital'], sex: 'female' })),
      ...repeat(10, () => modelOf({ sectors: ['general_practice'], sex: 'male' })),
      ...repeat(2, () => modelOf({ sectors: ['general_practice', 'hospital'], sex: 'male' })),
    ];
    expect(derivable(models, 'sex', 'asIs', 5).filter((n) => n > 0 && n < 5)).toEqual([]);
    const women = aggregate(models, { sex: 'female' });
    expect(women.cohort).toMatchObject({ shown: true, journeys: 20 });
    // Both pathways among women are hidden, so men's 2 stays unknown.
    expect(women.variants).toEqual([]);
    expect(women.otherVariantsHidden).toBe(true);
  });

  it('refuses two fields at once', () => {
    expect(() => aggregate([], { sex: 'female', municipality: 'lolland' })).toThrow(RangeError);
  });
});

describe('the median', () => {
  const bySorting = (v: number[]) => {
    const s = Float64Array.from(v).sort();
    const mid = s.length >> 1;
    return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  };

  it('is the middle of the sorted values, however many repeat', () => {
    // Small integers repeat as days and emotions do; doubles as medians of a journey's values.
    const value = fc.oneof(
      fc.integer({ min: -3, max: 3 }),
      fc.double({ noNaN: true, min: -1e6, max: 1e6 }),
    );
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 400 }), (v) => {
        const copy = [...v];
        // (A -0 among the values may come out as 0 either way.)
        expect(median(v)! + 0).toBe(bySorting(v) + 0);
        // The values given are left as they were.
        expect(v).toEqual(copy);
      }),
      { numRuns: 2000 },
    );
    // Orders that are hard on a selection's pivots: sorted, reversed, organ pipe, saw teeth, two
    // values alternating, all equal.
    const n = 100_001;
    for (const at of [
      (i: number) => i,
      (i: number) => n - i,
      (i: number) => Math.min(i, n - i),
      (i: number) => i % 97,
      (i: number) => i % 2,
      () => 4,
    ]) {
      const v = Array.from({ length: n }, (_, i) => at(i));
      expect(median(v)).toBe(bySorting(v));
    }
    expect(median([])).toBeNull();
    expect(median(new Float64Array(10_001).map((_, i) => (i * 7919) % 10_001))).toBe(5000);
  });
});

describe('the fold of many models', () => {
  const FILTERS: CohortFilter[] = [
    {},
    { municipality: 'lolland' },
    { sex: null },
    { ageBand: '60-69' },
    { conditionGroup: 'mental_illness' },
  ];

  it('gives every view exactly as the list of models does, for either map', () => {
    const models = randomModels(80, 7, 12);
    for (const map of MAPS) {
      const fold = new ModelFold(map);
      for (const m of models) fold.add(m);
      for (const f of FILTERS) {
        expect(aggregate(fold, { ...f, map })).toEqual(aggregate(models, { ...f, map }));
      }
    }
  });

  it('forgets a removed model entirely, and refuses a map it does not hold', () => {
    const models = randomModels(60, 8, 10);
    const fold = new ModelFold('asIs', models);
    const removed = models.filter((_, i) => i % 3 === 0);
    for (const m of removed) expect(fold.remove(m.exportId)).toBe(true);
    expect(fold.remove(removed[0]!.exportId)).toBe(false);
    const kept = models.filter((_, i) => i % 3 !== 0);
    expect(fold.size).toBe(kept.length);
    for (const f of FILTERS) expect(aggregate(fold, f)).toEqual(aggregate(kept, f));
    expect(() => aggregate(fold, { map: 'toBe' })).toThrow(RangeError);
  });

  it('keeps its counts right when models come and go after the views were computed', () => {
    // As in the app: the views are open while files are imported and models deleted.
    const models = randomModels(90, 21, 10);
    const fold = new ModelFold('asIs', models.slice(0, 30));
    let held = models.slice(0, 30);
    const same = () => {
      for (const f of FILTERS) expect(aggregate(fold, f)).toEqual(aggregate(held, f));
    };
    same();
    for (const m of models.slice(30, 45)) fold.add(m);
    held = models.slice(0, 45);
    same();
    fold.merge(new ModelFold('asIs', models.slice(45, 90)).pack());
    held = models;
    same();
    for (const m of models.filter((_, i) => i % 5 === 0)) fold.remove(m.exportId);
    const gone = new Set(models.filter((_, i) => i % 5 === 1).map((m) => m.exportId));
    fold.removeAll(gone);
    held = models.filter((m, i) => i % 5 !== 0 && !gone.has(m.exportId));
    same();
  });

  it('counts a model that names a condition group twice once in that group', () => {
    // The schema lets a list name a group twice; counted by hand: 6 journeys with cancer (each
    // naming it twice), 5 without.
    const twice = repeat(6, () =>
      modelOf({ sectors: ['hospital'], conditionGroups: ['cancer', 'cancer'] }),
    );
    const none = repeat(5, () => modelOf({ sectors: ['hospital'], conditionGroups: [] }));
    const fold = new ModelFold('asIs', [...twice, ...none]);
    const withIt = aggregate(fold, { conditionGroup: 'cancer' });
    expect(withIt.cohort).toEqual({ shown: true, journeys: 6, value: 6 });
    expect(withIt.processMap.nodes).toEqual([
      expect.objectContaining({ id: 'hospital', cell: { shown: true, journeys: 6, value: null } }),
    ]);
    // Taken away again as often as it was added: once.
    for (const m of twice.slice(0, 2)) fold.remove(m.exportId);
    expect(aggregate(fold, { conditionGroup: 'cancer' }).cohort).toEqual({ shown: false });
    expect(aggregate(fold, {}).cohort).toEqual({ shown: true, journeys: 9, value: 9 });
  });

  it('merges a fold packed with its counts as one packed without them', () => {
    // As the command line's threads do: each counts as it folds and sends its counts along.
    const models = randomModels(100, 23, 10);
    const here = new ModelFold('asIs', models.slice(0, 60));
    here.countAll();
    const there = new ModelFold('asIs');
    there.countAll();
    for (const m of models.slice(40)) there.add(m);
    const packed = there.pack();
    expect(packed.counts?.length).toBeGreaterThan(0);
    // Some left out by choice, and those of exports already here (40–59) left out by the fold.
    const only = [...Array(60).keys()].filter((j) => j % 7 !== 3);
    const left = here.merge(packed, only);
    expect(left).toEqual(only.filter((j) => j < 20));
    const held = [
      ...models.slice(0, 60),
      ...only.filter((j) => j >= 20).map((j) => models[40 + j]!),
    ];
    for (const f of FILTERS) expect(aggregate(here, f)).toEqual(aggregate(held, f));
    // A fold not counting yet takes the journeys and counts them when asked.
    const lazy = new ModelFold('asIs', models.slice(0, 60));
    lazy.merge(packed, only);
    for (const f of FILTERS) expect(aggregate(lazy, f)).toEqual(aggregate(held, f));
  });

  it("takes a thread's pieces, packed with its own key ids, apart only in the order sent", () => {
    // Each piece names only the keys its thread had not named before (PackedFold.keyBase).
    const models = randomModels(40, 24, 10);
    const first = new ModelFold('asIs', models.slice(0, 20)).pack(0);
    const second = new ModelFold('asIs', models.slice(20)).pack(first.keys.length);
    expect(second.keyBase).toBe(first.keys.length);
    // Without the first piece, the second's ids stand for nothing known: refused, not guessed.
    expect(() => new ModelFold('asIs').merge(structuredClone(second))).toThrow(/earlier pieces/);
    // The receiving thread's ids are its own: here, the tables forgotten and filled again in
    // another order, by other models first.
    forgetKeys();
    const fold = new ModelFold('asIs', randomModels(5, 25, 10).reverse());
    const sender = new SenderKeys();
    unpack(first, sender);
    unpack(second, sender);
    expect(sender.ids).not.toEqual(sender.ids.map((_, i) => i));
    fold.merge(first);
    fold.merge(second);
    for (const f of FILTERS) {
      expect(aggregate(fold, f)).toEqual(aggregate([...randomModels(5, 25, 10), ...models], f));
    }
  });

  it('takes many models away at once as it would one by one', () => {
    const models = randomModels(60, 18, 10);
    const fold = new ModelFold('asIs', models);
    const gone = new Set(models.filter((_, i) => i % 4 !== 1).map((m) => m.exportId));
    const version = fold.version;
    expect(fold.removeAll(gone)).toBe(gone.size);
    expect(fold.version).toBeGreaterThan(version);
    const kept = models.filter((m) => !gone.has(m.exportId));
    expect(fold.size).toBe(kept.length);
    for (const m of models) expect(fold.has(m.exportId)).toBe(!gone.has(m.exportId));
    for (const f of FILTERS) expect(aggregate(fold, f)).toEqual(aggregate(kept, f));
    expect(fold.removeAll(gone)).toBe(0);
  });

  it('shows and hides the same figures whatever order the models come in', () => {
    const models = randomModels(120, 31, 10);
    const reversed = [...models].reverse();
    const shuffled = [...models].sort((a, b) => (a.exportId < b.exportId ? -1 : 1));
    for (const f of FILTERS) {
      const a = aggregate(models, f);
      expect(aggregate(reversed, f)).toEqual(a);
      expect(aggregate(shuffled, f)).toEqual(a);
    }
  });

  it('made without pricing (no price list), gives the same views and refuses to price them', () => {
    const models = randomModels(40, 12, 10);
    const unpriced = new ModelFold('asIs', models, false);
    const list = priceListSchema.parse(
      JSON.parse(readFileSync(new URL('../../resources/price-list.json', import.meta.url), 'utf8')),
    );
    for (const f of FILTERS) expect(aggregate(unpriced, f)).toEqual(aggregate(models, f));
    expect(aggregate(models, {}, 5, list).cost).toBeDefined();
    expect(() => aggregate(unpriced, {}, 5, list)).toThrow(/without pricing/);
    // Merged through a packed fold, as the command line's threads do, still unpriced.
    const merged = new ModelFold('asIs', [], false);
    merged.merge(unpriced.pack());
    for (const f of FILTERS) expect(aggregate(merged, f)).toEqual(aggregate(models, f));
  });

  it('merges folds made apart (as threads do) into the fold of all, each export counted once', () => {
    const models = randomModels(90, 9, 10);
    const a = new ModelFold('asIs', models.slice(0, 45));
    // The second part repeats two models of the first: they are left out of the merge.
    const b = new ModelFold('asIs', [models[3]!, ...models.slice(45), models[10]!]);
    const merged = new ModelFold('asIs');
    expect(merged.merge(a.pack())).toEqual([]);
    // Through structured cloning, as a message between threads carries it.
    expect(merged.merge(structuredClone(b.pack()))).toEqual([0, 46]);
    expect(merged.size).toBe(90);
    for (const f of FILTERS) expect(aggregate(merged, f)).toEqual(aggregate(models, f));
  });
});
