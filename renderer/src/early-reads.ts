/**
 * The window's first reads, sent before the rest of its code has been evaluated: whether the
 * database is open, the language stored in it and, when the window opens on a journey (a
 * reload, or a restart after a crash), that journey. The main process answers them while the
 * window's code is still being set up, instead of one after another once it is.
 *
 * Nothing here is shown unless the database was open when it was read, and a journey's early
 * read is used once at most: by the first journey screen that loads, if it is that journey and
 * nothing is waiting to be written, and only until the window goes to another screen.
 */
import type { StartupStatus } from '../../shared/domain/startup';
import type { Language } from '../../shared/ipc/contract';
import { call } from './api/client';
import { readJourney, type JourneyRead } from './journey/store/read-journey';
import { parseRoute } from './route-parse';

interface EarlyReads {
  status: Promise<StartupStatus>;
  /** The stored language; null when it cannot be read (Danish, the default, is used). */
  language: Promise<Language | null>;
}

let reads: EarlyReads | undefined;
let journey: { id: string; read: Promise<JourneyRead> } | undefined;

/** Sends the first reads; called once, as the first thing the window's code does. */
export function startEarlyReads(hash: string): void {
  const status = call('startup:status', {}).catch((): StartupStatus => ({ state: 'ready' }));
  const language = call('settings:get', {}).then(
    (settings) => settings.language,
    () => null,
  );
  reads = { status, language };
  const route = parseRoute(hash);
  if (route.name !== 'journey') return;
  const read = readJourney(call, route.id);
  // Read before the database is known to be open: an error here is the locked database's, and
  // the screen reads again. It is never left unhandled.
  read.catch(() => undefined);
  journey = { id: route.id, read };
  void status.then((s) => {
    if (s.state !== 'ready') journey = undefined;
  });
  window.addEventListener('hashchange', () => (journey = undefined), { once: true });
}

/** The first reads, or null when they were not sent (tests that start the app another way). */
export function earlyReads(): EarlyReads | null {
  return reads ?? null;
}

/**
 * The early read of a journey, for the first load of a journey screen: given once, and only for
 * the journey the window opened on. Later loads, and every other journey, read again.
 */
export function takeEarlyJourneyRead(journeyId: string): Promise<JourneyRead> | undefined {
  const early = journey;
  journey = undefined;
  return early?.id === journeyId ? early.read : undefined;
}
