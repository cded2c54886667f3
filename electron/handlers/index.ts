import type { Database } from 'better-sqlite3';
import { languageSchema } from '../../shared/ipc/contract';
import type { Handlers } from '../../shared/ipc/dispatch';
import { HandlerError } from '../../shared/ipc/result';
import { CatalogueRepository } from '../db/catalogue-repository';
import { JourneyRepository } from '../db/journey-repository';
import { SettingsRepository } from '../db/settings-repository';

export interface HandlerDeps {
  db: Database;
  /** Injected so tests control time. */
  clock: () => Date;
  /** Injected so tests can make ids predictable; production uses crypto.randomUUID. */
  newId: () => string;
}

const notFound = (what: string): never => {
  throw new HandlerError('not_found', `${what} not found`);
};

/**
 * Builds every IPC handler from its dependencies. Deliberately free of `electron`: the same
 * handlers run in the main process, in unit tests and behind the browser test harness.
 */
export function createHandlers({ db, clock, newId }: HandlerDeps): Handlers {
  const journeys = new JourneyRepository(db);
  const settings = new SettingsRepository(db);
  const catalogue = new CatalogueRepository(db);
  catalogue.seedIfEmpty();
  const now = () => clock().toISOString();

  return {
    'settings:get': () => {
      const parsed = languageSchema.safeParse(settings.get('language'));
      return { language: parsed.success ? parsed.data : 'da' };
    },
    'settings:set': ({ language }) => {
      settings.set('language', language);
      return { language };
    },

    'catalogue:list': () => catalogue.list(),

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
    'journeys:restoreItems': ({ journeyId, touchpoints, transitions, painPoints }) => {
      if (!journeys.get(journeyId)) notFound('Journey');
      const owned = new Set(touchpoints.map((t) => t.id));
      for (const t of [...touchpoints, ...transitions]) {
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
      try {
        journeys.restoreItems({ touchpoints, transitions, painPoints });
      } catch (error) {
        if (error instanceof Error && /constraint/i.test(error.message)) {
          throw new HandlerError('conflict', 'Some items exist already or lack their touchpoint');
        }
        throw error;
      }
      return { restored: touchpoints.length + transitions.length + painPoints.length };
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
