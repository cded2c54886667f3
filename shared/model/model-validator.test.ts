import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AIMS,
  CONDITION_GROUPS,
  CONTACT_TYPES,
  EMPLOYMENT,
  HANDOVER_QUALITIES,
  HOUSEHOLDS,
  INITIATORS,
  MUNICIPALITIES,
  PAIN_CATEGORIES,
  SECTORS,
  SEXES,
  TRANSITION_KINDS,
} from '../vocabulary';
import { canonicalJson, checksumOf } from './checksum';
import {
  canonicalContentJson,
  canonicalContentPieces,
  checkModel,
  modelJsonSchema,
  nullAsType,
  schemaKeys,
} from './model-validator';
import {
  AGE_BANDS,
  ANONYMISATION_PROFILES,
  MODEL_FORMAT,
  MODEL_SCHEMA_VERSION,
  pathwayModelSchema,
  type PathwayModel,
} from './pathway-model';
import { jsonShape, maxContainers, validateModelText } from './validate';

const orNull = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
const optional = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const ref = fc.tuple(fc.constantFrom('t', 'p', 'i'), fc.integer({ min: 1, max: 999_999 }));
const refText = ref.map(([p, n]) => `${p}${n}`);
/**
 * Free text as people write it: quotes, backslashes, control characters, emoji. Never half of a
 * character (a lone surrogate): no model holds one (tests/unit/well-formed-text.test.ts).
 */
const text = fc
  .oneof(
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
    fc.constantFrom(
      '"quoted" \\ back',
      'æøå ÆØÅ',
      '\u2028\u2029\u0000\u001f',
      '😀👍🏽',
      '\ud83d\ude00x',
    ),
  )
  .filter((s) => s.length <= 2000 && s.isWellFormed());
/** Numbers as JSON can carry them, -0 and long fractions included. */
const days = fc.oneof(fc.integer({ min: -36_500, max: 36_500 }), fc.constant(-0));
const positive = (max: number) =>
  fc.oneof(
    fc.double({ min: 0, max, noNaN: true }),
    fc.constantFrom(-0, 0.1 + 0.2, 1e-7, 5e-324, max),
  );
const without = <T extends object>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

const touchpoint = fc
  .record({
    ref: refText,
    sector: fc.constantFrom(...SECTORS),
    serviceCode: orNull(fc.stringMatching(/^[a-z0-9]{1,8}(?:-[a-z0-9]{1,8}){0,3}$/)),
    contactType: orNull(fc.constantFrom(...CONTACT_TYPES)),
    day: orNull(days),
    datePrecision: fc.constantFrom('day' as const, 'month' as const, 'unknown' as const),
    durationDays: orNull(positive(36_500)),
    repetitions: orNull(fc.integer({ min: 1, max: 10_000 })),
    initiatedBy: orNull(fc.constantFrom(...INITIATORS)),
    emotion: orNull(fc.integer({ min: -2, max: 2 })),
    painPoints: fc.array(
      fc
        .record({ category: fc.constantFrom(...PAIN_CATEGORIES), text: optional(text) })
        .map(without),
      { maxLength: 3 },
    ),
    whatWorked: fc.boolean(),
    quote: optional(text),
  })
  .map(without);
const transition = fc.record({
  from: refText,
  to: refText,
  kind: fc.constantFrom(...TRANSITION_KINDS),
  quality: orNull(fc.constantFrom(...HANDOVER_QUALITIES)),
  waitingDays: orNull(positive(36_500)),
});
const pathway = fc.record({
  touchpoints: fc.array(touchpoint, { maxLength: 6 }),
  transitions: fc.array(transition, { maxLength: 6 }),
});
const idea = fc
  .record({
    aims: fc.subarray([...AIMS]),
    painCategories: fc.subarray([...PAIN_CATEGORIES]),
    touchpointRefs: fc.array(refText, { maxLength: 4 }),
    text: optional(text),
  })
  .map(without);
