import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomModels } from '../support/generate-models';
import { MAX_MODEL_BYTES } from '../../shared/model/limits';

/**
 * What refusing a hostile file costs in memory, measured honestly: the validator runs in a fresh
 * Node process on one file, and the process's peak resident memory while it validates (Linux's
 * VmHWM, reset once the text is read) is compared with the file's size.
 */
const MEASURE = `
import { readFileSync, writeFileSync } from 'node:fs';
import { validateModelText } from '../../shared/model/validate';
const peak = () => Number(/VmHWM:\\s+(\\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))[1]) * 1024;
// Compile the validator first: its code is the app's, not the file's.
validateModelText('{"format":"forloebsvaerksted.pathway-model","schemaVersion":"1.0.0"}');
const text = readFileSync(process.argv[2], 'latin1');
globalThis.gc();
writeFileSync('/proc/self/clear_refs', '5');
const before = peak();
const result = validateModelText(text, text.length);
process.stdout.write(JSON.stringify({ reason: result.ok ? 'ok' : result.reason, cost: peak() - before }));
`;

/** Just under the limit, as an attacker would choose. */
const SIZE = MAX_MODEL_BYTES - 1024;
/** `open`, then `item` repeated with commas up to SIZE, then `close`. */
const repeat = (open: string, item: string, close: string) => {
  const n = Math.floor((SIZE - open.length - close.length + 1) / (item.length + 1));
  return `${open}${`${item},`.repeat(n - 1)}${item}${close}`;
};
/** As `repeat`, with a different item each time. */
const distinct = (open: string, item: (i: number) => string, close: string) => {
  const parts: string[] = [];
  for (let i = 0, length = open.length + close.length; length < SIZE - 16; i++) {
    parts.push(item(i));
    length += parts.at(-1)!.length + 1;
  }
  return `${open}${parts.join(',')}${close}`;
};
const head = '{"format":"forloebsvaerksted.pathway-model","schemaVersion":"1.0.0"';
/** A model-shaped file of 10,000 touchpoints, with one changed. */
const manyTouchpoints = (change: (tp: object) => object, every = false) => {
  const [m] = randomModels(1, 1, 3);
  const tp = m!.asIs.touchpoints[0]!;
  const touchpoints = Array.from({ length: 10_000 }, (_, i) =>
    every || i === 9_999 ? change({ ...tp, ref: `t${i + 1}` }) : { ...tp, ref: `t${i + 1}` },
  );
  return JSON.stringify({ ...m, asIs: { ...m!.asIs, touchpoints } });
};

/**
 * The hostile shapes, each with the reason it must be refused for and the most it may cost, as a
 * multiple of its size. Containers are counted before parsing, so nesting and empty objects or
 * arrays cost nothing, and a large file is screened before parsing for parts no model has (keys
 * the schema does not name, numbers in lists, more strings in lists than a model can hold).
 */
const SHAPES: [name: string, reason: string, limit: number, text: () => string][] = [
  ['deep nesting [[[[…]]]]', 'too_deep', 1, () => '['.repeat(SIZE / 2) + ']'.repeat(SIZE / 2)],
  ['[{},{},…]', 'not_a_model', 1, () => repeat('[', '{}', ']')],
  ['[[],[],…]', 'not_a_model', 1, () => repeat('[', '[]', ']')],
  ['a 20 MB string', 'invalid', 2, () => `${head},"x":"${'x'.repeat(SIZE - head.length - 8)}"}`],
  [
    '10,000 invalid touchpoints',
    'invalid',
    3,
    () => manyTouchpoints((t) => ({ ...t, emotion: 9 }), true),
  ],
  [
    'a forbidden key deep inside',
    'forbidden_key',
    3,
    () =>
      manyTouchpoints((t) => JSON.parse(`{"__proto__":1,${JSON.stringify(t).slice(1)}`) as object),
  ],
  ['[1,1,…]', 'not_a_model', 3, () => repeat('[', '1', ']')],
  ['[1.5,1.5,…]', 'not_a_model', 3, () => repeat('[', '1.5', ']')],
  [
    'distinct short strings',
    'not_a_model',
    3,
    () => distinct('[', (i) => `"${i.toString(36)}"`, ']'),
  ],
  ['distinct keys', 'invalid', 3, () => distinct(`${head},`, (i) => `"${i.toString(36)}":1`, '}')],
];

const linux = existsSync('/proc/self/clear_refs');

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pathway-reject-memory-'));
  await build({
    stdin: { contents: MEASURE, resolveDir: import.meta.dirname, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: join(dir, 'measure.mjs'),
    logLevel: 'warning',
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!linux)('memory to refuse a hostile file (needs Linux to measure a peak)', () => {
  it('stays within a few times the file size, whatever its shape', () => {
    const file = join(dir, 'hostile.json');
    const rows = SHAPES.map(([name, expected, limit, make]) => {
      const text = make();
      writeFileSync(file, text, 'latin1');
      const child = spawnSync(process.execPath, ['--expose-gc', join(dir, 'measure.mjs'), file], {
        encoding: 'utf8',
      });
      expect(child.stderr).toBe('');
      const out = JSON.parse(child.stdout) as { reason: string; cost: number };
      return { name, expected, limit, reason: out.reason, size: text.length, cost: out.cost };
    });
    console.log(
      rows
        .map(
          (r) => `${r.name}: ${(r.size / 2 ** 20).toFixed(1)} MB, ${(r.cost / r.size).toFixed(2)}×`,
        )
        .join('\n'),
    );
    for (const r of rows) {
      expect([r.name, r.reason]).toEqual([r.name, r.expected]);
      expect(r.cost / r.size, r.name).toBeLessThanOrEqual(r.limit);
    }
  }, 60_000);
});
