import { describe, expect, it } from 'vitest';
import {
  drawnLinks,
  flowOrder,
  layoutProcessMap,
  leastDrawn,
  LINK_ROOM,
  openingView,
  routePath,
  type Box,
  type LinkIn,
  type PlaceIn,
} from './process-layout';

const overlap = (a: Box, b: Box) =>
  Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x) > 0.5 &&
  Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y) > 0.5;

/** A dense directly-follows graph: 11 places, every pair one way or both, some loops back. */
function denseGraph(): { places: PlaceIn[]; links: LinkIn[] } {
  const ids = 'abcdefghijk'.split('');
  const places = ids.map((id, i) => ({ id, width: 150 + (i % 3) * 30, height: 60 }));
  const links: LinkIn[] = [];
  ids.forEach((from, i) =>
    ids.forEach((to, j) => {
      if (i === j || (i * 7 + j * 3) % 4 !== 0) return;
      links.push({
        id: `${from}>${to}`,
        from,
        to,
        journeys: 5 + ((i + j) % 9),
        label: { text: `${from}>${to}`, width: 100 + ((i * 3 + j) % 5) * 20, height: 24 },
      });
    }),
  );
  return { places, links };
}

describe('layoutProcessMap (ELK layered)', () => {
  it('places every place and link, labels clear of each other and of every place', async () => {
    const { places, links } = denseGraph();
    expect(links.length).toBeGreaterThan(20);
    const out = await layoutProcessMap(places, links);
    expect(out.places.size).toBe(places.length);
    expect(out.links.size).toBe(links.length);
    const labels = links.map((l) => out.links.get(l.id)!.label!);
    for (const [i, a] of labels.entries()) {
      expect(a.width).toBeGreaterThan(0);
      for (const b of labels.slice(i + 1)) expect(overlap(a, b)).toBe(false);
      for (const p of out.places.values()) expect(overlap(a, p)).toBe(false);
    }
    for (const [a, b] of [...out.places.values()].flatMap((p, i, all) =>
      all.slice(i + 1).map((q) => [p, q] as const),
    ))
      expect(overlap(a, b)).toBe(false);
    // Every route runs from its source's border to its target's border.
    for (const l of links) {
      const { points } = out.links.get(l.id)!;
      expect(points.length).toBeGreaterThanOrEqual(2);
      const near = (p: { x: number; y: number }, b: Box) =>
        p.x >= b.x - 1 && p.x <= b.x + b.width + 1 && p.y >= b.y - 1 && p.y <= b.y + b.height + 1;
      expect(near(points[0]!, out.places.get(l.from)!)).toBe(true);
      expect(near(points.at(-1)!, out.places.get(l.to)!)).toBe(true);
    }
    expect(out.width).toBeGreaterThan(0);
  });

  it('ranks left to right: a chain runs along x', async () => {
    const places = ['a', 'b', 'c'].map((id) => ({ id, width: 100, height: 50 }));
    const links = [
      { id: 'a>b', from: 'a', to: 'b', journeys: 9, label: { text: 'x', width: 80, height: 20 } },
      { id: 'b>c', from: 'b', to: 'c', journeys: 9, label: { text: 'x', width: 80, height: 20 } },
    ];
    const out = await layoutProcessMap(places, links);
    const x = (id: string) => out.places.get(id)!.x;
    expect(x('a')).toBeLessThan(x('b'));
    expect(x('b')).toBeLessThan(x('c'));
  });
});

describe('routePath', () => {
  it('rounds corners and ends on the last point', () => {
    const d = routePath([
      { x: 0, y: 0 },
      { x: 50, y: 0 },
      { x: 50, y: 40 },
    ]);
    expect(d.startsWith('M 0 0 L 40 0 Q 50 0 50 10')).toBe(true);
    expect(d.endsWith('L 50 40')).toBe(true);
  });
});

