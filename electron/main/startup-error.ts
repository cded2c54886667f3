import { translate } from '../../shared/i18n';
import type { Language } from '../../shared/ipc/contract';
import { DatabaseHealthError, type DatabaseProblem } from '../db/health';
import { KeyError, type KeyProblem } from '../db/keys';
import { NewerDatabaseError } from '../db/migrations';

/** The start-up texts (shared/i18n, `startup`) for each refusal of the health check. */
const PROBLEM_KEYS: Record<DatabaseProblem, string> = {
  empty: 'emptyDb',
  not_database: 'notDatabase',
  wrong_key: 'wrongKey',
  corrupt: 'corruptDb',
  read_only: 'readOnlyDb',
};

/** The start-up texts when the database key cannot be had (electron/db/keys.ts). */
const KEY_PROBLEM_KEYS: Record<KeyProblem, string> = {
  key_missing: 'keyMissing',
  key_unreadable: 'keyUnreadable',
  keychain_unavailable: 'keychainUnavailable',
};

/**
 * The error box shown when the database cannot be opened at start: what is wrong, that nothing
 * was changed, and what to do. Kept apart from the shell (no `electron` here) so it is tested.
 */
export function startupErrorBox(
  language: Language,
  error: unknown,
  dbPath: string,
): { title: string; body: string } {
  if (error instanceof NewerDatabaseError) {
    return {
      title: translate(language, 'startup.newerDbTitle'),
      body: translate(language, 'startup.newerDbBody', {
        found: error.found,
        supported: error.supported,
      }),
    };
  }
  const key =
    error instanceof DatabaseHealthError
      ? PROBLEM_KEYS[error.problem]
      : error instanceof KeyError
        ? KEY_PROBLEM_KEYS[error.problem]
        : 'openFailed';
  return {
    title: translate(language, `startup.${key}Title`),
    body: translate(language, `startup.${key}Body`, { path: dbPath }),
  };
}
