import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const ID = '0b0e7c1c-3f4e-4b8a-9c1d-2e3f4a5b6c7d';
const OTHER = '1c1f8d2d-4a5f-4c9b-8d2e-3f4a5b6c7d8e';

type Reply = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string } };

/** A window with the bridge's shape whose answers say whether the database is open. */
function fakeWindow(hash: string, open: boolean) {
  const events = new EventTarget();
  const sent: string[] = [];
  const invoke = async (channel: string): Promise<Reply> => {
    sent.push(channel);
    if (channel === 'startup:status') {
      return { ok: true, data: open ? { state: 'ready' } : { state: 'locked', firstStart: false } };
    }
    if (!open) return { ok: false, error: { code: 'locked', message: 'locked' } };
    if (channel === 'settings:get') return { ok: true, data: { language: 'en' } };
    return { ok: true, data: `${channel} read` };
  };
  Object.assign(globalThis, {
    window: Object.assign(events, { api: { channels: [], invoke }, location: { hash } }),
  });
  return { events, sent };
}

async function loadFresh() {
  vi.resetModules();
  return import('./early-reads');
}

describe("the window's first reads", () => {
  beforeEach(() => vi.resetModules());
  afterEach(() => {
    delete (globalThis as { window?: unknown }).window;
  });

  it('asks for the status, the language and the journey the window opens on, all at once', async () => {
    const { sent } = fakeWindow(`#/journey/${ID}`, true);
    const early = await loadFresh();
    early.startEarlyReads(`#/journey/${ID}`);
    expect(sent).toEqual([
      'startup:status',
      'settings:get',
      'journeys:get',
      'catalogue:list',
      'profile:get',
      'goals:list',
      'ideas:list',
      'workshops:list',
    ]);
    await expect(early.earlyReads()!.status).resolves.toEqual({ state: 'ready' });
    await expect(early.earlyReads()!.language).resolves.toBe('en');
    const read = early.takeEarlyJourneyRead(ID);
    await expect(read).resolves.toHaveLength(6);
    // Given once: a second load reads again.
    expect(early.takeEarlyJourneyRead(ID)).toBeUndefined();
  });

  it('gives nothing to another journey, and drops the read then', async () => {
    fakeWindow(`#/journey/${ID}`, true);
    const early = await loadFresh();
    early.startEarlyReads(`#/journey/${ID}`);
    expect(early.takeEarlyJourneyRead(OTHER)).toBeUndefined();
    expect(early.takeEarlyJourneyRead(ID)).toBeUndefined();
  });

  it('drops the read when the database is locked, and leaves no rejection unhandled', async () => {
    fakeWindow(`#/journey/${ID}`, false);
    const early = await loadFresh();
    early.startEarlyReads(`#/journey/${ID}`);
    await expect(early.earlyReads()!.status).resolves.toMatchObject({ state: 'locked' });
    await expect(early.earlyReads()!.language).resolves.toBeNull();
    expect(early.takeEarlyJourneyRead(ID)).toBeUndefined();
  });

  it('drops the read when the window goes to another screen first', async () => {
    const { events } = fakeWindow(`#/journey/${ID}`, true);
    const early = await loadFresh();
    early.startEarlyReads(`#/journey/${ID}`);
    events.dispatchEvent(new Event('hashchange'));
    expect(early.takeEarlyJourneyRead(ID)).toBeUndefined();
  });

  it('reads no journey when the window opens on another screen', async () => {
    const { sent } = fakeWindow('#/', true);
    const early = await loadFresh();
    early.startEarlyReads('#/');
    expect(sent).toEqual(['startup:status', 'settings:get']);
    expect(early.takeEarlyJourneyRead(ID)).toBeUndefined();
  });
});
