import { mkdirSync, writeFileSync } from 'node:fs';
import { benchAutosave } from './autosave.bench';
import { benchCanvas } from './canvas.bench';
import { benchProgram } from './program.bench';
import { benchScale, workspaceChild } from './scale.bench';
import { table, type Row } from './stats';

// A child process of the scale bench: it measures one thing in a fresh process and exits.
if (process.env.BENCH_CHILD === 'workspace') {
  await workspaceChild(process.env.BENCH_DB!);
  process.exit(0);
}

// BENCH_ONLY=canvas (or autosave, program, scale; comma-separated) runs only those parts.
const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
const wanted = (name: string) => !only || only.includes(name);
const rows: Row[] = [
  ...(wanted('autosave') ? await benchAutosave() : []),
  ...(wanted('canvas') ? await benchCanvas() : []),
  // Last: it needs no browser.
  ...(wanted('program') ? await benchProgram() : []),
  // 15,000 generated model files on disk (~490 MB) for a few minutes.
  ...(wanted('scale') ? await benchScale(process.argv[1]!) : []),
];
const report = `# Benchmarks\n\nRun ${new Date().toISOString()} on Node ${process.version}. Times are noisy on a shared machine; compare the app's rows with the baseline rows measured in the same run.\n\n${table(rows)}\n`;
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/latest.md', report);
console.log(report);
