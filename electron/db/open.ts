import BetterSqlite3, { type Database } from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate } from './migrations';

export const DB_FILE_NAME = 'forloebsvaerksted.sqlite';
/** Lets tests (and careful users) point the app at another database file. */
export const DB_PATH_ENV = 'PATHWAY_DB_PATH';

export function resolveDbPath(userDataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  const override = env[DB_PATH_ENV];
  if (override && override.trim() !== '') return override;
  return `${userDataDir.replace(/[\\/]+$/, '')}/${DB_FILE_NAME}`;
}

/**
 * Opens (creating if needed) the database with the pragmas health data requires, then migrates.
 * Throws NewerDatabaseError, untouched, for a database from a newer app.
 */
export function openDatabase(file: string): Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new BetterSqlite3(file);
  try {
    // WAL: readers never block the writer; FULL: a commit that returned survives power loss.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // Deleting a citizen must erase the bytes, not just unlink the pages.
    db.pragma('secure_delete = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
