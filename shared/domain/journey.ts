import { z } from 'zod';
import {
  CONTACT_TYPES,
  HANDOVER_QUALITIES,
  INITIATORS,
  MAPS,
  PAIN_CATEGORIES,
  SECTORS,
  TRANSITION_KINDS,
} from '../vocabulary';
import { multiLineText, oneLineText } from './text';

/** Limits that protect the database and the UI from runaway input (e.g. 1 MB pasted into a field). */
export const LIMITS = {
  aliasMax: 80,
  touchpointLabelMax: 200,
  searchMax: 80,
  /** Canvas coordinates: far beyond any real map, small enough to stay exact as REAL. */
  coordinateAbsMax: 1_000_000,
  /** Free text such as a quote or a pain point: generous, but not a pasted book. */
  textMax: 2000,
  serviceCodeMax: 60,
  /** A hundred years, in days. */
  daysMax: 36_500,
  repetitionsMax: 10_000,
  yearMin: 1900,
  yearMax: 2100,
} as const;

/** Ids are opaque random UUIDs generated in the main process. */
export const idSchema = z.uuid();

/** ISO 8601 timestamp as stored in the database (UTC, milliseconds). */
export const timestampSchema = z.iso.datetime();

/**
 * An alias is the only name a journey has on screen. Leading/trailing whitespace is dropped and
 * runs of whitespace collapsed, so "  Anna " and "Anna" are the same alias to the eye and the DB.
 * Text limits count characters as the database's CHECKs do, and control characters are refused
 * (see ./text.ts).
 */
export const aliasSchema = oneLineText({ min: 1, max: LIMITS.aliasMax, collapse: true });

/** Saved while it is typed: line breaks become spaces, but nothing is trimmed. */
export const touchpointLabelSchema = oneLineText({ max: LIMITS.touchpointLabelMax });

export const coordinateSchema = z
  .number()
  .finite()
  .min(-LIMITS.coordinateAbsMax)
  .max(LIMITS.coordinateAbsMax);

/** Free text (a quote, a note, a pain point): multi-line. */
export const textSchema = multiLineText({ max: LIMITS.textMax });
export const sectorSchema = z.enum(SECTORS);
export const contactTypeSchema = z.enum(CONTACT_TYPES);
export const initiatorSchema = z.enum(INITIATORS);
export const mapKindSchema = z.enum(MAPS);
export const transitionKindSchema = z.enum(TRANSITION_KINDS);
export const handoverQualitySchema = z.enum(HANDOVER_QUALITIES);
export const painCategorySchema = z.enum(PAIN_CATEGORIES);
export const emotionSchema = z.number().int().min(-2).max(2);
export const serviceCodeSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  .max(LIMITS.serviceCodeMax);
export const daysSchema = z.number().finite().min(0).max(LIMITS.daysMax);
export const repetitionsSchema = z.number().int().min(1).max(LIMITS.repetitionsMax);

/** True for a real calendar date `YYYY-MM-DD` or month `YYYY-MM` within the supported years. */
export function isValidPathwayDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (year < LIMITS.yearMin || year > LIMITS.yearMax || month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** A touchpoint's date: a day (`2026-03-14`) or a month (`2026-03`); null when unknown. */
export const pathwayDateSchema = z.string().refine(isValidPathwayDate, { message: 'invalid date' });
export type DatePrecision = 'day' | 'month' | 'unknown';
export function precisionOf(date: string | null): DatePrecision {
  return date === null ? 'unknown' : date.length === 10 ? 'day' : 'month';
}

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
  map: mapKindSchema,
  label: z.string(),
  x: z.number(),
  y: z.number(),
  sector: sectorSchema,
  serviceCode: z.string().nullable(),
  contactType: contactTypeSchema.nullable(),
  date: z.string().nullable(),
  datePrecision: z.enum(['day', 'month', 'unknown']),
  durationDays: z.number().nullable(),
  repetitions: z.number().int().nullable(),
  initiatedBy: initiatorSchema.nullable(),
  emotion: emotionSchema.nullable(),
  whatWorked: z.string(),
  quote: z.string(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Touchpoint = z.infer<typeof touchpointSchema>;

/** The editable fields of a touchpoint; every one optional in a patch, nullable where unknown is allowed. */
export const touchpointPatchSchema = z.strictObject({
  label: touchpointLabelSchema.optional(),
  x: coordinateSchema.optional(),
  y: coordinateSchema.optional(),
  sector: sectorSchema.optional(),
  serviceCode: serviceCodeSchema.nullable().optional(),
  contactType: contactTypeSchema.nullable().optional(),
  date: pathwayDateSchema.nullable().optional(),
  durationDays: daysSchema.nullable().optional(),
  repetitions: repetitionsSchema.nullable().optional(),
  initiatedBy: initiatorSchema.nullable().optional(),
  emotion: emotionSchema.nullable().optional(),
  whatWorked: textSchema.optional(),
  quote: textSchema.optional(),
});
export type TouchpointPatch = z.infer<typeof touchpointPatchSchema>;

export const transitionSchema = z.strictObject({
  id: idSchema,
  journeyId: idSchema,
  map: mapKindSchema,
  sourceId: idSchema,
  targetId: idSchema,
  kind: transitionKindSchema,
  quality: handoverQualitySchema.nullable(),
  waitingDays: z.number().nullable(),
  note: z.string(),
  createdAt: timestampSchema,
});

export const transitionPatchSchema = z.strictObject({
  kind: transitionKindSchema.optional(),
  quality: handoverQualitySchema.nullable().optional(),
  waitingDays: daysSchema.nullable().optional(),
  note: textSchema.optional(),
});
export type TransitionPatch = z.infer<typeof transitionPatchSchema>;

export const painPointSchema = z.strictObject({
  id: idSchema,
  touchpointId: idSchema,
  category: painCategorySchema,
  text: z.string(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type PainPoint = z.infer<typeof painPointSchema>;

export const painPointPatchSchema = z.strictObject({
  category: painCategorySchema.optional(),
  text: textSchema.optional(),
});
export type PainPointPatch = z.infer<typeof painPointPatchSchema>;
export type Transition = z.infer<typeof transitionSchema>;

/*
 * Items put back exactly as they were (undo of a delete, with their ids): each stored field is
 * checked as an edit checks it, so what the tables' CHECKs refuse (a 201-character label, a
 * negative duration, a transition to itself) is a validation error here, never a failed write.
 */
export const touchpointRestoreSchema = touchpointSchema.extend({
  label: touchpointLabelSchema,
  x: coordinateSchema,
  y: coordinateSchema,
  serviceCode: serviceCodeSchema.nullable(),
  date: pathwayDateSchema.nullable(),
  durationDays: daysSchema.nullable(),
  repetitions: repetitionsSchema.nullable(),
  whatWorked: textSchema,
  quote: textSchema,
});
export const transitionRestoreSchema = transitionSchema
  .extend({ waitingDays: daysSchema.nullable(), note: textSchema })
  .refine((t) => t.sourceId !== t.targetId, {
    message: 'a transition needs two different touchpoints',
    path: ['targetId'],
  });
export const painPointRestoreSchema = painPointSchema.extend({ text: textSchema });

export const journeyDetailSchema = z.strictObject({
  journey: journeySchema,
  touchpoints: z.array(touchpointSchema),
  transitions: z.array(transitionSchema),
  painPoints: z.array(painPointSchema),
});
export type JourneyDetail = z.infer<typeof journeyDetailSchema>;
