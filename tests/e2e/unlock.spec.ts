import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { lookOfFile } from '../../electron/db/cipher';
import { keyFileFor, readKeyFile } from '../../electron/db/keys';
import { expect } from './harness';
import { HomePage, JourneyPage } from './pages';
import { UnlockPage, unlockTest as test } from './unlock-harness';

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

const PASSPHRASE = 'grøn kaffe på en mandag';

test.describe('the passphrase start (no keychain on this computer)', () => {
  test('the first start asks for a passphrase twice, then the app opens on the encrypted database', async ({
    locked,
  }) => {
    const { page } = locked;
    const unlock = new UnlockPage(page);
    await locked.open();
    await expect(unlock.screen).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vælg en adgangssætning');
    await expect(page.getByTestId('unlock-warning')).toContainText('Bliver den glemt');
    expect(await seriousViolations(page)).toEqual([]);

    // Too short, then two that differ: said under the field it is about.
    await unlock.passphrase.fill('kort');
    await unlock.submit.click();
    await expect(page.getByTestId('unlock-passphrase-error')).toHaveText(
      'Adgangssætningen skal have mindst 10 tegn.',
    );
    await expect(unlock.passphrase).toBeFocused();
    expect(await seriousViolations(page)).toEqual([]);
    await unlock.passphrase.fill(PASSPHRASE);
    await unlock.again.fill('grøn kaffe på en tirsdag');
    await unlock.submit.click();
    await expect(page.getByTestId('unlock-again-error')).toHaveText(
      'De to adgangssætninger er ikke ens. Skriv dem igen.',
    );
    // Nothing was made yet.
    expect(readKeyFile(keyFileFor(locked.dbFile))).toBeNull();

    // With the keyboard, as many facilitators do: Enter sends the form.
    await unlock.again.fill(PASSPHRASE);
    await unlock.again.press('Enter');
    const home = new HomePage(page);
    await expect(home.screen).toBeVisible();
    await home.create('Karen');
    await expect(new JourneyPage(page).title).toHaveText('Karen');
    expect(lookOfFile(locked.dbFile)).toBe('encrypted');
    expect(readKeyFile(keyFileFor(locked.dbFile))).toMatchObject({ wrap: 'passphrase' });
  });

  test('the next start asks for the passphrase once; a wrong one is said plainly', async ({
    locked,
  }) => {
    const { page } = locked;
    const unlock = new UnlockPage(page);
    await locked.open();
    await unlock.passphrase.fill(PASSPHRASE);
    await unlock.again.fill(PASSPHRASE);
    await unlock.submit.click();
    const home = new HomePage(page);
    await home.create('Karen');
    await expect(new JourneyPage(page).title).toHaveText('Karen');
    await page.getByTestId('back-home').click();
    await expect(home.row('Karen')).toBeVisible();

    await locked.restart();
    await expect(unlock.screen).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lås Forløbsværksted op');
    await expect(unlock.again).toHaveCount(0);
    expect(await seriousViolations(page)).toEqual([]);

    // An empty form is not sent.
    await unlock.submit.click();
    await expect(page.getByTestId('unlock-passphrase-error')).toHaveText('Skriv adgangssætningen.');

    await unlock.passphrase.fill('grøn kaffe på en tirsdag');
    await unlock.submit.click();
    await expect(unlock.error).toHaveText(
      'Adgangssætningen passer ikke. Prøv igen, og husk store og små bogstaver.',
    );
    // The field is emptied and ready for the next try.
    await expect(unlock.passphrase).toHaveValue('');
    await expect(unlock.passphrase).toBeFocused();
    expect(await seriousViolations(page)).toEqual([]);

    // Shown, so a long phrase is easier to get right.
    await page.getByTestId('unlock-passphrase-show').click();
    await expect(unlock.passphrase).toHaveAttribute('type', 'text');
    await unlock.passphrase.fill(PASSPHRASE);
    await unlock.passphrase.press('Enter');
    // The journey came back from the encrypted database.
    await expect(home.row('Karen')).toBeVisible();
  });
});