describe('openingView', () => {
  it('fits a small map whole, at most at 100 %', () => {
    expect(
      openingView({ width: 400, height: 200 }, { width: 1000, height: 500 }, 15, 12).zoom,
    ).toBe(1);
    const v = openingView({ width: 1600, height: 400 }, { width: 1000, height: 500 }, 15, 8);
    expect(v.zoom).toBeCloseTo(968 / 1600);
    expect(v.zoom).toBeLessThan(1);
  });

  it('never opens below the zoom where the smallest text is minText px', () => {
    const v = openingView({ width: 5000, height: 3000 }, { width: 1000, height: 500 }, 15, 12);
    expect(v.zoom).toBeCloseTo(0.8);
    expect(v.x).toBe(16);
    expect(v.y).toBe(16);
  });

  it('opens a map too large on its first place, without pulling an edge inside', () => {
    const pane = { width: 1000, height: 500 };
    const map = { width: 5000, height: 3000 };
    const first = { x: 16, y: 1500, width: 200, height: 60 };
    const v = openingView(map, pane, 15, 12, first);
    // The first place's middle in the pane's middle (vertically), the map's left edge at the pad.
    expect(v.y + (first.y + first.height / 2) * v.zoom).toBeCloseTo(250);
    expect(v.x).toBe(16);
    // Near the bottom: the map's bottom edge stays at the pane's bottom, not above it.
    const low = openingView(map, pane, 15, 12, { ...first, y: 2950 });
    expect(low.y + map.height * low.zoom).toBeCloseTo(500 - 16);
  });

  it('moves the least way to where no place or label is cut by the top or left edge', () => {
    const pane = { width: 1000, height: 500 };
    const map = { width: 5000, height: 3000 };
    const first = { x: 16, y: 1500, width: 200, height: 60 };
    // Centred on the first place (zoom 0.8), the pane's top is at 1217.5 in the map, through a
    // box at 1190–1250. Clean edges nearby: at 1250 (that box just out of sight above, 32.5 away)
    // or at 1130 (above the label at 1150–1180, 87.5 away): the nearer one is taken.
    const boxes = [
      first,
      { x: 300, y: 1190, width: 120, height: 60 },
      { x: 500, y: 1150, width: 90, height: 30 },
      { x: 700, y: 900, width: 90, height: 30 },
    ];
    const v = openingView(map, pane, 15, 12, first, 16, boxes);
    const top = (b: { y: number }) => v.y + b.y * v.zoom;
    const bottom = (b: { y: number; height: number }) => top(b) + b.height * v.zoom;
    for (const b of boxes) expect(top(b) >= 16 || bottom(b) <= 0).toBe(true);
    expect(bottom(boxes[1]!)).toBeCloseTo(0);
    expect(top(first)).toBeGreaterThanOrEqual(16);
    expect(bottom(first)).toBeLessThanOrEqual(500 - 16);
    // The other way when that is nearer: the box reaches down to 1390 (172.5 away), the edge above
    // the label 87.5: the label's top comes to the pad.
    const lower = [first, { ...boxes[1]!, height: 200 }, boxes[2]!, boxes[3]!];
    const down = openingView(map, pane, 15, 12, first, 16, lower);
    expect(down.y + 1150 * down.zoom).toBeCloseTo(16);
    // A box reaching from above the pane to the first place: no clean edge keeps the first place
    // whole, so the view stays centred on it.
    const far = [first, { x: 300, y: 900, width: 120, height: 600 }];
    const kept = openingView(map, pane, 15, 12, first, 16, far);
    expect(kept.y).toBeCloseTo(openingView(map, pane, 15, 12, first).y);
    // Staggered columns covering every line from above the pane to below the first place: the
    // same.
    const staggered = [
      first,
      ...Array.from({ length: 40 }, (_, i) => ({
        x: 300 + 150 * (i % 6),
        y: 700 + 45 * i,
        width: 120,
        height: 60,
      })),
    ];
    const centred = openingView(map, pane, 15, 12, first, 16, staggered);
    expect(centred.y).toBeCloseTo(openingView(map, pane, 15, 12, first).y);
  });

  it('keeps a tall first place’s middle in sight where no clean edge keeps it whole', () => {
    const pane = { width: 1000, height: 500 };
    const map = { width: 5000, height: 3000 };
    // Taller than its text (many links meet it): 400 px on screen at zoom 0.8.
    const first = { x: 16, y: 1500, width: 200, height: 500 };
    // A label ending just above it (inside the pad's strip) and a place above that: no clean
    // edge has the first place whole in the pane.
    const boxes = [
      first,
      { x: 300, y: 1300, width: 120, height: 190 },
      { x: 500, y: 1100, width: 120, height: 300 },
    ];
    // Its text a block of 62 in its middle.
    const v = openingView(map, pane, 15, 12, first, 16, boxes, 62);
    const top = (b: { y: number }) => v.y + b.y * v.zoom;
    const bottom = (b: { y: number; height: number }) => top(b) + b.height * v.zoom;
    // The other boxes are out of sight above or whole; the first place's text is whole in the
    // pane, though the place's foot may be cut.
    for (const b of boxes.slice(1)) expect(top(b) >= 16 || bottom(b) <= 0).toBe(true);
    const middle = top(first) + (first.height * v.zoom) / 2;
    expect(middle - 31 * v.zoom).toBeGreaterThanOrEqual(16);
    expect(middle + 31 * v.zoom).toBeLessThanOrEqual(500 - 16);
    // Across, a place is kept whole or centred, never cut through its name.
    expect(v.x).toBe(16);
    // Not where the centred view was, which cut the label above it.
    const centred = openingView(map, pane, 15, 12, first);
    expect(v.y).not.toBeCloseTo(centred.y);
  });
});

