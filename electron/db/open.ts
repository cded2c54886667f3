import BetterSqlite3, { type Database } from 'better-sqlite3';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { applyKey, isDatabaseKey, lookOfFile, openKeyed, type DatabaseKey } from './cipher';
import { encryptInPlace, finishInterruptedUpgrade, type UpgradeStep } from './encrypt-upgrade';
import { flushFolder } from './file-ops';
import { checkFileBeforeOpening, checkOpenedDatabase, DatabaseHealthError } from './health';
import { writeBackup } from './backups';
import { LATEST_VERSION, migrate } from './migrations';

export { DatabaseHealthError, type DatabaseProblem } from './health';
export type { DatabaseKey } from './cipher';

export const DB_FILE_NAME = 'forloebsvaerksted.sqlite';
/** Lets tests (and careful users) point the app at another database file. */
export const DB_PATH_ENV = 'PATHWAY_DB_PATH';

export function resolveDbPath(userDataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  const override = env[DB_PATH_ENV];
  if (override && override.trim() !== '') return override;
  return `${userDataDir.replace(/[\\/]+$/, '')}/${DB_FILE_NAME}`;
}

export interface OpenOptions {
  /**
   * The database's 32-byte key (./keys.ts gives the app's; tests pass a test key). Every file
   * this function creates or opens is encrypted with it; an unencrypted file is encrypted once.
   */
  key: DatabaseKey;
  /** For the kill tests: called after each step of encrypting an unencrypted database. */
  onUpgradeStep?: (step: UpgradeStep) => void;
  /**
   * Where the rolling backups live (./backups.ts): a database that needs migrating is backed up
   * there first, so an upgrade of the app can always be undone.
   */
  backupsFolder?: string;
}

/** The pragmas health data requires, then the migrations (after a backup, when there are any). */
function configure(db: Database, backupsFolder?: string): Database {
  // WAL: readers never block the writer; FULL: a commit that returned survives power loss.
  // The schema's views, triggers and defaults may call only functions that are harmless there
  // (SQLite's hardening advice; the app's own schema needs nothing more).
  db.pragma('trusted_schema = OFF');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Deleting a citizen must erase the bytes, not just unlink the pages.
  db.pragma('secure_delete = ON');
  // Temporary tables, sorts and statement journals in memory: SQLite writes its temporary files
  // unencrypted, and they would hold the citizens' texts in clear, if only for a moment.
  db.pragma('temp_store = MEMORY');
  db.pragma('busy_timeout = 5000');
  const version = db.pragma('user_version', { simple: true }) as number;
  if (backupsFolder && version > 0 && version < LATEST_VERSION) {
    writeBackup(db, backupsFolder, 'migration', new Date());
  }
  const { from, to } = migrate(db);
  // Version 12 compressed the program's models into a new table: the old one's pages are free (and
  // zeroed, secure_delete) but still in the file, up to nine times what is left. Given back once.
  if (from > 0 && from < COMPRESSED_MODELS && to >= COMPRESSED_MODELS) {
    try {
      db.exec('VACUUM');
      // The zeroed pages went through the write-ahead log: it is emptied, not left at that size.
      db.pragma('wal_checkpoint(TRUNCATE)');
    } catch {
      // Only room is lost (a full disk, say): the data is whole and the app opens all the same.
    }
  }
  return db;
}

/** The version whose upgrade leaves most of a large workspace's file free (see configure). */
const COMPRESSED_MODELS = 12;

const isPermissionError = (error: unknown) =>
  ['EACCES', 'EPERM', 'EROFS'].includes((error as NodeJS.ErrnoException).code ?? '');

/**
 * A first start: the database is made beside its place under a temporary name, migrated, closed
 * and only then renamed into place. So the file at `file` is always a complete database of this
 * app — never the empty file SQLite creates on opening, which a crash at that moment would leave
 * and which the next start must refuse (an empty file there means data was lost).
 */
