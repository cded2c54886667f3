/**
 * The process map as program staff open it (ENGINEERING.md, testing layer 6): 60 generated models
 * whose sector and contact-type levels both have many links, on a 1366×768 laptop and a
 * 1024×768 touch screen. Measured from the DOM — on-screen text size (font size × the map's
 * zoom), label boxes, where the map starts — and the downloaded picture decoded and sampled.
 */
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { modelOf } from '../support/generate-models';
import { importModels, programModels } from '../support/program-models';
import { expect, test, type AppHarness } from './harness';
import { intersect, mapFrame, readMap, shareInside, type Rect } from './measure';
import { ProgramPage } from './program-page';

/**
 * Least on-screen text (px) as opened, by level: PRODUCT.md's 12 px at both (the issue allowed
 * 11 at the contact level; the map opens at 12 there too).
 */
const MIN_TEXT = { sector: 12, contact: 12 } as const;
/** The most links the map draws (`MAX_LINKS` in renderer/src/program/process-layout.ts). */
const MAX_LINKS = 100;
/** The map must get at least this much of the window's height above the fold. */
const MIN_MAP_SEEN_PX = 300;

async function openMap(app: AppHarness, models = 60): Promise<ProgramPage> {
  await importModels(app.handlers, programModels(models, 7, 20));
  await app.open('#/program');
  const program = new ProgramPage(app.page);
  await program.openTab('processMap');
  await program.mapReady();
  return program;
}

/** The map's texts and boxes as on screen now. */
function readProcessMap(page: Page) {
  return page.evaluate(() => {
    const rectOf = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    };
    const texts = [
      ...document.querySelectorAll(
        '[data-testid="process-map"] .pm-place-name, [data-testid="process-map"] .pm-place-line, [data-testid="process-edge-label"]',
      ),
    ].map((el) => ({
      text: (el.textContent ?? '').trim(),
      fontSize: parseFloat(getComputedStyle(el).fontSize),
      rect: rectOf(el),
      // Text wider than its box would be cut or wrapped: the layout measured it wrongly.
      overflows: el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1,
    }));
    const map = document.querySelector('[data-testid="process-map"]')!;
    // What of the page can be seen: the scrolling area the map is in (not the status bar).
    let scroller = map.parentElement;
    while (scroller && !/(auto|scroll)/.test(getComputedStyle(scroller).overflowY))
      scroller = scroller.parentElement;
    return {
      map: rectOf(map),
      page: scroller ? rectOf(scroller) : null,
      texts,
      labels: [...document.querySelectorAll('[data-testid="process-edge-label"]')].map((el) => ({
        text: (el.textContent ?? '').trim(),
        rect: rectOf(el),
      })),
      places: [...document.querySelectorAll('[data-testid="process-place"]')].map((el) => ({
        text: (el.textContent ?? '').trim(),
        rect: rectOf(el),
      })),
      arrows: [...document.querySelectorAll('[data-testid="process-arrow"]')].map((el, i) => ({
        text: `arrowhead ${i + 1}`,
        rect: rectOf(el),
      })),
      links: [...document.querySelectorAll('.react-flow__edge')].map((el) => ({
        name: el.getAttribute('aria-label') ?? '',
        role: el.getAttribute('role'),
        roleDescription: el.getAttribute('aria-roledescription'),
      })),
    };
  });
}

/** Pairs of boxes that overlap by more than a rounding pixel. */
function overlapping<T extends { text: string; rect: Rect }>(a: T[], b: T[] = a) {
  const hits: string[] = [];
  a.forEach((x, i) =>
    b.forEach((y, j) => {
      if (a === b && j <= i) return;
      const both = intersect(x.rect, y.rect);
      if (both && both.width > 1 && both.height > 1) hits.push(`${x.text} × ${y.text}`);
    }),
  );
  return hits;
}

/**
 * `uncut`: whether no place or label may be cut by the map's top or left edge as opened. The map
 * moves the least way to such a view (process-layout.ts, unit-tested); a dense map in a short
 * pane may have none that keeps its first place whole, and then keeps that place's text in sight
 * (its foot or head may be cut) or, failing that, opens centred on it.
 */
