import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/open';
import { rng } from '../support/generate-models';
import { openRaw, testKey } from '../support/test-key';

/**
 * Hard kills during map autosave, in bounded time. A child process opens a real SQLite file with
 * the app's openDatabase and makes edits through the real handlers and `dispatch`, as the map's
 * autosave does: new cards, cards moved and renamed, connections, pain points. After each edit's
 * handler has returned, its id goes to a side file (write(2), which survives SIGKILL). The parent
 * kills the child with SIGKILL at random moments — mostly while it edits, sometimes while it opens
 * and recovers the file — and starts it again on the same file. At the end every acknowledged
 * edit must be in the database, and the file must pass SQLite's integrity and foreign-key checks.
 *
 * KILL_SEED=<n> replays a run's kill moments; KILLS=<n> changes their number.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const KILLS = Number(process.env.KILLS ?? 10);
const SEED = Number(process.env.KILL_SEED ?? Date.now() % 2 ** 31);
const OUT = join(ROOT, 'dist', 'test-kill', String(process.pid));
const DRIVER = join(OUT, 'driver.mjs');

/**
 * The child. Kept here, bundled by esbuild, so it runs the app's own modules (openDatabase,
 * createHandlers, dispatch) in a plain Node process. Ack lines:
 *   C <touchpoint> <stamp>   a card created with the label e<stamp>
 *   U <touchpoint> <stamp>   a card moved and renamed to e<stamp>
 *   T <transition>           a connection created
 *   P <pain point>           a pain point created
 * Stamps grow across runs, so a card's stored label can only be its last acknowledged stamp or a
 * later (committed, not yet acknowledged) one.
 */
const DRIVER_SOURCE = `
import { openSync, writeSync } from 'node:fs';
import { openDatabase } from './electron/db/open';
import { testKey } from './tests/support/test-key';
import { createHandlers } from './electron/handlers';
import { dispatch } from './shared/ipc/dispatch';

const [file, ackFile, runText] = process.argv.slice(2);
const run = Number(runText);
const acks = openSync(ackFile, 'a');
const ack = (line) => writeSync(acks, line + '\\n');
const db = openDatabase(file, testKey());
const handlers = createHandlers({ db, clock: () => new Date(), newId: () => crypto.randomUUID() });
async function call(channel, payload) {
  const r = await dispatch(handlers, channel, payload);
  if (!r.ok) throw new Error(channel + ': ' + r.error.code + ' ' + r.error.message);
  return r.data;
}
const journeys = await call('journeys:list', {});
const journey = journeys[0] ?? (await call('journeys:create', { alias: 'Kill' }));
const cards = (await call('journeys:get', { id: journey.id })).touchpoints.map((t) => t.id);
writeSync(1, 'READY\\n');
let seq = 0;
const stop = Date.now() + 30000; // never outlives a broken parent
while (Date.now() < stop) {
  seq++;
  const stamp = run * 1000000 + seq;
  const pick = seq % 5;
  if (cards.length < 2 || pick === 0) {
    const tp = await call('touchpoints:create', {
      journeyId: journey.id, x: seq % 1000, y: run * 10, label: 'e' + stamp,
    });
    ack('C ' + tp.id + ' ' + stamp);
    const previous = cards[cards.length - 1];
    cards.push(tp.id);
    if (previous) {
      const tr = await call('transitions:create', {
        journeyId: journey.id, sourceId: previous, targetId: tp.id,
      });
      ack('T ' + tr.id);
    }
  } else if (pick === 4) {
    const pp = await call('painPoints:create', {
      touchpointId: cards[seq % cards.length], category: 'waiting', text: 'p' + stamp,
    });
    ack('P ' + pp.id);
  } else {
    const id = cards[(seq * 7) % cards.length];
    await call('touchpoints:update', {
      id, patch: { x: (seq * 13) % 2000, y: (seq * 17) % 900, label: 'e' + stamp },
    });
    ack('U ' + id + ' ' + stamp);
  }
}
`;

let dir: string;
beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  // Inside the project, so the bundle finds better-sqlite3 in node_modules.
  await build({
    stdin: { contents: DRIVER_SOURCE, resolveDir: ROOT, loader: 'js', sourcefile: 'driver.js' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    outfile: DRIVER,
    external: ['electron', 'better-sqlite3'],
    // better-sqlite3 is CommonJS: give the ES module bundle a require of its own.
    banner: {
      js: "import { createRequire as bannerRequire } from 'node:module'; const require = bannerRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
  dir = mkdtempSync(join(tmpdir(), 'pathway-kill-'));
}, 60_000);
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(OUT, { recursive: true, force: true });
});

