/**
 * How the journey's edits become calls on the save queue: one key per row (`kind:id`), one
 * channel per kind. Edits, deletes and undo's restores all go through here and so through the
 * one queue, in order.
 */
import type { Profile } from '../../../../shared/domain/workshop';
import { ApiCallError, type call as defaultCall } from '../../api/client';
import type { SaveQueue } from '../../components/save-queue';
import type { Change, RestoreItems, RowKind } from '../model/content';

export type Call = typeof defaultCall;
type LooseCall = (channel: string, input: unknown) => Promise<unknown>;

const UPDATE = {
  touchpoint: 'touchpoints:update',
  transition: 'transitions:update',
  painPoint: 'painPoints:update',
  goal: 'goals:update',
  idea: 'ideas:update',
  workshop: 'workshops:update',
} as const satisfies Record<RowKind, string>;

const DELETE = {
  touchpoint: 'touchpoints:delete',
  transition: 'transitions:delete',
  painPoint: 'painPoints:delete',
  goal: 'goals:delete',
  idea: 'ideas:delete',
  workshop: 'workshops:delete',
} as const satisfies Record<RowKind, string>;

export const rowKey = (kind: RowKind, id: string) => `${kind}:${id}`;
export const PROFILE_KEY = 'profile';

export interface Persister {
  /** Fields of one row, merged with its waiting patch and sent after `delayMs`. */
  update: (kind: RowKind, id: string, patch: Record<string, unknown>, delayMs: number) => void;
  profile: (patch: Record<string, unknown>, delayMs: number) => void;
  /** Deletes a row; `alsoKeys` are the rows the delete takes with it (a touchpoint's children). */
  remove: (kind: RowKind, id: string, alsoKeys?: string[]) => void;
  restore: (items: RestoreItems) => void;
  /** The calls of a diff (undo, redo), in order. */
  apply: (changes: Change[]) => void;
  /** Profile fields left waiting by an earlier view of the journey now report back here. */
  adoptProfile: () => void;
}

export function createPersister(
  call: Call,
  journeyId: string,
  queue: SaveQueue,
  /** The main process sets consent dates; the saved profile comes back here. */
  onProfileSaved: (profile: Profile) => void,
): Persister {
  const send = call as unknown as LooseCall;
  const sendProfile = async (p: Record<string, unknown>) =>
    onProfileSaved((await send('profile:update', { journeyId, patch: p })) as Profile);
  const persister: Persister = {
    update: (kind, id, patch, delayMs) =>
      queue.patch(rowKey(kind, id), patch, (p) => send(UPDATE[kind], { id, patch: p }), delayMs),
    profile: (patch, delayMs) => queue.patch(PROFILE_KEY, patch, sendProfile, delayMs),
    adoptProfile: () => queue.rebind(PROFILE_KEY, sendProfile),
    remove: (kind, id, alsoKeys = []) =>
      queue.step([rowKey(kind, id), ...alsoKeys], async () => {
        try {
          await send(DELETE[kind], { id });
        } catch (error) {
          // Gone already (a retry after a reply that never came): the database agrees.
          if (!(error instanceof ApiCallError && error.code === 'not_found')) throw error;
        }
      }),
    restore: (items) => {
      const keys = [
        ...items.touchpoints.map((r) => rowKey('touchpoint', r.id)),
        ...items.transitions.map((r) => rowKey('transition', r.id)),
        ...items.painPoints.map((r) => rowKey('painPoint', r.id)),
        ...items.goals.map((r) => rowKey('goal', r.id)),
        ...items.ideas.map((r) => rowKey('idea', r.id)),
        ...items.workshops.map((r) => rowKey('workshop', r.id)),
      ];
      queue.step(keys, () => send('journeys:restoreItems', { journeyId, ...items }));
    },
    apply: (changes) => {
      for (const c of changes) {
        if (c.type === 'delete') persister.remove(c.kind, c.id);
        else if (c.type === 'restore') persister.restore(c.items);
        else if (c.type === 'update') persister.update(c.kind, c.id, c.patch, 0);
        else persister.profile(c.patch, 0);
      }
    },
  };
  return persister;
}
