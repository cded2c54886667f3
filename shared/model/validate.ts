import { sha256Hex, type Sha256Hex } from './checksum';
import { FORBIDDEN_KEYS, forbiddenKeyIn, jsonDepth, jsonShape, stringEnd } from './untrusted-json';
import { MAX_DEPTH, MAX_MODEL_BYTES, type ValidationReason } from './limits';
import { describeJsonSyntaxError, stripBom } from './model-files';
import {
  canonicalContentJson,
  canonicalContentPieces,
  canonicalStart,
  checkModel,
  colonsIn,
  keysAndColons,
  schemaKeys,
  widestObject,
} from './model-validator';
import { MODEL_FORMAT, MODEL_SCHEMA_VERSION, refNumber, type PathwayModel } from './pathway-model';
import { AIMS, CONDITION_GROUPS, PAIN_CATEGORIES } from '../vocabulary';

// Main process and CLI only (the validator is compiled code): the window imports `limits.ts`.
export { IMPORT_REASONS, MAX_DEPTH, MAX_MODEL_BYTES, VALIDATION_REASONS } from './limits';
export type { ImportReason, ValidationReason } from './limits';
export { forbiddenKeyIn, jsonDepth, jsonShape, parseUntrustedJson } from './untrusted-json';

export type ValidationResult =
  | {
      ok: true;
      model: PathwayModel;
      /**
       * The model as checked, to store: its canonical JSON with the checksum it matched (a large
       * model's written only when read).
       */
      readonly json: string;
    }
  | {
      ok: false;
      reason: ValidationReason;
      /** What is wrong and where, in our own words: never any of the file's text. */
      detail?: string;
    };
type Refusal = Extract<ValidationResult, { ok: false }>;

/**
 * The most objects and arrays (containers) a valid model of `chars` characters can hold, so that
 * a file with more is refused before JSON.parse builds them: 20 MB of `[{},{},…]` or `[[[[…` costs
 * the parser 25–50× its size in memory.
 *
 * Derived from the schema's smallest objects. Only pain points can be many in few bytes: each is
 * at least `{"category":"money"}`, 15 characters plus the shortest category (the comma between
 * two is not counted: a margin). A touchpoint is 2 containers in over 150 characters of keys, a
 * transition 1 in over 50. Ideas are denser, 4 in 51 (`{"aims":[],"painCategories":[],
 * "touchpointRefs":[]}`), but there are at most 1,000; with the model, its cohort and its two
 * pathways (10 containers), 4,096 covers them. The text's own characters pay for everything else.
 */
const MIN_PAIN_POINT_CHARS =
  '{"category":""}'.length + Math.min(...PAIN_CATEGORIES.map((c) => c.length));
export function maxContainers(chars: number): number {
  return Math.floor(chars / MIN_PAIN_POINT_CHARS) + 4096;
}

/** Whether the text has more than `limit` '{' and '[', strings included (native search). */
function bracketsOver(text: string, limit: number): boolean {
  let n = 0;
  for (const c of ['{', '[']) {
    for (let i = text.indexOf(c); i >= 0; i = text.indexOf(c, i + 1)) if (++n > limit) return true;
  }
  return false;
}

/**
 * Files at least this long are screened before parsing (below it, parsing costs little whatever
 * the shape): a string-aware pass over the text, about half a parse, paid only by files far
 * larger than a model usually is (~30 kB for 100 events).
 */
export const SCREEN_FROM_CHARS = 1024 * 1024;

/**
 * A model whose file is at least this long has its canonical JSON hashed (and, by the import,
 * stored) in pieces (`canonicalContentPieces`): written whole, the copy it is written from and
 * the text itself cost about five times the file's size beside the parsed model, so refusing a
 * 20 MB file whose checksum is wrong took eight times its size.
 */
export const PIECES_FROM_CHARS = 1024 * 1024;

/**
 * The most strings a valid model holds directly in lists: only ideas have long ones (at most
 * 1,000 ideas, each naming up to 500 touchpoints, every aim and every pain category) and the
 * cohort its condition groups. Anything else in a list is an object.
 */
