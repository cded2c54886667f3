import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../electron/cli/pathway';
import { checkXesText } from '../../electron/cli/xes-check';
import { openDatabase } from '../../electron/db/open';
import { giveCliTestKey, testKey } from '../support/test-key';
import { createHandlers } from '../../electron/handlers';
import { CSV_HEADER, toCsv, toOcel, toXes } from '../../shared/model/event-log';
import {
  checkCsvText,
  checkOcelText,
  CsvLogChecker,
  isIsoDateTime,
} from '../../shared/model/event-log-check';
import { randomModels } from '../support/generate-models';

let dir: string;
let forgetCliKey: () => void;
let out: string[];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pathway-validate-'));
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

/** A database with one consented journey of three contacts, as the app would have it. */
async function seed(): Promise<string> {
  const file = join(dir, 'app.sqlite');
  const db = openDatabase(file, testKey());
  const h = createHandlers({
    db,
    clock: () => new Date('2026-11-24T00:00:00Z'),
    newId: () => crypto.randomUUID(),
  });
  const j = await h['journeys:create']({ alias: 'Karen' });
  const contacts = [
    { sector: 'general_practice', date: '2026-01-05', emotion: -1 },
    { sector: 'hospital', date: null, emotion: null },
    { sector: 'pharmacy', date: '2026-02', emotion: 2 },
  ] as const;
  for (const [i, c] of contacts.entries()) {
    const t = await h['touchpoints:create']({
      journeyId: j.id,
      x: i * 200,
      y: 0,
      label: `Karen, besøg ${i + 1}`,
      sector: c.sector,
    });
    await h['touchpoints:update']({
      id: t.id,
      patch: { date: c.date, emotion: c.emotion } as never,
    });
  }
  await h['profile:update']({
    journeyId: j.id,
    patch: { consentExport: true, realName: 'Karen Hansen' },
  });
  db.close();
  return file;
}

/** What the README's example does: export everything in every format into one folder. */
async function exportAll(): Promise<{ dest: string; files: Record<string, string> }> {
  const db = await seed();
  const dest = join(dir, 'exports');
  expect(main(['export', '--db', db, '--all', '--out', dest, '--format', 'all'])).toBe(0);
  const names = readdirSync(dest);
  const pick = (end: string) =>
    join(
      dest,
      names.find((n) => n.endsWith(end))!,
    );
  return {
    dest,
    files: {
      model: pick('.pathway.json'),
      ocel: pick('.ocel.json'),
      xes: pick('.xes'),
      csv: pick('.csv'),
    },
  };
}

const lineOf = (file: string) => out.find((l) => l.startsWith(`${file}: `))!;

