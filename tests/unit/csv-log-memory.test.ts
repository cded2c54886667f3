import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The CSV event log is checked as it is read, a chunk at a time, so that a log of any length costs
 * the memory of a chunk and a record. A record is bounded too: a line of nothing but commas, or
 * one field that never ends, is refused without being kept. Measured honestly: the checker runs
 * in a fresh Node process whose heap may not grow past 64 MB, fed 200 MB of such text in chunks
 * as the command line reads them (nothing of it held whole); a checker that kept the fields of a
 * record ran out of memory there.
 */
const FEED = `
import { CsvLogChecker } from '../../shared/model/event-log-check';
import { CSV_HEADER } from '../../shared/model/event-log';
const [kind, megabytes] = [process.argv[2], Number(process.argv[3])];
const chunk = kind === 'commas' ? ','.repeat(64 * 1024) : kind === 'quoted' ? 'a'.repeat(64 * 1024) : 'x'.repeat(64 * 1024);
const checker = new CsvLogChecker();
let problem = checker.push(CSV_HEADER + '\\n' + (kind === 'quoted' ? '"' : ''));
const chunks = Math.ceil((megabytes * 1024 * 1024) / chunk.length);
for (let i = 0; i < chunks && problem === null; i++) problem = checker.push(chunk);
const result = problem === null ? checker.end() : { ok: false, reason: problem };
process.stdout.write(JSON.stringify(result));
`;

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pathway-csv-memory-'));
  await build({
    stdin: { contents: FEED, resolveDir: import.meta.dirname, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: join(dir, 'feed.cjs'),
    logLevel: 'warning',
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const feed = (kind: string, megabytes: number) => {
  const child = spawnSync(
    process.execPath,
    ['--max-old-space-size=64', join(dir, 'feed.cjs'), kind, String(megabytes)],
    { encoding: 'utf8' },
  );
  expect(child.stderr).toBe('');
  expect(child.status).toBe(0);
  return JSON.parse(child.stdout) as { ok: boolean; reason?: string };
};

describe('checking a CSV event log', () => {
  it('refuses a record of 200 MB of commas in bounded memory, saying how many fields it has', () => {
    const fields = 200 * 1024 * 1024 + 1;
    expect(feed('commas', 200)).toEqual({
      ok: false,
      reason: `record 2 (line 2) has ${fields} fields; the header has 11`,
    });
  }, 60_000);

  it.each(['plain', 'quoted'])(
    'refuses a %s field that never ends at 64 KB, in bounded memory',
    (kind) => {
      expect(feed(kind, 200)).toEqual({
        ok: false,
        reason: 'record 2 (line 2): a field longer than 65536 characters (an unclosed quote?)',
      });
    },
    60_000,
  );
});
