import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aggregate } from '../../shared/analysis/aggregate';
import { makeTestDb, type TestDb } from '../../tests/unit/helpers';
import { randomModels } from '../../tests/support/generate-models';
import { ProgramRepository } from './program-repository';

let t: TestDb;
let repo: ProgramRepository;
beforeEach(() => {
  t = makeTestDb();
  repo = new ProgramRepository(t.db);
});
afterEach(() => t.cleanup());

const now = '2026-11-24T10:00:00.000Z';
const importText = (name: string, text: string) =>
  repo.importOne(name, text, Buffer.byteLength(text), now);

describe('program workspace', () => {
  it('imports good files, counts a duplicate once, rejects bad ones with a reason, and keeps going', () => {
    const models = randomModels(5, 7, 6);
    const files: [string, string][] = [
      ...models.map((m, i): [string, string] => [`m${i}.json`, JSON.stringify(m)]),
      ['copy.json', JSON.stringify(models[0])],
      ['empty.json', ''],
      ['truncated.json', JSON.stringify(models[1]).slice(0, 50)],
      ['proto.json', JSON.stringify(models[2]).replace('{', '{"__proto__":{},')],
      ['tampered.json', JSON.stringify({ ...models[3], exportMonth: '2019-01' })],
    ];
    const results = files.map(([n, text]) => importText(n, text));
    expect(results.map((r) => r.status)).toEqual([
      'imported',
      'imported',
      'imported',
      'imported',
      'imported',
      'duplicate',
      'rejected',
      'rejected',
      'rejected',
      'rejected',
    ]);
    expect(results.at(-1)!.reason).toBe('checksum');
    expect(repo.list()).toHaveLength(5);
    expect(
      repo
        .models()
        .map((m) => m.exportId)
        .sort(),
    ).toEqual(models.map((m) => m.exportId).sort());
  });

  it('lists the newest import first, and file names in the order people number them', () => {
    const [a, b, c, d] = randomModels(4, 11, 3);
    for (const [name, m] of [
      ['model-10.json', a],
      ['model-2.json', b],
      ['Model-1.json', c],
    ] as const) {
      importText(name, JSON.stringify(m));
    }
    const later = JSON.stringify(d);
    repo.importOne('later.json', later, Buffer.byteLength(later), '2026-11-25T10:00:00.000Z');
    expect(repo.list().map((m) => m.fileName)).toEqual([
      'later.json',
      'Model-1.json',
      'model-2.json',
      'model-10.json',
    ]);
  });

  it('aggregates what was imported, and deletes one or all', () => {
    for (const [i, m] of randomModels(12, 9, 6).entries())
      importText(`m${i}.json`, JSON.stringify(m));
    expect(aggregate(repo.models()).cohort).toEqual({ shown: true, journeys: 12, value: 12 });
    expect(repo.delete(repo.list()[0]!.exportId)).toBe(true);
    expect(repo.list()).toHaveLength(11);
    expect(repo.deleteAll()).toBe(11);
    expect(aggregate(repo.models())).toMatchObject({ suppressed: 'cohort_small' });
  });
});
