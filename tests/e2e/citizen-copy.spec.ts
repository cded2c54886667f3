/**
 * The citizen's own copy of the map, as a picture (PNG) and as printed pages (PDF): decoded and
 * checked for what a person would notice — the connection lines are there in their handover
 * colours, no touchpoint is cut off, the pages are A4 landscape and carry text.
 */
import type { Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import type { Touchpoint, Transition } from '../../shared/domain/journey';
import type { Sector } from '../../shared/vocabulary';
import { KAREN_TOUCHPOINTS, seedKaren } from '../support/karen-journey';
import { expect, test, type AppHarness } from './harness';
import { JourneyPage } from './pages';
import { openCostView } from './prices-page';

/*
 * What the copy promises, written down here rather than imported (the tests do not import the
 * UI): A4 landscape less 10 mm margins (277 × 190 mm) per page, the picture at 150 dpi with a
 * 6 mm white border, handover colours as on the map.
 */
const PAGE_WIDTH = 277;
const PAGE_HEIGHT = 190;
const PNG_PX_PER_MM = 150 / 25.4;
const PNG_BORDER_MM = 6;
const pngPageSize = () => ({
  width: Math.round((PAGE_WIDTH + 2 * PNG_BORDER_MM) * PNG_PX_PER_MM),
  height: Math.round((PAGE_HEIGHT + 2 * PNG_BORDER_MM) * PNG_PX_PER_MM),
});
const QUALITY_COLOUR = { good: '#1d6b34', mixed: '#b26a00', broken: '#a3211b' };
const BOX_INK: [number, number, number] = [0x2f, 0x2f, 0x2a];

/** The copy's controls and its print view. */
class CitizenCopyPage {
  constructor(readonly page: Page) {}

  /** The copy's buttons live in the map's "more" menu; opens it when it is closed. */
  async openMenu() {
    const menu = this.page.getByTestId('more-menu');
    if ((await menu.count()) > 0 && !(await menu.evaluate((d) => (d as HTMLDetailsElement).open))) {
      await this.page.getByTestId('more-menu-button').click();
    }
    await expect(this.pngButton).toBeVisible();
  }
  get pngButton() {
    return this.page.getByTestId('copy-png');
  }
  get printButton() {
    return this.page.getByTestId('copy-print');
  }
  get printView() {
    return this.page.getByTestId('print-view');
  }
  get printPages() {
    return this.page.getByTestId('print-page');
  }
  /** The choice to put the estimated public cost on the copy, found by its accessible name. */
  get costChoice() {
    return this.page.getByRole('checkbox', { name: 'Vis anslået offentlig udgift på kopien' });
  }
  get costHelp() {
    return this.page.getByTestId('copy-cost-help');
  }
  /** The cost block on the printed pages. */
  get printedCost() {
    return this.printView.getByTestId('copy-cost');
  }

  /** Saves the picture as a user does (the menu's button) and returns its bytes. */
  async png(): Promise<Buffer> {
    await this.openMenu();
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.pngButton.click(),
    ]);
    return readFileSync((await download.path())!);
  }

  /** Prepares the printed pages (window.print must be stubbed: headless has no dialog). */
  async print() {
    await this.openMenu();
    await this.printButton.click();
    await expect(this.printPages.first()).toBeAttached();
  }

  /** Every printed sheet's words. */
  async allSheetText(): Promise<string> {
    const sheets = await this.printPages.count();
    return (await Promise.all([...Array(sheets).keys()].map((i) => this.sheetText(i)))).join('\n');
  }

  /** What a reader sees on a printed sheet: its texts, a text's wrapped lines joined by spaces. */
  sheetText(index: number): Promise<string> {
    return this.printPages.nth(index).evaluate((sheet) =>
      [...sheet.querySelectorAll('text')]
        .map((t) =>
          [...t.querySelectorAll('tspan')]
            .map((s) => s.textContent)
            .join(' ')
            // A word split over two lines reads as one word.
            .replace(/(\p{Ll})- (\p{Ll})/gu, '$1$2'),
        )
        .join('\n'),
    );
  }

  /** The boxes of the printed pages, in mm on their page: [page number, touchpoint id, rect]. */
  async boxes(): Promise<
    { page: number; id: string; x: number; y: number; w: number; h: number }[]
  > {
    return this.printView.evaluate((view) =>
      [...view.querySelectorAll('svg[data-page]')].flatMap((svg) =>
        [...svg.querySelectorAll('[data-testid="copy-box"]')].map((g) => {
          const [x, y, w, h] = g.getAttribute('data-box')!.split(' ').map(Number);
          return {
            page: Number(svg.getAttribute('data-page')),
            id: g.getAttribute('data-touchpoint')!,
            x: x!,
            y: y!,
            w: w!,
            h: h!,
          };
        }),
      ),
    );
  }
}

