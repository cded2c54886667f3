import { useSyncExternalStore } from 'react';

/**
 * Hash routes, so a reload (or a crash and restart) lands on the same screen:
 * `#/` is the home screen, `#/journey/<id>` a journey's canvas.
 */
export type Route =
  { name: 'home' } | { name: 'catalogue' } | { name: 'program' } | { name: 'journey'; id: string };

export function parseRoute(hash: string): Route {
  if (hash === '#/catalogue') return { name: 'catalogue' };
  if (hash === '#/program') return { name: 'program' };
  const m = /^#\/journey\/([0-9a-f-]{36})$/i.exec(hash);
  return m ? { name: 'journey', id: m[1]!.toLowerCase() } : { name: 'home' };
}

export function navigate(route: Route): void {
  window.location.hash =
    route.name === 'journey'
      ? `#/journey/${route.id}`
      : route.name === 'catalogue'
        ? '#/catalogue'
        : route.name === 'program'
          ? '#/program'
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
