import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Touchpoint } from '../../../shared/domain/journey';
import type { MapKind } from '../../../shared/vocabulary';
import { placeLabels, type Rect } from './edge-geometry';
import { layoutByTime } from './auto-layout';
import { useJourney } from './journey-context';
import { NODE_HEIGHT, NODE_WIDTH, nodeY, visibleLanes } from './lanes';
import { edgeLabelText } from './TransitionEdge';

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

/**
 * The cards as rectangles and where each connection's label goes on them, placed for the whole
 * map at once so labels avoid the cards and each other. From the saved journey, like the layout.
 */
export function useLabelPlaces(cards: readonly { id: string; rect: Rect }[], map: MapKind) {
  const { t } = useTranslation();
  const transitions = useJourney((s) => s.transitions);
  const input = useMemo(() => {
    const byId = new Map(cards.map((c) => [c.id, c.rect]));
    const lines = Object.values(transitions)
      .filter((tr) => tr.map === map)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
      .flatMap((tr) => {
        const source = byId.get(tr.sourceId);
        const target = byId.get(tr.targetId);
        const text = edgeLabelText(t, tr);
        return source && target && text ? [{ id: tr.id, source, target, text }] : [];
      });
    return { lines, rects: cards.map((c) => c.rect) };
  }, [cards, transitions, map, t]);
  // Placed again only when where the cards stand or what the lines say changes: typing a card's
  // name in the panel makes new rows on every key, but moves nothing.
  const key = useMemo(
    () =>
      JSON.stringify([
        input.rects.map((r) => [r.x, r.y]),
        input.lines.map((l) => [l.id, l.source.x, l.source.y, l.target.x, l.target.y, l.text]),
      ]),
    [input],
  );
  // The key holds everything placeLabels reads of `input`, so it alone decides.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const along = useMemo(() => placeLabels(input.lines, input.rects), [key]);
  return useMemo(() => ({ cards: input.rects, along }), [input.rects, along]);
}

/** The laid-out cards as rectangles, by id (for placing the labels). */
export function cardRectsOf(cards: readonly PlacedCard[]): { id: string; rect: Rect }[] {
  return cards.map((c) => ({
    id: c.tp.id,
    rect: { x: c.x, y: c.y, width: NODE_WIDTH, height: NODE_HEIGHT, id: c.tp.id },
  }));
}
