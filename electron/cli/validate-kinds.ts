/**
 * `pathway validate`: which kind each file is, and its check by that kind's own rules. A folder
 * written by `pathway export --format all` holds a model, an OCEL 2.0 JSON log, an XES log and a
 * CSV event log per journey; each is judged as what it is. Which files are read is the rule all
 * readers of model files share (shared/model/model-files.ts): by name only, so a file of no kind
 * the command knows is skipped, unread, not failed.
 *
 * No verdict repeats anything of a file's text: the model checks say where and what in their own
 * words, the XES check (xes-check.ts) likewise, and the values the OCEL 2.0 and CSV checks quote
 * are removed here (`withoutQuotedValues`), with the JSON parser's message they pass on.
 */
import { closeSync, readSync } from 'node:fs';
import {
  checkOcelText,
  CsvLogChecker,
  CSV_LABEL,
  OCEL_KEYS,
  OCEL_LABEL,
  type LogCheck,
} from '../../shared/model/event-log-check';
import {
  describeJsonSyntaxError,
  kindByName,
  stripBom,
  withoutQuotedValues,
} from '../../shared/model/model-files';
import { MODEL_FORMAT } from '../../shared/model/pathway-model';
import { MAX_MODEL_BYTES } from '../../shared/model/validate';
import { en } from '../../shared/i18n/en';
import { checkModelFile, openRegularFile, unreadableDetail } from '../import/model-file';
import { shown } from './files';
import { checkXesText, XES_LABEL } from './xes-check';
import { readInto } from '../db/read-into';

export type FileKind = 'model' | 'ocel' | 'xes' | 'csv';

export interface FileVerdict {
  status: 'valid' | 'invalid' | 'skipped';
  /** The line to print: `FILE: valid (…)`, `FILE: INVALID — …` or `FILE: skipped (…)`. */
  line: string;
}

/** Why `pathway validate` leaves a file unread. */
export const NOT_KNOWN =
  'not a file pathway validate reads: models and OCEL 2.0 JSON end in .json, XES logs in .xes, CSV event logs in .csv';

const LABELS: Record<Exclude<FileKind, 'model'>, string> = {
  ocel: OCEL_LABEL,
  xes: XES_LABEL,
  csv: CSV_LABEL,
};

/** How much of a `.json` file is read to tell a model from OCEL 2.0 JSON. */
const HEAD_BYTES = 64 * 1024;
const CHUNK_BYTES = 64 * 1024;

/** A key of OCEL 2.0 JSON's top level, as a key (not inside an escaped string). */
const OCEL_KEY = new RegExp(`(?<!\\\\)"(?:${OCEL_KEYS.join('|')})"\\s*:`);
/** The model's own format, as its first key normally carries it. */
const MODEL_FORMAT_KEY = new RegExp(`"format"\\s*:\\s*"${MODEL_FORMAT.replace(/\./g, '\\.')}"`);

/** A file that could not be read: thrown inside a check, caught as the file's verdict. */
class Unreadable extends Error {
  constructor(readonly detail: string) {
    super(detail);
  }
}

/** The opened file, or why not (a file that vanished since the walk is no such file now). */
function open(file: string): { fd: number; size: number } {
  const opened = openRegularFile(file);
  if (opened === null) throw new Unreadable('no such file');
  if ('ok' in opened) throw new Unreadable(opened.detail);
  return opened;
}

function head(file: string): string {
  const { fd } = open(file);
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const n = readSync(fd, buffer, 0, HEAD_BYTES, 0);
    // Not fatal: a character cut at the end of the head is no fault of the file.
    return stripBom(new TextDecoder('utf-8').decode(buffer.subarray(0, n)));
  } finally {
    closeSync(fd);
  }
}

/**
 * The kind of a file, by its name (see `kindByName`): a `.json` that is neither `.pathway.json`
 * nor `.ocel.json` is OCEL 2.0 JSON when its head has OCEL's top-level keys and no model format,
 * otherwise a model (as ever); null for any other name, and such a file is never opened.
 */