async function checkLegible(page: Page, level: 'sector' | 'contact', uncut = true) {
  const m = await readMap(page);
  const pm = await readProcessMap(page);
  const frame = mapFrame(m);
  const onScreen = pm.texts.filter((t) => shareInside(t.rect, frame) > 0);
  const sizes = onScreen.map((t) => t.fontSize * m.zoom);
  const summary = {
    level,
    window: `${m.window.width}×${m.window.height}`,
    zoom: Math.round(m.zoom * 1000) / 1000,
    mapTop: Math.round(pm.map.y),
    mapSeen: Math.round(intersect(intersect(pm.map, m.window), pm.page ?? m.window)?.height ?? 0),
    places: pm.places.length,
    links: pm.links.length,
    textsOnScreen: onScreen.length,
    smallestText: Math.round(Math.min(...sizes) * 100) / 100,
  };
  console.log(`[program-map] ${JSON.stringify(summary)}`);
  test.info().annotations.push({ type: 'measured', description: JSON.stringify(summary) });

  // The map starts above the fold and most of it is in the window.
  expect(pm.map.y).toBeLessThan(m.window.height);
  expect(summary.mapSeen).toBeGreaterThanOrEqual(MIN_MAP_SEEN_PX);
  // Every text on screen at least the level's size, as opened.
  expect(onScreen.length).toBeGreaterThan(5);
  const tooSmall = onScreen
    .map((t) => ({ text: t.text, px: Math.round(t.fontSize * m.zoom * 100) / 100 }))
    .filter((t) => t.px < MIN_TEXT[level]);
  expect(tooSmall, `text below ${MIN_TEXT[level]} px at zoom ${m.zoom}`).toEqual([]);
  // Every text fits its box (the layout measured what the browser draws).
  expect(pm.texts.filter((t) => t.overflows).map((t) => t.text)).toEqual([]);
  // Labels never overlap each other or a place; places never overlap each other.
  expect(pm.labels.length).toBe(pm.links.length);
  expect(overlapping(pm.labels)).toEqual([]);
  expect(overlapping(pm.labels, pm.places)).toEqual([]);
  expect(overlapping(pm.places)).toEqual([]);
  // Where many links meet a place, each arrowhead stands apart: merged into one knot, which way
  // a link goes could not be read.
  expect(pm.arrows.length).toBe(pm.links.length);
  expect(overlapping(pm.arrows)).toEqual([]);
  // As opened, no place or label is sliced by the map's top or left edge: each is whole there or
  // out of sight (the map goes on to the right and downwards, where it is panned to).
  const cut = [...pm.places, ...pm.labels].filter(
    (b) =>
      (b.rect.y < pm.map.y && b.rect.y + b.rect.height > pm.map.y) ||
      (b.rect.x < pm.map.x && b.rect.x + b.rect.width > pm.map.x),
  );
  if (uncut) expect(cut.map((b) => b.text)).toEqual([]);
  // Every link has a Danish accessible name with its figures, none React Flow's English default.
  for (const link of pm.links) {
    expect(link.name).toMatch(
      /^Fra .+ til .+: \d+ forløb, (median [\d,]+ dage imellem|median skjult)$/,
    );
    expect(link.roleDescription).toBe('forbindelse');
    expect(link.role).toBe('img');
  }
  return pm;
}

