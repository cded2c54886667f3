import { quantityOf, roundKroner, UNPRICED_REASONS, type UnpricedReason } from '../economy/cost';
import {
  PAYERS,
  priceListSchema,
  type Payer,
  type PriceList,
  type PriceRow,
} from '../economy/prices';
import type { PathwayModel } from '../model/pathway-model';
import { SECTORS, type ContactType, type Sector } from '../vocabulary';
import type { Cell } from './aggregate';
import { linesOf, suppressSums, type SumTable } from './sum-suppression';

/**
 * Cost views of the program aggregate: what the selection's journeys cost the public purse by
 * the program's price list, as they are and as they could be, and who would pay or save.
 *
 * Models carry codes, never prices. The fold keeps, per journey, what pricing reads of each
 * touchpoint of both maps (sector, contact type and service as one interned code; duration and
 * repetitions only where a touchpoint has them), and prices them when the views are computed, so
 * a corrected price list needs no new fold. Each journey is priced exactly as `costOfModelPathway`
 * prices it (same rows, same units, same rounding): its total in whole kroner, its payer × sector
 * table rounded once to add up to that total, and its payer and sector figures the sums of that
 * table, so every cost table of the aggregate is a sum of whole kroner and adds up exactly.
 *
 * What the views are over (the cohort chosen by the filter; `map` of the filter plays no part):
 * - as-is: every journey's as-is map;
 * - to-be: the selection as it would be, as far as it can be priced — the to-be map of a journey
 *   that has one (at least one touchpoint) and whose two maps are both priced in full, the as-is
 *   map of any other journey (no change that can be priced). A touchpoint without a price would
 *   otherwise count as 0 kr., and the new contacts a to-be map adds are mostly unpriced, so every
 *   change would look like a saving;
 * - difference: to-be minus as-is, which is the change over those comparable journeys (the others
 *   add nothing), so to-be = as-is + difference in every cell.
 * The touchpoints without a price of the to-be are those of each journey's to-be map as drawn.
 * Per journey (medians and quartiles) the to-be is only taken over the comparable journeys,
 * beside the as-is of the same journeys.
 *
 * Suppression (see `sum-suppression.ts` for the mechanism):
 * - A sum is shown only when at least k journeys contribute to it: a journey contributes to a
 *   sector, payer or payer × sector cell when its whole-krone amount there is not zero (a priced
 *   touchpoint with a price above 0 in that sector, with a share for that payer); to a difference
 *   cell when it has a to-be map and an amount there in either map; to an unpriced count when it
 *   has such a touchpoint. A total (all sectors, all touchpoints) needs k journeys with an amount,
 *   and says it is over the cohort's journeys.
 * - Complementary suppression over every sum that holds between shown figures: sectors and payers
 *   add up to the total, the payer × sector differences add up to the payer and sector
 *   differences, to-be = as-is + difference, unpriced reasons add up to the unpriced total, the
 *   cohort = journeys with a to-be map + those without, and every figure of the whole cohort is
 *   the sum of the same figure over the parts of each split (age bands, sexes, municipalities, a
 *   condition group and its complement, "not stated" included). No hidden figure can be worked out
 *   along any chain of these sums unless it rests on at least k journeys, and a known sum of
 *   hidden figures rests on at least k journeys (or none).
 * - A figure of a part of a split is shown only when the whole cohort's figure is (as counts).
 * - Which cell is hidden as a complement: to-be first (it is as-is + difference, the most derived
 *   figure), then unpriced to-be, differences, then counts and unpriced as-is, as-is last; parts
 *   before their totals, parts of a split before the whole cohort; then the one resting on the
 *   fewest journeys.
 * - Cells that are 0 by the price list itself (a sector whose every row is priced 0 or not at all,
 *   a payer with no share in a sector) are not listed: anyone with the list knows them.
 * - Medians and quartiles of cost per journey: from at least k journeys, and only while the count
 *   of those journeys is itself shown (for the journeys with a to-be map, a count of its own,
 *   suppressed with those without one as its complement). Quartiles need at least 2k journeys:
 *   then at least k/2 of them lie at or below the first quartile and at or above the third, the
 *   protection a median of k journeys has on either side. Quartiles are interpolated linearly
 *   between the two journeys around them (as the median is for an even count); all three are
 *   rounded to whole kroner.
 *
 * Not covered: a sum can be dominated by one journey of many (a dominance rule would be a
 * further check); figures of different views that count nested sets of journeys (journeys with
 * a hospital touchpoint in the process map, journeys with a hospital cost here) are not
 * suppressed against each other, as elsewhere in the aggregate; and the count of journeys with a
 * to-be map is suppressed here on its own, not together with the to-be view's pathway variants
 * (where journeys without a to-be map are the empty pathway).
 */

