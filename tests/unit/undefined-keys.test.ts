import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/open';
import { testKey } from '../support/test-key';
import { createHandlers } from '../../electron/handlers';
import { CHANNELS, type Channel } from '../../shared/ipc/channels';
import { contract } from '../../shared/ipc/contract';
import { dispatch, type Handlers } from '../../shared/ipc/dispatch';
import type { Result } from '../../shared/ipc/result';
import { randomModels } from '../support/generate-models';

/**
 * Electron's IPC (structured clone) keeps keys whose value is `undefined`, where JSON drops them;
 * zod's `.optional()` accepts both. A key set to `undefined` must mean exactly what leaving it out
 * means, on every channel: it once cleared a birth year and withdrew consent, un-hid a service,
 * and elsewhere ended in `internal`.
 */

type Path = (string | number)[];
interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  in?: z.ZodType;
  element?: z.ZodType;
  innerType?: z.ZodType;
}
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;
const isOptional = (s: z.ZodType) =>
  (s as unknown as { _zod: { optin?: string } })._zod.optin === 'optional';

/** Every key, at any depth of an input schema, that may be left out (index 0 for lists). */
function optionalPaths(schema: z.ZodType, at: Path = []): Path[] {
  const def = defOf(schema);
  switch (def.type) {
    case 'object':
      return Object.entries(def.shape!).flatMap(([key, s]) => [
        ...(isOptional(s) ? [[...at, key]] : []),
        ...optionalPaths(s, [...at, key]),
      ]);
    case 'pipe':
      return optionalPaths(def.in!, at);
    case 'array':
      return optionalPaths(def.element!, [...at, 0]);
    case 'optional':
    case 'nullable':
      return optionalPaths(def.innerType!, at);
    default:
      return [];
  }
}

/** A copy of `value` with the key at `path` set to `undefined` or removed. */
function edit(value: unknown, path: Path, how: 'undefined' | 'absent'): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (how === 'undefined') node[last] = undefined;
  else delete node[last];
  return copy;
}

const TIME = Date.parse('2026-03-01T09:00:00.000Z');
/** A valid model file for `program:import`. */
const MODEL_TEXT = JSON.stringify(randomModels(1, 5, 4)[0]);
let dir: string;
let seedFile: string;
const ids: Record<string, string> = {};
let hiddenCode = '';
let shownCode = '';

function handlersFor(db: Database): Handlers {
  let n = 0;
  return createHandlers({
    db,
    clock: () => new Date(TIME),
    // Fresh, predictable ids: two runs from the same copy get the same ones.
    newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  });
}

/** Everything in the database, table by table, in a comparable form. */
function dump(db: Database): Record<string, unknown[]> {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .all() as { name: string }[];
  return Object.fromEntries(
    tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all()]),
  );
}

let copies = 0;
/** Runs one call against a fresh copy of the seeded database: what it answered and left. */
async function runOnCopy(channel: Channel, payload: unknown) {
  const file = join(dir, `copy-${++copies}.sqlite`);
  copyFileSync(seedFile, file);
  const db = openDatabase(file, testKey());
  try {
    const result = await dispatch(handlersFor(db), channel, payload);
    return { result: result.ok ? result : { ok: false, code: result.error.code }, db: dump(db) };
  } finally {
    db.close();
  }
}