describe('pathway validate: each file by its kind', () => {
  it('accepts a whole `export --format all` folder, each file as what it is', async () => {
    const { dest, files } = await exportAll();
    out = [];
    expect(main(['validate', dest])).toBe(0);
    expect(out).toHaveLength(4);
    expect(lineOf(files.model!)).toMatch(/: valid \(export [0-9a-f-]{36}\)$/);
    expect(lineOf(files.ocel!)).toMatch(/: valid \(OCEL 2\.0 JSON: 1 object, 3 events\)$/);
    expect(lineOf(files.xes!)).toMatch(/: valid \(XES 1849-2016: 1 trace, 3 events\)$/);
    expect(lineOf(files.csv!)).toMatch(/: valid \(CSV event log: 3 events\)$/);
    for (const line of out) expect(line).not.toContain('INVALID');
  });

  it('refuses each kind for what is wrong with it, and exits 1', async () => {
    const { dest, files } = await exportAll();
    const text = (k: string) => readFileSync(files[k]!, 'utf8');
    const write = (name: string, content: string) => {
      writeFileSync(join(dest, name), content);
      return join(dest, name);
    };

    const ocel = JSON.parse(text('ocel'));
    ocel.events[1].relationships[0].objectId = 'no-such-journey';
    const brokenOcel = write('relation.ocel.json', JSON.stringify(ocel));
    const undeclared = JSON.parse(text('ocel'));
    undeclared.events[0].type = 'hospital:surgery';
    const undeclaredOcel = write('undeclared.ocel.json', JSON.stringify(undeclared));
    const truncatedOcel = write('truncated.ocel.json', text('ocel').slice(0, 300));

    const xes = text('xes');
    const laughs = write(
      'laughs.xes',
      xes.replace(
        '<log ',
        '<!DOCTYPE log [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>\n<log ',
      ),
    );
    const external = write(
      'external.xes',
      xes.replace('<log ', '<!DOCTYPE log SYSTEM "file:///etc/passwd">\n<log '),
    );
    // The first event's timestamp (the one in <global> above it is a default, not an event's).
    const firstEvent = xes.indexOf('<event>');
    const untimed = write(
      'untimed.xes',
      xes.slice(0, firstEvent) +
        xes.slice(firstEvent).replace(/<date key="time:timestamp" value="[^"]*"\/>/, ''),
    );
    const truncatedXes = write('truncated.xes', xes.slice(0, Math.floor(xes.length / 2)));

    const csv = text('csv');
    const header = write('header.csv', csv.replace('case_id,', 'case,'));
    const ragged = write(
      'ragged.csv',
      csv.replace(/\r\n([^\r\n]*)\r\n/, (_m, row: string) => `\r\n${row},extra\r\n`),
    );
    const truncatedModel = write('truncated.pathway.json', text('model').slice(0, 200));

    out = [];
    expect(main(['validate', dest])).toBe(1);
    // One line per file, whatever its verdict.
    expect(out).toHaveLength(readdirSync(dest).length);
    // Where and what, never the file's values (shown as "…").
    expect(lineOf(brokenOcel)).toContain(
      'INVALID — OCEL 2.0 JSON: events[1].relationships[0]: object "…" is not among the objects',
    );
    expect(lineOf(undeclaredOcel)).toContain('events[0]: type "…" is not declared in eventTypes');
    expect(lineOf(undeclaredOcel)).not.toContain('hospital:surgery');
    expect(lineOf(truncatedOcel)).toContain('OCEL 2.0 JSON: not valid JSON (perhaps truncated)');
    expect(lineOf(laughs)).toContain('INVALID — XES: has a DOCTYPE or ENTITY declaration');
    expect(lineOf(external)).toContain('INVALID — XES: has a DOCTYPE or ENTITY declaration');
    expect(lineOf(untimed)).toContain(
      'INVALID — XES: <trace> #1 <event> #1 has no <date key="time:timestamp">',
    );
    expect(lineOf(truncatedXes)).toContain('INVALID — XES: not well-formed XML');
    expect(lineOf(header)).toContain(
      `INVALID — CSV event log: the header is not the event log's (${CSV_HEADER}): column 1 is "…", not case_id`,
    );
    expect(lineOf(ragged)).toContain(
      'INVALID — CSV event log: record 2 (line 2) has 12 fields; the header has 11',
    );
    expect(lineOf(truncatedModel)).toContain(
      'INVALID — the file is not valid JSON (perhaps truncated)',
    );
    // The export itself is still valid beside them.
    for (const f of Object.values(files)) expect(lineOf(f)).toContain(': valid (');
  });

  it('skips a file of no kind it knows, and exits 0 for it', async () => {
    const { dest, files } = await exportAll();
    const notes = join(dest, 'notes.txt');
    writeFileSync(notes, 'Møde med kommunen tirsdag.\n');
    writeFileSync(join(dest, 'picture.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    out = [];
    expect(main(['validate', dest])).toBe(0);
    expect(lineOf(notes)).toBe(
      `${notes}: skipped (not a file pathway validate reads: models and OCEL 2.0 JSON end in .json, XES logs in .xes, CSV event logs in .csv)`,
    );
    expect(lineOf(join(dest, 'picture.png'))).toContain(': skipped (');
    expect(out.filter((l) => l.includes(': valid ('))).toHaveLength(4);
    // A file is told by its name, as the app's import tells it: a log without its extension is
    // skipped, unread; with nothing else to check, nothing could be done (exit 2).
    const renamed = join(dir, 'log-without-extension');
    writeFileSync(renamed, readFileSync(files.csv!));
    out = [];
    expect(main(['validate', renamed, notes])).toBe(2);
    expect(out[0]).toMatch(/log-without-extension: skipped \(not a file pathway validate reads/);
    expect(out.at(-1)).toMatch(/^pathway validate: nothing to validate/);
    // A path that is not there is reported; with nothing else, nothing could be done.
    expect(main(['validate', join(dir, 'nope.xes')])).toBe(2);
    expect(out).toContain(`${join(dir, 'nope.xes')}: INVALID — no such file or folder`);
    expect(main(['validate', join(dir, 'nope.xes'), files.csv!])).toBe(1);
    expect(main(['validate'])).toBe(2);
  });

  it('tells OCEL 2.0 JSON named only .json by its keys, and keeps refusing a bad model', async () => {
    const { files } = await exportAll();
    const ocel = join(dir, 'log.json');
    writeFileSync(ocel, readFileSync(files.ocel!));
    const other = join(dir, 'other.json');
    writeFileSync(other, '{"hello": "world"}');
    out = [];
    expect(main(['validate', ocel, other])).toBe(1);
    expect(out[0]).toMatch(/log\.json: valid \(OCEL 2\.0 JSON: 1 object, 3 events\)$/);
    expect(out[1]).toContain('other.json: INVALID — the file is not a pathway model');
  });

  it('refuses a log over the size limit by its size, without reading it', async () => {
    const big = join(dir, 'big.xes');
    writeFileSync(big, Buffer.alloc(20 * 1024 * 1024 + 1, 0x20));
    out = [];
    expect(main(['validate', big])).toBe(1);
    expect(out[0]).toContain('INVALID — XES: the file is too large (over 20 MB)');
  });
});

describe('the event-log checks themselves', () => {
  const models = randomModels(5, 7, 6);

  it('accept every log the exporter writes, for many models at once', () => {
    const ocel = checkOcelText(JSON.stringify(toOcel(models)));
    const events = models.reduce((n, m) => n + m.asIs.touchpoints.length, 0);
    expect(ocel).toEqual({ ok: true, summary: `OCEL 2.0 JSON: 5 objects, ${events} events` });
    expect(checkXesText(toXes(models))).toEqual({
      ok: true,
      summary: `XES 1849-2016: 5 traces, ${events} events`,
    });
    expect(checkCsvText(toCsv(models))).toEqual({
      ok: true,
      summary: `CSV event log: ${events} events`,
    });
  });

  it('read OCEL 2.0 JSON by the standard, not only as we write it', () => {
    const log = {
      objectTypes: [{ name: 'order', attributes: [{ name: 'price', type: 'float' }] }],
      eventTypes: [{ name: 'pay', attributes: [{ name: 'paid', type: 'boolean' }] }],
      objects: [
        {
          id: 'o1',
          type: 'order',
          attributes: [{ name: 'price', time: '1970-01-01T00:00:00Z', value: 9.5 }],
          relationships: [{ objectId: 'o1', qualifier: 'self' }],
        },
      ],
      events: [
        {
          id: 'e1',
          type: 'pay',
          time: '2022-01-02T10:00:00+01:00',
          attributes: [{ name: 'paid', value: true }],
          relationships: [{ objectId: 'o1', qualifier: 'order' }],
        },
      ],
    };
    expect(checkOcelText(JSON.stringify(log)).ok).toBe(true);
    const bad = (change: (l: typeof log & Record<string, unknown>) => void) => {
      const copy = structuredClone(log) as typeof log & Record<string, unknown>;
      change(copy);
      const r = checkOcelText(JSON.stringify(copy));
      return r.ok ? 'ok' : r.reason;
    };
    expect(bad((l) => delete (l as Partial<typeof log>).objects)).toContain('objects is missing');
    expect(bad((l) => ((l.events[0] as Record<string, unknown>).time = 5))).toContain(
      'events[0].time: Invalid input: expected string',
    );
    expect(bad((l) => (l.events[0]!.time = '2022-02-30T00:00:00Z'))).toContain(
      'events[0].time: "2022-02-30T00:00:00Z" is not an ISO 8601 date and time',
    );
    expect(bad((l) => (l.events[0]!.attributes[0]!.name = 'tip'))).toContain(
      'attribute "tip" is not declared for event type "pay"',
    );
    expect(
      bad((l) => ((l.objects[0]!.attributes[0] as { value: unknown }).value = 'cheap')),
    ).toContain('value "cheap" is not of its declared type float');
    // What JavaScript reads as a number and other tools do not: hexadecimal, padded, infinite.
    for (const value of ['0x10', ' 7 ', 'Infinity', '1e999']) {
      expect(
        bad((l) => ((l.objects[0]!.attributes[0] as { value: unknown }).value = value)),
      ).toContain(`value ${JSON.stringify(value)} is not of its declared type float`);
    }
    expect(bad((l) => (l.objects[0]!.type = 'item'))).toContain(
      'objects[0]: type "item" is not declared in objectTypes',
    );
    expect(bad((l) => (l.objectTypes[0]!.attributes[0]!.type = 'money'))).toContain(
      '"money" is no OCEL 2.0 attribute type',
    );
    expect(bad((l) => l.events.push({ ...l.events[0]! }))).toContain('id "e1" is used twice');
    expect(bad((l) => (l['ocel:events'] = {}))).toContain('OCEL 1.0');
    // A key written twice: a first `events` (here a broken one) that the parse drops unseen.
    const twice = JSON.stringify(log).replace('{', '{"events":[{"id":7}],');
    expect(checkOcelText(twice)).toEqual({
      ok: false,
      reason: '(root): a key is written twice (so the log can be read in two ways)',
    });
    // A key a copying tool could take for a prototype, plain or escaped, at any depth.
    const plain = JSON.stringify(log).replace('"id":"e1"', '"__proto__":{"x":1},"id":"e1"');
    expect(checkOcelText(plain)).toEqual({
      ok: false,
      reason: 'a key no event log needs: __proto__',
    });
    const escaped = JSON.stringify(log).replace('{', '{"\\u0063onstructor":{},');
    expect(checkOcelText(escaped)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('constructor'),
    });
    expect(checkOcelText('[]')).toMatchObject({ ok: false });
    expect(checkOcelText('{"a":' + '['.repeat(50) + ']'.repeat(50) + '}')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('nested deeper'),
    });
  });

  it('read XES by the standard, and refuse entities and bad values', () => {
    const xes = toXes(models.slice(0, 1));
    expect(checkXesText(xes.replace(/<date key="time:timestamp" value="/, '$&x'))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('is not an xs:dateTime'),
    });
    expect(checkXesText(xes.replace('xes.version="1849-2016"', ''))).toEqual({
      ok: false,
      reason: '<log> has no xes.version',
    });
    expect(checkXesText('<?xml version="1.0"?><trace/>')).toEqual({
      ok: false,
      reason: 'the root element is not <log>',
    });
    expect(checkXesText('<log xes.version="1.0">&writer;</log>')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('no entity XML knows'),
    });
    // A character XML does not allow, as a reference or as it is: not well-formed, whatever a
    // lenient parser makes of it. A reference XML allows, or one in a comment, is fine.
    const name = /<string key="concept:name" value="/;
    for (const [inserted, what] of [
      ['&#0;', 'U+0000'],
      ['&#x1F;', 'U+001F'],
      ['&#xFFFF;', 'U+FFFF'],
      ['&#xD800;', 'U+D800'],
      ['&#1114112;', 'beyond U+10FFFF'],
      ['\u0001', 'U+0001'],
    ]) {
      expect(checkXesText(xes.replace(name, `$&${inserted}`)), inserted).toEqual({
        ok: false,
        reason: `not well-formed XML: holds a character XML does not allow (${what})`,
      });
    }
    for (const fine of ['&#233;', '&#x1F600;', '&#9;']) {
      expect(checkXesText(xes.replace(name, `$&${fine}`)).ok, fine).toBe(true);
    }
    expect(checkXesText(xes.replace('<log ', '<!-- &#0; -->\n<log ')).ok).toBe(true);
    // Unclosed comments by the million cost one pass, not one per comment.
    const started = performance.now();
    expect(checkXesText(`<log xes.version="2.0">${'<!--'.repeat(1_000_000)}`).ok).toBe(false);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(checkXesText('<!-- <!DOCTYPE in a comment --><log xes.version="2.0"/>')).toEqual({
      ok: true,
      summary: 'XES 2.0: 0 traces, 0 events',
    });
    // What would make the parser build far more than a log needs is refused before it reads.
    const refusal = (xml: string) => {
      const r = checkXesText(xml);
      return r.ok ? 'ok' : r.reason;
    };
    expect(refusal(`<log xes.version="2.0">${'<a>'.repeat(50)}${'</a>'.repeat(50)}</log>`)).toBe(
      'elements nested deeper than XES ever needs (32)',
    );
    expect(refusal(`<log xes.version="2.0">${'<t/>'.repeat(100_000)}</log>`)).toContain(
      'more elements than XES of its size holds',
    );
    expect(refusal(`<log xes.version="2.0"><a ${'<a '.repeat(100)}</log>`)).toBe(
      'not well-formed XML: a "<" inside a tag (perhaps truncated)',
    );
    const attributes = Array.from({ length: 2000 }, (_, i) => `a${i}=">"`).join(' ');
    expect(refusal(`<log xes.version="2.0" ${attributes}/>`)).toBe(
      'a tag with more than 1000 attributes',
    );
  });

  it('read CSV by RFC 4180: quoted commas, quotes and line ends are one field', () => {
    const row = (fields: string[]) => `${fields.join(',')}\r\n`;
    const good = [
      'c1',
      'c1:t1',
      'hospital:admission',
      '2000-01-01T00:00:00.000Z',
      '0',
      'day',
      'hospital',
      'admission',
      '-2',
      '"svc,""a""\r\nb"',
      'waiting|coordination',
    ];
    const second = good.map((f, j) => (j === 1 ? 'c1:t2' : f));
    const text = `${CSV_HEADER}\r\n${row(good)}${row(second).replace(/\r\n$/, '\n')}`;
    expect(checkCsvText(text)).toEqual({ ok: true, summary: 'CSV event log: 2 events' });
    // Fed one character at a time, the same verdict: quotes and CRLF may fall across chunks.
    const checker = new CsvLogChecker();
    for (const c of text) expect(checker.push(c)).toBeNull();
    expect(checker.end()).toEqual({ ok: true, summary: 'CSV event log: 2 events' });

    const withField = (i: number, v: string) =>
      checkCsvText(`${CSV_HEADER}\r\n${row(good.map((f, j) => (j === i ? v : f)))}`);
    expect(withField(8, 'sad')).toMatchObject({ reason: expect.stringContaining('emotion "sad"') });
    expect(withField(4, '1.5')).toMatchObject({ reason: expect.stringContaining('relative_day') });
    expect(withField(0, '')).toMatchObject({ reason: 'record 2 (line 2): case_id is empty' });
    expect(withField(3, 'yesterday')).toMatchObject({
      reason: expect.stringContaining('timestamp "yesterday"'),
    });
    expect(withField(1, 'a"b')).toMatchObject({
      reason: expect.stringContaining('a quote inside an unquoted field'),
    });
    expect(withField(9, '"open')).toMatchObject({
      reason: expect.stringContaining('a quoted field is never closed'),
    });
    expect(checkCsvText('')).toEqual({ ok: false, reason: 'the file is empty' });
    expect(checkCsvText(`${CSV_HEADER}\r\n`)).toEqual({
      ok: true,
      summary: 'CSV event log: 0 events',
    });
    expect(checkCsvText(`\uFEFF${CSV_HEADER}\r\n`).ok).toBe(true);
  });

  it("read each event once, a case's events together, each event id its case's", () => {
    const row = (caseId: string, eventId: string) =>
      `${caseId},${eventId},hospital:admission,2000-01-01T00:00:00.000Z,0,day,hospital,admission,,,\r\n`;
    const log = (...rows: string[]) => checkCsvText(`${CSV_HEADER}\r\n${rows.join('')}`);
    expect(log(row('a', 'a:t1'), row('a', 'a:t2'), row('b', 'b:t1'))).toEqual({
      ok: true,
      summary: 'CSV event log: 3 events',
    });
    expect(log(row('a', 'a:t1'), row('a', 'a:t1'))).toEqual({
      ok: false,
      reason: 'record 3 (line 3): event_id "a:t1" is used twice',
    });
    // Two logs joined end to end: the first case comes again.
    expect(log(row('a', 'a:t1'), row('b', 'b:t1'), row('a', 'a:t1'))).toEqual({
      ok: false,
      reason:
        'record 4 (line 4): case "a" comes again after other cases (its events are written together: the same export twice?)',
    });
    expect(log(row('a', 'b:t1'))).toEqual({
      ok: false,
      reason: 'record 2 (line 2): event_id "b:t1" is not its case_id and a touchpoint (case_id:t1)',
    });
    expect(log(row('a', 'a:'))).toMatchObject({ ok: false });
    // A case of more events than a model holds.
    const many = Array.from({ length: 10_001 }, (_, i) => row('a', `a:t${i + 1}`));
    expect(log(...many)).toEqual({
      ok: false,
      reason:
        'record 10002 (line 10002): case "a" has more than 10000 events, more than a model holds',
    });
    // What convert writes passes.
    const [m] = randomModels(1, 3, 8);
    expect(checkCsvText(toCsv([m!, { ...m!, exportId: crypto.randomUUID() }]))).toMatchObject({
      ok: true,
    });
  });

  it('tell real ISO 8601 moments from look-alikes', () => {
    for (const s of ['2000-01-01T00:00:00.000Z', '2024-02-29T23:59:59+01:00', '2022-01-01T10:00'])
      expect(isIsoDateTime(s)).toBe(true);
    for (const s of [
      '2023-02-29T00:00:00Z',
      '2022-13-01T00:00:00Z',
      '2022-01-01',
      'x',
      '2022-01-01T24:00:00Z',
    ])
      expect(isIsoDateTime(s)).toBe(false);
  });
});

describe('an OCEL float as text, read in time', () => {
  it('refuses a long run of digits that is no number in milliseconds, not seconds', () => {
    const text = JSON.stringify({
      objectTypes: [{ name: 'j', attributes: [{ name: 'cost', type: 'float' }] }],
      eventTypes: [],
      objects: [
        {
          id: 'o1',
          type: 'j',
          attributes: [
            { name: 'cost', time: '1970-01-01T00:00:00Z', value: `${'1'.repeat(200_000)}x` },
          ],
        },
      ],
      events: [],
    });
    const started = performance.now();
    const result = checkOcelText(text);
    expect(result).toMatchObject({
      ok: false,
      reason: expect.stringContaining('is not of its declared type float'),
    });
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
