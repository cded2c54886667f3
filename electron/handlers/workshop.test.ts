import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decryptedPages } from '../../tests/support/test-key';
import { ipc, makeTestDb, type TestDb } from '../../tests/unit/helpers';
import { GOAL_CATEGORIES } from '../../shared/vocabulary';

let t: TestDb;
beforeEach(() => {
  t = makeTestDb();
});
afterEach(() => t.cleanup());
const { call, callRaw } = ipc(() => t.handlers);

const journey = () => call('journeys:create', { alias: 'Borger 7' });

describe('citizen profile and consent', () => {
  it('starts empty and without any consent', async () => {
    const j = await journey();
    expect(await call('profile:get', { journeyId: j.id })).toMatchObject({
      realName: '',
      birthYear: null,
      conditionGroups: [],
      consentWorkshop: false,
      consentExport: false,
      consentQuotes: false,
      updatedAt: null,
    });
  });

  it('stores every field and dates a consent when it is given', async () => {
    const j = await journey();
    const p = await call('profile:update', {
      journeyId: j.id,
      patch: {
        realName: '  Karen   Hansen ',
        relativesNames: ['Ole Hansen', 'Mette'],
        birthYear: 1961,
        sex: 'female',
        municipality: 'guldborgsund',
        household: 'alone',
        employment: 'early_retirement',
        conditionGroups: ['chronic_somatic', 'mental_illness'],
        consentWorkshop: true,
        consentExport: true,
        consentExportDate: '2026-02-20',
      },
    });
    expect(p).toMatchObject({
      realName: 'Karen Hansen',
      relativesNames: ['Ole Hansen', 'Mette'],
      birthYear: 1961,
      municipality: 'guldborgsund',
      conditionGroups: ['chronic_somatic', 'mental_illness'],
      consentWorkshop: true,
      consentWorkshopDate: '2026-03-01',
      consentExport: true,
      consentExportDate: '2026-02-20',
      consentQuotes: false,
    });
  });

  it('withdrawing export consent withdraws quote consent and clears the dates', async () => {
    const j = await journey();
    await call('profile:update', {
      journeyId: j.id,
      patch: { consentExport: true, consentQuotes: true },
    });
    const p = await call('profile:update', { journeyId: j.id, patch: { consentExport: false } });
    expect(p).toMatchObject({
      consentExport: false,
      consentExportDate: null,
      consentQuotes: false,
      consentQuotesDate: null,
    });
  });

  it.each([
    ['a birth year of 1850', { birthYear: 1850 }],
    ['an unknown municipality', { municipality: 'københavn' }],
    ['a condition group twice', { conditionGroups: ['cancer', 'cancer'] }],
    ['an impossible consent date', { consentExportDate: '2026-02-30' }],
    ['a 1 MB name', { realName: 'x'.repeat(1_000_000) }],
  ])('refuses %s', async (_n, patch) => {
    const j = await journey();
    expect(await callRaw('profile:update', { journeyId: j.id, patch })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
  });
});

describe('workshops, goals and ideas', () => {
  it('records workshop sessions with date, place, roles and notes', async () => {
    const j = await journey();
    const w = await call('workshops:create', { journeyId: j.id, date: '2026-03-02' });
    await call('workshops:update', {
      id: w.id,
      patch: {
        place: 'Sundhedshuset',
        roles: ['citizen', 'relative', 'facilitator'],
        notes: 'Godt møde',
      },
    });
    expect(await call('workshops:list', { journeyId: j.id })).toMatchObject([
      { date: '2026-03-02', place: 'Sundhedshuset', roles: ['citizen', 'relative', 'facilitator'] },
    ]);
    await call('workshops:delete', { id: w.id });
    expect(await call('workshops:list', { journeyId: j.id })).toEqual([]);
  });

  it('links ideas to pain points and touchpoints of the same journey only, tagged with aims', async () => {
    const j = await journey();
    const tp = await call('touchpoints:create', { journeyId: j.id, x: 0, y: 0 });
    const pain = await call('painPoints:create', { touchpointId: tp.id, category: 'retelling' });
    const idea = await call('ideas:create', {
      journeyId: j.id,
      text: 'Én fast kontaktperson',
      aims: ['quality', 'economy'],
      painPointIds: [pain.id],
      touchpointIds: [tp.id],
    });
    expect(idea).toMatchObject({ aims: ['quality', 'economy'], painPointIds: [pain.id] });
    const other = await call('journeys:create', { alias: 'Bo' });
    expect(
      await callRaw('ideas:create', { journeyId: other.id, painPointIds: [pain.id] }),
    ).toMatchObject({ ok: false, error: { code: 'validation' } });
    // A deleted pain point disappears from the idea's links.
    await call('painPoints:delete', { id: pain.id });
    expect((await call('ideas:list', { journeyId: j.id }))[0]!.painPointIds).toEqual([]);
  });

  it('keeps what matters to the citizen', async () => {
    const j = await journey();
    const g = await call('goals:create', {
      journeyId: j.id,
      category: 'work_education',
      text: 'Komme i job',
    });
    await call('goals:update', { id: g.id, patch: { text: 'Komme i flexjob' } });
    expect(await call('goals:list', { journeyId: j.id })).toMatchObject([
      { category: 'work_education', text: 'Komme i flexjob' },
    ]);
  });
});

describe('snapshots', () => {
  it('keep the maps as they were, and restore them after keeping the present as a backup', async () => {
    const j = await journey();
    const a = await call('touchpoints:create', { journeyId: j.id, x: 0, y: 0, label: 'Egen læge' });
    await call('painPoints:create', { touchpointId: a.id, category: 'waiting' });
    await call('ideas:create', { journeyId: j.id, text: 'Hurtigere svar' });
    const snap = await call('snapshots:create', { journeyId: j.id, name: 'Efter workshop 1' });
    expect(snap).toMatchObject({ name: 'Efter workshop 1', touchpointCount: 1 });

    await call('touchpoints:update', { id: a.id, patch: { label: 'Lægen' } });
    await call('touchpoints:create', { journeyId: j.id, x: 300, y: 0, label: 'Jobcentret' });
    const before = await call('journeys:get', { id: j.id });

    const { backup } = await call('snapshots:restore', {
      id: snap.id,
      backupName: 'Før gendannelse',
    });
    const after = await call('journeys:get', { id: j.id });
    expect(after.touchpoints.map((x) => x.label)).toEqual(['Egen læge']);
    expect(after.painPoints).toHaveLength(1);
    expect((await call('ideas:list', { journeyId: j.id })).map((i) => i.text)).toEqual([
      'Hurtigere svar',
    ]);

    // The backup holds the state before the restore, so nothing is lost.
    const kept = await call('snapshots:get', { id: backup.id });
    expect(kept.content.touchpoints.map((x) => x.label).sort()).toEqual(
      before.touchpoints.map((x) => x.label).sort(),
    );
    expect((await call('snapshots:list', { journeyId: j.id })).map((s) => s.name).sort()).toEqual([
      'Efter workshop 1',
      'Før gendannelse',
    ]);
  });

  it('are erased with their journey', async () => {
    const j = await journey();
    await call('touchpoints:create', { journeyId: j.id, x: 0, y: 0, label: 'Zebulon Snapshotsen' });
    await call('snapshots:create', { journeyId: j.id, name: 'Kopi' });
    // The (encrypted) file's pages as the key reads them: there before, gone after.
    t.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(decryptedPages(t.file).includes(Buffer.from('Snapshotsen'))).toBe(true);
    await call('journeys:delete', { id: j.id });
    expect(t.db.prepare('SELECT count(*) AS n FROM snapshots').get()).toEqual({ n: 0 });
    expect(decryptedPages(t.file).includes(Buffer.from('Snapshotsen'))).toBe(false);
  });
});

describe('undo of deleted goals, ideas and workshops', () => {
  it('puts a deleted goal, idea and workshop back with their ids, links and fields', async () => {
    const j = await journey();
    const tp = await call('touchpoints:create', { journeyId: j.id, x: 0, y: 0, label: 'GP' });
    const goal = await call('goals:create', { journeyId: j.id, category: 'health', text: 'Sove' });
    const idea = await call('ideas:create', {
      journeyId: j.id,
      text: 'Én kontaktperson',
      aims: ['quality'],
      touchpointIds: [tp.id],
    });
    const ws = await call('workshops:create', { journeyId: j.id, date: '2026-03-02' });
    const workshop = await call('workshops:update', {
      id: ws.id,
      patch: { place: 'Biblioteket', roles: ['citizen'], notes: 'Første møde' },
    });
    await call('goals:delete', { id: goal.id });
    await call('ideas:delete', { id: idea.id });
    await call('workshops:delete', { id: ws.id });

    const r = await call('journeys:restoreItems', {
      journeyId: j.id,
      touchpoints: [],
      transitions: [],
      painPoints: [],
      goals: [goal],
      ideas: [idea],
      workshops: [workshop],
    });
    expect(r).toEqual({ restored: 3 });
    expect(await call('goals:list', { journeyId: j.id })).toEqual([goal]);
    expect(await call('ideas:list', { journeyId: j.id })).toEqual([idea]);
    expect(await call('workshops:list', { journeyId: j.id })).toEqual([workshop]);
  });

  it('refuses a goal of another journey or an idea linked into one, changing nothing', async () => {
    const j = await journey();
    const other = await call('journeys:create', { alias: 'Bo' });
    const foreignTp = await call('touchpoints:create', { journeyId: other.id, x: 0, y: 0 });
    const goal = await call('goals:create', { journeyId: j.id, category: 'health' });
    await call('goals:delete', { id: goal.id });
    expect(
      await callRaw('journeys:restoreItems', {
        journeyId: other.id,
        touchpoints: [],
        transitions: [],
        painPoints: [],
        goals: [goal],
      }),
    ).toMatchObject({ ok: false, error: { code: 'validation' } });
    const idea = await call('ideas:create', { journeyId: j.id });
    await call('ideas:delete', { id: idea.id });
    expect(
      await callRaw('journeys:restoreItems', {
        journeyId: j.id,
        touchpoints: [],
        transitions: [],
        painPoints: [],
        ideas: [{ ...idea, touchpointIds: [foreignTp.id] }],
      }),
    ).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(await call('goals:list', { journeyId: other.id })).toEqual([]);
    expect(await call('ideas:list', { journeyId: j.id })).toEqual([]);
  });

  it('restores nothing when one row exists already (all or nothing)', async () => {
    const j = await journey();
    const goal = await call('goals:create', { journeyId: j.id, category: 'health' });
    const gone = await call('goals:create', { journeyId: j.id, category: GOAL_CATEGORIES[1] });
    await call('goals:delete', { id: gone.id });
    expect(
      await callRaw('journeys:restoreItems', {
        journeyId: j.id,
        touchpoints: [],
        transitions: [],
        painPoints: [],
        goals: [gone, goal],
      }),
    ).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await call('goals:list', { journeyId: j.id })).toEqual([goal]);
  });
});
