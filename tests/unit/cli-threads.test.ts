import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { MessageChannel } from 'node:worker_threads';
import { combine, foldPart, piecesFrom, work } from '../../electron/cli/fold-files';
import { aggregate as figuresOf } from '../../shared/analysis/aggregate';
import { randomModels, rng } from '../support/generate-models';

/**
 * `pathway aggregate` shares many files among worker threads. Run as users run it (the bundled
 * command line, in its own process), with threads and without, it must write the same files and
 * say the same things about rejected and duplicate files.
 */
const BUNDLE = 'dist/test-cli/pathway.cjs';
const WORKER = 'dist/test-cli/fold-worker.cjs';
/** As bin/pathway.cjs, for the bundle built here. */
const BIN = 'dist/test-cli/bin.cjs';
let dir: string;

beforeAll(async () => {
  // Inside the project, so the bundle finds better-sqlite3 in node_modules.
  // The command line and, beside it, the file its folding threads run.
  for (const [entry, outfile] of [
    ['electron/cli/pathway.ts', BUNDLE],
    ['electron/cli/fold-worker.ts', WORKER],
  ]) {
    await build({
      entryPoints: [entry!],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node22',
      outfile,
      external: ['electron', 'better-sqlite3'],
      logLevel: 'warning',
    });
  }
  writeFileSync(BIN, "require('./pathway.cjs').run();\n");
  dir = mkdtempSync(join(tmpdir(), 'pathway-cli-threads-'));
  const models = join(dir, 'models');
  mkdirSync(models);
  const texts = randomModels(300, 41, 8).map((m) => JSON.stringify(m));
  texts.forEach((t, i) => writeFileSync(join(models, `m${String(i).padStart(3, '0')}.json`), t));
  // Copies of models in other threads' runs, and broken files among them.
  writeFileSync(join(models, 'm250-copy.json'), texts[10]!);
  writeFileSync(join(models, 'm050-copy.json'), texts[280]!);
  writeFileSync(join(models, 'm120-broken.json'), texts[5]!.slice(0, 300));
  writeFileSync(join(models, 'm299-tampered.json'), texts[7]!.replace('"2026-11"', '"2025-01"'));
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function aggregate(threads: number, out: string, pieceFiles?: number, preload?: string, bin = BIN) {
  const r = spawnSync(
    process.execPath,
    [
      ...(preload ? ['--require', preload] : []),
      bin,
      'aggregate',
      join(dir, 'models'),
      '--by',
      'municipality',
      '--out',
      out,
    ],
    {
      encoding: 'utf8',
      env: {
        ...process.env,
        PATHWAY_THREADS: String(threads),
        ...(pieceFiles ? { PATHWAY_PIECE_FILES: String(pieceFiles) } : {}),
      },
    },
  );
  expect(r.stderr).toBe('');
  // Done, with the broken and tampered files rejected: exit 1.
  expect(r.status).toBe(1);
  const files = Object.fromEntries(
    readdirSync(out).map((f) => [f, readFileSync(join(out, f), 'utf8')]),
  );
  return { stdout: r.stdout, files };
}

it('gives the same figures and notes with three threads as with one', () => {
  const one = aggregate(1, join(dir, 'one'));
  const three = aggregate(3, join(dir, 'three'));
  expect(three.files).toEqual(one.files);
  expect(three.stdout).toBe(one.stdout.replace(join(dir, 'one'), join(dir, 'three')));
  const lines = one.stdout.trim().split('\n');
  expect(lines.filter((l) => l.includes('rejected —'))).toHaveLength(2);
  // One line per file, in file order, whichever thread read it; then the summary.
  expect(lines).toHaveLength(304 + 1);
  expect(lines.filter((l) => l.endsWith(': counted'))).toHaveLength(300);
  // The first file of an export counts; the later copy is the duplicate, whichever thread read it.
  expect(
    lines.filter((l) => l.includes('duplicate of export')).map((l) => l.split(':')[0]),
  ).toEqual([join(dir, 'models', 'm250-copy.json'), join(dir, 'models', 'm280.json')]);
  expect(JSON.parse(one.files['aggregate.json']!).journeys).toBe(300);
  // Worker threads sending their folds back in many small pieces: the same again.
  const pieces = aggregate(3, join(dir, 'pieces'), 7);
  expect(pieces.files).toEqual(one.files);
  expect(pieces.stdout).toBe(one.stdout.replace(join(dir, 'one'), join(dir, 'pieces')));
}, 60_000);

it('has its worker threads fold files: they start and send their pieces back', () => {
  // The command's own thread is slowed (10 ms per file read) so the workers, once started, find
  // files left to take; it counts the pieces it receives. With workers that never started, it
  // would read every file itself and receive none.
  const received = join(dir, 'received.txt');
  const preload = join(dir, 'count-pieces.cjs');
  writeFileSync(
    preload,
    `const threads = require('node:worker_threads');
if (threads.isMainThread) {
  const fs = require('node:fs');
  const readSync = fs.readSync;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  fs.readSync = (...args) => (Atomics.wait(pause, 0, 0, 10), readSync(...args));
  const receive = threads.receiveMessageOnPort;
  let pieces = 0;
  threads.receiveMessageOnPort = (port) => {
    const m = receive(port);
    if (m) pieces++;
    return m;
  };
  process.on('exit', () => fs.writeFileSync(${JSON.stringify(received)}, String(pieces)));
}
`,
  );
  const one = aggregate(1, join(dir, 'one-again'));
  const counted = aggregate(3, join(dir, 'counted'), 7, preload);
  expect(Number(readFileSync(received, 'utf8'))).toBeGreaterThan(0);
  expect(counted.files).toEqual(one.files);
  expect(counted.stdout).toBe(one.stdout.replace(join(dir, 'one-again'), join(dir, 'counted')));
}, 90_000);

it('does not wait for worker threads that never started when it read every file itself', () => {
  // Every worker thread fails as it loads; the command's own thread takes all the files.
  const preload = join(dir, 'no-workers.cjs');
  writeFileSync(
    preload,
    "if (!require('node:worker_threads').isMainThread) throw new Error('no worker here');\n",
  );
  const one = aggregate(1, join(dir, 'alone'));
  const t0 = performance.now();
  const without = aggregate(3, join(dir, 'no-workers'), undefined, preload);
  // A worker that stops before answering is given a minute before the run gives up; these never
  // took a file, so nothing is waited for.
  expect(performance.now() - t0).toBeLessThan(30_000);
  expect(without.files).toEqual(one.files);
  expect(without.stdout).toBe(one.stdout.replace(join(dir, 'alone'), join(dir, 'no-workers')));
}, 90_000);

it("folds every file in its own thread when the threads' file is not beside it", () => {
  // The command line's bundle alone, as a copy without fold-worker.cjs beside it.
  const alone = 'dist/test-cli-alone';
  mkdirSync(alone, { recursive: true });
  copyFileSync(BUNDLE, join(alone, 'pathway.cjs'));
  writeFileSync(join(alone, 'bin.cjs'), "require('./pathway.cjs').run();\n");
  const one = aggregate(1, join(dir, 'with-one'));
  const without = aggregate(3, join(dir, 'no-thread-file'), 7, undefined, join(alone, 'bin.cjs'));
  expect(without.files).toEqual(one.files);
  expect(without.stdout).toBe(
    one.stdout.replace(join(dir, 'with-one'), join(dir, 'no-thread-file')),
  );
}, 60_000);

/** One file per entry of `order` (a model's index, so a model can have copies), in that order. */
function writeInOrder(
  folder: string,
  prefix: string,
  models: readonly unknown[],
  order: readonly number[],
): string[] {
  return order.map((m, i) => {
    const file = join(folder, `${prefix}${String(i).padStart(2, '0')}.json`);
    writeFileSync(file, JSON.stringify(models[m]));
    return file;
  });
}

/**
 * Which thread reads which file is decided while they run. Whatever the split, merging the
 * threads' folds must give what one thread reading every file in order gives: the same lines
 * (the first file of an export counted, each later copy a duplicate) and the same figures.
 */
it('merges any split of the files among threads as one thread reads them', () => {
  const folder = join(dir, 'split');
  mkdirSync(folder);
  const models = randomModels(8, 97, 6);
  // Copies of exports early and late, so a later thread often holds the first copy.
  const order = [0, 1, 2, 1, 3, 0, 4, 5, 2, 6, 7, 5, 5, 3, 0];
  const files = writeInOrder(folder, 'f', models, order);
  writeFileSync(files[9]!, '{ broken');
  const one = foldPart(files, 'asIs');
  const expected = {
    lines: combine(files, one, []).lines,
    figures: figuresOf(one.fold, { map: 'asIs' }, 5),
  };
  expect(expected.lines.filter((l) => l.includes('duplicate of export'))).toHaveLength(7);
  const random = rng(2026);
  for (let round = 0; round < 40; round++) {
    const threads = 2 + Math.floor(random() * 3);
    const taken: number[][] = Array.from({ length: threads }, () => []);
    files.forEach((_, i) => taken[Math.floor(random() * threads)]!.push(i));
    const [own, ...others] = taken.map((indexes) => foldPart(files, 'asIs', indexes));
    const merged = combine(
      files,
      own!,
      others.map((p) => ({ ...p, packed: p.fold.pack() })),
    );
    expect({ round, lines: merged.lines }).toEqual({ round, lines: expected.lines });
    expect(merged.rejected).toBe(1);
    expect(figuresOf(merged.fold, { map: 'asIs' }, 5)).toEqual(expected.figures);
  }
});

it("takes a worker thread's folds back piece by piece, every file answered for", () => {
  const folder = join(dir, 'pieces-in-process');
  mkdirSync(folder);
  const models = randomModels(6, 31, 5);
  const files = writeInOrder(folder, 'p', models, [0, 1, 2, 3, 1, 4, 5, 0, 2, 5, 3, 4, 0]);
  writeFileSync(files[6]!, '[]');
  const one = foldPart(files, 'asIs');
  const expected = combine(files, one, []);
  // The worker's code in this thread, alone: it takes every file, in pieces of 4.
  const shared = new Int32Array(new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT));
  const { port1, port2 } = new MessageChannel();
  work({ kind: 'pathway-fold', files, map: 'asIs', pricing: true, port: port2, shared }, 4);
  const pieces = piecesFrom([port1]);
  port1.close();
  expect(pieces.map((p) => p.fileOf.length + p.notes.length)).toEqual([4, 4, 4, 1]);
  const merged = combine(files, foldPart(files, 'asIs', []), pieces);
  expect(merged.lines).toEqual(expected.lines);
  expect(merged.rejected).toBe(1);
  expect(figuresOf(merged.fold, { map: 'asIs' }, 5)).toEqual(
    figuresOf(one.fold, { map: 'asIs' }, 5),
  );
});
