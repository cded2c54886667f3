/**
 * `npm run screenshots`: the key screens with Karen's journey, written to docs/screenshots/ for
 * people to look at (ENGINEERING.md, testing layer 6). Not a test of the layout — the measured
 * checks are in tests/e2e/legibility.spec.ts — and not part of `npm test` (its own config,
 * `*.shots.ts`). Runs on the same harness as the end-to-end tests: the built renderer on
 * 127.0.0.1, `window.api` bridged to the real handlers and a temporary SQLite file.
 *
 * The screens are being reworked, so a missing control is logged and the run goes on: one lost
 * picture should not cost the others.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import { test, type AppHarness } from '../e2e/harness';
import { waitForStillMap } from '../e2e/measure';
import { JourneyPage } from '../e2e/pages';
import { seedKaren } from '../support/karen-journey';

const OUT = fileURLToPath(new URL('../../docs/screenshots', import.meta.url));
mkdirSync(OUT, { recursive: true });

function skip(what: string, why: unknown) {
  const reason = why instanceof Error ? why.message.split('\n')[0] : String(why);
  console.warn(`[screenshots] skipped ${what}: ${reason}`);
  test.info().annotations.push({ type: 'skipped step', description: `${what}: ${reason}` });
}

/** Runs one step; if the control it needs is missing, logs and carries on. */
async function step(what: string, run: () => Promise<void>): Promise<boolean> {
  try {
    await run();
    return true;
  } catch (error) {
    skip(what, error);
    return false;
  }
}

/** Settled: fonts loaded and the map (if any) still. */
async function settle(page: Page) {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  if ((await page.locator('.react-flow__viewport').count()) > 0) await waitForStillMap(page);
}

async function shoot(page: Page, name: string) {
  await settle(page);
  await page.screenshot({ path: join(OUT, name) });
  console.log(`[screenshots] wrote docs/screenshots/${name}`);
}

/**
 * A control that may sit in the toolbar or, after the rework, in the "more" menu: use it where it
 * is visible, else open the menu first.
 */
async function reach(page: Page, testId: string): Promise<Locator> {
  const control = page.getByTestId(testId);
  if (await control.isVisible()) return control;
  const menu = page
    .getByTestId('more-menu-button')
    .or(page.locator('[data-testid="more-menu"] summary'));
  if ((await menu.count()) > 0) await menu.first().click();
  await control.waitFor({ state: 'visible', timeout: 3000 });
  return control;
}

async function openKaren(app: AppHarness, options: { toBe?: boolean } = {}): Promise<JourneyPage> {
  const id = await seedKaren(app.handlers, options);
  await app.open(`#/journey/${id}`);
  const journey = new JourneyPage(app.page);
  await journey.waitLoaded();
  return journey;
}

test.describe('laptop 1366×768', () => {
  test.use({ viewport: { width: 1366, height: 768 } });

  test('home', async ({ app }) => {
    await seedKaren(app.handlers);
    for (const alias of ['Anna, 45', 'Bo, 58', 'Lis, 81'])
      await app.handlers['journeys:create']({ alias });
    await app.open('#/');
    await app.page.getByTestId('journey-row').first().waitFor();
    await shoot(app.page, 'home-1366.png');
  });

  test('map', async ({ app }) => {
    await openKaren(app);
    await shoot(app.page, 'map-1366.png');
  });

  test('panel open on a touchpoint', async ({ app }) => {
    const journey = await openKaren(app);
    await step('panel-1366.png', async () => {
      await journey.node('Akutmodtagelsen, Nykøbing F.').click();
      await app.page.getByTestId('touchpoint-panel').waitFor({ state: 'visible', timeout: 5000 });
      await shoot(app.page, 'panel-1366.png');
    });
  });

  test('both maps side by side', async ({ app }) => {
    await openKaren(app, { toBe: true });
    await step('compare-1366.png', async () => {
      await app.page.locator('label', { has: app.page.getByTestId('map-both') }).click();
      await app.page.getByTestId('compare-to_be').waitFor({ state: 'visible', timeout: 5000 });
      await shoot(app.page, 'compare-1366.png');
    });
  });

  test('list view', async ({ app }) => {
    await openKaren(app);
    await step('list-1366.png', async () => {
      await (await reach(app.page, 'view-list')).click();
      await app.page.getByTestId('outline').waitFor({ state: 'visible', timeout: 5000 });
      await shoot(app.page, 'list-1366.png');
    });
  });

  test("the citizen's copy, as a picture and on paper", async ({ app }) => {
    await openKaren(app);
    const page = app.page;
    await settle(page);
    await step('citizen-copy.png', async () => {
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 15_000 }),
        (await reach(page, 'copy-png')).click(),
      ]);
      await download.saveAs(join(OUT, 'citizen-copy.png'));
      console.log('[screenshots] wrote docs/screenshots/citizen-copy.png');
    });
    await page.keyboard.press('Escape'); // closes the menu, if the control was in one

    // Headless Chromium cannot show a print dialog, and a window.print() left running blocks
    // page.pdf(): record the request, then print as the dialog's "save as PDF" would.
    await step('citizen-copy-print.png', async () => {
      await page.evaluate(() => {
        window.print = () => undefined;
      });
      await (await reach(page, 'copy-print')).click();
      // The printable pages: a picture or drawn pages, depending on the version of the copy.
      await page
        .getByTestId('print-view')
        .locator('img, svg')
        .first()
        .waitFor({ state: 'attached', timeout: 10_000 });
      await page.emulateMedia({ media: 'print' });
      await page.screenshot({ path: join(OUT, 'citizen-copy-print.png'), fullPage: true });
      console.log('[screenshots] wrote docs/screenshots/citizen-copy-print.png');
      const pdf = await page.pdf({ format: 'A4', landscape: true, printBackground: true });
      const dir = mkdtempSync(join(tmpdir(), 'pathway-shots-'));
      const pdfFile = join(dir, 'citizen-copy.pdf');
      writeFileSync(pdfFile, pdf);
      console.log(`[screenshots] wrote ${pdfFile} (${pdf.length} bytes)`);
      await page.emulateMedia({ media: 'screen' });
      const pdftoppm = ['/usr/bin/pdftoppm', '/usr/local/bin/pdftoppm'].find((p) => existsSync(p));
      if (!pdftoppm) {
        skip('citizen-copy-pdf.png', 'pdftoppm is not installed (apt-get install poppler-utils)');
        return;
      }
      // The PDF's first page as the printer would put it on A4, at 100 dpi.
      execFileSync(pdftoppm, [
        '-png',
        '-r',
        '100',
        '-singlefile',
        pdfFile,
        join(OUT, 'citizen-copy-pdf'),
      ]);
      console.log('[screenshots] wrote docs/screenshots/citizen-copy-pdf.png');
    });
  });

  test('export review', async ({ app }) => {
    await openKaren(app);
    await step('export-review-1366.png', async () => {
      await (await reach(app.page, 'tab-export')).click();
      await app.page.getByTestId('export-tab').waitFor({ state: 'visible', timeout: 5000 });
      await shoot(app.page, 'export-review-1366.png');
    });
  });
});

test.describe('touch screen 1024×768', () => {
  test.use({ viewport: { width: 1024, height: 768 }, hasTouch: true });

  test('map', async ({ app }) => {
    await openKaren(app);
    await shoot(app.page, 'map-1024-touch.png');
  });
});
