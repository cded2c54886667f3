import fc from 'fast-check';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/open';
import { openRaw, testKey } from '../support/test-key';
import { createHandlers } from '../../electron/handlers';
import { CHANNELS, type Channel } from '../../shared/ipc/channels';
import { contract } from '../../shared/ipc/contract';
import { dispatch, type Handlers } from '../../shared/ipc/dispatch';
import type { Result } from '../../shared/ipc/result';
import { randomModels } from '../support/generate-models';

/**
 * Hostile input on every channel of the contract, through the real `dispatch` and the real
 * handlers on a real SQLite file, as it would arrive over IPC (structured-cloned): wrong types,
 * huge strings, keys present with the value undefined, NUL characters, lone surrogates, deep
 * nesting, `__proto__`/`constructor`/`prototype` keys — mostly inside otherwise valid payloads
 * that name rows which exist, so the input reaches the handlers and the database. Every call must
 * resolve to data or to a typed error (never `internal`, never a throw out of dispatch), and the
 * file must pass SQLite's integrity and foreign-key checks afterwards.
 *
 * The seed is printed with any failure; FUZZ_SEED=<n> replays a run, FUZZ_RUNS=<n> changes the
 * number of inputs per channel.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 30);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);

let dir: string;
let template: string;
/** Rows of the seeded database, named so payloads can point at them. */
const seeded = {
  ids: [] as string[],
  journeyId: '',
  touchpointId: '',
  transitionId: '',
  painPointId: '',
  workshopId: '',
  goalId: '',
  ideaId: '',
  otherJourneyTouchpointId: '',
  otherJourneyId: '',
  touchpointIds: [] as string[],
  textKeys: [] as string[],
  serviceCodes: [] as string[],
  exportIds: [] as string[],
  modelTexts: [] as string[],
};

function handlersOn(file: string, exportDir: string) {
  const db = openDatabase(file, testKey());
  let time = Date.parse('2026-03-01T09:00:00.000Z');
  const handlers = createHandlers({
    db,
    clock: () => new Date((time += 1000)),
    newId: () => crypto.randomUUID(),
    // export:save writes for real, into the test's folder.
    dialogs: { chooseExportFolder: () => Promise.resolve(exportDir) },
  });
  return { db, handlers };
}

async function must<T>(handlers: Handlers, channel: Channel, payload: unknown): Promise<T> {
  const r = await dispatch(handlers, channel, payload);
  if (!r.ok) throw new Error(`seed ${channel}: ${r.error.code} ${r.error.message}`);
  return r.data as T;
}

