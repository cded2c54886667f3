/**
 * What a person sees (ENGINEERING.md, testing layer 6; PRODUCT.md "Legibility and trust"): Karen's
 * fifteen-touchpoint, eight-lane journey opened as a facilitator opens it, on a 1366×768 laptop
 * and on a 1024×768 touch screen, measured from the DOM. The thresholds are the product's, not
 * the layout's: they hold whatever the map looks like.
 */
import type { Locator } from '@playwright/test';
import type { AppHarness } from './harness';
import { expect, test } from './harness';
import {
  MOSTLY_VISIBLE,
  area,
  coverRects,
  intersect,
  mapFrame,
  labelsOnCards,
  namesUnderConnectionLabels,
  readMap,
  shareCovered,
  shareInside,
  shareSeen,
  summarise,
  waitForStillMap,
  type MapMeasure,
} from './measure';
import { JourneyPage } from './pages';
import { KAREN_TOUCHPOINTS, seedKaren } from '../support/karen-journey';
import { ipc } from '../unit/helpers';

/** On-screen text of the map, font size × zoom, as opened. */
const MIN_TEXT_PX = 12;
/** At least this many touchpoints readable without panning. */
const MIN_VISIBLE_TOUCHPOINTS = 5;
/** No touchpoint more than this share under pinned labels or overlays. */
const MAX_COVERED = 0.25;
/** A touch target's height (WCAG 2.5.5's 44 px, which the product asks for). */
const MIN_TOUCH_PX = 44;

async function openKaren(app: AppHarness): Promise<MapMeasure> {
  const id = await seedKaren(app.handlers);
  await app.open(`#/journey/${id}`);
  await new JourneyPage(app.page).waitLoaded();
  await expect(app.page.getByTestId('touchpoint-node')).toHaveCount(KAREN_TOUCHPOINTS.length);
  await waitForStillMap(app.page);
  const m = await readMap(app.page);
  // The numbers behind every verdict, in the report, so a failure says by how much.
  test.info().annotations.push({ type: 'measured', description: JSON.stringify(summarise(m)) });
  console.log(`[legibility] ${test.info().title}: ${JSON.stringify(summarise(m))}`);
  return m;
}

function textIsLargeEnough(m: MapMeasure) {
  const frame = mapFrame(m);
  const visible = m.labels.filter((l) => shareInside(l.rect, frame) > 0);
  expect(visible.length, 'touchpoint names on screen').toBeGreaterThan(0);
  const tooSmall = visible
    .map((l) => ({ text: l.text, px: Math.round(l.fontSize * m.zoom * 100) / 100 }))
    .filter((l) => l.px < MIN_TEXT_PX);
  expect(tooSmall, `text below ${MIN_TEXT_PX} px on screen (font size × zoom ${m.zoom})`).toEqual(
    [],
  );
}

function enoughTouchpointsVisible(m: MapMeasure) {
  const visible = m.nodes.filter((n) => shareSeen(n.rect, m) >= MOSTLY_VISIBLE);
  expect(
    visible.length,
    `touchpoints at least ${MOSTLY_VISIBLE * 100} % inside the map and uncovered: ${visible.map((n) => n.text).join(' | ')}`,
  ).toBeGreaterThanOrEqual(MIN_VISIBLE_TOUCHPOINTS);
}

function nothingHidden(m: MapMeasure) {
  const covers = coverRects(m);
  const hidden = m.nodes
    .map((n) => ({ text: n.text, covered: Math.round(shareCovered(n.rect, covers) * 100) / 100 }))
    .filter((n) => n.covered > MAX_COVERED);
  expect(hidden, 'touchpoints more than a quarter under lane names, minimap or controls').toEqual(
    [],
  );
}

function namesClearOfConnectionLabels(m: MapMeasure) {
  expect(namesUnderConnectionLabels(m), "touchpoint names drawn into a connection's label").toEqual(
    [],
  );
}

/** Labels of connections closer to each other than this (px on screen) read as one block. */
const MIN_LABEL_GAP_PX = 3;

