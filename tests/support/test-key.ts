/**
 * The database key for tests. The app's key is random and kept by the system's secret store or a
 * passphrase (electron/db/keys.ts); tests, the browser harness and the benchmarks open their
 * databases with this fixed key instead — explicitly, so a database opened without a key is a
 * type error, never a silent unencrypted file.
 */
import BetterSqlite3, { type Database, type Options } from 'better-sqlite3';
import {
  closeSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { SECRET_FD_ENV } from '../../electron/cli/secret-input';
import { openKeyed, type DatabaseKey } from '../../electron/db/cipher';
import type { KeyNeed, KeyProvider } from '../../electron/db/keys';
import { migrate } from '../../electron/db/migrations';
import { openDatabase, type OpenOptions } from '../../electron/db/open';

/** Fixed and obviously a test key: 32 bytes. */
export const TEST_DB_KEY: DatabaseKey = Buffer.from('7e57'.repeat(16), 'hex');

/** openDatabase's options for tests: the test key. */
export const testKey = (): OpenOptions => ({ key: TEST_DB_KEY });

/** The app's openDatabase with the test key. */
export function openTestDatabase(file: string): Database {
  return openDatabase(file, testKey());
}

/**
 * A bare connection to a test database (no pragmas, no migrations), for looking at what is stored
 * or changing it behind the app's back, as tests of the raw file do.
 */
export function openRaw(file: string, options: Options = {}, key = TEST_DB_KEY): Database {
  return openKeyed(file, key, options);
}

/**
 * An unencrypted database of this app, as versions before encryption at rest left it: WAL,
 * migrated to `version` (the newest by default). For the upgrade tests and for the negative
 * controls of the leak tests.
 */
export function createPlainDatabase(file: string, version?: number): Database {
  mkdirSync(dirname(file), { recursive: true });
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  migrate(db, undefined, version);
  return db;
}

/** A KeyProvider that needs nothing and gives the test key. */
export function testKeyProvider(key = TEST_DB_KEY): KeyProvider {
  return {
    need: (): KeyNeed => 'nothing',
    key: () => Promise.resolve(key),
  };
}

/**
 * Gives the command line a secret as a script would (PATHWAY_KEY_FD: an open file descriptor of a
 * file holding it), for in-process calls of `main`. Returns the undo.
 */
export function giveCliSecret(secret: string): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'pathway-secret-'));
  const file = join(dir, 'secret.txt');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  const fd = openSync(file, 'r');
  const saved = process.env[SECRET_FD_ENV];
  process.env[SECRET_FD_ENV] = String(fd);
  return () => {
    if (saved === undefined) delete process.env[SECRET_FD_ENV];
    else process.env[SECRET_FD_ENV] = saved;
    closeSync(fd);
    rmSync(dir, { recursive: true, force: true });
  };
}

/** The test key as the command line is given it: 64 hexadecimal characters. */
export const giveCliTestKey = () => giveCliSecret(TEST_DB_KEY.toString('hex'));

/**
 * Every page of a test database file as its key reads it — free pages too, without the WAL: what
 * someone holding the key would find in the file. (The raw bytes of an encrypted file hold no
 * text at all, so a check of "erased from the file" looks here, and at the WAL's size.)
 */
export function decryptedPages(file: string, key = TEST_DB_KEY): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'pathway-pages-'));
  try {
    const copy = join(dir, 'pages.sqlite');
    copyFileSync(file, copy);
    const db = openKeyed(copy, key, { readonly: true, fileMustExist: true });
    try {
      return db.serialize();
    } finally {
      db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
