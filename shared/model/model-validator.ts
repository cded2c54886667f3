import type { ErrorObject, ValidateFunction } from 'ajv';
import { z } from 'zod';
import generatedValidate from './model-validate.generated.cjs';
import { pathwayModelSchema, WELL_FORMED_TEXT, type PathwayModel } from './pathway-model';

/**
 * The import's fast path, made from the one zod schema (`pathwayModelSchema`) at first use:
 *
 * - a compiled validator: the schema as JSON Schema, compiled by Ajv into straight-line code that
 *   stops at the first error (zod checks the same rules about 3× slower and collects every error,
 *   which for a hostile file of 10,000 bad touchpoints is 10,000 error objects). The code is
 *   written ahead, into `model-validate.generated.cjs` (validator-source.ts; a test keeps it equal
 *   to what the schema gives now, and `UPDATE_VALIDATOR=1` rewrites it): compiling it at first
 *   use took 50–80 ms in every thread that checks files, before its first file;
 * - a canonical writer: code that copies a valid model with its keys in sorted order, so that the
 *   native `JSON.stringify` writes the canonical JSON the checksum covers (`canonicalJson`), about
 *   4× faster than writing it value by value.
 *
 * Both generate code with `new Function`: main process and CLI only, never the renderer (its
 * Content-Security-Policy forbids it); the window takes the limits from `limits.ts`. A differential
 * test keeps Ajv's verdict equal to zod's, and the writer's text equal to `canonicalJson`.
 */

type JsonSchema = {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  const?: unknown;
  enum?: unknown[];
  format?: string;
  pattern?: string;
  [keyword: string]: unknown;
};

/** The model's schema as JSON Schema; zod throws on anything it cannot represent. */
export function modelJsonSchema(): JsonSchema {
  return z.toJSONSchema(pathwayModelSchema, {
    target: 'draft-7',
    unrepresentable: 'throw',
  }) as JsonSchema;
}

/** Every node of a schema, depth first. */
export function* nodes(schema: JsonSchema): Generator<JsonSchema> {
  yield schema;
  for (const s of Object.values(schema.properties ?? {})) yield* nodes(s);
  if (schema.items) yield* nodes(schema.items);
  for (const s of schema.anyOf ?? []) yield* nodes(s);
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** Every property name the schema allows, at any level. */
export function schemaKeys(schema: JsonSchema = modelJsonSchema()): Set<string> {
  const keys = new Set<string>();
  for (const node of nodes(schema)) for (const k of Object.keys(node.properties ?? {})) keys.add(k);
  return keys;
}

/** The most properties any one object of the schema has. */
export function widestObject(schema: JsonSchema = modelJsonSchema()): number {
  let widest = 0;
  for (const node of nodes(schema)) {
    widest = Math.max(widest, Object.keys(node.properties ?? {}).length);
  }
  return widest;
}

interface Compiled {
  validate: ValidateFunction;
  canonical: CanonicalWriter;
  /** A valid model's keys plus the colons in its strings (see `keysAndColons`). */
  keysAndColons: (model: PathwayModel) => number;
  /** How every model's canonical JSON begins: `{` and its first key, which every model has. */
  start: string;
}
let compiled: Compiled | undefined;

function compile(): Compiled {
  const schema = modelJsonSchema();
  const content: JsonSchema = {
    ...schema,
    properties: Object.fromEntries(
      Object.entries(schema.properties!).filter(([k]) => k !== 'checksum'),
    ),
  };
  const first = sortedKeys(content)[0]!;
  if (!schema.required?.includes(first)) throw new Error(`model schema: ${first} is optional`);
  return {
    validate: generatedValidate as ValidateFunction,
    canonical: compileCanonical(content),
    keysAndColons: compileKeyCount(schema),
    start: `{${JSON.stringify(first)}:`,
  };
}

/**
 * Keywords that hold only for a value of their own type (a pattern for strings, a minimum for
 * numbers, properties for objects, items for arrays): any other value, null among them, passes them.
 */
const TYPE_BOUND = new Set([
  'type',
  'enum',
  'const',
  'pattern',
  'format',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'minItems',
  'maxItems',
]);

/**
 * The schema with every nullable value (zod writes `anyOf: [X, {type: 'null'}]`) written as X that
 * also allows null (`type: [X's type, 'null']`, null added to an enum or const), which accepts
 * exactly the same values. Ajv checks the anyOf form by trying X and, for every null, building the
 * error objects of X's failure before it tries null: most fields of a touchpoint are null, so that
 * was most of the validator's time and garbage. Anything else is left as zod wrote it.
 */
export function nullAsType(schema: JsonSchema): JsonSchema {
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'properties') {
      out.properties = Object.fromEntries(
        Object.entries(value as Record<string, JsonSchema>).map(([k, s]) => [k, nullAsType(s)]),
      );
    } else if (key === 'items' && !Array.isArray(value)) {
      out.items = nullAsType(value as JsonSchema);
    } else if (key === 'anyOf') {
      out.anyOf = (value as JsonSchema[]).map(nullAsType);
    } else out[key] = value;
  }
  const [some, none, ...rest] = out.anyOf ?? [];
  const nullOnly = none !== undefined && Object.keys(none).length === 1 && none.type === 'null';
  if (
    !some ||
    !nullOnly ||
    rest.length > 0 ||
    typeof some.type !== 'string' ||
    some.type === 'null' ||
    (some.enum !== undefined && 'const' in some) ||
    !Object.keys(some).every((k) => TYPE_BOUND.has(k))
  ) {
    return out;
  }
  const { anyOf: _, ...beside } = out;
  // JSON Schema's type may be a list; this file's JsonSchema names only the single-type form.
  const nullable: JsonSchema = { ...beside, ...some, type: [some.type, 'null'] as never };
  if (some.enum) nullable.enum = [...some.enum, null];
  if ('const' in some) {
    delete nullable.const;
    nullable.enum = [some.const, null];
  }
  return nullable;
}

