import BetterSqlite3, { type Database, type Options } from 'better-sqlite3';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';

/**
 * Encryption at rest. `better-sqlite3` is installed as `better-sqlite3-multiple-ciphers` (package
 * alias: the same API and Node-API prebuilds as better-sqlite3 13, built on SQLite3 Multiple
 * Ciphers), and every database file of the app — pages, WAL frames and rollback journals — is
 * encrypted with the SQLCipher v4 scheme: AES-256-CBC per page with a fresh random IV on every
 * write, and an HMAC-SHA512 over each page (encrypt-then-MAC), so a changed or swapped page is
 * refused rather than read. Chosen over SQLite3 Multiple Ciphers' own default (ChaCha20-Poly1305,
 * sqleet's scheme), which is as sound, because SQLCipher's format is the most widely reviewed and
 * deployed (Signal Desktop's database is SQLCipher) and standard tools read it: with the key, IT
 * can open a file with the `sqlcipher` shell or DB Browser for SQLite. AES runs in hardware on
 * every laptop the app targets.
 *
 * The key is a random 32-byte key, given raw (`x'…'`): SQLCipher's passphrase derivation (PBKDF2,
 * 256,000 rounds on every open) is skipped, as it adds nothing to a key that is random already.
 * Where the key comes from is ./keys.ts.
 */

export const DATABASE_KEY_BYTES = 32;
/** A raw key for the database: 32 random bytes. */
export type DatabaseKey = Buffer;

/** The cipher scheme and its settings, set on every connection before the key. */
const CIPHER = 'sqlcipher';
const SQLCIPHER_VERSION = 4;

/** The first 16 bytes of every unencrypted SQLite 3 database file. */
export const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

export function isDatabaseKey(value: unknown): value is DatabaseKey {
  return Buffer.isBuffer(value) && value.length === DATABASE_KEY_BYTES;
}

/**
 * Makes `db` read and write its main database encrypted with `key`. Must come before the first
 * statement that reads the file. Throws when the SQLite build cannot encrypt (plain SQLite takes
 * unknown pragmas silently and would write the data in clear).
 */
export function applyKey(db: Database, key: DatabaseKey): void {
  if (!isDatabaseKey(key)) throw new TypeError('A database key is 32 bytes');
  // Set on each connection, never left to the library's default, so a later version of the
  // library with another default cannot change how our files are read.
  db.pragma(`cipher = '${CIPHER}'`);
  db.pragma(`legacy = ${SQLCIPHER_VERSION}`);
  if (db.pragma('cipher', { simple: true }) !== CIPHER) {
    throw new Error('This SQLite build cannot encrypt (better-sqlite3-multiple-ciphers expected)');
  }
  db.pragma(`key = "x'${key.toString('hex')}'"`);
}

/** A connection to an encrypted database file (better-sqlite3's options, then the key). */
export function openKeyed(file: string, key: DatabaseKey, options: Options = {}): Database {
  const db = new BetterSqlite3(file, options);
  try {
    applyKey(db, key);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** How a database file looks from its bytes alone, without any key. */
export type FileLook = 'plain' | 'encrypted' | 'other';

const FIRST_PAGE = 4096;

/**
 * Whether the bytes at the start of a file are an unencrypted SQLite database, look like an
 * encrypted one, or neither. An encrypted database is indistinguishable from random bytes (the
 * SQLCipher header is a random salt), so "encrypted" means: at least a page long, a whole number
 * of 512-byte units, and a first page that does not compress (text, zeros or any repeating
 * pattern does). It is a guess, used to choose the words of a refusal and never to decide
 * whether anything is written: only the key can tell our database from noise.
 */
export function lookOfBytes(head: Buffer, size: number): FileLook {
  if (head.length >= 100 && head.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC)) {
    return 'plain';
  }
  if (size < FIRST_PAGE || size % 512 !== 0 || head.length < FIRST_PAGE) return 'other';
  const page = head.subarray(0, FIRST_PAGE);
  return deflateRawSync(page).length >= page.length * 0.98 ? 'encrypted' : 'other';
}

/** lookOfBytes of a file on disk (read-only; `other` for a missing or unreadable file). */
export function lookOfFile(file: string): FileLook {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return 'other';
  }
  try {
    const head = Buffer.alloc(FIRST_PAGE);
    const n = readSync(fd, head, 0, FIRST_PAGE, 0);
    return lookOfBytes(head.subarray(0, n), fstatSync(fd).size);
  } finally {
    closeSync(fd);
  }
}
