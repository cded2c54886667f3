import { basename } from 'node:path';
import type { Handlers } from '../../shared/ipc/dispatch';
import { HandlerError } from '../../shared/ipc/result';
import {
  MAX_MOVE_FILE_BYTES,
  type MoveInResult,
  type MoveRefusal,
} from '../../shared/transfer/moved-journey';
import type { JourneyRepository } from '../db/journey-repository';
import type { TransferRepository } from '../db/transfer-repository';
import { writeFileAtomic } from '../export/write-file';
import { openJourneyFile, readMoveFile, sealJourneyFile } from '../transfer/journey-file';
import { suggestedMoveFileName, type MoveService } from '../transfer/move-service';

/** The file dialogs of a move; without them (tests that do not move) a move is cancelled. */
export interface MoveDialogs {
  /** Asks where to save a moved journey, offering `suggestedName`; null when cancelled. */
  chooseMoveSaveFile?: (suggestedName: string) => Promise<string | null>;
  /** Asks which moved journey (a `.forloeb` file) to take in; null when cancelled. */
  chooseMoveOpenFile?: () => Promise<string | null>;
}

export interface MoveHandlerDeps {
  clock: () => Date;
  newId: () => string;
  dialogs: MoveDialogs;
  journeys: JourneyRepository;
  transfers: TransferRepository;
  service: MoveService;
}

type MoveChannels = 'journeys:moveOut' | 'journeys:moveIn' | 'journeys:moveHistory';

const refused = (reason: MoveRefusal, alias?: string): MoveInResult =>
  alias === undefined ? { outcome: 'refused', reason } : { outcome: 'refused', reason, alias };

/**
 * Moving a journey to another laptop. The passphrase is an argument of the call and nothing
 * else: it is not stored, not logged, and not in any error (dispatch logs only the channel).
 */
export function createMoveHandlers({
  clock,
  newId,
  dialogs,
  journeys,
  transfers,
  service,
}: MoveHandlerDeps): Pick<Handlers, MoveChannels> {
  return {
    'journeys:moveOut': async ({ journeyId, passphrase }) => {
      const at = clock().toISOString();
      const moveId = newId();
      // Built and checked before the user is asked where to save it: a journey that cannot be
      // moved is told at once. The window is modal meanwhile, so nothing changes it.
      const moved = service.payload(journeyId, moveId, at, newId());
      if (!moved) throw new HandlerError('not_found', 'Journey not found');
      const json = service.serialise(moved);
      if (json === undefined) return { outcome: 'failed', reason: 'unmovable' };
      const chosen =
        (await dialogs.chooseMoveSaveFile?.(suggestedMoveFileName(at, moveId))) ?? null;
      if (!chosen) return { outcome: 'cancelled' };
      const bytes = await sealJourneyFile(json, passphrase);
      // What the other laptop would refuse to read is not written.
      if (bytes.length > MAX_MOVE_FILE_BYTES) return { outcome: 'failed', reason: 'unmovable' };
      try {
        writeFileAtomic(chosen, bytes);
      } catch {
        return { outcome: 'failed', reason: 'unwritable' };
      }
      // The 'out' end of the move, as the file carries it (unless the journey was deleted while
      // the dialog was open: then there is no history left to add it to).
      const out = moved.transfers[moved.transfers.length - 1]!;
      if (journeys.get(journeyId)) transfers.record(out);
      return { outcome: 'saved', fileName: basename(chosen) };
    },

    'journeys:moveIn': async ({ passphrase }) => {
      const chosen = (await dialogs.chooseMoveOpenFile?.()) ?? null;
      if (!chosen) return { outcome: 'cancelled' };
      const read = await readMoveFile(chosen);
      if (!read.ok) return refused(read.reason);
      const opened = await openJourneyFile(read.bytes, passphrase);
      if (!opened.ok) return refused(opened.reason);
      const parsed = service.parse(opened.json);
      if (!parsed.ok) return refused(parsed.reason);
      const { moved } = parsed;
      const taken = service.take(moved, {
        id: newId(),
        journeyId: moved.journey.id,
        moveId: moved.moveId,
        direction: 'in',
        at: clock().toISOString(),
      });
      if (!taken.ok) return refused(taken.reason, 'alias' in taken ? taken.alias : undefined);
      return {
        outcome: 'imported',
        journeyId: moved.journey.id,
        alias: moved.journey.alias,
        servicesAdded: taken.servicesAdded,
        servicesKept: taken.servicesKept,
      };
    },

    'journeys:moveHistory': ({ journeyId }) => {
      if (!journeys.get(journeyId)) throw new HandlerError('not_found', 'Journey not found');
      return transfers
        .history(journeyId)
        .reverse()
        .map(({ moveId, direction, at }) => ({ moveId, direction, at }));
    },
  };
}
