import { describe, expect, it } from 'vitest';
import type { Touchpoint } from '../../../shared/domain/journey';
import { timeOrder } from './auto-layout';
import { createJourneyStore } from './journey-store';
import { FIXTURE_JOURNEY, touchpoint } from './test-fixtures';

const JOURNEY = FIXTURE_JOURNEY;
const EMPTY_PROFILE = {
  realName: '',
  relativesNames: [],
  birthYear: null,
  sex: null,
  municipality: null,
  household: null,
  employment: null,
  conditionGroups: [],
  consentWorkshop: false,
  consentWorkshopDate: null,
  consentExport: false,
  consentExportDate: null,
  consentQuotes: false,
  consentQuotesDate: null,
  updatedAt: null,
};
const tp = (label: string, x: number, date: string | null, sector: Touchpoint['sector']) =>
  touchpoint({ label, x, date, sector });

/**
 * The store with an in-memory stand-in for the main process: it answers the few calls these
 * tests make and keeps what was saved, so the tests can check the rows as well as the view.
 */
async function storeWith(touchpoints: Touchpoint[], refuse = { updates: 0 }) {
  const rows = new Map(touchpoints.map((t) => [t.id, { ...t }]));
  const channels: string[] = [];
  const call = (async (channel: string, input: unknown) => {
    channels.push(channel);
    if (channel === 'journeys:get') {
      return {
        journey: {
          id: JOURNEY,
          alias: 'Borger',
          archived: false,
          createdAt: '2026-01-01T00:00:00.000Z',
          updatedAt: '2026-01-01T00:00:00.000Z',
        },
        touchpoints: [...rows.values()],
        transitions: [],
        painPoints: [],
      };
    }
    if (channel === 'catalogue:list') return [];
    if (channel === 'goals:list' || channel === 'ideas:list' || channel === 'workshops:list') {
      return [];
    }
    if (channel === 'profile:get') return { journeyId: JOURNEY, ...EMPTY_PROFILE };
    if (channel === 'touchpoints:update') {
      if (refuse.updates > 0) {
        refuse.updates -= 1;
        throw new Error('SQLITE_FULL');
      }
      const { id, patch } = input as { id: string; patch: Partial<Touchpoint> };
      const row = { ...rows.get(id)!, ...patch };
      rows.set(id, row);
      return row;
    }
    throw new Error(`not expected in this test: ${channel}`);
  }) as unknown as Parameters<typeof createJourneyStore>[1];
  const store = createJourneyStore(JOURNEY, call);
  await store.getState().load();
  return { store, rows, call, channels };
}

const labelsLeftToRight = (nodes: { position: { x: number }; data: { label: string } }[]) =>
  [...nodes].sort((a, b) => a.position.x - b.position.x).map((n) => n.data.label);

describe('the journey store lays the map out by time', () => {
  it('puts dated cards in date order whatever x was stored, and folds unused lanes', async () => {
    const { store } = await storeWith([
      tp('Marts', 0, '2026-03-02', 'hospital'),
      tp('Januar', 900, '2026-01-10', 'general_practice'),
    ]);
    expect(labelsLeftToRight(store.getState().nodes)).toEqual(['Januar', 'Marts']);
    expect(store.getState().hiddenSectors).not.toContain('hospital');
    expect(store.getState().hiddenSectors).toContain('psychiatry');
  });

  it('a new date moves the card and saves an x that keeps every other card in its place', async () => {
    const jan = tp('Jan', 0, '2026-01-10', 'general_practice');
    const u = tp('U', 360, null, 'citizen');
    const feb = tp('Feb', 720, '2026-02-10', 'hospital');
    const { store, rows } = await storeWith([jan, u, feb]);
    store.getState().patchTouchpoint(feb.id, { date: '2025-12-01' });
    await store.getState().flush();
    expect(labelsLeftToRight(store.getState().nodes)).toEqual(['Feb', 'Jan', 'U']);
    // The saved rows tell the same story on their own.
    expect(timeOrder([...rows.values()]).map((t) => t.label)).toEqual(['Feb', 'Jan', 'U']);
  });

  it('← → move an undated card one place, and leave a dated one at its date', async () => {
    const a = tp('A', 0, '2026-01-10', 'general_practice');
    const u = tp('U', 360, null, 'citizen');
    const b = tp('B', 720, '2026-02-10', 'hospital');
    const { store, rows } = await storeWith([a, u, b]);
    expect(store.getState().moveInTime(u.id, 1)).toBe('moved');
    await store.getState().flush();
    expect(labelsLeftToRight(store.getState().nodes)).toEqual(['A', 'B', 'U']);
    expect(timeOrder([...rows.values()]).map((t) => t.label)).toEqual(['A', 'B', 'U']);
    expect(store.getState().moveInTime(u.id, 1)).toBe('edge');
    expect(store.getState().moveInTime(a.id, 1)).toBe('dated');
    // One undo step brings the card back.
    await store.getState().undo();
    expect(labelsLeftToRight(store.getState().nodes)).toEqual(['A', 'U', 'B']);
  });
});

describe('the journey store opened again', () => {
  it('writes an edit the last view left unsaved before reading, and shows it', async () => {
    const refuse = { updates: 0 };
    const card = tp('Lægen', 0, '2026-01-10', 'general_practice');
    const { store, rows, call, channels } = await storeWith([card], refuse);
    refuse.updates = 2;
    store.getState().patchTouchpoint(card.id, { label: 'Egen læge' });
    await store.getState().flush();
    expect(store.getState().saveStatus).toBe('error');
    // Closed while the database refuses (the flush on closing fails too).
    store.getState().dispose();
    await Promise.resolve();
    expect(rows.get(card.id)!.label).toBe('Lægen');
    channels.length = 0;
    const again = createJourneyStore(JOURNEY, call);
    await again.getState().load();
    // The edit went first, then the journey was read: it holds it, and nothing waits.
    expect(channels.indexOf('touchpoints:update')).toBeLessThan(channels.indexOf('journeys:get'));
    expect(rows.get(card.id)!.label).toBe('Egen læge');
    expect(again.getState().nodes[0]!.data.label).toBe('Egen læge');
    expect(again.getState().saveStatus).toBe('saved');
    again.getState().dispose();
  });

  it('shows the edit it could not write yet over what it read, until it is written', async () => {
    const refuse = { updates: 0 };
    const card = tp('Lægen', 0, '2026-01-10', 'general_practice');
    const { store, rows, call } = await storeWith([card], refuse);
    refuse.updates = 100;
    store.getState().patchTouchpoint(card.id, { label: 'Egen læge' });
    await store.getState().flush();
    store.getState().dispose();
    const again = createJourneyStore(JOURNEY, call);
    await again.getState().load();
    // Still refused: the map shows what will be written, and says it is not saved yet.
    expect(rows.get(card.id)!.label).toBe('Lægen');
    expect(again.getState().nodes[0]!.data.label).toBe('Egen læge');
    expect(again.getState().saveStatus).toBe('error');
    refuse.updates = 0;
    await again.getState().retry();
    expect(rows.get(card.id)!.label).toBe('Egen læge');
    expect(again.getState().saveStatus).toBe('saved');
    again.getState().dispose();
  });
});
