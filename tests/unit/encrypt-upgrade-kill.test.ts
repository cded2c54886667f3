import BetterSqlite3, { type Database } from 'better-sqlite3';
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lookOfFile } from '../../electron/db/cipher';
import { upgradeFiles, type UpgradeStep } from '../../electron/db/encrypt-upgrade';
import { createHandlers } from '../../electron/handlers';
import { dispatch } from '../../shared/ipc/dispatch';
import { rng } from '../support/generate-models';
import { createPlainDatabase, openRaw } from '../support/test-key';

/**
 * Hard kills while an unencrypted database is encrypted in place, in bounded time. A child process
 * opens a copy of the same plain database (its last edits only in the WAL, as a crash leaves it)
 * with the app's openDatabase and the test key, and is killed with SIGKILL: by itself right after
 * each step of the upgrade, or by the parent at random moments (mostly while the encrypted copy is
 * written). After every kill the parent looks at the file as it is — one whole database with all
 * rows, plain or encrypted — and then a new child opens it again, which must finish the upgrade:
 * the file encrypted, every row there, no plain copy left in the folder.
 *
 * KILL_SEED=<n> replays the random kill moments; UPGRADE_KILLS=<n> changes their number.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const RANDOM_KILLS = Number(process.env.UPGRADE_KILLS ?? 8);
const SEED = Number(process.env.KILL_SEED ?? Date.now() % 2 ** 31);
const OUT = join(ROOT, 'dist', 'test-upgrade-kill', String(process.pid));
const DRIVER = join(OUT, 'driver.mjs');

const STEPS: UpgradeStep[] = [
  'wal-kept',
  'checkpointed',
  'backed-up',
  'copied',
  'verified',
  'replaced',
  'erasing',
  'erased',
];

/** The child: opens the database as the app does; `KILL_AT` makes it kill itself after a step. */
const DRIVER_SOURCE = `
import { writeSync } from 'node:fs';
import { openDatabase } from './electron/db/open';
import { testKey } from './tests/support/test-key';

const [file, killAt] = process.argv.slice(2);
writeSync(1, 'BEGIN\\n');
const db = openDatabase(file, {
  ...testKey(),
  onUpgradeStep: (step) => {
    writeSync(1, 'STEP ' + step + '\\n');
    if (step === killAt) process.kill(process.pid, 'SIGKILL');
  },
});
const n = db.prepare('SELECT count(*) FROM journeys').pluck().get();
db.close();
writeSync(1, 'DONE ' + n + '\\n');
`;

/** A distinctive text in the plain database; it must never be left in clear after the upgrade. */
const MARKER = 'Ærtebølle-Kvistgaard siger: ventetiden var det værste';

