/**
 * Program analysis: importing 1,500 model files (~100 events each, 5 % invalid in varied ways)
 * through `dispatch` and the real handlers, against plain `JSON.parse` of the same texts in the
 * same run; then recomputing every view, unfiltered (cold: loads the models from the database)
 * and under a sequence of filters. Goals: the import takes ≤ 3× the bare parse, and one
 * recompute of all views takes ≤ 1 s.
 * Only a wrong import outcome (counts, or a file rejected for the wrong reason) fails the run;
 * times are reported, never enforced.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Database } from 'better-sqlite3';
import { openDatabase } from '../electron/db/open';
import { modelFileText } from '../shared/model/validate';
import { testKey } from '../tests/support/test-key';
import { createHandlers } from '../electron/handlers';
import { ProgramThreads } from '../electron/import/program-threads';

/** The workspace's worker, as built for the app (`npm run bench` builds it first). */
export const PROGRAM_WORKER = resolve('dist/electron/program-worker.cjs');
import type { CohortFilter } from '../shared/analysis/aggregate';
import { IMPORT_BATCH_FILES, type ImportResult } from '../shared/ipc/contract';
import { dispatch, type Handlers } from '../shared/ipc/dispatch';
import { randomModels } from '../tests/support/generate-models';
import { percentile, summarize, type Row } from './stats';

const MODELS = 1500;
const EVENTS_PER_MODEL = 100;
/** Every 20th file is broken: 5 %. */
const INVALID_EVERY = 20;
/** The app's import may take this many times the bare parse of the same texts. */
const IMPORT_RATIO_GOAL = 3;
const RECOMPUTE_BUDGET_MS = 1000;

const FILTERS: CohortFilter[] = [
  { municipality: 'lolland' },
  { ageBand: '60-69' },
  { sex: 'female' },
  { conditionGroup: 'mental_illness' },
  { map: 'toBe' },
  { ageBand: null },
  { sex: 'male', map: 'toBe' },
  { conditionGroup: 'chronic_somatic' },
  { map: 'toBe', municipality: 'lolland' },
  { municipality: 'guldborgsund' },
];

interface FileText {
  name: string;
  text: string;
  /** Its bytes, as the window reads a file (`File.arrayBuffer`) and sends it. */
  bytes: Uint8Array;
  /** Its size in bytes, as the window knows it from the file (`File.size`), without reading it. */
  size: number;
  /** Why the app must reject it; absent for a valid model. */
  expect?: ImportResult['reason'];
}

function replaceOnce(text: string, from: string, to: string): string {
  const i = text.indexOf(from);
  if (i < 0) throw new Error(`bench: cannot tamper with the model, ${from} not found`);
  return text.slice(0, i) + to + text.slice(i + from.length);
}

/** Breaks a valid model's text in one of four ways, each a different rejection reason. */
function spoil(text: string, kind: number): Pick<FileText, 'text' | 'expect'> {
  switch (kind % 4) {
    case 0:
      return { text: text.slice(0, Math.floor(text.length / 2)), expect: 'not_json' };
    case 1:
      // Still a well-formed model, but not the one the checksum was computed over.
      return {
        text: replaceOnce(text, '"exportMonth":"2026-11"', '"exportMonth":"2026-10"'),
        expect: 'checksum',
      };
    case 2:
      return { text: `{"__proto__":{"polluted":true},${text.slice(1)}`, expect: 'forbidden_key' };
    default:
      return {
        text: replaceOnce(text, '"schemaVersion":"1.0.0"', '"schemaVersion":"2.0.0"'),
        expect: 'unsupported_version',
      };
  }
}

export function programFiles(count = MODELS, seed = 20261101): FileText[] {
  return randomModels(count, seed, EVENTS_PER_MODEL).map((m, i) => {
    const name = `m${i}.json`;
    // Written as the app writes a model file.
    const text = modelFileText(m);
    const file = i % INVALID_EVERY === 0 ? spoil(text, i / INVALID_EVERY) : { text };
    const bytes = new TextEncoder().encode(file.text);
    return { name, ...file, bytes, size: bytes.byteLength };
  });
}