function createDatabase(file: string, key: DatabaseKey): void {
  const folder = dirname(file);
  const temporary = join(folder, `.${basename(file)}.new-${randomBytes(6).toString('hex')}`);
  try {
    mkdirSync(folder, { recursive: true });
    const db = openKeyed(temporary, key);
    try {
      configure(db);
    } finally {
      db.close(); // checkpoints the WAL into the file and removes it
    }
    // Never a plain file in place of an encrypted one (a build of SQLite that ignored the key).
    if (lookOfFile(temporary) === 'plain') throw new Error('The new database was not encrypted');
    // Another process may have made it meanwhile: never replace a database.
    if (existsSync(file)) return;
    renameSync(temporary, file);
    // The rename itself survives power loss only once the folder is flushed (not on Windows).
    flushFolder(folder);
  } catch (error) {
    if (isPermissionError(error)) throw new DatabaseHealthError('read_only', file, String(error));
    throw error;
  } finally {
    for (const f of [temporary, `${temporary}-wal`, `${temporary}-shm`, `${temporary}-journal`]) {
      rmSync(f, { force: true });
    }
  }
}

const hasPendingWal = (file: string) => {
  const wal = `${file}-wal`;
  return existsSync(wal) && statSync(wal).size > 0;
};

/**
 * Runs the read-only checks on an existing database (see ./health.ts) and returns a connection
 * that may write, or throws with nothing written. Commits a crash left in the WAL are part of the
 * database: they are read too. A connection that may write checkpoints them into the file when it
 * closes, so while a WAL is pending the checks read through a read-only connection (which uses
 * the -wal and -shm already there).
 */
function openChecked(file: string, key: DatabaseKey | null): Database {
  const keyed = (options: BetterSqlite3.Options) => {
    const db = new BetterSqlite3(file, options);
    try {
      if (key) applyKey(db, key);
      return db;
    } catch (error) {
      db.close();
      throw error;
    }
  };
  const pendingWal = hasPendingWal(file);
  if (pendingWal) {
    const reader = keyed({ readonly: true, fileMustExist: true, timeout: 5000 });
    try {
      checkOpenedDatabase(reader, file, key !== null);
    } finally {
      reader.close();
    }
  }
  // fileMustExist: if the file went away since, this fails rather than making an empty one.
  // timeout: the busy timeout, so the checks wait for the command line's reads like any query.
  const db = keyed({ fileMustExist: true, timeout: 5000 });
  try {
    // Reads only, before the first write (journal_mode switches a rollback-journal file to WAL).
    if (!pendingWal) checkOpenedDatabase(db, file, key !== null);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Opens the database, encrypted with `options.key`, with the pragmas health data requires, then
 * migrates; creates it when the file is missing (a first start). An existing file is checked
 * first (see ./health.ts) and nothing is written until it passed: an empty file, a file that is
 * not a database of this app, one the key does not open, damaged pages, a file or folder that
 * cannot be written, or a database from a newer version (NewerDatabaseError) are refused with the
 * file untouched. An unencrypted database of this app (from before encryption at rest) passes
 * the same checks and is then encrypted in place, once (./encrypt-upgrade.ts); an upgrade a crash
 * interrupted is finished first.
 */
export function openDatabase(file: string, options: OpenOptions): Database {
  if (file === ':memory:') return configure(new BetterSqlite3(file));
  const { key } = options;
  if (!isDatabaseKey(key)) throw new TypeError('openDatabase needs the 32-byte database key');
  finishInterruptedUpgrade(file);
  let found = checkFileBeforeOpening(file);
  if (found === 'missing') {
    createDatabase(file, key);
    found = checkFileBeforeOpening(file);
  }
  if (found === 'plain') {
    // Checked as it is, unencrypted; closed (the upgrade needs it closed), then encrypted.
    openChecked(file, null).close();
    encryptInPlace(file, key, options.onUpgradeStep);
  }
  const db = openChecked(file, key);
  try {
    return configure(db, options.backupsFolder);
  } catch (error) {
    db.close();
    throw error;
  }
}