let base: string;
let template: string;
/** Rows per table of the template, as the app would read them (the WAL included). */
let expected: Record<string, number>;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  await build({
    stdin: { contents: DRIVER_SOURCE, resolveDir: ROOT, loader: 'js', sourcefile: 'driver.js' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    outfile: DRIVER,
    external: ['electron', 'better-sqlite3'],
    banner: {
      js: "import { createRequire as bannerRequire } from 'node:module'; const require = bannerRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
  base = mkdtempSync(join(tmpdir(), 'pathway-upgrade-kill-'));
  // The plain database: a few hundred kilobytes, so the copy takes a moment; the last edits
  // committed in the WAL only, then the files copied while it is open (a crash).
  const source = join(base, 'source', 'plain.sqlite');
  const db = createPlainDatabase(source);
  const handlers = createHandlers({
    db,
    clock: () => new Date(),
    newId: () => crypto.randomUUID(),
  });
  db.transaction(() => {
    for (let j = 0; j < 20; j++) {
      const journey = handlers['journeys:create']({ alias: `Borger ${j}` }) as { id: string };
      for (let k = 0; k < 40; k++) {
        handlers['touchpoints:create']({
          journeyId: journey.id,
          x: k,
          y: j,
          label: `Kontakt ${k} ${'·'.repeat(60)}`,
        });
      }
    }
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('wal_autocheckpoint = 0');
  const last = await dispatch(handlers, 'journeys:create', { alias: 'Kun i WAL' });
  if (!last.ok) throw new Error(last.error.message);
  await dispatch(handlers, 'touchpoints:create', {
    journeyId: (last.data as { id: string }).id,
    x: 0,
    y: 0,
    label: 'Akut',
  });
  const tp = db.prepare("SELECT id FROM touchpoints WHERE label = 'Akut'").pluck().get() as string;
  await dispatch(handlers, 'touchpoints:update', { id: tp, patch: { quote: MARKER } });
  template = join(base, 'template');
  mkdirSync(template);
  for (const suffix of ['', '-wal', '-shm']) {
    copyFileSync(`${source}${suffix}`, join(template, `db.sqlite${suffix}`));
  }
  expected = countsOf(db);
  db.close();
}, 60_000);

afterAll(() => {
  rmSync(base, { recursive: true, force: true });
  rmSync(OUT, { recursive: true, force: true });
});

function countsOf(db: Database, only?: string[]): Record<string, number> {
  const tables =
    only ??
    (db
      .prepare(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .pluck()
      .all() as string[]);
  return Object.fromEntries(
    tables.map((t) => [t, db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number]),
  );
}

let runs = 0;
/** A fresh copy of the plain database (file, WAL and index) in a folder of its own. */
function freshCopy(): string {
  const dir = join(base, `run-${++runs}`);
  mkdirSync(dir);
  for (const suffix of ['', '-wal', '-shm']) {
    copyFileSync(join(template, `db.sqlite${suffix}`), join(dir, `db.sqlite${suffix}`));
  }
  return join(dir, 'db.sqlite');
}

interface Run {
  signal: NodeJS.Signals | null;
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the child; `killAfterMs` kills it that long after it began (or it kills itself at a step). */
function runChild(file: string, killAt = '', killAfterMs?: number): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [DRIVER, file, killAt], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const run: Run = { signal: null, code: null, stdout: '', stderr: '' };
    child.stdout.on('data', (chunk: Buffer) => {
      const before = run.stdout;
      run.stdout += chunk.toString();
      if (killAfterMs !== undefined && !before.includes('BEGIN') && run.stdout.includes('BEGIN')) {
        setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (run.stderr += chunk.toString()));
    const guard = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('exit', (code, signal) => {
      clearTimeout(guard);
      resolve({ ...run, code, signal });
    });
  });
}

/**
 * The file as it is after a kill: one whole database with every row, plain (read as it is, its
 * WAL included) or encrypted (read with the test key). Read-only: the next run must find the
 * state the kill left.
 */
function expectWhole(file: string, what: string): 'plain' | 'encrypted' {
  const look = lookOfFile(file);
  expect(['plain', 'encrypted'], `${what}: the file is ${look}`).toContain(look);
  // A kill in the middle of a write in rollback-journal mode (switching to WAL writes the header
  // that way) leaves a hot journal, which SQLite rolls back on the next read-write open and a
  // read-only connection cannot: then the database is read from a copy of the folder, opened as
  // the app opens it, and the file the next run finds stays as the kill left it.
  const read = existsSync(`${file}-journal`) ? copyOfFolder(file) : file;
  const readonly = read === file;
  const db =
    look === 'plain'
      ? new BetterSqlite3(read, { readonly, fileMustExist: true })
      : openRaw(read, { readonly, fileMustExist: true });
  try {
    expect(db.pragma('integrity_check', { simple: true }), what).toBe('ok');
    // The tables of the plain database (a finishing run may add newer ones by migrating).
    expect(countsOf(db, Object.keys(expected)), what).toEqual(expected);
    expect(
      db.prepare('SELECT count(*) FROM touchpoints WHERE quote = ?').pluck().get(MARKER),
      what,
    ).toBe(1);
  } finally {
    db.close();
  }
  return look as 'plain' | 'encrypted';
}

/** The database file and whatever lies beside it (journal, WAL), copied to a folder of its own. */
function copyOfFolder(file: string): string {
  const from = join(file, '..');
  const to = mkdtempSync(join(base, 'copy-'));
  for (const name of readdirSync(from)) copyFileSync(join(from, name), join(to, name));
  return join(to, basename(file));
}

/** After a finishing run: encrypted, every row, nothing else in the folder, no text in clear. */
function expectFinished(file: string, what: string): void {
  // Looked at before expectWhole reads it (a read-only reader leaves an empty -wal and -shm).
  const dir = join(file, '..');
  expect(readdirSync(dir), what).toEqual(['db.sqlite']);
  for (const leftover of Object.values(upgradeFiles(file)))
    expect(existsSync(leftover)).toBe(false);
  expect(readFileSync(file).includes(Buffer.from(MARKER)), what).toBe(false);
  expect(expectWhole(file, what)).toBe('encrypted');
}

describe('upgrading to encryption, killed', () => {
  it.each(STEPS)(
    'right after the step "%s": one whole database, and the next start finishes',
    async (step) => {
      const file = freshCopy();
      const killed = await runChild(file, step);
      expect(killed.signal, killed.stderr).toBe('SIGKILL');
      expect(killed.stdout).toContain(`STEP ${step}`);
      const look = expectWhole(file, `killed after ${step}`);
      // Before the rename the database is the plain one, from the rename on the encrypted one.
      expect(look).toBe(STEPS.indexOf(step) < STEPS.indexOf('replaced') ? 'plain' : 'encrypted');

      const again = await runChild(file);
      expect(again.code, again.stderr).toBe(0);
      expect(again.stdout).toContain(`DONE ${expected['journeys']}`);
      expectFinished(file, `after ${step}, then a full run`);
    },
    30_000,
  );

  it(`at ${RANDOM_KILLS} random moments (KILL_SEED=${SEED}): never anything but one whole database`, async () => {
    // How long a whole upgrade takes here, to aim the kills inside it.
    const timing = freshCopy();
    const started = Date.now();
    const full = await runChild(timing);
    expect(full.code, full.stderr).toBe(0);
    const span = Math.max(20, Date.now() - started);
    expectFinished(timing, 'a run without a kill');

    const random = rng(SEED);
    const seen = new Set<string>();
    const killAndCheck = async (delay: number, label: string) => {
      const file = freshCopy();
      const killed = await runChild(file, '', delay);
      const last = killed.stdout.trim().split('\n').pop() ?? '';
      seen.add(last);
      const what = `${label} after ${delay} ms (last: ${last})`;
      if (killed.signal === 'SIGKILL') expectWhole(file, what);
      const again = await runChild(file);
      expect(again.code, `${what}: ${again.stderr}`).toBe(0);
      expectFinished(file, `${what}, then a full run`);
    };
    for (let i = 0; i < RANDOM_KILLS; i++) {
      await killAndCheck(Math.floor(random() * span), `kill ${i + 1}`);
    }
    // On a loaded machine one step can take most of the run, and every random kill may land in
    // it: then kills spread evenly over the measured span follow, with the same checks.
    for (let j = 0; seen.size < 2 && j < RANDOM_KILLS; j++) {
      await killAndCheck(Math.floor(((j + 0.5) / RANDOM_KILLS) * span), `spread kill ${j + 1}`);
    }
    // Not vacuous: the kills landed at different points of the upgrade.
    expect(seen.size, [...seen].join(', ')).toBeGreaterThan(1);
  }, 120_000);
});
