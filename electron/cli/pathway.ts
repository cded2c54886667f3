/**
 * `pathway`: the command line for batch work, on the same code as the app.
 *
 *   pathway export --db FILE (--journey ID | --all) --out DIR [--format model|ocel|xes|csv|all]
 *   pathway validate FILE|DIR...   (each file by its kind: model, OCEL 2.0 JSON, XES or CSV)
 *   pathway convert MODEL --to ocel|xes|csv [--out FILE]
 *   pathway convert FILE|DIR... --to csv --out FILE
 *   pathway aggregate FILE|DIR... [--k N] [--by FIELD] --out DIR
 */
import { randomUUID } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  aggregate,
  DEFAULT_K,
  FILTER_FIELDS,
  FILTER_VALUES,
  type CohortFilter,
} from '../../shared/analysis/aggregate';
import { tablesOf, toExcelCsv, type Table } from '../../shared/analysis/tables';
import { ExportRefusedError } from '../../shared/model/anonymise';
import { CSV_HEADER, csvRowsOf, toCsv, toOcel, toXes } from '../../shared/model/event-log';
import { en } from '../../shared/i18n/en';
import { JourneyRepository } from '../db/journey-repository';
import { openDatabase } from '../db/open';
import { WorkshopRepository } from '../db/workshop-repository';
import {
  EXPORT_FORMATS,
  ExportService,
  renderFormats,
  type ExportFormat,
} from '../export/export-service';
import { writeFileAtomic } from '../export/write-file';
import { checkModelFile } from '../import/model-file';
import { foldFiles } from './fold-files';
import { validateFile } from './validate-kinds';

const USAGE = `Usage:
  pathway export --db FILE (--journey ID | --all) --out DIR [--format model|ocel|xes|csv|all]
  pathway validate FILE|DIR...                        (models, OCEL 2.0 JSON, XES and CSV event logs,
                                                      each by its own rules; other files are skipped)
  pathway convert MODEL --to ocel|xes|csv [--out FILE]
  pathway convert FILE|DIR... --to csv --out FILE     (many models into one event log)
  pathway aggregate FILE|DIR... [--k N] [--by ageBand|sex|municipality|conditionGroup] [--map asIs|toBe] --out DIR

Free texts are exported only as approved in the app's review screen.`;

class UsageError extends Error {}

function formatsOf(value: string | undefined): ExportFormat[] {
  if (value === undefined || value === 'model') return ['model'];
  if (value === 'all') return [...EXPORT_FORMATS];
  if ((EXPORT_FORMATS as readonly string[]).includes(value)) return [value as ExportFormat];
  throw new UsageError(`Unknown format: ${value}`);
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
  if (!existsSync(values.db)) throw new UsageError(`No database at ${values.db}`);
  const formats = formatsOf(values.format);
  const db = openDatabase(values.db);
  try {
    const journeys = new JourneyRepository(db);
    const service = new ExportService(db, journeys, new WorkshopRepository(db, journeys));
    const ids = values.all ? journeys.list(undefined, true).map((j) => j.id) : values.journey!;
    mkdirSync(values.out, { recursive: true });
    let failures = 0;
    for (const id of ids) {
      const source = service.source(id);
      if (!source) {
        console.error(`${id}: no such journey`);
        failures++;
        continue;
      }
      try {
        const model = service.model(id, source, new Date(), randomUUID);
        const files = renderFormats(model, formats);
        for (const f of files) writeFileAtomic(join(values.out, f.name), f.content);
        service.record(randomUUID(), id, model, formats, new Date().toISOString());
        console.log(`${id}: exported ${files.map((f) => f.name).join(', ')}`);
      } catch (error) {
        if (error instanceof ExportRefusedError) {
          console.error(`${id}: skipped, no consent to an anonymised export`);
          if (!values.all) failures++;
        } else throw error;
      }
    }
    return failures === 0 ? 0 : 1;
  } finally {
    db.close();
  }
}

function filesIn(paths: string[]): string[] {
  return paths.flatMap((p) => {
    if (!existsSync(p)) return [p];
    if (statSync(p).isDirectory()) {
      return readdirSync(p)
        .filter((f) => !f.startsWith('.'))
        .sort()
        .map((f) => join(p, f))
        .filter((f) => statSync(f).isFile());
    }
    return [p];
  });
}

/**
 * Every file by its kind: models by the model checks, OCEL 2.0 JSON, XES and CSV event logs by
 * their own rules (see validate-kinds.ts); a file of no kind it knows is skipped, not failed.
 */
function validateCommand(args: string[]): number {
  if (args.length === 0) throw new UsageError('validate needs at least one FILE or DIR');
  let bad = 0;
  for (const file of filesIn(args)) {
    const verdict = validateFile(file);
    console.log(verdict.line);
    if (verdict.status === 'invalid') bad++;
  }
  return bad === 0 ? 0 : 1;
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
  if (positionals.length > 1 || (existsSync(file) && statSync(file).isDirectory())) {
    return convertManyToCsv(positionals, values.to, values.out);
  }
  const result = checkModelFile(file);
  if (!result) {
    console.error(`${file}: INVALID — no such file`);
    return 1;
  }
  if (!result.ok) {
    console.error(`${file}: INVALID — ${en.program.reasons[result.reason]}`);
    return 1;
  }
  const text =
    values.to === 'ocel'
      ? `${JSON.stringify(toOcel([result.model]), null, 2)}\n`
      : values.to === 'xes'
        ? toXes([result.model])
        : toCsv([result.model]);
  if (values.out) {
    writeFileAtomic(resolve(values.out), text);
    console.log(`${file}: converted to ${values.out}`);
  } else process.stdout.write(text);
  return 0;
}

