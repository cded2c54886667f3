import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { FOLD_FORMAT, ModelFold, aggregate, packModels } from '../../shared/analysis/aggregate';
import type { PathwayModel } from '../../shared/model/pathway-model';
import { randomModels } from '../../tests/support/generate-models';
import { makeTestDb, type TestDb } from '../../tests/unit/helpers';
import { checkedBatch } from '../import/checked-model';
import { decodeFolds, encodeFolds } from './fold-store';
import { ProgramRepository } from './program-repository';

/**
 * The views computed cold come from records of what each model brings to the folds, stored at
 * import beside the models (fold-store.ts). Whatever happened to the store — batches with
 * duplicates and refused files, deletions, models stored before there were records, a damaged
 * record, records of an older format — they must give exactly the views of the stored models.
 */
let t: TestDb | undefined;
afterEach(() => t?.cleanup());

const NOW = '2026-12-01T10:00:00.000Z';
const text = (m: PathwayModel) => JSON.stringify(m);
/** A file's text as the checks take it, with its size in bytes. */
const file = (x: string) => ({ text: x, byteLength: Buffer.byteLength(x) });

/** Imports batches as the app does: checked together, stored in one transaction per batch. */
function importBatches(repo: ProgramRepository, batches: string[][]) {
  return batches.flatMap((texts, b) => {
    const checked = checkedBatch(texts.map(file));
    return repo.importMany(
      checked.map((c, i) => ({ c, name: `b${b}-${i}.json` })),
      ({ c, name }) => repo.importChecked(name, c, NOW),
    );
  });
}

/** What a fresh process computes: a new repository on the same database. */
function coldViews(map: 'asIs' | 'toBe' = 'asIs') {
  return aggregate(new ProgramRepository(t!.db).fold(map), { map });
}

const expected = (models: PathwayModel[], map: 'asIs' | 'toBe' = 'asIs') =>
  aggregate(new ModelFold(map, models), { map });

function records(): { id: number; journeys: number; exportIds: string[]; keys: string[] }[] {
  const rows = t!.db
    .prepare('SELECT id, journeys, data FROM program_fold_batches ORDER BY id')
    .all() as { id: number; journeys: number; data: Uint8Array }[];
  return rows.map((r) => {
    const p = decodeFolds(r.data);
    return {
      id: r.id,
      journeys: r.journeys,
      exportIds: p.asIs.exportIds,
      keys: [...p.asIs.keys, ...p.toBe.keys],
    };
  });
}