/** A valid call for every channel whose input has optional keys, with each of those keys set. */
function bases(): Partial<Record<Channel, unknown>> {
  const { journey, a, b, transition, pain, workshop, goal, idea } = ids;
  return {
    'catalogue:update': {
      code: hiddenCode,
      patch: { defaultContactType: 'phone', label: { da: 'Ny', en: 'New' }, hidden: true },
    },
    'prices:update': {
      key: {
        sector: 'municipal_care',
        contactType: 'treatment',
        serviceCode: 'lolland-rehabilitation',
      },
      patch: {
        unit: 'hour',
        price: 950,
        payerShares: { kommune: 1, region: 0, stat: 0 },
        source: 'Lokal aftale',
        sourceYear: 2026,
        note: 'Prøve',
      },
    },
    'journeys:list': { query: 'Borger', includeArchived: true },
    'journeys:restoreItems': {
      journeyId: journey,
      touchpoints: [],
      transitions: [],
      painPoints: [],
      goals: [
        {
          id: '00000000-0000-4000-8000-0000000000ff',
          journeyId: journey,
          category: 'housing',
          text: 'Bolig',
          createdAt: '2026-02-01T09:00:00.000Z',
          updatedAt: '2026-02-01T09:00:00.000Z',
        },
      ],
      ideas: [],
      workshops: [],
    },
    'touchpoints:create': {
      journeyId: journey,
      map: 'to_be',
      label: 'Lægen',
      sector: 'general_practice',
      serviceCode: shownCode,
      contactType: 'phone',
      x: 1,
      y: 2,
    },
    'touchpoints:update': {
      id: a,
      patch: {
        label: 'Ny',
        x: 3,
        y: 4,
        sector: 'hospital',
        serviceCode: null,
        contactType: 'phone',
        date: '2026-02',
        durationDays: 2,
        repetitions: 3,
        initiatedBy: 'citizen',
        emotion: -1,
        whatWorked: 'Godt',
        quote: 'Citat',
      },
    },
    'transitions:create': { journeyId: journey, sourceId: b, targetId: a, kind: 'then' },
    'transitions:update': {
      id: transition,
      patch: { kind: 'then', quality: 'good', waitingDays: 4, note: 'Note' },
    },
    'painPoints:create': { touchpointId: a, category: 'waiting', text: 'Ventetid' },
    'painPoints:update': { id: pain, patch: { category: 'money', text: 'Penge' } },
    'profile:update': {
      journeyId: journey,
      patch: {
        realName: 'Karen Hansen',
        relativesNames: ['Ole'],
        birthYear: 1960,
        sex: 'female',
        municipality: 'guldborgsund',
        household: 'alone',
        employment: 'employed',
        conditionGroups: ['cancer'],
        consentWorkshop: true,
        consentWorkshopDate: '2026-02-01',
        consentExport: true,
        consentExportDate: '2026-02-01',
        consentQuotes: true,
        consentQuotesDate: '2026-02-01',
      },
    },
    'workshops:update': {
      id: workshop,
      patch: { date: '2026-02-03', place: 'Rådhuset', roles: ['citizen'], notes: 'Noter' },
    },
    'goals:create': { journeyId: journey, category: 'work_education', text: 'Arbejde' },
    'goals:update': { id: goal, patch: { category: 'health', text: 'Sundhed' } },
    'ideas:create': {
      journeyId: journey,
      text: 'Idé',
      aims: ['health'],
      painPointIds: [pain],
      touchpointIds: [a],
    },
    'ideas:update': {
      id: idea,
      patch: { text: 'Ny idé', aims: ['health'], touchpointIds: [b], painPointIds: [] },
    },
    'export:approve': {
      journeyId: journey,
      key: `pain:${pain}`,
      approved: true,
      unmasked: [],
    },
    'program:aggregate': { filter: { sex: 'female', map: 'toBe' } },
    'program:import': {
      files: [
        { name: 'model.json', size: Buffer.byteLength(MODEL_TEXT), bytes: Buffer.from(MODEL_TEXT) },
      ],
      importId: '00000000-0000-4000-8000-00000000abcd',
    },
  };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pathway-undefined-keys-'));
  seedFile = join(dir, 'seed.sqlite');
  const db = openDatabase(seedFile, testKey());
  const handlers = handlersFor(db);
  const call = async (channel: Channel, payload: unknown) => {
    const r = (await dispatch(handlers, channel, payload)) as Result<Record<string, unknown>>;
    if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${JSON.stringify(r.error)}`);
    return r.data;
  };
  const journey = (await call('journeys:create', { alias: 'Borger 1' })).id as string;
  const a = (await call('touchpoints:create', { journeyId: journey, label: 'A', x: 0, y: 0 }))
    .id as string;
  const b = (await call('touchpoints:create', { journeyId: journey, label: 'B', x: 9, y: 0 }))
    .id as string;
  const transition = (
    await call('transitions:create', { journeyId: journey, sourceId: a, targetId: b })
  ).id as string;
  const pain = (
    await call('painPoints:create', { touchpointId: a, category: 'waiting', text: 'Lang ventetid' })
  ).id as string;
  const workshop = (await call('workshops:create', { journeyId: journey, date: '2026-02-02' }))
    .id as string;
  const goal = (
    await call('goals:create', { journeyId: journey, category: 'work_education', text: 'Job' })
  ).id as string;
  const idea = (await call('ideas:create', { journeyId: journey, text: 'Én indgang' }))
    .id as string;
  await call('profile:update', {
    journeyId: journey,
    patch: { birthYear: 1961, sex: 'female', consentExport: true, consentQuotes: true },
  });
  const services = (await dispatch(handlers, 'catalogue:list', {})) as Result<{ code: string }[]>;
  if (!services.ok) throw new Error('catalogue:list failed');
  hiddenCode = services.data[0]!.code;
  shownCode = services.data[1]!.code;
  await call('catalogue:update', { code: hiddenCode, patch: { hidden: true } });
  Object.assign(ids, { journey, a, b, transition, pain, workshop, goal, idea });
  db.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a key set to undefined means the key is absent, on every channel', () => {
  const withOptional = CHANNELS.filter((c) => optionalPaths(contract[c].input).length > 0);

  it('finds the optional keys of the contract (the walk sees through patches and lists)', () => {
    expect(withOptional).toContain('profile:update');
    expect(optionalPaths(contract['profile:update'].input)).toContainEqual(['patch', 'birthYear']);
    expect(optionalPaths(contract['catalogue:update'].input)).toContainEqual(['patch', 'hidden']);
  });

  it('has a valid call for every channel with optional keys', () => {
    const missing = withOptional.filter((c) => !(c in bases()));
    expect(missing).toEqual([]);
  });

  it('gives the same answer and leaves the same database, key by key and all at once', async () => {
    const base = bases();
    const differences: string[] = [];
    for (const channel of withOptional) {
      const payload = base[channel];
      if (payload === undefined) continue; // reported by the test above
      const paths = optionalPaths(contract[channel].input);
      // The keys of the innermost object one at a time, then every optional key at once.
      const cases: [string, Path[]][] = [
        ...paths.map((p): [string, Path[]] => [p.join('.'), [p]]),
        ['all', paths],
      ];
      for (const [name, set] of cases) {
        const undef = set.reduce<unknown>((v, p) => edit(v, p, 'undefined'), payload);
        const absent = [...set].reverse().reduce<unknown>((v, p) => edit(v, p, 'absent'), payload);
        // A path under a removed parent is gone already: only the outermost removal counts.
        const [u, x] = [await runOnCopy(channel, undef), await runOnCopy(channel, absent)];
        if (JSON.stringify(u) !== JSON.stringify(x)) {
          differences.push(
            `${channel} ${name}: ${JSON.stringify(u.result).slice(0, 160)} vs ${JSON.stringify(x.result).slice(0, 160)}`,
          );
        }
      }
    }
    expect(differences).toEqual([]);
  }, 120_000);

  it('never clears the profile or withdraws consent', async () => {
    const patch = { birthYear: undefined, sex: undefined, consentExport: undefined };
    const u = await runOnCopy('profile:update', { journeyId: ids.journey, patch });
    expect(u.result).toEqual({ ok: false, code: 'validation' });
    const profile = (u.db.profiles as Record<string, unknown>[])[0]!;
    expect(profile).toMatchObject({
      birth_year: 1961,
      sex: 'female',
      consent_export: 1,
      consent_quotes: 1,
    });
  });

  it('keeps a hidden service hidden', async () => {
    const u = await runOnCopy('catalogue:update', {
      code: hiddenCode,
      patch: { label: { da: 'Nyt navn', en: 'New name' }, hidden: undefined },
    });
    expect(u.result.ok).toBe(true);
    const row = (u.db.services as { code: string; hidden: number }[]).find(
      (s) => s.code === hiddenCode,
    );
    expect(row?.hidden).toBe(1);
  });
});
