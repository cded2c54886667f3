import { useSyncExternalStore } from 'react';

/**
 * Hash routes, so a reload (or a crash and restart) lands on the same screen:
 * `#/` is the home screen, `#/journey/<id>` a journey's canvas.
 */
export type Route =
  | { name: 'home' }
  | { name: 'catalogue' }
  | { name: 'prices' }
  | { name: 'program' }
  | { name: 'backups' }
  | { name: 'journey'; id: string };

export function parseRoute(hash: string): Route {
  if (hash === '#/catalogue') return { name: 'catalogue' };
  if (hash === '#/prices') return { name: 'prices' };
  if (hash === '#/program') return { name: 'program' };
  if (hash === '#/backups') return { name: 'backups' };
  const m = /^#\/journey\/([0-9a-f-]{36})$/i.exec(hash);
  return m ? { name: 'journey', id: m[1]!.toLowerCase() } : { name: 'home' };
}

export function navigate(route: Route): void {
  window.location.hash =
    route.name === 'journey'
      ? `#/journey/${route.id}`
      : route.name === 'catalogue'
        ? '#/catalogue'
        : route.name === 'prices'
          ? '#/prices'
          : route.name === 'program'
            ? '#/program'
            : route.name === 'backups'
              ? '#/backups'
              : '#/';
}

function subscribe(callback: () => void) {
  window.addEventListener('hashchange', callback);
  return () => window.removeEventListener('hashchange', callback);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