// ---------------------------------------------------------------------------------------------
// Output

export interface CostStats {
  /** Whole kroner. */
  median: number;
  /** The first and third quartile, whole kroner; null under 2k journeys. */
  q1: number | null;
  q3: number | null;
}

/** A figure in whole kroner as it is, as it would be, and the difference (to-be − as-is). */
export interface CostFigures {
  asIs: Cell<number>;
  toBe: Cell<number>;
  difference: Cell<number>;
}

export interface UnpricedFigures {
  /** Touchpoints of the map(s) the figures are over. */
  touchpoints: Cell<number>;
  /** Of those, touchpoints no price could be applied to. */
  unpriced: Cell<number>;
  byReason: { reason: UnpricedReason; cell: Cell<number> }[];
}

export interface CostView {
  /** The price list the figures come from. */
  priceList: { name: string; priceYear: number };
  /** Cost per journey, whole kroner: `journeys` is how many journeys the statistics are over. */
  perJourney: {
    /** Every journey's as-is map. */
    asIs: Cell<CostStats>;
    /**
     * The as-is maps of the journeys whose to-be map can be compared: it has one, and both maps
     * are priced in full.
     */
    asIsWithToBe: Cell<CostStats>;
    /** Their to-be maps. */
    toBe: Cell<CostStats>;
  };
  /** Sums over the cohort's journeys; `journeys` of a total is the cohort's. */
  total: CostFigures;
  /** Every sector with a price above 0 in the list, in vocabulary order. */
  bySector: ({ sector: Sector } & CostFigures)[];
  /** Every payer with a share in the list, in order. */
  byPayer: ({ payer: Payer } & CostFigures)[];
  /** Who pays, who saves: the difference by payer × sector (cells the list can price). */
  whoPaysWhoSaves: { payer: Payer; sector: Sector; cell: Cell<number> }[];
  /** Touchpoints left out of the sums, by reason: of the as-is maps, and of the to-be selection. */
  unpriced: { asIs: UnpricedFigures; toBe: UnpricedFigures };
}

// ---------------------------------------------------------------------------------------------
// What the fold keeps of a journey

/** A touchpoint's sector, contact type and service, as one small number. */
const ITEM_IDS = new Map<string, number>();
const ITEMS: {
  sector: Sector;
  sectorIx: number;
  contactType: ContactType | null;
  serviceCode: string | null;
  name: string;
}[] = [];
const SECTOR_IX = new Map<string, number>(SECTORS.map((s, i) => [s, i]));
let itemChars = 0;

/** The id of an item code "sector|contactType|serviceCode" (empty for null). */
export function itemCodeId(name: string): number {
  let id = ITEM_IDS.get(name);
  if (id === undefined) {
    const [sector, contactType, serviceCode] = name.split('|') as [Sector, string, string];
    const sectorIx = SECTOR_IX.get(sector);
    if (sectorIx === undefined) throw new RangeError(`unknown sector in item code ${name}`);
    id = ITEMS.length;
    ITEMS.push({
      sector,
      sectorIx,
      contactType: contactType === '' ? null : (contactType as ContactType),
      serviceCode: serviceCode === '' ? null : serviceCode,
      name,
    });
    ITEM_IDS.set(name, id);
    itemChars += name.length;
  }
  return id;
}

export const itemCodeName = (id: number): string => ITEMS[id]!.name;

/** The item codes met so far, and their characters (see `keyTablesSize` in aggregate.ts). */
export function itemCodesSize(): { codes: number; chars: number } {
  return { codes: ITEMS.length, chars: itemChars };
}

/** Forgets every item code met (with the key tables: `forgetKeys` in aggregate.ts). */
export function forgetItemCodes(): void {
  ITEM_IDS.clear();
  ITEMS.length = 0;
  ITEM_IDS_BY_PART.clear();
  itemChars = 0;
}

/**
 * Item code ids by their parts (sector, then contact type, then service; '' for null): the same
 * ids as `itemCodeId`, found without building the code's text for every touchpoint.
 */
const ITEM_IDS_BY_PART = new Map<string, Map<string, Map<string, number>>>();

function itemIdOf(sector: string, contactType: string, serviceCode: string): number {
  let byType = ITEM_IDS_BY_PART.get(sector);
  if (!byType) ITEM_IDS_BY_PART.set(sector, (byType = new Map()));
  let byService = byType.get(contactType);
  if (!byService) byType.set(contactType, (byService = new Map()));
  let id = byService.get(serviceCode);
  if (id === undefined) {
    id = itemCodeId(`${sector}|${contactType}|${serviceCode}`);
    byService.set(serviceCode, id);
  }
  return id;
}

