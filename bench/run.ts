import { mkdirSync, writeFileSync } from 'node:fs';
import { benchAutosave } from './autosave.bench';
import { benchCanvas } from './canvas.bench';
import { benchProgram } from './program.bench';
import { table, type Row } from './stats';

const rows: Row[] = [
  ...(await benchAutosave()),
  ...(await benchCanvas()),
  // Last: it needs no browser.
  ...(await benchProgram()),
];
const report = `# Benchmarks\n\nRun ${new Date().toISOString()} on Node ${process.version}. Times are noisy on a shared machine; compare the app's rows with the baseline rows measured in the same run.\n\n${table(rows)}\n`;
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/latest.md', report);
console.log(report);
