import BetterSqlite3, { type Database } from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LATEST_VERSION, MIGRATIONS, NewerDatabaseError, migrate } from './migrations';
import { unpackContent } from './model-content';
import { PriceRepository } from './price-repository';
import { listedName } from './program-repository';
import { priceListSchema } from '../../shared/economy/prices';
import { renderFormats } from '../export/export-service';
import { openDatabase } from './open';
import { randomModels } from '../../tests/support/generate-models';
import { testKey } from '../../tests/support/test-key';

const dirs: string[] = [];
function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pathway-mig-'));
  dirs.push(dir);
  return join(dir, 'db.sqlite');
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Everything that defines the schema, in a stable order. */
function schemaOf(db: Database): unknown {
  return {
    version: db.pragma('user_version', { simple: true }),
    objects: db
      .prepare(
        "SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name",
      )
      .all(),
  };
}

describe('migrations', () => {
  it('are numbered 1..n without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(LATEST_VERSION).toBe(MIGRATIONS.length);
  });

  it('give the same schema whether applied fresh or as an upgrade from every older version', () => {
    const fresh = new BetterSqlite3(':memory:');
    migrate(fresh);
    const expected = schemaOf(fresh);
    for (let start = 0; start < LATEST_VERSION; start++) {
      const db = new BetterSqlite3(':memory:');
      migrate(db, MIGRATIONS, start);
      expect(db.pragma('user_version', { simple: true })).toBe(start);
      migrate(db);
      expect(schemaOf(db)).toEqual(expected);
    }
  });

  it('keep imported program models when they are compressed, each row in full and with its month', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, MIGRATIONS, 11);
    const models = randomModels(450, 3, 30);
    const insert = db.prepare(
      "INSERT INTO program_models VALUES (?, ?, '2026-11-01T10:00:00.000Z', ?, ?, ?, '[]', 3, ?)",
    );
    for (const [i, m] of models.entries()) {
      const c = m.cohort;
      insert.run(m.exportId, `m${i}.json`, c.ageBand, c.sex, c.municipality, JSON.stringify(m));
    }
    // Up to the version that compressed them (version 15 names them anew, tested below).
    migrate(db, MIGRATIONS, 12);
    const rows = db
      .prepare('SELECT export_id, file_name, export_month, content FROM program_models')
      .all() as { export_id: string; file_name: string; export_month: string; content: Buffer }[];
    // More rows than one run of the migration's reads, none lost or changed.
    expect(rows).toHaveLength(models.length);
    const byId = new Map(rows.map((r) => [r.export_id, r]));
    for (const [i, m] of models.entries()) {
      const r = byId.get(m.exportId)!;
      expect(r.file_name).toBe(`m${i}.json`);
      expect(r.export_month).toBe(m.exportMonth);
      expect(unpackContent(r.content)).toBe(JSON.stringify(m));
      // Compressed: far smaller than the text.
      expect(r.content.length).toBeLessThan(JSON.stringify(m).length / 3);
    }
  });

  it('name every stored program model as the app names its export, keeping no file name', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, MIGRATIONS, 14);
    const models = randomModels(4, 5, 3);
    // Names a file can have and the model never does: a citizen's name, CPR number and address,
    // a NUL, a terminal's escape, a right-to-left override.
    const names = [
      'Anne Hansen 010170-1234 Vestergade 12.json',
      'x\u0000hidden-after-nul.json',
      '\u202eevil\u202c\u001b[31mred\u001b[0m.json',
      'model-1.json',
    ];
    const insert = db.prepare(
      `INSERT INTO program_models (export_id, file_name, imported_at, age_band, sex, municipality,
         condition_groups, touchpoint_count, export_month, content)
       VALUES (?, ?, '2026-11-01T10:00:00.000Z', NULL, NULL, NULL, '[]', 3, ?, x'')`,
    );
    models.forEach((m, i) => insert.run(m.exportId, names[i], m.exportMonth));
    migrate(db);
    const stored = new Map(
      (
        db.prepare('SELECT export_id, file_name FROM program_models').all() as {
          export_id: string;
          file_name: string;
        }[]
      ).map((r) => [r.export_id, r.file_name]),
    );
    // The name the export gave the model's file (less its extension), whatever the file was
    // called since; as the import names it.
    for (const m of models) {
      expect(`${stored.get(m.exportId)}.pathway.json`).toBe(renderFormats(m, ['model'])[0]!.name);
      expect(stored.get(m.exportId)).toBe(listedName(m.exportMonth, m.exportId));
    }
    expect(
      db
        .prepare(
          "SELECT count(*) FROM program_models WHERE file_name LIKE '%Hansen%' OR file_name LIKE '%model-1%'",
        )
        .pluck()
        .get(),
    ).toBe(0);
  });

  it('take control and direction characters out of the price texts stored before they were refused', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, MIGRATIONS, 15);
    const prices = new PriceRepository(db);
    prices.seedIfEmpty();
    const [first, second, third] = db
      .prepare('SELECT rowid FROM prices ORDER BY position LIMIT 3')
      .pluck()
      .all() as number[];
    const set = db.prepare('UPDATE prices SET source = ?, note = ? WHERE rowid = ?');
    set.run('Kilde\u0000skjult\u001b[2J\u202eevil', '=HYPERLINK("x")\u2066', first);
    set.run('SØM\u0092s tal', 'linje\vto\u0007', second);
    set.run('\u0000\u202e', '\u200f', third);
    migrate(db);
    const read = db.prepare('SELECT source, note FROM prices WHERE rowid = ?');
    expect(read.get(first)).toEqual({ source: 'Kildeskjult[2Jevil', note: '=HYPERLINK("x")' });
    expect(read.get(second)).toEqual({ source: 'SØM’s tal', note: 'linje\nto' });
    // A source is required: one that was nothing else says there is none; an empty note goes.
    expect(read.get(third)).toEqual({ source: '–', note: null });
    // Read whole by the schema the window's channel checks it with.
    expect(priceListSchema.safeParse(prices.get()).success).toBe(true);
  });

  it('keep existing rows when upgrading from version 1', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, MIGRATIONS, 1);
    db.prepare(
      "INSERT INTO journeys VALUES ('j1', 'Anna', 0, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')",
    ).run();
    migrate(db);
    expect(db.prepare('SELECT alias FROM journeys').all()).toEqual([{ alias: 'Anna' }]);
  });

  it('create STRICT tables only', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db);
    const tables = db
      .prepare(
        "SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%'",
      )
      .all() as { name: string; strict: number }[];
    expect(tables.length).toBeGreaterThanOrEqual(4);
    for (const t of tables) expect(t, t.name).toMatchObject({ strict: 1 });
  });

  it('roll back completely when one migration fails', () => {
    const db = new BetterSqlite3(':memory:');
    const broken = [
      ...MIGRATIONS,
      {
        version: MIGRATIONS.length + 1,
        description: 'broken',
        up: (d: Database) => {
          d.exec('CREATE TABLE half_done (x INTEGER) STRICT');
          d.exec('THIS IS NOT SQL');
        },
      },
    ];
    expect(() => migrate(db, broken)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare('SELECT count(*) AS n FROM sqlite_schema').get()).toEqual({ n: 0 });
  });

  it('refuse a database made by a newer version, with a clear message, and leave it untouched', () => {
    const file = tempFile();
    const db = new BetterSqlite3(file);
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    db.close();
    expect(() => openDatabase(file, testKey())).toThrow(NewerDatabaseError);
    expect(() => openDatabase(file, testKey())).toThrow(/newer version/);
    const again = new BetterSqlite3(file);
    expect(again.pragma('user_version', { simple: true })).toBe(LATEST_VERSION + 1);
    again.close();
  });

  it('open the file with WAL, synchronous=FULL, foreign keys, secure delete and an untrusted schema', () => {
    const db = openDatabase(tempFile(), testKey());
    expect(db.pragma('trusted_schema', { simple: true })).toBe(0);
    // A view may no longer call a function the app registers without marking it harmless.
    db.function('sideEffect', { directOnly: false }, () => 1);
    db.exec('CREATE VIEW calls AS SELECT sideEffect() AS x');
    expect(() => db.prepare('SELECT x FROM calls').get()).toThrow(/unsafe use of sideEffect/);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('secure_delete', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    db.close();
  });
});
