/**
 * `pathway backup` and `pathway restore`: the app's backups on the command line, with the same
 * code as the backups screen.
 *
 *   pathway backup --db FILE --out FILE     the database, sealed under a passphrase (.fvbackup)
 *   pathway restore --from FILE --db FILE   a sealed backup, or a rolling backup of the app
 *                                           (backups/pathway-backup-….sqlite), into the database
 *
 * Secrets are never arguments (every user of the computer sees arguments, and the shell keeps
 * them): the database's own passphrase or key as the rest of the command line asks for it
 * (./database-key.ts, PATHWAY_KEY_FD), and the backup's passphrase on the terminal with echo off —
 * twice for a new backup — or, for scripts and tests, the first line of the file descriptor in
 * PATHWAY_PASSPHRASE_FD (0: a pipe on stdin). Exit codes as the rest of the command line: 0 done;
 * 2 nothing was done (bad usage, a file that cannot be used, a wrong passphrase); 1 stopped by
 * something unforeseen.
 */
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { closeSync, existsSync, fstatSync, openSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { passphraseProblem, PASSPHRASE_MAX, PASSPHRASE_MIN } from '../../shared/domain/backup';
import {
  BackupError,
  backupsFolderFor,
  checkDatabase,
  databaseImage,
  loadBackupFile,
  openImage,
  restoreFrom,
} from '../db/backups';
import { applyKey, lookOfFile } from '../db/cipher';
import { openDatabase } from '../db/open';
import { createHandlers } from '../handlers';
import { checkRestorable } from '../handlers/restore-check';
import {
  checkSealedHeader,
  readSealedFile,
  looksSealed,
  SEALED_HEAD_BYTES,
  sealSync,
  unsealSync,
  type ScryptParams,
} from '../db/sealed-backup';
import { writeFileAtomic } from '../export/write-file';
import { cliDatabaseKey } from './database-key';
import { shown } from './files';
import { readSecret, SECRET_FD_ENV, secretFdProblem } from './secret-input';
import { readInto } from '../db/read-into';

/** The file descriptor a script gives the backup's passphrase on. */
export const PASSPHRASE_FD_ENV = 'PATHWAY_PASSPHRASE_FD';

export const BACKUP_USAGE = `  pathway backup --db FILE --out FILE                 (the database sealed under a passphrase,
                                                      asked twice on the terminal; never replaces
                                                      a file)
  pathway restore --from FILE --db FILE               (a sealed backup, or a rolling backup from the
                                                      app's backups folder; the database as it was
                                                      is kept in the backups folder beside it)`;

/** What the usage says about the backup's passphrase. */
export const BACKUP_PASSPHRASE_NOTE = `The backup's passphrase is typed on the terminal (echo off), or read from the file descriptor
in ${PASSPHRASE_FD_ENV} (e.g. ${PASSPHRASE_FD_ENV}=0 with a pipe); never an argument.`;

/** Nothing could be done, for a reason told plainly. */
class Refused extends Error {}
class Usage extends Error {}

const EXIT_OK = 0;
const EXIT_NOTHING_DONE = 2;

/** A backup file's problem in the command line's words. */
const PROBLEM_WORDS: Record<BackupError['problem'], string> = {
  empty: 'is empty (0 bytes): it was not copied to the end',
  not_backup: 'is no backup or database of the app',
  truncated: 'is cut short: the copying was interrupted',
  damaged: 'is damaged: its bytes changed after it was written',
  newer_version: 'was written by a newer version of the app: use the newer version',
  wrong_passphrase: 'does not open with that passphrase (check capitals and spaces)',
  missing: 'is not there',
};

const refusedFor = (file: string, error: BackupError) =>
  new Refused(`${shown(file)} ${PROBLEM_WORDS[error.problem]} (nothing was changed)`);

/**
 * The backup's passphrase: from PATHWAY_PASSPHRASE_FD, or typed on the terminal with echo off —
 * twice when `twice`, so a typo does not lock the backup for good.
 */
function askPassphrase(env: NodeJS.ProcessEnv, twice: boolean): string {
  const fromFd = env[PASSPHRASE_FD_ENV];
  // readSecret reads its descriptor from SECRET_FD_ENV: give it ours (or none: the terminal).
  const secretEnv = { ...env, [SECRET_FD_ENV]: fromFd ?? '' };
  const first = readSecret('Passphrase of the backup: ', secretEnv);
  if (first === null) {
    const problem = secretFdProblem(PASSPHRASE_FD_ENV, fromFd);
    throw new Refused(
      `the backup's passphrase is needed: type it when asked on a terminal, or give it on the file descriptor in ${PASSPHRASE_FD_ENV} (it is never taken as an argument)${problem ? ` (${problem})` : ''}`,
    );
  }
  if (!twice) return first;
  const second = fromFd ? first : readSecret('The same passphrase again: ', secretEnv);
  const problem = passphraseProblem(first, second ?? '');
  if (problem === 'too_short') {
    throw new Refused(`the passphrase must be at least ${PASSPHRASE_MIN} characters`);
  }
  if (problem === 'too_long') {
    throw new Refused(`the passphrase can be at most ${PASSPHRASE_MAX} characters`);
  }
  if (problem === 'mismatch') throw new Refused('the two passphrases are not the same');
  return first;
}

/** The key of an encrypted database file, asked as the rest of the command line asks it. */
function keyOf(file: string, env: NodeJS.ProcessEnv) {
  const key = cliDatabaseKey(file, env);
  if ('refused' in key) throw new Refused(key.refused);
  return key.key;
}

/** Whether an existing path is a file with bytes in it, said plainly when it is not. */
function requireFile(file: string, what: string): void {
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw new Refused(`${what} ${shown(file)} is not a file`);
    size = stat.size;
  } catch (error) {
    if (error instanceof Refused) throw error;
    throw new Refused(`there is no ${what} at ${shown(file)}`);
  }
  if (size === 0) throw new Refused(`${what} ${shown(file)} is empty (0 bytes)`);
}

