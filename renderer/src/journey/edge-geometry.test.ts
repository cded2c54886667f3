import { Position } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import {
  anchorsBetween,
  curveBetween,
  edgeAnchors,
  labelCentre,
  labelPoint,
  labelSize,
  placeLabels,
  type Rect,
  lineBetween,
} from './edge-geometry';
import { LANE_HEIGHT, NODE_HEIGHT, NODE_TOP_PADDING, NODE_WIDTH } from './lanes';

const card = (x: number, y: number) => ({ x, y, width: 220, height: 64 });

describe('where lines meet the cards', () => {
  it('goes right to left when the next card stands to the right', () => {
    expect(edgeAnchors(card(0, 0), card(300, 0))).toBeNull();
  });
  it('goes down from the side to the top when the next card overlaps in x, lower down', () => {
    const [from, to] = edgeAnchors(card(0, 0), card(110, 152))!;
    expect(from.position).toBe(Position.Right);
    expect(to).toMatchObject({ position: Position.Top, y: 152 });
  });
  it('goes up from the top to the bottom when the next card is above, nearly straight over', () => {
    const [from, to] = edgeAnchors(card(100, 200), card(0, 0))!;
    expect(from).toMatchObject({ position: Position.Top, y: 200 });
    expect(to).toMatchObject({ position: Position.Bottom, y: 64 });
  });
});

describe("a connection's label", () => {
  it('sits in the middle of its line when nothing is in the way', () => {
    const { at } = curveBetween(
      { x: 0, y: 0, position: Position.Right },
      { x: 200, y: 0, position: Position.Left },
    );
    expect(labelPoint(at, { width: 60, height: 20 }, [])).toEqual(at(0.5));
  });
  it('moves along its line to hide no card', () => {
    const { at } = curveBetween(
      { x: 0, y: 0, position: Position.Bottom },
      { x: 0, y: 400, position: Position.Top },
    );
    const inTheMiddle = { x: -110, y: 170, width: 220, height: 64 };
    const p = labelPoint(at, { width: 100, height: 22 }, [inTheMiddle]);
    expect(p.y + 11 <= 170 || p.y - 11 >= 234).toBe(true);
  });
  it('is estimated generously and wraps past its widest', () => {
    expect(labelSize('Brudt').width).toBeGreaterThan(50);
    expect(labelSize('Blandet · 18 dage · henvisning').height).toBeGreaterThan(30);
  });
});

type Line = { id: string; source: Rect; target: Rect; text: string };

/** Where a placed label stands, as a box, and the point on its line it belongs to. */
function placedBox(l: Line, along: ReturnType<typeof placeLabels>) {
  const [s, e] = anchorsBetween(l.source, l.target);
  const { at } = curveBetween(s, e);
  const place = along.get(l.id)!;
  const p = labelCentre(at, place);
  const size = labelSize(l.text);
  return {
    box: { x: p.x - size.width / 2, y: p.y - size.height / 2, ...size },
    onLine: at(place.t),
    p,
  };
}

const overlaps = (r: Rect, q: Rect) =>
  Math.min(r.x + r.width, q.x + q.width) - Math.max(r.x, q.x) > 0 &&
  Math.min(r.y + r.height, q.y + q.height) - Math.max(r.y, q.y) > 0;

describe('labels placed for the whole map', () => {
  it('keep two labels apart where two long lines cross', () => {
    // Two cards of one day in two lanes, each with a line to a card far on in the other lane:
    // the lines cross in the middle, where both labels would like to sit.
    const a = card(0, 0);
    const b = card(0, 152);
    const c = card(900, 0);
    const d = card(900, 152);
    const lines = [
      { id: 'ad', source: a, target: d, text: 'Brudt · 17 dage' },
      { id: 'bc', source: b, target: c, text: 'Blandet · 3 dage' },
    ];
    const along = placeLabels(lines, [a, b, c, d]);
    const [r, q] = lines.map((l) => placedBox(l, along).box);
    expect(overlaps(r!, q!)).toBe(false);
  });

  it('stand beside two cards of one day, one over the other, rather than on either', () => {
    // The line between them is a few pixels long: no place on it is clear.
    const top = card(0, 0);
    const below = card(0, 72);
    const right = card(300, 36);
    const lines = [
      { id: 'down', source: top, target: below, text: 'Blandet' },
      { id: 'on', source: below, target: right, text: 'Brudt · 17 dage' },
    ];
    const cards = [top, below, right];
    const along = placeLabels(lines, cards);
    for (const l of lines) {
      const { box, onLine, p } = placedBox(l, along);
      for (const c of cards) expect(overlaps(box, c), `${l.text} on a card`).toBe(false);
      // And near its line: no farther than the placement ever steps aside.
      expect(Math.hypot(p.x - onLine.x, p.y - onLine.y)).toBeLessThanOrEqual(160);
    }
  });
});

