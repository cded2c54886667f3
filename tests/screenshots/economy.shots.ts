/**
 * `npm run screenshots`: the Economy aim — the price list screen (a row being edited, a refused
 * CSV), the workshop's cost view of Karen's journey (as-is and to-be), the citizen's copy with
 * the estimated public cost chosen (the choice in the menu; the picture and the printed page),
 * and the program's economy tab with 60 generated models (all, and a narrower selection with
 * hidden cells), on a 1366×768 laptop and a 1024×768 touch screen, written to docs/screenshots/
 * for people to look at.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { test } from '../e2e/harness';
import { JourneyPage } from '../e2e/pages';
import { openCostView, PricesPage } from '../e2e/prices-page';
import { ProgramPage } from '../e2e/program-page';
import { seedKaren } from '../support/karen-journey';
import { ipc } from '../unit/helpers';
import { importModels, programModels } from '../support/program-models';

const OUT = fileURLToPath(new URL('../../docs/screenshots', import.meta.url));
mkdirSync(OUT, { recursive: true });

/** Saves the citizen's copy as a picture, from the menu's button, under docs/screenshots/. */
async function savePicture(page: Page, name: string) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('copy-png').click(),
  ]);
  await download.saveAs(join(OUT, name));
  console.log(`[screenshots] wrote docs/screenshots/${name}`);
}

async function shoot(page: Page, name: string, fullPage = false) {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.screenshot({ path: join(OUT, name), fullPage });
  console.log(`[screenshots] wrote docs/screenshots/${name}`);
}