/**
 * Many models (files and folders) into one CSV event log, written model by model so memory
 * holds one model at a time: the log that DuckDB, pm4py or Spark read as it is. Invalid files
 * are reported and left out; the log appears under its name only when complete.
 */
function convertManyToCsv(paths: string[], to: string, out: string | undefined): number {
  if (to !== 'csv') throw new UsageError('many models convert to one log with --to csv only');
  if (!out) throw new UsageError('many models convert to one log: give it a name with --out FILE');
  const target = resolve(out);
  const partial = `${target}.partial`;
  const fd = openSync(partial, 'w');
  let converted = 0;
  let invalid = 0;
  try {
    writeSync(fd, `${CSV_HEADER}\r\n`);
    for (const file of filesIn(paths)) {
      const result = checkModelFile(file) ?? ({ ok: false, reason: 'empty' } as const);
      if (!result.ok) {
        invalid++;
        console.log(`${file}: INVALID — ${en.program.reasons[result.reason]}, left out`);
        continue;
      }
      writeSync(fd, csvRowsOf(result.model));
      converted++;
    }
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(partial, { force: true });
    throw error;
  }
  closeSync(fd);
  renameSync(partial, target);
  console.log(`Converted ${converted} models (${invalid} invalid, left out) into ${out}`);
  return 0;
}

const GROUPS = FILTER_FIELDS;

function aggregateCommand(args: string[]): number {
  const { values, positionals } = parseArgs({
    args,
    options: {
      k: { type: 'string' },
      by: { type: 'string' },
      map: { type: 'string' },
      out: { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length === 0 || !values.out)
    throw new UsageError('aggregate needs FILE|DIR... and --out DIR');
  const k = values.k === undefined ? DEFAULT_K : Number(values.k);
  if (!Number.isInteger(k) || k < DEFAULT_K) {
    throw new UsageError(
      `--k must be a whole number of at least ${DEFAULT_K} (it can only be raised)`,
    );
  }
  const by = values.by as (typeof GROUPS)[number] | undefined;
  if (by !== undefined && !GROUPS.includes(by))
    throw new UsageError(`--by must be one of ${GROUPS.join(', ')}`);
  const map = (values.map ?? 'asIs') as 'asIs' | 'toBe';
  if (map !== 'asIs' && map !== 'toBe') throw new UsageError('--map must be asIs or toBe');

  // Streamed: each file is read, checked, folded into the counts and dropped, so memory holds a
  // few models at a time plus the fold (a few kB per journey), however many files there are.
  const { fold, rejected, notes } = foldFiles(filesIn(positionals), map);
  for (const line of notes) console.log(line);

  // Every value of the field, and "not stated" where the field has it: the groups the app's
  // filter offers, suppressed by the same rules.
  const groups: { label: string; filter: CohortFilter }[] = by
    ? [
        ...FILTER_VALUES[by].map((value) => ({
          label: `${by}=${value}`,
          filter: { [by]: value, map } as CohortFilter,
        })),
        ...(by === 'conditionGroup'
          ? []
          : [{ label: `${by}=not_stated`, filter: { [by]: null, map } as CohortFilter }]),
      ]
    : [{ label: '', filter: { map } }];
  const results = groups.map((g) => ({
    group: g.label,
    aggregate: aggregate(fold, g.filter, k),
  }));
  mkdirSync(values.out, { recursive: true });
  writeFileAtomic(
    join(values.out, 'aggregate.json'),
    `${JSON.stringify({ k, journeys: fold.size >= k ? fold.size : 'hidden', results }, null, 2)}\n`,
  );
  const merged = new Map<string, Table>();
  for (const r of results) {
    for (const t of tablesOf(r.aggregate, r.group)) {
      const m = merged.get(t.name);
      if (m) m.rows.push(...t.rows);
      else merged.set(t.name, { ...t, rows: [...t.rows] });
    }
  }
  for (const t of merged.values())
    writeFileAtomic(join(values.out, `${t.name}.csv`), toExcelCsv(t));
  const suppressed = results.filter((r) => r.aggregate.suppressed).map((r) => r.group || 'all');
  console.log(
    // Like every figure, the number of models is given only when it is at least k.
    `Aggregated ${fold.size >= k ? fold.size : `fewer than ${k}`} models (${rejected} rejected) with k = ${k} into ${values.out}` +
      (suppressed.length ? `; hidden entirely (too few journeys): ${suppressed.join(', ')}` : ''),
  );
  return 0;
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
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        console.log(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`Unknown command: ${command}`);
    }
  } catch (error) {
    if (
      error instanceof UsageError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      console.error(`${(error as Error).message}\n\n${USAGE}`);
      return 2;
    }
    console.error(`pathway: ${(error as Error).message}`);
    return 1;
  }
}

/** Entry for bin/pathway.cjs. */
export function run(): void {
  process.exitCode = main(process.argv.slice(2));
}
