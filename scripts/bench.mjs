// `npm run bench`: bundles bench/run.ts and runs it with Node. Never part of `npm test`.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';

// The canvas benchmark opens production builds of the renderer and of the bare React Flow page;
// building them here keeps the numbers from ever coming from a stale bundle.
const win = process.platform === 'win32';
for (const config of ['renderer/vite.config.ts', 'bench/canvas/vite.config.ts']) {
  const b = spawnSync(win ? 'npx.cmd' : 'npx', ['vite', 'build', '--config', config], {
    stdio: 'inherit',
    shell: win,
  });
  if (b.status !== 0) {
    console.error(`bench: building ${config} failed (${b.error?.message ?? `exit ${b.status}`})`);
    process.exit(1);
  }
}

// The scale bench runs the command line as it is built for users.
const cli = spawnSync(process.execPath, ['scripts/build-electron.mjs'], { stdio: 'inherit' });
if (cli.status !== 0) {
  console.error('bench: building the command line failed');
  process.exit(1);
}

// Inside the project so the external native module resolves from node_modules.
const out = 'dist/bench/bench.mjs';
await build({
  entryPoints: ['bench/run.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  outfile: out,
  // Playwright is loaded from node_modules at run time: it finds its browser-driving files
  // relative to its own package.
  external: ['better-sqlite3', 'electron', '@playwright/test'],
  banner: {
    // Renamed: a bundled module importing createRequire itself would clash with this one.
    js: "import { createRequire as benchRequire } from 'node:module'; const require = benchRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
const r = spawnSync(process.execPath, [out], { stdio: 'inherit' });
process.exit(r.status ?? 1);