function connectionLabelsApart(m: MapMeasure) {
  const frame = mapFrame(m);
  const shown = m.edgeLabels.filter((l) => shareInside(l.rect, frame) > 0);
  expect(shown.length, 'connection labels on screen').toBeGreaterThan(3);
  const close: string[] = [];
  for (let i = 0; i < shown.length; i++) {
    for (let j = i + 1; j < shown.length; j++) {
      const a = shown[i]!.rect;
      const b = shown[j]!.rect;
      // The gap between the two boxes, across and along (negative where they overlap).
      const gapX = Math.max(a.x - (b.x + b.width), b.x - (a.x + a.width));
      const gapY = Math.max(a.y - (b.y + b.height), b.y - (a.y + a.height));
      if (Math.max(gapX, gapY) < MIN_LABEL_GAP_PX) {
        close.push(`${shown[i]!.text} / ${shown[j]!.text}: ${Math.max(gapX, gapY).toFixed(1)} px`);
      }
    }
  }
  expect(close, `connection labels closer than ${MIN_LABEL_GAP_PX} px`).toEqual([]);
}

function mapShare(m: MapMeasure, min: number) {
  const share = area(mapFrame(m)) / area(m.window);
  expect(m.canvas, 'the map element [data-testid="canvas"]').not.toBeNull();
  expect(share, "the map's share of the window").toBeGreaterThanOrEqual(min);
}

function laneNamesReadable(m: MapMeasure) {
  expect(m.laneNames.length, 'lane names shown').toBeGreaterThanOrEqual(8);
  const overlaps: string[] = [];
  for (let i = 0; i < m.laneNames.length; i++) {
    for (let j = i + 1; j < m.laneNames.length; j++) {
      const a = m.laneNames[i]!;
      const b = m.laneNames[j]!;
      if (area(intersect(a.rect, b.rect)) > 1) overlaps.push(`${a.text} / ${b.text}`);
    }
  }
  expect(overlaps, 'lane names drawn over each other').toEqual([]);
  const clipped = m.laneNames
    .filter((n) => n.scrollHeight > n.clientHeight + 1 || n.scrollWidth > n.clientWidth + 1)
    .map(
      (n) =>
        `${n.text}: content ${n.scrollWidth}×${n.scrollHeight} in ${n.clientWidth}×${n.clientHeight}`,
    );
  expect(clipped, 'lane names cut off').toEqual([]);
  // As opened, the top edge of the map is a lane's edge: no lane shows as a nameless strip there.
  const column = m.laneColumn;
  expect(column, 'the lane names’ column').not.toBeNull();
  const slivers = m.laneNames
    .filter((n) => n.rect.y < column!.y - 1 && n.rect.y + n.rect.height > column!.y + 1)
    .map((n) => `${n.text}: ${Math.round(n.rect.y + n.rect.height - column!.y)} px seen`);
  expect(slivers, 'a lane cut by the top of the map').toEqual([]);
}

/**
 * The same measures on both screens the people at the table use; the touch screen also checks
 * that it is seen as one, and that every card is big enough for a finger.
 */
/** Cards whose names take two lines, in a journey that crosses New Year (see the test). */
const HARD_CARDS: {
  label: string;
  sector: 'hospital' | 'general_practice' | 'municipal_care' | 'emergency' | 'social_services';
  contactType:
    | 'letter'
    | 'test'
    | 'outpatient_visit'
    | 'emergency_visit'
    | 'gp_visit'
    | 'home_visit'
    | 'life_event';
  date: string;
  emotion?: -2 | -1 | 0 | 1 | 2;
  repetitions?: number;
  pains?: number;
}[] = [
  {
    label: 'Kommunen, brev om hjælpemidler',
    sector: 'social_services',
    contactType: 'letter',
    date: '2025-11-28',
    pains: 12,
  },
  {
    label: 'Medicinsk afdeling, blodprøver',
    sector: 'hospital',
    contactType: 'test',
    date: '2025-12',
    emotion: -1,
    pains: 3,
    repetitions: 12,
  },
  {
    label: 'Lungeambulatoriet, kontrol',
    sector: 'hospital',
    contactType: 'outpatient_visit',
    date: '2025-12-19',
    pains: 12,
    repetitions: 40,
  },
  {
    label: 'Akutmodtagelsen, Nykøbing F.',
    sector: 'emergency',
    contactType: 'emergency_visit',
    date: '2026-01-02',
    emotion: -2,
    pains: 12,
  },
  {
    label: 'Egen læge, efter udskrivelse',
    sector: 'general_practice',
    contactType: 'gp_visit',
    date: '2026-01-14',
    pains: 12,
    repetitions: 12,
  },
  {
    label: 'Hjemmeplejen, morgen og aften',
    sector: 'municipal_care',
    contactType: 'home_visit',
    date: '2026-02',
    emotion: 1,
    repetitions: 400,
  },
  {
    label: 'Datteren flytter til Aarhus',
    sector: 'social_services',
    contactType: 'life_event',
    date: '2026-02-21',
  },
];