export function kindOf(file: string): FileKind | null {
  const named = kindByName(file);
  if (named !== 'json') return named;
  const text = head(file);
  const json = text.trimStart().startsWith('{');
  return json && !MODEL_FORMAT_KEY.test(text) && OCEL_KEY.test(text) ? 'ocel' : 'model';
}

/** The whole file as UTF-8 text, refused unread over the size limit models have too. */
function readText(file: string): { text: string } | { reason: string } {
  const { fd, size } = open(file);
  try {
    if (size > MAX_MODEL_BYTES) return { reason: en.program.reasons.too_large };
    const buffer = Buffer.alloc(size);
    const read = readInto(fd, buffer);
    try {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(0, read));
      return { text: stripBom(text) };
    } catch {
      return { reason: 'the file is not UTF-8 text' };
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * The CSV event log, read in chunks so that a log of any length (many models converted into one)
 * costs the memory of a chunk and a record; reading stops at the first problem.
 */
function checkCsvFile(file: string): LogCheck {
  const checker = new CsvLogChecker();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const buffer = Buffer.alloc(CHUNK_BYTES);
  const { fd } = open(file);
  try {
    for (;;) {
      const n = readSync(fd, buffer, 0, CHUNK_BYTES, null);
      let text: string;
      try {
        text = n === 0 ? decoder.decode() : decoder.decode(buffer.subarray(0, n), { stream: true });
      } catch {
        return { ok: false, reason: 'the file is not UTF-8 text' };
      }
      const problem = checker.push(text);
      if (problem !== null) return { ok: false, reason: problem };
      if (n === 0) return checker.end();
    }
  } finally {
    closeSync(fd);
  }
}

function checkLog(file: string, kind: Exclude<FileKind, 'model'>): LogCheck {
  if (kind === 'csv') return checkCsvFile(file);
  const read = readText(file);
  if ('reason' in read) return { ok: false, reason: read.reason };
  return kind === 'ocel' ? checkOcelText(read.text) : checkXesText(read.text);
}

const OCEL_NOT_JSON = 'not valid JSON (perhaps truncated): ';

/**
 * A log check's reason without anything of the file's text: the OCEL 2.0 and CSV checks quote
 * the values they refuse (as JSON strings) and pass on the JSON parser's message, which quotes
 * the text; the XES check quotes nothing.
 */
function safeReason(kind: Exclude<FileKind, 'model'>, reason: string): string {
  if (kind === 'xes') return reason;
  if (kind === 'ocel' && reason.startsWith(OCEL_NOT_JSON)) {
    return `${OCEL_NOT_JSON}${describeJsonSyntaxError(reason.slice(OCEL_NOT_JSON.length))}`;
  }
  return withoutQuotedValues(reason);
}

/**
 * One regular file (as `findFiles` found it), checked as what its name says; a file that cannot
 * be read is invalid, not the end of the run.
 */
export function validateFile(file: string): FileVerdict {
  try {
    return checkFile(file);
  } catch (error) {
    const detail = error instanceof Unreadable ? error.detail : unreadableDetail(error);
    return {
      status: 'invalid',
      line: `${shown(file)}: INVALID — ${en.program.reasons.unreadable} (${detail})`,
    };
  }
}

function checkFile(file: string): FileVerdict {
  const kind = kindOf(file);
  if (kind === null) return { status: 'skipped', line: `${shown(file)}: skipped (${NOT_KNOWN})` };
  if (kind === 'model') {
    const result =
      checkModelFile(file) ??
      ({ ok: false, reason: 'unreadable', detail: 'no such file' } as const);
    if (result.ok)
      return { status: 'valid', line: `${shown(file)}: valid (export ${result.model.exportId})` };
    // The model checks' details are their own words (see validate.ts): never the file's text.
    const detail = 'detail' in result && result.detail ? ` (${result.detail})` : '';
    return {
      status: 'invalid',
      line: `${shown(file)}: INVALID — ${en.program.reasons[result.reason]}${detail}`,
    };
  }
  const result = checkLog(file, kind);
  return result.ok
    ? { status: 'valid', line: `${shown(file)}: valid (${result.summary})` }
    : {
        status: 'invalid',
        line: `${shown(file)}: INVALID — ${LABELS[kind]}: ${safeReason(kind, result.reason)}`,
      };
}
