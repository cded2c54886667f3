/**
 * `pathway`: the command line for batch work, on the same code as the app.
 *
 *   pathway export --db FILE (--journey ID | --all) --out DIR [--format model|ocel|xes|csv|all]
 *   pathway validate FILE|DIR...   (each file by its kind: model, OCEL 2.0 JSON, XES or CSV)
 *   pathway convert MODEL --to ocel|xes|csv [--out FILE]
 *   pathway convert FILE|DIR... --to csv --out FILE
 *   pathway aggregate FILE|DIR... [--k N] [--by FIELD] [--prices FILE] --out DIR
 *
 * Files and folders are found by the rule the app's import shares (shared/model/model-files.ts,
 * walked in files.ts), and every file given or found gets one line: valid, invalid and why, or
 * skipped and why, never quoting anything the file holds. Exit codes: 0 all good; 1 done, but some
 * files (or journeys) were rejected or could not be done; 2 nothing could be done (bad usage, no
 * file to work on, nothing valid to aggregate or convert, a database that cannot be used).
 */
import { randomUUID } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  lstatSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import {
  aggregate,
  DEFAULT_K,
  FILTER_FIELDS,
  FILTER_VALUES,
  type CohortFilter,
} from '../../shared/analysis/aggregate';
import { COST_TABLE_NAMES, tablesOf, toExcelCsv, type Table } from '../../shared/analysis/tables';
import { ExportRefusedError } from '../../shared/model/anonymise';
import { CSV_HEADER, csvRowsOf, toCsv, toOcel, toXes } from '../../shared/model/event-log';
import { modelFileSkip } from '../../shared/model/model-files';
import { en } from '../../shared/i18n/en';
import { JourneyRepository } from '../db/journey-repository';
import { LATEST_VERSION } from '../db/migrations';
import { WorkshopRepository } from '../db/workshop-repository';
import {
  EXPORT_FORMATS,
  ExportService,
  renderFormats,
  type ExportFormat,
} from '../export/export-service';
import { writeFileAtomic } from '../export/write-file';
import { checkModelFile, openRegularFile, unreadableDetail } from '../import/model-file';
import { applyKey, lookOfBytes } from '../db/cipher';
import { BACKUP_PASSPHRASE_NOTE, BACKUP_USAGE, backupCommand, restoreCommand } from './backup';
import { cliDatabaseKey } from './database-key';
import { findFiles, makeFolder, shown, type Found } from './files';
import { foldFiles } from './fold-files';
import { PriceFileError, readPriceFile } from './price-file';
import { validateFile } from './validate-kinds';

const USAGE = `Usage:
  pathway export --db FILE (--journey ID | --all) --out DIR [--format model|ocel|xes|csv|all]
                                                      (reads the database only; never changes it.
                                                      Encrypted: asks on the terminal for its
                                                      passphrase, or for its 64-character hex key
                                                      when the app's system keychain keeps it;
                                                      PATHWAY_KEY_FD=n reads it from that file
                                                      descriptor instead. Never an argument.)
  pathway validate FILE|DIR...                        (models, OCEL 2.0 JSON, XES and CSV event logs,
                                                      each by its own rules)
  pathway convert MODEL --to ocel|xes|csv [--out FILE]
  pathway convert FILE|DIR... --to csv --out FILE     (many models into one event log)
  pathway aggregate FILE|DIR... [--k N] [--by ageBand|sex|municipality|conditionGroup] [--map asIs|toBe] [--prices FILE] --out DIR
                                                      (--prices: a price list, JSON like the app's
                                                      resources/price-list.json or a CSV in the
                                                      Danish Excel format the app's price screen
                                                      exports; adds the cost tables (cost-*.csv).
                                                      Without it no prices are applied and no cost
                                                      table is written.)
${BACKUP_USAGE}

Files: folders are walked to the bottom (hidden entries, names starting with ".", are passed
over; links are followed, a folder is walked once). Which files are read goes by name, as in the
app: models end in .json (.pathway.json too); validate also reads .ocel.json, .xes and .csv
logs. Every file gets one line: valid, INVALID/rejected and why, or skipped and why. No line
quotes what a file holds.

${BACKUP_PASSPHRASE_NOTE}

Exit codes:
  0  all good (skipped files are not a fault)
  1  done, but some files were invalid or rejected, or some journeys could not be exported
  2  nothing could be done: bad usage, no file found to work on, no valid model to aggregate or
     convert, nothing exported, or a database that cannot be used (missing, empty, not SQLite,
     from another version of the app)

Free texts are exported only as approved in the app's review screen.`;