export const MAX_LISTED_STRINGS =
  1000 * (500 + AIMS.length + PAIN_CATEGORIES.length) + CONDITION_GROUPS.length;

/**
 * Parts of a large file that no model has — keys the schema does not name, numbers in lists,
 * strings in lists beyond MAX_LISTED_STRINGS — above which it is refused before parsing. A few
 * are left to the parser and the schema, so a file of a newer version still hears that.
 */
const FOREIGN_LIMIT = 1000;
const LITERAL_START = /[-0-9tfn]/;
const LITERAL_CHAR = /[0-9.eE+\-a-z]/;

let knownKeys: Set<string> | undefined;
/**
 * The most keys one object of a model has (a touchpoint's). An object with more holds a key twice
 * (or one no model has): a million `"to":…` in one object, each a key the schema names, cost the
 * parser 15× the file's size before it kept the last.
 */
let maxObjectKeys: number | undefined;

/**
 * Reads a large text once, without parsing, for what would make the parser build far more than
 * a model needs: deep nesting, forbidden keys, unbalanced text, a top level that is no object,
 * and many parts no model has (`[1,1,…]`, 20 MB of distinct keys or of short strings in a list
 * cost the parser 10–16× their size). Refuses with the reason the full checks would give.
 */
function screen(text: string): Refusal | null {
  knownKeys ??= schemaKeys();
  maxObjectKeys ??= widestObject();
  /** Keys read so far in each object open on the stack (0 for a list). */
  const keysIn: number[] = [];
  const OBJECT = 1;
  const LIST = 2;
  const stack: number[] = [];
  let expectKey = false;
  let top = 0;
  let listed = 0;
  let foreign = 0;
  let firstForeign = '';
  let forbidden: string | undefined;
  /** Not JSON (a bad escape, brackets that do not pair); the scan goes on for depth. */
  let broken = '';
  /** The top-level format and version, read as the full checks read them first. */
  let pending: 'format' | 'schemaVersion' | null = null;
  const head: { format?: string; schemaVersion?: string } = {};
  const foreignPart = (what: string) => {
    if (++foreign === 1) firstForeign = what;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const inside = stack.length > 0 ? stack[stack.length - 1] : 0;
    if (c === 34) {
      const end = stringEnd(text, i);
      if (end < 0) return { ok: false, reason: 'not_json', detail: 'unterminated string' };
      if (inside === OBJECT && expectKey) {
        let key = text.slice(i + 1, end);
        if (key.includes('\\')) {
          try {
            key = JSON.parse(text.slice(i, end + 1)) as string;
          } catch {
            broken ||= 'bad escape in a key';
          }
        }
        if (FORBIDDEN_KEYS.includes(key)) forbidden ??= key;
        else if (!knownKeys.has(key)) foreignPart('keys the schema does not name');
        else if (++keysIn[keysIn.length - 1]! > maxObjectKeys) {
          foreignPart('more keys in one object than a model has');
        }
        pending = stack.length === 1 && (key === 'format' || key === 'schemaVersion') ? key : null;
        expectKey = false;
      } else {
        const naming = pending as 'format' | 'schemaVersion' | null;
        if (naming && stack.length === 1) head[naming] = text.slice(i + 1, end);
        if (inside === LIST && ++listed > MAX_LISTED_STRINGS) {
          foreignPart(`more than ${MAX_LISTED_STRINGS} strings in lists`);
        }
        pending = null;
      }
      i = end;
    } else if (c === 123 || c === 91) {
      if (stack.length === 0 && top === 0) top = c;
      stack.push(c === 123 ? OBJECT : LIST);
      keysIn.push(0);
      if (stack.length > MAX_DEPTH) return { ok: false, reason: 'too_deep' };
      expectKey = c === 123;
      pending = null;
    } else if (c === 125 || c === 93) {
      if (stack.pop() !== (c === 125 ? OBJECT : LIST)) broken ||= 'unbalanced brackets';
      keysIn.pop();
      expectKey = false;
    } else if (c === 44) {
      expectKey = inside === OBJECT;
      pending = null;
    } else if (inside === LIST && LITERAL_START.test(text[i]!)) {
      // Lists in a model hold objects and strings only: a number, true, false or null is not
      // the model's. The rest of it is not counted again.
      foreignPart('a number, true, false or null in a list');
      while (i + 1 < text.length && LITERAL_CHAR.test(text[i + 1]!)) i++;
    }
  }
  if (broken || stack.length > 0) {
    return { ok: false, reason: 'not_json', detail: broken || 'unbalanced brackets' };
  }
  if (forbidden) return { ok: false, reason: 'forbidden_key', detail: forbidden };
  // A large text whose top is no object is no model, whatever else is wrong with it.
  if (top !== 123) return { ok: false, reason: 'not_a_model' };
  if (foreign <= FOREIGN_LIMIT) return null;
  // As the full checks would say it: the format first, then the version, then the schema.
  if (head.format !== MODEL_FORMAT) return { ok: false, reason: 'not_a_model' };
  const version = head.schemaVersion;
  if (version === undefined) return { ok: false, reason: 'invalid', detail: NO_VERSION };
  if (version.split('.')[0] !== MODEL_SCHEMA_VERSION.split('.')[0]) {
    return { ok: false, reason: 'unsupported_version', detail: VERSION_READ };
  }
  return {
    ok: false,
    reason: 'invalid',
    detail: `${foreign} parts no model has (${firstForeign})`,
  };
}

