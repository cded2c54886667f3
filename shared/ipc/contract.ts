import { z } from 'zod';
import {
  LIMITS,
  aliasSchema,
  coordinateSchema,
  idSchema,
  journeyDetailSchema,
  journeySchema,
  journeySummarySchema,
  mapKindSchema,
  painCategorySchema,
  painPointPatchSchema,
  painPointRestoreSchema,
  painPointSchema,
  sectorSchema,
  serviceCodeSchema,
  contactTypeSchema,
  textSchema,
  timestampSchema,
  touchpointLabelSchema,
  touchpointPatchSchema,
  touchpointRestoreSchema,
  touchpointSchema,
  transitionKindSchema,
  transitionPatchSchema,
  transitionRestoreSchema,
  transitionSchema,
} from '../domain/journey';
import { catalogueLabelSchema, serviceSchema } from '../catalogue';
import { PRICE_LIMITS, priceListSchema, priceRowSchema } from '../economy/prices';
import { priceImportResultSchema, priceKeySchema, pricePatchSchema } from '../economy/price-edits';
import { MASK_KINDS } from '../model/mask-token';
import {
  daySchema,
  goalPatchSchema,
  goalSchema,
  ideaPatchSchema,
  ideaSchema,
  profilePatchSchema,
  profileSchema,
  snapshotNameSchema,
  snapshotSchema,
  snapshotSummarySchema,
  workshopPatchSchema,
  workshopSchema,
} from '../domain/workshop';
import { aggregateSchema, cohortFilterSchema, kSchema } from '../analysis/schema';
import { AGE_BANDS, pathwayModelSchema } from '../model/pathway-model';
import { IMPORT_REASONS, MAX_MODEL_BYTES } from '../model/limits';
import { AIMS, CONDITION_GROUPS, GOAL_CATEGORIES, MUNICIPALITIES, SEXES } from '../vocabulary';
import {
  moveHistorySchema,
  moveInInputSchema,
  moveInResultSchema,
  moveOutInputSchema,
  moveOutResultSchema,
} from '../transfer/moved-journey';
import { startupStatusSchema, unlockInputSchema, unlockResultSchema } from '../domain/startup';
import {
  backupNameSchema,
  backupPassphraseSchema,
  backupSummarySchema,
  chosenFileSchema,
  forgetOutcomeSchema,
  journeyInBackupsSchema,
  PASSPHRASE_MAX,
  restoreOutcomeSchema,
  writeToOutcomeSchema,
} from '../domain/backup';
import type { Channel } from './channels';

export const languageSchema = z.enum(['da', 'en']);
export type Language = z.infer<typeof languageSchema>;

export const settingsSchema = z.strictObject({ language: languageSchema });
export type Settings = z.infer<typeof settingsSchema>;

const byId = z.strictObject({ id: idSchema });

/** Files per import call: the window sends a folder in batches and shows progress between them. */
export const IMPORT_BATCH_FILES = 100;
const importResultSchema = z.strictObject({
  file: z.string(),
  status: z.enum(['imported', 'duplicate', 'rejected']),
  reason: z.enum(IMPORT_REASONS).optional(),
  exportId: z.uuid().optional(),
});
export type ImportResult = z.infer<typeof importResultSchema>;
const programModelSchema = z.strictObject({
  exportId: z.uuid(),
  /** The name the app gives the model's export, never the imported file's own (`listedName`). */
  fileName: z.string(),
  importedAt: timestampSchema,
  exportMonth: z.string(),
  ageBand: z.enum(AGE_BANDS).nullable(),
  sex: z.enum(SEXES).nullable(),
  municipality: z.enum(MUNICIPALITIES).nullable(),
  conditionGroups: z.array(z.enum(CONDITION_GROUPS)),
  touchpointCount: z.number().int().min(0),
});
export type ProgramModel = z.infer<typeof programModelSchema>;
/** The key of a free text reviewed one by one for export (e.g. `pain:<uuid>`). */
const textKeySchema = z.string().regex(/^(quote|pain|idea):[0-9a-f-]{36}$/);
const reviewTextSchema = z.strictObject({
  key: z.string(),
  kind: z.enum(['quote', 'pain', 'idea']),
  original: z.string(),
  scrubbed: z.string(),
  masks: z.array(
    z.strictObject({
      kind: z.enum(MASK_KINDS),
      start: z.number().int(),
      end: z.number().int(),
      original: z.string(),
      /** A guess (a word not known as Danish, a capitalised word) the facilitator may unmask. */
      unmaskable: z.boolean(),
    }),
  ),
  /** Words of this text the facilitator unmasked when approving it; they lapse with the approval. */
  unmasked: z.array(z.string()),
  allowed: z.boolean(),
  approved: z.boolean(),
});
const nonEmpty = (p: object) => Object.keys(p).length > 0;
const deleted = z.strictObject({ id: idSchema, deleted: z.literal(true) });

