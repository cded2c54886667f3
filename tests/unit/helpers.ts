import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { openDatabase } from '../../electron/db/open';
import { testKey } from '../support/test-key';
import { createHandlers } from '../../electron/handlers';
import type { Channel } from '../../shared/ipc/channels';
import type { InputOf, OutputOf } from '../../shared/ipc/contract';
import { dispatch, type Handlers } from '../../shared/ipc/dispatch';
import type { Result } from '../../shared/ipc/result';

export interface TestDb {
  dir: string;
  file: string;
  db: Database;
  handlers: Handlers;
  /** Moves the fake clock forward. */
  tick: (ms?: number) => void;
  cleanup: () => void;
}

/** A real SQLite file in a fresh temp folder, with handlers on a controllable clock. */
export function makeTestDb(): TestDb {
  const dir = mkdtempSync(join(tmpdir(), 'pathway-test-'));
  const file = join(dir, 'test.sqlite');
  const db = openDatabase(file, testKey());
  let time = Date.parse('2026-03-01T09:00:00.000Z');
  const handlers = createHandlers({
    db,
    clock: () => new Date(time),
    newId: () => crypto.randomUUID(),
  });
  return {
    dir,
    file,
    db,
    handlers,
    tick: (ms = 1000) => {
      time += ms;
    },
    cleanup: () => {
      if (db.open) db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Typed calls through `dispatch`, as the renderer makes them: `call` returns the data or throws
 * with the error code; `callRaw` returns the envelope. `handlers` is read at call time.
 */
export function ipc(handlers: () => Handlers) {
  return {
    call: async <C extends Channel>(channel: C, payload: InputOf<C>): Promise<OutputOf<C>> => {
      const r = (await dispatch(handlers(), channel, payload)) as Result<OutputOf<C>>;
      if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
      return r.data;
    },
    callRaw: (channel: Channel, payload: unknown) => dispatch(handlers(), channel, payload),
  };
}
