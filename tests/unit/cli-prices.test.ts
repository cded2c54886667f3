import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../electron/cli/pathway';
import { aggregate } from '../../shared/analysis/aggregate';
import { tablesOf, toExcelCsv } from '../../shared/analysis/tables';
import { exportPriceListCsv, priceListSchema } from '../../shared/economy/prices';
import { programModels } from '../support/program-models';

const PRICE_JSON = fileURLToPath(new URL('../../resources/price-list.json', import.meta.url));
const COST_TABLES = [
  'cost-per-journey',
  'cost-by-sector',
  'cost-by-payer',
  'cost-who-pays-who-saves',
  'cost-unpriced',
];

let dir: string;
let out: string[];
let models: string;
const generated = programModels(40, 11, 10);
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pathway-cli-prices-'));
  out = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  models = join(dir, 'models');
  mkdirSync(models);
  generated.forEach((m, i) => writeFileSync(join(models, `m${i}.json`), JSON.stringify(m)));
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs `aggregate` with a price list that must be refused: exit 2, and what it printed. */
function refusedWith(file: string): string {
  out.length = 0;
  expect(main(['aggregate', models, '--prices', file, '--out', join(dir, 'none')]), file).toBe(2);
  return out.join('\n');
}

describe('pathway aggregate --prices', () => {
  it('writes the cost tables the app shows, priced by a JSON price list', () => {
    const dest = join(dir, 'tables');
    expect(main(['aggregate', models, '--prices', PRICE_JSON, '--out', dest])).toBe(0);
    const list = priceListSchema.parse(JSON.parse(readFileSync(PRICE_JSON, 'utf8')));
    const app = tablesOf(aggregate(generated, { map: 'asIs' }, 5, list));
    for (const name of COST_TABLES) {
      const table = app.find((t) => t.name === name)!;
      expect(readFileSync(join(dest, `${name}.csv`), 'utf8'), name).toBe(toExcelCsv(table));
    }
    // Real figures, not only «hidden»: 40 journeys priced by the shipped list.
    const byPayer = readFileSync(join(dest, 'cost-by-payer.csv'), 'utf8');
    expect(byPayer).toMatch(/\r\ntotal;asIs;40;\d+;/);
    expect(byPayer).toContain(list.name);
  });

  it('writes a JSON list’s name into the tables without its control or direction characters', () => {
    const list = JSON.parse(readFileSync(PRICE_JSON, 'utf8')) as { name: string; notes: string };
    const hostile = join(dir, 'hostile.json');
    writeFileSync(
      hostile,
      JSON.stringify({ ...list, name: 'Liste\u001b[2J\u202eslettet', notes: 'Note\u0000\u2066' }),
    );
    const dest = join(dir, 'tables');
    expect(main(['aggregate', models, '--prices', hostile, '--out', dest])).toBe(0);
    const byPayer = readFileSync(join(dest, 'cost-by-payer.csv'), 'utf8');
    expect(byPayer).toContain('Liste[2Jslettet');
    expect(byPayer).not.toMatch(
      // eslint-disable-next-line no-control-regex
      /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/,
    );
  });

  it('reads a CSV price list in the Danish format; without --prices writes no cost table', () => {
    const list = priceListSchema.parse(JSON.parse(readFileSync(PRICE_JSON, 'utf8')));
    const csv = join(dir, 'lokale-priser.csv');
    writeFileSync(csv, exportPriceListCsv(list.prices));
    const dest = join(dir, 'from-csv');
    expect(main(['aggregate', models, '--prices', csv, '--out', dest])).toBe(0);
    const perJourney = readFileSync(join(dest, 'cost-per-journey.csv'), 'utf8');
    expect(perJourney).toContain('lokale-priser');
    // The same prices give the same figures, whichever file they came in.
    const fromJson = join(dir, 'from-json');
    expect(main(['aggregate', models, '--prices', PRICE_JSON, '--out', fromJson])).toBe(0);
    const strip = (t: string) =>
      t
        .replaceAll(list.name, 'x')
        .replaceAll('lokale-priser', 'x')
        .replace(/;\d{4}\r\n/g, ';y\r\n');
    expect(strip(perJourney)).toBe(
      strip(readFileSync(join(fromJson, 'cost-per-journey.csv'), 'utf8')),
    );

    const plain = join(dir, 'plain');
    expect(main(['aggregate', models, '--out', plain])).toBe(0);
    for (const name of COST_TABLES) expect(existsSync(join(plain, `${name}.csv`))).toBe(false);
    expect(existsSync(join(plain, 'variants.csv'))).toBe(true);
    // Run again into a folder with priced tables in it: an earlier run's cost tables are taken
    // away (they would be read as this run's), and it says so.
    out.length = 0;
    expect(main(['aggregate', models, '--out', fromJson])).toBe(0);
    for (const name of COST_TABLES) expect(existsSync(join(fromJson, `${name}.csv`))).toBe(false);
    expect(out.join('\n')).toContain('Removed the cost tables of an earlier run');
  });

  it('stops before any model with a price list that cannot be used, saying where', () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(
      bad,
      '\uFEFFSektor;Kontakttype;Ydelseskode;Enhed;Pris (kr.);Andel kommune;Andel region;Andel stat;Kilde;Kildeår;Note\r\n' +
        'hospital;admission;;dag;100;0,5;0,6;0;Kilde;2025;\r\n',
    );
    const dest = join(dir, 'none');
    expect(main(['aggregate', models, '--prices', bad, '--out', dest])).toBe(2);
    expect(out.join('\n')).toContain('line 2: shares_sum');
    expect(existsSync(dest)).toBe(false);
    const proto = join(dir, 'proto.json');
    writeFileSync(proto, '{"__proto__": {"x": 1}}');
    expect(main(['aggregate', models, '--prices', proto, '--out', dest])).toBe(2);
    expect(main(['aggregate', models, '--prices', join(dir, 'missing.json'), '--out', dest])).toBe(
      2,
    );
    expect(existsSync(dest)).toBe(false);
  });

  it('counts a JSON list before parsing it, and splits a CSV no further than a list has rows', () => {
    const dest = join(dir, 'none');
    const head =
      '{"name":"x","priceYear":2025,"currency":"DKK","indicative":true,"notes":"","prices":[';
    // Within the depth, each a few characters: parsed, 20 MB of them took 23 s and 2.1 GB.
    for (const [name, filler] of [
      ['objects.json', '{},'],
      ['lists.json', '[],'],
      ['numbers.json', '1,'],
    ] as const) {
      const file = join(dir, name);
      writeFileSync(file, `${head}${filler.repeat(300_000)}{}]}`);
      expect(refusedWith(file)).toContain(
        'not a price list (JSON or .csv): more objects, arrays or values than a price list of its size can hold',
      );
    }
    const deep = join(dir, 'deep.json');
    writeFileSync(deep, `${head}${'['.repeat(20)}${']'.repeat(20)}]}`);
    expect(refusedWith(deep)).toContain('nested deeper than a price list');
    // 2.5 million lines of two empty cells: refused for its rows, as soon as there are too many.
    const lines = join(dir, 'lines.csv');
    writeFileSync(
      lines,
      'Sektor;Kontakttype;Ydelseskode;Enhed;Pris (kr.);Andel kommune;Andel region;Andel stat;Kilde;Kildeår;Note\r\n' +
        ';\n'.repeat(2_499_000),
    );
    expect(refusedWith(lines)).toContain('line 1: csv_too_many_rows');
    expect(existsSync(dest)).toBe(false);
  });

  it('refuses a pipe, a folder and a list of headings only, and names the file escaped', () => {
    const dest = join(dir, 'none');
    // A pipe nobody writes to: waited on, it would hang the command for good.
    const pipe = join(dir, 'prices.csv');
    execFileSync('mkfifo', [pipe]);
    expect(refusedWith(pipe)).toContain('the file cannot be read (not a regular file)');
    expect(refusedWith(dir)).toContain('the file cannot be read (a folder)');
    // Headings and no rows: as a list, it would price nothing.
    const headings = join(dir, 'headings\u001b[31mRED.csv');
    writeFileSync(
      headings,
      '\uFEFFSektor;Kontakttype;Ydelseskode;Enhed;Pris (kr.);Andel kommune;Andel region;Andel stat;Kilde;Kildeår;Note\r\n\r\n',
    );
    const said = refusedWith(headings);
    expect(said).toContain('line 1: csv_no_rows');
    expect(said).toContain('headings\\x1b[31mRED.csv');
    expect(said).not.toContain('\u001b');
    expect(existsSync(dest)).toBe(false);
  });
});
