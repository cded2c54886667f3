import type { Database } from 'better-sqlite3';
import {
  accessSync,
  closeSync,
  constants,
  existsSync,
  openSync,
  readSync,
  statSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { lookOfBytes } from './cipher';
import { LATEST_VERSION, NewerDatabaseError } from './migrations';

/**
 * The start-up health check of the database file: what is wrong is said before anything is
 * written, so a refusal never changes the file (no journal mode switched, no page written, no
 * side file left behind). A missing file is the normal first start; everything else that is not a
 * healthy, writable database of this app, or of an older version of it, is refused.
 */

/** Why a database file was refused (a database from a newer app is a NewerDatabaseError). */
export type DatabaseProblem =
  /** The file exists but has no bytes: emptied by a crash, a sync service or a failed copy. */
  | 'empty'
  /** Not an SQLite file, or an SQLite file of another program. */
  | 'not_database'
  /**
   * Looks like an encrypted database, but the key this computer has does not open it: a database
   * from another computer or encrypted with another key, or one whose first page is damaged (the
   * two cannot be told apart without the right key).
   */
  | 'wrong_key'
  /** An SQLite file of ours whose pages fail the integrity check. */
  | 'corrupt'
  /** The file or its folder cannot be written: every edit would fail. */
  | 'read_only';

export class DatabaseHealthError extends Error {
  constructor(
    readonly problem: DatabaseProblem,
    readonly file: string,
    /** For the log only (never shown; may quote SQLite's own words). */
    readonly detail = '',
  ) {
    super(`The database ${file} cannot be used (${problem}${detail ? `: ${detail}` : ''})`);
    this.name = 'DatabaseHealthError';
  }
}

/** The unencrypted database header: 100 bytes; the user_version is at offset 60. */
const USER_VERSION_OFFSET = 60;
/** Enough of the file to tell a plain database, an encrypted one and anything else apart. */
const HEAD_BYTES = 4096;

function readHeader(file: string): Buffer {
  const header = Buffer.alloc(HEAD_BYTES);
  const fd = openSync(file, 'r');
  try {
    const n = readSync(fd, header, 0, HEAD_BYTES, 0);
    return header.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

function writable(path: string): boolean {
  try {
    // Honest for read-only files, folders, mounts and immutable files, for root too (EPERM,
    // EROFS); on Windows it sees a file's read-only attribute.
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * What is at `file`, found with the file system alone (nothing is opened for writing):
 * `missing` (a first start: the caller creates the database), or a database fit to be opened —
 * `plain` (unencrypted, from before encryption at rest: the caller encrypts it) or `encrypted`
 * (its header is ciphertext, so its schema version is read through SQLite with the key).
 * Throws DatabaseHealthError, or NewerDatabaseError when a plain header names a newer schema.
 */
export function checkFileBeforeOpening(file: string): 'missing' | 'plain' | 'encrypted' {
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw new DatabaseHealthError('not_database', file, 'not a file');
    size = stat.size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    // A first start: the database will be made in the folder (or the nearest one there is).
    let folder = dirname(file);
    while (!existsSync(folder) && dirname(folder) !== folder) folder = dirname(folder);
    if (!writable(folder)) throw new DatabaseHealthError('read_only', file, 'folder');
    return 'missing';
  }
  if (size === 0) throw new DatabaseHealthError('empty', file);
  const header = readHeader(file);
  const look = lookOfBytes(header, size);
  if (look === 'other') throw new DatabaseHealthError('not_database', file, 'no SQLite header');
  if (look === 'plain') {
    // Read straight from the header, before SQLite is involved at all. (In WAL mode a newer
    // version may be committed in the -wal file only; checkOpenedDatabase reads it before
    // writing. An encrypted header can only be read with the key: checkOpenedDatabase too.)
    const version = header.readUInt32BE(USER_VERSION_OFFSET);
    if (version > LATEST_VERSION) throw new NewerDatabaseError(version, LATEST_VERSION);
  }
  // SQLite writes beside the file (-wal, -shm, -journal), so the folder must be writable too.
  if (!writable(file) || !writable(dirname(file))) {
    throw new DatabaseHealthError('read_only', file);
  }
  return look;
}

/**
 * Checks an opened, existing database with reads only, before any pragma or migration writes:
 * the schema version (as committed, the WAL included), that it is ours, and SQLite's quick_check
 * of every page. Throws as checkFileBeforeOpening does. For an encrypted file (`encrypted`, the
 * connection keyed), a file SQLite cannot read at all is one the key does not open (`wrong_key`).
 */
export function checkOpenedDatabase(db: Database, file: string, encrypted = false): void {
  let version: number;
  let tables: number;
  let check: string[];
  try {
    version = db.pragma('user_version', { simple: true }) as number;
    tables = (db.prepare('SELECT count(*) AS n FROM sqlite_schema').get() as { n: number }).n;
    check = (db.pragma('quick_check') as { quick_check: string }[]).map((r) => r.quick_check);
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_NOTADB')) {
      throw new DatabaseHealthError(encrypted ? 'wrong_key' : 'not_database', file, String(error));
    }
    if (code.startsWith('SQLITE_CORRUPT')) {
      throw new DatabaseHealthError('corrupt', file, String(error));
    }
    throw error;
  }
  if (version > LATEST_VERSION) throw new NewerDatabaseError(version, LATEST_VERSION);
  // Version 0 with tables: an SQLite file of another program, which migrating would write into.
  // (Ours reach version 1 in the transaction that makes their first table.)
  if (version === 0 && tables > 0) {
    throw new DatabaseHealthError('not_database', file, 'tables but no schema version');
  }
  if (check.length !== 1 || check[0] !== 'ok') {
    throw new DatabaseHealthError('corrupt', file, check.slice(0, 3).join('; '));
  }
}
