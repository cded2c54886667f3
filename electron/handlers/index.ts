import type { Database } from 'better-sqlite3';
import { languageSchema, type ImportResult } from '../../shared/ipc/contract';
import type { Handlers } from '../../shared/ipc/dispatch';
import { HandlerError } from '../../shared/ipc/result';
import { CatalogueRepository } from '../db/catalogue-repository';
import { PriceRepository, PriceRowInvalid } from '../db/price-repository';
import { JourneyRepository } from '../db/journey-repository';
import { SettingsRepository } from '../db/settings-repository';
import { WorkshopRepository } from '../db/workshop-repository';
import { ProgramRepository } from '../db/program-repository';
import { aggregate, DEFAULT_K } from '../../shared/analysis/aggregate';
import { kSchema } from '../../shared/analysis/schema';
import { MAX_MODEL_BYTES } from '../../shared/model/validate';
import { modelFileSkip } from '../../shared/model/model-files';
import { ExportService, renderFormats } from '../export/export-service';
import { writeFileAtomic } from '../export/write-file';
import type { WorkspaceThreads } from '../import/program-threads';
import { fileText } from '../import/checked-model';
import { TransferRepository } from '../db/transfer-repository';
import { MoveService } from '../transfer/move-service';
import { createMoveHandlers, type MoveDialogs } from './move';
import { openStartupHandlers } from './startup';
import {
  beforeSnapshotRestore,
  createBackupHandlers,
  type BackupDeps,
  type BackupDialogs,
} from './backups';
import { join } from 'node:path';

export interface HandlerDeps {
  db: Database;
  /** Injected so tests control time. */
  clock: () => Date;
  /** Injected so tests can make ids predictable; production uses crypto.randomUUID. */
  newId: () => string;
  /** File dialogs, behind an interface: Electron's in the app, a fake in tests. */
  dialogs?: Dialogs;
  /**
   * The program workspace's worker threads (the app's ProgramThreads): imported files are checked
   * there; without them, in this thread, with the same code.
   */
  threads?: WorkspaceThreads;
  /** The rolling backups (electron/db/backups.ts); without them the backups screen is refused. */
  backups?: BackupDeps;
}

export interface Dialogs extends MoveDialogs, BackupDialogs {
  /** Asks where to save an export; null when the user cancels. */
  chooseExportFolder: () => Promise<string | null>;
}

const noDialogs: Dialogs = { chooseExportFolder: () => Promise.resolve(null) };

const notFound = (what: string): never => {
  throw new HandlerError('not_found', `${what} not found`);
};

/**
 * Builds every IPC handler from its dependencies. Deliberately free of `electron`: the same
 * handlers run in the main process, in unit tests and behind the browser test harness.
 */
