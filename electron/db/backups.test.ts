import BetterSqlite3 from 'better-sqlite3';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BACKUP_NAME_PATTERN } from '../../shared/domain/backup';
import { everyRow, seedEverything } from '../../tests/support/backup-fixtures';
import { ipc, makeTestDb, type TestDb } from '../../tests/unit/helpers';
import {
  BackupError,
  dailyBackupDue,
  deletedJourneysInBackups,
  forgetJourney,
  listBackups,
  pruneBackups,
  restoreBackup,
  runDailyBackup,
  startDailyBackups,
  writeBackup,
} from './backups';
import { MIGRATIONS, migrate } from './migrations';
import { openRaw, openTestDatabase, testKey } from '../../tests/support/test-key';
import { openDatabase } from './open';
import { lookOfFile } from './cipher';
import { viewInsteadOf } from '../../tests/support/hostile-schemas';

let t: TestDb;
let folder: string;
beforeEach(() => {
  t = makeTestDb();
  folder = join(t.dir, 'backups');
});
afterEach(() => t.cleanup());
const { call } = ipc(() => t.handlers);

const at = (iso: string) => new Date(iso);
const day = (n: number) => at(`2026-03-${String(n).padStart(2, '0')}T10:00:00.000Z`);
/** A refusal's problem and what it says for the log. */
const refusalOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof BackupError) return `${error.problem}: ${error.detail}`;
    throw error;
  }
  throw new Error('no BackupError');
};
const problemOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof BackupError) return error.problem;
    throw error;
  }
  throw new Error('no BackupError');
};
/** A backup's pages as its key reads them, free pages included. */
function imageOf(file: string): Buffer {
  const db = openRaw(file, { readonly: true });
  try {
    return db.serialize();
  } finally {
    db.close();
  }
}

/**
 * Every row of a backup file, read in its own connection: backups of the (encrypted) database are
 * encrypted with its key, the test key here; a backup of an unencrypted database is plain.
 */
function rowsOf(file: string) {
  const db =
    lookOfFile(file) === 'plain'
      ? new BetterSqlite3(file, { readonly: true })
      : openRaw(file, { readonly: true });
  try {
    return everyRow(db);
  } finally {
    db.close();
  }
}