type Content = Omit<PathwayModel, 'checksum'>;
/**
 * The drawn refs made to fit together, as a valid file's must (validate.ts, `brokenRef`): each
 * touchpoint's ref once in the model (a repeat gets a ref of its own), a transition's ends among its
 * own map's touchpoints and an idea's among the model's, each picked by the number it was drawn with.
 */
function consistentRefs<C extends Content>(c: C): C {
  const taken = new Set<string>();
  let spare = 999_999;
  const own = (ref: string) => {
    while (taken.has(ref)) ref = `t${spare--}`;
    taken.add(ref);
    return ref;
  };
  const pick = (refs: string[], drawn: string) => refs[Number(drawn.slice(1)) % refs.length]!;
  const fit = (p: Content['asIs']) => {
    const touchpoints = p.touchpoints.map((t) => ({ ...t, ref: own(t.ref) }));
    const refs = touchpoints.map((t) => t.ref);
    const transitions = refs.length
      ? p.transitions.map((tr) => ({ ...tr, from: pick(refs, tr.from), to: pick(refs, tr.to) }))
      : [];
    return { touchpoints, transitions };
  };
  const asIs = fit(c.asIs);
  const toBe = fit(c.toBe);
  const all = [...taken];
  const ideas = c.ideas.map((idea) => ({
    ...idea,
    touchpointRefs: all.length ? idea.touchpointRefs.map((r) => pick(all, r)) : [],
  }));
  return { ...c, asIs, toBe, ideas };
}
const content = fc
  .record({
    format: fc.constant(MODEL_FORMAT),
    schemaVersion: fc.constant(MODEL_SCHEMA_VERSION),
    vocabularyVersion: fc.constant(1 as const),
    exportId: fc.uuid({ version: [4, 7] }),
    exportMonth: fc
      .tuple(fc.integer({ min: 1900, max: 2999 }), fc.integer({ min: 1, max: 12 }))
      .map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
    anonymisationProfile: fc.constantFrom(...ANONYMISATION_PROFILES),
    cohort: fc.record({
      ageBand: orNull(fc.constantFrom(...AGE_BANDS)),
      sex: orNull(fc.constantFrom(...SEXES)),
      municipality: orNull(fc.constantFrom(...MUNICIPALITIES)),
      household: orNull(fc.constantFrom(...HOUSEHOLDS)),
      employment: orNull(fc.constantFrom(...EMPLOYMENT)),
      conditionGroups: fc.subarray([...CONDITION_GROUPS]),
    }),
    asIs: pathway,
    toBe: pathway,
    ideas: fc.array(idea, { maxLength: 3 }),
  })
  .map(consistentRefs)
  // A model with any text says so, as the export writes it (a codes-only one with texts is
  // refused: tests/unit/codes-only.test.ts).
  .map((c) =>
    /"(?:quote|text)":/.test(JSON.stringify(c))
      ? { ...c, anonymisationProfile: 'codes-and-reviewed-texts' as const }
      : c,
  );
/** Models the schema accepts, with a checksum over their content. */
const model = content.map((c) => ({ ...c, checksum: checksumOf(c) }) as PathwayModel);

