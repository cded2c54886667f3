import BetterSqlite3, { type Database } from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { serviceCodeSchema } from '../../shared/domain/journey';
import { dispatch, type Handlers } from '../../shared/ipc/dispatch';
import { ipc } from '../../tests/unit/helpers';
import { createHandlers } from '../handlers';
import {
  CatalogueRepository,
  LOCAL_CODE_ALPHABET,
  isLocalServiceCode,
  loadDefaultCatalogue,
  randomLocalToken,
} from './catalogue-repository';
import { LATEST_VERSION, MIGRATIONS, migrate } from './migrations';
import { openDatabase } from './open';
import { testKey } from '../../tests/support/test-key';

const LOCAL_CODE = /^local-[bcdfghjklmnpqrstvwxz]{12}$/;

const dirs: string[] = [];
const dbs: Database[] = [];
function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pathway-codes-'));
  dirs.push(dir);
  return join(dir, 'db.sqlite');
}
afterEach(() => {
  for (const db of dbs.splice(0)) if (db.open) db.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A real database file, opened with the app's pragmas, at schema `version`. */
function dbAt(version: number): Database {
  const db = new BetterSqlite3(tempFile());
  dbs.push(db);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  migrate(db, MIGRATIONS, version);
  expect(db.pragma('user_version', { simple: true })).toBe(version);
  return db;
}

function handlersOn(db: Database): Handlers {
  let time = Date.parse('2026-03-01T09:00:00.000Z');
  return createHandlers({
    db,
    clock: () => new Date((time += 1000)),
    newId: () => crypto.randomUUID(),
  });
}

/** A token source that hands out the given tokens in turn. */
function tokens(...list: string[]): () => string {
  let i = 0;
  return () => {
    const next = list[i++];
    if (next === undefined) throw new Error('out of tokens');
    return next;
  };
}

const newService = {
  sector: 'civil_society',
  defaultContactType: 'meeting',
  label: { da: 'Lægerne Aksel Andersen og Jørgen Bach, Nørregade 12', en: 'GP practice' },
} as const;

describe('local service codes', () => {
  it('are drawn from consonants only, valid for the schema, and random', () => {
    expect(LOCAL_CODE_ALPHABET).toHaveLength(20);
    expect(LOCAL_CODE_ALPHABET).not.toMatch(/[aeiouy0-9]/);
    const seen = new Set<string>();
    for (let i = 0; i < 5000; i++) {
      const code = `local-${randomLocalToken()}`;
      expect(code).toMatch(LOCAL_CODE);
      expect(isLocalServiceCode(code)).toBe(true);
      expect(serviceCodeSchema.safeParse(code).success).toBe(true);
      seen.add(code);
    }
    expect(seen.size).toBe(5000);
    expect(isLocalServiceCode('local-pharmacy')).toBe(false);
    expect(isLocalServiceCode('local-x--2')).toBe(false);
  });

  it('skip a token already taken, by a service or by a touchpoint', () => {
    const db = openDatabase(tempFile(), testKey());
    dbs.push(db);
    handlersOn(db); // seeds the catalogue
    // A touchpoint that names a code the catalogue does not list.
    db.prepare(
      "INSERT INTO journeys VALUES ('j1', 'A', 0, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')",
    ).run();
    db.prepare(
      `INSERT INTO touchpoints (id, journey_id, x, y, created_at, updated_at, service_code)
       VALUES ('t1', 'j1', 0, 0, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', 'local-dddddddddddd')`,
    ).run();
    const repo = new CatalogueRepository(db, {
      token: tokens('bbbbbbbbbbbb', 'bbbbbbbbbbbb', 'dddddddddddd', 'cccccccccccc'),
    });
    expect(repo.create(newService).code).toBe('local-bbbbbbbbbbbb');
    expect(repo.create(newService).code).toBe('local-cccccccccccc');
  });

  it('never write a row when no valid, free code can be had, and the catalogue still lists', async () => {
    const db = openDatabase(tempFile(), testKey());
    dbs.push(db);
    const handlers = handlersOn(db);
    const count = () => (db.prepare('SELECT count(*) AS n FROM services').get() as { n: number }).n;
    const before = count();
    for (const bad of ['', 'aksel', 'x--2', 'bbbbbbbbbbb-', 'BBBBBBBBBBBB', '123456789012']) {
      const repo = new CatalogueRepository(db, { token: () => bad });
      expect(() => repo.create(newService), bad).toThrow();
    }
    const full = new CatalogueRepository(db, { token: () => 'bbbbbbbbbbbb' });
    expect(full.create(newService).code).toBe('local-bbbbbbbbbbbb');
    expect(() => full.create(newService)).toThrow(/No free/);
    // A label the table refuses (over 100 characters) fails before anything is written.
    expect(() =>
      new CatalogueRepository(db).create({
        ...newService,
        label: { da: 'x'.repeat(101), en: 'x' },
      }),
    ).toThrow();
    expect(count()).toBe(before + 1);
    const listed = await dispatch(handlers, 'catalogue:list', {});
    expect(listed).toMatchObject({ ok: true });
  });
});

/** Every text value in every table, to search for what must be gone. */
function everyText(db: Database): string {
  const tables = (
    db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .all() as { name: string }[]
  ).map((t) => t.name);
  return tables
    .map((t) => JSON.stringify(db.prepare(`SELECT * FROM "${t}"`).all()))
    .join('\n')
    .toLowerCase();
}

describe('migration 9: local codes become opaque', () => {
  const DERIVED = [
    {
      code: 'local-laegerne-aksel-andersen-og-joergen-bach-noerrega',
      da: 'Lægerne Aksel Andersen og Jørgen Bach, Nørregade 12',
    },
    { code: 'local-vaerested-aalholm', da: 'Værested Ålholm' },
    { code: 'local-vaerested-aalholm-2', da: 'Værested Ålholm' },
    // What a clash on a shortened name ending in a hyphen gave: the schema refuses the second.
    { code: 'local-tandlaege-birthe', da: 'Tandlæge Birthe-' },
    { code: 'local-tandlaege-birthe--2', da: 'Tandlæge Birthe-' },
  ];

  /** A version 8 database with derived codes used on touchpoints and in snapshots. */
  async function version8() {
    const db = dbAt(8);
    const handlers = handlersOn(db);
    const { call } = ipc(() => handlers);
    const insert = db.prepare(
      `INSERT INTO services (code, sector, default_contact_type, label_da, label_en, hidden, position)
       VALUES (?, 'civil_society', 'meeting', ?, ?, 0, (SELECT max(position) + 1 FROM services))`,
    );
    for (const d of DERIVED) insert.run(d.code, d.da, `${d.da} (en)`);
    // A code opaque already stays as it is.
    insert.run('local-bcdfghjklmnp', 'Opaque', 'Opaque');

    // Before the migration the broken row fails the whole catalogue.
    expect(await dispatch(handlers, 'catalogue:list', {})).toMatchObject({ ok: false });

    const j1 = await call('journeys:create', { alias: 'Forløb 1' });
    const j2 = await call('journeys:create', { alias: 'Forløb 2' });
    const used = [
      'local-laegerne-aksel-andersen-og-joergen-bach-noerrega',
      'local-vaerested-aalholm',
      'local-vaerested-aalholm-2',
      'local-tandlaege-birthe',
      'local-pharmacy', // shipped with the default catalogue: not derived from a user's name
      'nyk-hospital-emergency',
      'local-bcdfghjklmnp',
    ];
    const tp: Record<string, string> = {};
    for (const [i, code] of used.entries()) {
      for (const [j, map] of [
        [j1, 'as_is'],
        [j2, 'to_be'],
      ] as const) {
        const t = await call('touchpoints:create', {
          journeyId: j.id,
          map,
          x: i * 100,
          y: 0,
          label: `Besøg ${i}`,
          sector: 'civil_society',
          serviceCode: code,
        });
        tp[`${j.id}:${code}`] = t.id;
      }
    }
    await call('touchpoints:create', { journeyId: j1.id, x: 0, y: 100, label: 'Uden tilbud' });
    // The broken code cannot pass IPC, but a touchpoint may hold it from before.
    db.prepare('UPDATE touchpoints SET service_code = ? WHERE id = ?').run(
      'local-tandlaege-birthe--2',
      tp[`${j2.id}:local-tandlaege-birthe`],
    );
    // A derived code the catalogue does not list (any more) is renamed as well.
    const orphan = await call('touchpoints:create', {
      journeyId: j1.id,
      x: 0,
      y: 200,
      serviceCode: 'local-gammelt-tilbud-i-maribo',
    });

    const s1 = await call('snapshots:create', { journeyId: j1.id, name: 'Før' });
    const s2 = await call('snapshots:create', { journeyId: j2.id, name: 'Før' });
    // An unreadable snapshot is left as it is, and does not stop the migration.
    db.prepare(
      "INSERT INTO snapshots VALUES ('s-bad', ?, 'Ødelagt', 0, '{not json', '2026-01-01T00:00:00.000Z')",
    ).run(j1.id);

    const snapshotContent = (id: string) =>
      (db.prepare('SELECT content FROM snapshots WHERE id = ?').get(id) as { content: string })
        .content;
    return {
      db,
      j1,
      j2,
      s1,
      s2,
      orphan,
      before: {
        services: db.prepare('SELECT * FROM services ORDER BY position').all() as Record<
          string,
          unknown
        >[],
        touchpoints: db.prepare('SELECT * FROM touchpoints ORDER BY id').all() as Record<
          string,
          unknown
        >[],
        snapshots: { s1: snapshotContent(s1.id), s2: snapshotContent(s2.id) },
      },
      snapshotContent,
    };
  }

  it('renames every derived and broken code everywhere it is named, consistently, losing nothing', async () => {
    const v8 = await version8();
    const { db, before } = v8;
    expect(migrate(db)).toEqual({ from: 8, to: LATEST_VERSION });

    // The catalogue: same rows in the same order, only the derived codes changed.
    const services = db.prepare('SELECT * FROM services ORDER BY position').all() as Record<
      string,
      unknown
    >[];
    expect(services).toHaveLength(before.services.length);
    const renamed = new Map<string, string>();
    services.forEach((after, i) => {
      const was = before.services[i]!;
      expect({ ...after, code: null }).toEqual({ ...was, code: null });
      const from = was.code as string;
      const to = after.code as string;
      if (DERIVED.some((d) => d.code === from)) {
        expect(to, from).toMatch(LOCAL_CODE);
        renamed.set(from, to);
      } else {
        expect(to).toBe(from);
      }
    });
    expect(renamed.size).toBe(DERIVED.length);
    expect(new Set(services.map((s) => s.code)).size).toBe(services.length);
    expect(services.find((s) => s.code === 'local-pharmacy')).toBeDefined();
    expect(services.find((s) => s.code === 'local-bcdfghjklmnp')).toBeDefined();

    // Touchpoints: each follows its service; nothing else about them changed.
    const touchpoints = db.prepare('SELECT * FROM touchpoints ORDER BY id').all() as Record<
      string,
      unknown
    >[];
    expect(touchpoints).toHaveLength(before.touchpoints.length);
    let orphanTo: string | undefined;
    touchpoints.forEach((after, i) => {
      const was = before.touchpoints[i]!;
      expect({ ...after, service_code: null }).toEqual({ ...was, service_code: null });
      const from = was.service_code as string | null;
      if (from === 'local-gammelt-tilbud-i-maribo') {
        orphanTo = after.service_code as string;
        expect(orphanTo).toMatch(LOCAL_CODE);
      } else {
        expect(after.service_code, String(from)).toBe(
          from === null ? null : (renamed.get(from) ?? from),
        );
      }
    });
    expect([...renamed.values()]).not.toContain(orphanTo);

    // Snapshots: the same content, with the same new codes.
    for (const id of [v8.s1.id, v8.s2.id]) {
      const was = JSON.parse(before.snapshots[id === v8.s1.id ? 's1' : 's2']) as {
        touchpoints: { serviceCode: string | null }[];
      };
      const now = JSON.parse(v8.snapshotContent(id)) as typeof was;
      for (const t of was.touchpoints) {
        const from = t.serviceCode;
        t.serviceCode =
          from === 'local-gammelt-tilbud-i-maribo'
            ? orphanTo!
            : from === null
              ? null
              : (renamed.get(from) ?? from);
      }
      expect(now).toEqual(was);
    }
    expect(v8.snapshotContent('s-bad')).toBe('{not json');

    // No trace of an old code (or the names in it) anywhere in the database but the labels.
    const text = everyText(db);
    for (const d of DERIVED) expect(text).not.toContain(`"${d.code}"`);
    for (const word of ['laegerne', 'aksel', 'joergen', 'noerrega', 'aalholm', 'gammelt', '--2'])
      expect(text, word).not.toMatch(new RegExp(`local-[a-z0-9-]*${word}`));

    // The app reads all of it again: the catalogue lists, journeys and snapshots load.
    const handlers = handlersOn(db);
    const { call } = ipc(() => handlers);
    const listed = await call('catalogue:list', {});
    expect(listed.length).toBe(loadDefaultCatalogue().services.length + DERIVED.length + 1);
    for (const s of listed) expect(serviceCodeSchema.safeParse(s.code).success, s.code).toBe(true);
    const j1 = await call('journeys:get', { id: v8.j1.id });
    expect(j1.touchpoints.map((t) => t.serviceCode)).toContain(
      renamed.get('local-laegerne-aksel-andersen-og-joergen-bach-noerrega'),
    );
    const snap = await call('snapshots:get', { id: v8.s2.id });
    // In the second journey the broken code had replaced the first one.
    expect(snap.content.touchpoints.map((t) => t.serviceCode)).toContain(
      renamed.get('local-tandlaege-birthe--2'),
    );
    // Restoring a snapshot taken before the migration brings back the new codes.
    await call('snapshots:restore', { id: v8.s1.id, backupName: 'Backup' });
    const restored = await call('journeys:get', { id: v8.j1.id });
    expect(restored.touchpoints.map((t) => t.serviceCode).sort()).toEqual(
      j1.touchpoints.map((t) => t.serviceCode).sort(),
    );
    // The renamed services can be edited under their new codes.
    const code = renamed.get('local-tandlaege-birthe--2')!;
    expect(await call('catalogue:update', { code, patch: { hidden: true } })).toMatchObject({
      code,
      hidden: true,
      label: { da: 'Tandlæge Birthe-' },
    });
  });

  it('gives two migrations of the same data different codes (random, not derived)', async () => {
    const a = await version8();
    const b = await version8();
    migrate(a.db);
    migrate(b.db);
    const codeOf = (db: Database, da: string) =>
      (
        db.prepare('SELECT code FROM services WHERE label_da = ? ORDER BY position').get(da) as {
          code: string;
        }
      ).code;
    for (const d of DERIVED) expect(codeOf(a.db, d.da)).not.toBe(codeOf(b.db, d.da));
  });

  it('does nothing to a catalogue without derived codes', () => {
    const db = dbAt(8);
    handlersOn(db); // seeds the default
    const before = db.prepare('SELECT * FROM services ORDER BY position').all();
    migrate(db);
    expect(db.prepare('SELECT * FROM services ORDER BY position').all()).toEqual(before);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
  });
});