/** The canonical JSON of a valid model's content: whole, or in pieces that join to it. */
interface CanonicalWriter {
  whole: (model: PathwayModel) => string;
  pieces: (model: PathwayModel, chunk: number) => Generator<string, void, undefined>;
}

/**
 * Writes the code of a function that copies a valid model's content with every object's keys in
 * sorted order (arrays in their order, primitives as they are), for `JSON.stringify` to write.
 * That is `canonicalJson`: the same key order, and the same native writing of every string and
 * number; absent optional keys are `undefined` and left out, as there. Integer-like keys would be
 * written first whatever the order, so the schema may not have any.
 *
 * A large model is written in pieces instead (`pieces`): the objects above its arrays key by key,
 * and each array of objects a chunk of items at a time, each chunk copied by the same code and
 * written natively. No copy of the whole model is made, and a reader that hashes or stores each
 * piece as it comes never holds more than a chunk of it.
 */
function compileCanonical(schema: JsonSchema): CanonicalWriter {
  const fns: string[] = [];
  /** The name of the function that copies an array of a schema's objects, by its array node. */
  const arrayNames = new Map<JsonSchema, string>();
  const copy = (s: JsonSchema, v: string): string | null => {
    if (s.anyOf) {
      const inner = copy(nonNull(s), v);
      return inner && `(${v} === null ? null : ${inner})`;
    }
    if (s.type === 'object') {
      for (const k of sortedKeys(s)) {
        if (!IDENTIFIER.test(k) || k === '__proto__' || k in Object.prototype) {
          throw new Error(`model schema: key ${k} cannot be copied by name`);
        }
      }
      const fields = sortedKeys(s).map(
        (k) => `${k}: ${copy(s.properties![k]!, `o.${k}`) ?? `o.${k}`}`,
      );
      const name = `object${fns.length}`;
      fns.push(`function ${name}(o) { return { ${fields.join(', ')} }; }`);
      return `${name}(${v})`;
    }
    if (s.type === 'array') {
      const item = copy(s.items!, 'a[i]');
      if (!item) return null; // an array of primitives is written as it is
      const name = `array${fns.length}`;
      fns.push(
        `function ${name}(a) { const r = new Array(a.length); for (let i = 0; i < a.length; i++) r[i] = ${item}; return r; }`,
      );
      arrayNames.set(s, name);
      return `${name}(${v})`;
    }
    if (['string', 'number', 'integer', 'boolean'].includes(s.type ?? '')) return null;
    throw new Error(`model schema: cannot write ${JSON.stringify(s)}`);
  };
  const top = copy(schema, 'm');
  const names = [...arrayNames.values()];
  const made = new Function(
    `${fns.join('\n')}\nreturn { top: (m) => ${top}, arrays: { ${names.join(', ')} } };`,
  )() as { top: (m: PathwayModel) => unknown; arrays: Record<string, (a: unknown[]) => unknown[]> };
  const copiers = new Map([...arrayNames].map(([node, name]) => [node, made.arrays[name]!]));

  function* pieces(s: JsonSchema, v: unknown, chunk: number): Generator<string, void, undefined> {
    if (v === null || typeof v !== 'object') {
      yield JSON.stringify(v);
      return;
    }
    const node = s.anyOf ? nonNull(s) : s;
    if (Array.isArray(v)) {
      const copyItems = copiers.get(node);
      if (!copyItems || v.length <= chunk) {
        yield JSON.stringify(copyItems ? copyItems(v) : v);
        return;
      }
      for (let i = 0; i < v.length; i += chunk) {
        const part = JSON.stringify(copyItems(v.slice(i, i + chunk)));
        // Each chunk's own brackets dropped: one array, its items joined by commas.
        yield `${i === 0 ? '[' : ','}${part.slice(1, -1)}${i + chunk >= v.length ? ']' : ''}`;
      }
      return;
    }
    let first = true;
    for (const k of sortedKeys(node)) {
      const x = (v as Record<string, unknown>)[k];
      if (x === undefined) continue;
      yield `${first ? '{' : ','}${JSON.stringify(k)}:`;
      first = false;
      yield* pieces(node.properties![k]!, x, chunk);
    }
    yield first ? '{}' : '}';
  }
  return {
    whole: (model) => JSON.stringify(made.top(model)),
    pieces: (model, chunk) => pieces(schema, model, chunk),
  };
}

