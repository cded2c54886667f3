import type { Database } from 'better-sqlite3';
import { basename, join } from 'node:path';
import type { BackupSummary, RestoreOutcome } from '../../shared/domain/backup';
import type { Handlers } from '../../shared/ipc/dispatch';
import { HandlerError } from '../../shared/ipc/result';
import {
  BackupError,
  deletedJourneysInBackups,
  forgetJourney,
  listBackups,
  loadBackup,
  restoreFrom,
  writeBackup,
  type BackupInfo,
  type RestoreResult,
} from '../db/backups';
import { loadSealedBackup, sealedFileName, writeSealedBackup } from '../db/sealed-backup';
import { checkRestorable } from './restore-check';

/** Where the rolling backups are, and what happens before a snapshot is restored. */
export interface BackupDeps {
  /** The rolling backups' folder (the app: userData/backups). */
  folder: string;
  /**
   * Called before a snapshot is restored; by default it writes a `snapshot_restore` backup. A
   * failure stops the snapshot restore (nothing is changed then).
   */
  beforeSnapshotRestore?: () => void;
}

/** The file dialogs of the backups screen; without them, the dialog counts as cancelled. */
export interface BackupDialogs {
  /** Asks which folder (a USB stick) to write a backup to; null when cancelled. */
  chooseBackupFolder?: () => Promise<string | null>;
  /** Asks which backup file (`.fvbackup`) to restore; null when cancelled. */
  chooseBackupFile?: () => Promise<string | null>;
}

type BackupChannels =
  | 'backups:list'
  | 'backups:create'
  | 'backups:restore'
  | 'backups:writeTo'
  | 'backups:chooseFile'
  | 'backups:restoreFile'
  | 'backups:deletedJourneys'
  | 'backups:forgetJourney';

export interface BackupHandlerDeps {
  db: Database;
  clock: () => Date;
  backups: BackupDeps | undefined;
  dialogs: BackupDialogs;
  /**
   * Called once a restore has replaced the database's contents, so what was computed from the
   * contents before (the program views) is made again from what it holds now.
   */
  onRestored?: () => void;
  /**
   * The app's handlers over another database (a backup about to be restored), to read it as the
   * window would (restore-check.ts); without them a backup is restored after the database's own
   * checks only.
   */
  handlersOf?: (db: Database) => Handlers;
}

const summaryOf = ({ file, at, reason, bytes, journeys }: BackupInfo): BackupSummary => ({
  name: basename(file),
  at,
  reason,
  bytes,
  journeys,
});

/** A restore as the window hears of it: a BackupError is an answer, anything else a failure. */
async function outcomeOf(
  restore: () => RestoreResult | Promise<RestoreResult>,
  onRestored: () => void = () => undefined,
) {
  try {
    const { kept, journeys } = await restore();
    onRestored();
    return { status: 'restored', kept: summaryOf(kept), journeys } satisfies RestoreOutcome;
  } catch (error) {
    if (error instanceof BackupError) {
      return { status: 'refused', problem: error.problem } satisfies RestoreOutcome;
    }
    throw error;
  }
}

/** The hook the snapshot restore calls first (see BackupDeps.beforeSnapshotRestore). */
export function beforeSnapshotRestore(
  db: Database,
  clock: () => Date,
  backups: BackupDeps | undefined,
): () => void {
  if (!backups) return () => undefined;
  return (
    backups.beforeSnapshotRestore ??
    (() => void writeBackup(db, backups.folder, 'snapshot_restore', clock()))
  );
}

/**
 * The backups screen's handlers. Passphrases are arguments of the call and nothing else: never
 * stored, logged or put in an error (dispatch logs only the channel).
 */
export function createBackupHandlers({
  db,
  clock,
  backups,
  dialogs,
  onRestored,
  handlersOf,
}: BackupHandlerDeps): Pick<Handlers, BackupChannels> {
  /** Replaces the contents with a checked source's, once it reads as the app reads (closes it). */
  const restoreChecked = async (source: Database, rolling: string) => {
    try {
      if (handlersOf) checkRestorable(source, handlersOf);
    } catch (error) {
      source.close();
      throw error;
    }
    return restoreFrom(db, source, rolling, clock());
  };
  const folder = () => {
    if (!backups) throw new HandlerError('forbidden', 'Backups are not set up');
    return backups.folder;
  };
  /** The USB backup chosen last, kept so a mistyped passphrase can be typed again. */
  let chosenFile: string | null = null;

  return {
    'backups:list': () => listBackups(folder()).map(summaryOf),
    'backups:create': () => summaryOf(writeBackup(db, folder(), 'manual', clock())),
    'backups:restore': ({ name }) =>
      outcomeOf(() => restoreChecked(loadBackup(db, folder(), name), folder()), onRestored),
    'backups:writeTo': async ({ passphrase }) => {
      folder();
      const target = (await dialogs.chooseBackupFolder?.()) ?? null;
      if (!target) return { status: 'cancelled' };
      const name = sealedFileName(target, clock());
      const { bytes, journeys } = await writeSealedBackup(db, join(target, name), passphrase);
      return { status: 'written', name, folder: target, bytes, journeys };
    },
    'backups:chooseFile': async () => {
      folder();
      const file = (await dialogs.chooseBackupFile?.()) ?? null;
      if (!file) return { status: 'cancelled' };
      chosenFile = file;
      return { status: 'chosen', name: basename(file) };
    },
    'backups:restoreFile': async ({ passphrase }) => {
      const rolling = folder();
      const file = chosenFile;
      if (!file) return { status: 'refused', problem: 'missing' };
      const outcome = await outcomeOf(
        async () => restoreChecked(await loadSealedBackup(file, passphrase), rolling),
        onRestored,
      );
      if (outcome.status === 'restored') chosenFile = null;
      return outcome;
    },
    'backups:deletedJourneys': () => deletedJourneysInBackups(db, folder()),
    'backups:forgetJourney': ({ journeyId }) => forgetJourney(db, folder(), journeyId),
  };
}
