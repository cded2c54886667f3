import { z } from 'zod';
import {
  AIMS,
  CONDITION_GROUPS,
  EMPLOYMENT,
  GOAL_CATEGORIES,
  HOUSEHOLDS,
  MUNICIPALITIES,
  SEXES,
  WORKSHOP_ROLES,
} from '../vocabulary';
import {
  LIMITS,
  idSchema,
  isValidPathwayDate,
  mapKindSchema,
  painPointSchema,
  textSchema,
  timestampSchema,
  touchpointSchema,
  transitionSchema,
} from './journey';
import { oneLineText } from './text';

/** A calendar day `YYYY-MM-DD` (consent dates, workshop dates). */
export const daySchema = z
  .string()
  .length(10)
  .refine(isValidPathwayDate, { message: 'invalid date' });

const NAME_MAX = 80;
const nameSchema = oneLineText({ max: NAME_MAX, collapse: true });

/**
 * The citizen's profile, kept only on this laptop. The real name and the relatives' names are
 * never exported: they exist so the export can scrub them from free text.
 */
export const profileSchema = z.strictObject({
  journeyId: idSchema,
  realName: z.string(),
  relativesNames: z.array(z.string()),
  birthYear: z.number().int().nullable(),
  sex: z.enum(SEXES).nullable(),
  municipality: z.enum(MUNICIPALITIES).nullable(),
  household: z.enum(HOUSEHOLDS).nullable(),
  employment: z.enum(EMPLOYMENT).nullable(),
  conditionGroups: z.array(z.enum(CONDITION_GROUPS)),
  consentWorkshop: z.boolean(),
  consentWorkshopDate: z.string().nullable(),
  consentExport: z.boolean(),
  consentExportDate: z.string().nullable(),
  consentQuotes: z.boolean(),
  consentQuotesDate: z.string().nullable(),
  updatedAt: timestampSchema.nullable(),
});
export type Profile = z.infer<typeof profileSchema>;

export const profilePatchSchema = z.strictObject({
  realName: nameSchema.optional(),
  relativesNames: z
    .array(oneLineText({ min: 1, max: NAME_MAX, collapse: true }))
    .max(20)
    .optional(),
  birthYear: z.number().int().min(LIMITS.yearMin).max(LIMITS.yearMax).nullable().optional(),
  sex: z.enum(SEXES).nullable().optional(),
  municipality: z.enum(MUNICIPALITIES).nullable().optional(),
  household: z.enum(HOUSEHOLDS).nullable().optional(),
  employment: z.enum(EMPLOYMENT).nullable().optional(),
  conditionGroups: z
    .array(z.enum(CONDITION_GROUPS))
    .max(CONDITION_GROUPS.length)
    .refine((a) => new Set(a).size === a.length, { message: 'duplicate condition group' })
    .optional(),
  consentWorkshop: z.boolean().optional(),
  consentWorkshopDate: daySchema.nullable().optional(),
  consentExport: z.boolean().optional(),
  consentExportDate: daySchema.nullable().optional(),
  consentQuotes: z.boolean().optional(),
  consentQuotesDate: daySchema.nullable().optional(),
});
export type ProfilePatch = z.infer<typeof profilePatchSchema>;

export const workshopSchema = z.strictObject({
  id: idSchema,
  journeyId: idSchema,
  date: z.string(),
  place: z.string(),
  roles: z.array(z.enum(WORKSHOP_ROLES)),
  notes: z.string(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Workshop = z.infer<typeof workshopSchema>;

export const workshopPatchSchema = z.strictObject({
  date: daySchema.optional(),
  place: oneLineText({ max: 120 }).optional(),
  roles: z
    .array(z.enum(WORKSHOP_ROLES))
    .refine((a) => new Set(a).size === a.length, { message: 'duplicate role' })
    .optional(),
  notes: textSchema.optional(),
});
export type WorkshopPatch = z.infer<typeof workshopPatchSchema>;

/** "What matters to me": the citizen's goals, on the as-is or the to-be map. */
export const goalSchema = z.strictObject({
  id: idSchema,
  journeyId: idSchema,
  category: z.enum(GOAL_CATEGORIES),
  text: z.string(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Goal = z.infer<typeof goalSchema>;
export const goalPatchSchema = z.strictObject({
  category: z.enum(GOAL_CATEGORIES).optional(),
  text: textSchema.optional(),
});

/** An idea or opportunity for the to-be pathway, tagged with the partnership's aims. */
export const ideaSchema = z.strictObject({
  id: idSchema,
  journeyId: idSchema,
  text: z.string(),
  aims: z.array(z.enum(AIMS)),
  touchpointIds: z.array(idSchema),
  painPointIds: z.array(idSchema),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Idea = z.infer<typeof ideaSchema>;
export const ideaPatchSchema = z.strictObject({
  text: textSchema.optional(),
  aims: z
    .array(z.enum(AIMS))
    .refine((a) => new Set(a).size === a.length, { message: 'duplicate aim' })
    .optional(),
  touchpointIds: z.array(idSchema).max(500).optional(),
  painPointIds: z.array(idSchema).max(500).optional(),
});
export type IdeaPatch = z.infer<typeof ideaPatchSchema>;

/** Everything on the maps at one moment, as kept in a named snapshot. */
export const snapshotContentSchema = z.strictObject({
  touchpoints: z.array(touchpointSchema),
  transitions: z.array(transitionSchema),
  painPoints: z.array(painPointSchema),
  goals: z.array(goalSchema),
  ideas: z.array(ideaSchema),
});
export type SnapshotContent = z.infer<typeof snapshotContentSchema>;

export const snapshotSummarySchema = z.strictObject({
  id: idSchema,
  journeyId: idSchema,
  name: z.string(),
  createdAt: timestampSchema,
  touchpointCount: z.number().int().nonnegative(),
});
export type SnapshotSummary = z.infer<typeof snapshotSummarySchema>;
export const snapshotSchema = snapshotSummarySchema.extend({ content: snapshotContentSchema });
export type Snapshot = z.infer<typeof snapshotSchema>;

export const snapshotNameSchema = oneLineText({ min: 1, max: 80, collapse: true });

export { mapKindSchema };