interface ImportRun {
  files: number;
  valid: number;
  invalid: number;
  megabytes: number;
  /** Bare JSON.parse of all texts, one sample per pass. */
  parse: number[];
  /** Each import's time over the bare parse measured just before it (the median of its passes). */
  ratios: number[];
  /** The whole import through dispatch, each run into a fresh database. */
  totals: number[];
  batches: number[];
}

/**
 * Sends the files as the window does (renderer/src/program/import-files.ts): in batches, two on
 * their way at once, answers taken in order. Each batch's time from sending to its answer goes
 * into `batchTimes`.
 */
export async function importAsTheWindowDoes(
  handlers: Handlers,
  files: { name: string; bytes: Uint8Array; size: number }[],
  batchTimes: number[] = [],
): Promise<ImportResult[]> {
  const results: ImportResult[] = [];
  const queue: Promise<ImportResult[]>[] = [];
  const importId = crypto.randomUUID();
  const send = (batch: { name: string; bytes: Uint8Array; size: number }[]) => {
    const t0 = performance.now();
    return dispatch(handlers, 'program:import', {
      files: batch.map((f) => ({ name: f.name, size: f.size, bytes: f.bytes })),
      importId,
    }).then((r) => {
      batchTimes.push(performance.now() - t0);
      if (!r.ok) throw new Error(`bench: program:import failed: ${r.error.message}`);
      return r.data as ImportResult[];
    });
  };
  for (let i = 0; i < files.length || queue.length > 0;) {
    while (queue.length < 2 && i < files.length) {
      queue.push(send(files.slice(i, i + IMPORT_BATCH_FILES)));
      i += IMPORT_BATCH_FILES;
    }
    results.push(...(await queue.shift()!));
  }
  return results;
}

/** Imports this many times, each into a fresh database; the first is the first after start. */
const IMPORT_RUNS = 9;
/** Bare parses of all texts measured before each import, the median of them its baseline. */
const PARSE_PASSES = 3;

/**
 * Generates the texts, parses them bare, then imports them IMPORT_RUNS times, each into a fresh
 * database from `fresh`; the texts are garbage once this returns, as they are in the app once a
 * folder is imported. The handlers of the last import are returned, its database holding the
 * models.
 */
async function parseAndImport(fresh: () => Handlers): Promise<ImportRun & { handlers: Handlers }> {
  const files = programFiles();
  const invalid = files.filter((f) => f.expect !== undefined).length;
  const truncated = files.filter((f) => f.expect === 'not_json').length;
  const valid = files.length - invalid;
  const bytes = files.reduce((s, f) => s + Buffer.byteLength(f.text), 0);

  // The baseline: a few passes of bare JSON.parse (native: nothing to warm up), measured just
  // before each import. This machine's speed moves by half from one minute to the next, so each
  // import is compared with the parse of its own round.
  const parse: number[] = [];
  const parsePasses = (): number[] => {
    const passes: number[] = [];
    for (let pass = 0; pass < PARSE_PASSES; pass++) {
      let parsed = 0;
      const t0 = performance.now();
      for (const f of files) {
        try {
          JSON.parse(f.text);
          parsed++;
        } catch {
          // The truncated files.
        }
      }
      passes.push(performance.now() - t0);
      if (parsed !== files.length - truncated) {
        throw new Error(`bench: baseline parsed ${parsed} of ${files.length} texts`);
      }
    }
    parse.push(...passes);
    return passes.sort((a, b) => a - b);
  };

  const totals: number[] = [];
  const ratios: number[] = [];
  const batches: number[] = [];
  let handlers: Handlers | undefined;
  for (let run = 0; run < IMPORT_RUNS; run++) {
    const baseline = percentile(parsePasses(), 50);
    handlers = fresh();
    const t0 = performance.now();
    const results = await importAsTheWindowDoes(handlers, files, batches);
    totals.push(performance.now() - t0);
    ratios.push(totals.at(-1)! / baseline);

    const imported = results.filter((r) => r.status === 'imported').length;
    const rejected = results.filter((r) => r.status === 'rejected').length;
    if (imported !== valid || rejected !== invalid || results.length !== files.length) {
      throw new Error(
        `bench: expected ${valid} imported and ${invalid} rejected, got ${imported} imported and ${rejected} rejected of ${results.length}`,
      );
    }
    files.forEach((f, i) => {
      const r = results[i]!;
      if (r.file !== f.name || r.reason !== f.expect) {
        throw new Error(
          `bench: ${f.name} expected ${f.expect ?? 'imported'}, got ${r.file} ${r.reason ?? r.status}`,
        );
      }
    });
  }
  return {
    files: files.length,
    valid,
    invalid,
    megabytes: bytes / 1024 / 1024,
    parse,
    ratios,
    totals,
    batches,
    handlers: handlers!,
  };
}

