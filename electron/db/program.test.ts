import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aggregate } from '../../shared/analysis/aggregate';
import { makeTestDb, type TestDb } from '../../tests/unit/helpers';
import { randomModels } from '../../tests/support/generate-models';
import { ProgramRepository, listedName } from './program-repository';
import { decompress } from './compression';
import { packContent } from './model-content';
import { renderFormats } from '../export/export-service';

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

  it("lists the newest import first, each model by its export's name and never its file's", () => {
    const [a, b, c, d] = randomModels(4, 11, 3);
    for (const [name, m] of [
      ['model-10.json', a],
      ['Anne Hansen 010170-1234 Vestergade 12.json', b],
      ['x\u0000\u202eevil\u001b[31m.json', c],
    ] as const) {
      expect(importText(name, JSON.stringify(m))).toMatchObject({ file: name, status: 'imported' });
    }
    const later = JSON.stringify(d);
    repo.importOne('later.json', later, Buffer.byteLength(later), '2026-11-25T10:00:00.000Z');
    const byName = new Intl.Collator('da', { numeric: true });
    expect(repo.list().map((m) => m.fileName)).toEqual([
      listedName(d!.exportMonth, d!.exportId),
      ...[a, b, c].map((m) => listedName(m!.exportMonth, m!.exportId)).sort(byName.compare),
    ]);
    // The name the export gave the file (less its extension): its month and the start of its id.
    for (const m of [a, b, c, d]) {
      expect(`${listedName(m!.exportMonth, m!.exportId)}.pathway.json`).toBe(
        renderFormats(m!, ['model'])[0]!.name,
      );
    }
    // None of what the files were called is kept.
    const stored = t.db.prepare('SELECT file_name FROM program_models').pluck().all() as string[];
    expect(stored.filter((n) => /model-10|Hansen|010170|evil|later/.test(n))).toEqual([]);
    expect(stored.filter((n) => n.includes('\u0000') || n.includes('\u001b'))).toEqual([]);
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

describe('the texts of a batch, compressed together', () => {
  const texts = () =>
    (
      t.db.prepare('SELECT bytes, data FROM program_texts ORDER BY id').all() as {
        bytes: number;
        data: Uint8Array;
      }[]
    ).map((r) => decompress(r.data, 1 << 30).toString('utf8'));
  const importBatch = (ms: { exportId: string }[]) => {
    const files = ms.map((m, i) => ({ name: `m${i}.json`, text: JSON.stringify(m) }));
    const checked = repo.check(files.map((f) => ({ text: f.text, byteLength: f.text.length })));
    return repo.importMany(files, (f) => {
      const i = files.indexOf(f);
      return repo.importChecked(f.name, checked[i]!, now);
    });
  };

  /** The workspace holds exactly these models, each read back as it was checked. */
  const expectStored = (ms: { exportId: string }[]) => {
    const stored = repo.models();
    expect(stored.map((m) => m.exportId).sort()).toEqual(ms.map((m) => m.exportId).sort());
    for (const m of stored) expect(m).toEqual(ms.find((x) => x.exportId === m.exportId));
  };

  it('read back as each model was checked, and keep no text of a duplicate', () => {
    const ms = randomModels(4, 31, 8);
    importBatch(ms.slice(0, 1));
    // The first model again, beside new ones: a duplicate, whose text the batch must not keep.
    const results = importBatch([ms[0]!, ...ms.slice(1)]);
    expect(results.map((r) => r.status)).toEqual(['duplicate', 'imported', 'imported', 'imported']);
    const stored = texts();
    expect(stored).toHaveLength(2);
    expect(stored[0]!.split(ms[0]!.exportId)).toHaveLength(2);
    expect(stored[1]).not.toContain(ms[0]!.exportId);
    for (const m of ms.slice(1)) expect(stored[1]).toContain(m.exportId);
    expectStored(ms);
  });

  it("lose a deleted model's text, and go when their last model goes", () => {
    const ms = randomModels(3, 32, 8);
    importBatch(ms);
    expect(texts()).toHaveLength(1);
    expect(repo.delete(ms[1]!.exportId)).toBe(true);
    const [left] = texts();
    expect(left).not.toContain(ms[1]!.exportId);
    expect(left).toContain(ms[0]!.exportId);
    // The others read back whole, from where their texts moved to.
    expectStored([ms[0]!, ms[2]!]);
    repo.delete(ms[0]!.exportId);
    repo.delete(ms[2]!.exportId);
    expect(texts()).toEqual([]);
  });

  it('never stop a model from being deleted, even when they are damaged', () => {
    const ms = randomModels(3, 34, 8);
    importBatch(ms);
    t.db.prepare("UPDATE program_texts SET data = x'00'").run();
    expect(repo.delete(ms[1]!.exportId)).toBe(true);
    expect(repo.list().map((m) => m.exportId)).not.toContain(ms[1]!.exportId);
    // Nothing of the damaged frame is kept.
    expect(texts()).toEqual([]);
    expect(repo.deleteAll()).toBe(2);
  });

  it('sit beside models stored with their own text before, and the views count both', () => {
    const [old, ...ms] = randomModels(6, 33, 8);
    // As a database before version 14 holds a model: its text compressed in its own row.
    t.db
      .prepare(
        `INSERT INTO program_models (export_id, file_name, imported_at, age_band, sex, municipality,
           condition_groups, touchpoint_count, export_month, content)
         VALUES (?, 'old.json', ?, ?, ?, ?, ?, 0, ?, ?)`,
      )
      .run(
        old!.exportId,
        now,
        old!.cohort.ageBand,
        old!.cohort.sex,
        old!.cohort.municipality,
        JSON.stringify(old!.cohort.conditionGroups),
        old!.exportMonth,
        packContent(JSON.stringify(old)),
      );
    importBatch(ms);
    expect(repo.models()).toHaveLength(6);
    expect(repo.models().find((m) => m.exportId === old!.exportId)).toEqual(old);
    // The views are made from both kinds (the old model's journey from its own text).
    expect(repo.fold('asIs').size).toBe(6);
  });
});