for (const screen of [
  { width: 1366, height: 768, hasTouch: false, suffix: '1366' },
  { width: 1024, height: 768, hasTouch: true, suffix: '1024-touch' },
]) {
  test.describe(`economy ${screen.width}×${screen.height}`, () => {
    test.use({
      viewport: { width: screen.width, height: screen.height },
      hasTouch: screen.hasTouch,
    });

    test('price list, workshop cost and program economy', async ({ app }) => {
      test.setTimeout(120_000);
      const page = app.page;

      // The clock moves on its own, and is moved on where a person would take a while.
      await page.clock.install();
      // The home screen's row of buttons, now with Priser.
      await app.open('#/');
      await page.getByTestId('open-prices').waitFor();
      await shoot(page, `home-with-prices-${screen.suffix}.png`);
      await page.getByTestId('open-prices').click();
      const prices = new PricesPage(page);
      await prices.waitLoaded();
      await shoot(page, `prices-${screen.suffix}.png`);
      await prices.openSector('municipal_care');
      await page.getByTestId('prices-municipal_care').scrollIntoViewIfNeeded();
      await shoot(page, `prices-municipal-${screen.suffix}.png`);
      const gp = prices.row('general_practice|gp_visit|');
      await gp.getByTestId('price-edit').click();
      await gp.getByTestId('price-share-kommune').fill('10');
      await gp.getByTestId('price-save').click();
      // The shares and their error in the middle of the window, as a person looks at them.
      await gp
        .getByTestId('price-error-sharesSum')
        .evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await shoot(page, `prices-edit-error-${screen.suffix}.png`);
      await page.getByRole('button', { name: 'Annullér' }).click();
      await page.getByTestId('price-import').setInputFiles({
        name: 'priser.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(
          '\uFEFFSektor;Kontakttype;Ydelseskode;Enhed;Pris (kr.);Andel kommune;Andel region;Andel stat;Kilde;Kildeår;Note\r\n' +
            'general_practice;gp_visit;;kontakt;300;0,5;0,4;0;Lokal aftale;2026;\r\n' +
            'general_practice;video;;uge;300;1;0;0;Lokal aftale;2026;\r\n' +
            'moon;phone;;kontakt;1.5;1;0;0;;20;\r\n',
          'utf8',
        ),
      });
      await page.getByTestId('price-import-errors').scrollIntoViewIfNeeded();
      await shoot(page, `prices-import-errors-${screen.suffix}.png`);

      // Some seconds later, as a person reads the errors first: a message said just before
      // another screen opens is kept there (it belongs to what opened it), so this one would be.
      await page.clock.fastForward(5_000);
      const id = await seedKaren(app.handlers, { toBe: true });
      await app.open(`#/journey/${id}`);
      await new JourneyPage(page).waitLoaded();
      await openCostView(page);
      await page.getByTestId('journey-cost').waitFor();
      await shoot(page, `journey-cost-${screen.suffix}.png`);
      await page.getByTestId('cost-unpriced').scrollIntoViewIfNeeded();
      await shoot(page, `journey-cost-unpriced-${screen.suffix}.png`);
      await page.getByTestId('close-cost').click();
      await page.getByTestId('more-menu-button').click();
      await shoot(page, `journey-more-menu-cost-${screen.suffix}.png`);

      // The citizen's copy with the estimated public cost, chosen in the same menu.
      const costChoice = page.getByTestId('copy-with-cost');
      await costChoice.check();
      await shoot(page, `journey-copy-cost-choice-${screen.suffix}.png`);
      if (screen.suffix === '1366') {
        // The pictures and the paper do not depend on the window: once is enough.
        await savePicture(page, 'citizen-copy-cost.png');
        // Printed as the dialog's "save as PDF" would (headless has no print dialog).
        await page.evaluate(() => {
          window.print = () => undefined;
        });
        await page.getByTestId('more-menu-button').click();
        await costChoice.check();
        await page.getByTestId('copy-print').click();
        await page.getByTestId('copy-cost').waitFor({ state: 'attached' });
        const sheets = await page.getByTestId('print-page').count();
        await page.emulateMedia({ media: 'print' });
        const pdf = await page.pdf({ format: 'A4', landscape: true, printBackground: true });
        await page.emulateMedia({ media: 'screen' });
        const pdftoppm = ['/usr/bin/pdftoppm', '/usr/local/bin/pdftoppm'].find((p) =>
          existsSync(p),
        );
        if (pdftoppm) {
          const pdfFile = join(mkdtempSync(join(tmpdir(), 'pathway-shots-')), 'copy-cost.pdf');
          writeFileSync(pdfFile, pdf);
          // The sheet with the cost (the last), as the printer would put it on A4, at 100 dpi.
          const last = String(sheets);
          execFileSync(pdftoppm, [
            '-png',
            '-r',
            '100',
            '-f',
            last,
            '-l',
            last,
            '-singlefile',
            pdfFile,
            join(OUT, 'citizen-copy-cost-pdf'),
          ]);
          console.log('[screenshots] wrote docs/screenshots/citizen-copy-cost-pdf.png');
        } else {
          console.warn(
            '[screenshots] skipped citizen-copy-cost-pdf.png: pdftoppm is not installed',
          );
        }
        // The to-be map: four lanes on one page, whose boxes would lose words to the block, so
        // the cost goes on a sheet of its own.
        await page.getByTestId('map-to_be').check();
        await page.getByTestId('more-menu-button').click();
        await costChoice.check();
        await savePicture(page, 'citizen-copy-cost-to-be.png');
        await page.getByTestId('map-as_is').check();

        // A short pathway in three lanes: the cost stands under the legend of its one page.
        const { call } = ipc(() => app.handlers);
        const short = await call('journeys:create', { alias: 'Borger 12' });
        const contacts = [
          ['Lægen', 'general_practice', 'gp_visit', { repetitions: 12 }],
          ['Indlæggelse', 'hospital', 'admission', { durationDays: 9 }],
          ['Akutplads i kommunen', 'municipal_care', 'admission', { durationDays: 5 }],
        ] as const;
        for (const [i, [label, sector, contactType, patch]] of contacts.entries()) {
          const tp = await call('touchpoints:create', {
            journeyId: short.id,
            label,
            sector,
            contactType,
            x: i * 270,
            y: 0,
          });
          await call('touchpoints:update', {
            id: tp.id,
            patch: { ...patch, date: `2026-0${i + 3}-10`, emotion: i === 1 ? -1 : 0 },
          });
        }
        await app.open(`#/journey/${short.id}`);
        await new JourneyPage(page).waitLoaded();
        await page.getByTestId('more-menu-button').click();
        await costChoice.check();
        await savePicture(page, 'citizen-copy-cost-short.png');
      } else {
        await page.keyboard.press('Escape');
      }

      await importModels(app.handlers, programModels(60, 7, 20));
      await app.open('#/program');
      const program = new ProgramPage(page);
      await page.getByTestId('model-row').first().waitFor();
      await program.openTab('economy');
      await page.getByTestId('program-cost').waitFor();
      await shoot(page, `program-economy-${screen.suffix}.png`);
      // The views scroll inside the window: one picture per section, as staff scroll to it.
      for (const section of ['cost-by-payer', 'cost-by-sector', 'cost-who-pays', 'cost-unpriced']) {
        await page.getByTestId(section).evaluate((el) => el.scrollIntoView({ block: 'start' }));
        await shoot(page, `program-economy-${section.replace('cost-', '')}-${screen.suffix}.png`);
      }
      await program.openFilters();
      await page.getByTestId('filter-municipality').selectOption('lolland');
      await page.getByTestId('hidden-cell').first().waitFor();
      await program.filtersToggle.click();
      await page
        .getByTestId('hidden-note')
        .first()
        .evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await shoot(page, `program-economy-hidden-${screen.suffix}.png`);
    });
  });
}
