import { describe, expect, it } from 'vitest';
import shipped from '../../resources/price-list.json';
import type { Touchpoint } from '../domain/journey';
import type { ModelPathway, ModelTouchpoint } from '../model/pathway-model';
import { SECTORS, type ContactType, type Sector } from '../vocabulary';
import {
  costDifference,
  differenceIsComplete,
  costOfModelPathway,
  costOfPathway,
  findPrice,
  quantityOf,
  roundKroner,
} from './cost';
import { priceListSchema, type PriceList, type PriceRow } from './prices';

/*
 * A small price list made up for the arithmetic only (its numbers are test fixtures, not
 * prices; the shipped list is tested at the end).
 */
const row = (r: Omit<PriceRow, 'source' | 'sourceYear'>): PriceRow => ({
  ...r,
  source: 'test fixture',
  sourceYear: 2025,
});
const LIST: PriceList = priceListSchema.parse({
  name: 'Test',
  priceYear: 2025,
  currency: 'DKK',
  indicative: true,
  notes: '',
  prices: [
    row({
      sector: 'general_practice',
      contactType: 'gp_visit',
      unit: 'contact',
      price: 220,
      payerShares: { kommune: 0.07, region: 0.93, stat: 0 },
    }),
    row({
      sector: 'hospital',
      contactType: 'admission',
      unit: 'day',
      price: 4000,
      payerShares: { kommune: 0.2, region: 0.8, stat: 0 },
    }),
    row({
      sector: 'municipal_care',
      contactType: 'home_visit',
      unit: 'hour',
      price: 490,
      payerShares: { kommune: 1, region: 0, stat: 0 },
    }),
    row({
      sector: 'municipal_care',
      contactType: 'home_visit',
      serviceCode: 'lolland-home-nursing',
      unit: 'hour',
      price: null,
      payerShares: null,
    }),
    row({
      sector: 'employment',
      contactType: 'meeting',
      unit: 'contact',
      price: null,
      payerShares: null,
    }),
    row({
      sector: 'employment',
      contactType: 'meeting',
      serviceCode: 'sickness-benefit-follow-up',
      unit: 'month',
      price: 20345,
      payerShares: { kommune: 0.8, region: 0, stat: 0.2 },
    }),
    row({
      sector: 'emergency',
      contactType: 'emergency_visit',
      unit: 'contact',
      price: 1500,
      payerShares: { kommune: 0.2, region: 0.8, stat: 0 },
    }),
    row({
      sector: 'emergency',
      contactType: 'emergency_visit',
      serviceCode: 'emergency-112-ambulance',
      unit: 'contact',
      price: 2714,
      payerShares: { kommune: 0, region: 1, stat: 0 },
    }),
    row({
      sector: 'citizen',
      contactType: 'life_event',
      unit: 'contact',
      price: 0,
      payerShares: null,
    }),
    row({
      sector: 'psychiatry',
      contactType: 'admission',
      unit: 'day',
      price: null,
      payerShares: null,
    }),
  ],
});