const zodAccepts = (data: unknown) => pathwayModelSchema.safeParse(data).success;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
/** Every place in a value, as a path, with the value there. */
function places(value: Json, path: (string | number)[] = []): [(string | number)[], Json][] {
  const here: [(string | number)[], Json][] = [[path, value]];
  if (value === null || typeof value !== 'object') return here;
  const entries: [string | number, Json][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : Object.entries(value);
  return here.concat(...entries.map(([k, v]) => places(v, [...path, k])));
}
/** A deep copy with the value at `path` changed (or removed, for `undefined`). */
function withAt(root: Json, path: (string | number)[], change: (v: Json) => Json | undefined) {
  const copy = structuredClone(root);
  if (path.length === 0) return change(copy);
  const parent = path.slice(0, -1).reduce((o: Json, k) => (o as Record<string, Json>)[k]!, copy);
  const key = path.at(-1)!;
  const next = change((parent as Record<string, Json>)[key]!);
  if (next === undefined) delete (parent as Record<string, Json>)[key];
  else (parent as Record<string, Json>)[key] = next;
  return copy;
}

/** Wrong values of every kind for a place holding `v`. */
function mutationsOf(v: Json): (Json | undefined)[] {
  const out: (Json | undefined)[] = [undefined, null, true, 0, -1, 1.5, 36_501, -36_501, ''];
  out.push('x', 'T1', 'nope', 't0', [], {}, [v], { v });
  if (typeof v === 'string') out.push(`${v} `, v.toUpperCase(), `${v}x`, v.slice(1));
  if (typeof v === 'number') out.push(v + 0.5, v + 1, v - 1, String(v));
  if (Array.isArray(v)) out.push([...v, ...v, ...v, ...v, ...v, ...v, ...v, ...v, ...v, ...v]);
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    out.push({ ...v, extra: 1 }, { ...v, name: 'Karen' });
  }
  return out;
}

