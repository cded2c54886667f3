import BetterSqlite3, { type Database } from 'better-sqlite3';
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { checkFileBeforeOpening, checkOpenedDatabase, DatabaseHealthError } from './health';
import { migrate } from './migrations';

export { DatabaseHealthError, type DatabaseProblem } from './health';

export const DB_FILE_NAME = 'forloebsvaerksted.sqlite';
/** Lets tests (and careful users) point the app at another database file. */
export const DB_PATH_ENV = 'PATHWAY_DB_PATH';

export function resolveDbPath(userDataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  const override = env[DB_PATH_ENV];
  if (override && override.trim() !== '') return override;
  return `${userDataDir.replace(/[\\/]+$/, '')}/${DB_FILE_NAME}`;
}

/** The pragmas health data requires, then the migrations. */
function configure(db: Database): Database {
  // WAL: readers never block the writer; FULL: a commit that returned survives power loss.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Deleting a citizen must erase the bytes, not just unlink the pages.
  db.pragma('secure_delete = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

const isPermissionError = (error: unknown) =>
  ['EACCES', 'EPERM', 'EROFS'].includes((error as NodeJS.ErrnoException).code ?? '');

/**
 * A first start: the database is made beside its place under a temporary name, migrated, closed
 * and only then renamed into place. So the file at `file` is always a complete database of this
 * app — never the empty file SQLite creates on opening, which a crash at that moment would leave
 * and which the next start must refuse (an empty file there means data was lost).
 */
function createDatabase(file: string): void {
  const folder = dirname(file);
  const temporary = join(folder, `.${basename(file)}.new-${randomBytes(6).toString('hex')}`);
  try {
    mkdirSync(folder, { recursive: true });
    const db = new BetterSqlite3(temporary);
    try {
      configure(db);
    } finally {
      db.close(); // checkpoints the WAL into the file and removes it
    }
    // Another process may have made it meanwhile: never replace a database.
    if (existsSync(file)) return;
    renameSync(temporary, file);
    try {
      // The rename itself survives power loss only once the folder is flushed (not on Windows).
      const fd = openSync(folder, 'r');
      try {
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    } catch {
      // Best effort.
    }
  } catch (error) {
    if (isPermissionError(error)) throw new DatabaseHealthError('read_only', file, String(error));
    throw error;
  } finally {
    for (const f of [temporary, `${temporary}-wal`, `${temporary}-shm`, `${temporary}-journal`]) {
      rmSync(f, { force: true });
    }
  }
}

/**
 * Opens the database with the pragmas health data requires, then migrates; creates it when the
 * file is missing (a first start). An existing file is checked first (see ./health.ts) and
 * nothing is written until it passed: an empty file, a file that is not a database of this app,
 * damaged pages, a file or folder that cannot be written, or a database from a newer version
 * (NewerDatabaseError) are refused with the file untouched.
 */
export function openDatabase(file: string): Database {
  if (file === ':memory:') return configure(new BetterSqlite3(file));
  if (checkFileBeforeOpening(file) === 'missing') {
    createDatabase(file);
    checkFileBeforeOpening(file);
  }
  // Commits a crash left in the WAL are part of the database: they are read too. A connection
  // that may write checkpoints them into the file when it closes, so while a WAL is pending the
  // checks read through a read-only connection (which uses the -wal and -shm already there).
  const wal = `${file}-wal`;
  const pendingWal = existsSync(wal) && statSync(wal).size > 0;
  if (pendingWal) {
    const reader = new BetterSqlite3(file, { readonly: true, fileMustExist: true, timeout: 5000 });
    try {
      checkOpenedDatabase(reader, file);
    } finally {
      reader.close();
    }
  }
  // fileMustExist: if the file went away since, this fails rather than making an empty one.
  // timeout: the busy timeout, so the checks wait for the command line's reads like any query.
  const db = new BetterSqlite3(file, { fileMustExist: true, timeout: 5000 });
  try {
    // Reads only, before the first write (journal_mode switches a rollback-journal file to WAL).
    if (!pendingWal) checkOpenedDatabase(db, file);
    return configure(db);
  } catch (error) {
    db.close();
    throw error;
  }
}
