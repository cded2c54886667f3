import type { Database } from 'better-sqlite3';
import { BackupError, checkBackupSchema } from '../db/backups';
import { checkedInput, checkedOutput, type Handlers } from '../../shared/ipc/dispatch';
import type { Channel } from '../../shared/ipc/channels';

/**
 * Whether a backup about to be restored reads as the app reads its own database: every journey,
 * with everything the window asks for when it lists and opens one, passes the same checks of the
 * IPC contract (ids, vocabulary codes, text) that it would pass here. The database's own
 * constraints leave those to the contract, so a backup made by hand — or damaged in a way
 * `integrity_check` cannot see — could hold a journey whose id is no UUID: restored, the home
 * screen could list no journey at all. Such a backup is refused as damaged, before anything here
 * is replaced.
 *
 * The reads run on the backup's own in-memory copy, inside a savepoint rolled back after them, so
 * nothing they might write (the catalogue seeded into an empty one) is restored.
 *
 * They are not bounded in time by a clock: better-sqlite3 gives JavaScript neither SQLite's
 * progress handler nor sqlite3_interrupt, and a statement that runs cannot be stopped from this
 * thread (nor a worker's, which is only stopped between JavaScript calls). They are bounded by
 * what they read instead: the schema is first checked to be exactly the app's (checkBackupSchema,
 * already done when the copy was opened, and again here in case a caller did not), so no view,
 * trigger or expression from the file runs — only the app's own statements over ordinary tables
 * whose pages `integrity_check` found sound, each answered in a time that grows with the copy's
 * size. (SQLite's b-tree reads stop at a bounded depth and an overflow chain at its cell's length,
 * so even a malformed page ends in an error, not a loop.)
 */
export function checkRestorable(source: Database, handlersOf: (db: Database) => Handlers): void {
  checkBackupSchema(source);
  try {
    source.exec('SAVEPOINT restore_check');
  } catch (error) {
    throw new BackupError('damaged', `restore check: ${String(error)}`);
  }
  try {
    let handlers: Handlers;
    try {
      handlers = handlersOf(source);
    } catch (error) {
      throw new BackupError('damaged', `restore check: ${String(error)}`);
    }
    // As dispatch checks a call (its input, then its output), here at once: these reads answer
    // at once, and the command line's restore waits for nothing.
    const read = (channel: Channel, input: unknown): unknown => {
      const damaged = (why: string) => new BackupError('damaged', `${channel}: ${why}`);
      const parsed = checkedInput(channel, input);
      if (!parsed.success) throw damaged('an id or a value the app does not write');
      let output: unknown;
      try {
        output = (handlers[channel] as (input: unknown) => unknown)(parsed.data);
      } catch (error) {
        throw damaged(error instanceof Error ? error.message : String(error));
      }
      if (output instanceof Promise) throw damaged('not read at once');
      const checked = checkedOutput(channel, output);
      if (!checked.success) throw damaged('rows the app does not write');
      return checked.data;
    };
    read('settings:get', {});
    read('catalogue:list', {});
    read('prices:get', {});
    read('program:list', {});
    read('journeys:list', { includeArchived: true });
    // Every journey the tables hold, not only those a list shows.
    const ids = source.prepare('SELECT id FROM journeys ORDER BY rowid').pluck().all() as unknown[];
    for (const id of ids) {
      const journeyId = String(id);
      read('journeys:get', { id: journeyId });
      read('profile:get', { journeyId });
      read('workshops:list', { journeyId });
      read('goals:list', { journeyId });
      read('ideas:list', { journeyId });
      read('export:history', { journeyId });
      read('journeys:moveHistory', { journeyId });
      // The saved versions as listed; each one's content is read when it is opened, and one
      // that cannot be read fails alone, as in the app (a migration leaves such a one as it is).
      read('snapshots:list', { journeyId });
    }
  } finally {
    try {
      source.exec('ROLLBACK TO restore_check');
      source.exec('RELEASE restore_check');
    } catch (error) {
      // What the reads may have written is not known to be undone: nothing of it is restored.
      // eslint-disable-next-line no-unsafe-finally
      throw new BackupError('damaged', `restore check: ${String(error)}`);
    }
  }
}
