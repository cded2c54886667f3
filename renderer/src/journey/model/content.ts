/**
 * The content of one journey as the editor holds it — the maps, the profile, the goals, the ideas
 * and the workshops — and the pure functions over it: a patch applied to a row, the difference
 * between two contents as the calls that turn one into the other, and that difference applied (what
 * the database does with those calls). Undo and redo travel through these, on every tab.
 *
 * The fields compared and sent are derived from the zod patch schemas in shared/domain, so a new
 * editable field is diffed and restored without anyone remembering to list it (content.test.ts
 * proves it for every field).
 */
import type { z } from 'zod';
import {
  painPointPatchSchema,
  precisionOf,
  touchpointPatchSchema,
  transitionPatchSchema,
  type PainPoint,
  type Touchpoint,
  type Transition,
} from '../../../../shared/domain/journey';
import {
  goalPatchSchema,
  ideaPatchSchema,
  profilePatchSchema,
  workshopPatchSchema,
  type Goal,
  type Idea,
  type Profile,
  type Workshop,
} from '../../../../shared/domain/workshop';

export type ById<T> = Record<string, T>;

/** The kinds of row a journey holds many of; each has a collection in the content. */
export const ROW_KINDS = [
  'touchpoint',
  'transition',
  'painPoint',
  'goal',
  'idea',
  'workshop',
] as const;
export type RowKind = (typeof ROW_KINDS)[number];

export interface Rows {
  touchpoint: Touchpoint;
  transition: Transition;
  painPoint: PainPoint;
  goal: Goal;
  idea: Idea;
  workshop: Workshop;
}

/** The zod schema of each kind's patch: the one source of which fields an edit may change. */
export const PATCH_SCHEMAS = {
  touchpoint: touchpointPatchSchema,
  transition: transitionPatchSchema,
  painPoint: painPointPatchSchema,
  goal: goalPatchSchema,
  idea: ideaPatchSchema,
  workshop: workshopPatchSchema,
  profile: profilePatchSchema,
} as const;
export type PatchKind = keyof typeof PATCH_SCHEMAS;
/** What the renderer sends for a kind (before the main process parses it). */
export type PatchOf<K extends PatchKind> = z.input<(typeof PATCH_SCHEMAS)[K]>;
export type GoalPatch = PatchOf<'goal'>;

const fieldsOf = <S extends z.ZodObject>(schema: S) =>
  Object.keys(schema.shape) as (keyof z.input<S> & string)[];

/** Every patchable field of every kind, from the schemas' shapes. */
export const PATCH_FIELDS: { [K in PatchKind]: (keyof PatchOf<K> & string)[] } = {
  touchpoint: fieldsOf(touchpointPatchSchema),
  transition: fieldsOf(transitionPatchSchema),
  painPoint: fieldsOf(painPointPatchSchema),
  goal: fieldsOf(goalPatchSchema),
  idea: fieldsOf(ideaPatchSchema),
  workshop: fieldsOf(workshopPatchSchema),
  profile: fieldsOf(profilePatchSchema),
};

/** The collection of each row kind in the content. */
export const COLLECTION = {
  touchpoint: 'touchpoints',
  transition: 'transitions',
  painPoint: 'painPoints',
  goal: 'goals',
  idea: 'ideas',
  workshop: 'workshops',
} as const satisfies Record<RowKind, string>;

export interface Content {
  touchpoints: ById<Touchpoint>;
  transitions: ById<Transition>;
  painPoints: ById<PainPoint>;
  goals: ById<Goal>;
  ideas: ById<Idea>;
  workshops: ById<Workshop>;
  /** Null until loaded. A profile always exists (an empty one until first saved). */
  profile: Profile | null;
}

export const CONTENT_KEYS = [
  'touchpoints',
  'transitions',
  'painPoints',
  'goals',
  'ideas',
  'workshops',
  'profile',
] as const satisfies readonly (keyof Content)[];

export const emptyContent = (): Content => ({
  touchpoints: {},
  transitions: {},
  painPoints: {},
  goals: {},
  ideas: {},
  workshops: {},
  profile: null,
});

export const contentOf = (s: Content): Content => ({
  touchpoints: s.touchpoints,
  transitions: s.transitions,
  painPoints: s.painPoints,
  goals: s.goals,
  ideas: s.ideas,
  workshops: s.workshops,
  profile: s.profile,
});

/** Two contents are the same step of history when every part is the same object. */
export const sameContent = (a: Content, b: Content): boolean =>
  CONTENT_KEYS.every((k) => a[k] === b[k]);

export const byId = <T extends { id: string }>(items: T[]): ById<T> =>
  Object.fromEntries(items.map((i) => [i.id, i]));

export const without = <T>(map: ById<T>, ids: Iterable<string>): ById<T> => {
  const next = { ...map };
  for (const id of ids) delete next[id];
  return next;
};

/** Field values are equal when identical, or (lists of codes or ids) equal as JSON. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The fields of a patch that would change the row (a patch that changes nothing is no edit). */
export function changedFields<T extends object>(row: T, patch: object): Partial<T> {
  return Object.fromEntries(
    Object.entries(patch).filter(
      ([k, v]) => v !== undefined && !sameValue((row as Record<string, unknown>)[k], v),
    ),
  ) as Partial<T>;
}

/**
 * A row with a patch applied, as the database stores it: a touchpoint's date precision follows
 * its date (the repository derives it the same way).
 */
