import { z } from 'zod';
import {
  AIMS,
  CONDITION_GROUPS,
  CONTACT_TYPES,
  EMPLOYMENT,
  HANDOVER_QUALITIES,
  HOUSEHOLDS,
  INITIATORS,
  MUNICIPALITIES,
  PAIN_CATEGORIES,
  SECTORS,
  SEXES,
  TRANSITION_KINDS,
  VOCABULARY_VERSION,
} from '../vocabulary';

/**
 * The anonymised pathway model, version 1: the only thing about a citizen that leaves the
 * laptop. Every object is strict, so no field the schema does not name (a name, an address, a
 * database id) can ride along; there is no field for any direct identifier.
 */
export const MODEL_FORMAT = 'forloebsvaerksted.pathway-model';
export const MODEL_SCHEMA_VERSION = '1.0.0';

export const AGE_BANDS = [
  '0-19',
  '20-29',
  '30-39',
  '40-49',
  '50-59',
  '60-69',
  '70-79',
  '80+',
] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export const ANONYMISATION_PROFILES = ['codes-only', 'codes-and-reviewed-texts'] as const;
export type AnonymisationProfile = (typeof ANONYMISATION_PROFILES)[number];

/** A reference inside one model (t1, t2 …), in time order; never derived from a database id. */
const refSchema = z.string().regex(/^[tpi][1-9][0-9]{0,5}$/);

/**
 * The number of a ref as the app writes it (`t` and digits, no leading zero: `t12` is 12); -1 for
 * any other, which is then looked up by its text. Read digit by digit: a model has hundreds of
 * refs, and cutting each out to convert it took two thirds of `brokenRef`'s time. The checks
 * (`brokenRef`) and the fold (a journey's refs by their number) read refs with it.
 */