/** Each card's name and the line under it, as drawn: whether the name takes one line, whether the line is cut or sticks out. */
function readCardLines(app: AppHarness) {
  return app.page
    .evaluate(() => document.fonts.ready)
    .then(() =>
      app.page.getByTestId('touchpoint-node').evaluateAll((nodes) =>
        nodes.map((n) => {
          const name = n.querySelector<HTMLElement>('[data-testid="touchpoint-label"]')!;
          const meta = n.querySelector<HTMLElement>('.tp-meta');
          const lineHeight = parseFloat(getComputedStyle(name).lineHeight);
          return {
            name: name.textContent ?? '',
            oneLine: name.offsetHeight < 1.5 * lineHeight,
            meta: meta?.textContent ?? '',
            cut:
              !!meta &&
              (meta.scrollWidth > meta.clientWidth + 1 ||
                meta.scrollHeight > meta.clientHeight + 1),
            inside:
              !meta || meta.getBoundingClientRect().bottom <= n.getBoundingClientRect().bottom,
          };
        }),
      ),
    );
}
const cutCardLines = (cards: Awaited<ReturnType<typeof readCardLines>>) =>
  cards.filter((c) => c.meta && (c.cut || !c.inside)).map((c) => `${c.name}: ${c.meta}`);

const SCREENS = [
  { name: '1366×768 laptop (mouse)', width: 1366, height: 768, touch: false, minShare: 0.55 },
  { name: '1024×768 touch screen', width: 1024, height: 768, touch: true, minShare: 0.45 },
] as const;