export function applyPatch<K extends RowKind>(kind: K, row: Rows[K], patch: object): Rows[K] {
  const next = { ...row, ...patch } as Rows[K];
  if (kind === 'touchpoint' && 'date' in patch) {
    const tp = next as Touchpoint;
    tp.datePrecision = precisionOf(tp.date);
  }
  return next;
}

/** The rows a restore puts back, with their ids, all in one call. */
export interface RestoreItems {
  touchpoints: Touchpoint[];
  transitions: Transition[];
  painPoints: PainPoint[];
  goals: Goal[];
  ideas: Idea[];
  workshops: Workshop[];
}

/** One call that moves the database from one content towards another. */
export type Change =
  | { type: 'delete'; kind: RowKind; id: string }
  | { type: 'restore'; items: RestoreItems }
  | { type: 'update'; kind: RowKind; id: string; patch: Record<string, unknown> }
  | { type: 'profile'; patch: Record<string, unknown> };

/**
 * Children are deleted before the rows they hang on (a touchpoint's delete takes its pain points
 * and transitions with it, and deleting those afterwards would find nothing).
 */
const DELETE_ORDER: RowKind[] = [
  'idea',
  'goal',
  'workshop',
  'painPoint',
  'transition',
  'touchpoint',
];

function patchBetween(fields: readonly string[], before: object, after: object) {
  const patch: Record<string, unknown> = {};
  for (const f of fields) {
    const a = (before as Record<string, unknown>)[f];
    const b = (after as Record<string, unknown>)[f];
    if (!sameValue(a, b)) patch[f] = b;
  }
  return patch;
}

/**
 * The difference between two contents as the calls that turn the first into the second: deletes
 * (children first), then one restore of every row that came back (with its id, so later history
 * steps still find it), then the changed fields of each row that stayed.
 */
export function diffContent(before: Content, after: Content): Change[] {
  const changes: Change[] = [];
  for (const kind of DELETE_ORDER) {
    const a = before[COLLECTION[kind]] as ById<{ id: string }>;
    const b = after[COLLECTION[kind]] as ById<{ id: string }>;
    for (const id of Object.keys(a)) if (!b[id]) changes.push({ type: 'delete', kind, id });
  }
  const added = <T extends { id: string }>(a: ById<T>, b: ById<T>) =>
    Object.values(b).filter((x) => !a[x.id]);
  const items: RestoreItems = {
    touchpoints: added(before.touchpoints, after.touchpoints),
    transitions: added(before.transitions, after.transitions),
    painPoints: added(before.painPoints, after.painPoints),
    goals: added(before.goals, after.goals),
    ideas: added(before.ideas, after.ideas),
    workshops: added(before.workshops, after.workshops),
  };
  if (Object.values(items).some((list) => list.length > 0)) {
    changes.push({ type: 'restore', items });
  }
  for (const kind of ROW_KINDS) {
    const a = before[COLLECTION[kind]] as ById<object>;
    const b = after[COLLECTION[kind]] as ById<object>;
    for (const [id, row] of Object.entries(b)) {
      const old = a[id];
      if (!old || old === row) continue;
      const patch = patchBetween(PATCH_FIELDS[kind], old, row);
      if (Object.keys(patch).length > 0) changes.push({ type: 'update', kind, id, patch });
    }
  }
  if (before.profile && after.profile && before.profile !== after.profile) {
    const patch = patchBetween(PATCH_FIELDS.profile, before.profile, after.profile);
    if (Object.keys(patch).length > 0) changes.push({ type: 'profile', patch });
  }
  return changes;
}

/**
 * The changes applied to a content as the database applies them (a touchpoint's delete cascades
 * to its transitions and pain points). Used to prove that a diff restores every field.
 */
export function applyChanges(content: Content, changes: Change[]): Content {
  let next: Content = { ...content };
  for (const c of changes) {
    if (c.type === 'delete') {
      const col = COLLECTION[c.kind];
      next = { ...next, [col]: without(next[col] as ById<unknown>, [c.id]) };
      if (c.kind === 'touchpoint') {
        next.transitions = without(
          next.transitions,
          Object.values(next.transitions)
            .filter((t) => t.sourceId === c.id || t.targetId === c.id)
            .map((t) => t.id),
        );
        next.painPoints = without(
          next.painPoints,
          Object.values(next.painPoints)
            .filter((p) => p.touchpointId === c.id)
            .map((p) => p.id),
        );
      }
    } else if (c.type === 'restore') {
      next = {
        ...next,
        touchpoints: { ...next.touchpoints, ...byId(c.items.touchpoints) },
        transitions: { ...next.transitions, ...byId(c.items.transitions) },
        painPoints: { ...next.painPoints, ...byId(c.items.painPoints) },
        goals: { ...next.goals, ...byId(c.items.goals) },
        ideas: { ...next.ideas, ...byId(c.items.ideas) },
        workshops: { ...next.workshops, ...byId(c.items.workshops) },
      };
    } else if (c.type === 'update') {
      const col = COLLECTION[c.kind];
      const rows = next[col] as ById<Rows[RowKind]>;
      const row = rows[c.id];
      if (row) next = { ...next, [col]: { ...rows, [c.id]: applyPatch(c.kind, row, c.patch) } };
    } else if (next.profile) {
      next = { ...next, profile: { ...next.profile, ...c.patch } };
    }
  }
  return next;
}