/**
 * The smallest text on the printed sheets, in pt on paper: each text's font size in the SVG's
 * units, times the units' size as laid out for print (CSS mm), converted to points.
 */
function smallestPrintedPt(page: Page): Promise<number> {
  return page.getByTestId('print-view').evaluate((view) => {
    let min = Infinity;
    for (const svg of view.querySelectorAll<SVGSVGElement>('svg[data-page]')) {
      const pxPerUnit = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      for (const text of svg.querySelectorAll('text')) {
        const px = Number(text.getAttribute('font-size')) * pxPerUnit;
        min = Math.min(min, (px * 72) / 96);
      }
    }
    return min;
  });
}

type Rgb = [number, number, number];
const rgb = (hex: string): Rgb => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;
interface PxRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Decodes the PNG with the browser's own decoder and keeps its pixels on the page. */
async function decodePng(page: Page, png: Buffer): Promise<{ width: number; height: number }> {
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    (window as unknown as { copyPixels: ImageData }).copyPixels = ctx.getImageData(
      0,
      0,
      canvas.width,
      canvas.height,
    );
    return { width: img.naturalWidth, height: img.naturalHeight };
  }, png.toString('base64'));
}

/** How many pixels in each rectangle are close to a colour. */
function countColour(page: Page, rects: PxRect[], colour: Rgb, tolerance = 70): Promise<number[]> {
  return page.evaluate(
    ({ rects, colour, tolerance }) => {
      const img = (window as unknown as { copyPixels: ImageData }).copyPixels;
      return rects.map((r) => {
        let n = 0;
        for (let y = Math.max(0, Math.round(r.y)); y < Math.min(img.height, r.y + r.h); y++) {
          for (let x = Math.max(0, Math.round(r.x)); x < Math.min(img.width, r.x + r.w); x++) {
            const i = (y * img.width + x) * 4;
            const d = Math.hypot(
              img.data[i]! - colour[0],
              img.data[i + 1]! - colour[1],
              img.data[i + 2]! - colour[2],
            );
            if (d <= tolerance) n++;
          }
        }
        return n;
      });
    },
    { rects, colour, tolerance },
  );
}

/** A touchpoint with a date and a face, the way a facilitator fills it in. */
async function touchpoint(
  app: AppHarness,
  journeyId: string,
  label: string,
  sector: Sector,
  date: string,
  emotion: NonNullable<Touchpoint['emotion']>,
): Promise<Touchpoint> {
  const tp = await app.handlers['touchpoints:create']({
    journeyId,
    x: 0,
    y: 0,
    label,
    sector,
    contactType: 'outpatient_visit',
  });
  await app.handlers['touchpoints:update']({ id: tp.id, patch: { date, emotion } });
  return tp;
}

async function transition(
  app: AppHarness,
  journeyId: string,
  from: Touchpoint,
  to: Touchpoint,
  quality: Transition['quality'],
): Promise<Transition> {
  const tr = await app.handlers['transitions:create']({
    journeyId,
    sourceId: from.id,
    targetId: to.id,
    kind: 'referral',
  });
  if (quality) await app.handlers['transitions:update']({ id: tr.id, patch: { quality } });
  return tr;
}

/** The words of the estimated public cost: none of them may reach a copy that did not ask. */
const COST_WORDS = /kr\.|anslået|offentlig udgift|vejledende|prisliste|prisår/i;

