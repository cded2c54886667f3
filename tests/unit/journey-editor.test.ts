/**
 * The journey editor's store against the real handlers and a real SQLite file, through `dispatch`
 * as the window's calls go: edits on every tab, one status, retry, and undo across tabs — each
 * checked in the database, not only in the store.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
// This test joins the window's store to the real handlers (the renderer may not import them, the
// main process may not import the UI): it runs both in one process, and ships in neither.
// eslint-disable-next-line no-restricted-imports
import { ApiCallError } from '../../renderer/src/api/client';
// eslint-disable-next-line no-restricted-imports
import { createJourneyStore, type JourneyStore } from '../../renderer/src/journey/journey-store';
import type { Channel } from '../../shared/ipc/channels';
import { dispatch } from '../../shared/ipc/dispatch';
import type { Result } from '../../shared/ipc/result';
import { ipc, makeTestDb, type TestDb } from './helpers';

let t: TestDb;
let store: JourneyStore;
let calls: string[];
const { call: seed } = ipc(() => t.handlers);

/** The renderer's `call`, over dispatch: data, or an ApiCallError with the envelope's code. */
const rendererCall = (async (channel: Channel, input: unknown) => {
  calls.push(channel);
  const r = (await dispatch(t.handlers, channel, input)) as Result<unknown>;
  if (!r.ok) throw new ApiCallError(r.error.code, r.error.message, r.error.issues);
  return r.data;
}) as unknown as Parameters<typeof createJourneyStore>[1];

/** Makes a channel fail as a full disk would (the handler throws), until `heal()`. */
function breakChannel(channel: Channel) {
  // Any channel, so typed loosely: the stand-in throws whatever it is given.
  const handlers = t.handlers as Record<Channel, unknown>;
  const real = handlers[channel];
  handlers[channel] = () => {
    throw new Error('SQLITE_FULL: database or disk is full');
  };
  return () => {
    handlers[channel] = real;
  };
}

const profileRow = (journeyId: string) =>
  t.db
    .prepare(
      'SELECT real_name, consent_workshop, consent_workshop_date FROM profiles WHERE journey_id = ?',
    )
    .get(journeyId) as
    | { real_name: string; consent_workshop: number; consent_workshop_date: string | null }
    | undefined;
const ideaIds = (journeyId: string) =>
  (
    t.db.prepare('SELECT id FROM ideas WHERE journey_id = ?').all(journeyId) as { id: string }[]
  ).map((r) => r.id);

async function open() {
  const j = await seed('journeys:create', { alias: 'Borger 7' });
  store = createJourneyStore(j.id, rendererCall, { retryFirstMs: 1000, retryMaxMs: 8000 });
  await store.getState().load();
  calls = [];
  return j.id;
}

beforeEach(() => {
  vi.useFakeTimers();
  t = makeTestDb();
  calls = [];
});
afterEach(() => {
  store.getState().dispose();
  vi.useRealTimers();
  t.cleanup();
});

describe('the journey editor saves every tab through one queue', () => {
  it('types in the profile: one save for the field, one undo step, and the header is not "saved" meanwhile', async () => {
    const id = await open();
    expect(store.getState().saveStatus).toBe('saved');
    for (const name of ['K', 'Ka', 'Kar', 'Karen']) {
      store.getState().patchProfile({ realName: name });
      await vi.advanceTimersByTimeAsync(50);
    }
    // The journey's one status says so while the profile waits.
    expect(store.getState().saveStatus).toBe('saving');
    expect(profileRow(id)).toBeUndefined();
    await vi.advanceTimersByTimeAsync(400);
    expect(calls.filter((c) => c === 'profile:update')).toHaveLength(1);
    expect(profileRow(id)?.real_name).toBe('Karen');
    expect(store.getState().saveStatus).toBe('saved');

    // Typing in the field was one step: one undo empties it, in the database too.
    expect(store.getState().canUndo).toBe(true);
    await store.getState().undo();
    expect(store.getState().profile?.realName).toBe('');
    expect(profileRow(id)?.real_name).toBe('');
    expect(store.getState().canUndo).toBe(false);
    await store.getState().redo();
    expect(profileRow(id)?.real_name).toBe('Karen');
  });

  it('shows the consent date the main process sets, and undo withdraws consent and date', async () => {
    const id = await open();
    store.getState().patchProfile({ consentWorkshop: true });
    await store.getState().flush();
    expect(store.getState().profile?.consentWorkshopDate).toBe('2026-03-01');
    expect(profileRow(id)).toMatchObject({
      consent_workshop: 1,
      consent_workshop_date: '2026-03-01',
    });
    await store.getState().undo();
    expect(profileRow(id)).toMatchObject({ consent_workshop: 0, consent_workshop_date: null });
    await store.getState().redo();
    expect(profileRow(id)).toMatchObject({
      consent_workshop: 1,
      consent_workshop_date: '2026-03-01',
    });
  });

  it('undoes the delete of an idea: it comes back with its id, text and links', async () => {
    const id = await open();
    const tp = await store.getState().addTouchpoint({ label: 'Egen læge' });
    const idea = await store.getState().addIdea();
    store.getState().patchIdea(idea.id, { text: 'Én kontaktperson' });
    store.getState().patchIdea(idea.id, { aims: ['quality'], touchpointIds: [tp.id] });
    await store.getState().flush();
    const saved = await seed('ideas:list', { journeyId: id });
    expect(saved).toMatchObject([{ id: idea.id, text: 'Én kontaktperson', aims: ['quality'] }]);

    store.getState().deleteIdea(idea.id);
    await store.getState().flush();
    expect(ideaIds(id)).toEqual([]);
    expect(store.getState().ideas).toEqual({});

    await store.getState().undo();
    expect(await seed('ideas:list', { journeyId: id })).toEqual(saved);
    expect(Object.keys(store.getState().ideas)).toEqual([idea.id]);
    // And redo deletes it again.
    await store.getState().redo();
    expect(ideaIds(id)).toEqual([]);
  });

  it('undoes the delete of a goal and of a workshop', async () => {
    const id = await open();
    const goal = await store.getState().addGoal('health');
    store.getState().patchGoal(goal.id, { text: 'Sove om natten' });
    const ws = await store.getState().addWorkshop('2026-03-02');
    store.getState().patchWorkshop(ws.id, { place: 'Biblioteket', roles: ['citizen'] });
    await store.getState().flush();
    const goals = await seed('goals:list', { journeyId: id });
    const workshops = await seed('workshops:list', { journeyId: id });
    store.getState().deleteGoal(goal.id);
    store.getState().deleteWorkshop(ws.id);
    await store.getState().flush();
    expect(await seed('goals:list', { journeyId: id })).toEqual([]);
    await store.getState().undo();
    expect(await seed('workshops:list', { journeyId: id })).toEqual(workshops);
    await store.getState().undo();
    expect(await seed('goals:list', { journeyId: id })).toEqual(goals);
  });

  it('undo travels across tabs in the order the edits were made', async () => {
    const id = await open();
    const tp = await store.getState().addTouchpoint({ label: 'Sygehuset' });
    store.getState().patchProfile({ municipality: 'lolland' });
    store.getState().patchTouchpoint(tp.id, { emotion: -2 });
    await store.getState().flush();
    await store.getState().undo(); // the map's face
    expect((await seed('journeys:get', { id })).touchpoints[0]!.emotion).toBeNull();
    expect((await seed('profile:get', { journeyId: id })).municipality).toBe('lolland');
    await store.getState().undo(); // the profile's municipality
    expect((await seed('profile:get', { journeyId: id })).municipality).toBeNull();
    await store.getState().undo(); // the touchpoint itself
    expect((await seed('journeys:get', { id })).touchpoints).toEqual([]);
  });
});