let seq = 0;
function tp(
  sector: Sector,
  contactType: ContactType | null,
  fields: Partial<Pick<Touchpoint, 'serviceCode' | 'durationDays' | 'repetitions'>> = {},
): Touchpoint {
  seq += 1;
  const id = `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`;
  return {
    id,
    journeyId: '00000000-0000-4000-8000-999999999999',
    map: 'as_is',
    label: '',
    x: 0,
    y: 0,
    sector,
    serviceCode: fields.serviceCode ?? null,
    contactType,
    date: null,
    datePrecision: 'unknown',
    durationDays: fields.durationDays ?? null,
    repetitions: fields.repetitions ?? null,
    initiatedBy: null,
    emotion: null,
    whatWorked: '',
    quote: '',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

const zeroSectors = () => Object.fromEntries(SECTORS.map((s) => [s, 0])) as Record<Sector, number>;

/* The as-is map, priced by hand:
 *  t1 GP visit × 12                      12 × 220           =  2 640  kommune 7 % = 184,8   region 2 455,2
 *  t2 hospital admission, 5 days          5 × 4 000         = 20 000  kommune 20 % = 4 000  region 16 000
 *  t3 ambulance (service row wins) × 2    2 × 2 714         =  5 428  region 5 428
 *  t4 sickness benefit, 45 days           45/30 = 1,5 × 20 345 = 30 517,5  kommune 80 % = 24 414  stat 6 103,5
 *  t5 home care, 0,25 day × 3             0,25×24=6 h × 3 = 18 h × 490 = 8 820  kommune 8 820
 *  t6 life event                          0 (priced, no public expense)
 *  t7 psychiatric admission, 10 days      price null        → unpriced, no_public_figure
 *  t8 hospital admission, no duration     unit day          → unpriced, unit_needs_duration
 *  t9 pharmacy "other"                    no row            → unpriced, no_price
 * t10 GP, no contact type, no service     no row            → unpriced, no_price
 * t11 home nursing (service row, null)    service row wins  → unpriced, no_public_figure
 *
 * total   = 2 640 + 20 000 + 5 428 + 30 517,5 + 8 820 + 0 = 67 405,5 → 67 406 (half away from 0)
 * The payer × sector cells with a fraction: GP kommune 184,8 and region 2 455,2, employment
 * stat 6 103,5; their floors leave the cells 2 kroner short of 67 406, which go to the largest
 * remainders, GP kommune (,8) and employment stat (,5): GP kommune 185, employment stat 6 104.
 * kommune = 185 + 4 000 + 24 414 + 8 820  = 37 419
 * region  = 2 455 + 16 000 + 5 428        = 23 883
 * stat    = 6 104                         =  6 104   (sum 67 406)
 * sectors: GP 185 + 2 455 = 2 640; employment 24 414 + 6 104 = 30 518.
 */
const asIs = [
  tp('general_practice', 'gp_visit', { repetitions: 12 }),
  tp('hospital', 'admission', { durationDays: 5 }),
  tp('emergency', 'emergency_visit', { serviceCode: 'emergency-112-ambulance', repetitions: 2 }),
  tp('employment', 'meeting', { serviceCode: 'sickness-benefit-follow-up', durationDays: 45 }),
  tp('municipal_care', 'home_visit', { durationDays: 0.25, repetitions: 3 }),
  tp('citizen', 'life_event'),
  tp('psychiatry', 'admission', { durationDays: 10 }),
  tp('hospital', 'admission'),
  tp('pharmacy', 'other'),
  tp('general_practice', null),
  tp('municipal_care', 'home_visit', { serviceCode: 'lolland-home-nursing', durationDays: 0.5 }),
];

/* The to-be map, priced by hand:
 *  u1 GP visit × 6                 6 × 220 = 1 320      kommune 92,4    region 1 227,6
 *  u2 home care, 0,25 day × 5      6 h × 5 = 30 h × 490 = 14 700   kommune 14 700
 *  u3 sickness benefit, 30 days    30/30 = 1 × 20 345 = 20 345  kommune 16 276  stat 4 069
 *  u4 emergency visit (no service, sector row) 1 500    kommune 300     region 1 200
 *
 * total   = 1 320 + 14 700 + 20 345 + 1 500 = 37 865
 * kommune = 92,4 + 14 700 + 16 276 + 300    = 31 368,4
 * region  = 1 227,6 + 1 200                 =  2 427,6
 * stat    = 4 069
 * rounded: floors 31 368 + 2 427 + 4 069 = 37 864; the missing krone goes to region (,6 > ,4)
 * → kommune 31 368, region 2 428, stat 4 069 (sum 37 865).
 */
const toBe = [
  tp('general_practice', 'gp_visit', { repetitions: 6 }),
  tp('municipal_care', 'home_visit', { durationDays: 0.25, repetitions: 5 }),
  tp('employment', 'meeting', { serviceCode: 'sickness-benefit-follow-up', durationDays: 30 }),
  tp('emergency', 'emergency_visit'),
];

describe('costOfPathway (a journey map, priced by hand)', () => {
  const cost = costOfPathway(asIs, LIST);

  it('adds up the as-is map', () => {
    expect(cost.total).toBe(67_406);
    expect(cost.byPayer).toEqual({ kommune: 37_419, region: 23_883, stat: 6_104 });
    expect(cost.bySector).toEqual({
      ...zeroSectors(),
      general_practice: 2_640,
      hospital: 20_000,
      emergency: 5_428,
      employment: 30_518,
      municipal_care: 8_820,
    });
    expect(cost.pricedCount).toBe(6);
  });

  it('names every touchpoint it could not price, and why', () => {
    expect(cost.unpriced).toEqual([
      { ref: asIs[6]!.id, reason: 'no_public_figure' },
      { ref: asIs[7]!.id, reason: 'unit_needs_duration', unit: 'day' },
      { ref: asIs[8]!.id, reason: 'no_price' },
      { ref: asIs[9]!.id, reason: 'no_price' },
      { ref: asIs[10]!.id, reason: 'no_public_figure' },
    ]);
  });

  it('adds up the to-be map', () => {
    const c = costOfPathway(toBe, LIST);
    expect(c.total).toBe(37_865);
    expect(c.byPayer).toEqual({ kommune: 31_368, region: 2_428, stat: 4_069 });
    expect(c.bySector).toEqual({
      ...zeroSectors(),
      general_practice: 1_320,
      municipal_care: 14_700,
      employment: 20_345,
      emergency: 1_500,
    });
    expect(c.unpriced).toEqual([]);
  });

  it('payer and sector figures always add up to the total', () => {
    for (const c of [cost, costOfPathway(toBe, LIST)]) {
      expect(c.byPayer.kommune + c.byPayer.region + c.byPayer.stat).toBe(c.total);
      expect(Object.values(c.bySector).reduce((a, b) => a + b, 0)).toBe(c.total);
    }
  });

  it('an empty map costs nothing', () => {
    const c = costOfPathway([], LIST);
    expect(c).toEqual({
      total: 0,
      byPayer: { kommune: 0, region: 0, stat: 0 },
      bySector: zeroSectors(),
      unpriced: [],
      pricedCount: 0,
    });
  });
});

describe('costDifference (to-be minus as-is)', () => {
  /* total   37 865 − 67 406 = −29 541
   * kommune 31 368 − 37 419 =  −6 051
   * region   2 428 − 23 883 = −21 455
   * stat     4 069 −  6 104 =  −2 035   (−6 051 − 21 455 − 2 035 = −29 541)
   * sectors: GP 1 320 − 2 640 = −1 320; hospital 0 − 20 000; emergency 1 500 − 5 428 = −3 928;
   *          employment 20 345 − 30 518 = −10 173; municipal care 14 700 − 8 820 = +5 880. */
  it('shows who would pay and who would save', () => {
    const d = costDifference(costOfPathway(asIs, LIST), costOfPathway(toBe, LIST));
    expect(d.total).toBe(-29_541);
    expect(d.byPayer).toEqual({ kommune: -6_051, region: -21_455, stat: -2_035 });
    expect(d.bySector).toEqual({
      ...zeroSectors(),
      general_practice: -1_320,
      hospital: -20_000,
      emergency: -3_928,
      employment: -10_173,
      municipal_care: 5_880,
    });
    expect(d.unpriced).toEqual({ asIs: 5, toBe: 0 });
    // Five as-is touchpoints have no price: the difference is not one to tell.
    expect(differenceIsComplete(d)).toBe(false);
    const toBeOnly = costOfPathway(toBe, LIST);
    expect(differenceIsComplete(costDifference(toBeOnly, toBeOnly))).toBe(true);
    expect(d.byPayer.kommune + d.byPayer.region + d.byPayer.stat).toBe(d.total);
  });
});

describe('costOfModelPathway (the anonymised model gives the same answer)', () => {
  const toModel = (tps: Touchpoint[]): ModelPathway => ({
    touchpoints: tps.map((t, i): ModelTouchpoint => ({
      ref: `t${i + 1}`,
      sector: t.sector,
      serviceCode: t.serviceCode,
      contactType: t.contactType,
      day: null,
      datePrecision: 'unknown',
      durationDays: t.durationDays,
      repetitions: t.repetitions,
      initiatedBy: null,
      emotion: null,
      painPoints: [],
      whatWorked: false,
    })),
    transitions: [],
  });

  it('prices both maps as the journey does, with the model refs as references', () => {
    const a = costOfModelPathway(toModel(asIs), LIST);
    expect(a.total).toBe(67_406);
    expect(a.byPayer).toEqual({ kommune: 37_419, region: 23_883, stat: 6_104 });
    expect(a.unpriced).toEqual([
      { ref: 't7', reason: 'no_public_figure' },
      { ref: 't8', reason: 'unit_needs_duration', unit: 'day' },
      { ref: 't9', reason: 'no_price' },
      { ref: 't10', reason: 'no_price' },
      { ref: 't11', reason: 'no_public_figure' },
    ]);
    const b = costOfModelPathway(toModel(toBe), LIST);
    expect(b.total).toBe(37_865);
    expect(b.byPayer).toEqual({ kommune: 31_368, region: 2_428, stat: 4_069 });
  });
});

describe('which price applies', () => {
  it('a service row wins over the sector × contact type row', () => {
    const item = {
      sector: 'emergency' as const,
      contactType: 'emergency_visit' as const,
      durationDays: null,
      repetitions: null,
    };
    expect(findPrice(LIST, { ...item, serviceCode: 'emergency-112-ambulance' })?.price).toBe(2714);
    expect(findPrice(LIST, { ...item, serviceCode: null })?.price).toBe(1500);
    // An unknown service falls back to the sector row.
    expect(findPrice(LIST, { ...item, serviceCode: 'nyk-hospital-emergency' })?.price).toBe(1500);
  });

  it('a service row applies whatever contact type the touchpoint has, in its own sector only', () => {
    const base = {
      serviceCode: 'sickness-benefit-follow-up',
      durationDays: null,
      repetitions: null,
    };
    expect(findPrice(LIST, { ...base, sector: 'employment', contactType: 'letter' })?.price).toBe(
      20345,
    );
    expect(findPrice(LIST, { ...base, sector: 'employment', contactType: null })?.price).toBe(
      20345,
    );
    expect(
      findPrice(LIST, { ...base, sector: 'social_services', contactType: 'meeting' }),
    ).toBeUndefined();
  });
});

describe('units', () => {
  const q = (
    unit: PriceRow['unit'],
    durationDays: number | null,
    repetitions: number | null = null,
  ) => quantityOf({ unit }, { durationDays, repetitions });

  it('contact: max(1, repetitions)', () => {
    expect(q('contact', null)).toBe(1);
    expect(q('contact', 30, 4)).toBe(4);
    expect(q('contact', null, 0)).toBe(1);
  });

  it('day: days × times; unknown duration is unpriced', () => {
    expect(q('day', 3)).toBe(3);
    expect(q('day', 3, 2)).toBe(6);
    expect(q('day', 0)).toBe(0);
    expect(q('day', null)).toBe('unit_needs_duration');
    expect(q('day', -1)).toBe('unit_needs_duration');
    expect(q('day', Number.NaN)).toBe('unit_needs_duration');
  });

  it('month: days / 30, a part of a month as its part', () => {
    expect(q('month', 15)).toBe(0.5);
    expect(q('month', 30)).toBe(1);
    expect(q('month', 31)).toBeCloseTo(31 / 30, 12);
    expect(q('month', 365)).toBeCloseTo(365 / 30, 12);
    expect(q('month', 0)).toBe(0);
    expect(q('month', null)).toBe('unit_needs_duration');
  });

  it('hour: only a contact shorter than a day has hours', () => {
    expect(q('hour', 0.5)).toBe(12);
    expect(q('hour', 0.25, 2)).toBe(12);
    expect(q('hour', 1)).toBe('unit_needs_duration');
    expect(q('hour', 30)).toBe('unit_needs_duration');
    expect(q('hour', 0)).toBe('unit_needs_duration');
    expect(q('hour', null)).toBe('unit_needs_duration');
  });
});

describe('rounding to whole kroner, at the end', () => {
  it('rounds half away from zero', () => {
    expect(roundKroner(2.5)).toBe(3);
    expect(roundKroner(-2.5)).toBe(-3);
    expect(roundKroner(2.4)).toBe(2);
  });

  it('sums exact amounts before rounding, and keeps the parts equal to the total', () => {
    /* 3 contacts at 10,50 kr.: 31,50 → 32 (rounding each contact first would give 3 × 11 = 33).
     * kommune 1/3 and region 2/3: 10,5 + 21 → floors 10 + 21 = 31, the missing krone goes to
     * kommune (remainder ,5) → 11 + 21 = 32. */
    const list = priceListSchema.parse({
      ...LIST,
      prices: [
        row({
          sector: 'other',
          contactType: 'treatment',
          unit: 'contact',
          price: 10.5,
          payerShares: { kommune: 1 / 3, region: 2 / 3, stat: 0 },
        }),
      ],
    });
    const c = costOfPathway([tp('other', 'treatment', { repetitions: 3 })], list);
    expect(c.total).toBe(32);
    expect(c.byPayer).toEqual({ kommune: 11, region: 21, stat: 0 });
    expect(c.bySector.other).toBe(32);
  });
});

describe('the shipped price list', () => {
  const list = priceListSchema.parse(shipped);

  /* 12 GP visits at the shipped 220 kr. (PLO, 2023): 12 × 220 = 2 640;
   * kommune 7 % = 184,8, region 93 % = 2 455,2 → floors 184 + 2 455 = 2 639, +1 to kommune. */
  it('prices a GP visit as documented', () => {
    const c = costOfPathway([tp('general_practice', 'gp_visit', { repetitions: 12 })], list);
    expect(c.total).toBe(2_640);
    expect(c.byPayer).toEqual({ kommune: 185, region: 2_455, stat: 0 });
  });

  it("never prices the citizen's own life, and leaves hospital contacts without a figure unpriced", () => {
    const c = costOfPathway(
      [
        tp('citizen', 'life_event'),
        tp('citizen', 'other', { repetitions: 5 }),
        tp('hospital', 'outpatient_visit'),
      ],
      list,
    );
    expect(c.total).toBe(0);
    expect(c.pricedCount).toBe(2);
    expect(c.unpriced.map((u) => u.reason)).toEqual(['no_public_figure']);
  });
});