/** One journey with something of every kind, and a second journey to cross ownership with. */
async function seed(handlers: Handlers): Promise<void> {
  type Row = { id: string };
  const j = await must<Row>(handlers, 'journeys:create', { alias: 'Fuzz' });
  const other = await must<Row>(handlers, 'journeys:create', { alias: 'Anden' });
  const journeyId = j.id;
  const tps: Row[] = [];
  for (let i = 0; i < 3; i++) {
    tps.push(
      await must<Row>(handlers, 'touchpoints:create', {
        journeyId,
        x: i * 100,
        y: 0,
        label: `Kontakt ${i}`,
        sector: 'general_practice',
      }),
    );
  }
  const tr = await must<Row>(handlers, 'transitions:create', {
    journeyId,
    sourceId: tps[0]!.id,
    targetId: tps[1]!.id,
  });
  const pp = await must<Row>(handlers, 'painPoints:create', {
    touchpointId: tps[0]!.id,
    category: 'waiting',
    text: 'Ventede længe',
  });
  await must(handlers, 'touchpoints:update', {
    id: tps[0]!.id,
    patch: { quote: 'Jeg ventede', whatWorked: 'Lægen lyttede', emotion: -2, date: '2026-02-01' },
  });
  const ws = await must<Row>(handlers, 'workshops:create', { journeyId, date: '2026-03-01' });
  const goal = await must<Row>(handlers, 'goals:create', {
    journeyId,
    category: 'work_education',
    text: 'Tilbage i job',
  });
  const idea = await must<Row>(handlers, 'ideas:create', {
    journeyId,
    text: 'Én indgang',
    touchpointIds: [tps[0]!.id],
    painPointIds: [pp.id],
  });
  await must(handlers, 'profile:update', {
    journeyId,
    patch: { consentWorkshop: true, consentExport: true, consentQuotes: true, birthYear: 1960 },
  });
  const snap = await must<Row>(handlers, 'snapshots:create', { journeyId, name: 'Før' });
  const otherTp = await must<Row>(handlers, 'touchpoints:create', {
    journeyId: other.id,
    x: 0,
    y: 0,
  });
  const models = randomModels(3, 11, 8);
  seeded.modelTexts = models.map((m) => JSON.stringify(m));
  const imported = await must<{ exportId?: string }[]>(handlers, 'program:import', {
    files: seeded.modelTexts.map((text, i) => ({
      name: `m${i}.json`,
      size: Buffer.byteLength(text),
      bytes: Buffer.from(text),
    })),
  });
  const services = await must<{ code: string }[]>(handlers, 'catalogue:list', {});

  Object.assign(seeded, {
    journeyId,
    touchpointId: tps[0]!.id,
    transitionId: tr.id,
    painPointId: pp.id,
    workshopId: ws.id,
    goalId: goal.id,
    ideaId: idea.id,
    otherJourneyTouchpointId: otherTp.id,
    otherJourneyId: other.id,
    touchpointIds: tps.map((t) => t.id),
    ids: [
      journeyId,
      other.id,
      ...tps.map((t) => t.id),
      tr.id,
      pp.id,
      ws.id,
      goal.id,
      idea.id,
      snap.id,
      otherTp.id,
    ],
    textKeys: [`pain:${pp.id}`, `idea:${idea.id}`, `quote:${tps[0]!.id}`],
    serviceCodes: services.slice(0, 5).map((s) => s.code),
    exportIds: imported.flatMap((r) => (r.exportId ? [r.exportId] : [])),
  });
}

// ---- hostile values ---------------------------------------------------------------------------

function deep(depth: number, leaf: unknown, array: boolean): unknown {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = array ? [v] : { a: v };
  return v;
}
/** An object with an own, enumerable `__proto__` key, as JSON.parse and structured clone make. */
function withOwn(key: string, value: unknown, base: Record<string, unknown> = {}) {
  const o = { ...base };
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
  return o;
}
const nulString = fc
  .tuple(fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 }))
  .map(([a, b]) => `${a}\0${b}`);

const hostile: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    undefined,
    null,
    true,
    0,
    -0,
    -1,
    NaN,
    Infinity,
    -Infinity,
    1e308,
    2 ** 53 + 1,
    '',
    ' ',
    '\0',
    '\0'.repeat(1000),
    '\uD800',
    'a\uDFFFb',
    '‮evil',
    'x'.repeat(1_000_000),
    'ø'.repeat(300_000),
    [],
    {},
    12345678901234567890n,
    new Date(NaN),
    new Map([['a', 1]]),
    new Set([1]),
    new Uint8Array(16),
    /re/g,
  ),
  nulString,
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'),
  fc.constant(null).map(() => deep(1000, 'x', false)),
  fc.constant(null).map(() => deep(1000, 'x', true)),
  fc.constant(null).map(() => JSON.parse('{"__proto__":{"polluted":true},"a":1}') as unknown),
  fc.constant(null).map(() => ({ constructor: { prototype: { polluted: true } } })),
  fc.constant(null).map(() => withOwn('__proto__', { isAdmin: true })),
  fc.constant(null).map(() => Object.assign(Object.create(null) as object, { a: 1 })),
  fc.constant(null).map(() => Object.assign([1, 2, 3], { extra: 'x' })),
  fc.anything({
    maxDepth: 3,
    withBigInt: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withTypedArray: true,
    withSparseArray: true,
    withNullPrototype: true,
  }),
);

// ---- near-valid values, derived from the contract's own schemas ----------------------------------

type Def = { type: string; [k: string]: unknown };
const defOf = (s: unknown) => (s as { _zod: { def: Def } })._zod.def;

