/**
 * The lines of the map as a person reads them: a line that runs under a card seems to pass
 * through that touchpoint, and the map tells another story («Egen læge → Lungeambulatoriet →
 * Jobcentret» where the handover went from Egen læge to Jobcentret). Measured on Karen's map
 * as opened, in the map's own coordinates, for every line and every card it does not join.
 */
import { seedKaren } from '../support/karen-journey';
import { ipc } from '../unit/helpers';
import { expect, test } from './harness';
import { waitForStillMap } from './measure';
import { JourneyPage } from './pages';

for (const screen of [
  { name: '1366×768 laptop', width: 1366, height: 768, touch: false },
  { name: '1024×768 touch screen', width: 1024, height: 768, touch: true },
]) {
  test.describe(screen.name, () => {
    test.use({ viewport: { width: screen.width, height: screen.height }, hasTouch: screen.touch });
    test('no line of the map runs under a card or over its dot, but where it leaves and enters its own', async ({
      app,
    }) => {
      const id = await seedKaren(app.handlers);
      const { call } = ipc(() => app.handlers);
      // And a line back to an earlier card in the same lane (from her doctor after the discharge
      // back to the first visit): handle to handle, its curve looped through both cards.
      const seeded = await call('journeys:get', { id });
      const named = (label: string) => seeded.touchpoints.find((t) => t.label === label)!.id;
      await call('transitions:create', {
        journeyId: id,
        sourceId: named('Egen læge, efter udskrivelse'),
        targetId: named('Egen læge'),
        kind: 'handover',
      });
      const detail = await call('journeys:get', { id });
      const lines = detail.transitions
        .filter((tr) => tr.map === 'as_is')
        .map((tr) => ({ id: tr.id, source: tr.sourceId, target: tr.targetId }));
      expect(lines.length).toBeGreaterThan(10);
      await app.open(`#/journey/${id}`);
      await new JourneyPage(app.page).waitLoaded();
      await waitForStillMap(app.page);
      const under = await app.page.evaluate((lines) => {
        const cardAt = (el: HTMLElement) => {
          // React Flow places a card by a translate in the map's coordinates; its size is unscaled.
          const m = /translate\(([-\d.]+)px,\s*([-\d.]+)px\)/.exec(el.style.transform);
          return { x: Number(m![1]), y: Number(m![2]), w: el.offsetWidth, h: el.offsetHeight };
        };
        const cards = new Map(
          // The cards, not the lanes' bands (nodes too, under everything).
          [...document.querySelectorAll<HTMLElement>('.react-flow__node')]
            .filter((el) => el.querySelector('[data-testid="touchpoint-node"]'))
            .map((el) => [el.dataset.id!, cardAt(el)]),
        );
        const found: string[] = [];
        for (const line of lines) {
          const path = document.querySelector<SVGPathElement>(
            `.react-flow__edge[data-id="${line.id}"] path.transition-path`,
          );
          if (!path) {
            found.push(`${line.id}: not drawn`);
            continue;
          }
          const length = path.getTotalLength();
          for (let d = 0; d <= length; d += 4) {
            const p = path.getPointAtLength(d);
            for (const [cardId, c] of cards) {
              // Its own two cards only where it leaves and enters them (its first and last 16 px).
              const own = cardId === line.source || cardId === line.target;
              if (own && (d < 16 || d > length - 16)) continue;
              // Nor over another card's dot (centred on its sides): it would seem to leave or
              // enter that card.
              const onDot =
                !own &&
                Math.abs(p.y - (c.y + c.h / 2)) < 7 &&
                (Math.abs(p.x - c.x) < 7 || Math.abs(p.x - (c.x + c.w)) < 7);
              if (
                onDot ||
                (p.x > c.x + 2 && p.x < c.x + c.w - 2 && p.y > c.y + 2 && p.y < c.y + c.h - 2)
              ) {
                found.push(
                  `${line.id} under ${own ? 'its own ' : ''}${cardId} at ${Math.round(p.x)},${Math.round(p.y)}`,
                );
              }
            }
          }
        }
        return [...new Set(found.map((f) => f.replace(/ at .*/, '')))];
      }, lines);
      expect(under).toEqual([]);
    });

    test('a label set aside from its line is tied to it by a short line, so it is read as that line’s', async ({
      app,
    }) => {
      const id = await seedKaren(app.handlers);
      await app.open(`#/journey/${id}`);
      await new JourneyPage(app.page).waitLoaded();
      await waitForStillMap(app.page);
      const found = await app.page.evaluate(() => {
        type P = { x: number; y: number };
        /** A path's points in the window's pixels. */
        const points = (path: SVGGeometryElement, step = 2): P[] => {
          const m = path.getScreenCTM()!;
          const length = path.getTotalLength();
          const out: P[] = [];
          for (let d = 0; d <= length; d += step) {
            const p = path.getPointAtLength(d).matrixTransform(m);
            out.push({ x: p.x, y: p.y });
          }
          return out;
        };
        const distance = (p: P, r: DOMRect) =>
          Math.hypot(
            Math.max(r.left - p.x, 0, p.x - r.right),
            Math.max(r.top - p.y, 0, p.y - r.bottom),
          );
        const out = { aside: 0, tied: 0, untied: [] as string[] };
        for (const label of document.querySelectorAll<HTMLElement>('[data-testid="edge-label"]')) {
          const edge = label.dataset.edge!;
          const line = document.querySelector<SVGPathElement>(
            `.react-flow__edge[data-id="${edge}"] path.transition-path`,
          );
          const box = label.getBoundingClientRect();
          if (!line) continue;
          const along = points(line);
          const gap = Math.min(...along.map((p) => distance(p, box)));
          if (gap <= 4) continue;
          out.aside += 1;
          const leader = document.querySelector<SVGPathElement>(
            `[data-testid="edge-leader"][data-edge="${edge}"]`,
          );
          const ends = leader ? [points(leader)[0]!, points(leader).at(-1)!] : [];
          const onLine = ends.some((e) => along.some((p) => Math.hypot(p.x - e.x, p.y - e.y) < 3));
          const inLabel = ends.some((e) => distance(e, box) < 1);
          if (leader && onLine && inLabel) out.tied += 1;
          else out.untied.push(`${label.textContent} (${Math.round(gap)} px from its line)`);
        }
        return out;
      });
      // Karen's map as opened sets some labels aside (the tight days around her admission).
      expect(found.aside).toBeGreaterThan(0);
      expect(found.untied).toEqual([]);
      expect(found.tied).toBe(found.aside);
    });
  });
}
