// Runs every test layer (`npm test`): unit (vitest), then the browser end-to-end tests and the
// Electron smoke test (Playwright) against a fresh build, and prints one summary line.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const out = mkdtempSync(join(tmpdir(), 'pathway-test-report-'));
const win = process.platform === 'win32';
const run = (args, env = {}, command = 'npx') =>
  spawnSync(win ? `${command}.cmd` : command, args, {
    stdio: 'inherit',
    shell: win,
    env: { ...process.env, ...env },
  }).status ?? 1;

const totals = { passed: 0, failed: 0, skipped: 0 };
let failedLayers = [];

console.log('\n== Unit and component tests (vitest) ==');
const unitJson = join(out, 'unit.json');
const unit = run([
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${unitJson}`,
]);
if (existsSync(unitJson)) {
  const r = JSON.parse(readFileSync(unitJson, 'utf8'));
  totals.passed += r.numPassedTests;
  totals.failed += r.numFailedTests;
  totals.skipped += r.numPendingTests + (r.numTodoTests ?? 0);
  console.log(`unit: ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
}
if (unit !== 0) failedLayers.push('unit');

console.log('\n== Build for the browser and Electron tests ==');
if (run(['run', 'build'], {}, 'npm') !== 0) {
  failedLayers.push('build');
} else {
  console.log('\n== End-to-end in Chromium, and the Electron smoke test (Playwright) ==');
  const e2eJson = join(out, 'e2e.json');
  const e2e = run(['playwright', 'test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: e2eJson });
  if (existsSync(e2eJson)) {
    const s = JSON.parse(readFileSync(e2eJson, 'utf8')).stats;
    totals.passed += s.expected + s.flaky;
    totals.failed += s.unexpected;
    totals.skipped += s.skipped;
    console.log(
      `e2e: ${s.expected + s.flaky} passed, ${s.unexpected} failed, ${s.skipped} skipped`,
    );
    if (s.flaky > 0)
      console.log(`e2e: ${s.flaky} of those passed only on a retry (flaky; see above)`);
  }
  if (e2e !== 0) failedLayers.push('e2e');
}

console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
if (failedLayers.length > 0) {
  console.error(`Failed: ${failedLayers.join(', ')}`);
  process.exit(1);
}
