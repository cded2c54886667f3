import type { Touchpoint } from '../domain/journey';
import type { ModelPathway } from '../model/pathway-model';
import { SECTORS, type ContactType, type Sector } from '../vocabulary';
import { PAYERS, type Payer, type PriceList, type PriceRow, type PriceUnit } from './prices';

/**
 * The estimated public cost of a pathway, by payer and by sector. Pure: the same touchpoints and
 * price list give the same answer, on the laptop and in the program's aggregate.
 *
 * Which price applies to a touchpoint:
 * 1. A row with the touchpoint's serviceCode (and sector) wins: the one whose contact type also
 *    matches, else the first such row in the list.
 * 2. Otherwise the row for the touchpoint's sector × contact type without a serviceCode.
 * 3. No row (or no contact type and no service row): unpriced, reason `no_price`.
 *    A row whose price is null (no public figure found): unpriced, reason `no_public_figure`.
 *
 * How much of the unit the touchpoint used ("times" = max(1, repetitions ?? 1); a duration is the
 * duration of each time):
 * - `contact`: price × times.
 * - `day`:     price × durationDays × times. Unknown duration: unpriced, `unit_needs_duration`.
 * - `month`:   price × durationDays / 30 × times: a month is 30 days and a part of one counts as
 *              its part (sickness benefit, for one, is paid by the week, so 31 days are not two
 *              months). Unknown duration: unpriced, `unit_needs_duration`.
 * - `hour`:    the pathway records no hours. A duration of less than a day is read as the
 *              length of the contact: price × durationDays × 24 × times. No duration, 0 days or a
 *              duration of a day or more (a period, such as a month of home care, not the time
 *              the service took) is unpriced, `unit_needs_duration`.
 * A duration that is negative or not a finite number counts as unknown.
 *
 * Amounts are summed exactly and rounded to whole kroner only at the end. The total is rounded
 * half away from zero; the payer × sector table is then rounded by the largest-remainder method
 * to add up to the rounded total, and the payer and sector figures are its sums (a table never
 * disagrees with itself by a krone).
 */

export const UNPRICED_REASONS = ['no_price', 'no_public_figure', 'unit_needs_duration'] as const;
export type UnpricedReason = (typeof UNPRICED_REASONS)[number];

/** The fields of a touchpoint that pricing reads: the same in a journey and in a model. */
export interface PricedItem {
  /** Journey touchpoint id, or the model's ref (t1, t2 …). */
  ref: string;
  sector: Sector;
  contactType: ContactType | null;
  serviceCode: string | null;
  durationDays: number | null;
  repetitions: number | null;
}

export interface Unpriced {
  ref: string;
  reason: UnpricedReason;
  /** For `unit_needs_duration`: the unit the price is per, so the user is told what to add. */
  unit?: PriceUnit;
}

export interface PathwayCost {
  /** Whole kroner. */
  total: number;
  byPayer: Record<Payer, number>;
  bySector: Record<Sector, number>;
  unpriced: Unpriced[];
  /** How many touchpoints had a price applied (a price of 0 counts). */
  pricedCount: number;
}

export interface CostDifference {
  /** to-be minus as-is, whole kroner: negative is a saving. */
  total: number;
  byPayer: Record<Payer, number>;
  bySector: Record<Sector, number>;
  /** Touchpoints left out of each side: a difference is only complete when both are 0. */
  unpriced: { asIs: number; toBe: number };
}

/**
 * Whether a difference can be told: every touchpoint of both maps priced. A touchpoint without a
 * price would count as 0 kr., and a to-be map mostly adds new, unpriced contacts, so the new
 * pathway would look cheaper than anyone knows. (The program's aggregate applies the same rule
 * journey by journey, in cost-aggregate.ts.)
 */
export const differenceIsComplete = (d: CostDifference): boolean =>
  d.unpriced.asIs === 0 && d.unpriced.toBe === 0;

const zeroByPayer = (): Record<Payer, number> => ({ kommune: 0, region: 0, stat: 0 });
const zeroBySector = (): Record<Sector, number> =>
  Object.fromEntries(SECTORS.map((s) => [s, 0])) as Record<Sector, number>;

/** The row that prices an item, or undefined when the list has none. */
export function findPrice(list: PriceList, item: Omit<PricedItem, 'ref'>): PriceRow | undefined {
  if (item.serviceCode) {
    const forService = list.prices.filter(
      (r) => r.serviceCode === item.serviceCode && r.sector === item.sector,
    );
    const exact = forService.find((r) => r.contactType === item.contactType);
    if (exact ?? forService[0]) return exact ?? forService[0];
  }
  if (item.contactType === null) return undefined;
  return list.prices.find(
    (r) =>
      r.serviceCode === undefined && r.sector === item.sector && r.contactType === item.contactType,
  );
}

const knownDuration = (d: number | null): d is number => d !== null && Number.isFinite(d) && d >= 0;

/** How many units of the row's unit the item used, or the reason it cannot be known. */
export function quantityOf(
  row: Pick<PriceRow, 'unit'>,
  item: Pick<PricedItem, 'durationDays' | 'repetitions'>,
): number | UnpricedReason {
  const reps = item.repetitions;
  const times = reps !== null && Number.isFinite(reps) ? Math.max(1, Math.floor(reps)) : 1;
  const d = item.durationDays;
  switch (row.unit) {
    case 'contact':
      return times;
    case 'day':
      return knownDuration(d) ? d * times : 'unit_needs_duration';
    case 'month':
      return knownDuration(d) ? (d / 30) * times : 'unit_needs_duration';
    case 'hour':
      return knownDuration(d) && d > 0 && d < 1 ? d * 24 * times : 'unit_needs_duration';
  }
}

