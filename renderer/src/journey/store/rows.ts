import {
  applyPatch,
  changedFields,
  COLLECTION,
  type ById,
  type Rows,
  type RowKind,
} from '../model/content';
import type { JourneyState, SliceContext } from './types';

/** How long typing may pause before the edit is written (autosave "within a second"). */
export const TEXT_SAVE_DELAY_MS = 400;

/**
 * Edits fields of one row of any kind: shown at once (one undo step; keystrokes in one text field
 * are one step), and queued for saving — after a typing pause for text, at once for a choice.
 * Returns the fields that changed (none: no edit, no step, no save).
 */
export function editRow<K extends RowKind>(
  ctx: SliceContext,
  kind: K,
  id: string,
  patch: object,
  options: {
    /** Fields typed into: saved after a pause, keystrokes joined into one undo step. */
    text?: readonly string[];
    /** Joins this edit to the last undo step with the same key (steps of a keyboard move). */
    coalesceKey?: string;
  } = {},
): Partial<Rows[K]> {
  const col = COLLECTION[kind];
  const row = (ctx.get()[col] as ById<Rows[K]>)[id];
  if (!row) return {};
  const changed = changedFields(row, patch);
  const fields = Object.keys(changed);
  if (fields.length === 0) return changed;
  const textual = fields.some((f) => options.text?.includes(f));
  ctx.commit(
    (s) =>
      ({
        [col]: { ...(s[col] as ById<Rows[K]>), [id]: applyPatch(kind, row, changed) },
      }) as Partial<JourneyState>,
    options.coalesceKey ?? (textual ? `${kind}:${id}:${fields.sort().join(',')}` : undefined),
  );
  ctx.save.update(kind, id, changed, textual ? TEXT_SAVE_DELAY_MS : 0);
  return changed;
}

/** Adds a row the main process created (with its id) to the content: one undo step. */
export function addRow<K extends RowKind>(ctx: SliceContext, kind: K, row: Rows[K]) {
  const col = COLLECTION[kind];
  ctx.commit(
    (s) => ({ [col]: { ...(s[col] as ById<Rows[K]>), [row.id]: row } }) as Partial<JourneyState>,
  );
}
