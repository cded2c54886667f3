import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precisionOf } from '../../shared/domain/journey';
import type { Channel } from '../../shared/ipc/channels';
import { contract } from '../../shared/ipc/contract';
import { dispatch } from '../../shared/ipc/dispatch';
import { transferSchema } from '../../shared/transfer/moved-journey';
import { makeTestDb, type TestDb } from '../../tests/unit/helpers';

/**
 * Every CHECK in the schema against the zod schema that guards its column: whatever a schema
 * lets through (after its transforms) the CHECK accepts, so a write never fails in SQLite — a
 * NUL-only name once passed zod and ended in `internal`. And through the real channels, such a
 * value is a validation error, never `internal`.
 */

interface Check {
  /** `table.column`, or `table: <expression>` for a CHECK on the table. */
  id: string;
  table: string;
  /** The column definitions (and table CHECK) a probe table needs to evaluate it. */
  definitions: string[];
}

/** Splits at commas outside parentheses and quotes. */
function topLevel(list: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    const c = list[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(list.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(list.slice(start).trim());
  return parts.filter(Boolean);
}

/** The CHECKs of every table, read from the schema SQLite keeps (ALTERed columns included). */
function checksOf(db: Database): Check[] {
  const tables = db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql IS NOT NULL")
    .all() as { name: string; sql: string }[];
  return tables.flatMap(({ name, sql }) => {
    const body = sql.slice(sql.indexOf('(') + 1, sql.lastIndexOf(')')).replace(/--[^\n]*/g, '');
    const parts = topLevel(body);
    const columns = new Map(
      parts
        .filter((p) => !/^(CHECK|UNIQUE|PRIMARY|FOREIGN|CONSTRAINT)\b/i.test(p))
        .map((p) => [p.split(/\s+/)[0]!, p.replace(/\s+REFERENCES\s+.*$/is, '')]),
    );
    const found: Check[] = [];
    for (const [column, definition] of columns) {
      if (/\bCHECK\s*\(/i.test(definition)) {
        found.push({ id: `${name}.${column}`, table: name, definitions: [definition] });
      }
    }
    for (const p of parts.filter((p) => /^CHECK\b/i.test(p))) {
      const used = [...columns.keys()].filter((c) => new RegExp(`\\b${c}\\b`).test(p));
      found.push({
        id: `${name}: ${p.replace(/\s+/g, ' ')}`,
        table: name,
        definitions: [...used.map((c) => columns.get(c)!), p],
      });
    }
    return found;
  });
}

type Row = Record<string, unknown>;
interface Guard {
  /** The schema that guards the column: the one in the contract. */
  schema: z.ZodType;
  /** The row the repository writes for a parsed value; undefined when it writes nothing. */
  row: (parsed: unknown) => Row | undefined;
  /** Turns a corpus value into this schema's input (e.g. a label's language pair). */
  input?: (value: unknown) => unknown;
  /** Real calls that write the value, for the never-`internal` check. */
  calls?: (value: unknown) => [Channel, unknown][];
}

const input = <C extends Channel>(c: C) => contract[c].input;
const patchOf = <C extends Channel>(c: C) =>
  (contract[c].input as unknown as { shape: { patch: { shape: Record<string, z.ZodType> } } }).shape
    .patch.shape;
const shapeOf = <C extends Channel>(c: C) =>
  (contract[c].input as unknown as { shape: Record<string, z.ZodType> }).shape;
/** The schema of one item put back by journeys:restoreItems. */
const restored = (list: 'touchpoints' | 'transitions' | 'painPoints') =>
  (
    shapeOf('journeys:restoreItems')[list] as unknown as {
      element: { shape: Record<string, z.ZodType> };
    }
  ).element;
const restoredField = (list: 'touchpoints' | 'transitions' | 'painPoints', field: string) =>
  restored(list).shape[field]!;
const flag = (column: string) => (v: unknown) =>
  v === undefined ? undefined : { [column]: v ? 1 : 0 };
const column = (name: string) => (v: unknown) => (v === undefined ? undefined : { [name]: v });

let t: TestDb;
const ids: Record<string, string> = {};

/** A row of the shipped price list (GP visit, a price above 0). */
const PRICE_KEY = { sector: 'general_practice', contactType: 'gp_visit' } as const;

/** The guard of every CHECK in the schema. */
function guards(): Record<string, Guard | Guard[]> {
  const { journey, a, b, snapshot } = ids;
  const label = (v: unknown) => ({ da: v, en: 'Service' });
  const NOW = '2026-03-01T09:00:00.000Z';
  /** A whole touchpoint or transition, as the window sends it back to undo a delete. */
  const touchpoint = (fields: Row) => ({
    ...{ id: crypto.randomUUID(), journeyId: journey, map: 'as_is', label: '', x: 0, y: 0 },
    ...{ sector: 'other', serviceCode: null, contactType: null, date: null },
    ...{ datePrecision: 'unknown', durationDays: null, repetitions: null, initiatedBy: null },
    ...{ emotion: null, whatWorked: '', quote: '', createdAt: NOW, updatedAt: NOW },
    ...fields,
  });
  const transition = (fields: Row) => ({
    ...{ id: crypto.randomUUID(), journeyId: journey, map: 'as_is', sourceId: a, targetId: b },
    ...{ kind: 'then', quality: null, waitingDays: null, note: '', createdAt: NOW },
    ...fields,
  });
  const restore = (items: {
    touchpoints?: unknown[];
    transitions?: unknown[];
  }): [Channel, unknown] => [
    'journeys:restoreItems',
    { journeyId: journey, touchpoints: [], transitions: [], painPoints: [], ...items },
  ];
  /** The same column written by an undo: the restored item's field. */
  const restoredTouchpoint = (field: string, row: Guard['row']): Guard => ({
    schema: restoredField('touchpoints', field),
    row,
    calls: (v) => [restore({ touchpoints: [touchpoint({ [field]: v })] })],
  });
  const restoredTransition = (field: string, row: Guard['row']): Guard => ({
    schema: restoredField('transitions', field),
    row,
    calls: (v) => [restore({ transitions: [transition({ [field]: v })] })],
  });
  return {
    'journeys.alias': {
      schema: shapeOf('journeys:create').alias!,
      row: column('alias'),
      calls: (v) => [
        ['journeys:create', { alias: v }],
        ['journeys:rename', { id: journey, alias: v }],
      ],
    },
    'journeys.archived': {
      schema: shapeOf('journeys:setArchived').archived!,
      row: flag('archived'),
    },
    'touchpoints.label': [
      {
        schema: patchOf('touchpoints:update').label!,
        row: column('label'),
        calls: (v) => [
          ['touchpoints:create', { journeyId: journey, label: v, x: 0, y: 0 }],
          ['touchpoints:update', { id: a, patch: { label: v } }],
        ],
      },
      restoredTouchpoint('label', column('label')),
    ],
    'touchpoints.map': [
      {
        schema: shapeOf('touchpoints:create').map!,
        // Left out, the handler puts the touchpoint on the as-is map.
        row: (v) => ({ map: v ?? 'as_is' }),
      },
      restoredTouchpoint('map', column('map')),
    ],
    'touchpoints.date': [
      { schema: patchOf('touchpoints:update').date!, row: column('date') },
      restoredTouchpoint('date', column('date')),
    ],
    'touchpoints.date_precision': [
      {
        schema: patchOf('touchpoints:update').date!,
        row: (v) => (v === undefined ? undefined : { date_precision: precisionOf(v as string) }),
      },
      restoredTouchpoint('date', (v) => ({ date_precision: precisionOf(v as string | null) })),
    ],
    'touchpoints.duration_days': [
      {
        schema: patchOf('touchpoints:update').durationDays!,
        row: column('duration_days'),
      },
      restoredTouchpoint('durationDays', column('duration_days')),
    ],
    'touchpoints.repetitions': [
      {
        schema: patchOf('touchpoints:update').repetitions!,
        row: column('repetitions'),
      },
      restoredTouchpoint('repetitions', column('repetitions')),
    ],
    'touchpoints.emotion': [
      {
        schema: patchOf('touchpoints:update').emotion!,
        row: column('emotion'),
        calls: (v) => [['touchpoints:update', { id: a, patch: { emotion: v } }]],
      },
      restoredTouchpoint('emotion', column('emotion')),
    ],
    // A transition takes the map of its touchpoints.
    'transitions.map': [
      { schema: shapeOf('touchpoints:create').map!, row: (v) => ({ map: v ?? 'as_is' }) },
      restoredTransition('map', column('map')),
    ],
    'transitions.quality': [
      {
        schema: patchOf('transitions:update').quality!,
        row: column('quality'),
      },
      restoredTransition('quality', column('quality')),
    ],
    'transitions.waiting_days': [
      {
        schema: patchOf('transitions:update').waitingDays!,
        row: column('waiting_days'),
      },
      restoredTransition('waitingDays', column('waiting_days')),
    ],
    'transitions: CHECK (source_id <> target_id)': [
      {
        schema: input('transitions:create'),
        input: (v) => ({ journeyId: journey, sourceId: a, targetId: v === 'same' ? a : b }),
        row: (v) => {
          const p = v as { sourceId: string; targetId: string };
          return { source_id: p.sourceId, target_id: p.targetId };
        },
        calls: (v) => [
          [
            'transitions:create',
            { journeyId: journey, sourceId: a, targetId: v === 'same' ? a : b },
          ],
        ],
      },
      {
        schema: restored('transitions') as unknown as z.ZodType,
        input: (v) => transition({ targetId: v === 'same' ? a : b }),
        row: (v) => {
          const p = v as { sourceId: string; targetId: string };
          return { source_id: p.sourceId, target_id: p.targetId };
        },
        calls: (v) => [restore({ transitions: [transition({ targetId: v === 'same' ? a : b })] })],
      },
    ],
    'services.label_da': {
      schema: shapeOf('catalogue:create').label!,
      input: label,
      row: (v) => ({ label_da: (v as { da: string }).da }),
      calls: (v) => [
        ['catalogue:create', { sector: 'other', defaultContactType: 'other', label: label(v) }],
      ],
    },
    'services.label_en': {
      schema: shapeOf('catalogue:create').label!,
      input: (v) => ({ da: 'Tjeneste', en: v }),
      row: (v) => ({ label_en: (v as { en: string }).en }),
    },
    'services.hidden': { schema: patchOf('catalogue:update').hidden!, row: flag('hidden') },
    'profiles.birth_year': {
      schema: patchOf('profile:update').birthYear!,
      row: column('birth_year'),
      calls: (v) => [['profile:update', { journeyId: journey, patch: { birthYear: v } }]],
    },
    'profiles.consent_workshop': {
      schema: patchOf('profile:update').consentWorkshop!,
      row: flag('consent_workshop'),
    },
    'profiles.consent_export': {
      schema: patchOf('profile:update').consentExport!,
      row: flag('consent_export'),
    },
    'profiles.consent_quotes': {
      schema: patchOf('profile:update').consentQuotes!,
      row: flag('consent_quotes'),
    },
    'snapshots.name': {
      schema: shapeOf('snapshots:create').name!,
      row: column('name'),
      calls: (v) => [
        ['snapshots:create', { journeyId: journey, name: v }],
        ['snapshots:restore', { id: snapshot, backupName: v }],
      ],
    },
    // Written only by a journey move (its file's payload and the handler's own 'out'/'in').
    'transfers.direction': {
      schema: transferSchema.shape.direction,
      row: column('direction'),
    },
    // The price list: a row edited through prices:update (an import or a reset writes rows
    // checked by the same schemas, shared/economy/prices.ts).
    'prices.unit': {
      schema: patchOf('prices:update').unit!,
      row: column('unit'),
      calls: (v) => [['prices:update', { key: PRICE_KEY, patch: { unit: v } }]],
    },
    'prices.price': {
      schema: patchOf('prices:update').price!,
      row: column('price'),
      calls: (v) => [['prices:update', { key: PRICE_KEY, patch: { price: v } }]],
    },
    ...Object.fromEntries(
      (['kommune', 'region', 'stat'] as const).map((payer) => [
        `prices.share_${payer}`,
        {
          schema: patchOf('prices:update').payerShares!,
          // The corpus value as this payer's share, the rest of 100 % to another payer.
          input: (v: unknown) => ({
            kommune: 0,
            region: 0,
            stat: 0,
            ...(payer === 'stat' ? { kommune: 1 - Number(v) } : { stat: 1 - Number(v) }),
            [payer]: v,
          }),
          row: (p: unknown) =>
            p === undefined || p === null
              ? undefined
              : { [`share_${payer}`]: (p as Record<string, number>)[payer] },
          calls: (v: unknown) => [
            [
              'prices:update',
              {
                key: PRICE_KEY,
                patch: {
                  payerShares: {
                    kommune: 0,
                    region: 0,
                    stat: 0,
                    ...(payer === 'stat' ? { kommune: 1 - Number(v) } : { stat: 1 - Number(v) }),
                    [payer]: v,
                  },
                },
              },
            ],
          ],
        } satisfies Guard,
      ]),
    ),
  };
}

const EMOJI = '😀'; // one character to SQLite, two UTF-16 units to JavaScript
/** What the CHECKs are probed with: every kind of value a payload can carry. */
const CORPUS: unknown[] = [
  ...['', ' ', '   ', 'a', 'Anna', 'same', 'other'],
  ...['\0', 'a\0', '\0a', '\u0001', 'a\u0007b', '\u001b[31m', '\u007f', '\u0085', '\u009f'],
  ...['a\tb', 'a\nb', '\r\n', '\t', '\v', '\f', '\n\n\n', '\u2028'],
  ...['\ud800', 'a\udc00', `${EMOJI}\ud83d`],
  ...[1, 2, 7, 10, 40, 79, 80, 81, 99, 100, 101, 199, 200, 201, 2000, 2001].flatMap((n) => [
    'a'.repeat(n),
    EMOJI.repeat(n),
    `${'é'.repeat(n - 1)}${EMOJI}`,
    `${' '.repeat(n)}a`,
    `a${'\0'.repeat(n)}`,
  ]),
  ...[
    '2026-03',
    '2026-03-14',
    '2026-3-1',
    '2026-02-30',
    '1899-12',
    '2101-01',
    'xxxxxxx',
    'x'.repeat(10),
  ],
  ...['as_is', 'to_be', 'day', 'month', 'unknown', 'good', 'mixed', 'broken', 'bad'],
  ...[-3, -2, -1, -0.5, 0, 0.5, 1, 1.5, 2, 3, 1899, 1900, 2100, 2101, 1e300, -1e300],
  ...[Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER + 2],
  true,
  false,
  null,
  undefined,
  { da: 'x', en: 'y' },
  [],
];

/** Whether SQLite accepts `row` under the given column definitions (CHECK, NOT NULL, STRICT). */
function accepts(db: Database, check: Check, row: Row): boolean | string {
  db.exec('DROP TABLE IF EXISTS temp.probe');
  db.exec(`CREATE TEMP TABLE probe (${check.definitions.join(', ')}) STRICT`);
  const cols = Object.keys(row);
  try {
    db.prepare(
      `INSERT INTO temp.probe (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
    ).run(...cols.map((c) => (typeof row[c] === 'boolean' ? (row[c] ? 1 : 0) : row[c])));
    return true;
  } catch (error) {
    return (error as Error).message;
  }
}

beforeAll(async () => {
  t = makeTestDb();
  const call = async (channel: Channel, payload: unknown) => {
    const r = await dispatch(t.handlers, channel, payload);
    if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
    return r.data as { id: string };
  };
  const journey = (await call('journeys:create', { alias: 'Borger 1' })).id;
  const a = (await call('touchpoints:create', { journeyId: journey, x: 0, y: 0 })).id;
  const b = (await call('touchpoints:create', { journeyId: journey, x: 1, y: 0 })).id;
  const snapshot = (await call('snapshots:create', { journeyId: journey, name: 'Før' })).id;
  Object.assign(ids, { journey, a, b, snapshot });
});
afterAll(() => t.cleanup());

describe('the zod schemas agree with the CHECKs of the database', () => {
  it('finds the CHECKs of the schema (the probe reads what SQLite keeps)', () => {
    const found = checksOf(t.db).map((c) => c.id);
    expect(found).toContain('journeys.alias');
    expect(found).toContain('touchpoints.emotion'); // added by ALTER TABLE
    expect(found).toContain('transitions: CHECK (source_id <> target_id)');
  });

  it('has a guarding schema for every CHECK', () => {
    const known = guards();
    expect(
      checksOf(t.db)
        .filter((c) => !(c.id in known))
        .map((c) => c.id),
    ).toEqual([]);
  });

  it('lets through nothing a CHECK refuses', () => {
    const known = guards();
    const slips: string[] = [];
    for (const check of checksOf(t.db)) {
      const writers = [known[check.id] ?? []].flat(); // a missing one is reported above
      for (const [w, guard] of writers.entries()) {
        for (const value of CORPUS) {
          const parsed = guard.schema.safeParse(guard.input ? guard.input(value) : value);
          if (!parsed.success) continue;
          const row = guard.row(parsed.data);
          if (row === undefined) continue;
          const ok = accepts(t.db, check, row);
          if (ok !== true) {
            slips.push(`${check.id} (writer ${w}): ${JSON.stringify(value)?.slice(0, 40)} → ${ok}`);
          }
        }
      }
    }
    expect(slips).toEqual([]);
  });

  it('answers a validation error, never internal, through the channels that write them', async () => {
    const internal: string[] = [];
    for (const [id, guard] of Object.entries(guards()).flatMap(([id, g]) =>
      [g].flat().map((one) => [id, one] as const),
    )) {
      for (const value of CORPUS) {
        for (const [channel, payload] of guard.calls?.(value) ?? []) {
          const r = await dispatch(t.handlers, channel, payload);
          if (!r.ok && r.error.code === 'internal') {
            internal.push(`${id} via ${channel}: ${JSON.stringify(value)?.slice(0, 40)}`);
          }
        }
      }
    }
    expect(internal).toEqual([]);
  }, 60_000);
});

describe('lengths are counted as SQLite counts them: characters, not UTF-16 units', () => {
  const LIMITED: [string, z.ZodType, number, (v: string) => unknown][] = [
    ['alias', shapeOf('journeys:create').alias!, 80, (v) => v],
    ['snapshot name', shapeOf('snapshots:create').name!, 80, (v) => v],
    ['touchpoint label', patchOf('touchpoints:update').label!, 200, (v) => v],
    ['catalogue label', shapeOf('catalogue:create').label!, 100, (v) => ({ da: v, en: v })],
  ];

  it.each(LIMITED)(
    'a %s of exactly its limit in emoji is kept; one more is refused',
    (_n, schema, max, wrap) => {
      expect([...EMOJI.repeat(max)]).toHaveLength(max);
      expect(schema.safeParse(wrap(EMOJI.repeat(max))).success).toBe(true);
      expect(schema.safeParse(wrap(`${'a'.repeat(max - 1)}${EMOJI}`)).success).toBe(true);
      const over = schema.safeParse(wrap(EMOJI.repeat(max + 1)));
      expect(over.success).toBe(false);
      expect(over.error?.issues.map((i) => i.code)).toContain('too_big');
    },
  );

  it('stores an alias of 80 emoji and reads it back whole; 81 is a validation error', async () => {
    const alias = EMOJI.repeat(80);
    const r = await dispatch(t.handlers, 'journeys:create', { alias });
    expect(r).toMatchObject({ ok: true, data: { alias } });
    const { n } = t.db
      .prepare('SELECT length(alias) AS n FROM journeys WHERE alias = ?')
      .get(alias) as { n: number };
    expect(n).toBe(80);
    const over = await dispatch(t.handlers, 'journeys:create', { alias: EMOJI.repeat(81) });
    expect(over).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('keeps tabs and line breaks in multi-line text only; refuses other control characters', () => {
    const text = patchOf('touchpoints:update').quote!;
    const label = patchOf('touchpoints:update').label!;
    expect(text.parse('Først\n\tså\r\nbagefter')).toBe('Først\n\tså\r\nbagefter');
    expect(label.parse('Først\n\tså')).toBe('Først så');
    for (const bad of ['\0', 'a\u0007', '\u001b[2J', '\u007f', '\u0085', '\ud800']) {
      expect(text.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
      expect(label.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});