class UsageError extends Error {}
/** Nothing could be done, for a reason told plainly (exit 2, without the usage). */
class CannotRun extends Error {}

/** The folder given with --out, made if it is not there; told plainly when it cannot be. */
function outFolder(folder: string): void {
  try {
    makeFolder(folder);
  } catch (error) {
    throw new CannotRun(`cannot write into ${shown(folder)} (${unreadableDetail(error)})`);
  }
}

const EXIT_OK = 0;
const EXIT_SOME_REJECTED = 1;
const EXIT_NOTHING_DONE = 2;

function formatsOf(value: string | undefined): ExportFormat[] {
  if (value === undefined || value === 'model') return ['model'];
  if (value === 'all') return [...EXPORT_FORMATS];
  if ((EXPORT_FORMATS as readonly string[]).includes(value)) return [value as ExportFormat];
  throw new UsageError(`Unknown format: ${value}`);
}

/** Enough of a file to tell a plain database, an encrypted one and anything else apart. */
const HEAD_BYTES = 4096;

/**
 * The app's database, opened read-only: `pathway export` never creates, migrates or changes the
 * database it is pointed at (a missing, empty or foreign file is refused before SQLite sees it,
 * so nothing is ever written into it). A database of another schema version is refused too: an
 * older one needs the app to update it first, a newer one a newer command line. An encrypted
 * database (every database the app has opened since encryption at rest) needs its key: the
 * passphrase, or the key itself, asked on the terminal (./database-key.ts); an unencrypted one
 * from before is read as it is.
 */
function openForExport(file: string): Database {
  const opened = openRegularFile(file);
  if (opened === null) throw new CannotRun(`no database at ${shown(file)}`);
  if ('ok' in opened) {
    throw new CannotRun(`cannot read the database ${shown(file)} (${opened.detail})`);
  }
  const header = Buffer.alloc(HEAD_BYTES);
  let read: number;
  try {
    read = readSync(opened.fd, header, 0, header.length, 0);
  } catch (error) {
    throw new CannotRun(`cannot read the database ${shown(file)} (${unreadableDetail(error)})`);
  } finally {
    closeSync(opened.fd);
  }
  if (opened.size === 0) {
    throw new CannotRun(`${shown(file)} is empty (0 bytes): it is no database of the app`);
  }
  const look = lookOfBytes(header.subarray(0, read), opened.size);
  if (look === 'other') {
    throw new CannotRun(`${shown(file)} is not an SQLite database: it is no database of the app`);
  }
  // Asked for before SQLite opens the file, so a refusal opens nothing.
  const key = look === 'encrypted' ? cliDatabaseKey(file) : null;
  if (key && 'refused' in key) throw new CannotRun(key.refused);
  let db: Database;
  try {
    db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    if (key) applyKey(db, key.key);
    // A file named on the command line: its schema may call only functions harmless there.
    db.pragma('trusted_schema = OFF');
  } catch (error) {
    throw new CannotRun(`cannot open the database ${shown(file)} (${unreadableDetail(error)})`);
  }
  try {
    db.pragma('busy_timeout = 5000');
    let version: number;
    try {
      version = db.pragma('user_version', { simple: true }) as number;
    } catch (error) {
      if (key && String((error as { code?: unknown }).code).startsWith('SQLITE_NOTADB')) {
        throw new CannotRun(
          `the key does not open ${shown(file)}: it is encrypted with another key, or its start is damaged (nothing was read)`,
        );
      }
      throw error;
    }
    const tables = db
      .prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'journeys'")
      .get() as { n: number };
    if (version === 0 || tables.n === 0) {
      throw new CannotRun(
        `${shown(file)} has none of the app's tables: it is no database of the app`,
      );
    }
    if (version > LATEST_VERSION) {
      throw new CannotRun(
        `${shown(file)} was written by a newer version of the app (schema ${version}; this command line knows up to ${LATEST_VERSION}): use the newer version`,
      );
    }
    if (version < LATEST_VERSION) {
      throw new CannotRun(
        `${shown(file)} is from an older version of the app (schema ${version}; this version uses ${LATEST_VERSION}) and export never changes a database: open it once in the app, which updates it, then export again`,
      );
    }
    return db;
  } catch (error) {
    db.close();
    if (error instanceof CannotRun) throw error;
    throw new CannotRun(`cannot read the database ${shown(file)} (${unreadableDetail(error)})`);
  }
}