export function createHandlers({
  db,
  clock,
  newId,
  dialogs = noDialogs,
  threads,
  backups,
}: HandlerDeps): Handlers {
  const journeys = new JourneyRepository(db);
  const settings = new SettingsRepository(db);
  const catalogue = new CatalogueRepository(db);
  const workshop = new WorkshopRepository(db, journeys);
  const today = () => now().slice(0, 10);
  const exports = new ExportService(db, journeys, workshop);
  /** The last import batch's storing: the next is stored after it. */
  let importsStored: Promise<unknown> = Promise.resolve();
  const program = new ProgramRepository(db);
  const programK = () => {
    const parsed = kSchema.safeParse(Number(settings.get('program.k')));
    return parsed.success ? parsed.data : DEFAULT_K;
  };
  const requireJourney = (id: string) => {
    if (!journeys.get(id)) notFound('Journey');
  };
  const ownTouchpoints = (journeyId: string, ids: string[] | undefined) => {
    for (const id of ids ?? []) {
      if (journeys.getTouchpoint(id)?.journeyId !== journeyId) {
        throw new HandlerError('validation', 'Linked touchpoints must belong to the journey');
      }
    }
  };
  const ownPainPoints = (journeyId: string, ids: string[] | undefined) => {
    for (const id of ids ?? []) {
      const p = journeys.getPainPoint(id);
      if (!p || journeys.getTouchpoint(p.touchpointId)?.journeyId !== journeyId) {
        throw new HandlerError('validation', 'Linked pain points must belong to the journey');
      }
    }
  };
  catalogue.seedIfEmpty();
  // Seeded from the shipped default on first use (see PriceRepository.get).
  const prices = new PriceRepository(db, () => clock().toISOString());
  const now = () => clock().toISOString();
  /**
   * When each recent import's first batch came, by the window's id for the import: all its
   * batches are stored as imported then, so the model list shows one import as one (newest
   * first, then by file name), however long the folder took. Only the last few are kept.
   */
  const importStarts = new Map<string, string>();
  const importStart = (importId: string): string => {
    let at = importStarts.get(importId);
    if (at === undefined) {
      importStarts.set(importId, (at = now()));
      if (importStarts.size > 16) importStarts.delete(importStarts.keys().next().value!);
    }
    return at;
  };
  const transfers = new TransferRepository(db, journeys, workshop);
  const moveHandlers = createMoveHandlers({
    clock,
    newId,
    dialogs,
    journeys,
    transfers,
    service: new MoveService(db, journeys, catalogue, transfers),
  });

  const backupFirst = beforeSnapshotRestore(db, clock, backups);

  return {
    ...moveHandlers,
    ...createBackupHandlers({
      db,
      clock,
      backups,
      dialogs,
      onRestored: () => program.reload(),
      // A backup is read as the window reads this database, by handlers of its own.
      handlersOf: (source) => createHandlers({ db: source, clock, newId }),
    }),
    ...openStartupHandlers(),
    'profile:get': ({ journeyId }) => {
      requireJourney(journeyId);
      return workshop.profile(journeyId);
    },
    'profile:update': ({ journeyId, patch }) => {
      requireJourney(journeyId);
      return workshop.updateProfile(journeyId, patch, today(), now());
    },
    'workshops:list': ({ journeyId }) => {
      requireJourney(journeyId);
      return workshop.workshops(journeyId);
    },
    'workshops:create': ({ journeyId, date }) => {
      requireJourney(journeyId);
      return workshop.createWorkshop(newId(), journeyId, date, now());
    },
    'workshops:update': ({ id, patch }) =>
      workshop.updateWorkshop(id, patch, now()) ?? notFound('Workshop'),
    'workshops:delete': ({ id }) => {
      if (!workshop.deleteWorkshop(id)) notFound('Workshop');
      return { id, deleted: true as const };
    },
    'goals:list': ({ journeyId }) => {
      requireJourney(journeyId);
      return workshop.goals(journeyId);
    },
    'goals:create': ({ journeyId, category, text }) => {
      requireJourney(journeyId);
      return workshop.createGoal({ id: newId(), journeyId, category, text: text ?? '' }, now());
    },
    'goals:update': ({ id, patch }) => workshop.updateGoal(id, patch, now()) ?? notFound('Goal'),
    'goals:delete': ({ id }) => {
      if (!workshop.deleteGoal(id)) notFound('Goal');
      return { id, deleted: true as const };
    },
    'ideas:list': ({ journeyId }) => {
      requireJourney(journeyId);
      return workshop.ideas(journeyId);
    },
    'ideas:create': ({ journeyId, text, aims, touchpointIds, painPointIds }) => {
      requireJourney(journeyId);
      ownTouchpoints(journeyId, touchpointIds);
      ownPainPoints(journeyId, painPointIds);
      const idea = workshop.createIdea(newId(), journeyId, now());
      const patch = {
        ...(text !== undefined ? { text } : {}),
        ...(aims ? { aims: [...new Set(aims)] } : {}),
        ...(touchpointIds ? { touchpointIds } : {}),
        ...(painPointIds ? { painPointIds } : {}),
      };
      return Object.keys(patch).length ? workshop.updateIdea(idea.id, patch, now())! : idea;
    },
    'ideas:update': ({ id, patch }) => {
      const idea = workshop.getIdea(id) ?? notFound('Idea');
      ownTouchpoints(idea.journeyId, patch.touchpointIds);
      ownPainPoints(idea.journeyId, patch.painPointIds);
      return workshop.updateIdea(id, patch, now()) ?? notFound('Idea');
    },
    'ideas:delete': ({ id }) => {
      if (!workshop.deleteIdea(id)) notFound('Idea');
      return { id, deleted: true as const };
    },
    'snapshots:list': ({ journeyId }) => {
      requireJourney(journeyId);
      return workshop.snapshots(journeyId);
    },
    'snapshots:create': ({ journeyId, name }) => {
      requireJourney(journeyId);
      return workshop.createSnapshot(newId(), journeyId, name, now());
    },
    'snapshots:get': ({ id }) => workshop.getSnapshot(id) ?? notFound('Snapshot'),
    'snapshots:restore': ({ id, backupName }) => {
      const snapshot = workshop.getSnapshot(id) ?? notFound('Snapshot');
      // The whole database is backed up first (a backup that fails stops the restore)…
      backupFirst();
      // …and the maps as they are now are kept as a snapshot, so a restore can be undone.
      let backup: ReturnType<typeof workshop.createSnapshot> | undefined;
      db.transaction(() => {
        backup = workshop.createSnapshot(newId(), snapshot.journeyId, backupName, now());
        workshop.replaceContent(snapshot.journeyId, snapshot.content);
      })();
      return { backup: backup! };
    },
    'snapshots:delete': ({ id }) => {
      if (!workshop.deleteSnapshot(id)) notFound('Snapshot');
      return { id, deleted: true as const };
    },

    'export:approve': ({ journeyId, key, approved, unmasked }) => {
      const source = exports.source(journeyId) ?? notFound('Journey');
      if (!exports.setApproval(journeyId, key, approved, source, now(), unmasked)) {
        notFound('Text');
      }
      return { key, approved };
    },
    'export:preview': ({ journeyId }) => {
      const source = exports.source(journeyId) ?? notFound('Journey');
      const { consentExport, consentQuotes } = source.profile;
      // Scrub the texts once; the model is built from the same review.
      const texts = exports.texts(journeyId, source);
      const placeholderId = () => '00000000-0000-4000-8000-000000000000';
      return {
        consentExport,
        consentQuotes,
        texts,
        // The preview gets a placeholder id; every saved export gets its own fresh one.
        model: consentExport
          ? exports.model(journeyId, source, clock(), placeholderId, texts)
          : null,
      };
    },
    'export:save': async ({ journeyId, formats }) => {
      const source = exports.source(journeyId) ?? notFound('Journey');
      if (!source.profile.consentExport) {
        throw new HandlerError('forbidden', 'No consent to an anonymised export');
      }
      const folder = await dialogs.chooseExportFolder();
      if (!folder) return { cancelled: true, exportId: null, files: [] };
      const model = exports.model(journeyId, source, clock(), newId);
      const files = renderFormats(model, formats);
      for (const f of files) writeFileAtomic(join(folder, f.name), f.content);
      exports.record(newId(), journeyId, model, formats, now());
      return { cancelled: false, exportId: model.exportId, files: files.map((f) => f.name) };
    },
    'export:history': ({ journeyId }) => {
      requireJourney(journeyId);
      return exports.history(journeyId);
    },

    'program:import': async ({ files, importId }) => {
      const importedAt = importId === undefined ? now() : importStart(importId);
      // Which files are models is the rule the command line shares (model-files.ts): anything
      // else (a renamed file, a note in the folder) is named, unread. The window leaves a file
      // unread when it is too large to try; the size decides here.
      const refusal = (f: (typeof files)[number]): ImportResult | null =>
        modelFileSkip(f.name) !== null
          ? { file: f.name, status: 'rejected', reason: modelFileSkip(f.name)! }
          : f.bytes === null
            ? {
                file: f.name,
                status: 'rejected',
                reason: f.size > MAX_MODEL_BYTES ? 'too_large' : 'unreadable',
              }
            : null;
      const toCheck = files.flatMap((f) => (refusal(f) === null ? [f.bytes!] : []));
      // With worker threads the files are checked there, side by side, and only stored here; if
      // the threads fail, here, with the same code. Batches checked at the same time are stored
      // in the order they came, so the first file of an export is the one imported.
      const checking = threads ? threads.check(toCheck).catch(() => null) : Promise.resolve(null);
      const stored = importsStored.then(async () => {
        // Checked here together, as a thread checks them: one fold record for the batch, the
        // bytes decoded as a thread decodes them (a byte order mark kept for the checks to drop).
        const checked = (await checking) ?? program.check(toCheck.map(fileText));
        let next = 0;
        return program.importMany(files, (f) => {
          const refused = refusal(f);
          return refused ?? program.importChecked(f.name, checked[next++]!, importedAt);
        });
      });
      importsStored = stored.catch(() => undefined);
      return stored;
    },
    'program:list': () => program.list(),
    'program:delete': ({ exportId }) => ({ exportId, deleted: program.delete(exportId) }),
    'program:deleteAll': () => ({ deleted: program.deleteAll() }),
    'program:getK': () => ({ k: programK() }),
    'program:setK': ({ k }) => {
      settings.set('program.k', String(k));
      return { k };
    },
    'program:aggregate': ({ filter }) =>
      aggregate(program.fold(filter.map ?? 'asIs'), filter, programK(), prices.get()),

    'settings:get': () => {
      const parsed = languageSchema.safeParse(settings.get('language'));
      return { language: parsed.success ? parsed.data : 'da' };
    },
    'settings:set': ({ language }) => {
      settings.set('language', language);
      return { language };
    },

    'catalogue:list': () => catalogue.list(),
    'catalogue:create': (input) => catalogue.create(input),
    'catalogue:update': ({ code, patch }) => catalogue.update(code, patch) ?? notFound('Service'),
    'prices:get': () => prices.get(),
    'prices:update': ({ key, patch }) => {
      try {
        return prices.update(key, patch) ?? notFound('Price');
      } catch (error) {
        // The schema's codes (shares_sum …) only: the window says it in words.
        if (error instanceof PriceRowInvalid) throw new HandlerError('validation', error.message);
        throw error;
      }
    },
    'prices:importCsv': ({ text }) => prices.importCsv(text),
    'prices:exportCsv': () => ({ text: prices.exportCsv() }),
    'prices:reset': () => prices.reset(),

    'journeys:list': ({ query, includeArchived }) => journeys.list(query, includeArchived ?? false),
    'journeys:create': ({ alias }) => journeys.create(newId(), alias, now()),
    'journeys:rename': ({ id, alias }) => journeys.rename(id, alias, now()) ?? notFound('Journey'),
    'journeys:setArchived': ({ id, archived }) =>
      journeys.setArchived(id, archived, now()) ?? notFound('Journey'),
    'journeys:delete': ({ id }) => {
      if (!journeys.delete(id)) notFound('Journey');
      // secure_delete zeroes the freed pages; the checkpoint moves them into the main file and
      // truncates the WAL, so the erased citizen is not left behind in the WAL file either.
      db.pragma('wal_checkpoint(TRUNCATE)');
      return { id, deleted: true as const };
    },
    'journeys:get': ({ id }) => journeys.detail(id) ?? notFound('Journey'),
    'journeys:restoreItems': ({
      journeyId,
      touchpoints,
      transitions,
      painPoints,
      goals = [],
      ideas = [],
      workshops = [],
    }) => {
      if (!journeys.get(journeyId)) notFound('Journey');
      const owned = new Set(touchpoints.map((t) => t.id));
      for (const t of [...touchpoints, ...transitions, ...goals, ...ideas, ...workshops]) {
        if (t.journeyId !== journeyId) {
          throw new HandlerError('validation', 'Every item must belong to the journey');
        }
      }
      for (const p of painPoints) {
        const tp = owned.has(p.touchpointId) ? undefined : journeys.getTouchpoint(p.touchpointId);
        if (!owned.has(p.touchpointId) && tp?.journeyId !== journeyId) {
          throw new HandlerError('validation', 'Every item must belong to the journey');
        }
      }
      // An idea's links may name rows deleted since (they are left out when read), never another
      // journey's.
      for (const idea of ideas) {
        const foreign =
          idea.touchpointIds.some(
            (id) =>
              !owned.has(id) && (journeys.getTouchpoint(id)?.journeyId ?? journeyId) !== journeyId,
          ) ||
          idea.painPointIds.some((id) => {
            const p = journeys.getPainPoint(id);
            return (
              !!p && (journeys.getTouchpoint(p.touchpointId)?.journeyId ?? journeyId) !== journeyId
            );
          });
        if (foreign)
          throw new HandlerError('validation', 'Linked items must belong to the journey');
      }
      try {
        db.transaction(() => {
          journeys.restoreItems({ touchpoints, transitions, painPoints });
          workshop.restoreItems({ goals, ideas, workshops });
        })();
      } catch (error) {
        if (error instanceof Error && /constraint/i.test(error.message)) {
          throw new HandlerError('conflict', 'Some items exist already or lack their touchpoint');
        }
        throw error;
      }
      return {
        restored:
          touchpoints.length +
          transitions.length +
          painPoints.length +
          goals.length +
          ideas.length +
          workshops.length,
      };
    },

    'touchpoints:create': ({ journeyId, map, label, sector, serviceCode, contactType, x, y }) => {
      if (!journeys.get(journeyId)) notFound('Journey');
      return journeys.createTouchpoint(
        {
          id: newId(),
          journeyId,
          map: map ?? 'as_is',
          label: label ?? '',
          sector: sector ?? 'other',
          serviceCode: serviceCode ?? null,
          contactType: contactType ?? null,
          x,
          y,
        },
        now(),
      );
    },
    'touchpoints:update': ({ id, patch }) =>
      journeys.updateTouchpoint(id, patch, now()) ?? notFound('Touchpoint'),
    'touchpoints:delete': ({ id }) => {
      if (!journeys.deleteTouchpoint(id)) notFound('Touchpoint');
      return { id, deleted: true as const };
    },

    'transitions:create': ({ journeyId, sourceId, targetId, kind }) => {
      const source = journeys.getTouchpoint(sourceId);
      const target = journeys.getTouchpoint(targetId);
      if (!source || !target) return notFound('Touchpoint');
      if (source.journeyId !== journeyId || target.journeyId !== journeyId) {
        throw new HandlerError('validation', 'Both touchpoints must belong to the journey');
      }
      if (source.map !== target.map) {
        throw new HandlerError('validation', 'Both touchpoints must be on the same map');
      }
      if (journeys.transitionExists(sourceId, targetId)) {
        throw new HandlerError('conflict', 'These touchpoints are already connected');
      }
      return journeys.createTransition(
        { id: newId(), journeyId, map: source.map, sourceId, targetId, kind: kind ?? 'then' },
        now(),
      );
    },
    'transitions:update': ({ id, patch }) =>
      journeys.updateTransition(id, patch) ?? notFound('Transition'),
    'transitions:delete': ({ id }) => {
      if (!journeys.deleteTransition(id)) notFound('Transition');
      return { id, deleted: true as const };
    },

    'painPoints:create': ({ touchpointId, category, text }) => {
      if (!journeys.getTouchpoint(touchpointId)) notFound('Touchpoint');
      return journeys.createPainPoint(
        { id: newId(), touchpointId, category, text: text ?? '' },
        now(),
      );
    },
    'painPoints:update': ({ id, patch }) =>
      journeys.updatePainPoint(id, patch, now()) ?? notFound('Pain point'),
    'painPoints:delete': ({ id }) => {
      if (!journeys.deletePainPoint(id)) notFound('Pain point');
      return { id, deleted: true as const };
    },
  };
}