test.describe("the citizen's copy", () => {
  test('is a picture and printed A4 pages with every line, every box whole, and text', async ({
    app,
  }) => {
    const j = await app.handlers['journeys:create']({ alias: 'Karen H.' });
    // Seven contacts on seven days: more than one A4 page holds at a readable size.
    const tps = [
      await touchpoint(app, j.id, 'Egen læge', 'general_practice', '2026-01-12', -1),
      await touchpoint(
        app,
        j.id,
        'Nykøbing F. Sygehus, akutmodtagelse',
        'hospital',
        '2026-01-20',
        -2,
      ),
      await touchpoint(app, j.id, 'Hjemmeplejen', 'municipal_care', '2026-02-03', 1),
      await touchpoint(app, j.id, 'Jobcentret', 'employment', '2026-02-17', 0),
      await touchpoint(app, j.id, 'Psykiatrisk ambulatorium', 'psychiatry', '2026-03-02', -1),
      await touchpoint(app, j.id, 'Apoteket', 'pharmacy', '2026-03-09', 2),
      await touchpoint(app, j.id, 'Sagsbehandler', 'social_services', '2026-04-01', 1),
    ];
    const broken = await transition(app, j.id, tps[0]!, tps[1]!, 'broken');
    const good = await transition(app, j.id, tps[1]!, tps[2]!, 'good');
    const mixed = await transition(app, j.id, tps[2]!, tps[3]!, 'mixed');
    await transition(app, j.id, tps[3]!, tps[4]!, null);
    await transition(app, j.id, tps[4]!, tps[5]!, 'good');
    await transition(app, j.id, tps[5]!, tps[6]!, 'broken');
    await app.handlers['painPoints:create']({ touchpointId: tps[1]!.id, category: 'waiting' });
    await app.open(`#/journey/${j.id}`);
    await new JourneyPage(app.page).waitLoaded();
    const copy = new CitizenCopyPage(app.page);

    // --- The picture ---
    await copy.openMenu();
    const [download] = await Promise.all([
      app.page.waitForEvent('download'),
      copy.pngButton.click(),
    ]);
    expect(download.suggestedFilename()).toBe('forloeb-karen-h.png');
    const png = readFileSync((await download.path())!);
    if (process.env.COPY_SAMPLE_DIR)
      await download.saveAs(`${process.env.COPY_SAMPLE_DIR}/copy.png`);
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');

    // --- The printed pages (prepared first: their SVG says where each box is) ---
    // Headless Chromium cannot show a print dialog, and a window.print() left running blocks
    // page.pdf() ("already being printed"): record the request instead, then print the page the
    // way the dialog's "save as PDF" would.
    await app.page.evaluate(() => {
      const w = window as unknown as { printRequests: number };
      w.printRequests = 0;
      window.print = () => {
        w.printRequests += 1;
      };
    });
    await copy.openMenu();
    await copy.printButton.click();
    await expect
      .poll(() =>
        app.page.evaluate(() => (window as unknown as { printRequests: number }).printRequests),
      )
      .toBe(1);
    await expect(copy.printPages).toHaveCount(2);
    // Each sheet is drawn for the area inside A4 landscape's margins.
    const viewBoxes = await copy.printView
      .locator('svg[data-page]')
      .evaluateAll((svgs) => svgs.map((svg) => svg.getAttribute('viewBox')));
    expect(viewBoxes).toEqual([
      `0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}`,
      `0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}`,
    ]);
    const sheets = [await copy.sheetText(0), await copy.sheetText(1)];
    for (const [i, sheet] of sheets.entries()) {
      expect(sheet).toContain('Karen H.');
      expect(sheet).toContain(`Side ${i + 1} af 2`);
      expect(sheet).toMatch(/Printet \d+\. \p{L}+ \d{4}/u);
      // The legend: faces and handover colours, in words.
      expect(sheet).toContain('Meget dårligt');
      expect(sheet).toContain('Brudt');
    }
    // The first sheet says the pathway goes on; the last has nothing after it.
    expect(sheets[0]).toContain('Fortsætter på næste side');
    expect(sheets[1]).not.toContain('Fortsætter på næste side');
    // The lane names, the whole long name (wrapped) and the dates are on the paper.
    expect(sheets[0]).toContain('Egen læge');
    expect(sheets[0]).toContain('Kommunal sundhed og pleje');
    expect(sheets[0]).toContain('Nykøbing F. Sygehus, akutmodtagelse');
    expect(sheets[0]).toContain('12-01-2026');
    expect(sheets[1]).toContain('Sagsbehandler');
    expect(sheets[1]).toContain('Socialområdet');
    // Nothing from the profile or the map's other words: only what the citizen sees on the map.
    const boxes = await copy.boxes();
    expect(boxes.map((b) => b.id).sort()).toEqual(tps.map((t) => t.id).sort());

    // The picture: both pages, one under the other, at 150 dpi.
    const size = await decodePng(app.page, png);
    const one = pngPageSize();
    expect(size).toEqual({ width: one.width, height: one.height * 2 });
    const toPx = (page: number, r: { x: number; y: number; w: number; h: number }): PxRect => ({
      x: (r.x + PNG_BORDER_MM) * PNG_PX_PER_MM,
      y: (r.y + PNG_BORDER_MM) * PNG_PX_PER_MM + (page - 1) * one.height,
      w: r.w * PNG_PX_PER_MM,
      h: r.h * PNG_PX_PER_MM,
    });

    // Every box is whole in the picture: inside it, and all four of its edges drawn.
    const ink: Rgb = BOX_INK;
    for (const b of boxes) {
      const r = toPx(b.page, b);
      expect(r.x).toBeGreaterThanOrEqual(0);
      expect(r.y).toBeGreaterThanOrEqual((b.page - 1) * one.height);
      expect(r.x + r.w).toBeLessThanOrEqual(size.width);
      expect(r.y + r.h).toBeLessThanOrEqual(b.page * one.height);
      const edge = 4;
      const edges = [
        { x: r.x + r.w / 3, y: r.y - edge / 2, w: r.w / 3, h: edge },
        { x: r.x + r.w / 3, y: r.y + r.h - edge / 2, w: r.w / 3, h: edge },
        { x: r.x - edge / 2, y: r.y + r.h / 3, w: edge, h: r.h / 3 },
        { x: r.x + r.w - edge / 2, y: r.y + r.h / 3, w: edge, h: r.h / 3 },
      ];
      const counts = await countColour(app.page, edges, ink, 60);
      for (const c of counts) expect(c, `edges of box ${b.id}`).toBeGreaterThan(10);
    }

    // The connection lines, in their handover colours, in the gap between the boxes they join.
    const between = (from: Touchpoint, to: Touchpoint): PxRect => {
      const a = boxes.find((b) => b.id === from.id)!;
      const z = boxes.find((b) => b.id === to.id)!;
      expect(a.page).toBe(z.page);
      const top = Math.min(a.y + a.h / 2, z.y + z.h / 2) - 3;
      const bottom = Math.max(a.y + a.h / 2, z.y + z.h / 2) + 3;
      return toPx(a.page, {
        x: a.x + a.w + 0.8,
        y: top,
        w: z.x - a.x - a.w - 1.6,
        h: bottom - top,
      });
    };
    const red = rgb(QUALITY_COLOUR.broken);
    const green = rgb(QUALITY_COLOUR.good);
    const orange = rgb(QUALITY_COLOUR.mixed);
    const gaps = [
      between(tps[0]!, tps[1]!), // broken
      between(tps[1]!, tps[2]!), // good
      between(tps[2]!, tps[3]!), // mixed
    ];
    const [redIn, greenIn, orangeIn] = await Promise.all([
      countColour(app.page, gaps, red, 50),
      countColour(app.page, gaps, green, 50),
      countColour(app.page, gaps, orange, 50),
    ]);
    expect(redIn![0], `the broken line (${broken.id}) is drawn in red`).toBeGreaterThan(40);
    expect(greenIn![1], `the good line (${good.id}) is drawn in green`).toBeGreaterThan(40);
    expect(orangeIn![2], `the mixed line (${mixed.id}) is drawn in orange`).toBeGreaterThan(40);
    // … and each gap carries its own line's colour, not another's.
    expect(greenIn![0]).toBeLessThan(5);
    expect(redIn![1]).toBeLessThan(5);

    // --- Printed as the dialog's "save as PDF" would: two A4 landscape sheets with text ---
    await app.page.emulateMedia({ media: 'print' });
    await expect(copy.printView).toBeVisible();
    await expect(app.page.getByTestId('journey-screen')).toBeHidden();
    const pdf = await app.page.pdf({ format: 'A4', landscape: true });
    if (process.env.COPY_SAMPLE_DIR) writeFileSync(`${process.env.COPY_SAMPLE_DIR}/copy.pdf`, pdf);
    expect(pdf.subarray(0, 5).toString('ascii')).toBe('%PDF-');
    const raw = pdf.toString('latin1');
    expect(raw.match(/\/Type\s*\/Page(?!s)/g) ?? []).toHaveLength(2);
    // A4 landscape: 842 × 595 points (Chromium rounds the paper to whole pixels, hence ±2).
    const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(raw);
    expect(Math.abs(Number(box?.[1]) - 842)).toBeLessThan(2);
    expect(Math.abs(Number(box?.[2]) - 595)).toBeLessThan(2);
    // Text, not a picture of text: the pages' content streams show glyphs (BT … Tj/TJ … ET).
    let textStreams = 0;
    for (const m of raw.matchAll(/stream\r?\n/g)) {
      const start = m.index + m[0].length;
      const end = raw.indexOf('endstream', start);
      try {
        const content = inflateSync(pdf.subarray(start, end)).toString('latin1');
        if (/BT[\s\S]*?T[jJ][\s\S]*?ET/.test(content)) textStreams++;
      } catch {
        // Not a deflated stream (e.g. an image's raw data).
      }
    }
    expect(textStreams).toBeGreaterThanOrEqual(2);
    expect(raw).toMatch(/\/FontFile|\/Font\b/);
  });

  test('tells the user when the map is empty, and makes no file', async ({ app }) => {
    const j = await app.handlers['journeys:create']({ alias: 'Tom' });
    await app.open(`#/journey/${j.id}`);
    await new JourneyPage(app.page).waitLoaded();
    let downloads = 0;
    app.page.on('download', () => {
      downloads += 1;
    });
    const copy = new CitizenCopyPage(app.page);
    await copy.openMenu();
    await copy.pngButton.click();
    await expect(app.page.getByText('Kortet er tomt. Tilføj kontaktpunkter først.')).toBeAttached();
    expect(downloads).toBe(0);
  });

  test("fits a realistic fifteen-touchpoint pathway on readable pages, showing only the map's words", async ({
    app,
  }) => {
    const id = await seedKaren(app.handlers);
    await app.handlers['profile:update']({
      journeyId: id,
      patch: { realName: 'Karen Margrethe Hansen' },
    });
    const detail = await app.handlers['journeys:get']({ id });
    await app.open(`#/journey/${id}`);
    await new JourneyPage(app.page).waitLoaded();
    const copy = new CitizenCopyPage(app.page);
    await copy.openMenu();
    const [download] = await Promise.all([
      app.page.waitForEvent('download'),
      copy.pngButton.click(),
    ]);
    const png = readFileSync((await download.path())!);
    if (process.env.COPY_SAMPLE_DIR)
      await download.saveAs(`${process.env.COPY_SAMPLE_DIR}/karen.png`);
    await app.page.evaluate(() => {
      window.print = () => {};
    });
    // Choosing the picture closed the menu; open it again for the printable page.
    await copy.openMenu();
    await copy.printButton.click();
    await expect(copy.printPages.first()).toBeAttached();
    const sheets = await copy.printPages.count();
    // Fifteen touchpoints at five columns a page.
    expect(sheets).toBeGreaterThanOrEqual(3);

    // Every touchpoint once, every transition drawn (whole, or leaving one page and arriving on the next).
    const boxes = await copy.boxes();
    expect(boxes.map((b) => b.id).sort()).toEqual(detail.touchpoints.map((t) => t.id).sort());
    const drawn = await copy.printView
      .locator('[data-testid="copy-line"]')
      .evaluateAll((paths) => paths.map((p) => p.getAttribute('data-transition')));
    expect(new Set(drawn)).toEqual(new Set(detail.transitions.map((t) => t.id)));

    // Only what the map shows: no real name, no quotes, no notes, nothing from the profile.
    const words = (await Promise.all([...Array(sheets).keys()].map((i) => copy.sheetText(i)))).join(
      '\n',
    );
    expect(words).toContain('Karen, 67');
    expect(words).not.toContain('Hansen');
    for (const tp of KAREN_TOUCHPOINTS) {
      expect(words).toContain(tp.label);
      if (tp.quote) expect(words).not.toContain(tp.quote);
    }
    expect(words).not.toContain('Hjemmeplejen vidste ikke');
    expect(words).not.toMatch(/1959|guldborgsund/i);

    // The picture holds every sheet, every box whole inside it.
    const size = await decodePng(app.page, png);
    const one = pngPageSize();
    expect(size).toEqual({ width: one.width, height: one.height * sheets });
    for (const b of boxes) {
      const top = (b.y + PNG_BORDER_MM) * PNG_PX_PER_MM + (b.page - 1) * one.height;
      const left = (b.x + PNG_BORDER_MM) * PNG_PX_PER_MM;
      expect(left).toBeGreaterThanOrEqual(0);
      expect(left + b.w * PNG_PX_PER_MM).toBeLessThanOrEqual(size.width);
      expect(top + b.h * PNG_PX_PER_MM).toBeLessThanOrEqual(b.page * one.height);
      const [bottomEdge] = await countColour(
        app.page,
        [{ x: left + 10, y: top + b.h * PNG_PX_PER_MM - 2, w: b.w * PNG_PX_PER_MM - 20, h: 4 }],
        BOX_INK,
        60,
      );
      expect(bottomEdge, `bottom edge of ${b.id}`).toBeGreaterThan(50);
    }

    // Printed: one A4 landscape sheet per page, no text under 12 pt on paper (clear print).
    await app.page.emulateMedia({ media: 'print' });
    await expect(copy.printView).toBeVisible();
    expect(await smallestPrintedPt(app.page)).toBeGreaterThanOrEqual(12);
    const pdf = await app.page.pdf({ format: 'A4', landscape: true });
    if (process.env.COPY_SAMPLE_DIR) writeFileSync(`${process.env.COPY_SAMPLE_DIR}/karen.pdf`, pdf);
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).toHaveLength(sheets);
  });

  test('carries the estimated public cost only when chosen, with the cost view’s total', async ({
    app,
  }) => {
    const id = await seedKaren(app.handlers, { toBe: true });
    await app.open(`#/journey/${id}`);
    await new JourneyPage(app.page).waitLoaded();
    const copy = new CitizenCopyPage(app.page);
    await app.page.evaluate(() => {
      window.print = () => {};
    });

    // --- Opened first thing: the choice is there, unticked, and a finger-sized target ---
    await copy.openMenu();
    await expect(copy.costChoice).toBeEnabled();
    await expect(copy.costChoice).not.toBeChecked();
    await expect(copy.costHelp).toHaveText(
      'Kun hvis borgeren ønsker det. Valget gælder kun denne kopi.',
    );
    const target = (await app.page.locator('label', { has: copy.costChoice }).boundingBox())!;
    expect(target.height).toBeGreaterThanOrEqual(44);
    expect(target.width).toBeGreaterThanOrEqual(44);

    // Without the choice: no amount and no cost word on the printed pages.
    const plainPng = await copy.png();
    await copy.print();
    await expect(copy.printedCost).toHaveCount(0);
    const plainSheets = await copy.printPages.count();
    expect(await copy.allSheetText()).not.toMatch(COST_WORDS);
    expect(
      await copy.printView.evaluate((v) => v.innerHTML.includes('kr.')),
      'no "kr." anywhere in the SVG',
    ).toBe(false);

    // What the facilitator's cost view says the two maps cost.
    const dialog = await openCostView(app.page);
    const totals = dialog.getByTestId('cost-by-payer').getByTestId('cost-line-total');
    await expect(totals.getByTestId('cost-as-is')).toHaveText(/\d kr\.$/);
    const asIsTotal = (await totals.getByTestId('cost-as-is').textContent())!;
    const toBeTotal = (await totals.getByTestId('cost-to-be').textContent())!;
    // Karen's maps have touchpoints without a price, which would count as 0 kr.: the cost view
    // tells no difference between them (and neither will the copy).
    await expect(totals.getByTestId('cost-difference')).toHaveCount(0);
    await expect(dialog.getByTestId('cost-incomplete')).toBeVisible();
    const unpricedAsIs = await dialog
      .locator('.cost-unpriced-group')
      .filter({ hasText: 'Sådan er det i dag' })
      .getByTestId('cost-unpriced-item')
      .count();
    const kommune = (await dialog
      .getByTestId('cost-by-payer')
      .getByTestId('cost-line-kommune')
      .getByTestId('cost-as-is')
      .textContent())!;
    await app.page.getByTestId('close-cost').click();
    await expect(dialog).toBeHidden();

    // Ticked and the menu closed without a copy: the next opening starts unticked again.
    await copy.openMenu();
    await copy.costChoice.check();
    await expect(copy.costChoice).toBeChecked();
    await app.page.keyboard.press('Escape');
    await expect(copy.pngButton).toBeHidden();
    await copy.openMenu();
    await expect(copy.costChoice).not.toBeChecked();

    // --- Chosen from the keyboard: the total on paper is the cost view's ---
    await copy.costChoice.focus();
    await app.page.keyboard.press('Space');
    await expect(copy.costChoice).toBeChecked();
    await copy.printButton.click();
    await expect(copy.printedCost).toHaveCount(1);
    // On the last sheet, under the map's legend or on a sheet of its own.
    const sheets = await copy.printPages.count();
    expect(sheets === plainSheets || sheets === plainSheets + 1).toBe(true);
    await expect(copy.printPages.last().getByTestId('copy-cost')).toHaveCount(1);
    await expect(copy.printedCost.getByTestId('copy-cost-total')).toHaveText(`I alt${asIsTotal}`);
    await expect(copy.printedCost.getByTestId('copy-cost-payer').first()).toHaveText(
      `Kommune${kommune}`,
    );
    const words = await copy.allSheetText();
    expect(words).toContain('Anslået offentlig udgift (vejledende)');
    // Said plainly, so no reader takes it for something to pay.
    expect(words).toContain('Borgeren skal ikke betale noget.');
    if (unpricedAsIs > 0) {
      expect(words).toContain(
        `${unpricedAsIs} ${unpricedAsIs === 1 ? 'kontaktpunkt' : 'kontaktpunkter'} uden pris er ikke talt med, så den virkelige udgift kan være højere.`,
      );
    } else expect(words).not.toContain('uden pris');
    // The laptop's price list (seeded from the shipped default), by name and price year.
    const list = await app.handlers['prices:get']({});
    expect(words).toContain(
      `Prisliste: ${list.name} (${list.priceYear}). Priserne er ikke regnet om til i dag.`,
    );
    expect(words).not.toContain('Det nye forløb ville anslået koste');
    expect(words).not.toMatch(/regning|pris for dig/i);
    // Printed: still nothing under 12 pt on paper.
    await app.page.emulateMedia({ media: 'print' });
    expect(await smallestPrintedPt(app.page)).toBeGreaterThanOrEqual(12);
    await app.page.emulateMedia({ media: 'screen' });

    // The picture with the cost differs from the one without, and holds the block: its frame is
    // drawn where the printed page has it.
    const [block] = await copy.printedCost.evaluateAll((gs) =>
      gs.map((g) => g.getAttribute('data-box')!.split(' ').map(Number)),
    );
    const [bx, by, bw, bh] = block!;
    await copy.openMenu();
    await copy.costChoice.check();
    const costPng = await copy.png();
    if (process.env.COPY_SAMPLE_DIR)
      writeFileSync(`${process.env.COPY_SAMPLE_DIR}/karen-cost.png`, costPng);
    expect(costPng.equals(plainPng)).toBe(false);
    const one = pngPageSize();
    const frame = (pageIndex: number): PxRect[] => {
      const x = (bx! + PNG_BORDER_MM) * PNG_PX_PER_MM;
      const y = (by! + PNG_BORDER_MM) * PNG_PX_PER_MM + pageIndex * one.height;
      const w = bw! * PNG_PX_PER_MM;
      const h = bh! * PNG_PX_PER_MM;
      return [
        { x: x + w / 3, y: y - 2, w: w / 3, h: 4 },
        { x: x + w / 3, y: y + h - 2, w: w / 3, h: 4 },
      ];
    };
    const withSize = await decodePng(app.page, costPng);
    expect(withSize.height).toBe(one.height * sheets);
    const inked = await countColour(app.page, frame(sheets - 1), BOX_INK, 60);
    for (const c of inked) expect(c, 'the cost block’s frame in the picture').toBeGreaterThan(50);
    const plainSize = await decodePng(app.page, plainPng);
    expect(plainSize.height).toBe(one.height * plainSheets);

    // --- The to-be map: its own total, and the choice unticked again ---
    await app.page.getByTestId('map-to_be').check();
    await copy.openMenu();
    await expect(copy.costChoice).not.toBeChecked();
    await copy.costChoice.check();
    await copy.printButton.click();
    await expect(copy.printedCost.getByTestId('copy-cost-total')).toHaveText(`I alt${toBeTotal}`);
    // Its total in bold with a zero in it («220 kr.»), drawn in the picture too: an SVG drawn as
    // an image lays out its text as its embedded fonts come, and the row that needed the bold zero
    // was left blank. Each of the total's two words has ink where the printed page has it.
    const toBeSheets = await copy.printPages.count();
    // Each word's line on the page (mm): from where the label starts to where the amount ends,
    // from a font size above its baseline to the baseline.
    const totalBoxes = await copy.printedCost
      .getByTestId('copy-cost-total')
      .locator('text')
      .evaluateAll((ts) =>
        ts.map((t) => {
          const span = t.querySelector('tspan')!;
          const size = Number(t.getAttribute('font-size'));
          const x = Number(span.getAttribute('x'));
          const y = Number(span.getAttribute('y'));
          // The label runs right of its x, the amount (anchored at its end) left of it.
          const end = t.getAttribute('text-anchor') === 'end';
          const w = 3 * size;
          return [end ? x - w : x, y - 0.8 * size, w, 0.8 * size];
        }),
      );
    expect(totalBoxes).toHaveLength(2);
    // When the print dialog closes, the pages with the amounts are taken down: a later print of
    // the window cannot put them on paper again.
    await app.page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await expect(copy.printView).toHaveCount(0);
    await copy.openMenu();
    await copy.costChoice.check();
    const toBePng = await copy.png();
    await decodePng(app.page, toBePng);
    const totalWords = totalBoxes.map(([x, y, w, h]) => ({
      x: (x! + PNG_BORDER_MM) * PNG_PX_PER_MM,
      y: (y! + PNG_BORDER_MM) * PNG_PX_PER_MM + (toBeSheets - 1) * one.height,
      w: w! * PNG_PX_PER_MM,
      h: h! * PNG_PX_PER_MM,
    }));
    const ink = await countColour(app.page, totalWords, [0x1b, 0x1b, 0x18], 90);
    for (const n of ink) expect(n, 'the to-be total’s words in the picture').toBeGreaterThan(40);
  });

  test('says why the cost cannot be chosen when nothing on the map has a price', async ({
    app,
  }) => {
    const j = await app.handlers['journeys:create']({ alias: 'Tom' });
    // No kind of contact and no service: no price list can price it.
    await app.handlers['touchpoints:create']({
      journeyId: j.id,
      label: 'Noget andet',
      sector: 'other',
      x: 0,
      y: 0,
    });
    await app.open(`#/journey/${j.id}`);
    await new JourneyPage(app.page).waitLoaded();
    await app.page.evaluate(() => {
      window.print = () => {};
    });
    const copy = new CitizenCopyPage(app.page);
    await copy.openMenu();
    const why =
      'Kan ikke vælges: ingen af kontaktpunkterne på dette kort har en offentlig udgift i prislisten.';
    await expect(copy.costHelp).toHaveText(why);
    await expect(copy.costChoice).toBeDisabled();
    await expect(copy.costChoice).not.toBeChecked();
    await expect(copy.costChoice).toHaveAccessibleDescription(why);
    await copy.printButton.click();
    await expect(copy.printPages.first()).toBeAttached();
    await expect(copy.printedCost).toHaveCount(0);
    expect(await copy.allSheetText()).not.toMatch(COST_WORDS);
  });
});
