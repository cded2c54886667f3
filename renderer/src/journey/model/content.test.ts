import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  painPointSchema,
  touchpointSchema,
  transitionSchema,
  type PainPoint,
  type Transition,
} from '../../../../shared/domain/journey';
import {
  goalSchema,
  ideaSchema,
  profileSchema,
  workshopSchema,
  type Goal,
  type Idea,
  type Profile,
  type Workshop,
} from '../../../../shared/domain/workshop';
import { FIXTURE_JOURNEY, touchpoint } from '../test-fixtures';
import {
  applyChanges,
  COLLECTION,
  diffContent,
  emptyContent,
  PATCH_FIELDS,
  ROW_KINDS,
  type Content,
  type RowKind,
} from './content';

const AT = '2026-01-01T00:00:00.000Z';
const id = (n: number) => `00000000-0000-4000-8000-${String(900 + n).padStart(12, '0')}`;

/** One journey with one row of every kind and a profile, all fields set. */
function sample(): Content {
  const a = touchpoint({ id: id(1), label: 'Egen læge', date: '2026-02-01' });
  const b = touchpoint({ id: id(2), label: 'Sygehuset' });
  const transition: Transition = {
    id: id(3),
    journeyId: FIXTURE_JOURNEY,
    map: 'as_is',
    sourceId: a.id,
    targetId: b.id,
    kind: 'referral',
    quality: 'mixed',
    waitingDays: 3,
    note: 'Brev',
    createdAt: AT,
  };
  const pain: PainPoint = {
    id: id(4),
    touchpointId: a.id,
    category: 'waiting',
    text: 'Lang ventetid',
    createdAt: AT,
    updatedAt: AT,
  };
  const goal: Goal = {
    id: id(5),
    journeyId: FIXTURE_JOURNEY,
    category: 'health',
    text: 'Sove om natten',
    createdAt: AT,
    updatedAt: AT,
  };
  const idea: Idea = {
    id: id(6),
    journeyId: FIXTURE_JOURNEY,
    text: 'Én kontaktperson',
    aims: ['quality'],
    touchpointIds: [a.id],
    painPointIds: [pain.id],
    createdAt: AT,
    updatedAt: AT,
  };
  const workshop: Workshop = {
    id: id(7),
    journeyId: FIXTURE_JOURNEY,
    date: '2026-03-02',
    place: 'Biblioteket',
    roles: ['citizen'],
    notes: 'Første møde',
    createdAt: AT,
    updatedAt: AT,
  };
  const profile: Profile = {
    journeyId: FIXTURE_JOURNEY,
    realName: 'Karen',
    relativesNames: ['Ole'],
    birthYear: 1961,
    sex: 'female',
    municipality: 'lolland',
    household: 'alone',
    employment: 'early_retirement',
    conditionGroups: ['chronic_somatic'],
    consentWorkshop: true,
    consentWorkshopDate: '2026-03-01',
    consentExport: false,
    consentExportDate: null,
    consentQuotes: false,
    consentQuotesDate: null,
    updatedAt: AT,
  };
  return {
    touchpoints: { [a.id]: a, [b.id]: b },
    transitions: { [transition.id]: transition },
    painPoints: { [pain.id]: pain },
    goals: { [goal.id]: goal },
    ideas: { [idea.id]: idea },
    workshops: { [workshop.id]: workshop },
    profile,
  };
}

/** A different value of the same shape, whatever the field: no list of fields to keep up. */
function other(value: unknown): unknown {
  if (value === null) return 'x';
  if (typeof value === 'string') return `${value}·`;
  if (typeof value === 'number') return value + 1;
  if (typeof value === 'boolean') return !value;
  if (Array.isArray(value)) return [...(value as unknown[]), 'extra'];
  throw new Error(`no other value for ${JSON.stringify(value)}`);
}

const firstRow = (c: Content, kind: RowKind) =>
  Object.values(c[COLLECTION[kind]])[0] as Record<string, unknown>;

const ROW_SCHEMAS = {
  touchpoint: touchpointSchema,
  transition: transitionSchema,
  painPoint: painPointSchema,
  goal: goalSchema,
  idea: ideaSchema,
  workshop: workshopSchema,
  profile: profileSchema,
} satisfies Record<RowKind | 'profile', z.ZodObject>;

/**
 * The fields of a row no edit changes: ids, where it hangs, when it was made, and what the
 * database derives. A new field in a row schema fails this test until it is either patchable (then
 * diffed and restored by itself) or added here on purpose.
 */
const NOT_EDITABLE: Record<RowKind | 'profile', string[]> = {
  touchpoint: ['id', 'journeyId', 'map', 'datePrecision', 'createdAt', 'updatedAt'],
  transition: ['id', 'journeyId', 'map', 'sourceId', 'targetId', 'createdAt'],
  painPoint: ['id', 'touchpointId', 'createdAt', 'updatedAt'],
  goal: ['id', 'journeyId', 'createdAt', 'updatedAt'],
  idea: ['id', 'journeyId', 'createdAt', 'updatedAt'],
  workshop: ['id', 'journeyId', 'createdAt', 'updatedAt'],
  profile: ['journeyId', 'updatedAt'],
};