/**
 * What an unsupported version is told: the version this app reads. The file's own version is not
 * repeated (nothing of a file's text is: its `schemaVersion` could be any text).
 */
const VERSION_READ = `this version reads schema ${MODEL_SCHEMA_VERSION.split('.')[0]}.x`;
const NO_VERSION = 'schemaVersion: missing (every model file names its schema version)';

/**
 * The schema check's words without a key the file added: Ajv names it after its message
 * (`cohort: must NOT have additional properties: name`), and it is the file's text. Every other
 * part of the detail is the schema's: a path of its keys and list positions, and its rule.
 */
function schemaDetail(detail: string): string {
  const extra = 'must NOT have additional properties';
  const at = detail.indexOf(extra);
  return at < 0 ? detail : `${detail.slice(0, at)}has a key the schema does not name`;
}

/**
 * Checks an untrusted model file: size and the number of containers before parsing; then format,
 * version, the strict schema (stopping at the first error) and the checksum. A refused file is
 * then checked for depth and forbidden keys, so its reason is the one those checks give. A
 * byte-order mark before the text is dropped (as every reader of model files does, see
 * model-files.ts). Never throws, and no refusal repeats any of the text.
 */
export function validateModelText(
  withBom: string,
  byteLength = withBom.length,
  hash: Sha256Hex = sha256Hex,
  file?: FileBytes,
): ValidationResult {
  const text = stripBom(withBom);
  // Nothing but white space (the characters trim() removes, which \s matches): found without
  // copying the text, as trim() would for every file.
  if (byteLength === 0 || !/\S/.test(text)) return { ok: false, reason: 'empty' };
  if (byteLength > MAX_MODEL_BYTES) return { ok: false, reason: 'too_large' };
  // JSON exchanged between systems is UTF-8 (RFC 8259); decoded, a file that is not would be
  // checked as a text with U+FFFD where the file has something else.
  if (file && !file.utf8) return { ok: false, reason: 'not_utf8' };
  const limit = maxContainers(text.length);
  // Brackets inside strings count too, so only a count over the limit needs the exact scan.
  if (bracketsOver(text, limit)) {
    const shape = jsonShape(text, MAX_DEPTH);
    if (shape.depth > MAX_DEPTH) return { ok: false, reason: 'too_deep' };
    if (shape.containers > limit) {
      return {
        ok: false,
        reason: 'not_a_model',
        detail: `${shape.containers} objects and arrays; a model of its size holds at most ${limit}`,
      };
    }
  }
  if (text.length >= SCREEN_FROM_CHARS) {
    const refused = screen(text);
    if (refused) return refused;
  }
  return check(text, hash, file);
}

