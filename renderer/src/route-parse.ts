/**
 * Hash routes, so a reload (or a crash and restart) lands on the same screen:
 * `#/` is the home screen, `#/journey/<id>` a journey's canvas.
 */
export type Route =
  | { name: 'home' }
  | { name: 'catalogue' }
  /** The price list; `back` is the screen it was opened from (home when absent). */
  | { name: 'prices'; back?: PricesBack }
  /** The program workspace; `tab: 'economy'` opens it on its Økonomi view. */
  | { name: 'program'; tab?: 'economy' }
  | { name: 'backups' }
  | { name: 'journey'; id: string };

/** Where the price list can be opened from, besides home: the program's Økonomi, or a journey. */
export type PricesBack = { name: 'program'; tab: 'economy' } | { name: 'journey'; id: string };

const JOURNEY_HASH = /^#\/journey\/([0-9a-f-]{36})$/i;

export function parseRoute(hash: string): Route {
  if (hash === '#/catalogue') return { name: 'catalogue' };
  if (hash === '#/prices') return { name: 'prices' };
  if (hash === '#/prices/from/program') {
    return { name: 'prices', back: { name: 'program', tab: 'economy' } };
  }
  const fromJourney = /^#\/prices\/from\/journey\/([0-9a-f-]{36})$/i.exec(hash);
  if (fromJourney) {
    return { name: 'prices', back: { name: 'journey', id: fromJourney[1]!.toLowerCase() } };
  }
  if (hash === '#/program') return { name: 'program' };
  if (hash === '#/program/economy') return { name: 'program', tab: 'economy' };
  if (hash === '#/backups') return { name: 'backups' };
  const m = JOURNEY_HASH.exec(hash);
  return m ? { name: 'journey', id: m[1]!.toLowerCase() } : { name: 'home' };
}