function exportCommand(args: string[]): number {
  const { values } = parseArgs({
    args,
    options: {
      db: { type: 'string' },
      journey: { type: 'string', multiple: true },
      all: { type: 'boolean' },
      out: { type: 'string' },
      format: { type: 'string' },
    },
    strict: true,
  });
  if (!values.db || !values.out || (!values.all && !values.journey?.length)) {
    throw new UsageError('export needs --db, --out and --journey ID or --all');
  }
  const formats = formatsOf(values.format);
  const out = values.out;
  let outIsFolder = false;
  try {
    outIsFolder = statSync(out).isDirectory();
    if (!outIsFolder) throw new CannotRun(`--out ${shown(out)} is a file, not a folder`);
  } catch (error) {
    if (error instanceof CannotRun) throw error;
    // Not there yet: made when the first journey is written, so a run that cannot start leaves
    // nothing behind.
  }
  const db = openForExport(values.db);
  try {
    const journeys = new JourneyRepository(db);
    const service = new ExportService(db, journeys, new WorkshopRepository(db, journeys));
    let ids: string[];
    try {
      ids = values.all ? journeys.list(undefined, true).map((j) => j.id) : values.journey!;
    } catch (error) {
      throw new CannotRun(`cannot read the journeys (${unreadableDetail(error)})`);
    }
    let exported = 0;
    let failures = 0;
    let noConsent = 0;
    for (const id of ids) {
      try {
        const source = service.source(id);
        if (!source) {
          console.error(`${shown(id)}: no such journey`);
          failures++;
          continue;
        }
        const model = service.model(id, source, new Date(), randomUUID);
        const files = renderFormats(model, formats);
        if (!outIsFolder) {
          outFolder(out);
          outIsFolder = true;
        }
        for (const f of files) writeFileAtomic(join(out, f.name), f.content);
        // The database is read-only here: the export is not added to the app's export history.
        console.log(`${shown(id)}: exported ${files.map((f) => shown(f.name)).join(', ')}`);
        exported++;
      } catch (error) {
        if (error instanceof ExportRefusedError) {
          console.error(`${shown(id)}: skipped, no consent to an anonymised export`);
          noConsent++;
          // Asked for by id, a journey without consent is one that could not be exported.
          if (!values.all) failures++;
        } else if (error instanceof CannotRun) {
          // No folder to write into: no journey can be exported.
          throw error;
        } else {
          console.error(`${shown(id)}: failed — ${shown((error as Error).message)}`);
          failures++;
        }
      }
    }
    if (exported === 0) {
      throw new CannotRun(
        ids.length === 0
          ? 'nothing exported: the database has no journeys'
          : noConsent === ids.length
            ? 'nothing exported: no journey has consent to an anonymised export'
            : 'nothing exported',
      );
    }
    return failures === 0 ? EXIT_OK : EXIT_SOME_REJECTED;
  } finally {
    db.close();
  }
}

