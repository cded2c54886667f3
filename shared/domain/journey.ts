import { z } from 'zod';

/** Limits that protect the database and the UI from runaway input (e.g. 1 MB pasted into a field). */
export const LIMITS = {
  aliasMax: 80,
  touchpointLabelMax: 200,
  searchMax: 80,
  /** Canvas coordinates: far beyond any real map, small enough to stay exact as REAL. */
  coordinateAbsMax: 1_000_000,
} as const;

/** Ids are opaque random UUIDs generated in the main process. */
export const idSchema = z.uuid();

/** ISO 8601 timestamp as stored in the database (UTC, milliseconds). */
export const timestampSchema = z.iso.datetime();

/**
 * An alias is the only name a journey has on screen. Leading/trailing whitespace is dropped and
 * runs of whitespace collapsed, so "  Anna " and "Anna" are the same alias to the eye and the DB.
 */
export const aliasSchema = z
  .string()
  .transform((s) => s.replace(/\s+/g, ' ').trim())
  .pipe(z.string().min(1).max(LIMITS.aliasMax));

export const touchpointLabelSchema = z
  .string()
  .max(LIMITS.touchpointLabelMax)
  .transform((s) => s.replace(/[\r\n\t]+/g, ' '));

export const coordinateSchema = z
  .number()
  .finite()
  .min(-LIMITS.coordinateAbsMax)
  .max(LIMITS.coordinateAbsMax);

export const journeySchema = z.strictObject({
  id: idSchema,
  alias: z.string(),
  archived: z.boolean(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Journey = z.infer<typeof journeySchema>;

export const journeySummarySchema = journeySchema.extend({
  touchpointCount: z.number().int().nonnegative(),
  /** The latest change to the journey or anything in it. */
  lastChangedAt: timestampSchema,
});
export type JourneySummary = z.infer<typeof journeySummarySchema>;

export const touchpointSchema = z.strictObject({
  id: idSchema,
  journeyId: idSchema,
  label: z.string(),
  x: z.number(),
  y: z.number(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Touchpoint = z.infer<typeof touchpointSchema>;

export const transitionSchema = z.strictObject({
  id: idSchema,
  journeyId: idSchema,
  sourceId: idSchema,
  targetId: idSchema,
  createdAt: timestampSchema,
});
export type Transition = z.infer<typeof transitionSchema>;

export const journeyDetailSchema = z.strictObject({
  journey: journeySchema,
  touchpoints: z.array(touchpointSchema),
  transitions: z.array(transitionSchema),
});
export type JourneyDetail = z.infer<typeof journeyDetailSchema>;