/**
 * What pricing reads of a journey's touchpoints, both maps. About 2 bytes per touchpoint when no
 * touchpoint has a duration or repetitions, 24 more for each one that does.
 */
export interface CostItems {
  /** Item code per touchpoint: the as-is map's, then the to-be map's. */
  codes: Uint16Array | Int32Array;
  /** Where the to-be map's touchpoints begin in `codes`. */
  toBeAt: number;
  /** [index in codes, durationDays, repetitions] for each touchpoint having either (NaN: null). */
  extras: Float64Array | null;
}

export function codesArray(ids: ArrayLike<number>): Uint16Array | Int32Array {
  let max = 0;
  for (let i = 0; i < ids.length; i++) if (ids[i]! > max) max = ids[i]!;
  return max < 0xffff ? Uint16Array.from(ids) : Int32Array.from(ids);
}

export function costItemsOf(m: PathwayModel): CostItems {
  const asIs = m.asIs.touchpoints;
  const toBe = m.toBe.touchpoints;
  const ids = new Array<number>(asIs.length + toBe.length);
  const extras: number[] = [];
  for (let i = 0; i < ids.length; i++) {
    const t = i < asIs.length ? asIs[i]! : toBe[i - asIs.length]!;
    ids[i] = itemIdOf(t.sector, t.contactType ?? '', t.serviceCode ?? '');
    if (t.durationDays !== null || t.repetitions !== null) {
      // `+ 0`: a -0 from a file is a 0, as its canonical JSON writes it.
      extras.push(i, (t.durationDays ?? NaN) + 0, (t.repetitions ?? NaN) + 0);
    }
  }
  return {
    codes: codesArray(ids),
    toBeAt: m.asIs.touchpoints.length,
    extras: extras.length ? Float64Array.from(extras) : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Pricing a folded journey, exactly as `costOfItems` does

const S = SECTORS.length;
const P = PAYERS.length;
const R = UNPRICED_REASONS.length;

/** A price list made ready for many journeys: the row of each item code, found once. */
class PriceIndex {
  readonly rows: PriceRow[];
  /** Per item code: -2 not looked up yet, -1 no row, else the row's index. */
  private rowOfItem = new Int32Array(0);
  private readonly byService = new Map<string, number[]>();
  private readonly byPair = new Map<string, number>();
  /** Sectors and payer × sector cells the list can give an amount above 0. */
  readonly sectorPriced = new Uint8Array(S);
  readonly payerPriced = new Uint8Array(P);
  readonly crossPriced = new Uint8Array(P * S);

  constructor(readonly list: PriceList) {
    this.rows = list.prices;
    this.rows.forEach((r, i) => {
      if (r.serviceCode !== undefined) {
        const key = `${r.sector}|${r.serviceCode}`;
        const xs = this.byService.get(key);
        if (xs) xs.push(i);
        else this.byService.set(key, [i]);
      } else {
        const key = `${r.sector}|${r.contactType}`;
        if (!this.byPair.has(key)) this.byPair.set(key, i);
      }
      if (r.price !== null && r.price > 0) {
        const s = SECTOR_IX.get(r.sector)!;
        this.sectorPriced[s] = 1;
        PAYERS.forEach((p, pi) => {
          if (r.payerShares![p] > 0) {
            this.payerPriced[pi] = 1;
            this.crossPriced[pi * S + s] = 1;
          }
        });
      }
    });
  }

  /** `findPrice` of cost.ts, by item code. */
  rowOf(item: number): number {
    if (item >= this.rowOfItem.length) {
      const grown = new Int32Array(Math.max(item + 1, this.rowOfItem.length * 2, 64)).fill(-2);
      grown.set(this.rowOfItem);
      this.rowOfItem = grown;
    }
    let r = this.rowOfItem[item]!;
    if (r !== -2) return r;
    const it = ITEMS[item]!;
    r = -1;
    const forService = it.serviceCode
      ? (this.byService.get(`${it.sector}|${it.serviceCode}`) ?? [])
      : [];
    const exact = forService.find((i) => this.rows[i]!.contactType === it.contactType);
    if (exact !== undefined) r = exact;
    else if (forService.length) r = forService[0]!;
    else if (it.contactType !== null) r = this.byPair.get(`${it.sector}|${it.contactType}`) ?? -1;
    this.rowOfItem[item] = r;
    return r;
  }
}

const allocOrder = new Int32Array(P * S);
const allocRest = new Float64Array(P * S);
/**
 * `allocate` of cost.ts, step for step: parts in whole kroner adding up to the rounded total
 * (largest remainders first, ties in key order; a test holds the two to the same answers).
 */
function allocate(parts: Float64Array, roundedTotal: number, out: Float64Array): void {
  const n = parts.length;
  let sum = 0;
  for (let k = 0; k < n; k++) {
    const floor = Math.floor(parts[k]!);
    out[k] = floor;
    sum += floor;
    allocRest[k] = parts[k]! - floor;
  }
  let missing = roundedTotal - sum;
  if (missing === 0) return;
  // A stable sort by remainder, largest first, as Array.prototype.sort is.
  for (let k = 0; k < n; k++) {
    let i = k - 1;
    for (; i >= 0 && allocRest[allocOrder[i]!]! < allocRest[k]!; i--)
      allocOrder[i + 1] = allocOrder[i]!;
    allocOrder[i + 1] = k;
  }
  for (let i = 0; missing > 0 && n > 0; i = (i + 1) % n, missing -= 1) {
    out[allocOrder[i]!]! += 1;
  }
  for (let i = n - 1; missing < 0 && i >= 0; i -= 1) {
    const key = allocOrder[i]!;
    if (out[key]! > 0) {
      out[key]! -= 1;
      missing += 1;
    }
  }
}

/** One map of one journey, priced. */
export interface MapCost {
  /** Whole kroner by payer × sector (index payer * sectors + sector). */
  cross: Float64Array;
  bySector: Float64Array;
  byPayer: Float64Array;
  total: number;
  /** Touchpoints not priced, by reason (in UNPRICED_REASONS order). */
  unpriced: Float64Array;
  touchpoints: number;
  priced: number;
}

const newMapCost = (): MapCost => ({
  cross: new Float64Array(P * S),
  bySector: new Float64Array(S),
  byPayer: new Float64Array(P),
  total: 0,
  unpriced: new Float64Array(R),
  touchpoints: 0,
  priced: 0,
});

const REASON_IX = new Map<string, number>(UNPRICED_REASONS.map((r, i) => [r, i]));

/** Scratch for pricing. */
const realCross = new Float64Array(P * S);

function priceMap(items: CostItems, from: number, to: number, index: PriceIndex, out: MapCost) {
  realCross.fill(0);
  out.unpriced.fill(0);
  let total = 0;
  let priced = 0;
  const ex = items.extras;
  let e = 0;
  if (ex) while (e < ex.length && ex[e]! < from) e += 3;
  const item = { durationDays: null as number | null, repetitions: null as number | null };
  for (let i = from; i < to; i++) {
    item.durationDays = null;
    item.repetitions = null;
    if (ex && e < ex.length && ex[e] === i) {
      const d = ex[e + 1]!;
      const r = ex[e + 2]!;
      item.durationDays = Number.isNaN(d) ? null : d;
      item.repetitions = Number.isNaN(r) ? null : r;
      e += 3;
    }
    const ri = index.rowOf(items.codes[i]!);
    if (ri < 0) {
      out.unpriced[0]! += 1;
      continue;
    }
    const row = index.rows[ri]!;
    if (row.price === null) {
      out.unpriced[1]! += 1;
      continue;
    }
    const quantity = quantityOf(row, item);
    if (typeof quantity === 'string') {
      out.unpriced[REASON_IX.get(quantity)!]! += 1;
      continue;
    }
    priced += 1;
    const amount = row.price * quantity;
    if (amount === 0) continue;
    total += amount;
    const s = ITEMS[items.codes[i]!]!.sectorIx;
    const shares = row.payerShares!;
    for (let p = 0; p < P; p++) {
      const a = amount * shares[PAYERS[p]!];
      realCross[p * S + s]! += a;
    }
  }
  out.total = roundKroner(total);
  out.touchpoints = to - from;
  out.priced = priced;
  // As cost.ts: one rounding of the payer × sector table, whose sums are the payers and sectors.
  allocate(realCross, out.total, out.cross);
  out.byPayer.fill(0);
  out.bySector.fill(0);
  for (let p = 0; p < P; p++) {
    for (let s = 0; s < S; s++) {
      out.byPayer[p]! += out.cross[p * S + s]!;
      out.bySector[s]! += out.cross[p * S + s]!;
    }
  }
}

/** Both maps of a folded journey priced; `toBe` null when it has no to-be map. */
export function priceJourney(
  items: CostItems,
  list: PriceList,
): { asIs: MapCost; toBe: MapCost | null } {
  const index = new PriceIndex(list);
  const asIs = newMapCost();
  priceMap(items, 0, items.toBeAt, index, asIs);
  if (items.toBeAt === items.codes.length) return { asIs, toBe: null };
  const toBe = newMapCost();
  priceMap(items, items.toBeAt, items.codes.length, index, toBe);
  return { asIs, toBe };
}

// ---------------------------------------------------------------------------------------------
// The table of sums: a row per cohort, a column per figure

const SET_COLS = ['A', 'T', 'D'] as const;
type SetCol = (typeof SET_COLS)[number];

/** Column indexes of the figures. */
const COL = (() => {
  let n = 0;
  const next = () => n++;
  const n0 = next();
  const withToBe = next();
  const withoutToBe = next();
  const sums = Object.fromEntries(
    SET_COLS.map((m) => [m, { sector: SECTORS.map(next), payer: PAYERS.map(next), total: next() }]),
  ) as Record<SetCol, { sector: number[]; payer: number[]; total: number }>;
  const cross = PAYERS.map(() => SECTORS.map(next));
  const unpriced = Object.fromEntries(
    (['A', 'T'] as const).map((m) => [
      m,
      { reason: UNPRICED_REASONS.map(next), total: next(), touchpoints: next(), priced: next() },
    ]),
  ) as Record<'A' | 'T', { reason: number[]; total: number; touchpoints: number; priced: number }>;
  return { n: n0, withToBe, withoutToBe, sums, cross, unpriced, count: n };
})();
const C = COL.count;
const WORDS = Math.ceil(C / 32);

/** Columns whose figure is over the cohort's journeys (a total), not over its contributors. */
const TOTAL_COLS = new Set<number>([
  ...SET_COLS.map((m) => COL.sums[m].total),
  ...(['A', 'T'] as const).flatMap((m) => [COL.unpriced[m].total, COL.unpriced[m].touchpoints]),
]);

/**
 * Which cells are hidden first when a complement must be found: to-be (which is as-is plus the
 * difference), then unpriced to-be, differences, counts and unpriced as-is, as-is last. Totals
 * after their parts, the whole cohort after its parts.
 */
function rankOf(col: number, root: boolean): number {
  let cls = 4;
  const inSet = (m: SetCol) =>
    COL.sums[m].sector.includes(col) ||
    COL.sums[m].payer.includes(col) ||
    COL.sums[m].total === col;
  if (inSet('T')) cls = 0;
  else if (
    COL.unpriced.T.reason.includes(col) ||
    [COL.unpriced.T.total, COL.unpriced.T.touchpoints].includes(col)
  )
    cls = 1;
  else if (inSet('D') || COL.cross.some((r) => r.includes(col))) cls = 2;
  else if (col === COL.withToBe || COL.unpriced.A.reason.includes(col)) cls = 3;
  else if ([COL.unpriced.A.total, COL.unpriced.A.touchpoints].includes(col)) cls = 3;
  const totalish =
    TOTAL_COLS.has(col) || COL.sums.D.sector.includes(col) || COL.sums.D.payer.includes(col);
  return cls * 8 + (root ? 4 : 0) + (totalish ? 2 : 0);
}
const RANKS = [false, true].map((root) => Array.from({ length: C }, (_, c) => rankOf(c, root)));

/** The sums that hold inside one cohort, as lines of columns (total first). */
function rowLines(idx: PriceIndex): { cells: number[]; disjoint: boolean }[] {
  const out: { cells: number[]; disjoint: boolean }[] = [];
  const keepSector = (s: number) => idx.sectorPriced[s] === 1;
  const keepPayer = (p: number) => idx.payerPriced[p] === 1;
  out.push({ cells: [COL.n, COL.withToBe, COL.withoutToBe], disjoint: true });
  for (const m of SET_COLS) {
    const c = COL.sums[m];
    out.push({ cells: [c.total, ...c.sector.filter((_, s) => keepSector(s))], disjoint: false });
    out.push({ cells: [c.total, ...c.payer.filter((_, p) => keepPayer(p))], disjoint: false });
  }
  const { A, T, D } = COL.sums;
  SECTORS.forEach((_, s) => {
    if (keepSector(s))
      out.push({ cells: [T.sector[s]!, A.sector[s]!, D.sector[s]!], disjoint: false });
  });
  PAYERS.forEach((_, p) => {
    if (keepPayer(p)) out.push({ cells: [T.payer[p]!, A.payer[p]!, D.payer[p]!], disjoint: false });
  });
  out.push({ cells: [T.total, A.total, D.total], disjoint: false });
  const keepCross = (p: number, s: number) => idx.crossPriced[p * S + s] === 1;
  PAYERS.forEach((_, p) => {
    if (keepPayer(p))
      out.push({
        cells: [D.payer[p]!, ...COL.cross[p]!.filter((_, s) => keepCross(p, s))],
        disjoint: false,
      });
  });
  SECTORS.forEach((_, s) => {
    if (keepSector(s))
      out.push({
        cells: [
          D.sector[s]!,
          ...PAYERS.map((_, p) => COL.cross[p]![s]!).filter((_, p) => keepCross(p, s)),
        ],
        disjoint: false,
      });
  });
  for (const m of ['A', 'T'] as const) {
    const u = COL.unpriced[m];
    out.push({ cells: [u.total, ...u.reason], disjoint: false });
    out.push({ cells: [u.touchpoints, u.total, u.priced], disjoint: false });
  }
  return out;
}

/** Columns the price list makes 0 for every journey: not published, known to all. */
function zeroCols(idx: PriceIndex): Set<number> {
  const out = new Set<number>();
  for (const m of SET_COLS) {
    SECTORS.forEach((_, s) => {
      if (!idx.sectorPriced[s]) out.add(COL.sums[m].sector[s]!);
    });
    PAYERS.forEach((_, p) => {
      if (!idx.payerPriced[p]) out.add(COL.sums[m].payer[p]!);
    });
  }
  PAYERS.forEach((_, p) =>
    SECTORS.forEach((_, s) => {
      if (!idx.crossPriced[p * S + s]) out.add(COL.cross[p]![s]!);
    }),
  );
  return out;
}

/** Figures that are never published, only reasoned about. */
const NEVER_SHOWN = new Set<number>([
  COL.withoutToBe,
  COL.unpriced.A.priced,
  COL.unpriced.T.priced,
]);

/** One journey's values by column, and whether it contributes: only the columns it touches. */
const jv = new Float64Array(C);
const jc = new Uint8Array(C);
const touched = new Int32Array(C);
let nTouched = 0;

function put(col: number, v: number, contributes: boolean): void {
  if (v === 0 && !contributes) return;
  jv[col] = v;
  jc[col] = contributes ? 1 : 0;
  touched[nTouched++] = col;
}

/** A map's sums from `c`, and its touchpoints without a price from `drawn` (the map as drawn). */
function putMap(m: 'A' | 'T', c: MapCost, drawn: MapCost = c): void {
  const cs = COL.sums[m];
  for (let s = 0; s < S; s++) put(cs.sector[s]!, c.bySector[s]!, c.bySector[s] !== 0);
  for (let p = 0; p < P; p++) put(cs.payer[p]!, c.byPayer[p]!, c.byPayer[p] !== 0);
  put(cs.total, c.total, c.total !== 0);
  const u = COL.unpriced[m];
  const unpriced = unpricedIn(drawn);
  for (let r = 0; r < R; r++) put(u.reason[r]!, drawn.unpriced[r]!, drawn.unpriced[r]! > 0);
  put(u.total, unpriced, unpriced > 0);
  put(u.touchpoints, drawn.touchpoints, drawn.touchpoints > 0);
  put(u.priced, drawn.priced, drawn.priced > 0);
}

function unpricedIn(c: MapCost): number {
  let n = 0;
  for (let r = 0; r < R; r++) n += c.unpriced[r]!;
  return n;
}

/**
 * A journey's columns: as-is; to-be (its to-be map where it can be compared, otherwise its as-is
 * map); the difference, which only a comparable journey has (and contributes to where either map
 * has an amount). The to-be's touchpoints without a price are those of the to-be map as drawn.
 */
function journeyColumns(a: MapCost, t: MapCost | null, drawn: MapCost | null): void {
  nTouched = 0;
  put(COL.n, 1, true);
  put(COL.withToBe, t ? 1 : 0, t !== null);
  put(COL.withoutToBe, t ? 0 : 1, t === null);
  putMap('A', a);
  putMap('T', t ?? a, drawn ?? a);
  if (!t) return;
  const d = COL.sums.D;
  for (let s = 0; s < S; s++) {
    put(d.sector[s]!, t.bySector[s]! - a.bySector[s]!, t.bySector[s] !== 0 || a.bySector[s] !== 0);
  }
  for (let p = 0; p < P; p++) {
    put(d.payer[p]!, t.byPayer[p]! - a.byPayer[p]!, t.byPayer[p] !== 0 || a.byPayer[p] !== 0);
    for (let s = 0; s < S; s++) {
      const i = p * S + s;
      put(COL.cross[p]![s]!, t.cross[i]! - a.cross[i]!, t.cross[i] !== 0 || a.cross[i] !== 0);
    }
  }
  put(d.total, t.total - a.total, t.total !== 0 || a.total !== 0);
}

/** A cohort of the table: the whole cohort, or a part of a split. */
export interface CostCohortRow {
  /** The cohort's signature ("" for everyone, "sex=female" …). */
  sig: string;
  /** Whether the cohort's views are shown at all (its count is shown). Parts never shown: false. */
  shown: boolean;
  /** The split the row is a part of (index into `splits`), or -1 for the whole cohort. */
  split: number;
  /** Whether this part is ever shown (the complement of a condition group is not). */
  published: boolean;
}

export interface CostInput {
  journeys: readonly { cohort: PathwayModel['cohort']; cost: CostItems }[];
  rows: CostCohortRow[];
  splitCount: number;
  /** The rows a journey counts in (the whole cohort first). */
  rowsOf: (cohort: PathwayModel['cohort']) => number[];
  k: number;
  list: PriceList;
}

export interface CostState {
  list: { name: string; priceYear: number };
  index: PriceIndex;
  rows: CostCohortRow[];
  rowIndex: Map<string, number>;
  /** Per cell (row * columns + column): sum, journeys resting on it, and whether it is hidden. */
  value: Float64Array;
  count: Uint32Array;
  hidden: Uint8Array;
  /** Per row, its journeys; per journey, its as-is total, and to-be totals (NaN without one). */
  members: Int32Array[];
  asIsTotal: Float64Array;
  toBeTotal: Float64Array;
  zero: Set<number>;
  k: number;
}

const validLists = new WeakMap<PriceList, string>();
/** The list's content as text: the identity of a price list, however it was loaded. */
export function priceListKey(list: PriceList): string {
  const text = JSON.stringify(list);
  if (validLists.get(list) === text) return text;
  const checked = priceListSchema.safeParse(list);
  if (!checked.success) throw new RangeError('the price list is not valid');
  validLists.set(list, text);
  return text;
}

export function costState(input: CostInput): CostState {
  const { journeys, rows, k } = input;
  const index = new PriceIndex(input.list);
  const N = journeys.length;
  const cells = rows.length * C;
  const value = new Float64Array(cells);
  const count = new Uint32Array(cells);
  const mask = new Uint32Array(N * WORDS);
  const membersList: number[][] = rows.map(() => []);
  const asIsTotal = new Float64Array(N);
  const toBeTotal = new Float64Array(N);
  const a = newMapCost();
  const t = newMapCost();
  journeys.forEach((j, n) => {
    const items = j.cost;
    priceMap(items, 0, items.toBeAt, index, a);
    const hasToBe = items.toBeAt < items.codes.length;
    if (hasToBe) priceMap(items, items.toBeAt, items.codes.length, index, t);
    // A change is counted only where both maps are priced in full: a touchpoint without a price
    // would count as 0 kr. and show a saving (or a cost) that nobody knows of.
    const paired = hasToBe && unpricedIn(a) === 0 && unpricedIn(t) === 0;
    asIsTotal[n] = a.total;
    toBeTotal[n] = paired ? t.total : NaN;
    journeyColumns(a, paired ? t : null, hasToBe ? t : null);
    for (let i = 0; i < nTouched; i++) {
      const c = touched[i]!;
      if (jc[c]) mask[n * WORDS + (c >> 5)]! |= 1 << (c & 31);
    }
    for (const r of input.rowsOf(j.cohort)) {
      membersList[r]!.push(n);
      const base = r * C;
      for (let i = 0; i < nTouched; i++) {
        const c = touched[i]!;
        value[base + c]! += jv[c]!;
        count[base + c]! += jc[c]!;
      }
    }
  });
  const members = membersList.map((m) => Int32Array.from(m));

  // The sums between cells: inside each cohort, and each figure over the parts of each split.
  const zero = zeroCols(index);
  const templates = rowLines(index);
  const lines: { cells: number[]; disjoint: boolean }[] = [];
  rows.forEach((_, r) => {
    for (const l of templates)
      lines.push({ cells: l.cells.map((c) => r * C + c), disjoint: l.disjoint });
  });
  for (let sp = 0; sp < input.splitCount; sp++) {
    const parts = rows.flatMap((row, r) => (row.split === sp ? [r] : []));
    for (let c = 0; c < C; c++) {
      if (zero.has(c)) continue;
      lines.push({ cells: [c, ...parts.map((r) => r * C + c)], disjoint: true });
    }
  }
  const hidden = new Uint8Array(cells);
  const fixed = new Uint8Array(cells);
  const rank = new Int32Array(cells);
  const requires = new Int32Array(cells).fill(-1);
  rows.forEach((row, r) => {
    for (let c = 0; c < C; c++) {
      const i = r * C + c;
      rank[i] = RANKS[row.split < 0 ? 1 : 0]![c]!;
      if (row.split >= 0) requires[i] = c;
      if (c === COL.n) {
        // The cohort's count is decided by the counts' own suppression.
        fixed[i] = 1;
        hidden[i] = row.shown ? 0 : 1;
      } else if (!row.shown || !row.published || NEVER_SHOWN.has(c) || zero.has(c)) {
        hidden[i] = 1;
      }
    }
  });
  const table: SumTable = {
    k,
    count,
    hidden,
    fixed,
    rank,
    requires,
    lines: linesOf(lines),
    union: (cellsOf) => {
      // All cells of one line inside one cohort: count its journeys with any of them.
      const r = Math.floor(cellsOf[0]! / C);
      const want = new Uint32Array(WORDS);
      for (const cell of cellsOf) {
        const c = cell - r * C;
        want[c >> 5]! |= 1 << (c & 31);
      }
      let n = 0;
      for (const j of members[r]!) {
        for (let w = 0; w < WORDS; w++) {
          if (mask[j * WORDS + w]! & want[w]!) {
            n++;
            break;
          }
        }
      }
      return n;
    },
  };
  return {
    list: { name: input.list.name, priceYear: input.list.priceYear },
    index,
    rows,
    rowIndex: new Map(rows.map((row, r) => [row.sig, r])),
    value,
    count,
    hidden: suppressSums(table),
    members,
    asIsTotal,
    toBeTotal,
    zero,
    k,
  };
}

/** The q-quantile of sorted values, interpolated linearly (the median for q = 0.5). */
function quantile(sorted: Float64Array, q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

function statsOf(values: Float64Array, k: number, countShown: boolean): Cell<CostStats> {
  const n = values.length;
  if (!countShown || n < k) return { shown: false };
  const sorted = values.slice().sort();
  const quartiles = n >= 2 * k;
  return {
    shown: true,
    journeys: n,
    value: {
      median: roundKroner(quantile(sorted, 0.5)),
      q1: quartiles ? roundKroner(quantile(sorted, 0.25)) : null,
      q3: quartiles ? roundKroner(quantile(sorted, 0.75)) : null,
    },
  };
}

/** The cost views of one cohort (by its signature); all hidden for a cohort with no row. */
export function costViewOf(state: CostState, sig: string): CostView {
  const r = state.rowIndex.get(sig);
  const base = r === undefined ? -1 : r * C;
  const shown = (c: number) => base >= 0 && !state.hidden[base + c];
  const cell = (c: number): Cell<number> => {
    if (!shown(c)) return { shown: false };
    const journeys = TOTAL_COLS.has(c) ? state.value[base + COL.n]! : state.count[base + c]!;
    return { shown: true, journeys, value: state.value[base + c]! };
  };
  const figures = (pick: (m: SetCol) => number): CostFigures => ({
    asIs: cell(pick('A')),
    toBe: cell(pick('T')),
    difference: cell(pick('D')),
  });
  const unpriced = (m: 'A' | 'T'): UnpricedFigures => ({
    touchpoints: cell(COL.unpriced[m].touchpoints),
    unpriced: cell(COL.unpriced[m].total),
    byReason: UNPRICED_REASONS.map((reason, i) => ({
      reason,
      cell: cell(COL.unpriced[m].reason[i]!),
    })),
  });
  const members = r === undefined ? new Int32Array(0) : state.members[r]!;
  const asIs = Float64Array.from(members, (j) => state.asIsTotal[j]!);
  const withToBe = [...members].filter((j) => !Number.isNaN(state.toBeTotal[j]!));
  const cohortShown = shown(COL.n);
  const pairedShown = shown(COL.withToBe);
  return {
    priceList: { ...state.list },
    perJourney: {
      asIs: statsOf(asIs, state.k, cohortShown),
      asIsWithToBe: statsOf(
        Float64Array.from(withToBe, (j) => state.asIsTotal[j]!),
        state.k,
        pairedShown,
      ),
      toBe: statsOf(
        Float64Array.from(withToBe, (j) => state.toBeTotal[j]!),
        state.k,
        pairedShown,
      ),
    },
    total: figures((m) => COL.sums[m].total),
    bySector: SECTORS.flatMap((sector, s) =>
      state.index.sectorPriced[s] ? [{ sector, ...figures((m) => COL.sums[m].sector[s]!) }] : [],
    ),
    byPayer: PAYERS.flatMap((payer, p) =>
      state.index.payerPriced[p] ? [{ payer, ...figures((m) => COL.sums[m].payer[p]!) }] : [],
    ),
    whoPaysWhoSaves: PAYERS.flatMap((payer, p) =>
      SECTORS.flatMap((sector, s) =>
        state.index.crossPriced[p * S + s]
          ? [{ payer, sector, cell: cell(COL.cross[p]![s]!) }]
          : [],
      ),
    ),
    unpriced: { asIs: unpriced('A'), toBe: unpriced('T') },
  };
}