/**
 * Every channel's input and output schema. Inputs are strict: an unknown field is a validation
 * error, so nothing can ride along into the database. Outputs are validated too, so a handler
 * cannot leak a field the renderer was never meant to see.
 */
export const contract = {
  'startup:status': { input: z.strictObject({}), output: startupStatusSchema },
  'startup:unlock': { input: unlockInputSchema, output: unlockResultSchema },
  'settings:get': { input: z.strictObject({}), output: settingsSchema },
  'settings:set': { input: settingsSchema, output: settingsSchema },
  'catalogue:list': { input: z.strictObject({}), output: z.array(serviceSchema) },
  'catalogue:create': {
    input: z.strictObject({
      sector: sectorSchema,
      defaultContactType: contactTypeSchema,
      label: catalogueLabelSchema,
    }),
    output: serviceSchema,
  },
  'catalogue:update': {
    input: z.strictObject({
      code: serviceCodeSchema,
      patch: z
        .strictObject({
          defaultContactType: contactTypeSchema.optional(),
          label: catalogueLabelSchema.optional(),
          hidden: z.boolean().optional(),
        })
        .refine(nonEmpty, { message: 'empty patch' }),
    }),
    output: serviceSchema,
  },
  'prices:get': { input: z.strictObject({}), output: priceListSchema },
  'prices:update': {
    input: z.strictObject({ key: priceKeySchema, patch: pricePatchSchema }),
    output: priceRowSchema,
  },
  'prices:importCsv': {
    input: z.strictObject({ text: z.string().max(PRICE_LIMITS.csvCharsMax) }),
    output: priceImportResultSchema,
  },
  'prices:exportCsv': { input: z.strictObject({}), output: z.strictObject({ text: z.string() }) },
  'prices:reset': { input: z.strictObject({}), output: priceListSchema },
  'journeys:list': {
    input: z.strictObject({
      query: z.string().max(LIMITS.searchMax).optional(),
      includeArchived: z.boolean().optional(),
    }),
    output: z.array(journeySummarySchema),
  },
  'journeys:create': { input: z.strictObject({ alias: aliasSchema }), output: journeySchema },
  'journeys:rename': {
    input: z.strictObject({ id: idSchema, alias: aliasSchema }),
    output: journeySchema,
  },
  'journeys:setArchived': {
    input: z.strictObject({ id: idSchema, archived: z.boolean() }),
    output: journeySchema,
  },
  'journeys:delete': { input: byId, output: deleted },
  'journeys:get': { input: byId, output: journeyDetailSchema },
  'journeys:restoreItems': {
    input: z.strictObject({
      journeyId: idSchema,
      touchpoints: z.array(touchpointRestoreSchema).max(10_000),
      transitions: z.array(transitionRestoreSchema).max(10_000),
      painPoints: z.array(painPointRestoreSchema).max(10_000),
      // Undo of a deleted goal, idea or workshop puts the row back with its id, like the map's.
      // Each stored field is checked as an edit checks it.
      goals: z
        .array(goalSchema.extend({ text: textSchema }))
        .max(10_000)
        .optional(),
      ideas: z
        .array(ideaSchema.extend({ text: textSchema, aims: ideaPatchSchema.shape.aims.unwrap() }))
        .max(10_000)
        .optional(),
      workshops: z
        .array(
          workshopSchema.extend({
            date: daySchema,
            place: workshopPatchSchema.shape.place.unwrap(),
            notes: textSchema,
          }),
        )
        .max(10_000)
        .optional(),
    }),
    output: z.strictObject({ restored: z.number().int().nonnegative() }),
  },
  // Moving a journey to another laptop (shared/transfer/moved-journey.ts): the passphrase
  // crosses IPC only as an argument of these two calls, and is never stored or logged.
  'journeys:moveOut': { input: moveOutInputSchema, output: moveOutResultSchema },
  'journeys:moveIn': { input: moveInInputSchema, output: moveInResultSchema },
  'journeys:moveHistory': {
    input: z.strictObject({ journeyId: idSchema }),
    output: moveHistorySchema,
  },
  'touchpoints:create': {
    input: z.strictObject({
      journeyId: idSchema,
      map: mapKindSchema.optional(),
      label: touchpointLabelSchema.optional(),
      sector: sectorSchema.optional(),
      serviceCode: serviceCodeSchema.optional(),
      contactType: contactTypeSchema.optional(),
      x: coordinateSchema,
      y: coordinateSchema,
    }),
    output: touchpointSchema,
  },
  'touchpoints:update': {
    input: z.strictObject({
      id: idSchema,
      patch: touchpointPatchSchema.refine(nonEmpty, { message: 'empty patch' }),
    }),
    output: touchpointSchema,
  },
  'touchpoints:delete': { input: byId, output: deleted },
  'transitions:create': {
    input: z
      .strictObject({
        journeyId: idSchema,
        sourceId: idSchema,
        targetId: idSchema,
        kind: transitionKindSchema.optional(),
      })
      .refine((t) => t.sourceId !== t.targetId, {
        message: 'a transition needs two different touchpoints',
        path: ['targetId'],
      }),
    output: transitionSchema,
  },
  'transitions:update': {
    input: z.strictObject({
      id: idSchema,
      patch: transitionPatchSchema.refine(nonEmpty, { message: 'empty patch' }),
    }),
    output: transitionSchema,
  },
  'transitions:delete': { input: byId, output: deleted },
  'painPoints:create': {
    input: z.strictObject({
      touchpointId: idSchema,
      category: painCategorySchema,
      text: textSchema.optional(),
    }),
    output: painPointSchema,
  },
  'painPoints:update': {
    input: z.strictObject({
      id: idSchema,
      patch: painPointPatchSchema.refine(nonEmpty, { message: 'empty patch' }),
    }),
    output: painPointSchema,
  },
  'painPoints:delete': { input: byId, output: deleted },

  'profile:get': { input: z.strictObject({ journeyId: idSchema }), output: profileSchema },
  'profile:update': {
    input: z.strictObject({
      journeyId: idSchema,
      patch: profilePatchSchema.refine(nonEmpty, { message: 'empty patch' }),
    }),
    output: profileSchema,
  },
  'workshops:list': {
    input: z.strictObject({ journeyId: idSchema }),
    output: z.array(workshopSchema),
  },
  'workshops:create': {
    input: z.strictObject({ journeyId: idSchema, date: daySchema }),
    output: workshopSchema,
  },
  'workshops:update': {
    input: z.strictObject({
      id: idSchema,
      patch: workshopPatchSchema.refine(nonEmpty, { message: 'empty patch' }),
    }),
    output: workshopSchema,
  },
  'workshops:delete': { input: byId, output: deleted },
  'goals:list': { input: z.strictObject({ journeyId: idSchema }), output: z.array(goalSchema) },
  'goals:create': {
    input: z.strictObject({
      journeyId: idSchema,
      category: z.enum(GOAL_CATEGORIES),
      text: textSchema.optional(),
    }),
    output: goalSchema,
  },
  'goals:update': {
    input: z.strictObject({
      id: idSchema,
      patch: goalPatchSchema.refine(nonEmpty, { message: 'empty patch' }),
    }),
    output: goalSchema,
  },
  'goals:delete': { input: byId, output: deleted },
  'ideas:list': { input: z.strictObject({ journeyId: idSchema }), output: z.array(ideaSchema) },
  'ideas:create': {
    input: z.strictObject({
      journeyId: idSchema,
      text: textSchema.optional(),
      aims: z.array(z.enum(AIMS)).optional(),
      painPointIds: z.array(idSchema).max(500).optional(),
      touchpointIds: z.array(idSchema).max(500).optional(),
    }),
    output: ideaSchema,
  },
  'ideas:update': {
    input: z.strictObject({
      id: idSchema,
      patch: ideaPatchSchema.refine(nonEmpty, { message: 'empty patch' }),
    }),
    output: ideaSchema,
  },
  'ideas:delete': { input: byId, output: deleted },
  'snapshots:list': {
    input: z.strictObject({ journeyId: idSchema }),
    output: z.array(snapshotSummarySchema),
  },
  'snapshots:create': {
    input: z.strictObject({ journeyId: idSchema, name: snapshotNameSchema }),
    output: snapshotSummarySchema,
  },
  'snapshots:get': { input: byId, output: snapshotSchema },
  'snapshots:restore': {
    input: z.strictObject({ id: idSchema, backupName: snapshotNameSchema }),
    output: z.strictObject({ backup: snapshotSummarySchema }),
  },
  'snapshots:delete': { input: byId, output: deleted },
  'backups:list': { input: z.strictObject({}), output: z.array(backupSummarySchema) },
  'backups:create': { input: z.strictObject({}), output: backupSummarySchema },
  'backups:restore': {
    input: z.strictObject({ name: backupNameSchema }),
    output: restoreOutcomeSchema,
  },
  'backups:writeTo': {
    input: z.strictObject({ passphrase: backupPassphraseSchema }),
    output: writeToOutcomeSchema,
  },
  'backups:chooseFile': { input: z.strictObject({}), output: chosenFileSchema },
  'backups:restoreFile': {
    // Any length: a short one is simply not the file's passphrase (wrong_passphrase), not a form error.
    input: z.strictObject({ passphrase: z.string().min(1).max(PASSPHRASE_MAX) }),
    output: restoreOutcomeSchema,
  },
  'backups:deletedJourneys': {
    input: z.strictObject({}),
    output: z.array(journeyInBackupsSchema),
  },
  'backups:forgetJourney': {
    input: z.strictObject({ journeyId: idSchema }),
    output: forgetOutcomeSchema,
  },
  'export:approve': {
    input: z.strictObject({
      journeyId: idSchema,
      key: textKeySchema,
      approved: z.boolean(),
      /** Masked guesses to leave as written, approved with the text (only unmaskable masks). */
      unmasked: z.array(z.string().min(1).max(200)).max(500).optional(),
    }),
    output: z.strictObject({ key: z.string(), approved: z.boolean() }),
  },
  'export:preview': {
    input: z.strictObject({ journeyId: idSchema }),
    output: z.strictObject({
      consentExport: z.boolean(),
      consentQuotes: z.boolean(),
      texts: z.array(reviewTextSchema),
      model: pathwayModelSchema.nullable(),
    }),
  },
  'export:save': {
    input: z.strictObject({
      journeyId: idSchema,
      formats: z
        .array(z.enum(['model', 'ocel', 'xes', 'csv']))
        .min(1)
        .max(4)
        .refine((a) => new Set(a).size === a.length, { message: 'duplicate format' }),
    }),
    output: z.strictObject({
      cancelled: z.boolean(),
      exportId: z.uuid().nullable(),
      files: z.array(z.string()),
    }),
  },
  'export:history': {
    input: z.strictObject({ journeyId: idSchema }),
    output: z.array(
      z.strictObject({
        exportId: z.uuid(),
        profile: z.string(),
        formats: z.array(z.string()),
        exportedAt: timestampSchema,
      }),
    ),
  },
  'program:import': {
    input: z.strictObject({
      files: z
        .array(
          z.strictObject({
            name: z.string().min(1).max(1000),
            size: z.number().int().min(0),
            // The file's bytes as they are on disk, undecoded: the checking threads decode each
            // as its turn comes, and nothing decodes and encodes them again on the way. Null when
            // the window did not read the file (too large to try, or unreadable).
            bytes: z
              .instanceof(Uint8Array)
              .refine((b) => b.byteLength <= MAX_MODEL_BYTES, 'larger than a model may be')
              .nullable(),
          }),
        )
        .min(1)
        .max(IMPORT_BATCH_FILES),
      // The same for every batch of one import (a folder comes in many): its models are listed as
      // imported at the moment its first batch came.
      importId: z.uuid().optional(),
    }),
    output: z.array(importResultSchema),
  },
  'program:list': { input: z.strictObject({}), output: z.array(programModelSchema) },
  'program:delete': {
    input: z.strictObject({ exportId: z.uuid() }),
    output: z.strictObject({ exportId: z.uuid(), deleted: z.boolean() }),
  },
  'program:deleteAll': {
    input: z.strictObject({}),
    output: z.strictObject({ deleted: z.number().int().min(0) }),
  },
  'program:getK': { input: z.strictObject({}), output: z.strictObject({ k: kSchema }) },
  'program:setK': { input: z.strictObject({ k: kSchema }), output: z.strictObject({ k: kSchema }) },
  'program:aggregate': {
    input: z.strictObject({ filter: cohortFilterSchema }),
    output: aggregateSchema,
  },
} as const satisfies Record<Channel, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
/** What the renderer sends (before parsing, e.g. an untrimmed alias). */
export type InputOf<C extends Channel> = z.input<Contract[C]['input']>;
/** What a handler receives (after parsing). */
export type ParsedInputOf<C extends Channel> = z.output<Contract[C]['input']>;
export type OutputOf<C extends Channel> = z.output<Contract[C]['output']>;