/** How many of the things found were checked, were bad, or were skipped. */
interface Tally {
  checked: number;
  bad: number;
  skipped: number;
}

const skippedLine = (path: string, reason: string) => `${shown(path)}: skipped (${reason})`;
/** Why a file is not read as a model, in the words the app uses for it. */
const notModel = (path: string) => en.program.reasons[modelFileSkip(path) ?? 'not_json_file'];

/**
 * Every file by its kind: models by the model checks, OCEL 2.0 JSON, XES and CSV event logs by
 * their own rules (see validate-kinds.ts); a file of no kind it knows is skipped, not failed.
 * Exit 2 when there was no file to check at all.
 */
function validateCommand(args: string[]): number {
  if (args.length === 0) throw new UsageError('validate needs at least one FILE or DIR');
  const tally: Tally = { checked: 0, bad: 0, skipped: 0 };
  for (const f of findFiles(args)) {
    if (f.status === 'file') {
      const verdict = validateFile(f.path);
      console.log(verdict.line);
      if (verdict.status === 'skipped') tally.skipped++;
      else {
        tally.checked++;
        if (verdict.status === 'invalid') tally.bad++;
      }
    } else if (f.status === 'skipped') {
      console.log(skippedLine(f.path, f.reason));
      tally.skipped++;
    } else {
      console.log(`${shown(f.path)}: INVALID — ${f.reason}`);
      tally.bad++;
    }
  }
  if (tally.checked === 0) {
    throw new CannotRun(
      `nothing to validate: ${nothingFound(tally, 'no model or event-log file')}`,
    );
  }
  return tally.bad === 0 ? EXIT_OK : EXIT_SOME_REJECTED;
}

/** Why there was nothing to work on, from what was found. */
function nothingFound(tally: Tally, what: string): string {
  const found = tally.bad + tally.skipped;
  if (found === 0) return 'no files found';
  const parts = [
    tally.bad ? `${tally.bad} not found or unreadable` : '',
    tally.skipped ? `${tally.skipped} skipped` : '',
  ].filter(Boolean);
  return `${what} among what was given (${parts.join(', ')})`;
}

/**
 * Refuses an output that would replace what is being converted, or something that is not a file
 * (a device such as /dev/full, a pipe, a folder): `convert` replaced its own input model, and a
 * device node, and said it had converted.
 */
function checkConvertTarget(out: string, inputs: readonly string[]): void {
  const target = resolve(out);
  let stat;
  try {
    stat = lstatSync(target);
  } catch {
    return; // Nothing there yet.
  }
  if (!stat.isFile() && !stat.isSymbolicLink()) {
    throw new CannotRun(`${shown(out)} is not a file; give --out a file's name`);
  }
  const same = inputs.some((i) => {
    try {
      const s = statSync(i);
      return s.dev === stat.dev && s.ino === stat.ino;
    } catch {
      return resolve(i) === target;
    }
  });
  if (same)
    throw new CannotRun(`${shown(out)} is one of the files to convert; give --out another name`);
}

