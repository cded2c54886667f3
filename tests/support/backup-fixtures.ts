/**
 * What the backup tests share: a database with a bit of everything in it (through the real
 * handlers), and every row of every table, to compare a restore with what was backed up.
 */
import type { Database } from 'better-sqlite3';
import type { Handlers } from '../../shared/ipc/dispatch';
import { ipc } from '../unit/helpers';
import { seedKaren } from './karen-journey';
import { importModels, programModels } from './program-models';

/** Every row of every table of the app, in rowid order, keyed by table. */
export function everyRow(db: Database): Record<string, unknown[]> {
  const tables = (
    db
      .prepare(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all() as { name: string }[]
  ).map((r) => r.name);
  return Object.fromEntries(
    tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all()]),
  );
}

/**
 * Karen's journey with a to-be map, profile, workshop, goal, idea and snapshot; a second journey
 * "Bo"; a setting; two imported models in the program workspace. Returns the journeys' ids.
 */
export async function seedEverything(handlers: Handlers): Promise<{ karen: string; bo: string }> {
  const { call } = ipc(() => handlers);
  const karen = await seedKaren(handlers, { toBe: true });
  await call('profile:update', {
    journeyId: karen,
    patch: { realName: 'Karen Hansen', birthYear: 1958, consentWorkshop: true },
  });
  await call('workshops:create', { journeyId: karen, date: '2026-02-10' });
  await call('goals:create', {
    journeyId: karen,
    category: 'everyday_life',
    text: 'Gå tur med hunden',
  });
  await call('ideas:create', {
    journeyId: karen,
    text: 'Én fast kontaktperson',
    aims: ['quality'],
  });
  await call('snapshots:create', { journeyId: karen, name: 'Efter workshop 1' });
  const bo = (await call('journeys:create', { alias: 'Bo' })).id;
  await call('touchpoints:create', { journeyId: bo, x: 0, y: 0, label: 'Jobcentret' });
  await call('settings:set', { language: 'en' });
  await importModels(handlers, programModels(2, 3, 5));
  return { karen, bo };
}