export function refNumber(ref: string): number {
  const n = ref.length;
  if (n < 2 || n > 7 || ref.charCodeAt(0) !== 116 || ref.charCodeAt(1) === 48) return -1;
  let value = 0;
  for (let i = 1; i < n; i++) {
    const d = ref.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/**
 * Text that holds no half of a character: no UTF-16 surrogate alone (JSON can spell one, `\ud800`;
 * UTF-8 cannot encode it, and the event logs made from a model would carry it to tools that
 * refuse it or write U+FFFD). With the `u` flag a pair is one character outside the range, so
 * only a lone half fails; JSON Schema validators read the pattern the same way.
 */
export const WELL_FORMED_TEXT = /^[^\ud800-\udfff]*$/u;
const reviewedText = z.string().min(1).max(2000).regex(WELL_FORMED_TEXT);
const days = z.number().int().min(-36_500).max(36_500);

export const modelPainPointSchema = z.strictObject({
  category: z.enum(PAIN_CATEGORIES),
  text: reviewedText.optional(),
});

export const modelTouchpointSchema = z.strictObject({
  ref: refSchema,
  sector: z.enum(SECTORS),
  serviceCode: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
    .max(60)
    .nullable(),
  contactType: z.enum(CONTACT_TYPES).nullable(),
  /** Whole days since the journey's first dated event; null when the date is not known. */
  day: days.nullable(),
  datePrecision: z.enum(['day', 'month', 'unknown']),
  durationDays: z.number().min(0).max(36_500).nullable(),
  repetitions: z.number().int().min(1).max(10_000).nullable(),
  initiatedBy: z.enum(INITIATORS).nullable(),
  emotion: z.number().int().min(-2).max(2).nullable(),
  painPoints: z.array(modelPainPointSchema).max(100),
  whatWorked: z.boolean(),
  quote: reviewedText.optional(),
});
export type ModelTouchpoint = z.infer<typeof modelTouchpointSchema>;

export const modelTransitionSchema = z.strictObject({
  from: refSchema,
  to: refSchema,
  kind: z.enum(TRANSITION_KINDS),
  quality: z.enum(HANDOVER_QUALITIES).nullable(),
  waitingDays: z.number().min(0).max(36_500).nullable(),
});

/** The most touchpoints one map of a model holds. */
export const MAX_MAP_TOUCHPOINTS = 10_000;

export const modelPathwaySchema = z.strictObject({
  touchpoints: z.array(modelTouchpointSchema).max(MAX_MAP_TOUCHPOINTS),
  transitions: z.array(modelTransitionSchema).max(20_000),
});
export type ModelPathway = z.infer<typeof modelPathwaySchema>;

export const modelIdeaSchema = z.strictObject({
  aims: z.array(z.enum(AIMS)).max(AIMS.length),
  painCategories: z.array(z.enum(PAIN_CATEGORIES)).max(PAIN_CATEGORIES.length),
  touchpointRefs: z.array(refSchema).max(500),
  text: reviewedText.optional(),
});

export const modelCohortSchema = z.strictObject({
  ageBand: z.enum(AGE_BANDS).nullable(),
  sex: z.enum(SEXES).nullable(),
  municipality: z.enum(MUNICIPALITIES).nullable(),
  household: z.enum(HOUSEHOLDS).nullable(),
  employment: z.enum(EMPLOYMENT).nullable(),
  conditionGroups: z.array(z.enum(CONDITION_GROUPS)).max(CONDITION_GROUPS.length),
});

export const pathwayModelSchema = z.strictObject({
  format: z.literal(MODEL_FORMAT),
  schemaVersion: z.literal(MODEL_SCHEMA_VERSION),
  vocabularyVersion: z.literal(VOCABULARY_VERSION),
  /**
   * A UUID in lower case, as every export writes it: the same export in upper case would
   * otherwise be taken for another, and one citizen counted twice towards k.
   */
  exportId: z.stringFormat(
    'uuid',
    /^([0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/,
  ),
  /** The month of export only (YYYY-MM). */
  exportMonth: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  anonymisationProfile: z.enum(ANONYMISATION_PROFILES),
  cohort: modelCohortSchema,
  asIs: modelPathwaySchema,
  toBe: modelPathwaySchema,
  ideas: z.array(modelIdeaSchema).max(1000),
  /** sha256 of the canonical JSON of everything above. */
  checksum: z.string().regex(/^sha256:[0-9a-f]{64}$/),
});
export type PathwayModel = z.infer<typeof pathwayModelSchema>;

const sortedKeys = (schema: { shape: object }) => Object.keys(schema.shape).sort();
const KEYS = {
  model: sortedKeys(pathwayModelSchema).filter((k) => k !== 'checksum'),
  cohort: sortedKeys(modelCohortSchema),
  pathway: sortedKeys(modelPathwaySchema),
  touchpoint: sortedKeys(modelTouchpointSchema),
  painPoint: sortedKeys(modelPainPointSchema),
  transition: sortedKeys(modelTransitionSchema),
  idea: sortedKeys(modelIdeaSchema),
};

type Writers = Record<string, (value: never) => string>;

/** An object with its keys in the given (sorted) order; values with no writer are plain JSON. */
function writeObject(value: object, keys: readonly string[], writers: Writers = {}): string {
  const record = value as Record<string, unknown>;
  let out = '{';
  for (const k of keys) {
    const v = record[k];
    if (v === undefined) continue;
    const write = writers[k] as ((v: unknown) => string) | undefined;
    // Schema keys are plain names: quoting them needs no escaping.
    out += `${out.length > 1 ? ',' : ''}"${k}":${write ? write(v) : JSON.stringify(v)}`;
  }
  return `${out}}`;
}

const writeArray = <T>(items: T[], write: (item: T) => string) => `[${items.map(write).join(',')}]`;

const writePathway = (p: ModelPathway) =>
  writeObject(p, KEYS.pathway, {
    touchpoints: (tps: ModelTouchpoint[]) =>
      writeArray(tps, (t) =>
        writeObject(t, KEYS.touchpoint, {
          painPoints: (pps: ModelTouchpoint['painPoints']) =>
            writeArray(pps, (pp) => writeObject(pp, KEYS.painPoint)),
        }),
      ),
    transitions: (trs: ModelPathway['transitions']) =>
      writeArray(trs, (tr) => writeObject(tr, KEYS.transition)),
  });

/**
 * The canonical JSON of a model's content (everything but its checksum), for a model that has
 * passed the strict schema. Equal to `canonicalJson` of the same content (a test checks it), but
 * it knows the keys of each kind of object, so it sorts and copies nothing: it runs over every
 * imported model.
 */
export function canonicalModelJson(model: Omit<PathwayModel, 'checksum'>): string {
  return writeObject(model, KEYS.model, {
    cohort: (c: PathwayModel['cohort']) => writeObject(c, KEYS.cohort),
    asIs: writePathway,
    toBe: writePathway,
    ideas: (ideas: PathwayModel['ideas']) => writeArray(ideas, (i) => writeObject(i, KEYS.idea)),
  });
}