function check(text: string, hash: Sha256Hex, file: FileBytes | undefined): ValidationResult {
  let data: unknown;
  try {
    // V8's parser is iterative: deep text cannot overflow its stack, and the bracket bound above
    // keeps what it builds within a few times the text's size.
    data = JSON.parse(text);
  } catch (error) {
    // The parser's message quotes the text: only its kind of fault and where are told.
    return refine(text, undefined, {
      ok: false,
      reason: 'not_json',
      detail: error instanceof Error ? describeJsonSyntaxError(error.message, text) : undefined,
    });
  }
  if (
    typeof data !== 'object' ||
    data === null ||
    (data as { format?: unknown }).format !== MODEL_FORMAT
  ) {
    return refine(text, data, { ok: false, reason: 'not_a_model' });
  }
  const version = (data as { schemaVersion?: unknown }).schemaVersion;
  // No version at all is a model file that is not whole, not one of another version.
  if (typeof version !== 'string') {
    return refine(text, data, {
      ok: false,
      reason: 'invalid',
      detail: version === undefined ? NO_VERSION : 'schemaVersion: must be string',
    });
  }
  if (version.split('.')[0] !== MODEL_SCHEMA_VERSION.split('.')[0]) {
    return refine(text, data, { ok: false, reason: 'unsupported_version', detail: VERSION_READ });
  }
  const checked = checkModel(data);
  if (!checked.ok) {
    return refine(text, data, {
      ok: false,
      reason: 'invalid',
      detail: schemaDetail(checked.detail),
    });
  }
  // A model the strict schema accepts nests 6 deep and has no key the schema does not name.
  const { model } = checked;
  // A model that says it holds codes only is read as one (no text to review or to keep out of
  // a report): it may hold none. The app's own export says so only when it left every text out.
  if (model.anonymisationProfile === 'codes-only' && holdsText(model)) {
    return {
      ok: false,
      reason: 'invalid',
      detail: 'anonymisationProfile: codes-only, but it holds texts',
    };
  }
  const broken = brokenRef(model);
  if (broken) return { ok: false, reason: 'broken_refs', detail: broken };
  const large = text.length >= PIECES_FROM_CHARS;
  // Where nothing is stored (the command line), a file as the app writes it is hashed as read.
  if (file?.first && fileHashMatches(file, model.checksum)) {
    return keyWrittenTwice(text, model) ?? new Hashed(model, large);
  }
  // Otherwise its content is written out canonically and hashed (the import stores that text),
  // and only if that does not match are its bytes hashed: so both accept the same files. What
  // is stored is what was checked, never the text as it came (how it spells numbers, orders keys
  // and spaces them is dropped by the parse). The checksum (a checked `sha256:` and hex) goes last.
  const byBytes = () => file?.first === false && fileHashMatches(file, model.checksum);
  if (large) {
    const twice = keyWrittenTwice(text, model);
    if (twice) return twice;
    if (`sha256:${hash(canonicalContentPieces(model))}` !== model.checksum && !byBytes()) {
      return { ok: false, reason: 'checksum' };
    }
    // Written whole only if asked for: the import stores the pieces it hashed.
    return {
      ok: true,
      model,
      get json() {
        return withChecksum([...canonicalContentPieces(model)].join(''), model.checksum);
      },
    };
  }
  const content = canonicalContentJson(model);
  const json = withChecksum(content, model.checksum);
  // A file as the app writes it is that text (and a line break): each key once, nothing to count.
  const twice = isStoredText(text, content, model.checksum) ? null : keyWrittenTwice(text, model);
  if (twice) return twice;
  if (`sha256:${hash(content)}` !== model.checksum && !byBytes()) {
    return { ok: false, reason: 'checksum' };
  }
  return { ok: true, model, json };
}

