import BetterSqlite3, { type Database } from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  constants,
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import {
  BACKUP_KEEP_DAYS,
  BACKUP_NAME_PATTERN,
  type BackupProblem,
  type BackupReason,
  type JourneyInBackups,
} from '../../shared/domain/backup';
import { SQLITE_MAGIC } from './cipher';
import { flushFile, flushFolder } from './file-ops';
import { LATEST_VERSION, MIGRATIONS, migrate } from './migrations';

/**
 * The rolling backups of the database, in a folder the caller chooses (the app: userData/backups).
 *
 * A backup is written with `VACUUM INTO`, not with SQLite's online backup API (better-sqlite3's
 * `db.backup`): with SQLite3 Multiple Ciphers the backup API refuses to copy an encrypted database
 * into a new file ("incompatible source and target databases", leaving a 0-byte file), whereas
 * `VACUUM INTO` writes the copy encrypted with the database's own cipher and key — and a plain copy
 * of a plain database. It also copies no free pages, so nothing already deleted rides along, and it
 * is synchronous, so a backup before a migration is simply a call. Every copy is checked before it
 * counts: attached to the same connection (an attached file is read with the main database's key),
 * `integrity_check`ed and its journeys counted, then renamed into place. No function here needs the
 * key: the live connection carries it.
 *
 * Restoring never swaps files under an open connection: the chosen backup is read into memory (its
 * pages decrypted by the connection that attached it), checked, migrated to this version, and its
 * rows replace the live database's in one transaction. The handlers keep their connection and
 * prepared statements; a failure leaves the database as it was.
 */

/**
 * Where a database's rolling backups are: the folder `backups` beside it (for the app,
 * userData/backups; for a database the command line or PATHWAY_DB_PATH names, beside that file).
 */
export function backupsFolderFor(dbFile: string): string {
  return join(dirname(dbFile), 'backups');
}

export interface BackupInfo {
  /** The backup's full path. */
  file: string;
  /** When it was written (ISO 8601, UTC). */
  at: string;
  reason: BackupReason;
  bytes: number;
  /** How many journeys it holds (counted when it was checked). */
  journeys: number;
}

