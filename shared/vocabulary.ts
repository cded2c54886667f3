/**
 * The closed vocabulary, version 1: the key to aggregating many maps. Codes are English and
 * stable; labels live in the translations (`vocab.<list>.<code>`). Never rename or remove a code:
 * add new ones and bump VOCABULARY_VERSION.
 */
export const VOCABULARY_VERSION = 1;

/** Lanes on the canvas, in their default top-to-bottom order. */
export const SECTORS = [
  'citizen',
  'general_practice',
  'hospital',
  'psychiatry',
  'emergency',
  'municipal_care',
  'social_services',
  'employment',
  'pharmacy',
  'civil_society',
  'other',
] as const;
export type Sector = (typeof SECTORS)[number];

export const CONTACT_TYPES = [
  'admission',
  'outpatient_visit',
  'gp_visit',
  'home_visit',
  'phone',
  'video',
  'letter',
  'meeting',
  'emergency_visit',
  'test',
  'treatment',
  'waiting',
  'life_event',
  'self_care',
  'other',
] as const;
export type ContactType = (typeof CONTACT_TYPES)[number];

export const TRANSITION_KINDS = [
  'referral',
  'discharge',
  'handover',
  'information',
  'own_contact',
  'then',
] as const;
export type TransitionKind = (typeof TRANSITION_KINDS)[number];

export const HANDOVER_QUALITIES = ['good', 'mixed', 'broken'] as const;
export type HandoverQuality = (typeof HANDOVER_QUALITIES)[number];

export const PAIN_CATEGORIES = [
  'waiting',
  'coordination',
  'information',
  'access_transport',
  'money',
  'not_listened',
  'retelling',
  'new_faces',
  'own_resources',
  'other',
] as const;
export type PainCategory = (typeof PAIN_CATEGORIES)[number];

export const AIMS = ['health', 'quality', 'economy'] as const;
export type Aim = (typeof AIMS)[number];

export const INITIATORS = ['citizen', 'relative', 'professional', 'system', 'unknown'] as const;
export type Initiator = (typeof INITIATORS)[number];

/** "What matters to me": the citizen's own goals. */
export const GOAL_CATEGORIES = [
  'health',
  'everyday_life',
  'work_education',
  'relations',
  'housing',
  'money',
  'being_heard',
  'other',
] as const;
export type GoalCategory = (typeof GOAL_CATEGORIES)[number];

/** Five faces, very bad (−2) to very good (+2). */
export const EMOTIONS = [-2, -1, 0, 1, 2] as const;
export type Emotion = (typeof EMOTIONS)[number];

export const MUNICIPALITIES = ['lolland', 'guldborgsund', 'other'] as const;
export type Municipality = (typeof MUNICIPALITIES)[number];

export const SEXES = ['female', 'male', 'other', 'not_stated'] as const;
export type Sex = (typeof SEXES)[number];

export const HOUSEHOLDS = [
  'alone',
  'with_partner',
  'with_children',
  'with_parents',
  'institution',
  'homeless',
  'other',
] as const;
export type Household = (typeof HOUSEHOLDS)[number];

export const EMPLOYMENT = [
  'employed',
  'flex_job',
  'unemployed',
  'sick_leave',
  'student',
  'early_retirement',
  'pension',
  'other',
] as const;
export type Employment = (typeof EMPLOYMENT)[number];

export const CONDITION_GROUPS = [
  'chronic_somatic',
  'mental_illness',
  'substance_use',
  'disability',
  'cancer',
  'multimorbidity',
  'other',
] as const;
export type ConditionGroup = (typeof CONDITION_GROUPS)[number];

export const WORKSHOP_ROLES = [
  'citizen',
  'relative',
  'facilitator',
  'gp',
  'hospital',
  'psychiatry',
  'municipality',
  'social_services',
  'job_centre',
  'other',
] as const;
export type WorkshopRole = (typeof WORKSHOP_ROLES)[number];

/** Two maps per journey: as it is today, and as the citizen and staff would wish it. */
export const MAPS = ['as_is', 'to_be'] as const;
export type MapKind = (typeof MAPS)[number];
