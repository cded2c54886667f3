import { z } from 'zod';
import { CSV_HEADER } from './event-log';
import { MAX_MAP_TOUCHPOINTS, modelTouchpointSchema } from './pathway-model';
import { forbiddenKeyIn, jsonShape, keyTwice } from './validate';

/**
 * Checks of the event logs `pathway export` writes beside the model (see `event-log.ts`): OCEL 2.0
 * JSON by the standard's own structure, so a log another tool wrote is judged fairly too, and the
 * CSV event log by our own columns. (XES needs an XML parser, which shared/ does not import: its
 * check is the command line's, electron/cli/xes-check.ts.) Each check takes text whose size the caller has
 * already bounded (the CSV one takes it in chunks, so a log of any length is read piece by
 * piece), never throws, and says in one line why a file is not what it claims to be.
 */
export type LogCheck = { ok: true; summary: string } | { ok: false; reason: string };

export const OCEL_LABEL = 'OCEL 2.0 JSON';
export const CSV_LABEL = 'CSV event log';

/** `1 event`, `3 events`. */
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
/** A value as JSON shows it, cut short: `"2022-02-30"`. */
export const quoted = (s: string, max = 60) =>
  JSON.stringify(s.length > max ? `${s.slice(0, max)}…` : s);

const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|z|[+-](\d{2}):?(\d{2}))?$/;

/**
 * An ISO 8601 date and time (`2000-01-01T00:00:00.000Z`; seconds, fraction and zone optional, as
 * RFC 3339 and xs:dateTime write it) naming a real moment: `Date.parse` alone takes 30 February.
 */
export function isIsoDateTime(value: string): boolean {
  const m = ISO_DATE_TIME.exec(value);
  if (!m) return false;
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const second = m[6] === undefined ? 0 : Number(m[6]);
  if (month < 1 || month > 12 || day < 1) return false;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return false;
  if (hour > 23 || minute > 59 || second > 60) return false;
  if (m[8] !== undefined && (Number(m[8]) > 23 || Number(m[9]) > 59)) return false;
  return true;
}

/** Collects the problems of one file: the first is told, the rest counted. */
export class Problems {
  first: string | null = null;
  count = 0;
  add(message: string): void {
    if (this.count++ === 0) this.first = message;
  }
  result(summary: () => string): LogCheck {
    if (this.first === null) return { ok: true, summary: summary() };
    const more = this.count > 1 ? ` (and ${plural(this.count - 1, 'more problem')})` : '';
    return { ok: false, reason: `${this.first}${more}` };
  }
}

/** `events[3].relationships[0].objectId`, from a zod issue's path. */
function pathOf(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    out += typeof part === 'number' ? `[${part}]` : `${out ? '.' : ''}${String(part)}`;
  }
  return out || 'the top level';
}

/** The value at a zod issue's path in parsed JSON; undefined where there is none. */
function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v = data;
  for (const part of path) {
    if (typeof v !== 'object' || v === null || !Object.hasOwn(v, part)) return undefined;
    v = (v as Record<PropertyKey, unknown>)[part];
  }
  return v;
}

// ---------------------------------------------------------------------------------------------
// OCEL 2.0 JSON (https://www.ocel-standard.org/, the JSON format of the 2.0 specification)

export const OCEL_ATTRIBUTE_TYPES = ['string', 'time', 'integer', 'float', 'boolean'] as const;
type OcelAttributeType = (typeof OCEL_ATTRIBUTE_TYPES)[number];

/** The top-level keys of OCEL 2.0 JSON, all four required by the standard's schema. */
export const OCEL_KEYS = ['objectTypes', 'eventTypes', 'objects', 'events'] as const;

// Loose objects: the standard's schema allows more properties than it names.
const ocelTypeSchema = z.looseObject({
  name: z.string().min(1),
  attributes: z.array(z.looseObject({ name: z.string().min(1), type: z.string() })),
});
const ocelValue = z.union([z.string(), z.number(), z.boolean()]);
const ocelRelationships = z
  .array(z.looseObject({ objectId: z.string(), qualifier: z.string() }))
  .optional();
