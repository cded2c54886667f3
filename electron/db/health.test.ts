import BetterSqlite3 from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../handlers';
import { dispatch } from '../../shared/ipc/dispatch';
import { DatabaseHealthError, type DatabaseProblem } from './health';
import { LATEST_VERSION, MIGRATIONS, NewerDatabaseError, migrate } from './migrations';
import { openDatabase } from './open';
import { openRaw, testKey } from '../../tests/support/test-key';

const dirs: string[] = [];
/** Files made immutable (root ignores file modes): made mutable again before cleaning up. */
const immutable: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pathway-health-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const p of immutable.splice(0)) spawnSync('chattr', ['-i', p]);
  for (const d of dirs.splice(0)) {
    chmodSync(d, 0o700);
    for (const f of readdirSync(d)) chmodSync(join(d, f), 0o600);
    rmSync(d, { recursive: true, force: true });
  }
});

/** Every byte of every file in the folder, by name: a refusal must leave it identical. */
function snapshotOf(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((f) => [
        f,
        createHash('sha256')
          .update(readFileSync(join(dir, f)))
          .digest('hex'),
      ]),
  );
}

/** A database of this app with some rows, closed cleanly (no -wal or -shm beside it). */
async function realDatabase(file: string, journeys = 30): Promise<void> {
  const db = openDatabase(file, testKey());
  const handlers = createHandlers({
    db,
    clock: () => new Date(),
    newId: () => crypto.randomUUID(),
  });
  for (let i = 0; i < journeys; i++) {
    const j = await dispatch(handlers, 'journeys:create', { alias: `Borger ${i}` });
    if (!j.ok) throw new Error(j.error.message);
    const journeyId = (j.data as { id: string }).id;
    for (let k = 0; k < 10; k++) {
      await dispatch(handlers, 'touchpoints:create', {
        journeyId,
        x: k,
        y: i,
        label: 'x'.repeat(150),
      });
    }
  }
  db.close();
}

/**
 * Opening refuses with the given problem and changes nothing in the folder. (`-shm`, when a crash
 * left one, is SQLite's shared-memory index of the WAL, which every reader updates: only that it
 * is there is compared, not its bytes.)
 */
function expectRefused(file: string, problem: DatabaseProblem | 'newer'): void {
  const dir = join(file, '..');
  const snapshot = (d: string) => {
    const all = snapshotOf(d);
    for (const f of Object.keys(all)) if (f.endsWith('-shm')) all[f] = 'present';
    return all;
  };
  const before = snapshot(dir);
  let error: unknown;
  try {
    openDatabase(file, testKey()).close();
  } catch (e) {
    error = e;
  }
  if (problem === 'newer') expect(error).toBeInstanceOf(NewerDatabaseError);
  else {
    expect(error).toBeInstanceOf(DatabaseHealthError);
    expect((error as DatabaseHealthError).problem).toBe(problem);
  }
  // Same files, same bytes: no journal mode switched, no page written, no -wal, -shm or -journal.
  expect(snapshot(dir)).toEqual(before);
}

describe('a database from a newer version', () => {
  it('in rollback-journal mode is refused before anything is written', () => {
    const dir = tempDir();
    const file = join(dir, 'db.sqlite');
    const db = new BetterSqlite3(file);
    db.exec('CREATE TABLE journeys (id TEXT PRIMARY KEY) STRICT');
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    db.close();
    const before = readFileSync(file);
    expect(before[18]).toBe(1); // the header says: rollback journal, not WAL
    expectRefused(file, 'newer');
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(dir)).toEqual(['db.sqlite']);
  });

  it('in WAL mode, with the newer version committed only in the WAL (a crash), is refused', () => {
    const dir = tempDir();
    const source = join(tempDir(), 'db.sqlite');
    const db = openDatabase(source, testKey());
    db.pragma('wal_autocheckpoint = 0');
    migrate(db, [
      ...MIGRATIONS,
      { version: LATEST_VERSION + 1, description: 'newer', up: () => {} },
    ]);
    // As a crash leaves it: the file, its WAL and its index, copied while still open.
    for (const suffix of ['', '-wal', '-shm']) {
      copyFileSync(`${source}${suffix}`, join(dir, `db.sqlite${suffix}`));
    }
    db.close();
    const file = join(dir, 'db.sqlite');
    // The file alone (its header is encrypted: read with the key, without the WAL) is older.
    const alone = join(tempDir(), 'alone.sqlite');
    copyFileSync(file, alone);
    const reader = openRaw(alone, { readonly: true });
    expect(reader.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    reader.close();
    expectRefused(file, 'newer');
  });
});