describe('fold records', () => {
  it('give the views of the stored models, after batches with duplicates and refused files', () => {
    t = makeTestDb();
    const repo = new ProgramRepository(t.db);
    const models = randomModels(60, 41, 12);
    const [first, second, third] = [models.slice(0, 25), models.slice(25, 45), models.slice(45)];
    // Views open from the first batch on: later imports reach them through their records.
    importBatches(repo, [first.map(text)]);
    expect(aggregate(repo.fold('toBe'), { map: 'toBe' })).toEqual(expected(first, 'toBe'));
    const results = importBatches(repo, [
      first.map(text),
      // A copy of a model already stored, a broken file and a tampered one among new models.
      [...second.map(text), text(first[3]!), '{"format":', text(first[4]!).replace('"t1"', '"t9"')],
      [...third.map(text), text(second[0]!)],
    ]);
    expect(results.filter((r) => r.status === 'imported')).toHaveLength(35);
    expect(results.filter((r) => r.status === 'duplicate')).toHaveLength(27);
    expect(aggregate(repo.fold('toBe'), { map: 'toBe' })).toEqual(expected(models, 'toBe'));
    for (const map of ['asIs', 'toBe'] as const)
      expect(coldViews(map)).toEqual(expected(models, map));
    // Each record holds the journeys of stored models only, each once.
    const held = records().flatMap((r) => r.exportIds);
    expect(held.sort()).toEqual(models.map((m) => m.exportId).sort());
    for (const r of records()) expect(r.exportIds).toHaveLength(r.journeys);
  });

  it('lose a deleted model’s journey, and the names only it had', () => {
    t = makeTestDb();
    const repo = new ProgramRepository(t.db);
    const models = randomModels(30, 43, 15);
    importBatches(repo, [models.map(text)]);
    // The variant (its sequence of sectors) of one model is a name only that model brings.
    const names = (m: PathwayModel) => new Set(packModels([m]).asIs.keys);
    const others = new Set(models.slice(1).flatMap((m) => [...names(m)]));
    const own = [...names(models[0]!)].filter((n) => !others.has(n));
    expect(own.length).toBeGreaterThan(0);
    expect(repo.delete(models[0]!.exportId)).toBe(true);
    expect(coldViews()).toEqual(expected(models.slice(1)));
    const [r] = records();
    expect(r!.exportIds).not.toContain(models[0]!.exportId);
    for (const n of own) expect(r!.keys).not.toContain(n);
    // The last model of a record gone: the record goes.
    for (const m of models.slice(1)) repo.delete(m.exportId);
    expect(records()).toEqual([]);
    expect(coldViews()).toEqual(expected([]));
  });

  it('are made from the models where they are missing, damaged or of another format', () => {
    t = makeTestDb();
    const repo = new ProgramRepository(t.db);
    const models = randomModels(450, 47, 8);
    importBatches(repo, [models.slice(0, 200).map(text), models.slice(200).map(text)]);
    expect(records()).toHaveLength(2);
    // As a database from before the records: none, and no model pointing to one.
    t.db.prepare('UPDATE program_models SET fold_batch = NULL, fold_at = NULL').run();
    t.db.prepare('DELETE FROM program_fold_batches').run();
    expect(coldViews()).toEqual(expected(models));
    // Made again in runs, every model in exactly one.
    const remade = records();
    expect(remade.flatMap((r) => r.exportIds).sort()).toEqual(models.map((m) => m.exportId).sort());
    // A record damaged on disk, and one of an older format.
    t.db
      .prepare('UPDATE program_fold_batches SET data = substr(data, 1, 40) WHERE id = ?')
      .run(remade[0]!.id);
    t.db
      .prepare('UPDATE program_fold_batches SET format = ? WHERE id = ?')
      .run(FOLD_FORMAT - 1, remade[1]!.id);
    expect(coldViews('toBe')).toEqual(expected(models, 'toBe'));
    expect(coldViews()).toEqual(expected(models));
    expect(
      records()
        .flatMap((r) => r.exportIds)
        .sort(),
    ).toEqual(models.map((m) => m.exportId).sort());
  });

  it('go with the models in a rolled-back batch', () => {
    t = makeTestDb();
    const repo = new ProgramRepository(t.db);
    const models = randomModels(10, 53, 6);
    const checked = checkedBatch(models.map((m) => file(text(m))));
    expect(() =>
      repo.importMany(
        checked.map((c, i) => ({ c, i })),
        ({ c, i }) => {
          if (i === 7) throw new Error('disk full');
          return repo.importChecked(`m${i}.json`, c, NOW);
        },
      ),
    ).toThrow('disk full');
    expect(records()).toEqual([]);
    // The same batch again: stored whole, with its record.
    importBatches(repo, [models.map(text)]);
    expect(coldViews()).toEqual(expected(models));
  });

  it('never keep a deleted model in a record, whatever the record’s state', () => {
    t = makeTestDb();
    const repo = new ProgramRepository(t.db);
    const models = randomModels(12, 67, 8);
    importBatches(repo, [models.slice(0, 4).map(text), models.slice(4).map(text)]);
    const [old, damaged] = records();
    // A record of an older format: deleting its models leaves nothing of them, with no view
    // computed in between.
    t.db.prepare('UPDATE program_fold_batches SET format = ? WHERE id = ?').run(0, old!.id);
    repo.delete(models[0]!.exportId);
    const held = () => records().flatMap((r) => r.exportIds);
    expect(held()).not.toContain(models[0]!.exportId);
    // A damaged record: the model is deleted all the same, and the open views follow.
    const open = new ProgramRepository(t.db);
    expect(aggregate(open.fold('asIs'), { map: 'asIs' })).toEqual(expected(models.slice(1)));
    t.db
      .prepare('UPDATE program_fold_batches SET data = substr(data, 1, 40) WHERE id = ?')
      .run(damaged!.id);
    // The model deleted next is in that record.
    expect(
      t.db
        .prepare('SELECT fold_batch FROM program_models WHERE export_id = ?')
        .get(models[5]!.exportId),
    ).toEqual({ fold_batch: damaged!.id });
    expect(open.delete(models[5]!.exportId)).toBe(true);
    const left = models.filter((_, i) => i !== 0 && i !== 5);
    expect(aggregate(open.fold('asIs'), { map: 'asIs' })).toEqual(expected(left));
    expect(coldViews()).toEqual(expected(left));
    expect(held().sort()).toEqual(left.map((m) => m.exportId).sort());
  });

  it('give the right views when a model points past its record', () => {
    t = makeTestDb();
    const repo = new ProgramRepository(t.db);
    const models = randomModels(8, 71, 8);
    importBatches(repo, [models.map(text)]);
    t.db
      .prepare('UPDATE program_models SET fold_at = 99 WHERE export_id = ?')
      .run(models[2]!.exportId);
    expect(coldViews()).toEqual(expected(models));
  });

  it('hold only stored models when files are stored one by one, or one fails inside a batch', () => {
    t = makeTestDb();
    const repo = new ProgramRepository(t.db);
    const [a, b, c, d, e] = randomModels(5, 73, 8);
    // One by one, a duplicate between two new models of the same checked batch.
    const one = checkedBatch([a!, a!, b!].map((m) => file(text(m))));
    expect(one.map((x, i) => repo.importChecked(`f${i}.json`, x, NOW).status)).toEqual([
      'imported',
      'duplicate',
      'imported',
    ]);
    expect(coldViews()).toEqual(expected([a!, b!]));
    // A batch whose second file fails and is passed over: the rest is stored with its record.
    const batch = checkedBatch([c!, d!, e!].map((m) => file(text(m))));
    repo.importMany(
      batch.map((x, i) => ({ x, i })),
      ({ x, i }) => {
        try {
          return repo.importChecked(`g${i}.json`, x, i === 1 ? (undefined as never) : NOW);
        } catch {
          return { file: `g${i}.json`, status: 'rejected' as const };
        }
      },
    );
    const stored = [a!, b!, c!, e!];
    expect(coldViews()).toEqual(expected(stored));
    expect(
      records()
        .flatMap((r) => r.exportIds)
        .sort(),
    ).toEqual(stored.map((m) => m.exportId).sort());
  });

  it('count a -0 in a file as the 0 its stored JSON holds', () => {
    t = makeTestDb();
    const repo = new ProgramRepository(t.db);
    const models = randomModels(30, 79, 10);
    const texts = models.map((m) => text(m).replaceAll('"emotion":0', '"emotion":-0'));
    expect(texts.join()).toContain('"emotion":-0');
    const open = importBatches(repo, [texts]) && repo.fold('asIs');
    const stored = aggregate(new ModelFold('asIs', repo.models()), { map: 'asIs' });
    expect(coldViews()).toEqual(stored);
    expect(aggregate(open, { map: 'asIs' })).toEqual(stored);
  });

  it('let a model be deleted when its record reads back but holds nonsense', () => {
    t = makeTestDb();
    const repo = new ProgramRepository(t.db);
    const models = randomModels(6, 83, 8);
    importBatches(repo, [models.map(text)]);
    const [r] = records();
    const pair = decodeFolds(
      t.db
        .prepare('SELECT data FROM program_fold_batches WHERE id = ?')
        .pluck()
        .get(r!.id) as Buffer,
    );
    const bad = { ...pair.asIs, itemCodes: pair.asIs.itemCodes.map(() => 'nowhere|x|') };
    t.db
      .prepare('UPDATE program_fold_batches SET data = ? WHERE id = ?')
      .run(encodeFolds({ asIs: bad, toBe: { ...pair.toBe, itemCodes: bad.itemCodes } }), r!.id);
    expect(repo.delete(models[0]!.exportId)).toBe(true);
    expect(coldViews()).toEqual(expected(models.slice(1)));
  });

  it('read back what was written, and refuse a record cut short', () => {
    const models = randomModels(20, 59, 10);
    const packs = packModels(models);
    const back = decodeFolds(encodeFolds(packs));
    expect(back).toEqual(packs);
    const record = encodeFolds(packs);
    expect(() => decodeFolds(record.subarray(0, record.length - 20))).toThrow();
  });

  it('are, from files checked one by one, the record of the batch’s models packed together', () => {
    const models = randomModels(12, 67, 15);
    // Refused files among them (cut short): no journey of theirs, and no place in the record.
    const texts = models.map((m, i) => (i % 5 === 2 ? text(m).slice(0, 200) : text(m)));
    const checked = checkedBatch(texts.map(file));
    const accepted = models.filter((_, i) => i % 5 !== 2);
    expect(checked.filter((c) => !c.ok)).toHaveLength(models.length - accepted.length);
    const stored = checked.flatMap((c) => (c.ok ? [c] : []));
    expect(stored.map((c) => c.exportId)).toEqual(accepted.map((m) => m.exportId));
    expect(stored.map((c) => c.folds.at)).toEqual(accepted.map((_, i) => i));
    for (const c of stored) {
      expect(c.folds.journeys).toBe(accepted.length);
      expect(Buffer.from(c.folds.record)).toEqual(Buffer.from(encodeFolds(packModels(accepted))));
    }
  });

  it('are of FOLD_FORMAT as pinned: a change to what a journey brings must raise it', () => {
    // Fixed models (export ids are random, so they are left out of what is compared); the digest
    // follows the generator too.
    const packs = packModels(randomModels(40, 61, 25));
    const what = [packs.asIs, packs.toBe].map(({ exportIds: _ids, ...rest }) => ({
      ...rest,
      arrays: [rest.ids, rest.idEnds, rest.valueIds, rest.valueEnds, rest.values, rest.costCodes]
        .concat([rest.costEnds, rest.toBeAts, rest.costExtras, rest.costExtraEnds])
        .map((a) => Array.from(a)),
    }));
    const digest = createHash('sha256').update(JSON.stringify(what)).digest('hex');
    // When this fails because contributionOf or costItemsOf changed on purpose, raise
    // FOLD_FORMAT (stored records of the old one are then made again) and pin the new digest.
    expect({ FOLD_FORMAT, digest }).toEqual({
      FOLD_FORMAT: 2,
      digest: '34e8cc84667b1918efcd758ece93127635c37cead7d299574594257a13731f07',
    });
  });
});