/**
 * The database for a backup, read-only (a backup never changes it, and reads beside the app
 * while it runs), checked as the app checks a backup: any version up to this one's (an older one
 * is brought up to date when it is restored), every page and reference sound.
 */
function openForBackup(file: string, env: NodeJS.ProcessEnv): { db: Database; journeys: number } {
  requireFile(file, 'database');
  const look = lookOfFile(file);
  if (look === 'other') throw new Refused(`${shown(file)} is no database of the app`);
  const key = look === 'encrypted' ? keyOf(file, env) : null;
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true, timeout: 5000 });
  try {
    if (key) applyKey(db, key);
    // A file named on the command line: its schema may call only functions harmless there.
    db.pragma('trusted_schema = OFF');
    return { db, journeys: checkDatabase(db) };
  } catch (error) {
    db.close();
    if (!(error instanceof BackupError)) throw error;
    if (key && error.problem === 'not_backup') {
      throw new Refused(
        `the key does not open ${shown(file)}, or it is no database of the app (nothing was read)`,
      );
    }
    throw refusedFor(file, error);
  }
}

function parse(args: string[], names: string[]) {
  const { values } = parseArgs({
    args,
    options: Object.fromEntries(names.map((n) => [n, { type: 'string' as const }])),
    strict: true,
  });
  return values as Record<string, string | undefined>;
}

/** Runs a command body, telling what stopped it the way the rest of the command line does. */
function run(command: string, body: () => number): number {
  try {
    return body();
  } catch (error) {
    if (error instanceof Usage || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(
        `${(error as Error).message}\n\nUsage:\n${BACKUP_USAGE}\n\n${BACKUP_PASSPHRASE_NOTE}`,
      );
      return EXIT_NOTHING_DONE;
    }
    if (error instanceof Refused) {
      console.error(`pathway ${command}: ${error.message}`);
      return EXIT_NOTHING_DONE;
    }
    throw error;
  }
}