describe('the start-up health check', () => {
  it('creates a new database when the file is missing (a first start), folder and all', () => {
    const dir = tempDir();
    const file = join(dir, 'new folder', 'db.sqlite');
    const db = openDatabase(file, testKey());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    db.close();
    expect(statSync(file).size).toBeGreaterThan(0);
    // Made under a temporary name and renamed into place: nothing else is left.
    expect(readdirSync(join(dir, 'new folder'))).toEqual(['db.sqlite']);
  });

  it('opens and migrates a healthy database of an older version', () => {
    const file = join(tempDir(), 'db.sqlite');
    const old = new BetterSqlite3(file);
    migrate(old, MIGRATIONS, 1);
    old.close();
    const db = openDatabase(file, testKey());
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    db.close();
  });

  it('refuses an empty (0-byte) file instead of starting with no journeys', () => {
    const file = join(tempDir(), 'db.sqlite');
    writeFileSync(file, '');
    expectRefused(file, 'empty');
    expect(statSync(file).size).toBe(0);
  });

  it.each([
    ['text', Buffer.from('Forløb gemt af et andet program\n'.repeat(200))],
    ['a short file', Buffer.from('SQLite format 3\0')],
    ['random bytes', Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 131 + 7) % 256))],
  ])('refuses a file that is not SQLite (%s)', (_name, bytes) => {
    const file = join(tempDir(), 'db.sqlite');
    writeFileSync(file, bytes);
    expectRefused(file, 'not_database');
  });

  it('refuses an SQLite file of another program rather than migrate into it', () => {
    const file = join(tempDir(), 'db.sqlite');
    const other = new BetterSqlite3(file);
    other.exec('CREATE TABLE contacts (name TEXT)');
    other.close();
    expectRefused(file, 'not_database');
  });

  it('refuses a folder where the file should be', () => {
    const file = join(tempDir(), 'db.sqlite');
    mkdirSync(file);
    expect(() => openDatabase(file, testKey())).toThrow(DatabaseHealthError);
  });

  it('refuses a database with damaged pages without writing to it', async () => {
    const file = join(tempDir(), 'db.sqlite');
    await realDatabase(file);
    const bytes = readFileSync(file);
    // SQLCipher's page size (the header that would say so is encrypted).
    const page = 4096;
    expect(bytes.length).toBeGreaterThan(8 * page);
    // The header page stays; some later pages of the tables are overwritten.
    for (let at = bytes.length - 6 * page; at < bytes.length - page; at += 2 * page) {
      bytes.fill(0xa5, at + 8, at + page - 8);
    }
    writeFileSync(file, bytes);
    expectRefused(file, 'corrupt');
  });

  /**
   * Makes a path unwritable: by its mode, or — root writes whatever the mode says — by making it
   * immutable (chattr +i, which root cannot write through either). False if neither works here.
   */
  function makeReadOnly(path: string, mode: number): boolean {
    if (process.getuid?.() !== 0) {
      chmodSync(path, mode);
      return true;
    }
    const r = spawnSync('chattr', ['+i', path]);
    if (r.status !== 0) return false;
    immutable.push(path);
    return true;
  }
  const canMakeReadOnly = (() => {
    if (process.platform === 'win32') return false;
    if (process.getuid?.() !== 0) return true;
    const probe = mkdtempSync(join(tmpdir(), 'pathway-chattr-'));
    const ok = spawnSync('chattr', ['+i', probe]).status === 0;
    spawnSync('chattr', ['-i', probe]);
    rmSync(probe, { recursive: true, force: true });
    return ok;
  })();

  describe.skipIf(!canMakeReadOnly)('read-only (chmod, or chattr +i as root)', () => {
    it('refuses a read-only database file before any edit can fail', async () => {
      const file = join(tempDir(), 'db.sqlite');
      await realDatabase(file, 2);
      expect(makeReadOnly(file, 0o444)).toBe(true);
      expectRefused(file, 'read_only');
    });

    it('refuses a database in a read-only folder (SQLite writes beside the file)', async () => {
      const dir = tempDir();
      const file = join(dir, 'db.sqlite');
      await realDatabase(file, 2);
      expect(makeReadOnly(dir, 0o555)).toBe(true);
      expectRefused(file, 'read_only');
    });

    it('refuses to create a database in a read-only folder, leaving nothing', () => {
      const dir = tempDir();
      expect(makeReadOnly(dir, 0o555)).toBe(true);
      const file = join(dir, 'db.sqlite');
      expect(() => openDatabase(file, testKey())).toThrow(DatabaseHealthError);
      expect(existsSync(file)).toBe(false);
      expect(readdirSync(dir)).toEqual([]);
    });
  });
});
