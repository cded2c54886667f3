/**
 * The journey's other tabs — profile and consent, workshops, goals, ideas — on the same footing
 * as the map: every edit is one undo step (typing in one field is one), saved through the same
 * queue, and a deleted goal, idea or workshop comes back with undo.
 */
import type { Profile } from '../../../../shared/domain/workshop';
import { changedFields, COLLECTION, without, type ById, type RowKind } from '../model/content';
import { PROFILE_KEY } from './persistence';
import { addRow, editRow, TEXT_SAVE_DELAY_MS } from './rows';
import type { JourneyState, NotesActions, SliceContext } from './types';

const PROFILE_TEXT = ['realName', 'relativesNames'];

/**
 * The profile fields the main process decides (a consent is dated when given; quotes consent
 * lapses with export consent). Only these are taken from its reply: the fields the user types
 * stay as typed (the reply's trimmed name would eat the space before the next word).
 */
export const SERVER_SET_PROFILE_FIELDS = [
  'consentWorkshopDate',
  'consentExportDate',
  'consentQuotes',
  'consentQuotesDate',
] as const satisfies readonly (keyof Profile)[];

/** Merges the main process's part of a saved profile into the present, outside history. */
export function profileSaved(ctx: SliceContext, saved: Profile) {
  // A newer edit waits: its own reply will bring the final word.
  if (ctx.queue.has(PROFILE_KEY)) return;
  const current = ctx.get().profile;
  if (!current) return;
  const picked = Object.fromEntries(SERVER_SET_PROFILE_FIELDS.map((f) => [f, saved[f]]));
  const changed = changedFields(current, picked);
  if (Object.keys(changed).length === 0) return;
  const h = ctx.history();
  h.pause();
  ctx.set({ profile: { ...current, ...changed } });
  h.resume();
}

export function notesSlice(ctx: SliceContext): NotesActions {
  const { get, journeyId, call, queue, save, commit } = ctx;

  const remove = (kind: Extract<RowKind, 'goal' | 'idea' | 'workshop'>, id: string) => {
    const col = COLLECTION[kind];
    if (!get()[col][id]) return;
    commit((s) => ({ [col]: without(s[col] as ById<unknown>, [id]) }) as Partial<JourneyState>);
    save.remove(kind, id);
  };

  return {
    patchProfile: (patch) => {
      const profile = get().profile;
      if (!profile) return;
      const changed = changedFields(profile, patch);
      const fields = Object.keys(changed);
      if (fields.length === 0) return;
      const textual = fields.some((f) => PROFILE_TEXT.includes(f));
      commit(
        (s) => ({ profile: s.profile && { ...s.profile, ...changed } }),
        textual ? `profile:${fields.sort().join(',')}` : undefined,
      );
      save.profile(changed, textual ? TEXT_SAVE_DELAY_MS : 0);
    },

    addGoal: async (category) => {
      await queue.flush();
      const goal = await call('goals:create', { journeyId, category });
      addRow(ctx, 'goal', goal);
      return goal;
    },
    patchGoal: (id, patch) => {
      editRow(ctx, 'goal', id, patch, { text: ['text'] });
    },
    deleteGoal: (id) => remove('goal', id),

    addIdea: async () => {
      await queue.flush();
      const idea = await call('ideas:create', { journeyId });
      addRow(ctx, 'idea', idea);
      return idea;
    },
    patchIdea: (id, patch) => {
      editRow(ctx, 'idea', id, patch, { text: ['text'] });
    },
    deleteIdea: (id) => remove('idea', id),

    addWorkshop: async (date) => {
      await queue.flush();
      const workshop = await call('workshops:create', { journeyId, date });
      addRow(ctx, 'workshop', workshop);
      return workshop;
    },
    patchWorkshop: (id, patch) => {
      editRow(ctx, 'workshop', id, patch, { text: ['place', 'notes'] });
    },
    deleteWorkshop: (id) => remove('workshop', id),
  };
}