/** Each list's items by the standard's schema, checked one by one (see `ocelShapeProblem`). */
const ocelItemSchemas = {
  objectTypes: ocelTypeSchema,
  eventTypes: ocelTypeSchema,
  objects: z.looseObject({
    id: z.string().min(1),
    type: z.string(),
    attributes: z
      .array(z.looseObject({ name: z.string(), time: z.string(), value: ocelValue }))
      .optional(),
    relationships: ocelRelationships,
  }),
  events: z.looseObject({
    id: z.string().min(1),
    type: z.string(),
    time: z.string(),
    attributes: z.array(z.looseObject({ name: z.string(), value: ocelValue })).optional(),
    relationships: ocelRelationships,
  }),
};
type OcelLog = { [K in keyof typeof ocelItemSchemas]: z.infer<(typeof ocelItemSchemas)[K]>[] };

/**
 * Where parsed JSON first departs from OCEL 2.0's structure, or null. Item by item, stopping at
 * the first: zod gathers every issue of a value, and 10 million wrong items would be 10 million
 * issues held at once.
 */
function ocelShapeProblem(data: unknown): string | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return 'the top level is not an object';
  }
  const log = data as Record<string, unknown>;
  for (const key of OCEL_KEYS) {
    if (!Object.hasOwn(log, key)) return `${key} is missing`;
    if (!Array.isArray(log[key])) return `${key}: not a list`;
  }
  for (const key of OCEL_KEYS) {
    const items = log[key] as unknown[];
    for (let i = 0; i < items.length; i++) {
      const parsed = ocelItemSchemas[key].safeParse(items[i]);
      if (parsed.success) continue;
      const issue = parsed.error.issues[0]!;
      const path = [key, i, ...issue.path];
      const missing = issue.code === 'invalid_type' && valueAt(data, path) === undefined;
      return `${pathOf(path)}${missing ? ' is missing' : `: ${issue.message}`}`;
    }
  }
  return null;
}

/** OCEL 2.0 nests 5 deep (log, list, event, attribute list, attribute); a little room beyond. */
const OCEL_MAX_DEPTH = 8;
/**
 * The most objects and arrays OCEL 2.0 JSON of `chars` characters can hold, so a file with more is
 * refused before JSON.parse builds them: its smallest container is an empty attribute list with
 * its key (`"attributes":[]`, 15 characters) or a relationship (30); half of that leaves room for
 * other tools' extra properties.
 */
const ocelMaxContainers = (chars: number) => Math.floor(chars / 8) + 16;

function valueFits(type: OcelAttributeType, value: string | number | boolean): boolean {
  switch (type) {
    case 'string':
      return true;
    case 'time':
      return typeof value === 'string' && isIsoDateTime(value);
    case 'integer':
      return typeof value === 'number'
        ? Number.isInteger(value)
        : typeof value === 'string' && /^[+-]?\d+$/.test(value);
    case 'float':
      return typeof value === 'number'
        ? Number.isFinite(value)
        : // A decimal number as text ("3.5", "-1e3"); not "0x10", " 7 " or "Infinity", which
          // JavaScript's Number() reads and other tools do not.
          typeof value === 'string' &&
            /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/.test(value) &&
            Number.isFinite(Number(value));
    case 'boolean':
      return typeof value === 'boolean' || value === 'true' || value === 'false';
  }
}