/**
 * Whether a text is the canonical content with its checksum added last (as `withChecksum` joins
 * them) and nothing but white space after it. Compared a part at a time: a slice compares as the
 * characters it is cut from, so neither the joined text nor a copy of the file's is made.
 */
function isStoredText(text: string, content: string, checksum: string): boolean {
  const body = content.length - 1;
  const tail = `,"checksum":"${checksum}"}`;
  const end = body + tail.length;
  return (
    text.length >= end &&
    text.slice(0, body) === content.slice(0, body) &&
    text.slice(body, end) === tail &&
    (text.length === end || !/\S/.test(text.slice(end)))
  );
}

/**
 * A file whose JSON writes a key twice in one object, refused. The parser keeps the last value
 * and drops the first without a word, so the file reads one way here and may read another way in
 * any other program (one that keeps the first, or stops): what was checked would not be what
 * another reader sees. Counted first: when no colon is spelt as an escape, a text holds exactly
 * as many colons as the parsed model has keys and colons in its strings, and each key written
 * again adds at least its own. Only a text whose count is off (or that has escapes) is read key by
 * key, which also says where.
 */
function keyWrittenTwice(text: string, model: PathwayModel): Refusal | null {
  if (!text.includes('\\u') && colonsIn(text) === keysAndColons(model)) return null;
  const where = keyTwice(text);
  return where === undefined ? null : { ok: false, reason: 'duplicate_key', detail: where };
}

/**
 * Where JSON text first writes a key twice in one object, in our own words: the path of the
 * object by the schema's keys and list positions and the key, or `a key` and the path as far as
 * the schema names it (a key the schema does not name is the file's text, never repeated);
 * undefined when every object's keys differ. Keys are compared as the parser reads them, escapes
 * and all (`"quote"` and `"\u0071uote"` are the same key).
 */
export function keyTwice(text: string): string | undefined {
  knownKeys ??= schemaKeys();
  const known = knownKeys;
  /** Each open object's keys so far, or null for a list; and each one's place in the path. */
  const keys: (Set<string> | null)[] = [];
  /** A list position, or a key (named only if the schema has it: a key of digits is text too). */
  const path: (number | string)[] = [];
  const listIndex: number[] = [];
  let expectKey = false;
  let lastKey = '';
  const named = (part: number | string) =>
    typeof part === 'number' || known.has(part) ? String(part) : '…';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      const end = stringEnd(text, i);
      if (end < 0) return undefined;
      const own = keys[keys.length - 1];
      if (own && expectKey) {
        let key = text.slice(i + 1, end);
        if (key.includes('\\')) {
          try {
            key = JSON.parse(text.slice(i, end + 1)) as string;
          } catch {
            return undefined; // not JSON: the parser has said so already
          }
        }
        if (own.has(key)) {
          const at = path.slice(1).map(named);
          const where = at.length > 0 ? `${at.join('.')}.` : '';
          return known.has(key)
            ? `${where}${key}: the key is written twice`
            : `${at.length > 0 ? at.join('.') : '(root)'}: a key is written twice`;
        }
        own.add(key);
        lastKey = key;
        expectKey = false;
      }
      i = end;
    } else if (c === 123 || c === 91) {
      const own = keys[keys.length - 1];
      path.push(own === undefined ? '' : own ? lastKey : listIndex[listIndex.length - 1]!);
      keys.push(c === 123 ? new Set() : null);
      listIndex.push(0);
      expectKey = c === 123;
    } else if (c === 125 || c === 93) {
      keys.pop();
      path.pop();
      listIndex.pop();
      expectKey = false;
    } else if (c === 44) {
      const own = keys[keys.length - 1];
      if (own) expectKey = true;
      else if (own === null) listIndex[listIndex.length - 1]!++;
    }
  }
  return undefined;
}