/**
 * Writes the code of a function that counts a valid model's keys and the colons in its strings:
 * the number of colons its JSON text has when no key is written twice (each key is followed by
 * one, and a text spells a colon in a string as itself or as an escape). Strings the schema
 * limits to values without a colon (an enum, a constant) are not looked at.
 */
function compileKeyCount(schema: JsonSchema): (model: PathwayModel) => number {
  const fns: string[] = [];
  const count = (s: JsonSchema, v: string): string => {
    if (s.anyOf) {
      const inner = count(nonNull(s), v);
      return inner === '0' ? '0' : `(${v} === null ? 0 : ${inner})`;
    }
    const type = Array.isArray(s.type) ? (s.type as string[])[0] : s.type;
    if (type === 'object') {
      const required = new Set(s.required ?? []);
      const terms = sortedKeys(s).map((k) => {
        // A key Object.prototype has would read as present when absent, and count one too many.
        if (!IDENTIFIER.test(k) || k === '__proto__' || k in Object.prototype) {
          throw new Error(`model schema: key ${k} cannot be counted by name`);
        }
        const inner = count(s.properties![k]!, `o.${k}`);
        const own = inner === '0' ? '1' : `1 + ${inner}`;
        return required.has(k) ? own : `(o.${k} === undefined ? 0 : ${own})`;
      });
      const name = `object${fns.length}`;
      fns.push(`function ${name}(o) { return ${terms.join(' + ') || '0'}; }`);
      return s.type === type ? `${name}(${v})` : `(${v} === null ? 0 : ${name}(${v}))`;
    }
    if (type === 'array') {
      const item = count(s.items!, 'a[i]');
      if (item === '0') return '0';
      const name = `array${fns.length}`;
      fns.push(
        `function ${name}(a) { let n = 0; for (let i = 0; i < a.length; i++) n += ${item}; return n; }`,
      );
      return `${name}(${v})`;
    }
    if (type === 'string') {
      const values = s.enum ?? ('const' in s ? [s.const] : undefined);
      if (values?.every((x) => typeof x !== 'string' || !x.includes(':'))) return '0';
      if (!values && typeof s.pattern === 'string' && !mayMatchColon(s.pattern)) return '0';
      return `(typeof ${v} === 'string' ? colons(${v}) : 0)`;
    }
    if (type === 'number' || type === 'integer' || type === 'boolean' || type === 'null') {
      return '0';
    }
    throw new Error(`model schema: cannot count ${JSON.stringify(s)}`);
  };
  const top = count(schema, 'm');
  return new Function('colons', `${fns.join('\n')}\nreturn (m) => ${top};`)(colonsIn) as (
    model: PathwayModel,
  ) => number;
}

/**
 * Whether a string matching a pattern may hold a colon; true whenever the pattern is not read
 * plainly: a colon of its own, any character (`.`), a class that lists what it does not take
 * (`[^…]`, `\D`, `\W`, `\S`), a property or code escape, a range across the colon (`[!-~]`).
 * Read only as far as the model's own patterns need: anything else counts as "may".
 */
