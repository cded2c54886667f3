/**
 * The one rule for which files are read as what, shared by every reader of model files: the
 * window's import (its folder walk is in renderer/src/program/import-files.ts, the files are
 * checked in the main process's `program:import`) and the command line's `validate`, `aggregate`
 * and `convert` (its folder walk is electron/cli/files.ts). Pure, no Node: the window imports it.
 *
 * - **By name only.** A file is read only when its name says what it is, so a file is never
 *   opened to guess its kind: a model ends in `.json` (`.pathway.json` as `pathway export` names
 *   it, any other `.json` too); `pathway validate` also checks the event logs, `.ocel.json`,
 *   `.xes` and `.csv` (a plain `.json` holding OCEL 2.0 JSON's keys is checked as OCEL). Every
 *   other file (`.txt`, a model renamed `.bak`, a picture) is reported as skipped, with the
 *   reason, never silently left out, and never read.
 * - **Folders are walked to the bottom**, in the same order everywhere (`compareNames` on the
 *   path below the folder given), so the first file of an export is the one counted or imported
 *   and later copies are the duplicates, in the window as on the command line. Folders deeper
 *   than MAX_FOLDER_DEPTH below the one given are not looked into (reported), nor more than
 *   MAX_FOLDER_FILES files.
 * - **Hidden files and folders** found in a folder (names starting with `.`: `.DS_Store`, `.git`)
 *   are the system's and never read; a file or folder given by name is always looked at.
 * - **Links** are followed, as the system's folder picker follows them: a link to a file is read
 *   as that file, a link to a folder is walked; a folder reached a second time (a link loop) is
 *   not walked again, and the depth limit ends any loop the walk cannot see. Only regular files
 *   are read (never a device or a pipe).
 * - **A byte-order mark** (UTF-8 BOM, as Windows editors write it) is no part of the text: it is
 *   dropped before parsing, everywhere (`stripBom`; the window's `File.text()` drops it too).
 * - **Nothing of a file's content is ever repeated** in a verdict: a refusal names what is wrong
 *   and where (a path in the schema, a line and column, a record number), never the text.
 *   `describeJsonSyntaxError` turns a parser's message, which quotes the text, into words of our
 *   own, and `withoutQuotedValues` removes the values an event-log check quotes.
 */

/** Folders below the one given that are walked; deeper ones are reported and not looked into. */
export const MAX_FOLDER_DEPTH = 32;
/** Files found in one folder given, at most: beyond it the walk stops and says so. */
export const MAX_FOLDER_FILES = 1_000_000;

/** What a file is, by its name. */
export type NamedKind = 'model' | 'json' | 'ocel' | 'xes' | 'csv';

/**
 * The kind a file's name gives it: `model` (`.pathway.json`), `ocel` (`.ocel.json`), `json`
 * (another `.json`: a model, or for `pathway validate` OCEL 2.0 JSON if its keys say so), `xes`,
 * `csv`; null for any other name. Letter case does not matter.
 */
export function kindByName(name: string): NamedKind | null {
  const n = baseName(name).toLowerCase();
  if (n.endsWith('.pathway.json')) return 'model';
  if (n.endsWith('.ocel.json')) return 'ocel';
  if (n.endsWith('.json')) return 'json';
  if (n.endsWith('.xes')) return 'xes';
  if (n.endsWith('.csv')) return 'csv';
  return null;
}

/** Why a file is not read as a model (the app's import reason, which the window translates). */
export type ModelSkipReason = 'not_json_file' | 'event_log_file';

/**
 * For the readers of models (the app's import, `aggregate`, `convert`): null when the file is read
 * and checked as a model, otherwise why it is skipped. Every `.json` is checked as a model, but an
 * OCEL 2.0 `.ocel.json` is the event log `pathway export` writes beside a model and is skipped
 * unread, as an `.xes` log is; any other name is skipped unread.
 */
export function modelFileSkip(name: string): ModelSkipReason | null {
  const kind = kindByName(name);
  if (kind === 'model' || kind === 'json') return null;
  return kind === 'ocel' ? 'event_log_file' : 'not_json_file';
}

/** A name of the system's own (`.DS_Store`, `.git`): hidden, never looked at inside a folder. */
export function isHiddenName(name: string): boolean {
  return name.startsWith('.');
}

/**
 * Whether a file found in a folder is hidden: `path` is relative, with `/` between its parts,
 * starting with the folder given (`models/.git/config`); the folder given itself may have any
 * name, and a file given on its own (no `/`) is never hidden.
 */