describe('writing a backup', () => {
  it('writes a checked copy that holds every row, named for when, why and how many', async () => {
    await seedEverything(t.handlers);
    const info = writeBackup(t.db, folder, 'manual', at('2026-03-01T09:30:00.000Z'));
    expect(basename(info.file)).toMatch(BACKUP_NAME_PATTERN);
    expect(info).toMatchObject({ at: '2026-03-01T09:30:00.000Z', reason: 'manual', journeys: 2 });
    expect(info.bytes).toBe(statSync(info.file).size);
    expect(rowsOf(info.file)).toEqual(everyRow(t.db));
    if (process.platform !== 'win32') expect(statSync(info.file).mode & 0o777).toBe(0o600);
    // Nothing but the backup is left in the folder (no temporary file, no journal).
    expect(readdirSync(folder)).toEqual([basename(info.file)]);
    expect(listBackups(folder)).toEqual([info]);
  });

  it('encrypts the backup of an encrypted database with its key', async () => {
    await seedEverything(t.handlers);
    const info = writeBackup(t.db, folder, 'daily', day(1));
    const bytes = readFileSync(info.file);
    expect(lookOfFile(info.file)).toBe('encrypted');
    for (const text of ['SQLite format 3', 'Karen, 67', 'Karen Hansen', 'Jobcentret']) {
      expect(bytes.includes(Buffer.from(text)), text).toBe(false);
    }
    // The database's own key opens it; another does not.
    expect(rowsOf(info.file)).toEqual(everyRow(t.db));
    const other = openRaw(info.file, { readonly: true }, Buffer.alloc(32, 1));
    expect(() => other.pragma('user_version')).toThrow(/not a database/);
    other.close();
  });

  it('copies no deleted journey along: the copy is made from live pages only', async () => {
    const { karen } = await seedEverything(t.handlers);
    await call('journeys:delete', { id: karen });
    const info = writeBackup(t.db, folder, 'daily', day(1));
    // The file is encrypted; its pages as its key reads them (free pages too) are what count.
    const reader = openRaw(info.file, { readonly: true });
    const bytes = reader.serialize();
    reader.close();
    expect(bytes.includes(Buffer.from('Karen Hansen'))).toBe(false);
    expect(bytes.includes(Buffer.from('Jobcentret'))).toBe(true);
  });

  it('refuses inside a transaction and leaves nothing behind', () => {
    expect(() => t.db.transaction(() => writeBackup(t.db, folder, 'migration', day(1)))()).toThrow(
      /transaction/,
    );
    expect(listBackups(folder)).toEqual([]);
    expect(readdirSync(folder)).toEqual([]);
  });

  it('backs up a database of an older version (before a migration) as it is', () => {
    const older = new BetterSqlite3(join(t.dir, 'older.sqlite'));
    migrate(older, MIGRATIONS, MIGRATIONS.length - 2);
    older.prepare("INSERT INTO journeys VALUES ('j1', 'Gammel', 0, 'x', 'x')").run();
    const info = writeBackup(older, folder, 'migration', day(1));
    expect(info.journeys).toBe(1);
    const copy = new BetterSqlite3(info.file, { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length - 2);
    copy.close();
    older.close();
  });
});

describe('the rolling backups', () => {
  it('lists newest first, ignores other files, and has none without a folder', () => {
    expect(listBackups(folder)).toEqual([]);
    const a = writeBackup(t.db, folder, 'daily', day(1));
    const b = writeBackup(t.db, folder, 'snapshot_restore', day(2));
    writeFileSync(join(folder, 'notes.txt'), 'x');
    writeFileSync(join(folder, 'pathway-backup-nonsense.sqlite'), 'x');
    expect(listBackups(folder).map((i) => i.file)).toEqual([b.file, a.file]);
  });

  it('keeps the backups of the newest 7 days, pruned after each new one', () => {
    const made = Array.from({ length: 9 }, (_, i) =>
      writeBackup(t.db, folder, 'daily', day(i + 1)),
    );
    expect(listBackups(folder).map((b) => b.file)).toEqual(
      made
        .slice(2)
        .reverse()
        .map((b) => b.file),
    );
  });

  it('does not let a busy day push the earlier days out', () => {
    for (let i = 1; i <= 7; i++) writeBackup(t.db, folder, 'daily', day(i));
    // Many snapshot restores on the seventh day: every earlier day is still there.
    for (let h = 11; h < 20; h++) {
      writeBackup(t.db, folder, 'snapshot_restore', at(`2026-03-07T${h}:00:00.000Z`));
    }
    const days = new Set(listBackups(folder).map((b) => b.at.slice(0, 10)));
    expect(days.size).toBe(7);
    expect(listBackups(folder)).toHaveLength(16);
    // The eighth day's backup lets the first day go.
    writeBackup(t.db, folder, 'daily', day(8));
    expect(listBackups(folder).some((b) => b.at.startsWith('2026-03-01'))).toBe(false);
    // Fewer days to keep: the days before are removed (five days of one backup each).
    expect(pruneBackups(folder, 2, day(8))).toHaveLength(5);
    expect(listBackups(folder)).toHaveLength(11);
  });

  it('clears a temporary file a crashed write left, once it is old', () => {
    mkdirSync(folder);
    const stale = join(folder, '.pathway-backup-20260301T000000000Z-abcd.tmp');
    const fresh = join(folder, '.pathway-backup-20260301T000000000Z-dcba.tmp');
    writeFileSync(stale, 'half a copy');
    writeFileSync(fresh, 'a copy being written');
    const old = new Date(Date.now() - 2 * 60 * 60 * 1000);
    utimesSync(stale, old, old);
    pruneBackups(folder, 7, new Date());
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(fresh)).toBe(true);
  });
});

