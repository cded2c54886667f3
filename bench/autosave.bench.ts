/**
 * Autosave of one edit on a 500-touchpoint journey, through `dispatch` and the real handlers,
 * against a bare better-sqlite3 single-row upsert on the same machine in the same run.
 * Budget (ENGINEERING.md): the edit is committed in ≤ 20 ms of handler time.
 */
import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../electron/db/open';
import { createHandlers } from '../electron/handlers';
import { dispatch } from '../shared/ipc/dispatch';
import { summarize, type Row } from './stats';

export async function benchAutosave(iterations = 400): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), 'pathway-bench-'));
  try {
    const db = openDatabase(join(dir, 'app.sqlite'));
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

    const app: number[] = [];
    for (let i = 0; i < iterations; i++) {
      const id = ids[i % ids.length]!;
      const t0 = performance.now();
      const r = await dispatch(handlers, 'touchpoints:update', {
        id,
        patch: i % 2 ? { label: `Navn ${i}` } : { x: i, y: i },
      });
      app.push(performance.now() - t0);
      if (!r.ok) throw new Error(r.error.message);
    }
    db.close();

    const bare = new BetterSqlite3(join(dir, 'bare.sqlite'));
    bare.pragma('journal_mode = WAL');
    bare.pragma('synchronous = FULL');
    bare.exec('CREATE TABLE t (id TEXT PRIMARY KEY, label TEXT, x REAL, y REAL) STRICT');
    const upsert = bare.prepare(
      'INSERT INTO t VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET label = excluded.label, x = excluded.x, y = excluded.y',
    );
    for (const id of ids) upsert.run(id, 'x', 0, 0);
    const base: number[] = [];
    for (let i = 0; i < iterations; i++) {
      const t0 = performance.now();
      upsert.run(ids[i % ids.length]!, `Navn ${i}`, i, i);
      base.push(performance.now() - t0);
    }
    bare.close();

    return [
      summarize('Autosave one edit, 500-touchpoint journey (dispatch + handler)', app, 20),
      summarize('Baseline: bare better-sqlite3 single-row upsert', base),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
