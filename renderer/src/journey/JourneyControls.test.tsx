import i18next from 'i18next';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { resources } from '../../../shared/i18n';
import { SaveIndicator, UndoRedo } from './JourneyControls';
import { JourneyStoreContext } from './journey-context';
import { createJourneyStore, type JourneyStore } from './journey-store';
import { FIXTURE_JOURNEY } from './test-fixtures';

/**
 * The header's controls as the window draws them, from a real store whose main process is a
 * stand-in that can hold or refuse the profile's save.
 */
function journeyWith(profileSave: () => Promise<unknown>) {
  const profile = {
    journeyId: FIXTURE_JOURNEY,
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
  const call = ((channel: string) => {
    if (channel === 'journeys:get') {
      return Promise.resolve({
        journey: {
          id: FIXTURE_JOURNEY,
          alias: 'Borger 7',
          archived: false,
          createdAt: '2026-01-01T00:00:00.000Z',
          updatedAt: '2026-01-01T00:00:00.000Z',
        },
        touchpoints: [],
        transitions: [],
        painPoints: [],
      });
    }
    if (channel === 'profile:get') return Promise.resolve(profile);
    if (channel === 'profile:update') return profileSave().then(() => profile);
    return Promise.resolve([]);
  }) as unknown as Parameters<typeof createJourneyStore>[1];
  return createJourneyStore(FIXTURE_JOURNEY, call, { retryFirstMs: 60_000 });
}

/** Drawn once, as the server renderer does; it reads the store's initial state, so hand it the present. */
const draw = (store: JourneyStore) =>
  renderToStaticMarkup(
    createElement(
      JourneyStoreContext.Provider,
      { value: { ...store, getInitialState: store.getState } },
      createElement(SaveIndicator),
      createElement(UndoRedo),
    ),
  );

beforeAll(async () => {
  await i18next.use(initReactI18next).init({
    resources: { da: { translation: resources.da } },
    lng: 'da',
    interpolation: { escapeValue: false },
  });
});

describe('the journey header controls', () => {
  it('say "Alt er gemt" after loading, with nothing to undo', async () => {
    const store = journeyWith(() => Promise.resolve());
    await store.getState().load();
    const html = draw(store);
    expect(html).toContain('data-status="saved"');
    expect(html).toContain('Alt er gemt');
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*data-testid="undo"/);
  });

  it('say "Gemmer …" while a profile edit is on its way, and offer undo', async () => {
    let release: () => void = () => undefined;
    const store = journeyWith(() => new Promise<void>((ok) => (release = ok)));
    await store.getState().load();
    store.getState().patchProfile({ municipality: 'lolland' });
    const saved = store.getState().flush(); // on its way, held by the stand-in
    const html = draw(store);
    expect(html).toContain('Gemmer …');
    expect(html).not.toContain('Alt er gemt');
    expect(html).not.toMatch(/<button[^>]*disabled=""[^>]*data-testid="undo"/);
    release();
    await saved;
    expect(draw(store)).toContain('Alt er gemt');
    store.getState().dispose();
  });

  it('say that saving failed, why, and offer to try again', async () => {
    const store = journeyWith(() => Promise.reject(new Error('disk full')));
    await store.getState().load();
    store.getState().patchProfile({ household: 'alone' });
    await store.getState().flush();
    const html = draw(store);
    expect(html).toContain('data-status="error"');
    expect(html).toContain('Kunne ikke gemme');
    expect(html).toContain(resources.da.save.kept);
    expect(html).toContain('data-testid="save-retry"');
    expect(html).toContain('Prøv igen');
    store.getState().dispose();
  });
});
