import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../electron/cli/pathway';
import { openDatabase } from '../../electron/db/open';
import { giveCliTestKey, testKey } from '../support/test-key';
import { createHandlers } from '../../electron/handlers';
import { randomModels } from '../support/generate-models';

let dir: string;
let forgetCliKey: () => void;
let out: string[];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pathway-cli-'));
  // The databases here are encrypted with the test key; the command line is given it as a
  // script gives it (PATHWAY_KEY_FD), never as an argument.
  forgetCliKey = giveCliTestKey();
  out = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
});
afterEach(() => {
  forgetCliKey();
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

async function seed(): Promise<{ db: string; consented: string; refused: string }> {
  const file = join(dir, 'app.sqlite');
  const db = openDatabase(file, testKey());
  const h = createHandlers({
    db,
    clock: () => new Date('2026-11-24T00:00:00Z'),
    newId: () => crypto.randomUUID(),
  });
  const a = await h['journeys:create']({ alias: 'Karen' });
  await h['touchpoints:create']({
    journeyId: a.id,
    x: 0,
    y: 0,
    label: 'Karen hos lægen',
    sector: 'general_practice',
  });
  await h['profile:update']({
    journeyId: a.id,
    patch: { consentExport: true, realName: 'Karen Hansen' },
  });
  const b = await h['journeys:create']({ alias: 'Bo' });
  db.close();
  return { db: file, consented: a.id, refused: b.id };
}

describe('pathway (command line)', () => {
  it('exports all consented journeys in every format, then validates and converts them', async () => {
    const { db, refused } = await seed();
    const dest = join(dir, 'out');
    expect(main(['export', '--db', db, '--all', '--out', dest, '--format', 'all'])).toBe(0);
    expect(out.some((l) => l.startsWith(`${refused}: skipped, no consent`))).toBe(true);
    const files = readdirSync(dest).sort();
    expect(files.map((f) => f.replace(/^forloeb-\d{4}-\d{2}-[0-9a-f]{8}/, 'X'))).toEqual([
      'X.csv',
      'X.ocel.json',
      'X.pathway.json',
      'X.xes',
    ]);
    for (const f of files) expect(readFileSync(join(dest, f), 'utf8')).not.toContain('Karen');
    // The folder an export wrote, aggregated as it is: the event logs beside the model are
    // skipped, not refused as broken models (exit 0: nothing was rejected).
    out = [];
    expect(main(['aggregate', dest, '--out', join(dir, 'tables')])).toBe(0);
    const lines = out.join('\n').split('\n');
    expect(lines.find((l) => l.includes('.ocel.json'))).toMatch(
      /: skipped \(an event log \(\.ocel\.json\), not a model file\)$/,
    );
    expect(
      lines.find((l) =>
        l.endsWith('.xes: skipped (not a model file (the name must end in .json))'),
      ),
    ).toBeDefined();

    out = [];
    const model = join(
      dest,
      files.find((f) => f.endsWith('.pathway.json'))!,
    );
    expect(main(['validate', model])).toBe(0);
    expect(out[0]).toMatch(/: valid \(export [0-9a-f-]{36}\)$/);
    expect(main(['convert', model, '--to', 'xes', '--out', join(dir, 'log.xes')])).toBe(0);
    expect(readFileSync(join(dir, 'log.xes'), 'utf8')).toContain('<log xes.version="1849-2016"');
  });

  it('exports one journey only with consent', async () => {
    const { db, consented, refused } = await seed();
    expect(main(['export', '--db', db, '--journey', consented, '--out', join(dir, 'o')])).toBe(0);
    // Nothing could be exported: exit 2, and no output folder is left behind.
    expect(main(['export', '--db', db, '--journey', refused, '--out', join(dir, 'o2')])).toBe(2);
    expect(existsSync(join(dir, 'o2'))).toBe(false);
  });

  it('validates a folder one line per file, with the reason, and fails if any is bad', async () => {
    const { db } = await seed();
    const dest = join(dir, 'models');
    main(['export', '--db', db, '--all', '--out', dest]);
    const good = readdirSync(dest)[0]!;
    const text = readFileSync(join(dest, good), 'utf8');
    const model = JSON.parse(text);
    writeFileSync(join(dest, 'empty.json'), '');
    writeFileSync(join(dest, 'truncated.json'), text.slice(0, 100));
    writeFileSync(join(dest, 'proto.json'), text.replace('{', '{"__proto__": {"x": 1},'));
    writeFileSync(join(dest, 'deep.json'), '['.repeat(100_000) + ']'.repeat(100_000));
    writeFileSync(join(dest, 'version.json'), JSON.stringify({ ...model, schemaVersion: '2.0.0' }));
    writeFileSync(join(dest, 'types.json'), JSON.stringify({ ...model, ideas: 'many' }));
    writeFileSync(
      join(dest, 'tampered.json'),
      JSON.stringify({ ...model, exportMonth: '2020-01' }),
    );
    writeFileSync(join(dest, 'named.json'), JSON.stringify({ ...model, name: 'Karen' }));
    writeFileSync(join(dest, 'renamed.txt'), text);
    out = [];
    expect(main(['validate', dest])).toBe(1);
    const line = (f: string) => out.find((l) => l.startsWith(join(dest, f)))!;
    expect(out).toHaveLength(10);
    expect(line(good)).toContain(': valid');
    // By name, as the app's import: a model renamed .txt is skipped, unread.
    expect(line('renamed.txt')).toContain(': skipped (not a file pathway validate reads');
    expect(line('empty.json')).toContain('the file is empty');
    expect(line('truncated.json')).toContain('not valid JSON');
    expect(line('proto.json')).toContain('forbidden key');
    expect(line('deep.json')).toContain('nested too deeply');
    expect(line('version.json')).toContain('version is not supported');
    expect(line('types.json')).toContain('does not follow the schema (ideas');
    expect(line('tampered.json')).toContain('checksum does not match');
    expect(line('named.json')).toContain('does not follow the schema');
  });

  it('explains bad usage', () => {
    expect(main([])).toBe(2);
    expect(main(['export', '--db', 'x'])).toBe(2);
    expect(main(['frobnicate'])).toBe(2);
  });
});

describe('pathway aggregate', () => {
  it('aggregates a folder of models into suppressed tables that Danish Excel opens', async () => {
    const { randomModels } = await import('../support/generate-models');
    const models = join(dir, 'models');
    const dest = join(dir, 'tables');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(models);
    randomModels(30, 42, 8).forEach((m, i) =>
      writeFileSync(join(models, `m${i}.pathway.json`), JSON.stringify(m)),
    );
    writeFileSync(join(models, 'broken.json'), '{"format": "forloebsvaerksted.pathway-model"');
    writeFileSync(join(models, 'copy.json'), readFileSync(join(models, 'm0.pathway.json')));
    out = [];
    // Done, with one file rejected: exit 1.
    expect(main(['aggregate', models, '--by', 'municipality', '--out', dest])).toBe(1);
    expect(out.find((l) => l.includes('broken.json'))).toContain('rejected');
    // The same export twice (whichever file comes first) is counted once.
    expect(out.filter((l) => l.includes('duplicate of export'))).toHaveLength(1);
    expect(out.at(-1)).toContain('Aggregated 30 models (1 rejected) with k = 5');
    const csv = readFileSync(join(dest, 'variants.csv'), 'utf8');
    expect(csv.startsWith('\uFEFFgroup;pathway;journeys\r\n')).toBe(true);
    const journeys = csv
      .trim()
      .split('\r\n')
      .slice(1)
      .map((l) => l.split(';').at(-1)!);
    for (const j of journeys) expect(j === 'hidden' || Number(j) >= 5).toBe(true);
    const json = JSON.parse(readFileSync(join(dest, 'aggregate.json'), 'utf8'));
    expect(json.results.length).toBeGreaterThan(1);
    expect(main(['aggregate', models, '--k', '3', '--out', dest])).toBe(2);
    // Only digits: not 1e20, 0x10, a fraction or a number with spaces.
    for (const k of ['1e20', '0x10', '7.5', ' 7', '1000000000']) {
      out = [];
      expect(main(['aggregate', models, '--k', k, '--out', dest])).toBe(2);
      expect(out[0]).toContain('--k must be a whole number of at least 5, in digits');
    }
    expect(main(['aggregate', models, '--k', '7', '--out', dest])).toBe(1);
    // By sex: the value "not_stated" (a citizen's choice) and the empty field are two groups,
    // named apart.
    expect(main(['aggregate', models, '--by', 'sex', '--out', dest])).toBe(1);
    const groups = (
      JSON.parse(readFileSync(join(dest, 'aggregate.json'), 'utf8')) as {
        results: { group: string }[];
      }
    ).results.map((r) => r.group);
    expect(groups).toEqual([
      'sex=female',
      'sex=male',
      'sex=other',
      'sex=not_stated',
      'sex=missing',
    ]);
  });

  it('writes the very tables the app shows, for a filter by group and the to-be map', async () => {
    const { randomModels } = await import('../support/generate-models');
    const { aggregate } = await import('../../shared/analysis/aggregate');
    const { tablesOf, toExcelCsv } = await import('../../shared/analysis/tables');
    const { mkdirSync } = await import('node:fs');
    const models = join(dir, 'models2');
    const dest = join(dir, 'tables2');
    mkdirSync(models);
    const generated = randomModels(40, 17, 8);
    generated.forEach((m, i) => writeFileSync(join(models, `m${i}.json`), JSON.stringify(m)));
    out = [];
    expect(main(['aggregate', models, '--map', 'toBe', '--out', dest])).toBe(0);
    // What the app's "Gem som CSV-fil" gives for the to-be map of everyone.
    const app = tablesOf(aggregate(generated, { map: 'toBe' }));
    for (const table of app)
      expect(readFileSync(join(dest, `${table.name}.csv`), 'utf8')).toBe(toExcelCsv(table));

    expect(main(['aggregate', models, '--by', 'conditionGroup', '--out', dest])).toBe(0);
    const json = JSON.parse(readFileSync(join(dest, 'aggregate.json'), 'utf8')) as {
      results: { group: string; aggregate: unknown }[];
    };
    const mental = json.results.find((r) => r.group === 'conditionGroup=mental_illness')!;
    expect(mental.aggregate).toEqual(
      JSON.parse(JSON.stringify(aggregate(generated, { conditionGroup: 'mental_illness' }))),
    );
    expect(main(['aggregate', models, '--map', 'later', '--out', dest])).toBe(2);
  });
});

describe('a folder to write into (--out)', () => {
  it('is made with the folders above it, and a place that cannot hold one is told, not waited on', () => {
    const models = join(dir, 'models3');
    mkdirSync(models);
    randomModels(6, 5, 4).forEach((m, i) =>
      writeFileSync(join(models, `m${i}.json`), JSON.stringify(m)),
    );
    const deep = join(dir, 'a', 'b', 'c');
    expect(main(['aggregate', models, '--out', deep])).toBe(0);
    expect(existsSync(join(deep, 'aggregate.json'))).toBe(true);
    // A file in the way, under a name with a control character (printed escaped).
    const blocked = join(dir, 'in\u001b[2Jway');
    writeFileSync(blocked, '');
    out = [];
    expect(main(['aggregate', models, '--out', join(blocked, 'x')])).toBe(2);
    expect(out.at(-1)).toContain('cannot write into');
    expect(out.at(-1)).toContain('in\\x1b[2Jway');
    expect(out.join('\n')).not.toContain('\u001b');
    // A name that turns the line around (a right-to-left override) is printed escaped too.
    const turned = join(dir, 'in\u202eyaw');
    writeFileSync(turned, '');
    out = [];
    expect(main(['aggregate', models, '--out', join(turned, 'x')])).toBe(2);
    expect(out.at(-1)).toContain('in\\u202eyaw');
    expect(out.join('\n')).not.toContain('\u202e');
    if (process.platform === 'linux') {
      // The system says /proc holds no such folder and cannot make one: Node's recursive mkdir
      // asked again for ever.
      out = [];
      expect(main(['aggregate', models, '--out', '/proc/pathway-out'])).toBe(2);
      expect(out.at(-1)).toContain('cannot write into /proc/pathway-out (ENOENT)');
    }
  }, 30_000);
});

describe('many models into one event log', () => {
  it('writes one CSV log with one header, model by model, leaving invalid files out', () => {
    const models = join(dir, 'many');
    mkdirSync(models);
    const generated = randomModels(3, 12, 5);
    generated.forEach((m, i) => writeFileSync(join(models, `m${i}.json`), JSON.stringify(m)));
    writeFileSync(join(models, 'broken.json'), '{"format":');
    const log = join(dir, 'eventlog.csv');
    // Done, with one file left out: exit 1.
    expect(main(['convert', models, '--to', 'csv', '--out', log])).toBe(1);
    const lines = readFileSync(log, 'utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'case_id,event_id,activity,timestamp,relative_day,date_precision,sector,contact_type,emotion,service_code,pain_categories',
    );
    expect(lines.filter((l) => l.startsWith('case_id'))).toHaveLength(1);
    const events = generated.reduce((n, m) => n + m.asIs.touchpoints.length, 0);
    expect(lines).toHaveLength(1 + events);
    expect(new Set(lines.slice(1).map((l) => l.split(',')[0])).size).toBe(3);
    expect(out.join('\n')).toContain('broken.json: INVALID');
    expect(out.join('\n')).toContain('Converted 3 models (1 invalid, left out)');
    // A second copy of an export (a folder gathered from two places): one case, written once.
    writeFileSync(join(models, 'n-copy.json'), JSON.stringify(generated[1]));
    out = [];
    expect(main(['convert', models, '--to', 'csv', '--out', log])).toBe(1);
    const again = readFileSync(log, 'utf8').trimEnd().split('\r\n');
    expect(again).toHaveLength(1 + events);
    expect(new Set(again.slice(1).map((l) => l.split(',')[1])).size).toBe(events);
    expect(out.join('\n')).toContain(
      `n-copy.json: duplicate of export ${generated[1]!.exportId}, written once, left out`,
    );
    expect(out.join('\n')).toContain(
      'Converted 3 models (1 invalid, left out; 1 duplicate, left out)',
    );
    // Only one format holds many models in one file, and the log needs a name.
    expect(main(['convert', models, '--to', 'xes', '--out', join(dir, 'x.xes')])).toBe(2);
    expect(main(['convert', models, '--to', 'csv'])).toBe(2);
    // One model that is not there: said plainly, not a crash; nothing could be done.
    expect(main(['convert', join(dir, 'nope.json'), '--to', 'csv'])).toBe(2);
    expect(out.join('\n')).toContain('nope.json: INVALID — no such file');
  });
});
