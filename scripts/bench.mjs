// `npm run bench`: bundles bench/run.ts and runs it with Node. Never part of `npm test`.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';

// Inside the project so the external native module resolves from node_modules.
const out = 'dist/bench/bench.mjs';
await build({
  entryPoints: ['bench/run.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  outfile: out,
  external: ['better-sqlite3', 'electron'],
  banner: {
    js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
const r = spawnSync(process.execPath, [out], { stdio: 'inherit' });
process.exit(r.status ?? 1);