describe('the compiled validator', () => {
  it('accepts what zod accepts: generated models', () => {
    fc.assert(
      fc.property(model, (m) => checkModel(m).ok && zodAccepts(m)),
      { numRuns: 300 },
    );
  });

  it('agrees with zod on every mutation of every place in a model', () => {
    // A model with every optional field and no empty array, so that each place is there to break.
    const [base] = fc.sample(content, { numRuns: 1, seed: 7 });
    const tp = {
      ref: 't1',
      sector: 'hospital',
      serviceCode: 'x-ray-2',
      contactType: 'phone',
      day: -3,
      datePrecision: 'day',
      durationDays: 1.5,
      repetitions: 2,
      initiatedBy: 'citizen',
      emotion: -2,
      painPoints: [{ category: 'waiting', text: 'Ventede "længe"' }],
      whatWorked: true,
      quote: 'Det gik 😀',
    };
    const path = {
      touchpoints: [tp, { ...tp, ref: 't2' }],
      transitions: [{ from: 't1', to: 't2', kind: 'referral', quality: 'good', waitingDays: 4 }],
    };
    const full = {
      ...base!,
      cohort: { ...base!.cohort, ageBand: '60-69', conditionGroups: ['cancer'] },
      asIs: path,
      toBe: path,
      ideas: [{ aims: ['health'], painCategories: ['money'], touchpointRefs: ['t1'], text: 'Ét' }],
      checksum: `sha256:${'0'.repeat(64)}`,
    } as Json & Record<string, Json>;
    expect(zodAccepts(full)).toBe(true);
    let disagreements = 0;
    let rejected = 0;
    let tried = 0;
    for (const [path, v] of places(full)) {
      for (const change of mutationsOf(v)) {
        const mutant = withAt(full, path, () => change);
        const zod = zodAccepts(mutant);
        const ajv = checkModel(mutant);
        tried++;
        if (!zod) rejected++;
        if (ajv.ok !== zod) {
          disagreements++;
          console.error('disagree at', path.join('.'), JSON.stringify(change), { zod });
        }
      }
    }
    expect(disagreements).toBe(0);
    expect(tried).toBeGreaterThan(1000);
    expect(rejected).toBeGreaterThan(tried / 2);
  });

  it('agrees with zod where JSON Schema and zod count differently', () => {
    const [m] = fc.sample(model, { numRuns: 1, seed: 3 });
    const tp = {
      ref: 't1',
      sector: 'citizen',
      serviceCode: null,
      contactType: null,
      day: null,
      datePrecision: 'unknown',
      durationDays: null,
      repetitions: null,
      initiatedBy: null,
      emotion: null,
      painPoints: [],
      whatWorked: false,
    };
    const cases: [string, unknown][] = [
      // Lengths are counted in code points (an emoji is 2 UTF-16 units), lone halves as one.
      ['quote of 2,001 emoji', { ...tp, quote: '😀'.repeat(2001) }],
      ['quote of 2,000 emoji', { ...tp, quote: '😀'.repeat(2000) }],
      ['quote of 2,000 lone halves', { ...tp, quote: '\ud800'.repeat(2000) }],
      ['quote of 2,001 lone halves', { ...tp, quote: '\udc00'.repeat(2001) }],
      ['quote of 1 emoji', { ...tp, quote: '😀' }],
      ['quote of 2,000 letters', { ...tp, quote: 'a'.repeat(2000) }],
      ['quote of 2,001 letters', { ...tp, quote: 'a'.repeat(2001) }],
      ['empty quote', { ...tp, quote: '' }],
      ['101 pain points', { ...tp, painPoints: Array(101).fill({ category: 'money' }) }],
      ['100 pain points', { ...tp, painPoints: Array(100).fill({ category: 'money' }) }],
      ['a serviceCode of 61', { ...tp, serviceCode: 'a'.repeat(61) }],
      ['a ref over 6 digits', { ...tp, ref: 't1234567' }],
      ['an unsafe integer', { ...tp, repetitions: 2 ** 53 }],
      ['a key named __proto__', JSON.parse(`{"__proto__":1,${JSON.stringify(tp).slice(1)}`)],
    ];
    for (const [what, touchpoint] of cases) {
      const mutant = { ...m!, asIs: { ...m!.asIs, touchpoints: [touchpoint] } };
      expect([what, checkModel(mutant).ok]).toEqual([what, zodAccepts(mutant)]);
    }
    for (const id of [
      'e4b8c3a0-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
      'e4b8c3a0-1c2d-9e5f-8a9b-0c1d2e3f4a5b', // version 9
      'e4b8c3a0-1c2d-4e5f-7a9b-0c1d2e3f4a5b', // variant 7
      'E4B8C3A0-1C2D-4E5F-8A9B-0C1D2E3F4A5B',
      'e4b8c3a01c2d4e5f8a9b0c1d2e3f4a5b',
      '00000000-0000-0000-0000-000000000000',
    ]) {
      const mutant = { ...m!, exportId: id };
      expect([id, checkModel(mutant).ok]).toEqual([id, zodAccepts(mutant)]);
    }
  });

  it('checks every nullable value as its type or null, never by trying one and then the other', () => {
    // The anyOf form builds error objects for every null in a model; none may be left.
    expect(JSON.stringify(nullAsType(modelJsonSchema()))).not.toContain('anyOf');
    expect(nullAsType({ anyOf: [{ type: 'string', enum: ['a', 'b'] }, { type: 'null' }] })).toEqual(
      { type: ['string', 'null'], enum: ['a', 'b', null] },
    );
    expect(nullAsType({ anyOf: [{ type: 'number', const: 1 }, { type: 'null' }] })).toEqual({
      type: ['number', 'null'],
      enum: [1, null],
    });
    // A keyword that would hold for null too, or a choice that is not "or null", stays as it is.
    const not = { anyOf: [{ type: 'string', not: { const: 'x' } }, { type: 'null' }] };
    expect(nullAsType(not)).toEqual(not);
    const two = { anyOf: [{ type: 'string' }, { type: 'number' }] };
    expect(nullAsType(two)).toEqual(two);
  });

  it('says where the first error is, as path: message', () => {
    const [m] = fc.sample(model, { numRuns: 1, seed: 5 });
    const r = checkModel({ ...m!, cohort: { ...m!.cohort, ageBand: 42 } });
    // A value that may be null says so in words: "string or null", not Ajv's "string,null".
    expect(r).toEqual({ ok: false, detail: 'cohort.ageBand: must be string or null' });
    const touchpoint = m!.asIs.touchpoints[0]!;
    expect(touchpoint).toBeDefined();
    const wrong = { ...m!, asIs: { ...m!.asIs, touchpoints: [{ ...touchpoint, day: 'x' }] } };
    expect(checkModel(wrong)).toEqual({
      ok: false,
      detail: expect.stringMatching(
        /^asIs\.touchpoints\.0\.day: must be (integer|number) or null$/,
      ),
    });
    const extra = checkModel({ ...m!, cohort: { ...m!.cohort, name: 'Karen' } });
    expect(extra).toEqual({ ok: false, detail: expect.stringMatching(/^cohort: .*name$/) });
  });
});