/**
 * An accepted model whose file's bytes were hashed: what is stored (its canonical JSON with its
 * checksum, as for any other file) is written only if asked for, and the command line never asks.
 * Its `json` is on the prototype: a copy (`structuredClone`, a spread) has none, so the result
 * never leaves its thread as it is (the import's threads send what they make of it).
 * A class, not an object literal with a getter: one such literal per file raised the command
 * line's peak memory over 15,000 files from 355 to 515 MB: every minor collection then kept
 * about 3.6 MB of young objects instead of almost none (why, V8's tracing did not tell).
 */
class Hashed {
  readonly ok = true;
  constructor(
    readonly model: PathwayModel,
    /** A large model's JSON is joined from its pieces (see PIECES_FROM_CHARS). */
    private readonly large: boolean,
  ) {}
  get json(): string {
    const { model } = this;
    const content = this.large
      ? [...canonicalContentPieces(model)].join('')
      : canonicalContentJson(model);
    return withChecksum(content, model.checksum);
  }
}

/** A model's canonical content JSON with its checksum added last, as it is stored. */
function withChecksum(content: string, checksum: string): string {
  return `${content.slice(0, -1)},"checksum":"${checksum}"}`;
}

/**
 * A model file as the app writes it: the canonical JSON of its content (keys sorted, no white
 * space) with its checksum added last, and a line break. Its checksum is then the sha256 of its
 * own bytes up to `,"checksum"` with a `}` after them, so a reader checks it without writing the
 * model out again (`validateModelText` with the file's bytes), and anyone can check it with
 * sha256sum.
 */
export function modelFileText(model: PathwayModel): string {
  return `${withChecksum(canonicalContentJson(model), model.checksum)}\n`;
}

/**
 * A file's bytes as read, and Node's sha256 of bytes given in pieces: a file written as
 * `modelFileText` writes it has its checksum taken over its bytes (`fileHashMatches`).
 */
export interface FileBytes {
  bytes: Uint8Array;
  sha256: (pieces: readonly Uint8Array[]) => string;
  /** Whether the bytes are UTF-8: a file whose bytes are not is refused (`not_utf8`). */
  utf8: boolean;
  /**
   * Its bytes hashed before the model is written out canonically (the command line, which
   * stores nothing), or only when the canonical JSON's hash does not match (the import, which
   * writes it to store it in any case). Either way the same files are accepted.
   */
  first: boolean;
}

const CLOSING_BRACE = new Uint8Array([0x7d]);
let startBytes: Uint8Array | undefined;

/**
 * Whether a file is written as `modelFileText` writes it (a byte-order mark and white space at
 * its end allowed) and its bytes hash to its checksum. Then its content is whole: any change to
 * its bytes would change the hash. Only a file that begins as canonical JSON begins and ends with
 * its checksum is hashed here; any other (the pretty-printed files of earlier versions) has its
 * content written out canonically and hashed as before, and so does one whose bytes do not match.
 * A file the app wrote is its canonical JSON, so both hashes are the same; a tool that wrote the
 * model another way (keys in another order, spaces) and hashed its own text also made a file
 * whose bytes are whole, and it is accepted too, in the app and on the command line alike.
 */
function fileHashMatches({ bytes, sha256 }: FileBytes, checksum: string): boolean {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let end = bytes.length;
  // The line break (and any white space) after the closing brace.
  while (
    end > start &&
    (bytes[end - 1] === 0x0a ||
      bytes[end - 1] === 0x0d ||
      bytes[end - 1] === 0x20 ||
      bytes[end - 1] === 0x09)
  )
    end--;
  const tail = `,"checksum":"${checksum}"}`;
  const from = end - tail.length;
  startBytes ??= new TextEncoder().encode(canonicalStart());
  if (from < start + startBytes.length) return false;
  for (let i = 0; i < tail.length; i++) if (bytes[from + i] !== tail.charCodeAt(i)) return false;
  for (let i = 0; i < startBytes.length; i++) if (bytes[start + i] !== startBytes[i]) return false;
  return `sha256:${sha256([bytes.subarray(start, from), CLOSING_BRACE])}` === checksum;
}