/** Values known to name something in the seeded database, by the field's name. */
function knownFor(field: string): fc.Arbitrary<unknown> | undefined {
  switch (field) {
    case 'journeyId':
      return fc.constantFrom(seeded.journeyId, seeded.journeyId, seeded.otherJourneyId);
    case 'touchpointId':
    case 'sourceId':
    case 'targetId':
    case 'touchpointIds':
      return fc.constantFrom(...seeded.touchpointIds, seeded.otherJourneyTouchpointId);
    case 'painPointIds':
      return fc.constantFrom(seeded.painPointId);
    case 'key':
      return fc.constantFrom(...seeded.textKeys);
    case 'code':
    case 'serviceCode':
      return fc.constantFrom(...seeded.serviceCodes);
    case 'exportId':
      return fc.oneof(fc.constantFrom(...seeded.exportIds), fc.uuid());
    case 'date':
    case 'consentWorkshopDate':
    case 'consentExportDate':
    case 'consentQuotesDate':
      return fc.constantFrom(
        '2026-03-01',
        '2025-12-24',
        '2024-02-29',
        '2026-03',
        '2026',
        '1899-01-01',
        '2026-02-30',
      );
    case 'text':
      return fc.oneof(fc.constantFrom(...seeded.modelTexts), fc.string({ maxLength: 60 }));
    case 'name':
      return fc.constantFrom('model.json', 'a.txt', 'm\0.json', '../../x.json', 'ø.json');
  }
  return undefined;
}

function leaf(schema: unknown): fc.Arbitrary<unknown> {
  const json = z.toJSONSchema(schema as z.ZodType, { unrepresentable: 'any', io: 'input' }) as {
    type?: string;
    format?: string;
    pattern?: string;
    minimum?: number;
    maximum?: number;
    maxLength?: number;
  };
  if (json.type === 'string') {
    if (json.format === 'uuid') return fc.oneof(fc.constantFrom(...seeded.ids), fc.uuid());
    if (json.format === 'date-time') {
      const [min, max] = [new Date('2000-01-01'), new Date('2040-01-01')];
      return fc.date({ min, max, noInvalidDate: true }).map((d) => d.toISOString());
    }
    const max = Math.min(json.maxLength ?? 60, 60);
    return fc.oneof(
      {
        weight: 6,
        arbitrary: json.pattern
          ? fc.stringMatching(new RegExp(json.pattern))
          : fc.string({ maxLength: max }),
      },
      { weight: 1, arbitrary: fc.string({ maxLength: max, unit: 'grapheme' }) },
      { weight: 1, arbitrary: nulString },
      { weight: 1, arbitrary: fc.constant('x'.repeat((json.maxLength ?? 1000) + 1)) },
    );
  }
  if (json.type === 'number' || json.type === 'integer') {
    const min = Math.max(json.minimum ?? -1e6, -1e9);
    const max = Math.min(json.maximum ?? 1e6, 1e9);
    return json.type === 'integer'
      ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
      : fc.double({ min, max, noNaN: true });
  }
  return hostile;
}

/**
 * Values close to what `schema` accepts, derived from the schema itself; `rate` (in 1000ths) is
 * how often each value, and each object's set of keys, is made hostile instead. A low rate gives
 * payloads that reach the handlers with edge values (NUL characters, odd Unicode, undefined-valued
 * optional keys); a high rate gives payloads with several hostile parts.
 */