for (const screen of [
  { name: 'laptop 1366×768', viewport: { width: 1366, height: 768 }, hasTouch: false },
  { name: 'touch screen 1024×768', viewport: { width: 1024, height: 768 }, hasTouch: true },
]) {
  test.describe(screen.name, () => {
    test.use({ viewport: screen.viewport, hasTouch: screen.hasTouch });

    test('the process map opens legible at both levels, labels clear of each other', async ({
      app,
    }) => {
      const program = await openMap(app);
      const sector = await checkLegible(app.page, 'sector');
      expect(sector.places.length).toBeGreaterThan(5);
      // The map's zoom buttons are targets a finger hits: 44 px each way.
      const zoom = app.page.getByTestId('zoom-controls').getByRole('button');
      expect(await zoom.count()).toBe(3);
      for (const button of await zoom.all()) {
        const box = (await button.boundingBox())!;
        expect([box.width, box.height].map((n) => n >= 44)).toEqual([true, true]);
      }
      expect(sector.links.length).toBeGreaterThan(10);

      await program.chooseLevel('contact');
      await program.mapReady();
      const contact = await checkLegible(app.page, 'contact');
      expect(contact.places.length).toBeGreaterThan(sector.places.length);
      // A link of 8 journeys whose median is hidden: the help above the map says why, and only
      // while such a link is drawn.
      const why = app.page.getByTestId('map-no-median');
      const noMedian = contact.labels.filter((l) => l.text.endsWith('median skjult'));
      expect(noMedian.length).toBeGreaterThan(0);
      await expect(why).toHaveText(
        '«median skjult»: færre end 5 af forbindelsens forløb har en dato på begge kontakter.',
      );
      await program.chooseLevel('sector');
      await program.mapReady();
      await expect(why).toHaveCount(0);
    });

    test('«Hele kortet» shows every place and label in the pane, and the percentage goes back to 100 %', async ({
      app,
    }) => {
      const program = await openMap(app);
      for (const level of ['sector', 'contact'] as const) {
        await program.chooseLevel(level);
        await program.mapReady();
        const before = await readProcessMap(app.page);
        const inside = (b: { rect: Rect }) => shareInside(b.rect, before.map) > 0.999;
        // As opened, legible: not all of a dense map fits (that is what the button is for).
        expect([...before.places, ...before.labels].every(inside)).toBe(false);
        const fit = app.page.getByTestId('map-fit');
        await expect(fit).toHaveAccessibleDescription(/Viser hele kortet på én gang/);
        await fit.click();
        await expect
          .poll(async () => {
            const pm = await readProcessMap(app.page);
            return [...pm.places, ...pm.labels].filter((b) => !inside(b)).map((b) => b.text);
          })
          .toEqual([]);
        const whole = await readProcessMap(app.page);
        expect(whole.places.length).toBe(before.places.length);
        // The map is not shrunk past need: it fills the pane one way or the other.
        const span = (bs: { rect: Rect }[]) => ({
          width:
            Math.max(...bs.map((b) => b.rect.x + b.rect.width)) -
            Math.min(...bs.map((b) => b.rect.x)),
          height:
            Math.max(...bs.map((b) => b.rect.y + b.rect.height)) -
            Math.min(...bs.map((b) => b.rect.y)),
        });
        const drawn = span([...whole.places, ...whole.labels]);
        expect(
          Math.max(drawn.width / whole.map.width, drawn.height / whole.map.height),
        ).toBeGreaterThan(0.85);
        await app.page.getByTestId('zoom-level').click();
        await expect(app.page.getByTestId('zoom-level')).toHaveText('100 %');
        // Back at 100 % from the pane's top-left corner: the map's start is still in sight.
        const first = whole.places.reduce((a, b) => (a.rect.x <= b.rect.x ? a : b));
        const after = await readProcessMap(app.page);
        const again = after.places.find((p) => p.text === first.text)!;
        expect(again.rect.x).toBeGreaterThanOrEqual(after.map.x - 1);
        expect(again.rect.x).toBeLessThan(after.map.x + after.map.width / 3);
        expect(shareInside(again.rect, after.map)).toBeGreaterThan(0.25);
        // The keyboard's 0 does the same as the percentage.
        await fit.click();
        await app.page.getByTestId('process-map').focus();
        await app.page.keyboard.press('0');
        await expect(app.page.getByTestId('zoom-level')).toHaveText('100 %');
        const byKey = await readProcessMap(app.page);
        const keyed = byKey.places.find((p) => p.text === first.text)!;
        expect(keyed.rect.x).toBeGreaterThanOrEqual(byKey.map.x - 1);
        expect(shareInside(keyed.rect, byKey.map)).toBeGreaterThan(0.25);
      }
    });
  });
}