/** OCEL 2.0 JSON text: its structure by the standard, then that every reference resolves. */
export function checkOcelText(text: string): LogCheck {
  if (text.trim() === '') return { ok: false, reason: 'the file is empty' };
  const shape = jsonShape(text, OCEL_MAX_DEPTH);
  if (shape.depth > OCEL_MAX_DEPTH) {
    return { ok: false, reason: `nested deeper than OCEL 2.0 JSON ever is (${OCEL_MAX_DEPTH})` };
  }
  const limit = ocelMaxContainers(text.length);
  if (shape.containers > limit) {
    return {
      ok: false,
      reason: `${shape.containers} objects and arrays; OCEL 2.0 JSON of its size holds at most ${limit}`,
    };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      reason: `not valid JSON (perhaps truncated): ${(error as Error).message}`,
    };
  }
  if (typeof data === 'object' && data !== null && 'ocel:events' in data) {
    return { ok: false, reason: 'this is OCEL 1.0 JSON (ocel:events); OCEL 2.0 is checked' };
  }
  // As for a model: a tool that copies the log's objects could take such a key for a prototype.
  const forbidden = forbiddenKeyIn(text, data);
  if (forbidden) return { ok: false, reason: `a key no event log needs: ${forbidden}` };
  // As for a model: the parser keeps a key's last value and drops the first without a word, so
  // a log with `events` written twice reads one way here and another in a tool that keeps the
  // first (said by position, never by the file's own text).
  const twice = keyTwice(text);
  if (twice !== undefined) {
    return {
      ok: false,
      reason: `${twice} (so the log can be read in two ways)`,
    };
  }
  const structure = ocelShapeProblem(data);
  if (structure) return { ok: false, reason: structure };
  const log = data as OcelLog;
  const problems = new Problems();

  /** Each type's declared attributes, by type name; a type or attribute declared twice is wrong. */
  const declare = (list: 'objectTypes' | 'eventTypes') => {
    const types = new Map<string, Map<string, OcelAttributeType>>();
    log[list].forEach((t, i) => {
      if (types.has(t.name))
        problems.add(`${list}[${i}]: type ${quoted(t.name)} is declared twice`);
      const attributes = new Map<string, OcelAttributeType>();
      t.attributes.forEach((a, j) => {
        const at = `${list}[${i}].attributes[${j}]`;
        if (!(OCEL_ATTRIBUTE_TYPES as readonly string[]).includes(a.type)) {
          problems.add(
            `${at}: ${quoted(a.type)} is no OCEL 2.0 attribute type (${OCEL_ATTRIBUTE_TYPES.join(', ')})`,
          );
        } else if (attributes.has(a.name)) {
          problems.add(`${at}: attribute ${quoted(a.name)} is declared twice`);
        } else attributes.set(a.name, a.type as OcelAttributeType);
      });
      types.set(t.name, attributes);
    });
    return types;
  };
  const objectTypes = declare('objectTypes');
  const eventTypes = declare('eventTypes');

  const objectIds = new Set<string>();
  log.objects.forEach((o, i) => {
    if (objectIds.has(o.id)) problems.add(`objects[${i}]: id ${quoted(o.id)} is used twice`);
    objectIds.add(o.id);
  });

  const checkAttributes = (
    at: string,
    kind: 'object' | 'event',
    declared: Map<string, OcelAttributeType>,
    typeName: string,
    attributes: { name: string; value: string | number | boolean; time?: string }[] | undefined,
  ) => {
    attributes?.forEach((a, j) => {
      const where = `${at}.attributes[${j}]`;
      const type = declared.get(a.name);
      if (type === undefined) {
        problems.add(
          `${where}: attribute ${quoted(a.name)} is not declared for ${kind} type ${quoted(typeName)}`,
        );
      } else if (!valueFits(type, a.value)) {
        problems.add(
          `${where}: value ${quoted(String(a.value))} is not of its declared type ${type}`,
        );
      }
      if (a.time !== undefined && !isIsoDateTime(a.time)) {
        problems.add(`${where}.time: ${quoted(a.time)} is not an ISO 8601 date and time`);
      }
    });
  };
  const checkRelationships = (at: string, relationships: { objectId: string }[] | undefined) => {
    relationships?.forEach((r, j) => {
      if (!objectIds.has(r.objectId)) {
        problems.add(
          `${at}.relationships[${j}]: object ${quoted(r.objectId)} is not among the objects`,
        );
      }
    });
  };

  log.objects.forEach((o, i) => {
    const at = `objects[${i}]`;
    const declared = objectTypes.get(o.type);
    if (!declared) problems.add(`${at}: type ${quoted(o.type)} is not declared in objectTypes`);
    else checkAttributes(at, 'object', declared, o.type, o.attributes);
    checkRelationships(at, o.relationships);
  });

  const eventIds = new Set<string>();
  log.events.forEach((e, i) => {
    const at = `events[${i}]`;
    if (eventIds.has(e.id)) problems.add(`${at}: id ${quoted(e.id)} is used twice`);
    eventIds.add(e.id);
    if (!isIsoDateTime(e.time)) {
      problems.add(`${at}.time: ${quoted(e.time)} is not an ISO 8601 date and time`);
    }
    const declared = eventTypes.get(e.type);
    if (!declared) problems.add(`${at}: type ${quoted(e.type)} is not declared in eventTypes`);
    else checkAttributes(at, 'event', declared, e.type, e.attributes);
    checkRelationships(at, e.relationships);
  });

  return problems.result(
    () =>
      `${OCEL_LABEL}: ${plural(log.objects.length, 'object')}, ${plural(log.events.length, 'event')}`,
  );
}

// ---------------------------------------------------------------------------------------------
// The CSV event log (RFC 4180, comma, UTF-8; columns as CSV_HEADER)