function near(schema: unknown, rate: number, field = ''): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const known = knownFor(field);
  let arb: fc.Arbitrary<unknown>;
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, unknown>;
      const keyed = Object.entries(shape).map(([k, v]) => {
        const optional = defOf(v).type === 'optional';
        // Present, absent, or present with the value undefined; a required key only when hostile.
        const how = optional
          ? fc.constantFrom('present', 'present', 'absent', 'undefined')
          : fc.oneof(
              { weight: 1000 - rate, arbitrary: fc.constant('present') },
              { weight: rate, arbitrary: fc.constantFrom('absent', 'undefined') },
            );
        return fc.tuple(fc.constant(k), near(v, rate, k), how);
      });
      const extra = fc.oneof(
        { weight: 1000 - rate, arbitrary: fc.constant(null) },
        {
          weight: rate,
          arbitrary: fc.tuple(
            fc.constantFrom('__proto__', 'constructor', 'prototype', 'extra', ''),
            hostile,
          ),
        },
      );
      arb = fc.tuple(fc.tuple(...keyed), extra).map(([parts, more]) => {
        let o: Record<string, unknown> = {};
        for (const [k, v, how] of parts as [string, unknown, string][]) {
          if (how === 'present') o[k] = v;
          else if (how === 'undefined') o[k] = undefined;
        }
        if (more) o = withOwn(more[0], more[1], o);
        return o;
      });
      break;
    }
    case 'optional':
      arb = fc.option(near(def.innerType, rate, field), { nil: undefined, freq: 4 });
      break;
    case 'nullable':
      arb = fc.option(near(def.innerType, rate, field), { nil: null, freq: 4 });
      break;
    case 'array':
      arb = fc.array(near(def.element, rate, field), { maxLength: 3 });
      break;
    case 'pipe':
      arb = near(def.in, rate, field);
      break;
    case 'enum':
      arb = fc.constantFrom(...Object.values(def.entries as Record<string, unknown>));
      break;
    case 'literal':
      arb = fc.constantFrom(...(def.values as unknown[]));
      break;
    case 'boolean':
      arb = fc.boolean();
      break;
    case 'union':
      arb = fc.oneof(...(def.options as unknown[]).map((o) => near(o, rate, field)));
      break;
    case 'string':
    case 'number':
      arb = known
        ? fc.oneof({ weight: 3, arbitrary: known }, { weight: 1, arbitrary: leaf(schema) })
        : leaf(schema);
      break;
    default:
      arb = hostile;
  }
  if (rate === 0) return arb;
  return fc.oneof({ weight: 1000 - rate, arbitrary: arb }, { weight: rate, arbitrary: hostile });
}

/** A channel's hostile payloads: edge values in valid shapes, mutants, and anything at all. */
const payloads = (channel: Channel) =>
  fc.oneof(
    { weight: 4, arbitrary: near(contract[channel].input, 15) },
    { weight: 2, arbitrary: near(contract[channel].input, 150) },
    { weight: 1, arbitrary: hostile },
  );

// ---- running and reporting --------------------------------------------------------------------

function describeValue(v: unknown, depth = 0): string {
  if (depth > 3) return '…';
  if (v === undefined) return 'undefined';
  if (typeof v === 'bigint') return `${v}n`;
  if (typeof v === 'string') {
    const shown = v.length > 40 ? `${v.slice(0, 20)}…(${v.length} chars)` : v;
    return JSON.stringify(shown).replace(/\\u0000/g, '\\0');
  }
  if (typeof v !== 'object' || v === null) return String(v);
  if (Array.isArray(v))
    return `[${v.slice(0, 4).map((x) => describeValue(x, depth + 1))}${v.length > 4 ? ',…' : ''}]`;
  if (v instanceof Map || v instanceof Set || ArrayBuffer.isView(v) || v instanceof Date) {
    return Object.prototype.toString.call(v);
  }
  const keys = Object.keys(v);
  return `{${keys
    .slice(0, 8)
    .map((k) => `${k}: ${describeValue((v as Record<string, unknown>)[k], depth + 1)}`)
    .join(', ')}${keys.length > 8 ? ', …' : ''}}`;
}

interface Failure {
  channel: string;
  input: string;
  outcome: string;
}

