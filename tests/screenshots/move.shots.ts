/**
 * `npm run screenshots`: the dialogs of moving a journey to another computer, at the laptop's
 * 1366×768 and the touch screen's 1024×768, written to docs/screenshots/ for people to look at.
 * Same harness as the end-to-end tests (real handlers, a real SQLite file, the fake file dialogs).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test, type AppHarness } from '../e2e/harness';
import { MOVE_TIMEOUT, MovePage } from '../e2e/move-page';
import { KAREN_ALIAS, seedKaren } from '../support/karen-journey';

const OUT = fileURLToPath(new URL('../../docs/screenshots', import.meta.url));
mkdirSync(OUT, { recursive: true });
const PASS = 'tre grønne æbler på bordet';

async function shoot(page: Page, name: string) {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.screenshot({ path: join(OUT, name) });
  console.log(`[screenshots] wrote docs/screenshots/${name}`);
}

/** Karen's journey and two others on the list. */
async function seed(app: AppHarness) {
  await seedKaren(app.handlers, { toBe: true });
  for (const alias of ['Anna, 45', 'Bo, 58']) await app.handlers['journeys:create']({ alias });
}

async function shootAll(app: AppHarness, size: string) {
  await seed(app);
  await app.open('#/');
  const move = new MovePage(app.page);
  await move.home.row(KAREN_ALIAS).waitFor();
  await shoot(app.page, `move-home-${size}.png`);

  await move.openMoveOut(KAREN_ALIAS);
  await move.passphrase.fill('Karen2026!!');
  await move.passphraseAgain.fill('Karen2026!');
  await app.page.getByTestId('move-out-save').click();
  await expect(app.page.getByTestId('move-passphrase-again-error')).toBeVisible();
  await shoot(app.page, `move-out-${size}.png`);

  await move.moveOut(PASS);
  await expect(app.page.getByTestId('move-out-saved')).toBeVisible({ timeout: MOVE_TIMEOUT });
  await shoot(app.page, `move-out-saved-${size}.png`);
  await app.page.getByTestId('move-keep').click();

  await move.openMoveIn();
  await move.moveIn(PASS);
  await expect(app.page.getByTestId('move-in-error')).toBeVisible({ timeout: MOVE_TIMEOUT });
  await shoot(app.page, `move-in-refused-${size}.png`);

  // Deleted here, then taken in: the outcome as the facilitator sees it.
  await app.page.getByTestId('move-in-dialog').getByRole('button', { name: 'Annullér' }).click();
  await move.home.row(KAREN_ALIAS).getByTestId('journey-delete').click();
  await app.page.getByTestId('confirm-ok').click();
  await expect(move.home.row(KAREN_ALIAS)).toHaveCount(0);
  await move.openMoveIn();
  await move.moveIn(PASS);
  await expect(app.page.getByTestId('move-in-done')).toBeVisible({ timeout: MOVE_TIMEOUT });
  await shoot(app.page, `move-in-done-${size}.png`);

  // Moving it again: the dialog lists the earlier moves, both ends kept in its history.
  await app.page.getByTestId('move-in-close').click();
  await move.openMoveOut(KAREN_ALIAS);
  await expect(app.page.getByTestId('move-history').locator('li')).toHaveCount(2);
  await app.page.getByTestId('move-history').scrollIntoViewIfNeeded();
  await shoot(app.page, `move-out-history-${size}.png`);
}

test.describe('laptop 1366×768', () => {
  test.use({ viewport: { width: 1366, height: 768 } });
  test('moving a journey', async ({ app }) => {
    test.setTimeout(90_000);
    await shootAll(app, '1366');
  });
});

test.describe('touch screen 1024×768', () => {
  test.use({ viewport: { width: 1024, height: 768 }, hasTouch: true });
  test('moving a journey', async ({ app }) => {
    test.setTimeout(90_000);
    await shootAll(app, '1024-touch');
  });
});