describe('the daily backup', () => {
  it('is due when the newest backup is a day old, not before', () => {
    expect(dailyBackupDue(folder, day(1))).toBe(true);
    expect(runDailyBackup(t.db, folder, day(1))).not.toBeNull();
    expect(runDailyBackup(t.db, folder, at('2026-03-02T09:59:59.999Z'))).toBeNull();
    // Any backup counts: one before a migration yesterday evening makes today's wait.
    writeBackup(t.db, folder, 'migration', at('2026-03-01T20:00:00.000Z'));
    expect(dailyBackupDue(folder, at('2026-03-02T10:00:00.000Z'))).toBe(false);
    expect(runDailyBackup(t.db, folder, at('2026-03-02T20:00:00.000Z'))?.reason).toBe('daily');
    // A backup "from the future" (the clock was set back) does not stop it.
    expect(dailyBackupDue(folder, at('2026-02-01T10:00:00.000Z'))).toBe(true);
  });

  it('runs at start and then on the timer while the app runs, telling failures', () => {
    vi.useFakeTimers();
    try {
      let now = day(1).getTime();
      const errors: unknown[] = [];
      const stop = startDailyBackups({
        db: t.db,
        folder,
        clock: () => new Date(now),
        onError: (e) => errors.push(e),
      });
      // A moment after the start, not during it.
      expect(listBackups(folder)).toHaveLength(0);
      vi.advanceTimersByTime(0);
      expect(listBackups(folder)).toHaveLength(1);
      for (let hour = 1; hour <= 23; hour++) {
        now += 60 * 60 * 1000;
        vi.advanceTimersByTime(60 * 60 * 1000);
      }
      expect(listBackups(folder)).toHaveLength(1);
      now += 60 * 60 * 1000;
      vi.advanceTimersByTime(60 * 60 * 1000);
      expect(listBackups(folder).map((b) => b.reason)).toEqual(['daily', 'daily']);
      expect(errors).toEqual([]);
      stop();
      now += 48 * 60 * 60 * 1000;
      vi.advanceTimersByTime(48 * 60 * 60 * 1000);
      expect(listBackups(folder)).toHaveLength(2);

      // A folder that cannot be made (a file is in the way): told, not thrown.
      const blocked = join(t.dir, 'blocked');
      writeFileSync(blocked, 'x');
      const stopBlocked = startDailyBackups({
        db: t.db,
        folder: blocked,
        clock: () => new Date(now),
        onError: (e) => errors.push(e),
      });
      vi.advanceTimersByTime(0);
      expect(errors).toHaveLength(1);
      stopBlocked();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('restoring a rolling backup', () => {
  it('brings back every row as it was, keeping the database as it was just before', async () => {
    const { karen, bo } = await seedEverything(t.handlers);
    const before = everyRow(t.db);
    const backup = writeBackup(t.db, folder, 'daily', day(1));

    // A morning's changes, and a mistake: Karen deleted.
    await call('journeys:delete', { id: karen });
    await call('journeys:rename', { id: bo, alias: 'Bo Jensen' });
    await call('journeys:create', { alias: 'Ny' });
    await call('settings:set', { language: 'da' });
    await call('program:deleteAll', {});
    const changed = everyRow(t.db);

    const result = restoreBackup(t.db, folder, basename(backup.file), day(2));
    expect(everyRow(t.db)).toEqual(before);
    expect(result.journeys).toBe(2);
    expect(result.kept.reason).toBe('before_restore');
    expect(rowsOf(result.kept.file)).toEqual(changed);
    // The handlers go on working on the same connection.
    expect((await call('journeys:get', { id: karen })).touchpoints.length).toBeGreaterThan(10);

    // And what was there just before can be had back the same way.
    restoreBackup(t.db, folder, basename(result.kept.file), day(3));
    expect(everyRow(t.db)).toEqual(changed);

    // The restored database is sound on disk, opened afresh.
    t.db.close();
    const reopened = openTestDatabase(t.file);
    expect(everyRow(reopened)).toEqual(changed);
    reopened.close();
  });

  it('restores a backup made before a migration, bringing it up to this version', () => {
    // The database at an older version, encrypted as the app keeps it, backed up before the app
    // migrates it; the backup is then restored into the same database, migrated.
    const olderFile = join(t.dir, 'older.sqlite');
    const older = openRaw(olderFile);
    migrate(older, MIGRATIONS, MIGRATIONS.length - 2);
    older
      .prepare(
        "INSERT INTO journeys VALUES ('11111111-1111-4111-8111-111111111111', 'Gammel', 0, ?, ?)",
      )
      .run('2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
    const backup = writeBackup(older, folder, 'migration', day(1));
    older.close();
    const upgraded = openTestDatabase(olderFile);
    try {
      upgraded.prepare("UPDATE journeys SET alias = 'Ny'").run();
      restoreBackup(upgraded, folder, basename(backup.file), day(2));
      expect(upgraded.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
      expect(upgraded.prepare('SELECT alias FROM journeys').all()).toEqual([{ alias: 'Gammel' }]);
    } finally {
      upgraded.close();
    }
  });

  it('refuses a missing, empty, foreign, damaged or newer backup and changes nothing', async () => {
    await seedEverything(t.handlers);
    const good = writeBackup(t.db, folder, 'daily', day(1));
    const before = everyRow(t.db);
    const name = (reason: string, n: number) =>
      `pathway-backup-20260302T10000000${n}Z-${reason}-1-abcd.sqlite`;

    expect(problemOf(() => restoreBackup(t.db, folder, name('daily', 1), day(3)))).toBe('missing');
    expect(problemOf(() => restoreBackup(t.db, folder, '../test.sqlite', day(3)))).toBe('missing');

    writeFileSync(join(folder, name('daily', 2)), '');
    expect(problemOf(() => restoreBackup(t.db, folder, name('daily', 2), day(3)))).toBe('empty');

    writeFileSync(
      join(folder, name('daily', 3)),
      'Karen, 67; notes from the workshop\n'.repeat(200),
    );
    expect(problemOf(() => restoreBackup(t.db, folder, name('daily', 3), day(3)))).toBe(
      'not_backup',
    );

    const foreign = new BetterSqlite3(join(folder, name('manual', 4)));
    foreign.exec('CREATE TABLE recipes (name TEXT)');
    foreign.close();
    expect(problemOf(() => restoreBackup(t.db, folder, name('manual', 4), day(3)))).toBe(
      'not_backup',
    );

    // A backup of this database as a newer version of the app would write it.
    copyFileSync(good.file, join(folder, name('manual', 5)));
    const newer = openRaw(join(folder, name('manual', 5)));
    newer.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    newer.close();
    expect(problemOf(() => restoreBackup(t.db, folder, name('manual', 5), day(3)))).toBe(
      'newer_version',
    );

    // Bytes changed inside a page of the good backup (a bad sector, a failed copy).
    const bytes = readFileSync(good.file);
    const damaged = Buffer.from(bytes);
    for (let i = 4096 + 100; i < 4096 + 400; i++) damaged[i] = damaged[i]! ^ 0xff;
    writeFileSync(join(folder, name('daily', 6)), damaged);
    expect(problemOf(() => restoreBackup(t.db, folder, name('daily', 6), day(3)))).toBe('damaged');

    expect(everyRow(t.db)).toEqual(before);
    // No "before restore" backup was written for a restore that could not start.
    expect(listBackups(folder).filter((b) => b.reason === 'before_restore')).toEqual([]);
  });
});

describe('deleting a journey from the backups too', () => {
  it('removes it from every backup that holds it, leaves the rest, and says how many', async () => {
    const { karen, bo } = await seedEverything(t.handlers);
    writeBackup(t.db, folder, 'daily', day(1));
    writeBackup(t.db, folder, 'daily', day(2));
    await call('journeys:delete', { id: karen });
    writeBackup(t.db, folder, 'daily', day(3));
    expect(deletedJourneysInBackups(t.db, folder)).toEqual([
      { id: karen, alias: 'Karen, 67', backups: 2 },
    ]);
    const boRows = rowsOf(listBackups(folder)[2]!.file)['touchpoints']!.filter(
      (r) => (r as { journey_id: string }).journey_id === bo,
    );

    // The control: before, the words are there to be found.
    expect(imageOf(listBackups(folder)[2]!.file).includes(Buffer.from('Karen Hansen'))).toBe(true);

    expect(forgetJourney(t.db, folder, karen)).toEqual({ cleaned: 2, failed: 0, backups: 3 });
    for (const b of listBackups(folder)) {
      // Not a row, and not a byte of its pages as the key reads them (free pages included): the
      // freed pages were vacuumed away.
      const bytes = imageOf(b.file);
      for (const text of ['Karen, 67', 'Karen Hansen', 'Lå syv timer på en båre']) {
        expect(bytes.includes(Buffer.from(text)), `${text} in ${basename(b.file)}`).toBe(false);
      }
      const rows = rowsOf(b.file);
      expect(JSON.stringify(rows)).not.toContain(karen);
      expect(
        rows['touchpoints']!.filter((r) => (r as { journey_id: string }).journey_id === bo),
      ).toEqual(boRows);
      expect(b.journeys).toBe(1);
      const check = openRaw(b.file, { readonly: true });
      expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
      check.close();
    }
    expect(deletedJourneysInBackups(t.db, folder)).toEqual([]);
    expect(forgetJourney(t.db, folder, karen)).toEqual({ cleaned: 0, failed: 0, backups: 3 });
  });

  it('counts a backup it cannot read and still cleans the others', async () => {
    const { karen } = await seedEverything(t.handlers);
    const a = writeBackup(t.db, folder, 'daily', day(1));
    const b = writeBackup(t.db, folder, 'daily', day(2));
    writeFileSync(b.file, 'not a database any more, though named as one');
    await call('journeys:delete', { id: karen });
    expect(forgetJourney(t.db, folder, karen)).toEqual({ cleaned: 1, failed: 1, backups: 2 });
    const cleaned = listBackups(folder).find((x) => x.at === a.at)!;
    expect(imageOf(cleaned.file).includes(Buffer.from('Karen Hansen'))).toBe(false);
  });
});

describe('a backup before every migration', () => {
  it('backs up a database of an older version before migrating it, and not a current one', () => {
    const file = join(t.dir, 'older.sqlite');
    const older = new BetterSqlite3(file);
    migrate(older, MIGRATIONS, MIGRATIONS.length - 1);
    older
      .prepare(
        "INSERT INTO journeys (id, alias, archived, created_at, updated_at) VALUES ('11111111-1111-4111-8111-111111111111', 'Før opgraderingen', 0, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')",
      )
      .run();
    older.close();
    const migrated = openDatabase(file, { ...testKey(), backupsFolder: folder });
    migrated.close();
    const backups = listBackups(folder);
    expect(backups.map((b) => [b.reason, b.journeys])).toEqual([['migration', 1]]);
    // Opened again at the current version: nothing to migrate, no new backup.
    openDatabase(file, { ...testKey(), backupsFolder: folder }).close();
    expect(listBackups(folder)).toHaveLength(1);
  });
});

describe("a backup whose schema is not the app's", () => {
  const name = (n: number) => `pathway-backup-20260302T10000000${n}Z-daily-1-abcd.sqlite`;

  it('is refused in clear when the database is encrypted: the app never wrote one so', async () => {
    await seedEverything(t.handlers);
    const before = everyRow(t.db);
    mkdirSync(folder, { recursive: true });
    const plain = new BetterSqlite3(join(folder, name(1)));
    migrate(plain);
    plain
      .prepare(
        "INSERT INTO journeys VALUES ('11111111-1111-4111-8111-111111111111', 'Lagt ind', 0, ?, ?)",
      )
      .run('2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
    plain.close();
    expect(problemOf(() => restoreBackup(t.db, folder, name(1), day(3)))).toBe('not_backup');
    expect(deletedJourneysInBackups(t.db, folder)).toEqual([]);
    expect(everyRow(t.db)).toEqual(before);
    expect(listBackups(folder).filter((b) => b.reason === 'before_restore')).toEqual([]);
  });

  it('is refused at an older version before a migration reads its view', () => {
    // Version 11, encrypted as the app keeps it, backed up before the app migrates it: the next
    // migration reads every program model to compress it.
    const olderFile = join(t.dir, 'older.sqlite');
    const older = openRaw(olderFile);
    migrate(older, MIGRATIONS, 11);
    const backup = writeBackup(older, folder, 'migration', day(1));
    older.close();
    const image = openRaw(backup.file);
    viewInsteadOf(image, 'program_models');
    image.close();
    const upgraded = openTestDatabase(olderFile);
    try {
      const before = everyRow(upgraded);
      expect(
        refusalOf(() => restoreBackup(upgraded, folder, basename(backup.file), day(2))),
      ).toMatch(
        /^not_backup: schema of version 11: \+view program_models, .*-table program_models/,
      );
      expect(everyRow(upgraded)).toEqual(before);
      expect(listBackups(folder).filter((b) => b.reason === 'before_restore')).toEqual([]);
    } finally {
      upgraded.close();
    }
  });

  it('gives no journey of its own to the list of deleted journeys', async () => {
    const { karen } = await seedEverything(t.handlers);
    writeBackup(t.db, folder, 'daily', day(1));
    const planted = writeBackup(t.db, folder, 'daily', day(2));
    const image = openRaw(planted.file);
    image.pragma('foreign_keys = OFF');
    image.exec(`ALTER TABLE journeys RENAME TO journeys_kept;
      CREATE VIEW journeys AS SELECT id, alias FROM journeys_kept
        UNION ALL SELECT 'planted', 'Lagt ind' FROM (WITH RECURSIVE c(i) AS
          (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 1000000) SELECT max(i) FROM c)`);
    image.close();
    await call('journeys:delete', { id: karen });
    expect(deletedJourneysInBackups(t.db, folder)).toEqual([
      { id: karen, alias: 'Karen, 67', backups: 1 },
    ]);
  });

  it('is left as it was by forgetting a journey, and counted as not cleaned', async () => {
    const { karen } = await seedEverything(t.handlers);
    writeBackup(t.db, folder, 'daily', day(1));
    const kept = writeBackup(t.db, folder, 'daily', day(2));
    // A trigger that would keep the deleted journey's alias in the backup.
    const image = openRaw(kept.file);
    image.exec(`CREATE TRIGGER journeys_kept AFTER DELETE ON journeys
      BEGIN INSERT OR REPLACE INTO settings (key, value) VALUES ('kept', old.alias); END`);
    image.close();
    const bytes = readFileSync(kept.file);
    await call('journeys:delete', { id: karen });
    expect(forgetJourney(t.db, folder, karen)).toEqual({ cleaned: 1, failed: 1, backups: 2 });
    expect(readFileSync(kept.file).equals(bytes)).toBe(true);
  });
});
