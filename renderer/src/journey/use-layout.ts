import { useMemo } from 'react';
import type { Touchpoint } from '../../../shared/domain/journey';
import { layoutByTime } from './auto-layout';
import { useJourney } from './journey-context';
import { nodeY, visibleLanes } from './lanes';

export interface PlacedCard {
  tp: Touchpoint;
  /** Where the layout puts the card (flow coordinates, top-left). */
  x: number;
  y: number;
}

/**
 * The cards of the current map where the layout puts them, from the saved journey: what the time
 * ruler, the emotion curve and the connection labels line up with. A drag in progress does not
 * change it (so those do not redraw on every frame of a drag); the drop does.
 */
export function useLaidOutCards(): PlacedCard[] {
  const touchpoints = useJourney((s) => s.touchpoints);
  const hidden = useJourney((s) => s.hiddenSectors);
  const map = useJourney((s) => s.map);
  return useMemo(() => {
    const onMap = Object.values(touchpoints).filter((tp) => tp.map === map);
    const xs = layoutByTime(onMap);
    const lanes = visibleLanes(hidden);
    return onMap.map((tp) => ({ tp, x: xs.get(tp.id) ?? tp.x, y: nodeY(tp.sector, lanes) }));
  }, [touchpoints, hidden, map]);
}
