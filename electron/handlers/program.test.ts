import { existsSync, statSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checksumOf } from '../../shared/model/checksum';
import { MAX_MODEL_BYTES } from '../../shared/model/validate';
import { ipc, makeTestDb, type TestDb } from '../../tests/unit/helpers';
import { randomModels } from '../../tests/support/generate-models';
import { decryptedPages } from '../../tests/support/test-key';
import { listedName } from '../db/program-repository';

let t: TestDb;
beforeEach(() => {
  t = makeTestDb();
});
afterEach(() => t.cleanup());
const { call, callRaw } = ipc(() => t.handlers);

const file = (name: string, text: string) => ({
  name,
  size: Buffer.byteLength(text),
  bytes: new TextEncoder().encode(text),
});

describe('program workspace over IPC', () => {
  it('imports a batch, says per file what happened, and lists the cohort attributes', async () => {
    const [a, b] = randomModels(2, 3, 6);
    const results = await call('program:import', {
      files: [
        file('a.json', JSON.stringify(a)),
        file('b.json', JSON.stringify(b)),
        file('a-again.json', JSON.stringify(a)),
      ],
    });
    expect(results.map((r) => [r.file, r.status])).toEqual([
      ['a.json', 'imported'],
      ['b.json', 'imported'],
      ['a-again.json', 'duplicate'],
    ]);
    // Checked here (no threads) as a thread checks a batch: one fold record for it, holding the
    // two models stored and not the duplicate.
    expect(t.db.prepare('SELECT journeys FROM program_fold_batches').pluck().all()).toEqual([2]);
    // And one batch of texts, holding the two as well.
    expect(t.db.prepare('SELECT count(*) FROM program_texts').pluck().get()).toBe(1);
    const list = await call('program:list', {});
    expect(list).toHaveLength(2);
    const listed = list.find((m) => m.exportId === a!.exportId)!;
    expect(listed).toMatchObject({
      // Listed by the name its export was given, not the file's own (which the results say).
      fileName: listedName(a!.exportMonth, a!.exportId),
      exportMonth: a!.exportMonth,
      ageBand: a!.cohort.ageBand,
      sex: a!.cohort.sex,
      municipality: a!.cohort.municipality,
      importedAt: '2026-03-01T09:00:00.000Z',
    });
  });

  it('refuses hostile files one by one with a reason, stays up, and stores none of them', async () => {
    const [good] = randomModels(1, 11, 6);
    const goodText = JSON.stringify(good);
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const wrongTypes = JSON.parse(goodText) as { cohort: { ageBand: unknown } };
    wrongTypes.cohort.ageBand = 42;
    // Sealed with a checksum of its own: only the references give it away.
    const { checksum: _, ...dangling } = structuredClone(good!);
    dangling.asIs.transitions[0]!.to = 't99';
    const danglingText = JSON.stringify({ ...dangling, checksum: checksumOf(dangling) });
    const results = await call('program:import', {
      files: [
        file('empty.json', '   '),
        file('zero.json', ''),
        file('truncated.json', goodText.slice(0, goodText.length / 2)),
        // 200 MB is never read by the window: it sends the size only.
        { name: 'huge.json', size: 200 * 1024 * 1024, bytes: null },
        file('deep.json', deep),
        file('proto.json', goodText.replace('{', '{"__proto__":{"polluted":true},')),
        file(
          'version.json',
          goodText.replace('"schemaVersion":"1.0.0"', '"schemaVersion":"2.0.0"'),
        ),
        file('types.json', JSON.stringify(wrongTypes)),
        file('dangling.json', danglingText),
        file('model.txt', goodText),
        // A file the window could not read (permissions, removed meanwhile).
        { name: 'unreadable.json', size: 10, bytes: null },
      ],
    });
    expect(results.map((r) => [r.file, r.status, r.reason])).toEqual([
      ['empty.json', 'rejected', 'empty'],
      ['zero.json', 'rejected', 'empty'],
      ['truncated.json', 'rejected', 'not_json'],
      ['huge.json', 'rejected', 'too_large'],
      ['deep.json', 'rejected', 'too_deep'],
      ['proto.json', 'rejected', 'forbidden_key'],
      ['version.json', 'rejected', 'unsupported_version'],
      ['types.json', 'rejected', 'invalid'],
      ['dangling.json', 'rejected', 'broken_refs'],
      ['model.txt', 'rejected', 'not_json_file'],
      ['unreadable.json', 'rejected', 'unreadable'],
    ]);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    expect(await call('program:list', {})).toEqual([]);
    // The app is still up: the good file imports afterwards.
    expect(
      (await call('program:import', { files: [file('good.json', goodText)] }))[0]!.status,
    ).toBe('imported');
  });

  it('refuses a file that writes a key twice, and stores nothing of it', async () => {
    const [m] = randomModels(1, 12, 6);
    const text = JSON.stringify(m);
    // A first exportMonth that the parser (which keeps the last) never checks, though another
    // program reading the file (one that keeps the first) would show it.
    const twice = text.replace('"exportMonth"', '"exportMonth":"Karen Hansen","exportMonth"');
    const [result] = await call('program:import', { files: [file('twice.json', twice)] });
    expect(result).toMatchObject({ status: 'rejected', reason: 'duplicate_key' });
    expect(JSON.stringify(result)).not.toContain('Karen');
    expect(await call('program:list', {})).toEqual([]);
    expect(t.db.prepare('SELECT count(*) FROM program_texts').pluck().get()).toBe(0);
    // The same model written once imports.
    expect((await call('program:import', { files: [file('once.json', text)] }))[0]).toMatchObject({
      status: 'imported',
    });
  });

  it('stores nothing of a batch whose storing fails part-way, and imports it whole afterwards', async () => {
    const models = randomModels(6, 21, 6);
    const files = models.map((m, i) => file(`m${i}.json`, JSON.stringify(m)));
    // The fourth file's row is refused by the database (as a full disk would refuse it), after
    // three files' rows and the batch's record and texts were written.
    t.db.exec(
      `CREATE TEMP TRIGGER refuse_second BEFORE INSERT ON program_models
       WHEN NEW.export_id = '${models[3]!.exportId}' BEGIN SELECT RAISE(ABORT, 'no room'); END`,
    );
    const failed = await callRaw('program:import', { files });
    expect(failed.ok).toBe(false);
    const count = (table: string) =>
      t.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    for (const table of ['program_models', 'program_fold_batches', 'program_texts']) {
      expect(count(table), table).toBe(0);
    }
    t.db.exec('DROP TRIGGER refuse_second');
    const again = await call('program:import', { files });
    expect(again.map((r) => r.status)).toEqual(Array(6).fill('imported'));
    expect(t.db.prepare('SELECT journeys FROM program_fold_batches').pluck().all()).toEqual([6]);
    expect(count('program_texts')).toBe(1);
    // The views read every journey from the one record and count all six.
    const views = await call('program:aggregate', { filter: {} });
    expect(views.cohort).toEqual({ shown: true, journeys: 6, value: 6 });
  });

  it('refuses a file over the size limit at the IPC boundary, before it reaches the parser', async () => {
    const r = await callRaw('program:import', {
      files: [
        {
          name: 'big.json',
          size: MAX_MODEL_BYTES + 1,
          bytes: new Uint8Array(MAX_MODEL_BYTES + 1).fill(120),
        },
      ],
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(await call('program:list', {})).toEqual([]);
  });

  it('aggregates with the workspace k, which can be raised but not set below 5', async () => {
    const models = randomModels(12, 5, 6);
    await call('program:import', {
      files: models.map((m, i) => file(`m${i}.json`, JSON.stringify(m))),
    });
    expect(await call('program:getK', {})).toEqual({ k: 5 });
    const a = await call('program:aggregate', { filter: {} });
    expect(a.cohort).toEqual({ shown: true, journeys: 12, value: 12 });
    expect(await call('program:setK', { k: 13 })).toEqual({ k: 13 });
    expect(await call('program:aggregate', { filter: {} })).toMatchObject({
      k: 13,
      suppressed: 'cohort_small',
      cohort: { shown: false },
    });
    expect(await callRaw('program:setK', { k: 4 })).toMatchObject({ ok: false });
    expect(await call('program:getK', {})).toEqual({ k: 13 });
  });

  it('deletes one model or all of them, and the views follow', async () => {
    const models = randomModels(5, 8, 6);
    await call('program:import', {
      files: models.map((m, i) => file(`m${i}.json`, JSON.stringify(m))),
    });
    expect((await call('program:aggregate', { filter: {} })).cohort.shown).toBe(true);
    expect(await call('program:delete', { exportId: models[0]!.exportId })).toEqual({
      exportId: models[0]!.exportId,
      deleted: true,
    });
    expect((await call('program:aggregate', { filter: {} })).suppressed).toBe('cohort_small');
    expect(await call('program:deleteAll', {})).toEqual({ deleted: 4 });
    expect(await call('program:list', {})).toEqual([]);
  });

  it('lists the batches of one import as one, at the time its first batch came', async () => {
    const models = randomModels(4, 12, 3);
    const [a, b, c, d] = models.map((m) => JSON.stringify(m));
    const [na, nb, nc, nd] = models.map((m) => listedName(m.exportMonth, m.exportId));
    const folder = crypto.randomUUID();
    // A folder of model-1 … model-10 as the window sends it (in path order: 1, 10, then 2), in
    // two batches a few seconds apart.
    const first = '2026-03-01T09:00:00.000Z';
    await call('program:import', {
      files: [file('model-1.json', a!), file('model-10.json', b!)],
      importId: folder,
    });
    t.tick(4_000);
    await call('program:import', { files: [file('model-2.json', c!)], importId: folder });
    // The next import, a minute on.
    t.tick(60_000);
    await call('program:import', {
      files: [file('later.json', d!)],
      importId: crypto.randomUUID(),
    });
    const list = await call('program:list', {});
    const byName = new Intl.Collator('da', { numeric: true });
    expect(list.map((m) => [m.fileName, m.importedAt])).toEqual([
      [nd, '2026-03-01T09:01:04.000Z'],
      ...[na!, nb!, nc!].sort(byName.compare).map((n) => [n, first]),
    ]);
  });

  it("keeps no file name: a citizen's name, a CPR number, a NUL or an override never reach the database", async () => {
    const models = randomModels(5, 13, 4);
    const names = [
      'Anne Hansen 010170-1234 Vestergade 12.json',
      'x\u0000hidden-after-nul.json',
      '\u202eevil\u202c\u001b[31mred\u001b[0m.json',
      // 255 characters end inside the emoji: cut there, half of it was stored as U+FFFD.
      `${'p'.repeat(254)}\u{1F600}.json`,
      'ok.json',
    ];
    const results = await call('program:import', {
      files: models.map((m, i) => file(names[i]!, JSON.stringify(m))),
    });
    // The window is told what happened to each file, by the file's own name (shown escaped).
    expect(results.map((r) => [r.file, r.status])).toEqual(names.map((n) => [n, 'imported']));
    const listed = await call('program:list', {});
    expect(listed.map((m) => m.fileName).sort()).toEqual(
      models.map((m) => listedName(m.exportMonth, m.exportId)).sort(),
    );
    // Nothing of the names in the database, its log or its file.
    const stored = t.db.prepare('SELECT file_name FROM program_models').pluck().all() as string[];
    expect(stored.filter((n) => !/^forloeb-\d{4}-\d{2}-[0-9a-f]{8}$/.test(n))).toEqual([]);
    t.db.pragma('wal_checkpoint(TRUNCATE)');
    const pages = decryptedPages(t.file);
    for (const needle of ['Hansen', '010170-1234', 'Vestergade', 'hidden-after-nul', 'ok.json']) {
      expect(pages.includes(Buffer.from(needle, 'utf8')), needle).toBe(false);
    }
  });

  it('leaves no trace of a deleted model in the database file or its write-ahead log', async () => {
    const [gone, kept] = randomModels(2, 21, 6);
    // The name it is listed by is stored as it is (a model's text is compressed): found in the
    // pages if there.
    await call('program:import', {
      files: [file('gone.json', JSON.stringify(gone)), file('bliver.json', JSON.stringify(kept))],
    });
    const needle = Buffer.from(listedName(gone!.exportMonth, gone!.exportId), 'utf8');
    t.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(decryptedPages(t.file).includes(needle)).toBe(true);

    expect(await call('program:delete', { exportId: gone!.exportId })).toMatchObject({
      deleted: true,
    });
    expect((await call('program:list', {})).map((m) => m.exportId)).toEqual([kept!.exportId]);
    // The log is emptied into the file at once, not at some later checkpoint.
    const wal = `${t.file}-wal`;
    if (existsSync(wal)) expect(statSync(wal).size).toBe(0);
    expect(decryptedPages(t.file).includes(needle)).toBe(false);
  });
});