function convertCommand(args: string[]): number {
  const { values, positionals } = parseArgs({
    args,
    options: { to: { type: 'string' }, out: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  const file = positionals[0];
  if (!file || !values.to || !['ocel', 'xes', 'csv'].includes(values.to)) {
    throw new UsageError('convert needs MODEL and --to ocel|xes|csv');
  }
  const found = findFiles(positionals);
  if (values.out) {
    checkConvertTarget(
      values.out,
      found.filter((f) => f.status === 'file').map((f) => f.path),
    );
  }
  if (positionals.length > 1 || found.length !== 1 || found[0]!.path !== file) {
    return convertManyToCsv(found, values.to, values.out);
  }
  // One model: its line goes to stderr when the log itself goes to stdout.
  const one = found[0]!;
  if (one.status !== 'file') {
    console.error(
      one.status === 'skipped'
        ? skippedLine(file, one.reason)
        : `${shown(file)}: INVALID — ${one.reason}`,
    );
    throw new CannotRun('nothing converted');
  }
  if (modelFileSkip(file) !== null) {
    console.error(skippedLine(file, notModel(file)));
    throw new CannotRun('nothing converted');
  }
  const result =
    checkModelFile(file) ?? ({ ok: false, reason: 'unreadable', detail: 'no such file' } as const);
  if (!result.ok) {
    const detail = 'detail' in result && result.detail ? ` (${result.detail})` : '';
    console.error(`${shown(file)}: INVALID — ${en.program.reasons[result.reason]}${detail}`);
    throw new CannotRun('nothing converted');
  }
  const text =
    values.to === 'ocel'
      ? `${JSON.stringify(toOcel([result.model]), null, 2)}\n`
      : values.to === 'xes'
        ? toXes([result.model])
        : toCsv([result.model]);
  if (values.out) {
    writeFileAtomic(resolve(values.out), text);
    console.log(`${shown(file)}: converted to ${shown(values.out)}`);
  } else process.stdout.write(text);
  return EXIT_OK;
}

/**
 * Many models (files and folders) into one CSV event log, written model by model so memory
 * holds one model at a time: the log that DuckDB, pm4py or Spark read as it is. Invalid files
 * are reported and left out, and so are later copies of an export already written (as
 * `aggregate` counts an export once: in the log, its journey would be one case with every event
 * twice); the log appears under its name only when complete, and not at all when no model was
 * valid.
 */
function convertManyToCsv(found: Found[], to: string, out: string | undefined): number {
  if (to !== 'csv') throw new UsageError('many models convert to one log with --to csv only');
  if (!out) throw new UsageError('many models convert to one log: give it a name with --out FILE');
  const target = resolve(out);
  // A name of its own beside the target, made new ('wx': never a file, or a link to one, that was
  // there before — a link left at a fixed name would have the log written through it).
  // (Not named after the target: a long name would make this one too long for the folder.)
  const partial = join(dirname(target), `.pathway-${process.pid}-${randomUUID()}.partial`);
  let fd: number;
  try {
    // One journey's events per row, before any suppression: only its owner may read it, as every
    // other file the command line writes.
    fd = openSync(partial, 'wx', 0o600);
  } catch (error) {
    throw new CannotRun(`cannot write ${shown(out)} (${unreadableDetail(error)})`);
  }
  const tally: Tally = { checked: 0, bad: 0, skipped: 0 };
  let converted = 0;
  /** The exports written so far, each once, by the first file (in the one order) holding it. */
  const written = new Set<string>();
  try {
    writeSync(fd, `${CSV_HEADER}\r\n`);
    for (const f of found) {
      if (f.status === 'skipped' || (f.status === 'file' && modelFileSkip(f.path) !== null)) {
        console.log(skippedLine(f.path, f.status === 'skipped' ? f.reason : notModel(f.path)));
        tally.skipped++;
        continue;
      }
      if (f.status === 'invalid') {
        console.log(`${shown(f.path)}: INVALID — ${f.reason}, left out`);
        tally.bad++;
        continue;
      }
      tally.checked++;
      const result =
        checkModelFile(f.path) ??
        ({ ok: false, reason: 'unreadable', detail: 'no such file' } as const);
      if (!result.ok) {
        tally.bad++;
        const detail = 'detail' in result && result.detail ? ` (${result.detail})` : '';
        console.log(
          `${shown(f.path)}: INVALID — ${en.program.reasons[result.reason]}${detail}, left out`,
        );
        continue;
      }
      const { exportId } = result.model;
      if (written.has(exportId)) {
        console.log(`${shown(f.path)}: duplicate of export ${exportId}, written once, left out`);
        continue;
      }
      written.add(exportId);
      writeSync(fd, csvRowsOf(result.model));
      console.log(`${shown(f.path)}: converted`);
      converted++;
    }
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(partial, { force: true });
    throw error;
  }
  closeSync(fd);
  if (converted === 0) {
    rmSync(partial, { force: true });
    throw new CannotRun(
      tally.checked === 0
        ? `nothing converted: ${nothingFound(tally, 'no model file')}`
        : `nothing converted: no valid model among the files (${tally.bad} invalid)`,
    );
  }
  try {
    renameSync(partial, target);
  } catch (error) {
    // Its rows are every journey's before any suppression: never left behind under another name.
    rmSync(partial, { force: true });
    throw new CannotRun(`cannot write ${shown(out)} (${unreadableDetail(error)})`);
  }
  const duplicates = tally.checked - tally.bad - converted;
  console.log(
    `Converted ${converted} models (${tally.bad} invalid, left out${duplicates ? `; ${duplicates} ${duplicates === 1 ? 'duplicate' : 'duplicates'}, left out` : ''}${tally.skipped ? `; ${tally.skipped} skipped` : ''}) into ${shown(out)}`,
  );
  return tally.bad === 0 ? EXIT_OK : EXIT_SOME_REJECTED;
}

const GROUPS = FILTER_FIELDS;

function aggregateCommand(args: string[]): number {
  const { values, positionals } = parseArgs({
    args,
    options: {
      k: { type: 'string' },
      by: { type: 'string' },
      map: { type: 'string' },
      prices: { type: 'string' },
      out: { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length === 0 || !values.out)
    throw new UsageError('aggregate needs FILE|DIR... and --out DIR');
  // Digits only, as a person writes a number of journeys: Number() would also take 1e20, 0x10
  // and " 7 ", and a k past any count of journeys only hides everything.
  const k =
    values.k === undefined ? DEFAULT_K : /^\d{1,9}$/.test(values.k) ? Number(values.k) : NaN;
  if (!Number.isInteger(k) || k < DEFAULT_K) {
    throw new UsageError(
      `--k must be a whole number of at least ${DEFAULT_K}, in digits (it can only be raised)`,
    );
  }
  const by = values.by as (typeof GROUPS)[number] | undefined;
  if (by !== undefined && !GROUPS.includes(by))
    throw new UsageError(`--by must be one of ${GROUPS.join(', ')}`);
  const map = (values.map ?? 'asIs') as 'asIs' | 'toBe';
  if (map !== 'asIs' && map !== 'toBe') throw new UsageError('--map must be asIs or toBe');
  // Read before any model: a price list that cannot be used stops the run before it starts.
  let priceList: ReturnType<typeof readPriceFile> | undefined;
  try {
    priceList = values.prices === undefined ? undefined : readPriceFile(values.prices);
  } catch (error) {
    if (error instanceof PriceFileError) throw new CannotRun(error.message);
    throw error;
  }

  // Streamed: each file is read, checked, folded into the counts and dropped, so memory holds a
  // few models at a time plus the fold (a few kB per journey), however many files there are.
  const found = findFiles(positionals);
  const isModel = (f: Found) => f.status === 'file' && modelFileSkip(f.path) === null;
  const folded = foldFiles(
    found.filter(isModel).map((f) => f.path),
    map,
    // What pricing reads is folded only when there is a price list to read it.
    priceList !== undefined,
  );
  const { fold } = folded;
  // One line per file given or found, in order: counted, a duplicate, rejected, or skipped —
  // written at once: fifteen thousand writes of a line each took a tenth of a second.
  const tally: Tally = { checked: 0, bad: folded.rejected, skipped: 0 };
  let next = 0;
  const lines = found.map((f) => {
    if (isModel(f)) {
      tally.checked++;
      return folded.lines[next++]!;
    } else if (f.status === 'invalid') {
      tally.bad++;
      return `${shown(f.path)}: rejected — ${f.reason}`;
    }
    tally.skipped++;
    return skippedLine(f.path, f.status === 'skipped' ? f.reason : notModel(f.path));
  });
  if (lines.length > 0) console.log(lines.join('\n'));
  if (fold.size === 0) {
    // Nothing is written: tables of no model would only say that nothing was there.
    throw new CannotRun(
      tally.checked === 0
        ? `nothing could be aggregated: ${nothingFound(tally, 'no model file')}`
        : `nothing could be aggregated: no valid model among the files (${tally.bad} rejected)`,
    );
  }

  // Every value of the field, and "missing" (the field left empty in the model) where the field
  // can be: the groups the app's filter offers, suppressed by the same rules. Not "not_stated":
  // that is a value of its own (sex: the citizen chose not to say).
  const groups: { label: string; filter: CohortFilter }[] = by
    ? [
        ...FILTER_VALUES[by].map((value) => ({
          label: `${by}=${value}`,
          filter: { [by]: value, map } as CohortFilter,
        })),
        ...(by === 'conditionGroup'
          ? []
          : [{ label: `${by}=missing`, filter: { [by]: null, map } as CohortFilter }]),
      ]
    : [{ label: '', filter: { map } }];
  const results = groups.map((g) => ({
    group: g.label,
    aggregate: aggregate(fold, g.filter, k, priceList),
  }));
  outFolder(values.out);
  writeFileAtomic(
    join(values.out, 'aggregate.json'),
    `${JSON.stringify({ k, journeys: fold.size >= k ? fold.size : 'hidden', results }, null, 2)}\n`,
  );
  const merged = new Map<string, Table>();
  for (const r of results) {
    for (const t of tablesOf(r.aggregate, r.group)) {
      const m = merged.get(t.name);
      if (m) for (const row of t.rows) m.rows.push(row);
      else merged.set(t.name, { ...t, rows: [...t.rows] });
    }
  }
  for (const t of merged.values())
    writeFileAtomic(join(values.out, `${t.name}.csv`), toExcelCsv(t));
  // A run without prices writes no cost tables: an earlier run's would be taken for this one's.
  const stale = COST_TABLE_NAMES.filter((name) => !merged.has(name)).map((n) => `${n}.csv`);
  const outDir = values.out;
  const removed = stale.filter((file) => existsSync(join(outDir, file)));
  for (const file of removed) rmSync(join(outDir, file), { force: true });
  if (removed.length > 0) {
    console.log(
      `Removed the cost tables of an earlier run from ${shown(values.out)} (${removed.join(', ')}): this run was given no price list (--prices)`,
    );
  }
  const suppressed = results.filter((r) => r.aggregate.suppressed).map((r) => r.group || 'all');
  console.log(
    // Like every figure, the number of models is given only when it is at least k.
    `Aggregated ${fold.size >= k ? fold.size : `fewer than ${k}`} models (${tally.bad} rejected) with k = ${k} into ${shown(values.out)}` +
      (suppressed.length ? `; hidden entirely (too few journeys): ${suppressed.join(', ')}` : ''),
  );
  return tally.bad === 0 ? EXIT_OK : EXIT_SOME_REJECTED;
}

export function main(argv: string[]): number {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'export':
        return exportCommand(rest);
      case 'validate':
        return validateCommand(rest);
      case 'convert':
        return convertCommand(rest);
      case 'aggregate':
        return aggregateCommand(rest);
      case 'backup':
        return backupCommand(rest);
      case 'restore':
        return restoreCommand(rest);
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        console.log(USAGE);
        return command === undefined ? EXIT_NOTHING_DONE : EXIT_OK;
      default:
        throw new UsageError(`Unknown command: ${command}`);
    }
  } catch (error) {
    if (
      error instanceof UsageError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      console.error(`${(error as Error).message}\n\n${USAGE}`);
      return EXIT_NOTHING_DONE;
    }
    if (error instanceof CannotRun) {
      console.error(`pathway ${command}: ${error.message}`);
      return EXIT_NOTHING_DONE;
    }
    // Unforeseen (a disk full, a bug): what was done before it stands, and it is told.
    // Its message can hold a path as given: escaped, as every path printed.
    console.error(`pathway ${command}: stopped — ${shown((error as Error).message)}`);
    return EXIT_SOME_REJECTED;
  }
}

/** Entry for bin/pathway.cjs. */
export function run(): void {
  process.exitCode = main(process.argv.slice(2));
}