describe('where many links meet a place', () => {
  it('gives each its own room there: the place grows taller, the ends stay LINK_ROOM apart', async () => {
    const places = ['hub', ...'abcdefgh'.split('')].map((id) => ({ id, width: 120, height: 48 }));
    const links = 'abcdefgh'.split('').map((id, i) => ({
      id: `${id}>hub`,
      from: id,
      to: 'hub',
      journeys: 10 + i,
      label: { text: `${id}>hub`, width: 80, height: 22 },
    }));
    const layout = await layoutProcessMap(places, links);
    const hub = layout.places.get('hub')!;
    expect(hub.height).toBeGreaterThan(48);
    const ends = links
      .map((l) => layout.links.get(l.id)!.points.at(-1)!)
      .sort((a, b) => a.y - b.y || a.x - b.x);
    for (let i = 1; i < ends.length; i++) {
      const gap = Math.hypot(ends[i]!.x - ends[i - 1]!.x, ends[i]!.y - ends[i - 1]!.y);
      expect(gap).toBeGreaterThanOrEqual(LINK_ROOM - 0.5);
    }
  });
});

describe('the fewest journeys a drawn link rests on', () => {
  const drawn = (journeys: number[], max: number) => {
    const least = leastDrawn(journeys, max, 5);
    return journeys.filter((j) => j >= least).length;
  };

  it('is the weakest link when all fit, and k when there is none', () => {
    expect(leastDrawn([40, 12, 7], 100, 5)).toBe(7);
    expect(leastDrawn([], 100, 5)).toBe(5);
  });

  it('draws at most the cap, the strongest, and never cuts between links of one count', () => {
    const journeys = Array.from({ length: 768 }, (_, i) => 700 - Math.floor(i / 3));
    expect(drawn(journeys, 100)).toBeLessThanOrEqual(100);
    expect(drawn(journeys, 100)).toBeGreaterThanOrEqual(98);
    // 100 links of 9, ties at the edge: all of that count are left out.
    const ties = [...Array.from({ length: 90 }, (_, i) => 200 - i), ...Array<number>(30).fill(9)];
    expect(leastDrawn(ties, 100, 5)).toBe(10);
    expect(drawn(ties, 100)).toBe(90);
    // Exactly the cap: all of them.
    expect(drawn(ties.slice(0, 100), 100)).toBe(100);
  });

  it('draws the first hundred when more tie with the strongest (nothing else would show)', () => {
    const journeys = [...Array<number>(150).fill(6), ...Array<number>(50).fill(5)];
    const least = leastDrawn(journeys, 100, 5);
    expect(least).toBe(6);
    const links = journeys.map((j, i) => ({ id: i, journeys: j }));
    expect(drawnLinks(links, least, 100)).toEqual(links.slice(0, 100));
    // Otherwise the threshold alone decides.
    expect(drawnLinks(links, 5, 300)).toHaveLength(200);
  });
});