test.describe('the order journeys go in', () => {
  test.use({ viewport: { width: 1366, height: 768 } });

  test('the map reads left to right as journeys go: where they start first, every link forward', async ({
    app,
  }) => {
    // GP → hospital → home care (20) and emergency → hospital (7): the hospital is where most
    // journeys pass, but it is not where they start.
    await importModels(app.handlers, [
      ...Array.from({ length: 20 }, () =>
        modelOf({ sectors: ['general_practice', 'hospital', 'municipal_care'] }),
      ),
      ...Array.from({ length: 7 }, () => modelOf({ sectors: ['emergency', 'hospital'] })),
    ]);
    await app.open('#/program');
    const program = new ProgramPage(app.page);
    await program.openTab('processMap');
    await program.mapReady();
    const pm = await readProcessMap(app.page);
    const place = (name: string) => pm.places.find((p) => p.text.startsWith(name))!.rect;
    expect(pm.links.length).toBe(3);
    for (const link of pm.links) {
      const [, from, to] = /^Fra (.+) til (.+?): /.exec(link.name)!;
      expect(place(to!).x, link.name).toBeGreaterThan(place(from!).x + place(from!).width);
    }
    expect(place('Egen læge').x).toBeLessThan(place('Sygehus').x);
    expect(place('Akut').x).toBeLessThan(place('Sygehus').x);
    // The map library's own words for screen readers are in Danish too, not its English.
    const libraryWords = await app.page.evaluate(() =>
      [...document.querySelectorAll('[id^="react-flow__"][id*="-desc-"]')].map(
        (el) => el.textContent ?? '',
      ),
    );
    expect(libraryWords.length).toBeGreaterThan(0);
    expect(libraryWords.filter((w) => /press|select|node|edge/i.test(w))).toEqual([]);
  });
});

test.describe('1,500 models', () => {
  for (const screen of [
    { width: 1366, height: 768, hasTouch: false },
    { width: 1024, height: 768, hasTouch: true },
  ]) {
    test(`the process map opens legible at both levels at ${screen.width}×${screen.height}`, async ({
      app,
    }) => {
      test.setTimeout(90_000);
      await app.page.setViewportSize({ width: screen.width, height: screen.height });
      const program = await openMap(app, 1500);
      await expect(app.page.getByTestId('cohort')).toHaveText('1.500 forløb i udvalget');
      // Both levels open on the map's start, at the top of its first rank: no place or label
      // cut by the pane's top or left edge.
      const sector = await checkLegible(app.page, 'sector');
      expect(sector.places.length).toBeGreaterThan(5);
      await program.chooseLevel('contact');
      await program.mapReady();
      await checkLegible(app.page, 'contact');
    });
  }
});