/** `pathway backup --db FILE --out FILE`. */
export function backupCommand(
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
  /** For the tests: a quicker scrypt. */
  params?: ScryptParams,
): number {
  return run('backup', () => {
    const values = parse(args, ['db', 'out']);
    if (!values.db || !values.out) throw new Usage('backup needs --db and --out');
    const out = values.out;
    if (resolve(out) === resolve(values.db)) throw new Usage('--out cannot be the database');
    if (existsSync(out)) {
      throw new Refused(`${shown(out)} is there already: a backup never replaces a file`);
    }
    if (!existsSync(dirname(resolve(out)))) {
      throw new Refused(`there is no folder ${shown(dirname(resolve(out)))} to write into`);
    }
    const { db, journeys } = openForBackup(values.db, env);
    try {
      // Asked once the database is known to open, so a refusal asks for nothing more.
      const passphrase = askPassphrase(env, true);
      const image = databaseImage(db);
      writeFileAtomic(out, sealSync(image, passphrase, params));
      console.log(
        `Backed up ${journeys} journeys from ${shown(values.db)} into ${shown(out)}, sealed with the passphrase. Keep the passphrase apart from the file: without it the backup cannot be opened.`,
      );
      return EXIT_OK;
    } finally {
      db.close();
    }
  });
}

/** A file's first bytes (as many as a sealed backup's header) and its size. */
function headOf(file: string): { head: Buffer; size: number } {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const head = Buffer.alloc(Math.min(size, SEALED_HEAD_BYTES));
    return { head: head.subarray(0, readInto(fd, head)), size };
  } finally {
    closeSync(fd);
  }
}

/** `pathway restore --from FILE --db FILE`. */
export function restoreCommand(args: string[], env: NodeJS.ProcessEnv = process.env): number {
  return run('restore', () => {
    const values = parse(args, ['from', 'db']);
    if (!values.from || !values.db) throw new Usage('restore needs --from and --db');
    const from = values.from;
    // Everything the backup file tells without a passphrase or key, first.
    requireFile(from, 'backup');
    // Its first bytes and its size only: a large file that is no backup is never read whole.
    const { head, size } = headOf(from);
    const sealed = looksSealed(head);
    try {
      const look = sealed ? null : lookOfFile(from);
      if (sealed) checkSealedHeader(head, size);
      else if (look === 'plain') {
        // The app's rolling backups are encrypted with the database's key and its USB backups
        // sealed: it never wrote a backup in clear (a database from before encryption is
        // encrypted before its first backup), so a file in clear is none of its backups.
        throw new Refused(
          `${shown(from)} is an unencrypted SQLite file, not a backup of the app: its backups are sealed (.fvbackup) or, in its backups folder, encrypted with the database's key (nothing was changed)`,
        );
      } else if (look === 'other') throw new BackupError('not_backup');
    } catch (error) {
      if (error instanceof BackupError) throw refusedFor(from, error);
      throw error;
    }
    requireFile(values.db, 'database');
    const look = lookOfFile(values.db);
    if (look !== 'encrypted') {
      throw new Refused(
        look === 'plain'
          ? `${shown(values.db)} is not encrypted yet: open it once in the app (which encrypts it), then restore into it`
          : `${shown(values.db)} is no database of the app`,
      );
    }
    // The app's own checks and updates, with its key: a database that cannot be used is refused
    // before anything is written.
    let db: Database;
    try {
      db = openDatabase(values.db, { key: keyOf(values.db, env) });
    } catch (error) {
      if (error instanceof Refused) throw error;
      throw new Refused(
        `cannot use the database ${shown(values.db)} (${(error as Error).message})`,
      );
    }
    try {
      let restored;
      try {
        const source = sealed
          ? openImage(unsealSync(readSealedFile(from), askPassphrase(env, false)))
          : loadBackupFile(db, from);
        try {
          // Read as the app would read it once restored (restore-check.ts).
          checkRestorable(source, (image) =>
            createHandlers({ db: image, clock: () => new Date(), newId: () => randomUUID() }),
          );
        } catch (error) {
          source.close();
          throw error;
        }
        restored = restoreFrom(db, source, backupsFolderFor(values.db), new Date());
      } catch (error) {
        if (error instanceof BackupError) throw refusedFor(from, error);
        throw error;
      }
      const { kept, journeys } = restored;
      console.log(
        `Restored ${journeys} journeys from ${shown(from)} into ${shown(values.db)}. The database as it was is kept as ${shown(kept.file)}.`,
      );
      return EXIT_OK;
    } finally {
      db.close();
    }
  });
}