/** A backup that cannot be read, restored or written; `problem` is what the window says. */
export class BackupError extends Error {
  constructor(
    readonly problem: BackupProblem,
    /** For the log only: may quote SQLite's words, never shown. */
    readonly detail = '',
  ) {
    super(`Backup problem: ${problem}${detail ? ` (${detail})` : ''}`);
    this.name = 'BackupError';
  }
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** A temporary file of a write that died is cleared away once it is this old. */
const STALE_TEMPORARY_MS = 60 * 60 * 1000;
const TEMPORARY_PREFIX = '.pathway-backup-';

/** `20261201T195729123Z` from a date, and back. */
function stampOf(now: Date): string {
  return now.toISOString().replace(/[-:.]/g, '');
}
function isoOfStamp(stamp: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z$/.exec(stamp)!;
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z`;
}

function nameOf(stamp: string, reason: BackupReason, journeys: number, tag: string): string {
  return `pathway-backup-${stamp}-${reason}-${journeys}-${tag}.sqlite`;
}

/** The parts of a backup's name, or null when the name is not one of ours. */
function parseName(name: string) {
  const m = BACKUP_NAME_PATTERN.exec(name);
  if (!m) return null;
  return {
    stamp: m[1]!,
    at: isoOfStamp(m[1]!),
    reason: m[2] as BackupReason,
    journeys: Number(m[3]),
    tag: m[4]!,
  };
}

const sqliteCode = (error: unknown) => String((error as { code?: unknown }).code ?? '');

/**
 * Runs `work` with `file` attached to `db` as `schema`, and always detaches. The file is read with
 * the main database's key, as SQLite3 Multiple Ciphers does for ATTACH without KEY: a rolling
 * backup is a copy of the live database (VACUUM INTO), encrypted with its key. A file in clear is
 * therefore no backup of an encrypted database (SQLite answers "not a database": `not_backup`).
 * The app never wrote a rolling backup in clear: backups came with encryption at rest, and a
 * database from before it is encrypted before its first backup is written (open.ts). Only a
 * database that is itself in clear (the tests' own) has backups in clear, read here as they are.
 */
function withAttached<T>(db: Database, file: string, schema: string, work: () => T): T {
  if (db.inTransaction) throw new Error('Backups cannot be read inside a transaction');
  // ATTACH makes a missing file: a backup removed meanwhile must not come back empty.
  if (!existsSync(file)) throw new BackupError('missing');
  db.prepare(`ATTACH DATABASE ? AS ${schema}`).run(file);
  try {
    return work();
  } finally {
    db.exec(`DETACH DATABASE ${schema}`);
  }
}

/**
 * withAttached for a backup about to be read: its schema is checked first (checkBackupSchema), so
 * no statement of the work reads a view or fires a trigger the file brought along.
 */
function withBackupAttached<T>(db: Database, file: string, schema: string, work: () => T): T {
  return withAttached(db, file, schema, () => {
    checkBackupSchema(db, schema);
    return work();
  });
}

/** A database file's problem as the window names it. */
function problemOf(error: unknown): BackupError {
  if (error instanceof BackupError) return error;
  const code = sqliteCode(error);
  if (code.startsWith('SQLITE_NOTADB')) return new BackupError('not_backup', String(error));
  if (code.startsWith('SQLITE_CORRUPT')) return new BackupError('damaged', String(error));
  if (/no such table/i.test(String(error))) return new BackupError('not_backup', String(error));
  return new BackupError('damaged', String(error));
}

/** One row of sqlite_schema: a table, index, view or trigger (SQLite's own ones too). */
interface SchemaObject {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

function schemaObjectsOf(db: Database, schema: string): SchemaObject[] {
  return db
    .prepare(
      `SELECT type, name, tbl_name, sql FROM ${schema}.sqlite_schema ORDER BY type, name, tbl_name, sql`,
    )
    .all() as SchemaObject[];
}

/**
 * How SQLite itself reads the tables of a schema: each one's kind (an ordinary table, not a view
 * or a virtual table), rowid, STRICT and columns (name, type, NOT NULL, default, key, hidden).
 */
function tableShapesOf(db: Database, schema: string): string {
  const tables = db
    .prepare(
      'SELECT name, type, ncol, wr, strict FROM pragma_table_list WHERE schema = ? ORDER BY name',
    )
    .all(schema) as { name: string }[];
  const columns = db.prepare(
    'SELECT cid, name, type, "notnull", dflt_value, pk, hidden FROM pragma_table_xinfo(?, ?) ORDER BY cid',
  );
  return JSON.stringify(tables.map((t) => ({ ...t, columns: columns.all(t.name, schema) })));
}

/** What this app's migrations make at a version, from a fresh database (see checkBackupSchema). */
const expectedSchemas = new Map<number, { objects: SchemaObject[]; tables: string }>();

function expectedSchemaAt(version: number): { objects: SchemaObject[]; tables: string } {
  let expected = expectedSchemas.get(version);
  if (!expected) {
    const fresh = new BetterSqlite3(':memory:');
    try {
      migrate(fresh, MIGRATIONS, version);
      expected = { objects: schemaObjectsOf(fresh, 'main'), tables: tableShapesOf(fresh, 'main') };
    } finally {
      fresh.close();
    }
    expectedSchemas.set(version, expected);
  }
  return expected;
}

const objectKey = (o: SchemaObject) => JSON.stringify([o.type, o.name, o.tbl_name, o.sql]);

/**
 * Refuses (`not_backup`) a database whose schema is not exactly the one this app's migrations make
 * at its `user_version`, and one of a newer version (`newer_version`); returns the version. Every
 * row of sqlite_schema — tables, indexes, views, triggers, SQLite's own automatic indexes — must
 * be one a fresh database migrated to that version has, with the same SQL, and none may be
 * missing; then SQLite's own reading of each table (kind, columns) must be the same too.
 *
 * The schema is the only place a file can bring SQL of its own: a view (even one whose recursion
 * never ends: reading it would never return, and nothing in this process could stop it), a
 * trigger that runs when a migration or a check writes, a CHECK or an index's expression that
 * every row makes SQLite evaluate. With the schema exactly the app's, what reads the copy after
 * this runs only the app's statements over ordinary tables, in a time bounded by the file's size.
 * This reads the header and sqlite_schema only (parsing a view does not run it), so it comes
 * before anything else reads the copy, `integrity_check` included (which evaluates CHECKs).
 */
export function checkBackupSchema(db: Database, schema = 'main'): number {
  try {
    const version = db.pragma(`${schema}.user_version`, { simple: true }) as number;
    if (version > LATEST_VERSION) throw new BackupError('newer_version', String(version));
    if (!Number.isInteger(version) || version < 1) {
      throw new BackupError('not_backup', 'no schema version');
    }
    const expected = expectedSchemaAt(version);
    const objects = schemaObjectsOf(db, schema);
    const want = new Set(expected.objects.map(objectKey));
    const have = new Set(objects.map(objectKey));
    const differs = [
      ...objects.filter((o) => !want.has(objectKey(o))).map((o) => `+${o.type} ${o.name}`),
      ...expected.objects.filter((o) => !have.has(objectKey(o))).map((o) => `-${o.type} ${o.name}`),
    ];
    if (differs.length > 0 || objects.length !== expected.objects.length) {
      const shown = differs.slice(0, 5).map((d) => d.slice(0, 80));
      throw new BackupError('not_backup', `schema of version ${version}: ${shown.join(', ')}`);
    }
    if (tableShapesOf(db, schema) !== expected.tables) {
      throw new BackupError('not_backup', `tables of version ${version}`);
    }
    return version;
  } catch (error) {
    throw problemOf(error);
  }
}

/**
 * Checks an attached copy: this app's schema at no newer version, every page sound
 * (`integrity_check`, the full check), every reference whole. Returns how many journeys it holds.
 *
 * A copy of a backup (`exactSchema`, the default) must have exactly the schema the app's
 * migrations make (checkBackupSchema). The copy writeBackup has just made of the live database is
 * checked for sound pages only: its schema is the live database's, which the app made, and a
 * difference there (a table ANALYZE added by hand) must not stop the backup before a migration,
 * and with it the app's start.
 */
function checkAttached(db: Database, schema: string, exactSchema = true): number {
  try {
    if (exactSchema) {
      checkBackupSchema(db, schema);
    } else {
      const version = db.pragma(`${schema}.user_version`, { simple: true }) as number;
      if (version > LATEST_VERSION) throw new BackupError('newer_version', String(version));
      const journeysTable = db
        .prepare(
          `SELECT count(*) AS n FROM ${schema}.sqlite_schema WHERE type = 'table' AND name = 'journeys'`,
        )
        .get() as { n: number };
      if (version === 0 || journeysTable.n === 0) {
        throw new BackupError('not_backup', 'no journeys');
      }
    }
    const check = (db.pragma(`${schema}.integrity_check`) as { integrity_check: string }[]).map(
      (r) => r.integrity_check,
    );
    if (check.length !== 1 || check[0] !== 'ok') {
      throw new BackupError('damaged', check.slice(0, 3).join('; '));
    }
    if ((db.pragma(`${schema}.foreign_key_check`) as unknown[]).length > 0) {
      throw new BackupError('damaged', 'foreign keys');
    }
    return (db.prepare(`SELECT count(*) AS n FROM ${schema}.journeys`).get() as { n: number }).n;
  } catch (error) {
    throw problemOf(error);
  }
}

/**
 * Checks an open database as a backup is checked (exactly the schema of this app at its version,
 * no newer one, every page and reference sound) and returns how many journeys it holds; throws a
 * BackupError.
 */
export function checkDatabase(db: Database): number {
  return checkAttached(db, 'main');
}

/** How many journeys the database holds. */
export function countJourneys(db: Database): number {
  return (db.prepare('SELECT count(*) AS n FROM main.journeys').get() as { n: number }).n;
}

function listTemporaries(folder: string): string[] {
  try {
    return readdirSync(folder).filter((n) => n.startsWith(TEMPORARY_PREFIX) && n.endsWith('.tmp'));
  } catch {
    return [];
  }
}

/** Backups in the folder, newest first. A missing folder has none. */
export function listBackups(folder: string): BackupInfo[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const out: BackupInfo[] = [];
  for (const name of names) {
    const parsed = parseName(name);
    if (!parsed) continue;
    const file = join(folder, name);
    let bytes: number;
    try {
      const stat = statSync(file);
      if (!stat.isFile()) continue;
      bytes = stat.size;
    } catch {
      continue; // removed meanwhile
    }
    out.push({ file, at: parsed.at, reason: parsed.reason, bytes, journeys: parsed.journeys });
  }
  return out.sort((a, b) => b.at.localeCompare(a.at) || b.file.localeCompare(a.file));
}

/**
 * Keeps the backups of the newest `keep` days that have one (days in UTC) and removes the rest,
 * with the temporary files of writes that died. Counted in days, not files, so that a busy day (a
 * few snapshot restores) cannot push the earlier days out, and a deleted journey is gone from the
 * backups after `keep` days of use. Returns the removed files' names.
 */
export function pruneBackups(folder: string, keep = BACKUP_KEEP_DAYS, now = new Date()): string[] {
  const backups = listBackups(folder);
  const days = [...new Set(backups.map((b) => b.at.slice(0, 10)))].slice(0, Math.max(1, keep));
  const removed: string[] = [];
  for (const b of backups) {
    if (days.includes(b.at.slice(0, 10))) continue;
    rmSync(b.file, { force: true });
    removed.push(basename(b.file));
  }
  for (const name of listTemporaries(folder)) {
    const path = join(folder, name);
    try {
      if (now.getTime() - statSync(path).mtimeMs > STALE_TEMPORARY_MS)
        rmSync(path, { force: true });
    } catch {
      // Gone already.
    }
  }
  return removed;
}

export interface WriteBackupOptions {
  /** Days of backups to keep after this one (see pruneBackups). */
  keep?: number;
}

/**
 * Writes a checked backup of `db` into `folder` (made if missing) and prunes the old ones. The
 * copy is written under a temporary name, flushed, attached and checked, and only then renamed to
 * its backup name, so the folder never lists a copy that failed its check. Not inside a
 * transaction (SQLite refuses VACUUM there): call it before the migration's transaction.
 */
export function writeBackup(
  db: Database,
  folder: string,
  reason: BackupReason,
  now: Date,
  { keep = BACKUP_KEEP_DAYS }: WriteBackupOptions = {},
): BackupInfo {
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const stamp = stampOf(now);
  const tag = randomBytes(2).toString('hex');
  const temporary = join(folder, `${TEMPORARY_PREFIX}${stamp}-${tag}.tmp`);
  try {
    if (db.inTransaction) throw new Error('A backup cannot be written inside a transaction');
    db.prepare('VACUUM INTO ?').run(temporary);
    // Health data: for this user only. SQLite does not flush what VACUUM INTO wrote.
    chmodSync(temporary, 0o600);
    flushFile(temporary);
    const journeys = withAttached(db, temporary, 'backup_check', () =>
      checkAttached(db, 'backup_check', false),
    );
    const file = join(folder, nameOf(stamp, reason, journeys, tag));
    renameSync(temporary, file);
    flushFolder(folder);
    const info: BackupInfo = {
      file,
      at: isoOfStamp(stamp),
      reason,
      bytes: statSync(file).size,
      journeys,
    };
    pruneBackups(folder, keep, now);
    return info;
  } finally {
    rmSync(temporary, { force: true });
    rmSync(`${temporary}-journal`, { force: true });
  }
}

/** Whether the daily backup is due: no backup in the 24 hours up to `now`. */
export function dailyBackupDue(folder: string, now: Date): boolean {
  const t = now.getTime();
  return !listBackups(folder).some((b) => {
    const age = t - Date.parse(b.at);
    // A backup "from the future" (the clock was set back) does not stop today's.
    return age >= 0 && age < DAY_MS;
  });
}

/** Writes the daily backup when it is due; returns it, or null when it was not due. */
export function runDailyBackup(db: Database, folder: string, now: Date): BackupInfo | null {
  return dailyBackupDue(folder, now) ? writeBackup(db, folder, 'daily', now) : null;
}

export interface DailyBackups {
  db: Database;
  folder: string;
  clock: () => Date;
  /** A backup that failed (a full disk): told, never thrown into the app's timer. */
  onError: (error: unknown) => void;
  /** When to look first: a moment after the start, so the window is not kept waiting. */
  firstAfterMs?: number;
  /** How often to look again whether a day has passed. */
  everyMs?: number;
}

/**
 * The daily backup while the app runs: shortly after the start (when the newest is older than a
 * day), then looked at every hour. The timers do not keep the process alive. Returns stop.
 */
export function startDailyBackups({
  db,
  folder,
  clock,
  onError,
  firstAfterMs = 0,
  everyMs = 60 * 60 * 1000,
}: DailyBackups): () => void {
  const tick = () => {
    try {
      if (db.open) runDailyBackup(db, folder, clock());
    } catch (error) {
      onError(error);
    }
  };
  const first = setTimeout(tick, firstAfterMs);
  const every = setInterval(tick, everyMs);
  first.unref?.();
  every.unref?.();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}

/** The rolling backup called `name` in `folder`; the name must be one of ours (no path). */
function backupFile(folder: string, name: string): string {
  if (!parseName(name) || basename(name) !== name) throw new BackupError('missing', 'name');
  const file = join(folder, name);
  try {
    if (!statSync(file).isFile()) throw new BackupError('missing');
  } catch (error) {
    throw error instanceof BackupError ? error : new BackupError('missing');
  }
  return file;
}

/**
 * A database image (the bytes of an SQLite file, e.g. from a USB backup) opened in memory, checked
 * and migrated to this version: the source of a restore. The caller closes it.
 */
export function openImage(bytes: Buffer): Database {
  if (bytes.length === 0) throw new BackupError('empty');
  if (bytes.length < 100 || !bytes.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC)) {
    throw new BackupError('not_backup', 'no SQLite header');
  }
  const image = Buffer.from(bytes);
  // A database in WAL mode says so in its header (bytes 18 and 19); a database in memory has no
  // WAL, and SQLite refuses to open such an image unless it is marked as a rollback database.
  image[18] = 1;
  image[19] = 1;
  let source: Database;
  try {
    source = new BetterSqlite3(image);
  } catch (error) {
    throw problemOf(error);
  }
  try {
    // The image is in clear in memory: SQLite's temporary files (migrations may sort) stay there too.
    source.pragma('temp_store = MEMORY');
    // An image from a file: its schema is not trusted to call anything but harmless functions.
    source.pragma('trusted_schema = OFF');
    // Every page's cells are checked as the page is read, not only by integrity_check: a
    // malformed cell is refused as damage wherever it is met.
    source.pragma('cell_size_check = ON');
    // Its schema first (checkBackupSchema), before anything reads a row.
    checkDatabase(source);
    source.pragma('foreign_keys = ON');
    migrate(source);
    return source;
  } catch (error) {
    source.close();
    throw problemOf(error);
  }
}

/** The rolling backup called `name` in memory, checked and migrated (see openImage). */
export function loadBackup(db: Database, folder: string, name: string): Database {
  return loadBackupFile(db, backupFile(folder, name));
}

/**
 * A backup file written by writeBackup (anywhere: the command line restores from a path) in
 * memory, checked and migrated. It is read with the live connection's key (see withAttached).
 */
export function loadBackupFile(db: Database, file: string): Database {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new BackupError('missing');
  }
  if (size === 0) throw new BackupError('empty');
  let bytes: Buffer;
  try {
    // Attached, its pages are read (and decrypted) by the live connection.
    bytes = withAttached(db, file, 'restore_source', () =>
      db.serialize({ attached: 'restore_source' }),
    );
  } catch (error) {
    throw problemOf(error);
  }
  return openImage(bytes);
}

/** The tables of this app's schema, in the order they were made, and whether they have rowids. */
function tablesOf(db: Database): { name: string; rowid: boolean }[] {
  return (
    db
      .prepare(
        "SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid",
      )
      .all() as { name: string; sql: string }[]
  ).map((r) => ({ name: r.name, rowid: !/WITHOUT\s+ROWID\s*$/i.test(r.sql) }));
}

function columnsOf(db: Database, table: string): string[] {
  return (
    db.prepare('SELECT name FROM pragma_table_info(?) ORDER BY cid').all(table) as {
      name: string;
    }[]
  ).map((r) => r.name);
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Replaces every row of `db` with the rows of `source` (same schema version) in one transaction:
 * all or nothing. Foreign keys are checked at the commit, so the order of the tables does not
 * matter. The freed pages are zeroed (secure_delete) and the WAL is emptied into the file after.
 */
export function replaceContents(db: Database, source: Database): { journeys: number } {
  const tables = tablesOf(db);
  const sourceTables = new Set(tablesOf(source).map((t) => t.name));
  for (const { name } of tables) {
    if (!sourceTables.has(name) || columnsOf(db, name).join() !== columnsOf(source, name).join()) {
      throw new BackupError('damaged', `table ${name} differs`);
    }
  }
  db.transaction(() => {
    db.pragma('defer_foreign_keys = ON');
    for (const { name } of tables) db.prepare(`DELETE FROM main.${quote(name)}`).run();
    for (const { name, rowid } of tables) {
      const columns = columnsOf(db, name).map(quote).join(', ');
      const insert = db.prepare(
        `INSERT INTO main.${quote(name)} (${columns}) VALUES (${columnsOf(db, name)
          .map(() => '?')
          .join(', ')})`,
      );
      // In the order they were written (lists that keep insertion order keep it), one row at a
      // time, and integers exact (never rounded through a JS number).
      const rows = source
        .prepare(`SELECT ${columns} FROM ${quote(name)}${rowid ? ' ORDER BY rowid' : ''}`)
        .raw(true)
        .safeIntegers(true);
      for (const row of rows.iterate() as Iterable<unknown[]>) insert.run(...row);
    }
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  return { journeys: countJourneys(db) };
}

export interface RestoreResult {
  /** The backup of the database as it was just before. */
  kept: BackupInfo;
  /** Journeys in the database now. */
  journeys: number;
}

/**
 * Replaces the database's contents with a source (a rolling backup or a USB backup, opened with
 * loadBackup or openImage): first the database as it is now is kept as a `before_restore` backup
 * (a restore can be undone by restoring that), then the rows are replaced in one transaction.
 * Closes the source.
 */
export function restoreFrom(
  db: Database,
  source: Database,
  folder: string,
  now: Date,
): RestoreResult {
  try {
    const kept = writeBackup(db, folder, 'before_restore', now);
    return { kept, ...replaceContents(db, source) };
  } finally {
    source.close();
  }
}

/** Restores the rolling backup called `name` (see restoreFrom). */
export function restoreBackup(
  db: Database,
  folder: string,
  name: string,
  now: Date,
): RestoreResult {
  return restoreFrom(db, loadBackup(db, folder, name), folder, now);
}

/**
 * The journeys the rolling backups hold that are no longer in the database (deleted since), with
 * their alias as the newest backup has it and how many backups hold them.
 */
export function deletedJourneysInBackups(db: Database, folder: string): JourneyInBackups[] {
  const live = new Set(
    (db.prepare('SELECT id FROM main.journeys').all() as { id: string }[]).map((r) => r.id),
  );
  const found = new Map<string, JourneyInBackups>();
  for (const b of listBackups(folder)) {
    let rows: { id: string; alias: string }[];
    try {
      rows = withBackupAttached(
        db,
        b.file,
        'backup_read',
        () =>
          db.prepare('SELECT id, alias FROM backup_read.journeys').all() as {
            id: string;
            alias: string;
          }[],
      );
    } catch {
      continue; // a backup that cannot be read holds nothing it could give back either
    }
    for (const { id, alias } of rows) {
      if (live.has(id)) continue;
      const seen = found.get(id);
      if (seen) seen.backups += 1;
      else found.set(id, { id, alias, backups: 1 });
    }
  }
  return [...found.values()].sort((a, b) => a.alias.localeCompare(b.alias, 'da'));
}

export interface ForgetResult {
  /** Backups the journey was removed from. */
  cleaned: number;
  /** Backups that could not be read or rewritten (they may still hold it). */
  failed: number;
  /** Rolling backups there are. */
  backups: number;
}

/**
 * Removes one journey from every rolling backup (a citizen who withdraws consent): each backup
 * that holds it is copied, the journey deleted from the copy (everything in it goes by the foreign
 * keys' cascade), the copy VACUUMed (so no freed page keeps the text) and checked, then renamed
 * over the backup. A backup that cannot be read or rewritten is left as it was and counted.
 */
export function forgetJourney(db: Database, folder: string, journeyId: string): ForgetResult {
  const backups = listBackups(folder);
  let cleaned = 0;
  let failed = 0;
  for (const b of backups) {
    try {
      if (forgetIn(db, folder, b.file, journeyId)) cleaned += 1;
    } catch {
      failed += 1;
    }
  }
  return { cleaned, failed, backups: backups.length };
}

/** Removes the journey from one backup; false when it does not hold it. */
function forgetIn(db: Database, folder: string, file: string, journeyId: string): boolean {
  const holds = withBackupAttached(db, file, 'backup_read', () =>
    db.prepare('SELECT 1 FROM backup_read.journeys WHERE id = ?').get(journeyId),
  );
  if (!holds) return false;
  const name = basename(file);
  const parsed = parseName(name)!;
  const temporary = join(folder, `${TEMPORARY_PREFIX}${parsed.stamp}-${parsed.tag}-forget.tmp`);
  try {
    copyFileSync(file, temporary, constants.COPYFILE_EXCL);
    chmodSync(temporary, 0o600);
    // The copy is checked again: the file may have changed since it was read.
    const journeys = withBackupAttached(db, temporary, 'backup_forget', () => {
      db.pragma('backup_forget.secure_delete = ON');
      // The connection has foreign_keys on: touchpoints, profile, snapshots… go with it.
      db.prepare('DELETE FROM backup_forget.journeys WHERE id = ?').run(journeyId);
      db.exec('VACUUM backup_forget');
      return checkAttached(db, 'backup_forget');
    });
    flushFile(temporary);
    // Over the old file first (atomic), then the name that counts the journeys right.
    renameSync(temporary, file);
    const renamed = join(folder, nameOf(parsed.stamp, parsed.reason, journeys, parsed.tag));
    if (renamed !== file) renameSync(file, renamed);
    flushFolder(folder);
    return true;
  } finally {
    rmSync(temporary, { force: true });
    rmSync(`${temporary}-journal`, { force: true });
  }
}

/** The live database's image (plain SQLite bytes, decrypted by its connection), for a USB backup. */
export function databaseImage(db: Database): Buffer {
  return db.serialize();
}