interface Run {
  ready: boolean;
  signal: NodeJS.Signals | null;
  code: number | null;
  stderr: string;
}

/** Starts the child and SIGKILLs it `delayMs` after it is ready (or after it starts). */
function runAndKill(
  file: string,
  ackFile: string,
  run: number,
  delayMs: number,
  fromStart: boolean,
) {
  return new Promise<Run>((resolve) => {
    const child = spawn(process.execPath, [DRIVER, file, ackFile, String(run)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const result: Run = { ready: false, signal: null, code: null, stderr: '' };
    const kill = () => setTimeout(() => child.kill('SIGKILL'), delayMs);
    if (fromStart) kill();
    child.stdout.on('data', (chunk: Buffer) => {
      if (!result.ready && chunk.toString().includes('READY')) {
        result.ready = true;
        if (!fromStart) kill();
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (result.stderr += chunk.toString()));
    // A child that hangs before it is ready is killed too, and reported as not ready.
    const guard = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.on('exit', (code, signal) => {
      clearTimeout(guard);
      resolve({ ...result, code, signal });
    });
  });
}

it(`keeps every acknowledged edit through ${KILLS} hard kills (KILL_SEED=${SEED})`, async () => {
  const file = join(dir, 'kill.sqlite');
  const random = rng(SEED);
  const runs: Run[] = [];
  const ackFiles: string[] = [];
  for (let i = 1; i <= KILLS; i++) {
    const ackFile = join(dir, `acks-${i}.log`);
    ackFiles.push(ackFile);
    // Every fourth kill counts from the start, so some land while the file is opened,
    // recovered from the WAL and checked; the rest land while edits are being saved.
    const fromStart = i % 4 === 0;
    const delay = fromStart ? Math.floor(random() * 400) : 20 + Math.floor(random() * 500);
    runs.push(await runAndKill(file, ackFile, i, delay, fromStart));
  }

  const report = runs.map((r, i) => `run ${i + 1}: ${r.signal ?? `exit ${r.code}`} ${r.stderr}`);
  // Every child was stopped by the kill, never by a crash of its own.
  for (const [i, r] of runs.entries()) expect(r.signal, report[i]).toBe('SIGKILL');

  /** Per card, the newest acknowledged stamp (its creation or its last rename). */
  const cards = new Map<string, number>();
  const connections: string[] = [];
  const painPoints: string[] = [];
  let perRunWithEdits = 0;
  let total = 0;
  for (const ackFile of ackFiles) {
    if (!existsSync(ackFile)) continue;
    // Only whole lines: a kill may land between the handler's return and the end of the line.
    const lines = readFileSync(ackFile, 'utf8').split('\n').slice(0, -1);
    if (lines.length > 0) perRunWithEdits++;
    total += lines.length;
    for (const line of lines) {
      const [kind, id, stamp] = line.split(' ') as [string, string, string?];
      if (kind === 'C' || kind === 'U') cards.set(id, Math.max(cards.get(id) ?? 0, Number(stamp)));
      else if (kind === 'T') connections.push(id);
      else if (kind === 'P') painPoints.push(id);
      else throw new Error(`unexpected ack line: ${line}`);
    }
  }
  // Not vacuous: most runs were killed while saving, and many edits were acknowledged.
  expect(perRunWithEdits, report.join('\n')).toBeGreaterThanOrEqual(Math.ceil(KILLS / 2));
  expect(total).toBeGreaterThan(KILLS * 5);

  // The file as the app would find it on its next start: recovered by SQLite, then checked.
  const db = openRaw(file);
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const labels = new Map(
      (
        db.prepare('SELECT id, label FROM touchpoints').all() as { id: string; label: string }[]
      ).map((r) => [r.id, Number(r.label.slice(1))]),
    );
    const lost: string[] = [];
    for (const [id, stamp] of cards) {
      const stored = labels.get(id);
      if (stored === undefined) lost.push(`card ${id} is missing; e${stamp} was acknowledged`);
      else if (stored < stamp) lost.push(`card ${id}: e${stored}, but e${stamp} was acknowledged`);
    }
    const has = (table: string, ids: string[]) => {
      const stmt = db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`);
      for (const id of ids) if (!stmt.get(id)) lost.push(`${table} ${id} is missing`);
    };
    has('transitions', connections);
    has('pain_points', painPoints);
    expect(lost, `${total} acknowledged edits`).toEqual([]);
  } finally {
    db.close();
  }
  // And the app opens it as on its next start (pragmas, migrations, seeding).
  openDatabase(file, testKey()).close();
}, 60_000);
