/**
 * `npm run screenshots`: the backups screen ("Sikkerhedskopier") on a 1366×768 laptop and a
 * 1024×768 touch screen, written to docs/screenshots/ for people to look at: the list of backups
 * (a few days of them, for several reasons), the passphrase mismatch, the question before a
 * restore, and a deleted journey the backups still hold. Not part of `npm test`.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { writeBackup } from '../../electron/db/backups';
import { test } from '../e2e/harness';
import { seedKaren } from '../support/karen-journey';

const OUT = fileURLToPath(new URL('../../docs/screenshots', import.meta.url));
mkdirSync(OUT, { recursive: true });

for (const screen of [
  { width: 1366, height: 768, hasTouch: false, suffix: '1366' },
  { width: 1024, height: 768, hasTouch: true, suffix: '1024-touch' },
]) {
  test.describe(`backups ${screen.width}×${screen.height}`, () => {
    test.use({
      viewport: { width: screen.width, height: screen.height },
      hasTouch: screen.hasTouch,
    });

    test('the backups screen', async ({ app }) => {
      test.setTimeout(60_000);
      const page = app.page;
      const shoot = async (name: string) => {
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        const file = `backups-${name}-${screen.suffix}.png`;
        await page.screenshot({ path: join(OUT, file) });
        console.log(`[screenshots] wrote docs/screenshots/${file}`);
      };

      // A week at the table: Karen and two more, backed up daily, once before a snapshot was
      // brought back and once by hand; then "Bo" deleted (the backups still hold him).
      await seedKaren(app.handlers);
      const bo = await app.handlers['journeys:create']({ alias: 'Bo, 45' });
      await app.handlers['journeys:create']({ alias: 'Mette' });
      const day = (n: number, hour = 9) => new Date(Date.UTC(2026, 2, n, hour, 12));
      for (let n = 1; n <= 5; n++) writeBackup(app.db, app.backups.folder, 'daily', day(n));
      writeBackup(app.db, app.backups.folder, 'snapshot_restore', day(5, 13));
      writeBackup(app.db, app.backups.folder, 'manual', day(6, 15));
      await app.handlers['journeys:delete']({ id: bo.id });

      await app.open('#/backups');
      await page.getByTestId('backup-row').first().waitFor();
      await page.getByTestId('forget-row').first().waitFor();
      await shoot('list');
      // The main area scrolls under the header: each part in view in turn.
      await page.getByTestId('restore-from-file').scrollIntoViewIfNeeded();
      await page.getByTestId('forget-journeys').scrollIntoViewIfNeeded();
      await shoot('forget');

      await page.getByTestId('usb-backup').scrollIntoViewIfNeeded();
      await page.getByTestId('usb-passphrase').fill('tre grønne pærer');
      await page.getByTestId('usb-passphrase-again').fill('tre grønne pærer!');
      await page.getByTestId('usb-write').click();
      await page.getByTestId('usb-passphrase-again-error').waitFor();
      await page.getByTestId('usb-write').scrollIntoViewIfNeeded();
      await shoot('mismatch');

      await restoreQuestion(page);
      await shoot('restore-question');

      // The delete question on the home screen, with "from the backups too".
      await page.keyboard.press('Escape');
      await app.open('#/');
      await page.getByTestId('journey-delete').first().click();
      await page.getByTestId('delete-dialog').waitFor();
      await page.getByTestId('delete-from-backups').check();
      await shoot('delete-question');
    });
  });
}

async function restoreQuestion(page: Page) {
  await page.getByTestId('backup-restore').first().scrollIntoViewIfNeeded();
  await page.getByTestId('backup-restore').first().click();
  await page.getByTestId('backup-restore-dialog').waitFor();
}
