import { z } from 'zod';
import { UNPRICED_REASONS } from '../economy/cost';
import { PAYERS, PRICE_LIMITS } from '../economy/prices';
import { AGE_BANDS } from '../model/pathway-model';
import { CONDITION_GROUPS, MUNICIPALITIES, SECTORS, SEXES } from '../vocabulary';
import {
  DEFAULT_K,
  FILTER_FIELDS,
  ONE_FIELD,
  type Aggregate,
  type CohortFilter,
} from './aggregate';

/** The largest k the app offers: beyond it hardly anything is left to show. */
export const MAX_K = 100;
export const kSchema = z.number().int().min(DEFAULT_K).max(MAX_K);

export const cohortFilterSchema = z
  .strictObject({
    ageBand: z.enum(AGE_BANDS).nullable().optional(),
    sex: z.enum(SEXES).nullable().optional(),
    municipality: z.enum(MUNICIPALITIES).nullable().optional(),
    conditionGroup: z.enum(CONDITION_GROUPS).optional(),
    map: z.enum(['asIs', 'toBe']).optional(),
  })
  .refine((f) => FILTER_FIELDS.filter((d) => f[d] !== undefined).length <= 1, {
    message: ONE_FIELD,
  }) satisfies z.ZodType<CohortFilter>;

const code = z.string().max(200);
function cellSchema<T extends z.ZodType>(value: T) {
  return z.union([
    z.strictObject({ shown: z.literal(true), journeys: z.number().int().min(0), value }),
    z.strictObject({ shown: z.literal(false) }),
  ]);
}
const nullCell = cellSchema(z.null());
const num = z.number().nullable();
const graphSchema = z.strictObject({
  nodes: z.array(
    z.strictObject({ id: code, sector: code, contactType: code.nullable(), cell: nullCell }),
  ),
  edges: z.array(
    z.strictObject({
      from: code,
      to: code,
      cell: cellSchema(z.strictObject({ medianDays: num })),
    }),
  ),
});
const distributionSchema = z.strictObject({
  median: num,
  bands: z.array(z.strictObject({ band: code, cell: nullCell })),
});
const pairCell = <T extends z.ZodType>(value: T) =>
  z.array(z.strictObject({ from: code, to: code, cell: cellSchema(value) }));
const aimCell = z.array(z.strictObject({ aim: code, category: code, cell: nullCell }));

const kroner = z.number().int();
const kronerCell = cellSchema(kroner);
const costStatsCell = cellSchema(
  z.strictObject({ median: kroner, q1: kroner.nullable(), q3: kroner.nullable() }),
);
const costFigures = { asIs: kronerCell, toBe: kronerCell, difference: kronerCell };
const touchpointCount = cellSchema(z.number().int().min(0));
const unpricedSchema = z.strictObject({
  touchpoints: touchpointCount,
  unpriced: touchpointCount,
  byReason: z.array(z.strictObject({ reason: z.enum(UNPRICED_REASONS), cell: touchpointCount })),
});

/** The cost views (present only when the aggregate was given a price list). */
export const costViewSchema = z.strictObject({
  priceList: z.strictObject({
    name: z.string().max(PRICE_LIMITS.nameMax),
    priceYear: z.number().int().min(PRICE_LIMITS.yearMin).max(PRICE_LIMITS.yearMax),
  }),
  perJourney: z.strictObject({
    asIs: costStatsCell,
    asIsWithToBe: costStatsCell,
    toBe: costStatsCell,
  }),
  total: z.strictObject(costFigures),
  bySector: z.array(z.strictObject({ sector: z.enum(SECTORS), ...costFigures })),
  byPayer: z.array(z.strictObject({ payer: z.enum(PAYERS), ...costFigures })),
  whoPaysWhoSaves: z.array(
    z.strictObject({ payer: z.enum(PAYERS), sector: z.enum(SECTORS), cell: kronerCell }),
  ),
  unpriced: z.strictObject({ asIs: unpricedSchema, toBe: unpricedSchema }),
});

/** The aggregate as it crosses from the main process to the window: only suppressed figures. */
export const aggregateSchema = z.strictObject({
  k: kSchema,
  map: z.enum(['asIs', 'toBe']),
  cohort: cellSchema(z.number().int()),
  suppressed: z.enum(['cohort_small', 'complement_small']).nullable(),
  processMap: graphSchema,
  processMapDetailed: graphSchema,
  variants: z.array(z.strictObject({ sequence: z.array(code), cell: nullCell })),
  otherVariantsHidden: z.boolean(),
  beginnings: z.array(z.strictObject({ sequence: z.array(code), cell: nullCell })),
  otherBeginningsHidden: z.boolean(),
  handovers: pairCell(z.strictObject({ brokenShare: num, medianWaitingDays: num })),
  emotionBySector: z.array(
    z.strictObject({ sector: code, cell: cellSchema(z.strictObject({ median: z.number() })) }),
  ),
  emotionByContact: z.array(
    z.strictObject({
      sector: code,
      contactType: code.nullable(),
      cell: cellSchema(z.strictObject({ median: z.number() })),
    }),
  ),
  emotionDrops: pairCell(z.strictObject({ medianChange: z.number() })),
  emotionDropsHidden: z.number().int().nonnegative(),
  painCategories: z.array(z.strictObject({ category: code, cell: nullCell })),
  painByAim: aimCell,
  ideas: aimCell,
  services: z.array(z.strictObject({ serviceCode: code, cell: nullCell })),
  contactsPerJourney: distributionSchema,
  journeyLength: distributionSchema,
  cost: costViewSchema.optional(),
}) satisfies z.ZodType<Aggregate>;