describe('a failed save is kept and retried until the database agrees', () => {
  it('keeps a profile edit while saves fail, retries with a growing pause, and saves it when the fault clears', async () => {
    const id = await open();
    const heal = breakChannel('profile:update');
    store.getState().patchProfile({ realName: 'Karen' });
    await vi.advanceTimersByTimeAsync(400);
    expect(store.getState().saveStatus).toBe('error');
    expect(store.getState().saveError).toBeInstanceOf(ApiCallError);
    // The field keeps what was typed; typing on is kept too.
    expect(store.getState().profile?.realName).toBe('Karen');
    store.getState().patchProfile({ realName: 'Karen Hansen' });
    await vi.advanceTimersByTimeAsync(1000); // first automatic retry: still failing
    expect(calls.filter((c) => c === 'profile:update')).toHaveLength(2);
    expect(store.getState().saveStatus).toBe('error');
    heal();
    await vi.advanceTimersByTimeAsync(1999);
    expect(profileRow(id)).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1); // second retry, 2 s later
    expect(profileRow(id)?.real_name).toBe('Karen Hansen');
    expect(store.getState().saveStatus).toBe('saved');
  });

  it('a failed undo is retried by Retry — deletes and restores too — until the database agrees', async () => {
    const id = await open();
    const idea = await store.getState().addIdea();
    store.getState().patchIdea(idea.id, { text: 'Én indgang' });
    store.getState().deleteIdea(idea.id);
    await store.getState().flush();
    expect(ideaIds(id)).toEqual([]);

    const heal = breakChannel('journeys:restoreItems');
    await store.getState().undo();
    expect(store.getState().ideas[idea.id]?.text).toBe('Én indgang');
    expect(store.getState().saveStatus).toBe('error');
    expect(ideaIds(id)).toEqual([]);
    // Retry while the fault lasts: still failed, still kept (not "saved").
    await store.getState().retry();
    expect(store.getState().saveStatus).toBe('error');
    heal();
    await store.getState().retry();
    expect(store.getState().saveStatus).toBe('saved');
    expect(await seed('ideas:list', { journeyId: id })).toMatchObject([
      { id: idea.id, text: 'Én indgang' },
    ]);
  });

  it('a failed delete holds the edits behind it and sends them in order when retried', async () => {
    const id = await open();
    const goal = await store.getState().addGoal('health');
    const idea = await store.getState().addIdea();
    const heal = breakChannel('goals:delete');
    store.getState().deleteGoal(goal.id);
    store.getState().patchIdea(idea.id, { text: 'Bagefter' });
    await store.getState().flush();
    expect(store.getState().saveStatus).toBe('error');
    expect((await seed('ideas:list', { journeyId: id }))[0]!.text).toBe('');
    heal();
    await store.getState().retry();
    expect(await seed('goals:list', { journeyId: id })).toEqual([]);
    expect((await seed('ideas:list', { journeyId: id }))[0]!.text).toBe('Bagefter');
  });
});