/** Rounds half away from zero to whole kroner (Math.round rounds -2.5 to -2). */
export const roundKroner = (x: number): number => Math.sign(x) * Math.round(Math.abs(x));

/**
 * Rounds parts so that they sum to `roundedTotal`: floor each, then hand the missing kroner to
 * the parts with the largest remainders (ties in key order). For totals ≥ 0 only; the
 * difference of two rounded costs is taken part by part instead.
 */
function allocate<K extends string>(
  parts: Record<K, number>,
  keys: readonly K[],
  roundedTotal: number,
): Record<K, number> {
  const out = {} as Record<K, number>;
  let sum = 0;
  const remainders: { key: K; rest: number }[] = [];
  for (const k of keys) {
    const floor = Math.floor(parts[k]);
    out[k] = floor;
    sum += floor;
    remainders.push({ key: k, rest: parts[k] - floor });
  }
  let missing = roundedTotal - sum;
  const order = [...remainders].sort((a, b) => b.rest - a.rest);
  for (let i = 0; missing > 0 && order.length > 0; i = (i + 1) % order.length, missing -= 1) {
    out[order[i]!.key] += 1;
  }
  // Only float noise can make the floors overshoot: take it back from the smallest remainders.
  for (let i = order.length - 1; missing < 0 && i >= 0; i -= 1) {
    const key = order[i]!.key;
    if (out[key] > 0) {
      out[key] -= 1;
      missing += 1;
    }
  }
  return out;
}

/** The cost of any list of items (the shared core of the two entry points below). */
export function costOfItems(items: readonly PricedItem[], list: PriceList): PathwayCost {
  const byPayer = zeroByPayer();
  const bySector = zeroBySector();
  const cross = zeroCross();
  const unpriced: Unpriced[] = [];
  let total = 0;
  let pricedCount = 0;
  for (const item of items) {
    const row = findPrice(list, item);
    if (!row) {
      unpriced.push({ ref: item.ref, reason: 'no_price' });
      continue;
    }
    if (row.price === null) {
      unpriced.push({ ref: item.ref, reason: 'no_public_figure' });
      continue;
    }
    const quantity = quantityOf(row, item);
    if (typeof quantity === 'string') {
      unpriced.push({ ref: item.ref, reason: quantity, unit: row.unit });
      continue;
    }
    pricedCount += 1;
    const amount = row.price * quantity;
    if (amount === 0) continue;
    total += amount;
    // A positive price always has shares (the schema says so).
    const shares = row.payerShares!;
    for (const p of PAYERS) cross[`${p}|${item.sector}`] += amount * shares[p];
  }
  const roundedTotal = roundKroner(total);
  // One rounding of the payer × sector table; the payers and the sectors are its sums, so every
  // table adds up to the krone, both ways (rounding the two margins separately cannot promise
  // that: a 1234.5 kr. cell alone in its row and column would be 1235 one way and 1234 the other).
  const rounded = allocate(cross, CROSS_KEYS, roundedTotal);
  for (const p of PAYERS) {
    for (const sector of SECTORS) {
      const v = rounded[`${p}|${sector}`];
      byPayer[p] += v;
      bySector[sector] += v;
    }
  }
  return { total: roundedTotal, byPayer, bySector, unpriced, pricedCount };
}

/** The payer × sector cells, payer by payer, in vocabulary order (the order ties are broken in). */
const CROSS_KEYS = PAYERS.flatMap((p) => SECTORS.map((s) => `${p}|${s}` as const));
type CrossKey = (typeof CROSS_KEYS)[number];
const zeroCross = (): Record<CrossKey, number> =>
  Object.fromEntries(CROSS_KEYS.map((k) => [k, 0])) as Record<CrossKey, number>;

type TouchpointFields = Pick<
  Touchpoint,
  'id' | 'sector' | 'contactType' | 'serviceCode' | 'durationDays' | 'repetitions'
>;

/** The cost of a journey map's touchpoints (one map: as-is or to-be). Unpriced refs are ids. */
export function costOfPathway(
  touchpoints: readonly TouchpointFields[],
  list: PriceList,
): PathwayCost {
  return costOfItems(
    touchpoints.map((t) => ({
      ref: t.id,
      sector: t.sector,
      contactType: t.contactType,
      serviceCode: t.serviceCode,
      durationDays: t.durationDays,
      repetitions: t.repetitions,
    })),
    list,
  );
}

/** The cost of an anonymised model's pathway (asIs or toBe). Unpriced refs are the model's refs. */
export function costOfModelPathway(pathway: ModelPathway, list: PriceList): PathwayCost {
  return costOfItems(
    pathway.touchpoints.map((t) => ({
      ref: t.ref,
      sector: t.sector,
      contactType: t.contactType,
      serviceCode: t.serviceCode,
      durationDays: t.durationDays,
      repetitions: t.repetitions,
    })),
    list,
  );
}

/** to-be minus as-is, part by part (whole kroner in, whole kroner out). Negative saves money. */
export function costDifference(asIs: PathwayCost, toBe: PathwayCost): CostDifference {
  const byPayer = zeroByPayer();
  for (const p of PAYERS) byPayer[p] = toBe.byPayer[p] - asIs.byPayer[p];
  const bySector = zeroBySector();
  for (const s of SECTORS) bySector[s] = toBe.bySector[s] - asIs.bySector[s];
  return {
    total: toBe.total - asIs.total,
    byPayer,
    bySector,
    unpriced: { asIs: asIs.unpriced.length, toBe: toBe.unpriced.length },
  };
}