async function fuzzChannel(channel: Channel, file: string, exportDir: string) {
  copyFileSync(template, file);
  const { db, handlers } = handlersOn(file, exportDir);
  const failures: Failure[] = [];
  const inputs = fc.sample(payloads(channel), {
    numRuns: RUNS,
    seed: SEED + CHANNELS.indexOf(channel),
  });
  let reachedHandler = 0;
  for (const raw of inputs) {
    // What arrives over IPC: a structured clone of what the page sent.
    const payload = structuredClone(raw);
    let internal: unknown;
    let r: Result<unknown> | undefined;
    try {
      r = await dispatch(handlers, channel, payload, {
        onInternalError: (_c, e) => (internal = e),
      });
    } catch (error) {
      failures.push({ channel, input: describeValue(raw), outcome: `threw: ${String(error)}` });
      continue;
    }
    if (!r || typeof r !== 'object' || typeof r.ok !== 'boolean') {
      failures.push({ channel, input: describeValue(raw), outcome: `no envelope: ${String(r)}` });
    } else if (!r.ok && r.error.code === 'internal') {
      const cause =
        internal instanceof z.ZodError
          ? `invalid output ${internal.issues[0]?.path.join('.')}: ${internal.issues[0]?.message}`
          : String(internal);
      failures.push({ channel, input: describeValue(raw), outcome: `internal: ${cause}` });
    }
    if (r && (r.ok || r.error.code !== 'validation')) reachedHandler++;
  }
  const integrity = db.pragma('integrity_check', { simple: true });
  const foreignKeys = db.pragma('foreign_key_check') as unknown[];
  db.close();
  // Read the file again in a fresh connection, as the app would on its next start.
  const again = openRaw(file, { readonly: true });
  const integrityAgain = again.pragma('integrity_check', { simple: true });
  again.close();
  return { failures, integrity, integrityAgain, foreignKeys, reachedHandler };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pathway-fuzz-'));
  template = join(dir, 'template.sqlite');
  const { db, handlers } = handlersOn(template, dir);
  await seed(handlers);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}, 30_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const handlerReach = new Map<string, number>();

describe(`hostile input on every channel (${RUNS} each, FUZZ_SEED=${SEED})`, () => {
  it.each(CHANNELS.map((c) => [c]))(
    '%s',
    async (channel) => {
      const exportDir = join(dir, `export-${channel.replace(':', '-')}`);
      mkdirSync(exportDir, { recursive: true });
      const file = join(dir, `${channel.replace(':', '-')}.sqlite`);
      const result = await fuzzChannel(channel, file, exportDir);
      handlerReach.set(channel, result.reachedHandler);
      // One line per distinct outcome: how often, and the first input that did it.
      const seen = new Map<string, { count: number; input: string }>();
      for (const f of result.failures) {
        const s = seen.get(f.outcome) ?? { count: 0, input: f.input };
        seen.set(f.outcome, { ...s, count: s.count + 1 });
      }
      expect(
        [...seen].map(([outcome, s]) => `${outcome} (×${s.count})  ←  ${s.input}`),
        `FUZZ_SEED=${SEED}`,
      ).toEqual([]);
      expect(result.integrity).toBe('ok');
      expect(result.integrityAgain).toBe('ok');
      expect(result.foreignKeys).toEqual([]);
    },
    60_000,
  );

  it('got past validation into the handlers on most channels (the fuzzing is not all bounced)', () => {
    // Channels whose every input is a typed failure before the handler would test zod only.
    const reached = [...handlerReach].filter(([, n]) => n > 0).map(([c]) => c);
    expect(handlerReach.size).toBe(CHANNELS.length);
    expect(
      reached.length,
      `inputs past validation, per channel: ${JSON.stringify(Object.fromEntries(handlerReach))}`,
    ).toBeGreaterThanOrEqual(Math.floor(CHANNELS.length * 0.8));
  });
});

