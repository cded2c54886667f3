import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../electron/cli/pathway';
import { LATEST_VERSION } from '../../electron/db/migrations';
import { openDatabase } from '../../electron/db/open';
import { giveCliTestKey, openRaw, testKey } from '../support/test-key';
import { createHandlers } from '../../electron/handlers';
// The app's import as the window runs it (its folder selection, reading and batches), against
// the real handlers: the one place a unit test drives window code with the main process's.
// eslint-disable-next-line no-restricted-imports
import { fromFileList, importFiles } from '../../renderer/src/program/import-files';
import { CHANNELS } from '../../shared/ipc/channels';
import { dispatch } from '../../shared/ipc/dispatch';
import type { ImportResult } from '../../shared/ipc/contract';
import { CSV_HEADER } from '../../shared/model/event-log';
import {
  describeJsonSyntaxError,
  MAX_FOLDER_DEPTH,
  verdictOfImport,
  type FileVerdict,
} from '../../shared/model/model-files';
import { MODEL_FORMAT, MODEL_SCHEMA_VERSION } from '../../shared/model/pathway-model';
import { validateModelText } from '../../shared/model/validate';
import { makeTestDb, type TestDb } from './helpers';
import { randomModels } from '../support/generate-models';

/**
 * One rule for which files are read as what, the same on the command line and in the app's
 * import (shared/model/model-files.ts); clear exit codes; and no line that repeats what a file
 * holds. Everything through the real `main()` on real files, and the app's import through the
 * window's own code (import-files.ts) and the real handlers.
 */