test.describe('laptop 1366×768', () => {
  test.use({ viewport: { width: 1366, height: 768 } });

  test('the slider spans the links shown at each level and filters the map', async ({ app }) => {
    const program = await openMap(app);
    const page = app.page;
    for (const level of ['sector', 'contact'] as const) {
      await program.chooseLevel(level);
      await program.mapReady();
      const slider = program.slider;
      await expect(slider).toBeEnabled();
      const [min, max] = await Promise.all([
        slider.getAttribute('min'),
        slider.getAttribute('max'),
      ]);
      // The ends come from the data: at least k, and the strongest link's journeys.
      expect(Number(min)).toBeGreaterThanOrEqual(5);
      expect(Number(max), `${level}: the slider must be able to move`).toBeGreaterThan(Number(min));
      // The strongest link shown, from the same handler the window asks.
      const figures = await app.handlers['program:aggregate']({ filter: {} });
      const graph = level === 'sector' ? figures.processMap : figures.processMapDetailed;
      const strongest = Math.max(...graph.edges.map((e) => (e.cell.shown ? e.cell.journeys : 0)));
      expect(Number(max)).toBe(strongest);

      // With the keyboard: Home shows every link, End only the strongest.
      await slider.focus();
      await page.keyboard.press('Home');
      await expect(page.getByText(`mindst ${min} forløb`)).toBeVisible();
      await program.mapReady();
      const all = await page.locator('.react-flow__edge').count();
      await page.keyboard.press('End');
      await expect(page.getByText(`mindst ${max} forløb`)).toBeVisible();
      await program.mapReady();
      const strongestOnly = await page.locator('.react-flow__edge').count();
      expect(strongestOnly).toBeGreaterThanOrEqual(1);
      expect(strongestOnly).toBeLessThan(all);
    }
  });

  test('with many links the map draws at most the strongest hundred, says so, and is laid out in seconds', async ({
    app,
  }) => {
    test.setTimeout(120_000);
    const program = await openMap(app, 400);
    const page = app.page;
    await program.chooseLevel('contact');
    await program.mapReady();
    const figures = await app.handlers['program:aggregate']({ filter: {} });
    const shown = figures.processMapDetailed.edges.filter((e) => e.cell.shown).length;
    expect(shown, 'the workspace must have more links than the map draws').toBeGreaterThan(
      MAX_LINKS,
    );
    const capped = page.getByTestId('map-capped');
    const least = Number(await program.slider.getAttribute('min'));
    await expect(capped).toHaveText(
      `Kortet kan højst vise ${MAX_LINKS} forbindelser ad gangen, så skyderen går ikke under ${least} forløb.`,
    );
    // How many are drawn, of how many: counted on the map itself.
    const count = page.getByTestId('map-count');
    const drawnNow = await page.locator('.react-flow__edge').count();
    await expect(count).toHaveText(
      `Kortet viser ${drawnNow} af ${new Intl.NumberFormat('da').format(shown)} forbindelser – alle står i tabellen under kortet.`,
    );

    // The slider held down from the strongest to the weakest it offers: the map is laid out for
    // where it stops, not for every step on the way (each of which would freeze the window).
    const slider = program.slider;
    const min = Number(await slider.getAttribute('min'));
    await slider.focus();
    await page.keyboard.press('End');
    for (let i = 0; i < 40; i++) await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Home');
    await expect(page.getByText(`mindst ${min} forløb`)).toBeVisible();
    await expect(program.map).toHaveAttribute('data-ready', 'true', { timeout: 20_000 });
    await program.mapReady();
    const drawn = await page.locator('.react-flow__edge').count();
    expect(drawn).toBeLessThanOrEqual(MAX_LINKS);
    expect(drawn).toBeGreaterThan(MAX_LINKS / 2);
    await expect(capped).toBeVisible();
    await expect(count).toContainText(`Kortet viser ${drawn} af `);

    // Ten quick steps where every map is large: laid out a few times at most (a busy machine may
    // leave more than a settling pause between two keys), not ten times over.
    const layouts = async () => Number(await program.map.getAttribute('data-layouts'));
    const before = await layouts();
    await slider.focus();
    for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
    await expect(page.getByText(`mindst ${min + 10} forløb`)).toBeVisible();
    await expect(program.map).toHaveAttribute('data-ready', 'true', { timeout: 20_000 });
    expect((await layouts()) - before).toBeLessThanOrEqual(5);
  });

  test('the downloaded picture is the whole map as shown, its labels readable (not black bars)', async ({
    app,
  }) => {
    await openMap(app);
    const page = app.page;
    const flow = page.locator('[data-testid="process-map"] .react-flow');
    const shown = await flow.screenshot();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('map-png').click(),
    ]);
    expect(download.suggestedFilename()).toBe('process-map.png');
    const png = readFileSync(await download.path());
    expect(png.subarray(1, 4).toString()).toBe('PNG');

    // Decoded in the page (a canvas), sampled where each place and label is drawn.
    const result = await page.evaluate(
      async ({ picture, screen }) => {
        const decode = async (base64: string) => {
          const img = new Image();
          img.src = `data:image/png;base64,${base64}`;
          await img.decode();
          const canvas = document.createElement('canvas');
          canvas.width = img.naturalWidth;
          canvas.height = img.naturalHeight;
          const ctx = canvas.getContext('2d')!;
          ctx.drawImage(img, 0, 0);
          return ctx.getImageData(0, 0, canvas.width, canvas.height);
        };
        const pic = await decode(picture);
        const shot = await decode(screen);
        const map = document.querySelector('[data-testid="process-map"] .react-flow')!;
        const frame = map.getBoundingClientRect();
        // The whole map on the screen's coordinates, scrolled-out parts too.
        const drawn = [
          ...map.querySelectorAll(
            '.react-flow__node, [data-testid="process-edge-label"], .react-flow__edge path',
          ),
        ].map((el) => el.getBoundingClientRect());
        const whole = {
          left: Math.min(...drawn.map((r) => r.left)),
          top: Math.min(...drawn.map((r) => r.top)),
          right: Math.max(...drawn.map((r) => r.right)),
          bottom: Math.max(...drawn.map((r) => r.bottom)),
        };
        const scale = 2;
        const margin = 16;
        // A point on the screen, in the picture.
        const px = (x: number) => (x - whole.left + margin) * scale;
        const py = (y: number) => (y - whole.top + margin) * scale;
        const lum = (d: ImageData, x: number, y: number) => {
          const i = (Math.floor(y) * d.width + Math.floor(x)) * 4;
          return 0.2126 * d.data[i]! + 0.7152 * d.data[i + 1]! + 0.0722 * d.data[i + 2]!;
        };
        /** Dark and light shares of a box's inside (its border left out), every picture pixel. */
        const inks = (r: DOMRect) => {
          let dark = 0;
          let light = 0;
          let n = 0;
          for (let y = py(r.top + 2); y < py(r.bottom - 2); y++)
            for (let x = px(r.left + 2); x < px(r.right - 2); x++) {
              const l = lum(pic, x, y);
              if (l < 90) dark++;
              if (l > 220) light++;
              n++;
            }
          return { dark: dark / n, light: light / n };
        };
        const outside = (r: DOMRect) =>
          r.left < frame.left ||
          r.top < frame.top ||
          r.right > frame.right ||
          r.bottom > frame.bottom;
        const labels = [...map.querySelectorAll('[data-testid="process-edge-label"]')].map((el) => {
          const r = el.getBoundingClientRect();
          return { text: el.textContent ?? '', outside: outside(r), ...inks(r) };
        });
        const places = [...map.querySelectorAll('.pm-place-name')].map((el) => {
          const r = el.getBoundingClientRect();
          return { text: el.textContent ?? '', outside: outside(r), ...inks(r) };
        });
        // What the screen shows is the same in the picture, pixel by pixel at the screen's
        // scale, moved by where the pane's corner is in the whole map.
        let diff = 0;
        let count = 0;
        for (let y = 0; y < shot.height; y += 2)
          for (let x = 0; x < shot.width; x += 2) {
            const X = px(frame.left + x);
            const Y = py(frame.top + y);
            if (X < 0 || Y < 0 || X >= pic.width || Y >= pic.height) continue;
            diff += Math.abs(lum(shot, x, y) - lum(pic, X, Y));
            count++;
          }
        // Under the map, the caption: lines of dark text, counted as runs of rows that have some.
        const mapBottom = Math.round(py(whole.bottom) + margin * scale);
        let lines = 0;
        let inLine = false;
        for (let y = mapBottom + 4; y < pic.height; y++) {
          let dark = 0;
          for (let x = 0; x < pic.width; x++) if (lum(pic, x, y) < 90) dark++;
          if (dark > 0 && !inLine) lines++;
          inLine = dark > 0;
        }
        return {
          size: { width: pic.width, height: pic.height },
          expected: {
            width: Math.ceil(whole.right - whole.left + 2 * margin) * scale,
            mapHeight: Math.ceil(whole.bottom - whole.top + 2 * margin) * scale,
          },
          caption: { height: pic.height - mapBottom, lines },
          labels,
          places,
          meanDifference: diff / count,
          compared: count,
        };
      },
      { picture: png.toString('base64'), screen: shown.toString('base64') },
    );
    console.log(
      `[program-map] picture ${JSON.stringify({ ...result, labels: result.labels.length, places: result.places.length })}`,
    );
    // The picture is the whole map at twice the screen's resolution, with a caption under it:
    // what it shows, who is in it and when it was taken, in three lines (or more, wrapped).
    expect(result.size.width).toBe(result.expected.width);
    expect(result.size.height).toBeGreaterThan(result.expected.mapHeight);
    expect(result.caption.lines).toBeGreaterThanOrEqual(3);
    expect(result.caption.height).toBeGreaterThanOrEqual(3 * 2 * 15);
    expect(result.labels.length).toBeGreaterThan(5);
    // The map as opened is larger than its pane: the picture holds what the pane cuts off too.
    expect([...result.labels, ...result.places].filter((x) => x.outside).length).toBeGreaterThan(0);
    for (const l of [...result.labels, ...result.places]) {
      // Text: some dark pixels. Background: mostly light. A solid black bar has no light pixels,
      // a lost label no dark ones.
      expect(l.dark, `dark text in «${l.text}»`).toBeGreaterThan(0.03);
      expect(l.light, `light background in «${l.text}»`).toBeGreaterThan(0.5);
    }
    // The same picture as on the screen where the screen shows it (anti-aliasing aside).
    expect(result.compared).toBeGreaterThan(10_000);
    expect(result.meanDifference).toBeLessThan(8);
    // Said of this map, and not left standing beside the other level's.
    await expect(page.getByTestId('status')).toHaveText('process-map.png er gemt.');
    await page.getByTestId('level-contact').check();
    await expect(page.getByTestId('status')).toHaveText('');
  });

  test('the filters fold into one line, open by keyboard, and say what is chosen', async ({
    app,
  }) => {
    const program = await openMap(app);
    const page = app.page;
    const summary = page.getByTestId('filters-summary');
    await expect(summary).toHaveText(
      'Alle borgere · Sådan er det i dag · tal under 5 forløb skjult',
    );
    await expect(program.filtersToggle).toHaveAttribute('aria-expanded', 'false');
    await expect(page.getByTestId('filter-municipality')).toBeHidden();
    const box = (await program.filtersToggle.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(44);
    expect(box.width).toBeGreaterThanOrEqual(44);

    await program.filtersToggle.focus();
    await page.keyboard.press('Enter');
    await expect(program.filtersToggle).toHaveAttribute('aria-expanded', 'true');
    // The fields come right after the button in the tab order.
    await page.keyboard.press('Tab');
    await expect(page.getByTestId('filter-ageBand')).toBeFocused();
    await page.getByTestId('filter-municipality').selectOption('lolland');
    await expect(summary).toHaveText(
      'Kommune: Lolland · Sådan er det i dag · tal under 5 forløb skjult',
    );
    await program.filtersToggle.focus();
    await page.keyboard.press('Space');
    await expect(page.getByTestId('filter-municipality')).toBeHidden();
    await expect(summary).toHaveText(
      'Kommune: Lolland · Sådan er det i dag · tal under 5 forløb skjult',
    );
  });

  test('a keyboard user skips past the map to the table of its links', async ({ app }) => {
    await openMap(app);
    const page = app.page;
    // From the last control above the map, the next stop is the way past it.
    await page.getByTestId('min-journeys').focus();
    await page.keyboard.press('Tab');
    const skip = page.getByTestId('to-links-table');
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    await expect(skip).toHaveText('Gå til tabellen over forbindelser');
    await page.keyboard.press('Enter');
    const table = page.locator('.pm-table');
    await expect(table).toBeFocused();
    await expect(table.getByTestId('table-process-map-edges')).toBeVisible();
  });

  test('a keyboard moves and zooms the map, and says how', async ({ app }) => {
    await openMap(app);
    const page = app.page;
    // After the picture button, the map itself is the next stop.
    await page.getByTestId('map-png').focus();
    await page.keyboard.press('Tab');
    const map = page.getByTestId('process-map');
    await expect(map).toBeFocused();
    await expect(map).toHaveAccessibleName('Proceskort');
    await expect(map).toHaveAccessibleDescription(/Flyt kortet med piletasterne/);
    const view = () =>
      page.evaluate(() => {
        const m = new DOMMatrixReadOnly(
          getComputedStyle(document.querySelector('.react-flow__viewport')!).transform,
        );
        return { x: m.e, y: m.f, zoom: m.a };
      });
    const start = await view();
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await view()).x).toBeCloseTo(start.x - 60);
    await page.keyboard.press('Shift+ArrowDown');
    await expect.poll(async () => (await view()).y).toBeCloseTo(start.y - 240);
    await page.keyboard.press('+');
    await expect.poll(async () => (await view()).zoom).toBeCloseTo(start.zoom * 1.25);
    await page.keyboard.press('0');
    await expect.poll(async () => (await view()).zoom).toBeCloseTo(1);
    // The page itself did not scroll under the keys.
    expect(await page.locator('main.app-main').evaluate((el) => el.scrollTop)).toBe(0);
  });

  test('the mouse wheel over the map scrolls the page on, and leaves the map as it is', async ({
    app,
  }) => {
    await openMap(app);
    const page = app.page;
    const before = await readMap(page);
    const main = page.locator('main.app-main');
    const scrolled = () => main.evaluate((el) => el.scrollTop);
    expect(await scrolled()).toBe(0);
    const box = (await page.getByTestId('process-map').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height, 200) / 2);
    await page.mouse.wheel(0, 300);
    // Down the page towards the table of links, as everywhere else in the app.
    await expect.poll(scrolled).toBeGreaterThan(100);
    expect((await readMap(page)).zoom).toBe(before.zoom);
    // With Ctrl held, the wheel zooms the map.
    const again = (await page.getByTestId('process-map').boundingBox())!;
    await page.mouse.move(again.x + again.width / 2, again.y + 40);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -200);
    await page.keyboard.up('Control');
    await expect.poll(async () => (await readMap(page)).zoom).toBeGreaterThan(before.zoom);
  });
});
