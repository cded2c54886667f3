import { useSyncExternalStore } from 'react';
import { parseRoute, type PricesBack, type Route } from './route-parse';

export { parseRoute, type PricesBack, type Route };

export function navigate(route: Route): void {
  window.location.hash =
    route.name === 'journey'
      ? `#/journey/${route.id}`
      : route.name === 'catalogue'
        ? '#/catalogue'
        : route.name === 'prices'
          ? pricesHash(route.back)
          : route.name === 'program'
            ? route.tab
              ? `#/program/${route.tab}`
              : '#/program'
            : route.name === 'backups'
              ? '#/backups'
              : '#/';
}

function pricesHash(back: PricesBack | undefined): string {
  if (!back) return '#/prices';
  return back.name === 'program' ? '#/prices/from/program' : `#/prices/from/journey/${back.id}`;
}

function subscribe(callback: () => void) {
  window.addEventListener('hashchange', callback);
  return () => window.removeEventListener('hashchange', callback);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
