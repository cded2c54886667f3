import { translate } from '../../shared/i18n';
import type { Language } from '../../shared/ipc/contract';
import { DatabaseHealthError, type DatabaseProblem } from '../db/health';
import { NewerDatabaseError } from '../db/migrations';

/** The start-up texts (shared/i18n, `startup`) for each refusal of the health check. */
const PROBLEM_KEYS: Record<DatabaseProblem, string> = {
  empty: 'emptyDb',
  not_database: 'notDatabase',
  corrupt: 'corruptDb',
  read_only: 'readOnlyDb',
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
  const key = error instanceof DatabaseHealthError ? PROBLEM_KEYS[error.problem] : 'openFailed';
  return {
    title: translate(language, `startup.${key}Title`),
    body: translate(language, `startup.${key}Body`, { path: dbPath }),
  };
}
