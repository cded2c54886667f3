/**
 * The journey's estimated public cost, one way for every view that shows it: the facilitator's
 * cost view (CostView) and the citizen's copy when the cost is chosen for it. The price list is
 * read from the laptop's database and the maps are priced by shared/economy/cost.ts.
 */
import { useEffect, useRef, useState } from 'react';
import type { Touchpoint } from '../../../shared/domain/journey';
import {
  costDifference,
  costOfPathway,
  type CostDifference,
  type PathwayCost,
} from '../../../shared/economy/cost';
import type { PriceList } from '../../../shared/economy/prices';
import { call } from '../api/client';

export interface JourneyMaps {
  asIs: Touchpoint[];
  toBe: Touchpoint[];
}

export interface JourneyCost {
  asIs: PathwayCost;
  toBe: PathwayCost;
  /** to-be minus as-is: negative is a saving. */
  difference: CostDifference;
}

/** The journey's touchpoints split by map. */
export function mapsOf(touchpoints: Readonly<Record<string, Touchpoint>>): JourneyMaps {
  const all = Object.values(touchpoints);
  return {
    asIs: all.filter((tp) => tp.map === 'as_is'),
    toBe: all.filter((tp) => tp.map === 'to_be'),
  };
}

/** Both maps priced by the list, and what the to-be map would change. */
export function journeyCost(maps: JourneyMaps, list: PriceList): JourneyCost {
  const asIs = costOfPathway(maps.asIs, list);
  const toBe = costOfPathway(maps.toBe, list);
  return { asIs, toBe, difference: costDifference(asIs, toBe) };
}

export interface PriceListState {
  list: PriceList | null;
  failed: boolean;
}

/**
 * The laptop's price list, read afresh each time `active` turns true (a price corrected on the
 * price screen counts at once). `onError` hears a failed read; it is not a dependency, so a new
 * function on every render does not read the list again.
 */
export function usePriceList(active = true, onError?: (error: unknown) => void): PriceListState {
  const [state, setState] = useState<PriceListState>({ list: null, failed: false });
  const errorRef = useRef(onError);
  useEffect(() => {
    errorRef.current = onError;
  });
  useEffect(() => {
    if (!active) return;
    let live = true;
    call('prices:get', {}).then(
      (list) => live && setState({ list, failed: false }),
      (error: unknown) => {
        if (!live) return;
        setState({ list: null, failed: true });
        errorRef.current?.(error);
      },
    );
    return () => {
      live = false;
    };
  }, [active]);
  return state;
}