/**
 * Touchpoints by ref, for `brokenRef`: refs as the app writes them (t1, t2 …, numbered across both
 * maps) by their number in `ownerOf`, reset after each model; any other ref in a map.
 */
let ownerOf = new Uint8Array(1024);
const DENSE_REFS = 1 << 16;

/**
 * Where a model's references do not fit together, in our own words (no ref is repeated): a ref
 * given to two touchpoints (the app numbers them once across both maps), a transition whose end
 * names no touchpoint of its own map, or an idea naming no touchpoint of the model. The schema
 * cannot say this; a view would count such a file's handovers against whichever touchpoint came
 * last, or drop them without a word, so the file is refused with its own reason.
 */
export function brokenRef(model: PathwayModel): string | undefined {
  const MAPS = ['asIs', 'toBe'] as const;
  let sparse: Map<string, number> | undefined;
  const dense: number[] = [];
  const owner = (ref: string): number => {
    const n = refNumber(ref);
    return n >= 0 && n < DENSE_REFS ? (ownerOf[n] ?? 0) : (sparse?.get(ref) ?? 0);
  };
  try {
    for (let m = 0; m < 2; m++) {
      const tps = model[MAPS[m]!].touchpoints;
      for (let i = 0; i < tps.length; i++) {
        const ref = tps[i]!.ref;
        if (owner(ref) !== 0) return `${MAPS[m]}.touchpoints[${i}].ref: given to two touchpoints`;
        const n = refNumber(ref);
        if (n >= 0 && n < DENSE_REFS) {
          if (n >= ownerOf.length) {
            const grown = new Uint8Array(Math.min(DENSE_REFS, Math.max(n + 1, ownerOf.length * 2)));
            grown.set(ownerOf);
            ownerOf = grown;
          }
          ownerOf[n] = m + 1;
          dense.push(n);
        } else (sparse ??= new Map()).set(ref, m + 1);
      }
    }
    for (let m = 0; m < 2; m++) {
      const trs = model[MAPS[m]!].transitions;
      for (let i = 0; i < trs.length; i++) {
        for (const end of ['from', 'to'] as const) {
          if (owner(trs[i]![end]) !== m + 1) {
            return `${MAPS[m]}.transitions[${i}].${end}: names no touchpoint of ${MAPS[m]}`;
          }
        }
      }
    }
    for (let i = 0; i < model.ideas.length; i++) {
      const refs = model.ideas[i]!.touchpointRefs;
      for (let r = 0; r < refs.length; r++) {
        if (owner(refs[r]!) === 0) return `ideas[${i}].touchpointRefs[${r}]: names no touchpoint`;
      }
    }
    return undefined;
  } finally {
    for (const n of dense) ownerOf[n] = 0;
  }
}

/** Whether any quote, pain point or idea of the model has its text. */
function holdsText(model: PathwayModel): boolean {
  for (const map of [model.asIs, model.toBe]) {
    for (const t of map.touchpoints) {
      if (t.quote !== undefined) return true;
      for (const pp of t.painPoints) if (pp.text !== undefined) return true;
    }
  }
  return model.ideas.some((idea) => idea.text !== undefined);
}

/**
 * The reason for a refused file, as the checks always gave it: too deep first, then a forbidden
 * key, then what the parse or the schema said. Neither can hold for a model the strict schema
 * accepts, so only refused files pay for them.
 */
function refine(text: string, data: unknown, refusal: Refusal): Refusal {
  if (jsonDepth(text, MAX_DEPTH) > MAX_DEPTH) return { ok: false, reason: 'too_deep' };
  // The parser makes every key an own property, `__proto__` too (it sets no prototype), and a key
  // can only be forbidden if its name, or an escape that could spell it, is in the text at all.
  const key = data !== undefined ? forbiddenKeyIn(text, data) : undefined;
  return key ? { ok: false, reason: 'forbidden_key', detail: key } : refusal;
}
