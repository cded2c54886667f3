import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseHealthError, type DatabaseProblem } from '../db/health';
import { LATEST_VERSION } from '../db/migrations';
import { openDatabase } from '../db/open';
import { testKey } from '../../tests/support/test-key';
import { startupErrorBox } from './startup-error';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function fileIn(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pathway-startup-'));
  dirs.push(dir);
  return join(dir, 'forloebsvaerksted.sqlite');
}

/** What openDatabase throws for a file made by `make`. */
function refusalOf(make: (file: string) => void): { file: string; error: unknown } {
  const file = fileIn();
  make(file);
  try {
    openDatabase(file, testKey()).close();
  } catch (error) {
    return { file, error };
  }
  throw new Error('the database was not refused');
}

const CASES: [string, (file: string) => void, { da: RegExp; en: RegExp }][] = [
  ['an empty file', (f) => writeFileSync(f, ''), { da: /tom/, en: /empty/ }],
  [
    'a file that is not a database',
    (f) => writeFileSync(f, 'Ikke en database\n'.repeat(100)),
    { da: /ikke en database/, en: /not a Pathway Workshop database/ },
  ],
  [
    'a database from a newer version',
    (f) => {
      const db = new BetterSqlite3(f);
      db.pragma(`user_version = ${LATEST_VERSION + 1}`);
      db.close();
    },
    { da: /nyere version/, en: /newer version/ },
  ],
];

describe('the error box at start', () => {
  it.each(CASES)(
    'says what is wrong with %s, that nothing changed, and what to do',
    (_n, make, says) => {
      const { file, error } = refusalOf(make);
      const da = startupErrorBox('da', error, file);
      const en = startupErrorBox('en', error, file);
      expect(`${da.title} ${da.body}`).toMatch(says.da);
      expect(`${en.title} ${en.body}`).toMatch(says.en);
      expect(da.body).toContain('Intet er ændret');
      expect(en.body).toContain('Nothing has been changed');
      // No untranslated key and no empty placeholder.
      for (const text of [da.title, da.body, en.title, en.body]) {
        expect(text).not.toMatch(/^startup\.|\{\{/);
      }
    },
  );

  it('gives each refusal its own text, naming the file and what to do', () => {
    const boxes = CASES.map(([, make]) => {
      const { file, error } = refusalOf(make);
      return { file, box: startupErrorBox('da', error, file) };
    });
    expect(new Set(boxes.map((b) => b.box.title)).size).toBe(boxes.length);
    for (const { file, box } of boxes.filter((b) => !/nyere/.test(b.box.title))) {
      expect(box.body).toContain(file);
      expect(box.body).toMatch(/sikkerhedskopi/);
    }
  });

  it('has a text for damaged and read-only databases (made from real files in health.test.ts)', () => {
    const da = (problem: DatabaseProblem) =>
      startupErrorBox('da', new DatabaseHealthError(problem, '/x/db.sqlite'), '/x/db.sqlite');
    expect(da('corrupt').title).toBe('Databasen er beskadiget');
    expect(da('corrupt').body).toMatch(/Intet er ændret.*sikkerhedskopi/s);
    expect(da('read_only').title).toBe('Databasen kan ikke gemmes');
    expect(da('read_only').body).toMatch(/Intet er ændret.*skriveadgang/s);
    const unknown = startupErrorBox('da', new Error('disk on fire'), '/x/db.sqlite');
    expect(unknown.title).toBe('Databasen kunne ikke åbnes');
    expect(unknown.body).toContain('/x/db.sqlite');
  });
});
