/**
 * `npm run screenshots`: every view of the program workspace with 60 generated models (their
 * sector and contact-type levels both with many links), and the maps and largest tables with
 * 1,500, on a 1366×768 laptop and a 1024×768 touch screen, written to docs/screenshots/ for people
 * to look at. Not a test of the layout — the
 * measured checks are in tests/e2e/program-map.spec.ts — and not part of `npm test`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { test } from '../e2e/harness';
import { ProgramPage } from '../e2e/program-page';
import { importModels, programModels } from '../support/program-models';
import { randomModels } from '../support/generate-models';

const OUT = fileURLToPath(new URL('../../docs/screenshots', import.meta.url));
mkdirSync(OUT, { recursive: true });

const VIEWS = ['variants', 'handovers', 'emotion', 'ideas', 'counts'] as const;

/**
 * Writes docs/screenshots/program-<prefix><name>-<screen>.png. The whole page, unless `whole` is
 * false or it is a map: the tables below the fold are part of what staff read. The page scrolls
 * inside the app's main area, not the window, so the window is made as tall as that area's
 * content for the picture (a map is shown as it opens, in the window as it is).
 */
function shooter(
  page: Page,
  screen: { width: number; height: number; suffix: string },
  prefix = '',
  whole = true,
) {
  return async (name: string) => {
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const file = `program-${prefix}${name}-${screen.suffix}.png`;
    const more =
      whole && name !== 'map-sector' && name !== 'map-contact'
        ? await page
            .locator('main.app-main')
            .evaluate((el) => Math.max(0, el.scrollHeight - el.clientHeight))
        : 0;
    if (more > 0) {
      await page.setViewportSize({
        width: screen.width,
        height: Math.min(8000, screen.height + more),
      });
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(null))));
    }
    await page.screenshot({ path: join(OUT, file) });
    if (more > 0) await page.setViewportSize({ width: screen.width, height: screen.height });
    console.log(`[screenshots] wrote docs/screenshots/${file}`);
  };
}

for (const screen of [
  { width: 1366, height: 768, hasTouch: false, suffix: '1366' },
  { width: 1024, height: 768, hasTouch: true, suffix: '1024-touch' },
]) {
  test.describe(`program ${screen.width}×${screen.height}`, () => {
    test.use({
      viewport: { width: screen.width, height: screen.height },
      hasTouch: screen.hasTouch,
    });

    test('every program view', async ({ app }) => {
      test.setTimeout(120_000);
      await importModels(app.handlers, programModels(60, 7, 20));
      await app.open('#/program');
      const page = app.page;
      const program = new ProgramPage(page);
      const shoot = shooter(page, screen);

      await page.getByTestId('model-row').first().waitFor();
      await shoot('models');

      await program.openTab('processMap');
      await program.mapReady();
      await shoot('map-sector');
      await program.chooseLevel('contact');
      await program.mapReady();
      await shoot('map-contact');
      // The picture the download button gives, as program staff would paste it into a report.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('map-png').click(),
      ]);
      await download.saveAs(join(OUT, `program-map-contact-picture-${screen.suffix}.png`));
      await program.chooseLevel('sector');
      await program.mapReady();
      await program.openFilters();
      await shoot('filters-open');
      await program.filtersToggle.click();

      for (const view of VIEWS) {
        await program.openTab(view);
        await shoot(view);
      }
    });

    // What an import says per file: taken in, or refused and why, in the words staff read.
    test('import results', async ({ app }) => {
      const folder = join(app.exportDir, 'models');
      mkdirSync(folder, { recursive: true });
      const [a, b, c, d, ...good] = randomModels(9, 5, 6).map((m) => JSON.stringify(m));
      good.forEach((text, i) => writeFileSync(join(folder, `model-${i}.json`), text));
      writeFileSync(join(folder, 'afkortet.json'), a!.slice(0, 200));
      writeFileSync(
        join(folder, 'rettet-i.json'),
        b!.replace(/"exportMonth":"[^"]*"/, '"exportMonth":"2019-01"'),
      );
      writeFileSync(join(folder, 'forbudt.json'), c!.replace('{', '{"__proto__":{"x":1},'));
      writeFileSync(
        join(folder, 'to-gange.json'),
        d!.replace('"exportMonth":', '"exportMonth":"2019-01","exportMonth":'),
      );
      writeFileSync(join(folder, 'noter.txt'), 'ikke en model');
      await app.open('#/program');
      const page = app.page;
      await page.getByTestId('import-folder').setInputFiles(folder);
      await page.getByTestId('import-summary').waitFor();
      await shooter(page, screen)('import-results');
    });

    // A whole program: the maps as they open, and the views whose tables grow with the models.
    test('1,500 models', async ({ app }) => {
      test.setTimeout(180_000);
      await importModels(app.handlers, programModels(1500, 11, 20));
      await app.open('#/program');
      const page = app.page;
      const program = new ProgramPage(page);
      await page.getByTestId('model-row').first().waitFor();
      // As they open, in the window as it is.
      const shoot = shooter(page, screen, '1500-', false);
      await program.openTab('processMap');
      await program.mapReady();
      await shoot('map-sector');
      await program.chooseLevel('contact');
      await program.mapReady();
      await shoot('map-contact');
      for (const view of ['variants', 'handovers'] as const) {
        await program.openTab(view);
        await shoot(view);
      }
    });
  });
}