/** The update channels, where a key sent as undefined must leave its stored value alone. */
const UPDATES: {
  channel: Channel;
  target: () => Record<string, unknown>;
  read: (h: Handlers) => Promise<Record<string, unknown>>;
}[] = [
  {
    channel: 'touchpoints:update',
    target: () => ({ id: seeded.touchpointId }),
    read: async (h) => pick(await detail(h), 'touchpoints', seeded.touchpointId),
  },
  {
    channel: 'transitions:update',
    target: () => ({ id: seeded.transitionId }),
    read: async (h) => pick(await detail(h), 'transitions', seeded.transitionId),
  },
  {
    channel: 'painPoints:update',
    target: () => ({ id: seeded.painPointId }),
    read: async (h) => pick(await detail(h), 'painPoints', seeded.painPointId),
  },
  {
    channel: 'profile:update',
    target: () => ({ journeyId: seeded.journeyId }),
    read: (h) => must(h, 'profile:get', { journeyId: seeded.journeyId }),
  },
  {
    channel: 'workshops:update',
    target: () => ({ id: seeded.workshopId }),
    read: async (h) =>
      pick(
        { list: await must(h, 'workshops:list', { journeyId: seeded.journeyId }) },
        'list',
        seeded.workshopId,
      ),
  },
  {
    channel: 'goals:update',
    target: () => ({ id: seeded.goalId }),
    read: async (h) =>
      pick(
        { list: await must(h, 'goals:list', { journeyId: seeded.journeyId }) },
        'list',
        seeded.goalId,
      ),
  },
  {
    channel: 'ideas:update',
    target: () => ({ id: seeded.ideaId }),
    read: async (h) =>
      pick(
        { list: await must(h, 'ideas:list', { journeyId: seeded.journeyId }) },
        'list',
        seeded.ideaId,
      ),
  },
  {
    channel: 'catalogue:update',
    target: () => ({ code: seeded.serviceCodes[0] }),
    read: async (h) => {
      const all = await must<{ code: string }[]>(h, 'catalogue:list', {});
      return all.find((s) => s.code === seeded.serviceCodes[0]) as Record<string, unknown>;
    },
  },
];
const detail = (h: Handlers) =>
  must<Record<string, unknown>>(h, 'journeys:get', { id: seeded.journeyId });
function pick(from: Record<string, unknown>, list: string, id: string): Record<string, unknown> {
  const row = (from[list] as Record<string, unknown>[]).find((r) => r.id === id);
  if (!row) throw new Error(`${list} ${id} is gone`);
  return row;
}

describe('a key sent with the value undefined', () => {
  it.each(UPDATES.map((u) => [u.channel, u] as const))(
    '%s leaves that field as it was',
    async (channel, u) => {
      const shape = defOf((defOf(contract[channel].input).shape as Record<string, unknown>).patch)
        .shape as Record<string, unknown>;
      const problems: string[] = [];
      const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
      for (const [field, schema] of Object.entries(shape)) {
        // Each field on a fresh copy of the seeded file: fields depend on each other (quotes
        // need export consent), so one field's value must not decide another's.
        const file = join(dir, `undefined-${channel.replace(':', '-')}-${field}.sqlite`);
        copyFileSync(template, file);
        const { db, handlers } = handlersOn(file, dir);
        try {
          // First store a value of the field's own (as the schema allows), so that clearing it
          // would show; then send the key with the value undefined.
          const initial = (await u.read(handlers))[field];
          let stored = false;
          const candidates = fc.sample(near(schema, 0, field), { numRuns: 100, seed: SEED });
          for (const value of candidates) {
            if (value === undefined) continue;
            const r = await dispatch(handlers, channel, {
              ...u.target(),
              patch: { [field]: value },
            });
            if (r.ok && !same((await u.read(handlers))[field], initial)) {
              stored = true;
              break;
            }
          }
          if (!stored) {
            problems.push(`${field}: no value could be stored to check against`);
            continue;
          }
          const before = await u.read(handlers);
          const r = await dispatch(handlers, channel, {
            ...u.target(),
            patch: { [field]: undefined },
          });
          const after = await u.read(handlers);
          // A typed refusal is fine; an internal error or a changed value is not.
          if (!r.ok && r.error.code === 'internal') problems.push(`${field}: internal error`);
          for (const [k, v] of Object.entries(before)) {
            if (k !== 'updatedAt' && !same(after[k], v)) {
              problems.push(
                `{${field}: undefined} changed ${k}: ${JSON.stringify(v)} → ${JSON.stringify(after[k])}`,
              );
            }
          }
        } finally {
          db.close();
        }
      }
      expect(problems).toEqual([]);
    },
    30_000,
  );
});
