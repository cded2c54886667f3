import BetterSqlite3 from 'better-sqlite3';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch, type Handlers } from '../../shared/ipc/dispatch';
import { everyRow, seedEverything } from '../../tests/support/backup-fixtures';
import { randomModels } from '../../tests/support/generate-models';
import { ipc, makeTestDb, type TestDb } from '../../tests/unit/helpers';
import { listBackups } from '../db/backups';
import { seal } from '../db/sealed-backup';
import { HOSTILE_SCHEMAS } from '../../tests/support/hostile-schemas';
import { openRaw } from '../../tests/support/test-key';
import type { Database } from 'better-sqlite3';

/** The tables whose rows belong to a journey (a `journey_id` column). */
const tablesWithJourneyId = (db: Database) =>
  (
    db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[]
  ).filter((t) =>
    (db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(t) as string[]).includes(
      'journey_id',
    ),
  );
import { createHandlers, type HandlerDeps } from '.';

let t: TestDb;
let folder: string;
let usb: string;
/** What the fake file dialogs answer. */
let chosenFile: string | null;
let handlers: Handlers;
let time: number;
const make = (deps: Partial<HandlerDeps> = {}) =>
  createHandlers({
    db: t.db,
    clock: () => new Date(time),
    newId: () => crypto.randomUUID(),
    backups: { folder },
    dialogs: {
      chooseExportFolder: () => Promise.resolve(null),
      chooseBackupFolder: () => Promise.resolve(usb),
      chooseBackupFile: () => Promise.resolve(chosenFile),
    },
    ...deps,
  });
beforeEach(() => {
  t = makeTestDb();
  folder = join(t.dir, 'backups');
  usb = t.dir;
  chosenFile = null;
  time = Date.parse('2026-03-01T09:00:00.000Z');
  handlers = make();
});
afterEach(() => t.cleanup());
const { call, callRaw } = ipc(() => handlers);