describe('the canonical writer', () => {
  it('writes canonicalJson of the content, whatever the texts and numbers', () => {
    fc.assert(
      fc.property(model, (m) => {
        const { checksum: _, ...c } = m;
        return canonicalContentJson(m) === canonicalJson(c);
      }),
      { numRuns: 500 },
    );
  });

  it('writes the same text in pieces, whatever the chunk, none holding more than a chunk of items', () => {
    fc.assert(
      fc.property(model, fc.integer({ min: 1, max: 5 }), (m, chunk) => {
        const { checksum: _, ...c } = m;
        const pieces = [...canonicalContentPieces(m, chunk)];
        expect(pieces.join('')).toBe(canonicalJson(c));
        // The items of the arrays a model can be large in: a piece is at most `chunk` of them
        // (with their commas and a bracket), or one small value above them.
        const items = [m.asIs, m.toBe].flatMap((p) => [...p.touchpoints, ...p.transitions]);
        const largest = Math.max(
          100,
          ...[...items, ...m.ideas].map((x) => canonicalJson(x).length),
        );
        for (const piece of pieces)
          expect(piece.length).toBeLessThanOrEqual(chunk * (largest + 1) + 2);
        return true;
      }),
      { numRuns: 300 },
    );
  });

  it('writes every piece whatever chunk size it is asked for, a nonsense one as the default', () => {
    const [m] = fc.sample(model, { numRuns: 1, seed: 5 });
    const whole = canonicalContentJson(m!);
    for (const chunk of [Number.NaN, Infinity, -5, 0, 0.5]) {
      expect([...canonicalContentPieces(m!, chunk)].join('')).toBe(whole);
    }
  });

  it('leaves out the checksum and nothing else the schema names', () => {
    const [m] = fc.sample(model, { numRuns: 1, seed: 9 });
    const { checksum: _, ...c } = JSON.parse(JSON.stringify(m)) as PathwayModel;
    expect(JSON.parse(canonicalContentJson(m!))).toEqual(c);
    expect(schemaKeys().has('checksum')).toBe(true);
  });
});