export function mayMatchColon(pattern: string): boolean {
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') {
      const e = pattern[++i] ?? '';
      // Digits, word characters and spaces, or a character escaped to stand for itself.
      if (!/^[dws^$\\.*+?()[\]{}|/-]$/.test(e)) return true;
      if (inClass && pattern[i + 1] === '-' && pattern[i + 2] !== ']') return true;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      else if (c === ':') return true;
      else if (pattern[i + 1] === '-' && i + 2 < pattern.length && pattern[i + 2] !== ']') {
        const to = pattern[i + 2]!;
        if (to === '\\' || (c <= ':' && ':' <= to)) return true;
        i += 2;
      }
      continue;
    }
    if (c === '[') {
      if (pattern[i + 1] === '^') return true;
      inClass = true;
    } else if (c === '.') return true;
    else if (c === ':' && !pattern.endsWith('(?', i)) return true;
    else if (c === '(' && pattern[i + 1] === '?' && pattern[i + 2] !== ':') return true;
  }
  return false;
}

/** How many colons a text has (a native search per colon). */
export function colonsIn(text: string): number {
  let n = 0;
  for (let i = text.indexOf(':'); i >= 0; i = text.indexOf(':', i + 1)) n++;
  return n;
}

const sortedKeys = (s: JsonSchema) => Object.keys(s.properties ?? {}).sort();

/** The value of a nullable schema (zod writes `anyOf: [X, {type: 'null'}]`) that is not null. */
function nonNull(s: JsonSchema): JsonSchema {
  const [some, none, ...rest] = s.anyOf!;
  if (rest.length > 0 || none?.type !== 'null' || !some) {
    throw new Error(`model schema: cannot write ${JSON.stringify(s)}`);
  }
  return some;
}

function describe(error: ErrorObject): string {
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
  const extra =
    error.keyword === 'additionalProperties'
      ? `: ${String((error.params as { additionalProperty: string }).additionalProperty)}`
      : '';
  return `${path || '(root)'}: ${message(error)}${extra}`;
}

/** Ajv's words, but a value that may also be null named as "string or null", not "string,null". */
function message(error: ErrorObject): string {
  if (
    error.keyword === 'pattern' &&
    (error.params as { pattern?: unknown }).pattern === WELL_FORMED_TEXT.source
  ) {
    return 'must be well-formed Unicode text (it holds half of a character, a lone surrogate)';
  }
  const type = (error.params as { type?: unknown }).type;
  if (error.keyword === 'type' && typeof type === 'string' && type.includes(',')) {
    return `must be ${type.split(',').join(' or ')}`;
  }
  if (error.keyword === 'type' && Array.isArray(type)) return `must be ${type.join(' or ')}`;
  return error.message ?? error.keyword;
}

export type ModelCheck = { ok: true; model: PathwayModel } | { ok: false; detail: string };

/** Compiles the validator and the writer now (a checking thread does, as it starts). */
export function prepareChecks(): void {
  compiled ??= compile();
}

/** Checks parsed JSON against the model's strict schema; says where the first error is. */
export function checkModel(data: unknown): ModelCheck {
  compiled ??= compile();
  if (compiled.validate(data)) return { ok: true, model: data as PathwayModel };
  return { ok: false, detail: describe(compiled.validate.errors![0]!) };
}

/** The canonical JSON of a valid model's content (everything but its checksum). */
export function canonicalContentJson(model: PathwayModel): string {
  compiled ??= compile();
  return compiled.canonical.whole(model);
}

/** How the canonical JSON of every model's content begins (`{"anonymisationProfile":`). */
export function canonicalStart(): string {
  compiled ??= compile();
  return compiled.start;
}

/**
 * A valid model's keys and the colons in its strings: exactly the colons of its JSON text when no
 * key is written twice and no colon is spelt as an escape (`\u003a`); a key written twice adds
 * its own colon, and those of the value the parser dropped.
 */
export function keysAndColons(model: PathwayModel): number {
  compiled ??= compile();
  return compiled.keysAndColons(model);
}

/** Arrays of objects longer than this are written a chunk of this many items at a time. */
export const CANONICAL_CHUNK = 256;

/**
 * The same text as `canonicalContentJson`, in pieces made one at a time as they are asked for:
 * for a large model, whose reader hashes or stores each piece and lets it go, so the text is never
 * made whole and the model is never copied whole (see `compileCanonical`).
 */
export function canonicalContentPieces(
  model: PathwayModel,
  chunk = CANONICAL_CHUNK,
): Generator<string, void, undefined> {
  compiled ??= compile();
  const size = Number.isFinite(chunk) ? Math.max(1, Math.floor(chunk)) : CANONICAL_CHUNK;
  return compiled.canonical.pieces(model, size);
}