let dir: string;
let forgetCliKey: () => void;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pathway-files-'));
  // The databases here are encrypted with the test key; the command line is given it as a
  // script gives it (PATHWAY_KEY_FD), never as an argument.
  forgetCliKey = giveCliTestKey();
});
afterEach(() => {
  forgetCliKey();
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

interface Run {
  code: number;
  stdout: string[];
  stderr: string[];
  /** Everything written, to search for what must never appear. */
  all: string;
}

/**
 * `pathway ARGS`, with what it writes to stdout and to stderr kept apart, a line an entry (the
 * aggregate writes its lines per file in one go).
 */
function run(...args: string[]): Run {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const spies = [
    vi
      .spyOn(console, 'log')
      .mockImplementation((...a: unknown[]) => void stdout.push(...a.join(' ').split('\n'))),
    vi
      .spyOn(console, 'error')
      .mockImplementation((...a: unknown[]) => void stderr.push(a.join(' '))),
    vi.spyOn(process.stdout, 'write').mockImplementation((c: unknown) => {
      stdout.push(String(c));
      return true;
    }),
    vi.spyOn(process.stderr, 'write').mockImplementation((c: unknown) => {
      stderr.push(String(c));
      return true;
    }),
  ];
  try {
    const code = main(args);
    return { code, stdout, stderr, all: [...stdout, ...stderr].join('\n') };
  } finally {
    for (const s of spies) s.mockRestore();
  }
}

/** The verdict a command's line gives a path: valid, invalid or skipped. */
function verdictsOf(lines: string[]): Map<string, FileVerdict> {
  const verdicts = new Map<string, FileVerdict>();
  for (const line of lines) {
    const m =
      /^(.*?): (valid|counted|duplicate of export|converted|INVALID|rejected|skipped)\b/.exec(line);
    if (!m) continue;
    const word = m[2]!;
    verdicts.set(
      m[1]!,
      word === 'INVALID' || word === 'rejected'
        ? 'invalid'
        : word === 'skipped'
          ? 'skipped'
          : 'valid',
    );
  }
  return verdicts;
}

const models = randomModels(4, 2027, 6);
const modelText = (i: number) => JSON.stringify(models[i]);

/**
 * The system's folder picker, as the window's `<input webkitdirectory>` gets a folder: every file
 * below it with its path from the folder's name, links followed, each folder once.
 */
function pickFolder(root: string): FileList {
  const files: File[] = [];
  const seen = new Set<string>();
  const walk = (folder: string, rel: string) => {
    const s = statSync(folder);
    if (seen.has(`${s.dev}:${s.ino}`)) return;
    seen.add(`${s.dev}:${s.ino}`);
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      let st;
      try {
        st = statSync(path);
      } catch {
        continue;
      }
      if (st.isDirectory()) walk(path, `${rel}/${name}`);
      else if (st.isFile()) {
        const file = new File([readFileSync(path)], name);
        Object.defineProperty(file, 'webkitRelativePath', { value: `${rel}/${name}` });
        files.push(file);
      }
    }
  };
  walk(root, basename(root));
  return files as unknown as FileList;
}

/** The app's import of a folder, through the window's code and the real handlers. */
async function appImport(t: TestDb, root: string): Promise<ImportResult[]> {
  const w = globalThis as { window?: unknown };
  const before = w.window;
  w.window = {
    api: { channels: CHANNELS, invoke: (c: string, p: unknown) => dispatch(t.handlers, c, p) },
  };
  try {
    const outcome = await importFiles(
      fromFileList(pickFolder(root)),
      () => {},
      () => false,
    );
    expect(outcome.error).toBeUndefined();
    return outcome.results;
  } finally {
    w.window = before;
  }
}

/**
 * A folder of everything a folder holds in practice: models (one with a byte-order mark, one a
 * copy), a model renamed .txt, a note, a broken file, subfolders, hidden files and folders, a link
 * back to the folder itself, a link to a file elsewhere, and folders deeper than the walk goes.
 */
function mixedFolder(): string {
  const root = join(dir, 'models');
  mkdirSync(join(root, 'sub', 'deeper'), { recursive: true });
  mkdirSync(join(root, '.git'));
  writeFileSync(join(root, 'a.pathway.json'), modelText(0));
  writeFileSync(join(root, 'b-bom.json'), `\uFEFF${modelText(1)}`);
  writeFileSync(join(root, 'c-copy.json'), modelText(0));
  writeFileSync(join(root, 'model.txt'), modelText(2));
  writeFileSync(join(root, 'notes.txt'), 'Møde tirsdag.\n');
  writeFileSync(join(root, 'broken.json'), modelText(2).slice(0, 80));
  writeFileSync(join(root, 'UPPER.JSON'), modelText(2));
  writeFileSync(join(root, '.DS_Store'), 'system');
  writeFileSync(join(root, '.git', 'config'), '[core]');
  writeFileSync(join(root, 'sub', 'log.xes'), '<log xes.version="1.0"/>');
  writeFileSync(
    join(root, 'sub', 'deeper', 'bad-schema.json'),
    JSON.stringify({ ...models[1], ideas: 'x' }),
  );
  mkdirSync(join(dir, 'elsewhere'));
  writeFileSync(join(dir, 'elsewhere', 'outside.json'), modelText(3));
  symlinkSync(join(dir, 'elsewhere', 'outside.json'), join(root, 'sub', 'linked.json'));
  symlinkSync(root, join(root, 'sub', 'loop'));
  let deep = join(root, 'deep');
  for (let i = 0; i < MAX_FOLDER_DEPTH + 1; i++) deep = join(deep, 'd');
  mkdirSync(deep, { recursive: true });
  writeFileSync(join(deep, 'too-deep.json'), modelText(0));
  return root;
}

describe('one rule for which files are read, on the command line and in the app', () => {
  let t: TestDb;
  beforeEach(() => {
    t = makeTestDb();
  });
  afterEach(() => t.cleanup());

  it('gives every file of a folder one line, walking subfolders, by name, a BOM dropped', () => {
    const root = mixedFolder();
    const r = run('validate', root);
    expect(r.code).toBe(1);
    expect(r.stderr).toEqual([]);
    const v = verdictsOf(r.stdout);
    const at = (p: string) => v.get(join(root, p));
    expect(at('a.pathway.json')).toBe('valid');
    expect(at('b-bom.json')).toBe('valid');
    expect(at('c-copy.json')).toBe('valid');
    expect(at('UPPER.JSON')).toBe('valid');
    expect(at('model.txt')).toBe('skipped');
    expect(at('notes.txt')).toBe('skipped');
    expect(at('broken.json')).toBe('invalid');
    expect(at('.DS_Store')).toBe('skipped');
    expect(at('.git')).toBe('skipped');
    expect(at('sub/deeper/bad-schema.json')).toBe('invalid');
    expect(at('sub/linked.json')).toBe('valid');
    expect(at('sub/log.xes')).toBe('valid');
    expect(at('sub/loop')).toBe('skipped');
    const deepest = [...v.keys()].find((p) => p.endsWith('/d') && v.get(p) === 'skipped')!;
    expect(deepest.split('/d').length - 1).toBe(MAX_FOLDER_DEPTH + 1);
    expect(r.stdout.find((l) => l.startsWith(`${deepest}: `))).toContain(
      `a folder more than ${MAX_FOLDER_DEPTH} levels down, not looked into`,
    );
    expect(r.stdout.find((l) => l.startsWith(join(root, 'sub/loop')))).toContain(
      'a folder already looked into (a link back to it)',
    );
    expect(r.stdout.find((l) => l.startsWith(join(root, '.DS_Store')))).toContain('hidden');
    // One line per entry, nothing about the hidden folder's insides, in the one order by path.
    expect(r.stdout).toHaveLength(v.size);
    expect(r.stdout.some((l) => l.includes('.git/config'))).toBe(false);
    const paths = r.stdout.map((l) => l.slice(0, l.indexOf(': ')));
    expect(paths).toEqual([...paths].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('walks a folder of 130,000 entries (their list once overflowed the stack)', () => {
    const root = mkdtempSync(join(tmpdir(), 'pathway-wide-'));
    try {
      const inner = join(root, 'a');
      mkdirSync(inner);
      for (let i = 0; i < 130_000; i++) writeFileSync(join(inner, `${i}.txt`), '');
      // The command line as installed (the console's spies of `run` hold every line twice).
      let out = { status: 0, stdout: '', stderr: '' };
      try {
        execFileSync(process.execPath, ['bin/pathway.cjs', 'validate', root], {
          encoding: 'utf8',
          maxBuffer: 256 * 1024 * 1024,
        });
      } catch (error) {
        out = error as typeof out;
      }
      expect(out.status).toBe(2);
      expect(out.stderr).toContain('(130000 skipped)');
      const lines = out.stdout.trimEnd().split('\n');
      expect(lines).toHaveLength(130_000);
      expect(lines.every((l) => l.includes(': skipped'))).toBe(true);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 120_000);

  it('gives the same verdict per file as the app’s import of the same folder', async () => {
    const root = mixedFolder();
    const results = await appImport(t, root);
    const app = new Map(results.map((r) => [join(dirname(root), r.file), r]));
    // The app is never given hidden files or what lies below the depth limit.
    expect([...app.keys()].some((p) => p.includes('/.') || p.includes('too-deep'))).toBe(false);

    const validate = verdictsOf(run('validate', root).stdout);
    const aggregate = run('aggregate', root, '--out', join(dir, 'tables'));
    expect(aggregate.code).toBe(1);
    const aggregated = verdictsOf(aggregate.stdout);
    for (const [path, result] of app) {
      const verdict = verdictOfImport(result);
      expect({ path, verdict: aggregated.get(path) }).toEqual({ path, verdict });
      // validate also reads event logs, which the import skips as no model.
      if (!path.endsWith('.xes'))
        expect({ path, verdict: validate.get(path) }).toEqual({ path, verdict });
    }
    // What only the command line lists is what the app is never given: hidden entries, the
    // folder a link loops back to, and the folder below the depth limit.
    for (const [path, verdict] of aggregated) {
      if (!app.has(path)) expect({ path, verdict }).toEqual({ path, verdict: 'skipped' });
    }
    // The same file of the copied export is the duplicate in both.
    const duplicates = aggregate.stdout.filter((l) => l.includes(': duplicate of export'));
    expect(duplicates.map((l) => l.slice(0, l.indexOf(': ')))).toEqual([join(root, 'c-copy.json')]);
    expect(results.filter((r) => r.status === 'duplicate').map((r) => r.file)).toEqual([
      'models/c-copy.json',
    ]);
    expect(app.get(join(root, 'model.txt'))).toMatchObject({ reason: 'not_json_file' });
  });

  it('drops a byte-order mark before parsing, in the handler as on the command line', async () => {
    const bom = `\uFEFF${modelText(0)}`;
    expect(validateModelText(bom).ok).toBe(true);
    const [result] = await (async () => {
      const r = await dispatch(t.handlers, 'program:import', {
        files: [{ name: 'bom.json', size: Buffer.byteLength(bom), bytes: Buffer.from(bom) }],
      });
      return (r as { ok: true; data: ImportResult[] }).data;
    })();
    expect(result).toMatchObject({ status: 'imported' });
    const file = join(dir, 'bom.json');
    writeFileSync(file, bom);
    expect(run('validate', file).code).toBe(0);
    expect(run('convert', file, '--to', 'csv', '--out', join(dir, 'bom.csv')).code).toBe(0);
  });

  it.skipIf(process.platform === 'win32')('never waits on a pipe, and never reads one', () => {
    const root = join(dir, 'pipes');
    mkdirSync(root);
    execFileSync('mkfifo', [join(root, 'fifo.json')]);
    writeFileSync(join(root, 'good.json'), modelText(0));
    const r = run('validate', root);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      `${join(root, 'fifo.json')}: skipped (not a regular file (a device, pipe or socket is never read))`,
    );
    expect(run('validate', join(root, 'fifo.json')).code).toBe(2);
  });
});

describe('nothing of a file is ever repeated', () => {
  const SECRET = 'TOPSECRET-4711';
  const secretLine = `root:x:0:0:${SECRET}:/root:/bin/bash`;

  /**
   * Links to a text file with a secret line, under every name a reader looks at, and files that
   * hold the secret where each check would once have quoted it.
   */
  function secretFolder(): string {
    const secret = join(dir, 'private', 'passwd');
    mkdirSync(dirname(secret));
    writeFileSync(secret, `${secretLine}\ndaemon:x:1:1:${SECRET}:/usr/sbin\n`);
    const root = join(dir, 'in');
    mkdirSync(root);
    for (const name of [
      'passwd.json',
      'passwd.pathway.json',
      'passwd.ocel.json',
      'passwd.xes',
      'passwd.csv',
      'passwd.txt',
    ])
      symlinkSync(secret, join(root, name));
    const head = `"format":"${MODEL_FORMAT}","schemaVersion":"${MODEL_SCHEMA_VERSION}"`;
    writeFileSync(
      join(root, 'version.json'),
      `{"format":"${MODEL_FORMAT}","schemaVersion":"${SECRET}"}`,
    );
    writeFileSync(join(root, 'extra-key.json'), JSON.stringify({ ...models[0], [SECRET]: 1 }));
    writeFileSync(join(root, 'short.json'), SECRET);
    writeFileSync(join(root, 'after.json'), `{}${SECRET}`);
    // Large enough to be screened before parsing: keys no model has.
    const keys = Array.from({ length: 1100 }, (_, i) => `"${SECRET}-${i}":"${'x'.repeat(1000)}"`);
    writeFileSync(join(root, 'large.json'), `{${head},${keys.join(',')}}`);
    writeFileSync(join(root, 'tag.xes'), `<?xml version="1.0"?>\n<${SECRET} a="${SECRET}">\n<b>`);
    writeFileSync(join(root, 'root.xes'), `<?xml version="1.0"?><${SECRET}/>`);
    // An entity name the XML validator lets through, so that the entity check sees it.
    writeFileSync(join(root, 'entity.xes'), `<log xes.version="1.0">&TOPSECRET;</log>`);
    writeFileSync(
      join(root, 'value.xes'),
      `<log xes.version="1.0"><trace><event><string key="concept:name" value="a"/><date key="${SECRET}" value="${SECRET}"/><date key="time:timestamp" value="${SECRET}"/></event></trace></log>`,
    );
    writeFileSync(join(root, 'version.xes'), `<log xes.version="${SECRET}"/>`);
    writeFileSync(
      join(root, 'relation.ocel.json'),
      JSON.stringify({
        objectTypes: [{ name: 'o', attributes: [] }],
        eventTypes: [{ name: 'e', attributes: [] }],
        objects: [],
        events: [
          {
            id: SECRET,
            type: 'e',
            time: '2022-01-01T00:00:00Z',
            relationships: [{ objectId: SECRET, qualifier: 'x' }],
          },
        ],
      }),
    );
    writeFileSync(join(root, 'header.csv'), `${SECRET},${CSV_HEADER}\r\n`);
    writeFileSync(
      join(root, 'value.csv'),
      `${CSV_HEADER}\r\nc1,c1:t1,a,${SECRET},0,day,hospital,admission,0,,\r\n`,
    );
    return root;
  }

  const clean = (text: string) => {
    expect(text).not.toContain('TOPSECRET');
    expect(text).not.toContain('root:x:0:0');
    expect(text).not.toContain('daemon');
  };

  it('validate, aggregate and convert say what is wrong and where, never what the file holds', () => {
    const root = secretFolder();
    const validate = run('validate', root);
    expect(validate.code).toBe(1);
    clean(validate.all);
    const v = verdictsOf(validate.stdout);
    for (const name of readdirSync(root)) {
      const expected = name.endsWith('.txt')
        ? 'skipped'
        : name === 'version.xes'
          ? 'valid'
          : 'invalid';
      expect({ name, verdict: v.get(join(root, name)) }).toEqual({ name, verdict: expected });
    }
    const line = (name: string) =>
      validate.stdout.find((l) => l.startsWith(`${join(root, name)}: `))!;
    // Still useful: the kind of fault, and where.
    expect(line('passwd.json')).toBe(
      `${join(root, 'passwd.json')}: INVALID — the file is not valid JSON (perhaps truncated) (an unexpected character)`,
    );
    expect(line('after.json')).toContain('(more text after the JSON value at line 1, column 3)');
    expect(line('version.json')).toContain(
      `(this version reads schema ${MODEL_SCHEMA_VERSION.split('.')[0]}.x)`,
    );
    expect(line('extra-key.json')).toContain('(root): has a key the schema does not name');
    expect(line('large.json')).toContain('parts no model has (keys the schema does not name)');
    expect(line('passwd.ocel.json')).toContain(
      'OCEL 2.0 JSON: not valid JSON (perhaps truncated): an unexpected character',
    );
    expect(line('relation.ocel.json')).toContain('object "…" is not among the objects');
    expect(line('passwd.csv')).toContain('column 1 is "…", not case_id');
    expect(line('value.csv')).toContain('timestamp "…" is not an ISO 8601 date and time');
    expect(line('tag.xes')).toMatch(
      /INVALID — XES: not well-formed XML \(perhaps truncated\) at line \d+/,
    );
    expect(line('root.xes')).toContain('the root element is not <log>');
    expect(line('entity.xes')).toContain('starts no entity XML knows');
    expect(line('value.xes')).toContain(
      '<trace> #1 <event> #1 <date> #1: the value is not an xs:dateTime',
    );
    expect(line('version.xes')).toContain(': valid (XES: 0 traces, 0 events)');

    const aggregate = run('aggregate', root, '--out', join(dir, 'tables'));
    clean(aggregate.all);
    expect(aggregate.code).toBe(2);
    const convert = run('convert', root, '--to', 'csv', '--out', join(dir, 'log.csv'));
    clean(convert.all);
    expect(convert.code).toBe(2);
    for (const name of readdirSync(root)) {
      const one = run('convert', join(root, name), '--to', 'csv');
      clean(one.all);
      expect(one.code).toBe(2);
    }
  });

  it('nor does the app’s import result', async () => {
    const root = secretFolder();
    const t = makeTestDb();
    try {
      const results = await appImport(t, root);
      expect(results.length).toBe(readdirSync(root).length);
      clean(JSON.stringify(results));
      for (const r of results) expect(verdictOfImport(r)).not.toBe('valid');
    } finally {
      t.cleanup();
    }
  });

  it('turns a JSON parser’s message into words of our own', () => {
    for (const text of [
      SECRET,
      `"${SECRET}`,
      `{"a":1} ${SECRET}`,
      `{${SECRET}}`,
      `[1,${SECRET}]`,
    ]) {
      let message = '';
      try {
        JSON.parse(text);
      } catch (error) {
        message = (error as Error).message;
      }
      clean(describeJsonSyntaxError(message, text));
      // Newer engines say where themselves, with the text beside it.
      clean(
        describeJsonSyntaxError(
          `Unexpected token '${SECRET[0]}', "${SECRET}"... is not valid JSON`,
        ),
      );
    }
    expect(
      describeJsonSyntaxError(
        "Expected ',' or '}' after property value in JSON at position 9 (line 2 column 3)",
      ),
    ).toBe("a ',' or '}' was expected at line 2, column 3");
    // A short file is quoted whole in the parser's message: digits it wrote itself are not taken
    // for where the fault is.
    for (const text of ['at position 31337', 'u(line 4 column 2)']) {
      let message = '';
      try {
        JSON.parse(text);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(describeJsonSyntaxError(message, text)).toBe('an unexpected character');
    }
  });
});

describe('exit codes', () => {
  const model = (name: string, i = 0) => {
    writeFileSync(join(dir, name), modelText(i));
    return join(dir, name);
  };

  it('convert never replaces what it converts, nor anything that is not a file', () => {
    const one = model('one.json');
    const folder = join(dir, 'many');
    mkdirSync(folder);
    const inFolder = join(folder, 'b.json');
    writeFileSync(inFolder, modelText(1));
    const before = readFileSync(one, 'utf8');
    const refused = [
      run('convert', one, '--to', 'csv', '--out', one),
      run('convert', folder, '--to', 'csv', '--out', inFolder),
      run('convert', one, '--to', 'csv', '--out', dir),
    ];
    for (const r of refused) expect(r.code).toBe(2);
    expect(refused[0]!.all).toContain('is one of the files to convert');
    expect(refused[2]!.all).toContain('is not a file');
    expect(readFileSync(one, 'utf8')).toBe(before);
    expect(readFileSync(inFolder, 'utf8')).toBe(modelText(1));
    // The many models' log, one journey a row before any suppression, only for its owner.
    const log = join(dir, 'log.csv');
    expect(run('convert', folder, '--to', 'csv', '--out', log).code).toBe(0);
    expect(statSync(log).mode & 0o777).toBe(0o600);
  });

  it('convert writes the log through no link left where its partial file once stood', () => {
    const folder = join(dir, 'many');
    mkdirSync(folder);
    writeFileSync(join(folder, 'a.json'), modelText(0));
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'keep me', { mode: 0o644 });
    const log = join(dir, 'log.csv');
    symlinkSync(victim, `${log}.partial`);
    expect(run('convert', folder, '--to', 'csv', '--out', log).code).toBe(0);
    expect(readFileSync(victim, 'utf8')).toBe('keep me');
    expect(statSync(victim).mode & 0o777).toBe(0o644);
    expect(lstatSync(log).isSymbolicLink()).toBe(false);
    expect(readFileSync(log, 'utf8').startsWith(CSV_HEADER)).toBe(true);
    // Nothing of the run is left beside the log but what was there.
    expect(readdirSync(dir).sort()).toEqual(['log.csv', 'log.csv.partial', 'many', 'victim.txt']);
  });

  it('validate: 0 all good, 1 some invalid, 2 nothing to validate', () => {
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    let r = run('validate', empty);
    expect(r).toMatchObject({ code: 2, stdout: [] });
    expect(r.stderr).toEqual(['pathway validate: nothing to validate: no files found']);

    const texts = join(dir, 'texts');
    mkdirSync(texts);
    writeFileSync(join(texts, 'a.txt'), 'x');
    writeFileSync(join(texts, '.hidden.json'), 'x');
    r = run('validate', texts);
    expect(r.code).toBe(2);
    expect(r.stdout).toHaveLength(2);
    expect(r.stderr[0]).toMatch(
      /^pathway validate: nothing to validate: no model or event-log file .*\(2 skipped\)$/,
    );

    expect(run('validate', join(dir, 'nope')).code).toBe(2);
    const good = model('good.json');
    r = run('validate', good, join(texts, 'a.txt'));
    expect(r.code).toBe(0);
    expect(r.stdout[1]).toContain('a.txt: skipped (');
    writeFileSync(join(dir, 'bad.json'), '{');
    expect(run('validate', good, join(dir, 'bad.json')).code).toBe(1);
    // Every file invalid is still a check done: 1, not 2.
    expect(run('validate', join(dir, 'bad.json')).code).toBe(1);
    expect(run('validate').code).toBe(2);
  });

  it('aggregate: 0 all good, 1 some rejected, 2 nothing could be aggregated (and nothing written)', () => {
    const folder = join(dir, 'm');
    mkdirSync(folder);
    writeFileSync(join(folder, 'bad.json'), '{"a":');
    writeFileSync(join(folder, 'note.txt'), 'x');
    const out = join(dir, 'tables');
    let r = run('aggregate', folder, '--out', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toEqual([
      'pathway aggregate: nothing could be aggregated: no valid model among the files (1 rejected)',
    ]);
    expect(existsSync(out)).toBe(false);
    r = run('aggregate', join(dir, 'nothing-here'), '--out', out);
    expect(r.code).toBe(2);
    expect(existsSync(out)).toBe(false);

    writeFileSync(join(folder, 'good.json'), modelText(0));
    r = run('aggregate', folder, '--out', out);
    expect(r.code).toBe(1);
    expect(r.stdout.slice(0, 3)).toEqual([
      `${join(folder, 'bad.json')}: rejected — the file is not valid JSON (perhaps truncated) (the text ends too early)`,
      `${join(folder, 'good.json')}: counted`,
      `${join(folder, 'note.txt')}: skipped (not a model file (the name must end in .json))`,
    ]);
    rmSync(join(folder, 'bad.json'));
    expect(run('aggregate', folder, '--out', out).code).toBe(0);
  });

  it('convert: 0 all good, 1 some left out, 2 nothing converted (and no file left)', () => {
    const folder = join(dir, 'm');
    mkdirSync(folder);
    writeFileSync(join(folder, 'bad.json'), '{');
    const log = join(dir, 'log.csv');
    let r = run('convert', folder, '--to', 'csv', '--out', log);
    expect(r.code).toBe(2);
    expect(r.stderr).toEqual([
      'pathway convert: nothing converted: no valid model among the files (1 invalid)',
    ]);
    expect(readdirSync(dir)).toEqual(['m']);
    r = run('convert', join(folder, 'bad.json'), '--to', 'xes');
    expect(r).toMatchObject({ code: 2, stdout: [] });
    expect(r.stderr[0]).toContain('bad.json: INVALID — the file is not valid JSON');

    writeFileSync(join(folder, 'good.json'), modelText(0));
    expect(run('convert', folder, '--to', 'csv', '--out', log).code).toBe(1);
    rmSync(join(folder, 'bad.json'));
    r = run('convert', folder, '--to', 'csv', '--out', log);
    expect(r.code).toBe(0);
    expect(r.stdout).toEqual([
      `${join(folder, 'good.json')}: converted`,
      `Converted 1 models (0 invalid, left out) into ${log}`,
    ]);
    expect(run('convert', join(folder, 'good.json'), '--to', 'xes').code).toBe(0);
  });

  it('documents the exit codes in --help', () => {
    const r = run('--help');
    expect(r.code).toBe(0);
    const help = r.stdout.join('\n');
    expect(help).toContain('Exit codes:');
    expect(help).toMatch(/^ {2}0 {2}all good/m);
    expect(help).toMatch(/^ {2}1 {2}done, but some files were invalid or rejected/m);
    expect(help).toMatch(/^ {2}2 {2}nothing could be done/m);
    expect(run().code).toBe(2);
    expect(run('frobnicate').code).toBe(2);
  });
});

describe('pathway export never writes to its database', () => {
  let seeded: string;
  let consented: string;
  let refused: string;
  let base: string;

  beforeAll(async () => {
    base = mkdtempSync(join(tmpdir(), 'pathway-export-db-'));
    seeded = join(base, 'app.sqlite');
    const db = openDatabase(seeded, testKey());
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
      label: 'Lægen',
      sector: 'general_practice',
    });
    await h['profile:update']({ journeyId: a.id, patch: { consentExport: true } });
    const b = await h['journeys:create']({ alias: 'Bo' });
    db.close();
    consented = a.id;
    refused = b.id;
  });
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  /** A copy of the seeded database in this test's folder. */
  const copy = (name = 'app.sqlite') => {
    const file = join(dir, name);
    writeFileSync(file, readFileSync(seeded));
    return file;
  };
  const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

  it('exports from a read-only database file and leaves it exactly as it was', () => {
    const db = copy();
    chmodSync(db, 0o444);
    const before = { hash: digest(db), mtime: statSync(db).mtimeMs };
    const out = join(dir, 'out');
    const r = run('export', '--db', db, '--all', '--out', out, '--format', 'all');
    expect(r.code).toBe(0);
    // Each journey's outcome.
    expect(r.stdout).toHaveLength(1);
    expect(r.stdout[0]).toMatch(
      new RegExp(
        `^${consented}: exported forloeb-.*\\.pathway\\.json, .*\\.ocel\\.json, .*\\.xes, .*\\.csv$`,
      ),
    );
    expect(r.stderr).toEqual([`${refused}: skipped, no consent to an anonymised export`]);
    expect(readdirSync(out)).toHaveLength(4);
    expect({ hash: digest(db), mtime: statSync(db).mtimeMs }).toEqual(before);
    // SQLite's WAL sidecar, if a read-only reader makes one, holds nothing.
    if (existsSync(`${db}-wal`)) expect(statSync(`${db}-wal`).size).toBe(0);
    // Asked for by id: a journey without consent, or none at all, is one not exported.
    expect(
      run('export', '--db', db, '--journey', consented, '--journey', 'no-such', '--out', out).code,
    ).toBe(1);
  }, 120_000);

  it('prints a journey id read from the database with its control characters escaped', () => {
    // An id no window would make, as a restored or hand-made database file could hold: escapes
    // that clear the terminal and print a verdict of their own.
    const db = copy('odd.sqlite');
    const odd = `x\u001b[2J\u001b[1;31mALL EXPORTED OK\u001b[0m\u202e`;
    const raw = openRaw(db);
    raw.pragma('foreign_keys = OFF');
    const tables = (
      raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]
    ).filter((t) =>
      (raw.prepare(`PRAGMA table_info(${t})`).all() as { name: string }[]).some(
        (c) => c.name === 'journey_id',
      ),
    );
    raw.prepare('UPDATE journeys SET id = ? WHERE id = ?').run(odd, consented);
    for (const t of tables) {
      raw.prepare(`UPDATE ${t} SET journey_id = ? WHERE journey_id = ?`).run(odd, consented);
    }
    raw.close();
    const r = run('export', '--db', db, '--all', '--out', join(dir, 'odd-out'));
    expect(r.code).toBe(0);
    expect(r.stdout).toHaveLength(1);
    expect(r.stdout[0]).toMatch(
      /^x\\x1b\[2J\\x1b\[1;31mALL EXPORTED OK\\x1b\[0m\\u202e: exported /,
    );
    // eslint-disable-next-line no-control-regex
    expect([...r.stdout, ...r.stderr].join('\n')).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u202e]/);
  }, 120_000);

  it('refuses an empty file, a text file, a folder, a missing file and a foreign SQLite file: exit 2, nothing written', () => {
    const out = join(dir, 'out');
    const zero = join(dir, 'zero.sqlite');
    writeFileSync(zero, '');
    let r = run('export', '--db', zero, '--all', '--out', out);
    expect(r).toMatchObject({ code: 2, stdout: [] });
    expect(r.stderr).toEqual([
      `pathway export: ${zero} is empty (0 bytes): it is no database of the app`,
    ]);
    expect(statSync(zero).size).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['zero.sqlite']);

    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'root:x:0:0:secret\n');
    r = run('export', '--db', text, '--all', '--out', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toEqual([
      `pathway export: ${text} is not an SQLite database: it is no database of the app`,
    ]);
    expect(readFileSync(text, 'utf8')).toBe('root:x:0:0:secret\n');

    r = run('export', '--db', join(dir, 'missing.sqlite'), '--all', '--out', out);
    expect(r.code).toBe(2);
    expect(r.stderr[0]).toContain('no database at');
    expect(run('export', '--db', dir, '--all', '--out', out).code).toBe(2);

    const foreign = join(dir, 'foreign.sqlite');
    const f = new BetterSqlite3(foreign);
    f.exec('CREATE TABLE notes (x TEXT)');
    f.close();
    const foreignHash = digest(foreign);
    r = run('export', '--db', foreign, '--all', '--out', out);
    expect(r.code).toBe(2);
    expect(r.stderr[0]).toContain("has none of the app's tables");
    expect(digest(foreign)).toBe(foreignHash);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(join(dir, 'missing.sqlite'))).toBe(false);
  });

  it('refuses a database of another schema version, older (never migrated) or newer: exit 2', () => {
    const out = join(dir, 'out');
    for (const version of [LATEST_VERSION - 1, LATEST_VERSION + 1]) {
      const file = copy(`v${version}.sqlite`);
      const db = openRaw(file);
      db.pragma(`user_version = ${version}`);
      db.close();
      const hash = digest(file);
      const r = run('export', '--db', file, '--all', '--out', out);
      expect(r.code).toBe(2);
      expect(r.stderr[0]).toContain(
        version < LATEST_VERSION ? 'open it once in the app' : 'newer version of the app',
      );
      expect(digest(file)).toBe(hash);
      expect(existsSync(out)).toBe(false);
    }
  });

  it('exits 2 when no journey could be exported, leaving no output folder', () => {
    const db = copy();
    const out = join(dir, 'out');
    const r = run('export', '--db', db, '--journey', refused, '--out', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toEqual([
      `${refused}: skipped, no consent to an anonymised export`,
      'pathway export: nothing exported: no journey has consent to an anonymised export',
    ]);
    expect(existsSync(out)).toBe(false);
    writeFileSync(join(dir, 'a-file'), '');
    expect(run('export', '--db', db, '--all', '--out', join(dir, 'a-file')).code).toBe(2);
  }, 120_000);
});
