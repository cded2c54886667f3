import { existsSync, statSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../shared/ipc/dispatch';
import { openDatabase } from '../db/open';
import { decryptedPages, testKey } from '../../tests/support/test-key';
import { createHandlers } from '.';
import { ipc, makeTestDb, type TestDb } from '../../tests/unit/helpers';

let t: TestDb;
beforeEach(() => {
  t = makeTestDb();
});
afterEach(() => t.cleanup());
const { call, callRaw } = ipc(() => t.handlers);

describe('journeys', () => {
  it('creates, lists, renames, archives and reads back a journey from the file', async () => {
    const j = await call('journeys:create', { alias: '  Borger   A ' });
    expect(j.alias).toBe('Borger A');
    t.tick();
    const renamed = await call('journeys:rename', { id: j.id, alias: 'Borger B' });
    expect(renamed.alias).toBe('Borger B');
    expect(renamed.updatedAt > j.updatedAt).toBe(true);

    // Reopen the file in a fresh connection: the data is really on disk.
    t.db.close();
    const db = openDatabase(t.file, testKey());
    const handlers = createHandlers({
      db,
      clock: () => new Date(),
      newId: () => crypto.randomUUID(),
    });
    const list = await dispatch(handlers, 'journeys:list', {});
    expect(list).toMatchObject({
      ok: true,
      data: [{ id: j.id, alias: 'Borger B', touchpointCount: 0 }],
    });
    db.close();
  });

  it('searches by alias, case-insensitively, treating % and _ literally', async () => {
    await call('journeys:create', { alias: 'Anna' });
    await call('journeys:create', { alias: 'Hanne' });
    await call('journeys:create', { alias: '50% plan' });
    expect((await call('journeys:list', { query: 'ann' })).map((j) => j.alias).sort()).toEqual([
      'Anna',
      'Hanne',
    ]);
    expect((await call('journeys:list', { query: '%' })).map((j) => j.alias)).toEqual(['50% plan']);
    expect(await call('journeys:list', { query: '_' })).toEqual([]);
  });

  it('hides archived journeys unless asked, and restores them', async () => {
    const j = await call('journeys:create', { alias: 'Anna' });
    await call('journeys:setArchived', { id: j.id, archived: true });
    expect(await call('journeys:list', {})).toEqual([]);
    expect(await call('journeys:list', { includeArchived: true })).toHaveLength(1);
    await call('journeys:setArchived', { id: j.id, archived: false });
    expect(await call('journeys:list', {})).toHaveLength(1);
  });

  it('lists the most recently changed journey first, counting touchpoint edits', async () => {
    const a = await call('journeys:create', { alias: 'A' });
    t.tick();
    await call('journeys:create', { alias: 'B' });
    t.tick();
    await call('touchpoints:create', { journeyId: a.id, x: 0, y: 0 });
    const list = await call('journeys:list', {});
    expect(list.map((j) => j.alias)).toEqual(['A', 'B']);
    expect(list[0]!.touchpointCount).toBe(1);
  });

  it('answers not_found for a journey that does not exist', async () => {
    const id = crypto.randomUUID();
    for (const [channel, payload] of [
      ['journeys:get', { id }],
      ['journeys:rename', { id, alias: 'X' }],
      ['journeys:delete', { id }],
      ['touchpoints:create', { journeyId: id, x: 0, y: 0 }],
    ] as const) {
      const r = await callRaw(channel, payload);
      expect(r, channel).toMatchObject({ ok: false, error: { code: 'not_found' } });
    }
  });

  it('erases a deleted journey from the database file and its WAL', async () => {
    const marker = 'Zacharias Ølgaard-Markørsen';
    const j = await call('journeys:create', { alias: marker });
    const tp = await call('touchpoints:create', {
      journeyId: j.id,
      x: 1,
      y: 2,
      label: `${marker} hos lægen`,
    });
    await call('transitions:create', {
      journeyId: j.id,
      sourceId: tp.id,
      targetId: (await call('touchpoints:create', { journeyId: j.id, x: 3, y: 4 })).id,
    });
    const other = await call('journeys:create', { alias: 'Bliver' });
    // The file is encrypted: its pages are read with the key (free pages too). Before the delete
    // the text is there (in the file once checkpointed), so the check below can fail.
    const needle = Buffer.from('Markørsen', 'utf8');
    t.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(decryptedPages(t.file).includes(needle)).toBe(true);
    await call('journeys:delete', { id: j.id });

    expect(await call('journeys:list', {})).toEqual([
      { ...other, touchpointCount: 0, lastChangedAt: other.updatedAt },
    ]);
    expect(t.db.prepare('SELECT count(*) AS n FROM touchpoints').get()).toEqual({ n: 0 });
    expect(t.db.prepare('SELECT count(*) AS n FROM transitions').get()).toEqual({ n: 0 });
    expect(decryptedPages(t.file).includes(needle)).toBe(false);
    // No old page is left in the WAL either: it is emptied into the file.
    const wal = `${t.file}-wal`;
    if (existsSync(wal)) expect(statSync(wal).size).toBe(0);
  });
});

describe('touchpoints', () => {
  it('creates, renames, moves and deletes a touchpoint, one row at a time', async () => {
    const j = await call('journeys:create', { alias: 'Anna' });
    const a = await call('touchpoints:create', {
      journeyId: j.id,
      x: 10,
      y: 20,
      label: 'Egen læge',
    });
    const b = await call('touchpoints:create', { journeyId: j.id, x: 300, y: 20 });
    expect(b.label).toBe('');

    const before = t.db.prepare('SELECT * FROM touchpoints WHERE id = ?').get(b.id);
    t.tick();
    const moved = await call('touchpoints:update', { id: a.id, patch: { x: 55.5, y: -12 } });
    expect(moved).toMatchObject({ label: 'Egen læge', x: 55.5, y: -12 });
    const renamed = await call('touchpoints:update', {
      id: a.id,
      patch: { label: 'Akutmodtagelsen' },
    });
    expect(renamed).toMatchObject({ label: 'Akutmodtagelsen', x: 55.5, y: -12 });
    // The other touchpoint's row is untouched by edits to the first.
    expect(t.db.prepare('SELECT * FROM touchpoints WHERE id = ?').get(b.id)).toEqual(before);

    await call('touchpoints:delete', { id: b.id });
    const detail = await call('journeys:get', { id: j.id });
    expect(detail.touchpoints.map((x) => x.label)).toEqual(['Akutmodtagelsen']);
  });

  it('a single edit changes exactly one row (no rewrite of the journey)', async () => {
    const j = await call('journeys:create', { alias: 'Anna' });
    const tps = [];
    for (let i = 0; i < 20; i++)
      tps.push(await call('touchpoints:create', { journeyId: j.id, x: i, y: 0 }));
    const changesBefore = t.db.prepare('SELECT total_changes() AS n').get() as { n: number };
    await call('touchpoints:update', { id: tps[7]!.id, patch: { label: 'Hjemmepleje' } });
    const changesAfter = t.db.prepare('SELECT total_changes() AS n').get() as { n: number };
    expect(changesAfter.n - changesBefore.n).toBe(1);
  });

  it('keeps a label with line breaks on one line and refuses one that is too long', async () => {
    const j = await call('journeys:create', { alias: 'Anna' });
    const tp = await call('touchpoints:create', {
      journeyId: j.id,
      x: 0,
      y: 0,
      label: 'Egen\nlæge',
    });
    expect(tp.label).toBe('Egen læge');
    const r = await callRaw('touchpoints:update', {
      id: tp.id,
      patch: { label: 'x'.repeat(1_000_000) },
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect((await call('journeys:get', { id: j.id })).touchpoints[0]!.label).toBe('Egen læge');
  });

  it('refuses an empty patch and an unknown field', async () => {
    const j = await call('journeys:create', { alias: 'Anna' });
    const tp = await call('touchpoints:create', { journeyId: j.id, x: 0, y: 0 });
    expect(await callRaw('touchpoints:update', { id: tp.id, patch: {} })).toMatchObject({
      ok: false,
    });
    expect(
      await callRaw('touchpoints:update', { id: tp.id, patch: { journeyId: crypto.randomUUID() } }),
    ).toMatchObject({ ok: false, error: { code: 'validation' } });
  });
});

describe('transitions', () => {
  it('connects two touchpoints once, and disappears with either end', async () => {
    const j = await call('journeys:create', { alias: 'Anna' });
    const a = await call('touchpoints:create', { journeyId: j.id, x: 0, y: 0 });
    const b = await call('touchpoints:create', { journeyId: j.id, x: 1, y: 0 });
    const tr = await call('transitions:create', {
      journeyId: j.id,
      sourceId: a.id,
      targetId: b.id,
    });
    expect(tr).toMatchObject({ sourceId: a.id, targetId: b.id });
    expect(
      await callRaw('transitions:create', { journeyId: j.id, sourceId: a.id, targetId: b.id }),
    ).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await call('touchpoints:delete', { id: b.id });
    expect((await call('journeys:get', { id: j.id })).transitions).toEqual([]);
  });

  it('refuses to connect touchpoints of two different journeys', async () => {
    const j1 = await call('journeys:create', { alias: 'A' });
    const j2 = await call('journeys:create', { alias: 'B' });
    const a = await call('touchpoints:create', { journeyId: j1.id, x: 0, y: 0 });
    const b = await call('touchpoints:create', { journeyId: j2.id, x: 0, y: 0 });
    expect(
      await callRaw('transitions:create', { journeyId: j1.id, sourceId: a.id, targetId: b.id }),
    ).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('deletes a transition', async () => {
    const j = await call('journeys:create', { alias: 'Anna' });
    const a = await call('touchpoints:create', { journeyId: j.id, x: 0, y: 0 });
    const b = await call('touchpoints:create', { journeyId: j.id, x: 1, y: 0 });
    const tr = await call('transitions:create', {
      journeyId: j.id,
      sourceId: a.id,
      targetId: b.id,
    });
    await call('transitions:delete', { id: tr.id });
    expect((await call('journeys:get', { id: j.id })).transitions).toEqual([]);
    expect(await callRaw('transitions:delete', { id: tr.id })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});

describe('settings', () => {
  it('defaults to Danish and remembers English', async () => {
    expect(await call('settings:get', {})).toEqual({ language: 'da' });
    await call('settings:set', { language: 'en' });
    expect(await call('settings:get', {})).toEqual({ language: 'en' });
    expect(await callRaw('settings:set', { language: 'de' })).toMatchObject({ ok: false });
  });
});
