import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InputOf } from '../../shared/ipc/contract';
import { ipc, makeTestDb, type TestDb } from '../../tests/unit/helpers';

let t: TestDb;
beforeEach(() => {
  t = makeTestDb();
});
afterEach(() => t.cleanup());
const { call, callRaw } = ipc(() => t.handlers);

async function touchpoint(extra: Partial<InputOf<'touchpoints:create'>> = {}) {
  const j = await call('journeys:create', { alias: 'Anna' });
  return call('touchpoints:create', { journeyId: j.id, x: 0, y: 0, ...extra });
}

describe('touchpoint details', () => {
  it('defaults to the as-is map, sector "other" and unknown date', async () => {
    const tp = await touchpoint();
    expect(tp).toMatchObject({
      map: 'as_is',
      sector: 'other',
      serviceCode: null,
      contactType: null,
      date: null,
      datePrecision: 'unknown',
      emotion: null,
      whatWorked: '',
      quote: '',
    });
  });

  it('stores every field and derives the date precision from the date', async () => {
    const tp = await touchpoint({ sector: 'hospital', contactType: 'admission' });
    const updated = await call('touchpoints:update', {
      id: tp.id,
      patch: {
        serviceCode: 'nyk-hospital-medical',
        date: '2026-02-28',
        durationDays: 4.5,
        repetitions: 2,
        initiatedBy: 'professional',
        emotion: -2,
        whatWorked: 'Sygeplejersken lyttede.',
        quote: 'Jeg følte mig glemt.',
      },
    });
    expect(updated).toMatchObject({
      sector: 'hospital',
      contactType: 'admission',
      serviceCode: 'nyk-hospital-medical',
      date: '2026-02-28',
      datePrecision: 'day',
      durationDays: 4.5,
      repetitions: 2,
      initiatedBy: 'professional',
      emotion: -2,
    });
    expect(
      (await call('touchpoints:update', { id: tp.id, patch: { date: '2026-02' } })).datePrecision,
    ).toBe('month');
    const cleared = await call('touchpoints:update', {
      id: tp.id,
      patch: { date: null, emotion: null, durationDays: null },
    });
    expect(cleared).toMatchObject({
      date: null,
      datePrecision: 'unknown',
      emotion: null,
      durationDays: null,
    });
  });

  it.each([
    ['an impossible date', { date: '2026-02-30' }],
    ['a month 13', { date: '2026-13' }],
    ['a date with a clock time', { date: '2026-02-03T10:00' }],
    ['a year out of range', { date: '1850-01-01' }],
    ['a negative duration', { durationDays: -3 }],
    ['zero repetitions', { repetitions: 0 }],
    ['fractional repetitions', { repetitions: 1.5 }],
    ['an emotion of 3', { emotion: 3 }],
    ['a sector outside the vocabulary', { sector: 'spa' }],
    ['a 1 MB quote', { quote: 'x'.repeat(1_000_000) }],
    ['a service code with spaces', { serviceCode: 'Egen læge' }],
  ])('refuses %s and keeps the stored touchpoint', async (_name, patch) => {
    const tp = await touchpoint();
    const r = await callRaw('touchpoints:update', { id: tp.id, patch });
    expect(r).toMatchObject({ ok: false, error: { code: 'validation' } });
    const stored = (await call('journeys:get', { id: tp.journeyId })).touchpoints[0];
    expect(stored).toEqual(tp);
  });
});

