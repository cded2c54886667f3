/**
 * Autosave of one edit on a 500-touchpoint journey, through `dispatch` and the real handlers,
 * against a bare better-sqlite3 single-row upsert on the same machine in the same run.
 * Budget (ENGINEERING.md): the edit is committed in ≤ 20 ms of handler time.
 *
 * Encryption at rest: the app's row is measured on the encrypted database (as the app runs),
 * beside the same edits on an unencrypted database with the same pragmas, and the bare upsert
 * both ways — so the cost of the cipher is read off one run. The two databases are measured in
 * alternating rounds, so a noisy moment on the machine falls on both alike.
 */
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openKeyed } from '../electron/db/cipher';
import { openDatabase } from '../electron/db/open';
import { createHandlers } from '../electron/handlers';
import { dispatch, type Handlers } from '../shared/ipc/dispatch';
import { createPlainDatabase, TEST_DB_KEY, testKey } from '../tests/support/test-key';
import { summarize, type Row } from './stats';

const ROUNDS = 8;

/** A 500-touchpoint journey through the handlers; the touchpoints' ids. */
async function seed(db: Database): Promise<{ handlers: Handlers; ids: string[] }> {
  const handlers = createHandlers({
    db,
    clock: () => new Date(),
    newId: () => crypto.randomUUID(),
  });
  const journey = await handlers['journeys:create']({ alias: 'Bench' });
  const ids: string[] = [];
  db.transaction(() => {
    for (let i = 0; i < 500; i++) {
      const tp = handlers['touchpoints:create']({
        journeyId: journey.id,
        x: (i % 25) * 220,
        y: Math.floor(i / 25) * 120,
        label: `Kontaktpunkt ${i}`,
      }) as { id: string };
      ids.push(tp.id);
    }
  })();
  return { handlers, ids };
}

/** `count` autosaves of one edit each (a move or a rename), as the map sends them. */
async function edits(handlers: Handlers, ids: string[], from: number, count: number) {
  const times: number[] = [];
  for (let i = from; i < from + count; i++) {
    const id = ids[i % ids.length]!;
    const t0 = performance.now();
    const r = await dispatch(handlers, 'touchpoints:update', {
      id,
      patch: i % 2 ? { label: `Navn ${i}` } : { x: i, y: i },
    });
    times.push(performance.now() - t0);
    if (!r.ok) throw new Error(r.error.message);
  }
  return times;
}

/** A bare table with one upsert, WAL and synchronous=FULL as the app's. */
function bareUpserts(db: Database, ids: string[], from: number, count: number): number[] {
  const upsert = db.prepare(
    'INSERT INTO t VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET label = excluded.label, x = excluded.x, y = excluded.y',
  );
  const times: number[] = [];
  for (let i = from; i < from + count; i++) {
    const t0 = performance.now();
    upsert.run(ids[i % ids.length]!, `Navn ${i}`, i, i);
    times.push(performance.now() - t0);
  }
  return times;
}

function bare(db: Database, ids: string[]): Database {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE t (id TEXT PRIMARY KEY, label TEXT, x REAL, y REAL) STRICT');
  const insert = db.prepare('INSERT INTO t VALUES (?, ?, ?, ?)');
  db.transaction(() => ids.forEach((id) => insert.run(id, 'x', 0, 0)))();
  return db;
}

export async function benchAutosave(iterations = 400): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), 'pathway-bench-'));
  try {
    const encrypted = openDatabase(join(dir, 'app.sqlite'), testKey());
    // The same pragmas as openDatabase gives the app's database, without the cipher.
    const plain = createPlainDatabase(join(dir, 'plain.sqlite'));
    plain.pragma('secure_delete = ON');
    plain.pragma('temp_store = MEMORY');
    const enc = await seed(encrypted);
    const pl = await seed(plain);
    const bareEnc = bare(openKeyed(join(dir, 'bare-enc.sqlite'), TEST_DB_KEY), enc.ids);
    const barePlain = bare(new BetterSqlite3(join(dir, 'bare.sqlite')), pl.ids);

    const times = {
      enc: [] as number[],
      plain: [] as number[],
      bareEnc: [] as number[],
      bare: [] as number[],
    };
    const per = Math.ceil(iterations / ROUNDS);
    for (let round = 0; round < ROUNDS; round++) {
      const from = round * per;
      times.enc.push(...(await edits(enc.handlers, enc.ids, from, per)));
      times.plain.push(...(await edits(pl.handlers, pl.ids, from, per)));
      times.bareEnc.push(...bareUpserts(bareEnc, enc.ids, from, per));
      times.bare.push(...bareUpserts(barePlain, pl.ids, from, per));
    }
    for (const db of [encrypted, plain, bareEnc, barePlain]) db.close();

    return [
      summarize(
        'Autosave one edit, 500-touchpoint journey (dispatch + handler), encrypted database',
        times.enc,
        20,
      ),
      summarize(
        'Same edits on an unencrypted database (the cost of encryption, same run)',
        times.plain,
      ),
      summarize('Baseline: bare better-sqlite3 single-row upsert', times.bare),
      summarize('Baseline: bare single-row upsert, encrypted (SQLCipher v4)', times.bareEnc),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
