/**
 * `pathway validate`: which kind each file is, and its check by that kind's own rules. A folder
 * written by `pathway export --format all` holds a model, an OCEL 2.0 JSON log, an XES log and a
 * CSV event log per journey; each is judged as what it is, and a file of no kind the command
 * knows is skipped, not failed.
 */
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { CSV_HEADER } from '../../shared/model/event-log';
import {
  checkOcelText,
  CsvLogChecker,
  CSV_LABEL,
  OCEL_KEYS,
  OCEL_LABEL,
  type LogCheck,
} from '../../shared/model/event-log-check';
import { MODEL_FORMAT } from '../../shared/model/pathway-model';
import { MAX_MODEL_BYTES } from '../../shared/model/validate';
import { en } from '../../shared/i18n/en';
import { checkModelFile } from '../import/model-file';
import { checkXesText, XES_LABEL } from './xes-check';

export type FileKind = 'model' | 'ocel' | 'xes' | 'csv';

export interface FileVerdict {
  status: 'valid' | 'invalid' | 'skipped';
  /** The line to print: `FILE: valid (…)`, `FILE: INVALID — …` or `FILE: skipped (…)`. */
  line: string;
}

const LABELS: Record<Exclude<FileKind, 'model'>, string> = {
  ocel: OCEL_LABEL,
  xes: XES_LABEL,
  csv: CSV_LABEL,
};

/** How much of a file is read to tell its kind when its name does not. */
const HEAD_BYTES = 64 * 1024;
const CHUNK_BYTES = 64 * 1024;

/** A key of OCEL 2.0 JSON's top level, as a key (not inside an escaped string). */
const OCEL_KEY = new RegExp(`(?<!\\\\)"(?:${OCEL_KEYS.join('|')})"\\s*:`);
/** The model's own format, as its first key normally carries it. */
const MODEL_FORMAT_KEY = new RegExp(`"format"\\s*:\\s*"${MODEL_FORMAT.replace(/\./g, '\\.')}"`);

function head(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const n = readSync(fd, buffer, 0, HEAD_BYTES, 0);
    // Not fatal: a character cut at the end of the head is no fault of the file.
    return new TextDecoder('utf-8').decode(buffer.subarray(0, n)).replace(/^\uFEFF/, '');
  } finally {
    closeSync(fd);
  }
}

/**
 * The kind of a file: by its name where that says it (`.pathway.json`, `.ocel.json`, `.xes`,
 * `.csv`); a `.json` is OCEL 2.0 JSON when its head has OCEL's top-level keys and no model format,
 * otherwise a model (as ever); any other name is told by its head, and null when it is no kind
 * the command knows.
 */
export function kindOf(file: string): FileKind | null {
  const name = basename(file).toLowerCase();
  if (name.endsWith('.pathway.json')) return 'model';
  if (name.endsWith('.ocel.json')) return 'ocel';
  if (name.endsWith('.xes')) return 'xes';
  if (name.endsWith('.csv')) return 'csv';
  const text = head(file);
  const json = text.trimStart().startsWith('{');
  if (json && MODEL_FORMAT_KEY.test(text)) return 'model';
  if (json && OCEL_KEY.test(text)) return 'ocel';
  if (name.endsWith('.json')) return 'model';
  if (text.trimStart().startsWith('<') && /<log[\s>/]/.test(text)) return 'xes';
  if (/^[^\r\n]*/.exec(text)![0] === CSV_HEADER) return 'csv';
  return null;
}

/** The whole file as UTF-8 text, refused unread over the size limit models have too. */
function readText(file: string): { text: string } | { reason: string } {
  const size = statSync(file).size;
  if (size > MAX_MODEL_BYTES) return { reason: en.program.reasons.too_large };
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, buffer, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    try {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(0, read));
      return { text: text.replace(/^\uFEFF/, '') };
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
  const fd = openSync(file, 'r');
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

/** One file, checked as what it is; a file that cannot be read is invalid, not the end of the run. */
export function validateFile(file: string): FileVerdict {
  if (!existsSync(file)) return { status: 'invalid', line: `${file}: INVALID — no such file` };
  try {
    return checkFile(file);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return {
      status: 'invalid',
      line: `${file}: INVALID — ${en.program.reasons.unreadable}${typeof code === 'string' ? ` (${code})` : ''}`,
    };
  }
}

function checkFile(file: string): FileVerdict {
  const kind = kindOf(file);
  if (kind === null) {
    return {
      status: 'skipped',
      line: `${file}: skipped (not a file pathway validate knows)`,
    };
  }
  if (kind === 'model') {
    // Exactly the model checks and lines as ever.
    const result = checkModelFile(file)!;
    if (result.ok)
      return { status: 'valid', line: `${file}: valid (export ${result.model.exportId})` };
    const detail = 'detail' in result && result.detail ? ` (${result.detail})` : '';
    return {
      status: 'invalid',
      line: `${file}: INVALID — ${en.program.reasons[result.reason]}${detail}`,
    };
  }
  const result = checkLog(file, kind);
  return result.ok
    ? { status: 'valid', line: `${file}: valid (${result.summary})` }
    : { status: 'invalid', line: `${file}: INVALID — ${LABELS[kind]}: ${result.reason}` };
}