describe('a line between two cards, with the other cards of the map', () => {
  const card = (x: number, lane: number) => ({
    x,
    y: lane * LANE_HEIGHT + NODE_TOP_PADDING,
    width: NODE_WIDTH,
    height: NODE_HEIGHT,
  });
  const inside = (p: { x: number; y: number }, c: ReturnType<typeof card>) =>
    p.x > c.x + 1 && p.x < c.x + c.width - 1 && p.y > c.y + 1 && p.y < c.y + c.height - 1;
  const points = (at: (t: number) => { x: number; y: number }) =>
    Array.from({ length: 401 }, (_, i) => at(i / 400));

  it('stays a curve where nothing stands in its way', () => {
    const a = card(0, 0);
    const b = card(360, 2);
    const line = lineBetween(a, b, [a, b, card(720, 1)]);
    expect(line.path).toContain('C');
  });

  it('goes round a card that its curve would pass under, so it seems to pass through none', () => {
    // Karen's map: from her doctor (lane 1) past the hospital card (lane 2) to the job centre
    // (lane 5), and a side-to-top line over a card in a lane between.
    const cases = [
      { a: card(0, 1), b: card(760, 5), between: [card(380, 2), card(560, 4)] },
      { a: card(0, 1), b: card(110, 7), between: [card(220, 3)] },
      { a: card(0, 0), b: card(1100, 0), between: [card(360, 0), card(720, 0)] },
      // Karen's «Egen læge, efter udskrivelse» to «Jobcentret»: no one gap runs all the way
      // down, so it must zig-zag through the gaps lane by lane.
      {
        a: card(222, 0),
        b: card(584, 5),
        between: [card(0, 1), card(365, 1), card(0, 2), card(111, 3), card(473, 3), card(693, 4)],
      },
    ];
    for (const { a, b, between } of cases) {
      const before = curveBetween(...anchorsBetween(a, b));
      expect(
        points(before.at).some((p) => between.some((c) => inside(p, c))),
        'the curve alone passes under a card',
      ).toBe(true);
      const line = lineBetween(a, b, [a, b, ...between]);
      const under = points(line.at).filter((p) => between.some((c) => inside(p, c)));
      expect(under, JSON.stringify(line.path)).toEqual([]);
      // Nor under its own two cards, beyond where it leaves and enters them.
      const own = points(line.at)
        .slice(8, -8)
        .filter((p) => inside(p, a) || inside(p, b));
      expect(own).toEqual([]);
    }
  });
  it('goes back to a card on its left in the same row under the cards, not through them', () => {
    const cases = [
      // Next to each other, and with a card between.
      { a: card(400, 1), b: card(100, 1), between: [card(400, 3)] },
      { a: card(900, 2), b: card(100, 2), between: [card(500, 2), card(500, 3)] },
    ];
    for (const { a, b, between } of cases) {
      const before = curveBetween(...anchorsBetween(a, b));
      expect(
        points(before.at)
          .slice(8, -8)
          .some((p) => inside(p, a) || inside(p, b)),
        'the curve alone loops through its own cards',
      ).toBe(true);
      const line = lineBetween(a, b, [a, b, ...between]);
      const under = points(line.at).filter((p) => [a, b, ...between].some((c) => inside(p, c)));
      expect(under, line.path).toEqual([]);
      // It enters the target from below, going up into it.
      expect(line.at(1).y).toBeCloseTo(b.y + b.height);
      expect(line.at(0.98).y).toBeGreaterThan(line.at(1).y);
    }
  });

  it('leaves its card going away from it and enters the target going into it (the arrow)', () => {
    const centre = (c: ReturnType<typeof card>) => ({
      x: c.x + c.width / 2,
      y: c.y + c.height / 2,
    });
    const far = (p: { x: number; y: number }, c: ReturnType<typeof card>) =>
      Math.hypot(p.x - centre(c).x, p.y - centre(c).y);
    const cases = [
      { a: card(0, 2), b: card(110, 0), between: [card(220, 1)] },
      { a: card(0, 0), b: card(110, 3), between: [card(250, 1)] },
      { a: card(0, 1), b: card(110, 7), between: [card(220, 3)] },
    ];
    for (const { a, b, between } of cases) {
      const line = lineBetween(a, b, [a, b, ...between]);
      expect(far(line.at(1), b), line.path).toBeLessThan(far(line.at(0.97), b));
      expect(far(line.at(0.03), a), line.path).toBeGreaterThan(far(line.at(0), a));
      expect(points(line.at).filter((p) => between.some((c) => inside(p, c)))).toEqual([]);
    }
  });
});

describe('a journey of thousands of cards', () => {
  /** A crowded map: three cards a day over nine lanes, lines forward and a fifth of them back. */
  const journey = (n: number) => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const cards: Rect[] = Array.from({ length: n }, (_, i) => ({
      x: Math.floor(i / 3) * (NODE_WIDTH + 40) + Math.floor(rnd() * 60),
      y: Math.floor(rnd() * 9) * LANE_HEIGHT + NODE_TOP_PADDING,
      width: NODE_WIDTH,
      height: NODE_HEIGHT,
      id: `t${i}`,
    }));
    const lines = cards.slice(1).map((c, i) => ({
      id: `e${i}`,
      source: cards[rnd() < 0.2 ? Math.max(0, i - 4) : i]!,
      target: c,
      text: rnd() < 0.5 ? 'Brudt · 14 dage' : 'God',
    }));
    return { cards, lines };
  };
  /** The quickest of two runs of laying out every label and drawing every line. */
  const layoutTime = (n: number) => {
    const { cards, lines } = journey(n);
    let best = Infinity;
    for (let run = 0; run < 2; run++) {
      const t0 = performance.now();
      placeLabels(lines, cards);
      for (const l of lines) lineBetween(l.source, l.target, cards);
      best = Math.min(best, performance.now() - t0);
    }
    return best;
  };

  it('lays out in time that grows with the lines, not with lines times cards', () => {
    // Every line used to look at every card: four times the cards took sixteen times as long
    // (10,000 cards: 12 s to place the labels and 9 s more to draw the lines).
    const small = layoutTime(1500);
    const large = layoutTime(6000);
    expect(large / small).toBeLessThan(9);
  }, 60_000);
});
