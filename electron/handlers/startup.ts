import type { Handlers } from '../../shared/ipc/dispatch';

/**
 * The start-up channels once the database is open: handlers exist only over an open database, so
 * the start is over and an unlock has nothing left to do. (Before that, the shell answers these
 * channels itself: electron/main/unlock-gate.ts.)
 */
export function openStartupHandlers(): Pick<Handlers, 'startup:status' | 'startup:unlock'> {
  return {
    'startup:status': () => ({ state: 'ready' }),
    'startup:unlock': () => ({ state: 'ready' }),
  };
}
