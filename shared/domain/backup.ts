import { z } from 'zod';
import { idSchema, timestampSchema } from './journey';

/**
 * Backups of the database: the rolling copies the app keeps beside the database (one a day while
 * it runs, and before a migration or a restore), and the files a facilitator writes to a USB stick
 * under a passphrase. The rules both the window and the command line follow live here.
 */

/** The ending of a backup written under a passphrase (a USB stick, `pathway backup`). */
export const BACKUP_FILE_EXTENSION = 'fvbackup';

/** Why a backup was made; the screen says it in plain words. */
export const BACKUP_REASONS = [
  'daily',
  'migration',
  'snapshot_restore',
  'manual',
  'before_restore',
] as const;
export const backupReasonSchema = z.enum(BACKUP_REASONS);
export type BackupReason = z.infer<typeof backupReasonSchema>;

/**
 * The rolling backups of the newest 7 days that have one are kept. A journey deleted from the
 * database therefore stays in them until 7 more days with a backup have passed — at most 7 days of
 * use — unless it is deleted from the backups too.
 */
export const BACKUP_KEEP_DAYS = 7;

/**
 * A USB backup's passphrase: long enough that guessing it against scrypt is hopeless, short enough
 * to type at the table. Typed twice in the window and on the terminal.
 */
export const PASSPHRASE_MIN = 10;
export const PASSPHRASE_MAX = 200;
export const backupPassphraseSchema = z.string().min(PASSPHRASE_MIN).max(PASSPHRASE_MAX);

export type PassphraseProblem = 'too_short' | 'too_long' | 'mismatch';

/** What is wrong with a passphrase typed twice, or null when it can be used. */
export function passphraseProblem(first: string, second: string): PassphraseProblem | null {
  // Counted as zod counts (code points), so the window and the contract agree at the limits.
  const length = [...first].length;
  if (length < PASSPHRASE_MIN) return 'too_short';
  if (length > PASSPHRASE_MAX) return 'too_long';
  if (first !== second) return 'mismatch';
  return null;
}

/**
 * A rolling backup's file name says when, why and how many journeys it holds, so the list is read
 * from the folder without opening (or decrypting) a file:
 * `pathway-backup-20261201T195729123Z-daily-12-a1b2.sqlite`.
 */
export const BACKUP_NAME_PATTERN =
  /^pathway-backup-(\d{8}T\d{9}Z)-(daily|migration|snapshot_restore|manual|before_restore)-(\d{1,9})-([0-9a-f]{4})\.sqlite$/;
export const backupNameSchema = z.string().max(120).regex(BACKUP_NAME_PATTERN);

/** One rolling backup as the window sees it (its name only, never a path). */
export const backupSummarySchema = z.strictObject({
  name: backupNameSchema,
  at: timestampSchema,
  reason: backupReasonSchema,
  bytes: z.number().int().min(0),
  journeys: z.number().int().min(0),
});
export type BackupSummary = z.infer<typeof backupSummarySchema>;

/** A journey that is in the rolling backups but no longer in the database. */
export const journeyInBackupsSchema = z.strictObject({
  id: idSchema,
  alias: z.string(),
  backups: z.number().int().min(1),
});
export type JourneyInBackups = z.infer<typeof journeyInBackupsSchema>;

/**
 * Why a backup could not be read or restored. Stable codes the window translates (never SQLite's
 * or the file's own words).
 */
export const BACKUP_PROBLEMS = [
  /** The file has no bytes. */
  'empty',
  /** Not a backup of this app (another file, or a database of another program). */
  'not_backup',
  /** The file ends too early: a copy that was interrupted. */
  'truncated',
  /** The bytes were changed after the backup was written, or the copy failed its check. */
  'damaged',
  /** Made by a newer version of the app. */
  'newer_version',
  /** The passphrase does not open this file. */
  'wrong_passphrase',
  /** The chosen rolling backup is not there (any more). */
  'missing',
] as const;
export const backupProblemSchema = z.enum(BACKUP_PROBLEMS);
export type BackupProblem = z.infer<typeof backupProblemSchema>;

/** What a restore came to: done (the database as it was just before kept), or refused and why. */
export const restoreOutcomeSchema = z.discriminatedUnion('status', [
  z.strictObject({
    status: z.literal('restored'),
    /** The backup of the database as it was just before the restore. */
    kept: backupSummarySchema,
    /** Journeys in the database now. */
    journeys: z.number().int().min(0),
  }),
  z.strictObject({ status: z.literal('refused'), problem: backupProblemSchema }),
]);
export type RestoreOutcome = z.infer<typeof restoreOutcomeSchema>;

/** A backup written to a folder the facilitator chose (a USB stick), or the dialog cancelled. */
export const writeToOutcomeSchema = z.discriminatedUnion('status', [
  z.strictObject({
    status: z.literal('written'),
    name: z.string(),
    folder: z.string(),
    bytes: z.number().int().min(0),
    journeys: z.number().int().min(0),
  }),
  z.strictObject({ status: z.literal('cancelled') }),
]);

/** The USB backup file chosen to restore from, or the dialog cancelled. */
export const chosenFileSchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('chosen'), name: z.string() }),
  z.strictObject({ status: z.literal('cancelled') }),
]);

/** A journey deleted from the rolling backups too. */
export const forgetOutcomeSchema = z.strictObject({
  /** Backups it was removed from. */
  cleaned: z.number().int().min(0),
  /** Backups that could not be read or rewritten (they may still hold it). */
  failed: z.number().int().min(0),
  /** Rolling backups there are. */
  backups: z.number().int().min(0),
});
