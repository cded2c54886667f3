/**
 * `npm run screenshots`: the passphrase start (a computer without a keychain) at 1366×768 and at
 * 1024×768, for people to look at: the first start with its warning and a mismatch, and a later
 * start after a wrong passphrase.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect } from '../e2e/harness';
import { HomePage } from '../e2e/pages';
import { UnlockPage, unlockTest as test } from '../e2e/unlock-harness';

const OUT = fileURLToPath(new URL('../../docs/screenshots', import.meta.url));
mkdirSync(OUT, { recursive: true });

async function shoot(page: Page, name: string) {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.screenshot({ path: join(OUT, name) });
  console.log(`[screenshots] wrote docs/screenshots/${name}`);
}

for (const [width, suffix] of [
  [1366, '1366'],
  [1024, '1024-touch'],
] as const) {
  test(`the passphrase start at ${width}×768`, async ({ locked }) => {
    const { page } = locked;
    await page.setViewportSize({ width, height: 768 });
    const unlock = new UnlockPage(page);
    await locked.open();
    await unlock.passphrase.fill('grøn kaffe på en mandag');
    await unlock.again.fill('grøn kaffe på en');
    await unlock.submit.click();
    await expect(page.getByTestId('unlock-again-error')).toBeVisible();
    await shoot(page, `unlock-first-${suffix}.png`);

    await unlock.again.fill('grøn kaffe på en mandag');
    await unlock.submit.click();
    await expect(new HomePage(page).screen).toBeVisible();
    await locked.restart();
    await unlock.passphrase.fill('forkert adgangssætning');
    await unlock.submit.click();
    await expect(unlock.error).toBeVisible();
    await shoot(page, `unlock-wrong-${suffix}.png`);
  });
}