describe('the journey content model', () => {
  it('takes the patchable fields of every kind from its zod patch schema', () => {
    for (const kind of [...ROW_KINDS, 'profile'] as const) {
      const rowFields = Object.keys(ROW_SCHEMAS[kind].shape).sort();
      expect([...PATCH_FIELDS[kind], ...NOT_EDITABLE[kind]].sort(), kind).toEqual(rowFields);
    }
  });

  it('diffs and restores every patchable field of every kind, both ways', () => {
    for (const kind of ROW_KINDS) {
      for (const field of PATCH_FIELDS[kind]) {
        const before = sample();
        const row = firstRow(before, kind);
        const changedRow = { ...row, [field]: other(row[field]) };
        const after: Content = {
          ...before,
          [COLLECTION[kind]]: { ...before[COLLECTION[kind]], [row.id as string]: changedRow },
        };
        const forward = diffContent(before, after);
        expect(forward, `${kind}.${field}`).toEqual([
          { type: 'update', kind, id: row.id, patch: { [field]: changedRow[field] } },
        ]);
        // Undo: the difference back, applied as the database applies it, is the content before.
        const back = applyChanges(after, diffContent(after, before));
        const restored = firstRow(back, kind);
        expect(restored[field], `${kind}.${field} undone`).toEqual(row[field]);
        if (!(kind === 'touchpoint' && field === 'date')) {
          expect(back, `${kind}.${field} undone`).toEqual(before);
        }
      }
    }
    for (const field of PATCH_FIELDS.profile) {
      const before = sample();
      const profile = before.profile!;
      const after = { ...before, profile: { ...profile, [field]: other(profile[field]) } };
      expect(diffContent(before, after), `profile.${field}`).toEqual([
        { type: 'profile', patch: { [field]: after.profile[field] } },
      ]);
      expect(applyChanges(after, diffContent(after, before)), `profile.${field}`).toEqual(before);
    }
  });

  it("keeps a touchpoint's date precision with its date", () => {
    const before = sample();
    const tp = firstRow(before, 'touchpoint');
    const after = applyChanges(before, [
      { type: 'update', kind: 'touchpoint', id: tp.id as string, patch: { date: '2026-04' } },
    ]);
    expect(after.touchpoints[tp.id as string]).toMatchObject({
      date: '2026-04',
      datePrecision: 'month',
    });
    expect(applyChanges(after, diffContent(after, before))).toEqual(before);
  });

  it('undoes the delete of an idea, a goal and a workshop as one restore, with their ids', () => {
    const before = sample();
    const after: Content = { ...before, ideas: {}, goals: {}, workshops: {} };
    expect(diffContent(before, after)).toEqual([
      { type: 'delete', kind: 'idea', id: id(6) },
      { type: 'delete', kind: 'goal', id: id(5) },
      { type: 'delete', kind: 'workshop', id: id(7) },
    ]);
    const undo = diffContent(after, before);
    expect(undo).toEqual([
      {
        type: 'restore',
        items: {
          touchpoints: [],
          transitions: [],
          painPoints: [],
          goals: Object.values(before.goals),
          ideas: Object.values(before.ideas),
          workshops: Object.values(before.workshops),
        },
      },
    ]);
    expect(applyChanges(after, undo)).toEqual(before);
  });

  it("deletes a touchpoint's children before it, and restores them with it", () => {
    const before = sample();
    const a = id(1);
    const after: Content = { ...before, touchpoints: { [id(2)]: before.touchpoints[id(2)]! } };
    after.transitions = {};
    after.painPoints = {};
    const forward = diffContent(before, after);
    expect(forward.map((c) => (c.type === 'delete' ? c.kind : c.type))).toEqual([
      'painPoint',
      'transition',
      'touchpoint',
    ]);
    expect(applyChanges(before, forward)).toEqual(after);
    expect(applyChanges(after, diffContent(after, before))).toEqual(before);
    // The database's cascade does the same when only the touchpoint's delete is sent.
    expect(applyChanges(before, [{ type: 'delete', kind: 'touchpoint', id: a }])).toEqual(after);
  });

  it('finds no change between a content and itself, or an empty one and another', () => {
    const c = sample();
    expect(diffContent(c, c)).toEqual([]);
    expect(diffContent(emptyContent(), emptyContent())).toEqual([]);
    // Equal lists in new arrays are no change (a list edit that ended where it started).
    const same = { ...c, ideas: { [id(6)]: { ...c.ideas[id(6)]!, aims: ['quality' as const] } } };
    expect(diffContent(c, same)).toEqual([]);
  });
});
