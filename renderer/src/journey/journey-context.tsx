import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { JourneyState, JourneyStore } from './journey-store';

export const JourneyStoreContext = createContext<JourneyStore | null>(null);

/** One selector per value (zustand's advice): components re-render only for what they read. */
export function useJourney<T>(selector: (state: JourneyState) => T): T {
  const store = useContext(JourneyStoreContext);
  if (!store) throw new Error('useJourney outside a JourneyStoreContext');
  return useStore(store, selector);
}

export function useJourneyStore(): JourneyStore {
  const store = useContext(JourneyStoreContext);
  if (!store) throw new Error('useJourneyStore outside a JourneyStoreContext');
  return store;
}