describe('transition details', () => {
  it('records kind, handover quality, waiting time and note', async () => {
    const a = await touchpoint();
    const b = await call('touchpoints:create', { journeyId: a.journeyId, x: 1, y: 0 });
    const tr = await call('transitions:create', {
      journeyId: a.journeyId,
      sourceId: a.id,
      targetId: b.id,
      kind: 'referral',
    });
    expect(tr).toMatchObject({
      kind: 'referral',
      quality: null,
      waitingDays: null,
      note: '',
      map: 'as_is',
    });
    const updated = await call('transitions:update', {
      id: tr.id,
      patch: { quality: 'broken', waitingDays: 42, note: 'Henvisningen blev væk.' },
    });
    expect(updated).toMatchObject({ kind: 'referral', quality: 'broken', waitingDays: 42 });
    expect(
      await callRaw('transitions:update', { id: tr.id, patch: { quality: 'awful' } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
  });

  it('never connects the as-is map to the to-be map', async () => {
    const a = await touchpoint();
    const b = await call('touchpoints:create', {
      journeyId: a.journeyId,
      map: 'to_be',
      x: 0,
      y: 0,
    });
    expect(
      await callRaw('transitions:create', {
        journeyId: a.journeyId,
        sourceId: a.id,
        targetId: b.id,
      }),
    ).toMatchObject({ ok: false, error: { code: 'validation' } });
  });
});

describe('pain points', () => {
  it('are created, edited and deleted, and go with their touchpoint', async () => {
    const tp = await touchpoint();
    const p = await call('painPoints:create', {
      touchpointId: tp.id,
      category: 'waiting',
      text: 'Ventede 3 uger',
    });
    await call('painPoints:create', { touchpointId: tp.id, category: 'retelling' });
    const edited = await call('painPoints:update', {
      id: p.id,
      patch: { category: 'information' },
    });
    expect(edited).toMatchObject({ category: 'information', text: 'Ventede 3 uger' });
    expect((await call('journeys:get', { id: tp.journeyId })).painPoints).toHaveLength(2);
    await call('painPoints:delete', { id: p.id });
    expect((await call('journeys:get', { id: tp.journeyId })).painPoints).toHaveLength(1);
    await call('touchpoints:delete', { id: tp.id });
    expect(t.db.prepare('SELECT count(*) AS n FROM pain_points').get()).toEqual({ n: 0 });
  });

  it('refuses an unknown category', async () => {
    const tp = await touchpoint();
    expect(
      await callRaw('painPoints:create', { touchpointId: tp.id, category: 'boredom' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
  });
});

describe('restoring deleted items (undo)', () => {
  it('puts a deleted touchpoint back with its id, pain points and transitions', async () => {
    const a = await touchpoint({ sector: 'hospital' });
    const b = await call('touchpoints:create', { journeyId: a.journeyId, x: 1, y: 0 });
    const tr = await call('transitions:create', {
      journeyId: a.journeyId,
      sourceId: a.id,
      targetId: b.id,
    });
    const pp = await call('painPoints:create', {
      touchpointId: a.id,
      category: 'waiting',
      text: 'Lang ventetid',
    });
    const before = await call('journeys:get', { id: a.journeyId });
    await call('touchpoints:delete', { id: a.id });
    const r = await call('journeys:restoreItems', {
      journeyId: a.journeyId,
      touchpoints: [a],
      transitions: [tr],
      painPoints: [pp],
    });
    expect(r).toEqual({ restored: 3 });
    expect(await call('journeys:get', { id: a.journeyId })).toEqual(before);
  });

  it('refuses to restore an item that exists, changing nothing', async () => {
    const a = await touchpoint();
    const b = { ...a, id: crypto.randomUUID() };
    expect(
      await callRaw('journeys:restoreItems', {
        journeyId: a.journeyId,
        touchpoints: [b, a],
        transitions: [],
        painPoints: [],
      }),
    ).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await call('journeys:get', { id: a.journeyId })).touchpoints).toHaveLength(1);
  });

  it('refuses items of another journey', async () => {
    const a = await touchpoint();
    const other = await call('journeys:create', { alias: 'Bo' });
    expect(
      await callRaw('journeys:restoreItems', {
        journeyId: other.id,
        touchpoints: [{ ...a, id: crypto.randomUUID() }],
        transitions: [],
        painPoints: [],
      }),
    ).toMatchObject({ ok: false, error: { code: 'validation' } });
  });
});