describe('the backups channels', () => {
  it('list, make and bring back a backup, keeping the database as it was first', async () => {
    expect(await call('backups:list', {})).toEqual([]);
    const { karen } = await seedEverything(handlers);
    const rows = everyRow(t.db);
    const made = await call('backups:create', {});
    expect(made).toMatchObject({ reason: 'manual', journeys: 2, at: '2026-03-01T09:00:00.000Z' });
    expect(made.name).not.toContain('/');

    time += 60_000;
    await call('journeys:delete', { id: karen });
    const outcome = await call('backups:restore', { name: made.name });
    expect(outcome).toMatchObject({ status: 'restored', journeys: 2 });
    expect(everyRow(t.db)).toEqual(rows);
    expect((await call('backups:list', {})).map((b) => b.reason)).toEqual([
      'before_restore',
      'manual',
    ]);
  });

  it('brings back the program workspace as the backup holds it, views included', async () => {
    // Five journeys at least, or the workspace's count is itself hidden.
    const models = randomModels(9, 41, 6);
    const file = (m: (typeof models)[number]) => {
      const text = JSON.stringify(m);
      return {
        name: `${m.exportId}.json`,
        size: Buffer.byteLength(text),
        bytes: Buffer.from(text),
      };
    };
    await call('program:import', { files: models.slice(0, 6).map(file) });
    const made = await call('backups:create', {});
    await call('program:import', { files: models.slice(6).map(file) });
    // The views are computed (and kept) with nine models in the workspace.
    const journeysOf = async () =>
      (await call('program:aggregate', { filter: {} })).cohort as { journeys?: number };
    expect((await journeysOf()).journeys).toBe(9);
    time += 60_000;
    expect(await call('backups:restore', { name: made.name })).toMatchObject({
      status: 'restored',
    });
    expect((await call('program:list', {})).map((m) => m.exportId).sort()).toEqual(
      models
        .slice(0, 6)
        .map((m) => m.exportId)
        .sort(),
    );
    expect((await journeysOf()).journeys).toBe(6);
  });

  it('answers a backup that cannot be restored with the reason, not an error', async () => {
    expect(
      await call('backups:restore', {
        name: 'pathway-backup-20260301T090000000Z-daily-1-abcd.sqlite',
      }),
    ).toEqual({ status: 'refused', problem: 'missing' });
    // A path is not a backup's name: refused at the door.
    const raw = await callRaw('backups:restore', { name: '../test.sqlite' });
    expect(raw).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('refuses a backup holding rows the app would refuse, before anything here is replaced', async () => {
    await seedEverything(handlers);
    const made = await call('backups:create', {});
    // A journey id that is no UUID, as a hand-made or damaged backup could hold: the database's
    // own checks pass it, the window's could not read it (the home screen would list nothing).
    const file = join(folder, made.name);
    const image = openRaw(file);
    image.pragma('foreign_keys = OFF');
    const id = image.prepare('SELECT id FROM journeys LIMIT 1').pluck().get() as string;
    for (const table of ['journeys', ...tablesWithJourneyId(image)]) {
      const column = table === 'journeys' ? 'id' : 'journey_id';
      image.prepare(`UPDATE ${table} SET ${column} = 'not-a-uuid' WHERE ${column} = ?`).run(id);
    }
    image.close();
    const rows = everyRow(t.db);
    const backups = (await call('backups:list', {})).length;
    expect(await call('backups:restore', { name: made.name })).toEqual({
      status: 'refused',
      problem: 'damaged',
    });
    expect(everyRow(t.db)).toEqual(rows);
    // Nothing was kept or replaced: no "before restore" backup either.
    expect(await call('backups:list', {})).toHaveLength(backups);
    expect((await call('journeys:list', {})).length).toBeGreaterThan(0);
  });

  it('restores a backup with one saved version that cannot be read, as the app lives with it', async () => {
    await seedEverything(handlers);
    const made = await call('backups:create', {});
    const image = openRaw(join(folder, made.name));
    const snapshot = image.prepare('SELECT id FROM snapshots LIMIT 1').pluck().get() as string;
    expect(snapshot).toBeTruthy();
    // Content no version of the app reads as a map (a migration leaves such a one as it is).
    image.prepare('UPDATE snapshots SET content = \'{"not": "a map"}\' WHERE id = ?').run(snapshot);
    image.close();
    expect(await call('backups:restore', { name: made.name })).toMatchObject({
      status: 'restored',
    });
  });

  it('writes a USB backup and brings it back with its passphrase, after a wrong one', async () => {
    const { karen } = await seedEverything(handlers);
    const rows = everyRow(t.db);
    // Too short for a new backup: the contract refuses it before anything happens.
    expect(await callRaw('backups:writeTo', { passphrase: 'kort' })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    const written = await call('backups:writeTo', { passphrase: 'tre grønne pærer' });
    expect(written).toMatchObject({ status: 'written', folder: usb, journeys: 2 });
    expect(readdirSync(usb)).toContain(written.status === 'written' ? written.name : 'never');

    await call('journeys:delete', { id: karen });
    expect(await call('backups:restoreFile', { passphrase: 'tre grønne pærer' })).toEqual({
      status: 'refused',
      problem: 'missing',
    });
    chosenFile = join(usb, written.status === 'written' ? written.name : 'never');
    expect(await call('backups:chooseFile', {})).toEqual({
      status: 'chosen',
      name: written.status === 'written' ? written.name : 'never',
    });
    expect(await call('backups:restoreFile', { passphrase: 'tre grønne æbler' })).toEqual({
      status: 'refused',
      problem: 'wrong_passphrase',
    });
    // The file stays chosen: only the passphrase is typed again.
    expect(await call('backups:restoreFile', { passphrase: 'tre grønne pærer' })).toMatchObject({
      status: 'restored',
      journeys: 2,
    });
    expect(everyRow(t.db)).toEqual(rows);
  });

  it('says so when a dialog is cancelled', async () => {
    handlers = make({ dialogs: { chooseExportFolder: () => Promise.resolve(null) } });
    expect(await call('backups:writeTo', { passphrase: 'tre grønne pærer' })).toEqual({
      status: 'cancelled',
    });
    expect(await call('backups:chooseFile', {})).toEqual({ status: 'cancelled' });
  });

  it('deletes a journey from the backups too, and lists what the backups still hold', async () => {
    const { karen } = await seedEverything(handlers);
    await call('backups:create', {});
    await call('journeys:delete', { id: karen });
    expect(await call('backups:deletedJourneys', {})).toEqual([
      { id: karen, alias: 'Karen, 67', backups: 1 },
    ]);
    expect(await call('backups:forgetJourney', { journeyId: karen })).toEqual({
      cleaned: 1,
      failed: 0,
      backups: 1,
    });
    expect(await call('backups:deletedJourneys', {})).toEqual([]);
  });

  it('refuses every backups channel when no backups folder is set up', async () => {
    handlers = make({ backups: undefined });
    for (const channel of ['backups:list', 'backups:create', 'backups:deletedJourneys'] as const) {
      expect(await dispatch(handlers, channel, {})).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
  });
});

describe("a backup whose schema is not the app's", () => {
  const PASSPHRASE = 'tre grønne pærer';
  /** A quick scrypt: the file is sealed here only to be refused. */
  const FAST = { log2N: 14, r: 8, p: 1 };

  it.each(HOSTILE_SCHEMAS)(
    'is refused with %s, from the backups folder or a USB stick, before anything is replaced',
    async (_, tamper) => {
      await seedEverything(handlers);
      const made = await call('backups:create', {});
      const rolling = openRaw(join(folder, made.name));
      tamper(rolling);
      rolling.close();

      // The database's image as a USB backup holds it, changed the same way, then sealed.
      const image = Buffer.from(t.db.serialize());
      // Marked as a rollback database: an image in memory has no WAL (as openImage does).
      image[18] = 1;
      image[19] = 1;
      const copy = new BetterSqlite3(image);
      tamper(copy);
      const sealed = await seal(copy.serialize(), PASSPHRASE, FAST);
      copy.close();
      chosenFile = join(usb, 'forloebsvaerksted-2026-03-01T09-00-00Z.fvbackup');
      writeFileSync(chosenFile, sealed);

      const rows = everyRow(t.db);
      const backups = await call('backups:list', {});
      expect(await call('backups:restore', { name: made.name })).toEqual({
        status: 'refused',
        problem: 'not_backup',
      });
      expect(await call('backups:chooseFile', {})).toMatchObject({ status: 'chosen' });
      expect(await call('backups:restoreFile', { passphrase: PASSPHRASE })).toEqual({
        status: 'refused',
        problem: 'not_backup',
      });
      expect(everyRow(t.db)).toEqual(rows);
      // Nothing was kept or replaced: no "before restore" backup either.
      expect(await call('backups:list', {})).toEqual(backups);
    },
  );

  it('still brings back the same backups as the app writes them', async () => {
    await seedEverything(handlers);
    const rows = everyRow(t.db);
    const made = await call('backups:create', {});
    const written = await call('backups:writeTo', { passphrase: PASSPHRASE });
    chosenFile = join(usb, written.status === 'written' ? written.name : 'never');
    await call('backups:chooseFile', {});
    expect(await call('backups:restore', { name: made.name })).toMatchObject({
      status: 'restored',
    });
    expect(await call('backups:restoreFile', { passphrase: PASSPHRASE })).toMatchObject({
      status: 'restored',
    });
    expect(everyRow(t.db)).toEqual(rows);
  });
});

describe('a snapshot restore', () => {
  async function snapshotOf() {
    const { karen } = await seedEverything(handlers);
    const snap = (await call('snapshots:list', { journeyId: karen }))[0]!;
    await call('touchpoints:create', { journeyId: karen, x: 0, y: 0, label: 'Efter udgaven' });
    return snap;
  }

  it('backs up the database first, by default', async () => {
    const snap = await snapshotOf();
    const rowsBefore = everyRow(t.db);
    await call('snapshots:restore', { id: snap.id, backupName: 'Før' });
    const [backup] = listBackups(folder);
    expect(backup).toMatchObject({ reason: 'snapshot_restore', journeys: 2 });
    // The backup is the database as it was before the restore changed it.
    const result = await call('backups:restore', { name: backup!.file.split(/[\\/]/).pop()! });
    expect(result.status).toBe('restored');
    expect(everyRow(t.db)).toEqual(rowsBefore);
  });

  it('calls the hook before anything changes, and a failing hook stops the restore', async () => {
    const snap = await snapshotOf();
    const seen: number[] = [];
    const count = () =>
      (t.db.prepare('SELECT count(*) AS n FROM snapshots').get() as { n: number }).n;
    handlers = make({
      backups: { folder, beforeSnapshotRestore: () => void seen.push(count()) },
    });
    await call('snapshots:restore', { id: snap.id, backupName: 'Før' });
    expect(seen).toEqual([1]);
    expect(count()).toBe(2);

    const rows = everyRow(t.db);
    handlers = make({
      backups: {
        folder,
        beforeSnapshotRestore: () => {
          throw new Error('disk full');
        },
      },
    });
    expect(await callRaw('snapshots:restore', { id: snap.id, backupName: 'Igen' })).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
    expect(everyRow(t.db)).toEqual(rows);
  });
});