describe('validating a model file', () => {
  it('accepts a valid model and gives the text to store: what was checked', () => {
    fc.assert(
      fc.property(model, (m) => {
        const text = JSON.stringify(m, null, 2);
        const r = validateModelText(text);
        if (!r.ok) return false;
        // (As JSON: -0 is written 0.)
        expect(JSON.parse(r.json)).toEqual(JSON.parse(JSON.stringify(m)));
        expect(validateModelText(r.json).ok).toBe(true);
        return true;
      }),
      { numRuns: 200 },
    );
  });

  it('calls a model without a schema version incomplete, not of another version', () => {
    const [m] = fc.sample(model, { numRuns: 1, seed: 13 });
    const { schemaVersion: _, ...rest } = m!;
    expect(validateModelText(JSON.stringify(rest))).toEqual({
      ok: false,
      reason: 'invalid',
      detail: 'schemaVersion: missing (every model file names its schema version)',
    });
    expect(validateModelText(JSON.stringify({ ...m, schemaVersion: 2 }))).toMatchObject({
      reason: 'invalid',
    });
    expect(validateModelText(JSON.stringify({ ...m, schemaVersion: '2.0.0' }))).toMatchObject({
      reason: 'unsupported_version',
    });
  });

  it('refuses an export id in upper case, even sealed with a checksum that matches', () => {
    // One export in two casings would be two journeys: one citizen counted twice towards k.
    const [m] = fc.sample(model, { numRuns: 1, seed: 12 });
    const { checksum: _, ...content } = m!;
    const upper = { ...content, exportId: content.exportId.toUpperCase() };
    const text = JSON.stringify({ ...upper, checksum: checksumOf(upper) });
    expect(validateModelText(text)).toMatchObject({ ok: false, reason: 'invalid' });
    expect((validateModelText(text) as { detail: string }).detail).toMatch(/^exportId: /);
    expect(validateModelText(JSON.stringify(m)).ok).toBe(true);
  });

  it('refuses a forbidden key at any depth, even spelt with escapes', () => {
    const [m] = fc.sample(model, { numRuns: 1, seed: 11 });
    const text = JSON.stringify(m);
    for (const [at, key] of [
      ['{"cohort":{', '"__proto__"'],
      ['"asIs":{', '"constructor"'],
      ['"toBe":{', '"prototype"'],
      ['{"format"', '"\\u005f_proto__"'],
    ] as const) {
      const i = text.indexOf(at.replace(/^\{"cohort/, '"cohort'));
      expect(i).toBeGreaterThanOrEqual(0);
      const end = text.indexOf('{', i) + 1;
      const spoilt = `${text.slice(0, end)}${key}:{"polluted":true},${text.slice(end)}`;
      expect(validateModelText(spoilt)).toMatchObject({ ok: false, reason: 'forbidden_key' });
    }
  });

  it('counts containers no more than a valid model can hold, and the densest valid model fits', () => {
    // 100 pain points of the shortest category on every touchpoint, 1,000 ideas of empty arrays.
    const [m] = fc.sample(content, { numRuns: 1, seed: 13 });
    const tp = (i: number) => ({
      ref: `t${i + 1}`,
      sector: 'citizen' as const,
      serviceCode: null,
      contactType: null,
      day: null,
      datePrecision: 'unknown' as const,
      durationDays: null,
      repetitions: null,
      initiatedBy: null,
      emotion: null,
      painPoints: Array.from({ length: 100 }, () => ({ category: 'money' as const })),
      whatWorked: false,
    });
    const dense = {
      ...m!,
      asIs: { touchpoints: Array.from({ length: 1000 }, (_, i) => tp(i)), transitions: [] },
      toBe: { touchpoints: Array.from({ length: 1000 }, (_, i) => tp(1000 + i)), transitions: [] },
      ideas: Array.from({ length: 1000 }, () => ({
        aims: [],
        painCategories: [],
        touchpointRefs: [],
      })),
    };
    const text = JSON.stringify({ ...dense, checksum: checksumOf(dense) });
    const { containers } = jsonShape(text);
    expect(containers).toBeGreaterThan(0.85 * maxContainers(text.length));
    expect(validateModelText(text).ok).toBe(true);

    const objects = (n: number) => `[${Array(n).fill('{}').join(',')}]`;
    const tooMany = objects(maxContainers(objects(1000).length * 1000));
    expect(validateModelText(tooMany)).toMatchObject({ ok: false, reason: 'not_a_model' });
    expect(validateModelText('[[[['.repeat(5000) + ']]]]'.repeat(5000))).toMatchObject({
      ok: false,
      reason: 'too_deep',
    });
    // Brackets inside the texts do not count: a model quoting them is still a model.
    const [q] = fc.sample(content, { numRuns: 1, seed: 17 });
    const brackets = {
      ...q!,
      ideas: Array.from({ length: 100 }, () => ({
        aims: [],
        painCategories: [],
        touchpointRefs: [],
        text: '[{'.repeat(1000),
      })),
    };
    expect(
      validateModelText(JSON.stringify({ ...brackets, checksum: checksumOf(brackets) })).ok,
    ).toBe(true);
  });
});