async function recompute(handlers: Handlers, filter: CohortFilter): Promise<number> {
  const t0 = performance.now();
  const r = await dispatch(handlers, 'program:aggregate', { filter });
  const ms = performance.now() - t0;
  if (!r.ok) throw new Error(`bench: program:aggregate failed: ${r.error.message}`);
  return ms;
}

export async function benchProgram(): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), 'pathway-bench-program-'));
  const dbs: Database[] = [];
  // As in the app: the files are checked in worker threads started with it.
  const checking = new ProgramThreads(PROGRAM_WORKER);
  try {
    const fresh = () => {
      const db = openDatabase(join(dir, `app-${dbs.length}.sqlite`), testKey());
      dbs.push(db);
      return createHandlers({
        db,
        clock: () => new Date(),
        newId: () => crypto.randomUUID(),
        threads: checking,
      });
    };
    const run = await parseAndImport(fresh);
    const { handlers } = run;
    // Nothing was computed while importing: the first call loads the models from the database.
    const cold = await recompute(handlers, {});
    const filtered: number[] = [];
    for (const filter of FILTERS) filtered.push(await recompute(handlers, filter));

    const parse = summarize(
      `Baseline: JSON.parse of the same ${run.files} texts, total`,
      run.parse,
    );
    const imports = summarize('', run.totals);
    const sorted = [...run.ratios].sort((a, b) => a - b);
    const medianRatio = percentile(sorted, 50);
    return [
      {
        ...imports,
        name: `Program import, ${run.files} model files (~${EVENTS_PER_MODEL} events, ${run.megabytes.toFixed(1)} MB, ${run.invalid} invalid) in batches of ${IMPORT_BATCH_FILES} (dispatch + handler as the window sends them, two batches on their way at once, checked in ${checking.size} worker threads), ${IMPORT_RUNS} runs into fresh databases, each after ${PARSE_PASSES} bare parses: median ${medianRatio.toFixed(1)}× the bare parse of its round (${sorted[0]!.toFixed(1)}–${sorted.at(-1)!.toFixed(1)}×; the first after start ${run.ratios[0]!.toFixed(1)}×), goal ≤ ${IMPORT_RATIO_GOAL}×: ${medianRatio <= IMPORT_RATIO_GOAL ? 'met' : 'not met'}`,
        // The verdict is the label's, from each round's own ratio: a budget from the median
        // parse would compare times measured minutes apart.
      },
      summarize(`Program import, one batch of ${IMPORT_BATCH_FILES} files`, run.batches),
      parse,
      summarize(
        `Program analysis, all views, unfiltered, cold (loads ${run.valid} models from the database)`,
        [cold],
        RECOMPUTE_BUDGET_MS,
      ),
      summarize(
        `Program analysis, all views, ${FILTERS.length} filters in sequence`,
        filtered,
        RECOMPUTE_BUDGET_MS,
      ),
    ];
  } finally {
    await checking.close();
    for (const db of dbs) db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