export function isHiddenInFolder(path: string): boolean {
  return path.split('/').slice(1).some(isHiddenName);
}

/**
 * How many folders below the one given a file found there lies (`models/a/b.json`: 1): a file
 * deeper than MAX_FOLDER_DEPTH is in a folder that is not looked into.
 */
export function folderDepth(path: string): number {
  return Math.max(0, path.split('/').length - 2);
}

/**
 * The one order of files, in the window and on the command line: by their path (relative, `/`
 * between parts), character by character. Not by locale: Danish sorts `aa` after `z`, other
 * languages do not, and the order decides which of two copies of an export counts.
 */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The files a folder given holds, as the window keeps them from its folder picker or a drop
 * (`name` is the path from the folder's own name, `/` between parts): hidden entries and what
 * lies more than MAX_FOLDER_DEPTH folders down left out, at most MAX_FOLDER_FILES, in the one
 * order. The command line's walk (electron/cli/files.ts) keeps the same files and reports the
 * ones left out.
 */
export function selectFolderFiles<T extends { name: string }>(files: readonly T[]): T[] {
  return files
    .filter((f) => !isHiddenInFolder(f.name) && folderDepth(f.name) <= MAX_FOLDER_DEPTH)
    .sort((a, b) => compareNames(a.name, b.name))
    .slice(0, MAX_FOLDER_FILES);
}

/** Text without the byte-order mark a Windows editor may put first. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** A verdict on a file, the same words for the window's import and the command line. */
export type FileVerdict = 'valid' | 'invalid' | 'skipped';

/** The verdict an import result gives: imported or a duplicate is a valid model. */
export function verdictOfImport(result: { status: string; reason?: string }): FileVerdict {
  if (result.status === 'imported' || result.status === 'duplicate') return 'valid';
  return result.reason === 'not_json_file' || result.reason === 'event_log_file'
    ? 'skipped'
    : 'invalid';
}

function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

/**
 * What JSON.parse found wrong, in words of our own. V8's message quotes the text
 * (`Unexpected token 'r', "root:x:0:0"... is not valid JSON`); this says what kind of fault it
 * is and, where the message gives it, the line and column, and nothing of the text.
 */
export function describeJsonSyntaxError(message: string, text?: string): string {
  const kinds: [RegExp, string][] = [
    [/^Unexpected end of JSON input/, 'the text ends too early'],
    [/^Unterminated string/, 'a string is never closed'],
    [/^Bad control character/, 'a control character inside a string'],
    [/^Bad (?:escaped character|Unicode escape)/, 'a bad escape in a string'],
    [/^Unexpected non-whitespace character after JSON/, 'more text after the JSON value'],
    [/^Expected property name|^Expected double-quoted property name/, 'a key was expected'],
    [/^Expected ',' or '\}'/, "a ',' or '}' was expected"],
    [/^Expected ',' or '\]'/, "a ',' or ']' was expected"],
    [/^Expected ':'/, "a ':' was expected"],
    [/^(?:Exponent part|No number|Unterminated fractional)/, 'a malformed number'],
  ];
  const kind = kinds.find(([re]) => re.test(message))?.[1] ?? 'an unexpected character';
  // Only digits are taken from the message: where, never what — and only from the parser's own
  // ending. A short text is quoted whole in the message, so "at position 31337" written in the
  // file would otherwise be read as where the fault is.
  const lineColumn = / at position \d+ \(line (\d+) column (\d+)\)$/.exec(message);
  if (lineColumn) return `${kind} at line ${lineColumn[1]}, column ${lineColumn[2]}`;
  const position = / at position (\d+)$/.exec(message);
  if (!position) return kind;
  const at = Number(position[1]);
  if (text === undefined || at > text.length) return `${kind} at character ${at + 1}`;
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return `${kind} at line ${line}, column ${at - lineStart + 1}`;
}

/** A JSON string literal, as `JSON.stringify` writes one (every `"` and `\` inside escaped). */
const JSON_STRING = /"(?:[^"\\]|\\.)*"/g;
/** What a value from the file is shown as. */
export const NOT_SHOWN = '"…"';

/**
 * A reason of the event-log checks (shared/model/event-log-check.ts) without the values it quotes
 * from the file: each is a JSON string (`quoted`), and none of the checks' own words is in quotes.
 */
export function withoutQuotedValues(reason: string): string {
  return reason.replace(JSON_STRING, NOT_SHOWN);
}
