// Bundles the main process and the preload into CommonJS files Electron loads directly.
// `electron` and the native better-sqlite3 stay external; everything else is inlined so the
// sandboxed preload needs no require of our own files.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  sourcemap: true,
  logLevel: 'warning',
  external: ['electron', 'better-sqlite3'],
};

await Promise.all([
  build({ ...common, entryPoints: ['electron/main/index.ts'], outfile: 'dist/electron/main.cjs' }),
  build({
    ...common,
    entryPoints: ['electron/preload/index.ts'],
    outfile: 'dist/electron/preload.cjs',
    // The sandboxed preload runs in a renderer context: nothing but `electron` may be required.
    platform: 'browser',
  }),
  // The program workspace's worker threads, started by the main process from the file beside it.
  build({
    ...common,
    entryPoints: ['electron/import/program-worker.ts'],
    outfile: 'dist/electron/program-worker.cjs',
  }),
  build({ ...common, entryPoints: ['electron/cli/pathway.ts'], outfile: 'dist/cli/pathway.cjs' }),
  // The command line's folding threads (`pathway aggregate`), started from the file beside it.
  build({
    ...common,
    entryPoints: ['electron/cli/fold-worker.ts'],
    outfile: 'dist/cli/fold-worker.cjs',
  }),
]);
console.log(
  'Built dist/electron/main.cjs, preload.cjs, program-worker.cjs and dist/cli/pathway.cjs, fold-worker.cjs',
);