test.describe('legibility: the typeface', () => {
  test.use({ viewport: { width: 1366, height: 768 } });

  test('the bundled low-vision typeface is loaded and used', async ({ app }) => {
    await openKaren(app);
    const font = await app.page.evaluate(async () => {
      await document.fonts.ready;
      const faces = [...document.fonts].filter(
        (f) => f.family.replace(/["']/g, '') === 'Atkinson Hyperlegible',
      );
      return {
        check: document.fonts.check('16px "Atkinson Hyperlegible"'),
        checkBold: document.fonts.check('bold 16px "Atkinson Hyperlegible"'),
        loadedWeights: [
          ...new Set(faces.filter((f) => f.status === 'loaded').map((f) => f.weight)),
        ].sort(),
        label: getComputedStyle(document.querySelector('[data-testid="touchpoint-label"]')!)
          .fontFamily,
      };
    });
    // check() alone is also true for a family the page never declared: require the faces too.
    expect(font.loadedWeights).toEqual(expect.arrayContaining(['400', '700']));
    expect(font.check).toBe(true);
    expect(font.checkBold).toBe(true);
    expect(font.label).toMatch(/^["']?Atkinson Hyperlegible["']?,/);
  });
});

for (const screen of SCREENS) {
  test.describe(`legibility on a ${screen.name}`, () => {
    // hasTouch makes Chromium report a touch screen, so `(pointer: coarse)` matches (checked below).
    test.use({
      viewport: { width: screen.width, height: screen.height },
      hasTouch: screen.touch,
    });

    test('the page sees the pointer it has', async ({ app }) => {
      expect((await openKaren(app)).coarsePointer).toBe(screen.touch);
    });

    test(`touchpoint text is at least ${MIN_TEXT_PX} px on screen as opened`, async ({ app }) => {
      textIsLargeEnough(await openKaren(app));
    });

    test(`at least ${MIN_VISIBLE_TOUCHPOINTS} touchpoints are visible as opened`, async ({
      app,
    }) => {
      enoughTouchpointsVisible(await openKaren(app));
    });

    test('no touchpoint hides under lane names or overlays', async ({ app }) => {
      nothingHidden(await openKaren(app));
    });

    test("no touchpoint name collides with a connection's label", async ({ app }) => {
      namesClearOfConnectionLabels(await openKaren(app));
    });

    test("connections' labels stand apart, never edge to edge", async ({ app }) => {
      connectionLabelsApart(await openKaren(app));
    });

    test('the date and kind of contact are whole on every card', async ({ app }) => {
      await openKaren(app);
      const cards = await readCardLines(app);
      expect(cards.filter((c) => c.oneLine && c.meta).length, 'one-line names').toBeGreaterThan(3);
      expect(cards.filter((c) => !c.oneLine && c.meta).length, 'two-line names').toBeGreaterThan(3);
      // Under a two-line name they have one line: said shorter ("3. feb. · Lægebesøg"), not cut.
      await expect
        .poll(async () => cutCardLines(await readCardLines(app)), {
          message: 'date and kind cut short on a card',
        })
        .toEqual([]);
      // Every card writes its day the same way, in words ("3. feb."): a map that read
      // "05-01-2026" on one card and "3. feb." on the next looked like two kinds of date.
      const final = await readCardLines(app);
      const numeric = final.filter((c) => /\d{1,2}-\d{1,2}-\d{4}/.test(c.meta));
      expect(numeric.map((c) => `${c.name}: ${c.meta}`)).toEqual([]);
      expect(
        final.filter((c) => /^\d{1,2}\. [a-zæøå]+\.?(?: \d{4})? ·/.test(c.meta)).length,
      ).toBeGreaterThan(5);
    });

    for (const language of ['da', 'en'] as const) {
      test(`hard cards keep their date and kind whole too (${language})`, async ({ app }) => {
        // Wide pain marks (⚠ 12), no face, the longest kinds, counts, months, and a journey
        // across New Year (where the year must stay on the card).
        const { call } = ipc(() => app.handlers);
        await call('settings:set', { language });
        const journey = await call('journeys:create', { alias: 'Svære kort' });
        for (const [i, c] of HARD_CARDS.entries()) {
          const tp = await call('touchpoints:create', {
            journeyId: journey.id,
            label: c.label,
            sector: c.sector,
            contactType: c.contactType,
            x: i * 270,
            y: 0,
          });
          await call('touchpoints:update', {
            id: tp.id,
            patch: {
              date: c.date,
              ...(c.emotion !== undefined && { emotion: c.emotion }),
              ...(c.repetitions !== undefined && { repetitions: c.repetitions }),
            },
          });
          for (let p = 0; p < (c.pains ?? 0); p++) {
            await call('painPoints:create', { touchpointId: tp.id, category: 'waiting', text: '' });
          }
        }
        await app.open(`#/journey/${journey.id}`);
        await new JourneyPage(app.page).waitLoaded();
        await expect(app.page.getByTestId('touchpoint-node')).toHaveCount(HARD_CARDS.length);
        await waitForStillMap(app.page);
        const cards = await readCardLines(app);
        expect(cards.filter((c) => !c.oneLine).length, 'two-line names').toBeGreaterThan(5);
        await expect
          .poll(async () => cutCardLines(await readCardLines(app)), {
            message: 'date and kind cut short on a card',
          })
          .toEqual([]);
        // The year stays where the journey spans two: no card says a day without one.
        const lines = (await readCardLines(app)).map((c) => c.meta);
        const dayWithoutYear =
          language === 'da'
            ? /\b\d{1,2}\. [a-zæøå]{3}\.(?! \d)/
            : /\b\d{1,2} [A-Z][a-z]{2,3}\b(?! \d)/;
        expect(lines.filter((l) => dayWithoutYear.test(l))).toEqual([]);
      });
    }

    test("no connection's label lies on a touchpoint's card", async ({ app }) => {
      expect(labelsOnCards(await openKaren(app)), "connection labels on a card's box").toEqual([]);
    });

    test(`the map gets at least ${Math.round(screen.minShare * 100)} % of the window`, async ({
      app,
    }) => {
      mapShare(await openKaren(app), screen.minShare);
    });

    if (screen.touch) {
      test(`every touchpoint is at least ${MIN_TOUCH_PX} px tall to the finger`, async ({
        app,
      }) => {
        const m = await openKaren(app);
        const small = m.nodes
          .filter((n) => n.rect.height < MIN_TOUCH_PX)
          .map((n) => `${n.text}: ${Math.round(n.rect.height * 10) / 10} px`);
        expect(small, 'touchpoints too small to touch').toEqual([]);
      });
    }

    test('lane names are whole and apart', async ({ app }) => {
      laneNamesReadable(await openKaren(app));
    });

    test('the zoom buttons are 44 px targets, by mouse too', async ({ app }) => {
      await openKaren(app);
      const buttons = app.page.locator('.zoom-button');
      await expect(buttons).toHaveCount(3);
      for (const box of await Promise.all((await buttons.all()).map((b) => b.boundingBox()))) {
        expect(box!.height).toBeGreaterThanOrEqual(44);
        expect(box!.width).toBeGreaterThanOrEqual(44);
      }
    });

    test("the citizen's own lane is in view as opened, above the journey's lanes", async ({
      app,
    }) => {
      await openKaren(app);
      const pane = (await app.page.locator('.canvas-flow').boundingBox())!;
      const lanes = app.page.getByTestId('lane-label');
      // Every lane down to the last is whole in the pane: none hidden above it for a pad's sake
      // (the map opened on the second lane, with the citizen's out of view and room left below).
      for (const lane of [lanes.first(), lanes.last()]) {
        await expect
          .poll(
            async () => {
              const box = (await lane.boundingBox())!;
              return box.y >= pane.y - 1 && box.y + box.height <= pane.y + pane.height + 1;
            },
            `${await lane.textContent()} whole in the pane`,
          )
          .toBe(true);
      }
      await expect(lanes.first()).toHaveText(/Borger/);
    });

    test('both maps show only lanes in use, and a map cut off says so and moves on', async ({
      app,
    }) => {
      const id = await seedKaren(app.handlers, { toBe: true });
      await app.open(`#/journey/${id}`);
      await new JourneyPage(app.page).waitLoaded();
      // A lane no card uses, shown again on the map (as one is to drop a card in): the two maps
      // one above the other leave it out all the same.
      const more = app.page.getByTestId('more-menu-button');
      await more.click();
      await app.page.getByTestId('lane-toggle-other').check();
      await more.click();
      await app.page.locator('label', { has: app.page.getByTestId('map-both') }).click();
      const used = KAREN_TOUCHPOINTS.map((tp) => tp.sector as string);
      const lanesOf = (pane: Locator) =>
        pane
          .getByTestId('lane-label')
          .evaluateAll((els) => els.map((e) => e.getAttribute('data-sector')));
      const asIs = app.page.getByTestId('compare-as_is');
      const toBe = app.page.getByTestId('compare-to_be');
      await expect(asIs.getByTestId('lane-label')).toHaveCount(new Set(used).size);
      const shown = await lanesOf(asIs);
      expect(
        shown.filter((s) => !used.includes(s!)),
        'lanes without a card',
      ).toEqual([]);
      expect(await lanesOf(toBe), 'the same lanes in both maps').toEqual(shown);

      for (const pane of [asIs, toBe]) {
        const flow = (await pane.locator('.canvas-flow').boundingBox())!;
        const whole = (lane: Locator) => async () => {
          const r = (await lane.boundingBox())!;
          return r.y >= flow.y - 1 && r.y + r.height <= flow.y + flow.height + 1;
        };
        const below = pane.getByTestId('more-lanes-below');
        const above = pane.getByTestId('more-lanes-above');
        await expect(below).toBeVisible();
        const place = (await below.boundingBox())!;
        // Beside the title, never on the map, and big enough for a finger.
        expect(place.y + place.height, 'the button above the map').toBeLessThanOrEqual(flow.y + 1);
        expect(place.height, 'a touch target').toBeGreaterThanOrEqual(MIN_TOUCH_PX);
        // Pressed where it first stood, again and again, until it has nothing more to show.
        for (let press = 0; press < shown.length; press++) {
          if ((await below.getAttribute('aria-disabled')) === 'true') break;
          expect(await below.boundingBox(), 'the button stays where it was').toEqual(place);
          await below.click();
        }
        await expect(below).toHaveAttribute('aria-disabled', 'true');
        await expect(below).toBeFocused();
        await expect
          .poll(whole(pane.getByTestId('lane-label').last()), 'the last lane whole in the pane')
          .toBe(true);
        // And back up to the first lane.
        for (let press = 0; press < shown.length; press++) {
          if ((await above.getAttribute('aria-disabled')) === 'true') break;
          await above.click();
        }
        await expect(above).toHaveAttribute('aria-disabled', 'true');
        await expect
          .poll(whole(pane.getByTestId('lane-label').first()), 'the first lane whole in the pane')
          .toBe(true);
      }

      // A window tall enough for every lane: nothing to move, so no buttons.
      await app.page.setViewportSize({ width: screen.width, height: 2000 });
      await expect(asIs.getByTestId('more-lanes-below')).toHaveCount(0);
    });

    test('the «Mere» menu says it has more below, and shows the rest', async ({ app }) => {
      await openKaren(app);
      await app.page.getByTestId('more-menu-button').click();
      const body = app.page.getByTestId('more-menu').locator('.menu-body');
      const scroller = body.locator('.menu-scroll');
      const cue = app.page.getByTestId('menu-more-below');
      const last = app.page.getByTestId('lane-toggle-other');
      const frame = (await body.boundingBox())!;
      expect(frame.y + frame.height, 'the menu within the window').toBeLessThanOrEqual(
        screen.height,
      );
      // Eleven lanes do not fit under the actions in 768 px: the menu scrolls, and says so.
      expect(await scroller.evaluate((el) => el.scrollHeight > el.clientHeight + 1)).toBe(true);
      await expect(cue).toBeVisible();
      await expect(last).not.toBeInViewport({ ratio: 1 });
      const place = (await cue.boundingBox())!;
      expect(place.y, 'the words at the menu’s foot').toBeGreaterThan(frame.y + frame.height / 2);
      expect(place.y + place.height).toBeLessThanOrEqual(frame.y + frame.height + 1);
      expect(place.height, 'a touch target').toBeGreaterThanOrEqual(MIN_TOUCH_PX);
      const size = await cue.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      expect(size, 'words read from arm’s length').toBeGreaterThanOrEqual(16);
      // Pressed until the menu's end is in view: then the words go, and nothing lies on the
      // last lane.
      for (let press = 0; press < 10 && (await cue.isVisible()); press++) {
        const before = await scroller.evaluate((el) => el.scrollTop);
        // Listening before the press: each press's scroll is let finish before the next look.
        const ended = scroller.evaluate(
          (el) =>
            new Promise<void>((done) =>
              el.addEventListener('scrollend', () => done(), { once: true }),
            ),
        );
        if (screen.touch) await cue.tap();
        else await cue.click();
        await ended;
        // On, or at the end, where the words go and their room stays (nothing moves).
        const after = await scroller.evaluate((el) => el.scrollTop);
        expect(after > before || !(await cue.isVisible()), 'the menu scrolls on').toBe(true);
      }
      await expect(cue).toBeHidden();
      await expect(last).toBeInViewport({ ratio: 1 });
      // Scrolled back up, it says so again.
      await scroller.evaluate((el) => el.scrollTo({ top: 0 }));
      await expect(cue).toBeVisible();
      // Tab goes through the menu, and what it reaches is never under the words (WCAG 2.4.11).
      await app.page.getByTestId('fullscreen-menu').focus();
      const hidden: string[] = [];
      for (let press = 0; press < 30; press++) {
        const where = await app.page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el?.closest('.menu-scroll')) return null;
          const r = el.getBoundingClientRect();
          const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
          return { name: el.dataset.testid ?? el.tagName, seen: !!hit && el.contains(hit) };
        });
        if (!where) break;
        if (!where.seen) hidden.push(where.name);
        await app.page.keyboard.press('Tab');
      }
      expect(hidden, 'focused choices hidden under the words').toEqual([]);
    });
  });
}