const CSV_COLUMNS = CSV_HEADER.split(',');
const REQUIRED = new Set([
  'case_id',
  'event_id',
  'activity',
  'timestamp',
  'date_precision',
  'sector',
  'contact_type',
]);
const WHOLE_NUMBERS = new Set(['relative_day', 'emotion']);
/** A case is one model's as-is map: at most this many touchpoints. */
const MAX_CASE_EVENTS = MAX_MAP_TOUCHPOINTS;
/**
 * Cases one log may hold here: far beyond a national program (about 59,000 pathways), and a
 * bound on what finding a case that comes again keeps (about 80 MB at most).
 */
const MAX_CSV_CASES = 1_000_000;
const DATE_PRECISIONS: readonly string[] = modelTouchpointSchema.shape.datePrecision.options;
/**
 * Longer than any field of ours by far (the longest is a reviewed text: at most 2,000 characters,
 * each quote in it doubled); a field this long is an unclosed quote, not data. A field is built a
 * character at a time, which costs the engine tens of bytes per character until it is read: the
 * bound keeps that to a few megabytes whatever the file's size.
 */
export const MAX_CSV_FIELD_CHARS = 64 * 1024;

/**
 * Our CSV event log, fed in chunks of any size (a log of many models can be far larger than
 * memory should hold): fields by RFC 4180 (quotes around commas, quotes and line ends; a quote
 * doubled inside), CRLF or LF line ends, the header exactly CSV_HEADER, every record as many
 * fields as the header, required fields filled, numbers and times where they belong. Stops at the
 * first problem.
 */
export class CsvLogChecker {
  /**
   * The case whose events are being read, and their event ids: a case's events are written
   * together (a model at a time), so an event id written twice is found among its own case's.
   */
  private openCase: string | null = null;
  private caseEvents = new Set<string>();
  /**
   * The cases read before it, to find one that comes again after others (the same export
   * twice, as two logs joined end to end make it): about 80 bytes a case, up to MAX_CSV_CASES.
   */
  private closedCases = new Set<string>();
  private fields: string[] = [];
  /**
   * Fields of this record beyond the header's number, counted and not kept: the record is wrong
   * already, and a line of 20 MB of commas kept as empty fields cost 16 times its size.
   */
  private extra = 0;
  private field = '';
  private inQuotes = false;
  /** A quoted field just closed: only a comma, a line end or a second quote (an escape) may follow. */
  private closed = false;
  private pendingCr = false;
  private line = 1;
  private recordLine = 1;
  private records = 0;
  private problem: string | null = null;

  /** Feeds the next piece of text; returns the problem found, if any (then stop feeding). */
  push(chunk: string): string | null {
    for (let i = 0; i < chunk.length && this.problem === null; i++) this.char(chunk[i]!);
    return this.problem;
  }

  /** After the last chunk. */
  end(): LogCheck {
    if (this.problem === null) {
      if (this.inQuotes) {
        this.fail(
          `record ${this.records + 1} (line ${this.recordLine}): a quoted field is never closed`,
        );
      } else if (
        this.pendingCr ||
        this.closed ||
        this.field !== '' ||
        this.fields.length > 0 ||
        this.extra > 0
      ) {
        this.pendingCr = false;
        this.endRecord();
      }
    }
    if (this.problem === null && this.records === 0) this.fail('the file is empty');
    if (this.problem !== null) return { ok: false, reason: this.problem };
    return { ok: true, summary: `${CSV_LABEL}: ${plural(this.records - 1, 'event')}` };
  }

  private fail(message: string): void {
    this.problem ??= message;
  }

  private char(c: string): void {
    if (this.pendingCr) {
      this.pendingCr = false;
      if (c === '\n') {
        this.line++;
        this.endRecord();
        return;
      }
      this.fail(`line ${this.line}: a carriage return without a line feed`);
      return;
    }
    if (this.inQuotes) {
      if (c === '"') {
        this.inQuotes = false;
        this.closed = true;
      } else {
        if (c === '\n') this.line++;
        this.append(c);
      }
      return;
    }
    if (this.closed) {
      this.closed = false;
      if (c === '"') {
        // `""` inside a quoted field: one quote, and the field goes on.
        this.inQuotes = true;
        this.append('"');
        return;
      }
      if (c !== ',' && c !== '\r' && c !== '\n') {
        this.fail(
          `line ${this.line}: text after a closing quote (a quote inside a field must be doubled)`,
        );
        return;
      }
    }
    switch (c) {
      case ',':
        if (this.fields.length < CSV_COLUMNS.length) this.fields.push(this.field);
        else this.extra++;
        this.field = '';
        break;
      case '\r':
        this.pendingCr = true;
        break;
      case '\n':
        this.line++;
        this.endRecord();
        break;
      case '"':
        if (this.field === '') this.inQuotes = true;
        else this.fail(`line ${this.line}: a quote inside an unquoted field`);
        break;
      default:
        this.append(c);
    }
  }

