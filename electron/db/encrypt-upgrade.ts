import BetterSqlite3, { type Database } from 'better-sqlite3';
import { copyFileSync, existsSync, linkSync, renameSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { lookOfFile, openKeyed, type DatabaseKey } from './cipher';
import { eraseFile, flushFile, flushFolder, removeFile, sameFile } from './file-ops';

/**
 * The one-time upgrade of an unencrypted database (from before encryption at rest) to an
 * encrypted one, in place, so that a crash at any moment leaves one whole database at the file's
 * name — the plain one, or the verified encrypted one — and the next start finishes the job.
 *
 *  1. The plain file has passed the start-up health check (the caller's: nothing written yet).
 *  2. Its -wal and -shm get a second name (a hard link), so their bytes can still be overwritten
 *     after SQLite has merged and deleted them.
 *  3. The WAL is merged into the plain file (a checkpoint, SQLite's own crash-safe step), so no
 *     WAL of the plain file will sit beside the encrypted one.
 *  4. The plain backup: a hard link to the file (no second copy of the data written), or, on a
 *     file system without hard links, a copy, flushed.
 *  5. The encrypted copy is written beside it, then verified from the disk: the full integrity
 *     check, the same schema, the same number of rows in every table, the same schema version
 *     and no broken reference; and it must not start like a plain SQLite file.
 *  6. It is renamed over the plain file (atomic on one file system) and the folder flushed.
 *  7. Every plain copy — the backup, the old WAL and its index — is overwritten with random bytes,
 *     flushed and unlinked (see eraseFile for what that can and cannot reach on SSDs).
 *
 * Leftovers of an interrupted run are dealt with by finishInterruptedUpgrade before anything
 * else looks at the file.
 */

/** The steps, for the kill tests: `onStep` is called after each. */
export type UpgradeStep =
  | 'wal-kept'
  | 'checkpointed'
  | 'backed-up'
  | 'copied'
  | 'verified'
  | 'replaced'
  | 'erasing'
  | 'erased';

/** The names the upgrade uses beside the database file. */
export function upgradeFiles(file: string) {
  return {
    /** The encrypted copy while it is written and checked. */
    encrypting: `${file}.encrypting`,
    /** The plain backup (a hard link to the plain file, or a copy). */
    backup: `${file}.plain-backup`,
    /** Second names of the plain file's WAL and its index. */
    wal: `${file}.plain-wal`,
    shm: `${file}.plain-shm`,
  };
}

const SIDE_SUFFIXES = ['-journal', '-wal', '-shm'];

/**
 * Puts the files of an interrupted upgrade right, before the database is looked at: the
 * half-written encrypted copy is removed (it holds nothing in clear); a second name of a file
 * that is still in use (the plain file, its WAL) is unlinked, never overwritten; every other
 * plain copy is erased. If the database file itself is missing while the plain backup is there
 * (nothing in this module leaves that state, but a person might), the backup goes back in place.
 */
export function finishInterruptedUpgrade(file: string): void {
  const names = upgradeFiles(file);
  let changed = false;
  for (const suffix of ['', ...SIDE_SUFFIXES]) {
    if (!existsSync(`${names.encrypting}${suffix}`)) continue;
    removeFile(`${names.encrypting}${suffix}`);
    changed = true;
  }
  if (!existsSync(file) && existsSync(names.backup)) {
    renameSync(names.backup, file);
    changed = true;
  }
  for (const [aside, live] of [
    [names.backup, file],
    [names.wal, `${file}-wal`],
    [names.shm, `${file}-shm`],
  ] as const) {
    if (!existsSync(aside)) continue;
    if (sameFile(aside, live)) removeFile(aside);
    else eraseFile(aside);
    changed = true;
  }
  // Only when something was done: a normal start writes nothing here.
  if (changed) flushFolder(dirname(file));
}

/** A second name for `from` (a hard link): false where the file system has none. */
function keepAside(from: string, to: string): boolean {
  try {
    linkSync(from, to);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code === 'ENOENT') return false;
    // FAT and exFAT, some network shares: no hard links. The caller copes.
    if (['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EXDEV', 'EMLINK', 'ENOSYS'].includes(code))
      return false;
    throw error;
  }
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

interface SchemaEntry {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

function schemaOf(db: Database, schema: string): SchemaEntry[] {
  return db
    .prepare(
      // The statistics of ANALYZE are not part of the data (and not copied).
      `SELECT type, name, tbl_name, sql FROM ${schema}.sqlite_schema WHERE name NOT LIKE 'sqlite_stat%' ORDER BY type, name`,
    )
    .all() as SchemaEntry[];
}

function countsOf(db: Database, schema: string, tables: string[]): Record<string, number> {
  return Object.fromEntries(
    tables.map((t) => [
      t,
      (db.prepare(`SELECT count(*) AS n FROM ${schema}.${quote(t)}`).get() as { n: number }).n,
    ]),
  );
}

/** What the copy must match. */
interface Expected {
  schema: SchemaEntry[];
  counts: Record<string, number>;
  userVersion: number;
  applicationId: number;
  foreignKeyProblems: number;
}

/**
 * Writes the encrypted copy of the attached plain database: the schema as SQLite stored it, then
 * every row of every table (rowids kept), then indexes, triggers and views. One transaction; no
 * journal (a crash leaves a copy the next run throws away). Returns what the copy must match.
 */
function writeEncryptedCopy(plain: string, target: string, key: DatabaseKey): Expected {
  removeFile(target);
  const db = openKeyed(target, key);
  try {
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.pragma('foreign_keys = OFF');
    db.pragma('temp_store = MEMORY');
    // KEY '': the attached file is read unencrypted (without it, the main key would be used).
    db.prepare("ATTACH DATABASE ? AS plain KEY ''").run(plain);
    try {
      const entries = db
        .prepare(
          "SELECT type, name, tbl_name, sql FROM plain.sqlite_schema WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY rowid",
        )
        .all() as SchemaEntry[];
      const tables = (
        db
          .prepare(
            "SELECT name, wr FROM pragma_table_list WHERE schema = 'plain' AND type = 'table'",
          )
          .all() as { name: string; wr: number }[]
      ).filter((t) => !t.name.startsWith('sqlite_') || t.name === 'sqlite_sequence');
      const expected: Expected = {
        schema: schemaOf(db, 'plain'),
        counts: countsOf(
          db,
          'plain',
          tables.map((t) => t.name),
        ),
        userVersion: db.pragma('plain.user_version', { simple: true }) as number,
        applicationId: db.pragma('plain.application_id', { simple: true }) as number,
        foreignKeyProblems: (db.pragma('plain.foreign_key_check') as unknown[]).length,
      };
      db.transaction(() => {
        for (const e of entries) if (e.type === 'table') db.exec(e.sql!);
        for (const t of tables) {
          const name = quote(t.name);
          if (t.name === 'sqlite_sequence') {
            db.exec(
              `DELETE FROM main.${name}; INSERT INTO main.${name} SELECT * FROM plain.${name}`,
            );
            continue;
          }
          // By column name (generated columns are computed again), rowids kept: a copy is a copy.
          const cols = columnsOf(db, t.name).map(quote).join(', ');
          const withRowid = t.wr ? cols : `rowid, ${cols}`;
          db.exec(`INSERT INTO main.${name} (${withRowid}) SELECT ${withRowid} FROM plain.${name}`);
        }
        for (const e of entries) if (e.type !== 'table') db.exec(e.sql!);
        db.pragma(`user_version = ${expected.userVersion}`);
        db.pragma(`application_id = ${expected.applicationId}`);
      })();
      return expected;
    } finally {
      db.exec('DETACH DATABASE plain');
    }
  } finally {
    db.close();
  }
}

function columnsOf(db: Database, table: string): string[] {
  return (
    db.prepare('SELECT name FROM pragma_table_info(?, ?) ORDER BY cid').all(table, 'plain') as {
      name: string;
    }[]
  ).map((r) => r.name);
}

export class UpgradeVerificationError extends Error {
  constructor(what: string) {
    super(`The encrypted copy of the database does not match the original (${what})`);
    this.name = 'UpgradeVerificationError';
  }
}

/** Reads the encrypted copy back from the disk and compares it with what it must hold. */
function verifyCopy(target: string, key: DatabaseKey, expected: Expected): void {
  if (lookOfFile(target) === 'plain') throw new UpgradeVerificationError('not encrypted');
  const db = openKeyed(target, key, { readonly: true, fileMustExist: true });
  try {
    const check = (db.pragma('integrity_check') as { integrity_check: string }[]).map(
      (r) => r.integrity_check,
    );
    if (check.length !== 1 || check[0] !== 'ok') {
      throw new UpgradeVerificationError(`integrity: ${check.slice(0, 3).join('; ')}`);
    }
    if (JSON.stringify(schemaOf(db, 'main')) !== JSON.stringify(expected.schema)) {
      throw new UpgradeVerificationError('schema');
    }
    const counts = countsOf(db, 'main', Object.keys(expected.counts));
    for (const [table, n] of Object.entries(expected.counts)) {
      if (counts[table] !== n) {
        throw new UpgradeVerificationError(`${table}: ${counts[table]} rows, expected ${n}`);
      }
    }
    if (db.pragma('user_version', { simple: true }) !== expected.userVersion) {
      throw new UpgradeVerificationError('schema version');
    }
    if ((db.pragma('foreign_key_check') as unknown[]).length !== expected.foreignKeyProblems) {
      throw new UpgradeVerificationError('references');
    }
  } finally {
    db.close();
  }
}

export class DatabaseBusyError extends Error {
  constructor(file: string) {
    super(`The database ${file} is in use by another program; it was not changed`);
    this.name = 'DatabaseBusyError';
  }
}

/**
 * Encrypts the plain database at `file` with `key`, in place (see the steps above). The file
 * must have passed the health check and nothing may have it open. On any failure before the
 * rename the plain database is left as it was (its WAL merged) and the error thrown.
 */
export function encryptInPlace(
  file: string,
  key: DatabaseKey,
  onStep: (step: UpgradeStep) => void = () => {},
): void {
  try {
    encryptSteps(file, key, onStep);
  } catch (error) {
    // A copy that failed its check, a busy file: the plain database stays as it is, and what was
    // made beside it goes now rather than at the next start.
    try {
      finishInterruptedUpgrade(file);
    } catch {
      // The next start tries again.
    }
    throw error;
  }
}

function encryptSteps(file: string, key: DatabaseKey, onStep: (step: UpgradeStep) => void): void {
  const names = upgradeFiles(file);
  const folder = dirname(file);

  // 2. Second names for the WAL and its index before SQLite deletes them.
  keepAside(`${file}-wal`, names.wal);
  keepAside(`${file}-shm`, names.shm);
  onStep('wal-kept');

  // 3. The WAL merged into the file. The last connection to close checkpoints and deletes it.
  const plain = new BetterSqlite3(file, { fileMustExist: true, timeout: 5000 });
  try {
    plain.pragma('trusted_schema = OFF');
    plain.pragma('wal_checkpoint(FULL)');
  } finally {
    plain.close();
  }
  if (existsSync(`${file}-wal`) && statSync(`${file}-wal`).size > 0) {
    // Another program (the command line) has it open: try again at the next start.
    throw new DatabaseBusyError(file);
  }
  onStep('checkpointed');

  // 4. The plain backup.
  if (!keepAside(file, names.backup)) {
    copyFileSync(file, names.backup);
    flushFile(names.backup);
  }
  flushFolder(folder);
  onStep('backed-up');

  // 5. The encrypted copy, written, flushed and verified from the disk.
  const expected = writeEncryptedCopy(file, names.encrypting, key);
  onStep('copied');
  flushFile(names.encrypting);
  flushFolder(folder);
  verifyCopy(names.encrypting, key, expected);
  onStep('verified');

  // 6. In place of the plain file. (An empty -wal or -shm left by the copy's reading goes first.)
  for (const suffix of ['-wal', '-shm']) {
    const side = `${file}${suffix}`;
    if (existsSync(side) && statSync(side).size > 0 && suffix === '-wal') {
      throw new DatabaseBusyError(file);
    }
    removeFile(side);
  }
  renameSync(names.encrypting, file);
  flushFolder(folder);
  onStep('replaced');

  // 7. Every plain copy erased.
  let first = true;
  for (const aside of [names.backup, names.wal, names.shm]) {
    eraseFile(aside, () => {
      if (first) onStep('erasing');
      first = false;
    });
  }
  flushFolder(folder);
  onStep('erased');
}