describe('the order the map reads in (flowOrder)', () => {
  const link = (from: string, to: string, journeys: number) => ({ from, to, journeys });
  /** The journeys on links that point backwards in an order. */
  const backwards = (order: string[], links: { from: string; to: string; journeys: number }[]) =>
    links.reduce(
      (n, l) =>
        n + (l.from !== l.to && order.indexOf(l.to) < order.indexOf(l.from) ? l.journeys : 0),
      0,
    );

  it('puts where journeys start first and where they end last, though most pass the middle', () => {
    // GP → hospital → home care (20), emergency → hospital (7): the hospital has most journeys.
    const links = [
      link('gp', 'hospital', 20),
      link('hospital', 'care', 20),
      link('er', 'hospital', 7),
    ];
    const through = (id: string) => ({ hospital: 27, gp: 20, care: 20, er: 7 })[id] ?? 0;
    const order = flowOrder(['hospital', 'care', 'gp', 'er'], links, through);
    expect(order).toEqual(['gp', 'er', 'hospital', 'care']);
    expect(backwards(order, links)).toBe(0);
  });

  it('in a cycle, draws backwards the way fewer journeys go', () => {
    const links = [link('a', 'b', 10), link('b', 'a', 3), link('b', 'c', 8), link('c', 'a', 2)];
    const order = flowOrder(['c', 'b', 'a'], links, () => 0);
    expect(order).toEqual(['a', 'b', 'c']);
    expect(backwards(order, links)).toBe(5);
  });

  it('ignores a place’s links to itself and links to places not drawn, and breaks ties the same way', () => {
    const links = [link('a', 'a', 50), link('x', 'a', 9), link('b', 'c', 4), link('c', 'b', 4)];
    const through = (id: string) => ({ b: 8, c: 6 })[id] ?? 0;
    const order = flowOrder(['c', 'b', 'a'], links, through);
    // a has no link in or out among those drawn: it goes last, as a place none leads out of.
    expect(order).toEqual(['b', 'c', 'a']);
    expect(flowOrder(['b', 'c', 'a'], links, through)).toEqual(order);
  });

  it('draws fewer journeys backwards than putting the busiest places first', () => {
    // Journeys that mostly go on (10 to the next place, 5 skipping one) and sometimes back (3).
    const ids = 'abcdefghijk'.split('');
    const links = ids.flatMap((id, i) => [
      ...(i + 1 < ids.length ? [link(id, ids[i + 1]!, 10), link(ids[i + 1]!, id, 3)] : []),
      ...(i + 2 < ids.length ? [link(id, ids[i + 2]!, 5)] : []),
    ]);
    const through = (id: string) =>
      links.reduce((n, l) => n + (l.from === id || l.to === id ? l.journeys : 0), 0);
    const busiest = [...ids].sort((a, b) => through(b) - through(a) || a.localeCompare(b));
    const order = flowOrder([...ids].reverse(), links, through);
    expect(order).toEqual(ids);
    expect(backwards(order, links)).toBe(30);
    expect(backwards(busiest, links)).toBeGreaterThan(50);
  });
});