  private append(c: string): void {
    if (this.field.length >= MAX_CSV_FIELD_CHARS) {
      this.fail(
        `record ${this.records + 1} (line ${this.recordLine}): a field longer than ${MAX_CSV_FIELD_CHARS} characters (an unclosed quote?)`,
      );
      return;
    }
    this.field += c;
  }

  private endRecord(): void {
    if (this.fields.length < CSV_COLUMNS.length) this.fields.push(this.field);
    else this.extra++;
    const fields = this.fields;
    /** How many fields the record has, those not kept too. */
    const count = fields.length + this.extra;
    this.fields = [];
    this.extra = 0;
    this.field = '';
    this.records++;
    const at = `record ${this.records} (line ${this.recordLine})`;
    this.recordLine = this.line;
    if (this.records === 1) {
      // A byte-order mark (Excel writes one) is no part of the first column's name.
      if (fields[0]?.startsWith('\uFEFF')) fields[0] = fields[0].slice(1);
      if (count !== CSV_COLUMNS.length || fields.join(',') !== CSV_HEADER) {
        const i = CSV_COLUMNS.findIndex((c, j) => fields[j] !== c);
        const what =
          i < 0
            ? `it has ${count} columns, not ${CSV_COLUMNS.length}`
            : i >= fields.length
              ? `it ends after column ${i}, before ${CSV_COLUMNS[i]}`
              : `column ${i + 1} is ${quoted(fields[i]!)}, not ${CSV_COLUMNS[i]}`;
        this.fail(`the header is not the event log's (${CSV_HEADER}): ${what}`);
      }
      return;
    }
    if (count !== CSV_COLUMNS.length) {
      this.fail(`${at} has ${plural(count, 'field')}; the header has ${CSV_COLUMNS.length}`);
      return;
    }
    for (let i = 0; i < fields.length; i++) {
      const column = CSV_COLUMNS[i]!;
      const value = fields[i]!;
      if (value === '') {
        if (REQUIRED.has(column)) this.fail(`${at}: ${column} is empty`);
      } else if (WHOLE_NUMBERS.has(column) && !/^-?\d+$/.test(value)) {
        this.fail(`${at}: ${column} ${quoted(value)} is not a whole number`);
      } else if (column === 'timestamp' && !isIsoDateTime(value)) {
        this.fail(`${at}: timestamp ${quoted(value)} is not an ISO 8601 date and time`);
      } else if (column === 'date_precision' && !DATE_PRECISIONS.includes(value)) {
        this.fail(
          `${at}: date_precision ${quoted(value)} is not one of ${DATE_PRECISIONS.join(', ')}`,
        );
      }
      if (this.problem !== null) return;
    }
    this.caseAndEvent(fields[0]!, fields[1]!, at);
  }

  /** Each event id once, each case's events together, and the event id its case's. */
  private caseAndEvent(caseId: string, eventId: string, at: string): void {
    if (!eventId.startsWith(`${caseId}:`) || eventId.length === caseId.length + 1) {
      this.fail(
        `${at}: event_id ${quoted(eventId)} is not its case_id and a touchpoint (case_id:t1)`,
      );
      return;
    }
    if (caseId !== this.openCase) {
      if (this.openCase !== null) this.closedCases.add(this.openCase);
      if (this.closedCases.has(caseId)) {
        this.fail(
          `${at}: case ${quoted(caseId)} comes again after other cases (its events are written together: the same export twice?)`,
        );
        return;
      }
      if (this.closedCases.size >= MAX_CSV_CASES) {
        this.fail(`${at}: more than ${MAX_CSV_CASES} cases, more than this check reads`);
        return;
      }
      this.openCase = caseId;
      this.caseEvents.clear();
    }
    if (this.caseEvents.has(eventId)) {
      this.fail(`${at}: event_id ${quoted(eventId)} is used twice`);
      return;
    }
    if (this.caseEvents.size >= MAX_CASE_EVENTS) {
      this.fail(
        `${at}: case ${quoted(caseId)} has more than ${MAX_CASE_EVENTS} events, more than a model holds`,
      );
      return;
    }
    this.caseEvents.add(eventId);
  }
}

/** A whole CSV event log in one string. */
export function checkCsvText(text: string): LogCheck {
  const checker = new CsvLogChecker();
  checker.push(text);
  return checker.end();
}
