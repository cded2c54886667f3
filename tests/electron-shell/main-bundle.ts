/**
 * Builds the Electron bundles with the project's own build script and loads the built main
 * bundle in this Node process, with every require of `electron` answered by a FakeElectron.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { join } from 'node:path';
import type { FakeElectron } from './fake-electron';

export const ROOT = join(import.meta.dirname, '..', '..');
export const BUILT = join(ROOT, 'dist', 'electron');

export interface ShellBundle {
  /** The copied main bundle the tests load. */
  main: string;
  /** The built preload beside it. */
  preload: string;
  /** The folder served as the renderer (a tiny stand-in page, see below). */
  rendererDir: string;
  remove: () => void;
}

/**
 * Runs `scripts/build-electron.mjs` (the build `npm run build` uses, so the bundle under test is
 * the shipped one) and copies its output, byte for byte, into a folder of its own under dist/,
 * beside a stand-in renderer page: the shell serves `../renderer` relative to its bundle, and the
 * unit layer runs before the renderer is built. Inside the project, so `better-sqlite3` resolves
 * from node_modules as it does for the real bundle.
 */
export function buildShellBundle(): ShellBundle {
  const built = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-electron.mjs')], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (built.status !== 0) {
    throw new Error(`build-electron failed:\n${built.stdout}\n${built.stderr}`);
  }
  const dir = join(ROOT, 'dist', 'test-electron-shell', `${process.pid}-${Date.now()}`);
  const electronDir = join(dir, 'electron');
  const rendererDir = join(dir, 'renderer');
  mkdirSync(electronDir, { recursive: true });
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  for (const f of ['main.cjs', 'main.cjs.map', 'preload.cjs', 'program-worker.cjs']) {
    copyFileSync(join(BUILT, f), join(electronDir, f));
  }
  writeFileSync(
    join(rendererDir, 'index.html'),
    '<!doctype html><title>stand-in</title><script type="module" src="/assets/app.js"></script>',
  );
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log("stand-in");\n');
  return {
    main: join(electronDir, 'main.cjs'),
    preload: join(electronDir, 'preload.cjs'),
    rendererDir,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

type Load = (request: string, parent: unknown, isMain: boolean) => unknown;
const loader = Module as unknown as { _load: Load };
const nodeRequire = createRequire(import.meta.url);

/**
 * Loads the main bundle afresh with `fake` standing in for `electron`, and waits until the shell
 * has come to rest (a window loaded its page, or the app quit or exited). Rejections the shell
 * leaves unhandled while starting are collected and reported.
 */
export async function startShell(
  bundle: string,
  fake: FakeElectron,
  timeoutMs = 15_000,
): Promise<{ unhandled: unknown[] }> {
  const unhandled: unknown[] = [];
  let failed: () => void = () => {};
  const rejected = new Promise<void>((resolve) => (failed = resolve));
  // A start that failed without handling it has come to rest too (in Electron: no window ever).
  const onUnhandled = (reason: unknown) => {
    unhandled.push(reason);
    failed();
  };
  process.on('unhandledRejection', onUnhandled);
  const original = loader._load;
  loader._load = function (this: unknown, request, parent, isMain) {
    return request === 'electron' ? fake.module : original.call(this, request, parent, isMain);
  };
  try {
    delete nodeRequire.cache[bundle];
    nodeRequire(bundle);
  } finally {
    loader._load = original;
  }
  let timer: NodeJS.Timeout | undefined;
  const timedOut = await Promise.race([
    fake.settled.then(() => false),
    rejected.then(() => false),
    new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(true), timeoutMs);
    }),
  ]);
  clearTimeout(timer);
  // Let the rest of the start (anything after loadURL or exit in the same turn) run.
  await new Promise((resolve) => setTimeout(resolve, 50));
  process.off('unhandledRejection', onUnhandled);
  if (timedOut) {
    throw new Error(
      `the shell neither opened a window nor quit within ${timeoutMs} ms.\n` +
        `calls: ${fake.summary()}\nunmodelled: ${fake.unmodelled.join(', ')}\n` +
        `unhandled: ${unhandled.map(String).join('\n')}`,
    );
  }
  return { unhandled };
}
