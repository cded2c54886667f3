import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { KAREN_ALIAS, KAREN_TOUCHPOINTS, seedKaren } from '../support/karen-journey';
import { expect, test } from './harness';
import { MOVE_TIMEOUT, MovePage } from './move-page';
import { JourneyPage } from './pages';

const PASS = 'tre grønne æbler på bordet';

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

test.describe('moving a journey to another computer', () => {
  test('moves a journey out, deletes it, takes it back in with its map', async ({ app }) => {
    const journeyId = await seedKaren(app.handlers, { toBe: true });
    const asIs = KAREN_TOUCHPOINTS.length;
    await app.open();
    const move = new MovePage(app.page);
    await move.openMoveOut(KAREN_ALIAS);
    await expect(move.outDialog).toContainText(`Flyt forløbet «${KAREN_ALIAS}»`);
    // The first field has the focus: the facilitator can type at once.
    await expect(move.passphrase).toBeFocused();

    // Too short, then typed differently twice: told plainly, nothing written.
    await move.passphrase.fill('kort');
    await expect(app.page.getByTestId('move-passphrase-hint')).toHaveText(
      'Styrke: for kort – mindst 10 tegn.',
    );
    await app.page.getByTestId('move-out-save').click();
    await expect(app.page.getByTestId('move-passphrase-error')).toHaveText(
      'Adgangskoden skal være mindst 10 tegn.',
    );
    await move.moveOut(PASS, `${PASS}!`);
    await expect(app.page.getByTestId('move-passphrase-again-error')).toHaveText(
      'De to adgangskoder er ikke ens. Skriv dem igen.',
    );
    await expect(app.page.getByTestId('move-passphrase-hint')).toHaveText('Styrke: stærk.');
    expect(existsSync(app.move.file!)).toBe(false);
    expect(await seriousViolations(app.page)).toEqual([]);

    // The show button lets the facilitator read what was typed.
    await expect(move.passphrase).toHaveAttribute('type', 'password');
    await app.page.getByTestId('move-passphrase-show').click();
    await expect(move.passphrase).toHaveAttribute('type', 'text');

    await move.moveOut(PASS);
    const saved = app.page.getByTestId('move-out-saved');
    await expect(saved).toContainText('Forløbet er gemt i filen «moved.forloeb».', {
      timeout: MOVE_TIMEOUT,
    });
    // The offer to delete here; keeping it is the choice with the focus.
    await expect(app.page.getByTestId('move-keep')).toBeFocused();
    const bytes = readFileSync(app.move.file!);
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('FLB');
    expect(bytes.toString('latin1')).not.toContain('Karen');

    await app.page.getByTestId('move-delete-here').click();
    const confirm = app.page.getByTestId('delete-dialog');
    // The usual delete question (the move dialog gave way to it).
    await expect(confirm).toContainText(`Slet forløbet «${KAREN_ALIAS}»?`);
    await expect(move.outDialog).toBeHidden();
    await confirm.getByTestId('confirm-ok').click();
    await expect(app.page.getByTestId('journey-list-empty')).toBeVisible();
    expect(app.db.prepare('SELECT count(*) AS n FROM touchpoints').get()).toEqual({ n: 0 });

    // Taking it in: a wrong passphrase first is told as such, and nothing is taken in.
    await move.openMoveIn();
    await expect(move.inPassphrase).toBeFocused();
    await move.moveIn('tre grønne pærer på bordet');
    await expect(app.page.getByTestId('move-in-error')).toHaveText(
      'Adgangskoden passer ikke til filen. Tjek store og små bogstaver og mellemrum, og prøv igen.',
      { timeout: MOVE_TIMEOUT },
    );
    expect(app.db.prepare('SELECT count(*) AS n FROM journeys').get()).toEqual({ n: 0 });
    expect(await seriousViolations(app.page)).toEqual([]);

    await move.moveIn(PASS);
    await expect(app.page.getByTestId('move-in-done')).toContainText(
      `Forløbet «${KAREN_ALIAS}» er hentet.`,
      { timeout: MOVE_TIMEOUT },
    );
    // The list behind the dialog has it again, and the status bar no longer says it was deleted
    // (said before the dialog was opened, it would contradict the dialog).
    await expect(move.home.row(KAREN_ALIAS)).toHaveCount(1);
    await expect(app.page.getByTestId('status')).not.toContainText('slettet');
    await app.page.getByTestId('move-in-open').click();

    const journey = new JourneyPage(app.page);
    await journey.waitLoaded();
    await expect(journey.title).toHaveText(KAREN_ALIAS);
    await expect(journey.nodes).toHaveCount(asIs);
    await expect(journey.node('Akutmodtagelsen, Nykøbing F.')).toBeVisible();
    // From the database, after a reload: the same journey, its map and both ends of the move.
    await app.page.reload();
    await journey.waitLoaded();
    await expect(journey.nodes).toHaveCount(asIs);
    expect(
      app.db
        .prepare('SELECT direction FROM transfers WHERE journey_id = ? ORDER BY direction')
        .all(journeyId),
    ).toEqual([{ direction: 'in' }, { direction: 'out' }]);
    expect(
      app.db.prepare('SELECT real_name FROM profiles WHERE journey_id = ?').get(journeyId),
    ).toBeDefined();
  });

  test('refuses a journey that is here already, and says so when no file was chosen', async ({
    app,
  }) => {
    await seedKaren(app.handlers);
    await app.open();
    const move = new MovePage(app.page);
    await move.openMoveOut(KAREN_ALIAS);
    await move.moveOut(PASS);
    await expect(app.page.getByTestId('move-out-saved')).toBeVisible({ timeout: MOVE_TIMEOUT });
    await app.page.getByTestId('move-keep').click();
    await expect(move.outDialog).toBeHidden();

    // Kept here, so taking it in again is refused, by name, with nothing changed.
    await move.openMoveIn();
    await move.moveIn(PASS);
    await expect(app.page.getByTestId('move-in-error')).toContainText(
      `Forløbet findes allerede på denne computer (som «${KAREN_ALIAS}»). Intet er hentet.`,
      { timeout: MOVE_TIMEOUT },
    );
    await expect(move.home.rows()).toHaveCount(1);

    // No file chosen: said so in the dialog, which stays open for another try.
    const file = app.move.file;
    app.move.file = null;
    await app.page.getByTestId('move-in-open-file').click();
    await expect(app.page.getByTestId('move-in-status')).toHaveText(
      'Der blev ikke valgt nogen fil.',
    );
    await expect(move.inDialog).toBeVisible();
    expect(file).not.toBeNull();
  });

  test.describe('on a 1024×768 touch screen', () => {
    test.use({ viewport: { width: 1024, height: 768 }, hasTouch: true });

    test('the move dialogs fit the window, with 44 px targets and text of at least 12 px', async ({
      app,
    }) => {
      await seedKaren(app.handlers);
      await app.open();
      const move = new MovePage(app.page);
      const measure = async (dialog: ReturnType<Page['getByTestId']>) => {
        const box = await dialog.boundingBox();
        expect(box).not.toBeNull();
        expect(box!.y).toBeGreaterThanOrEqual(0);
        expect(box!.y + box!.height).toBeLessThanOrEqual(768);
        for (const control of await dialog.locator('button, input').all()) {
          const b = await control.boundingBox();
          expect(b!.height, await control.evaluate((e) => e.outerHTML)).toBeGreaterThanOrEqual(44);
          expect(b!.width).toBeGreaterThanOrEqual(44);
        }
        const smallest = await dialog.evaluate((root) =>
          Math.min(
            ...[...root.querySelectorAll('*')]
              .filter((e) =>
                [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent?.trim()),
              )
              .map((e) => parseFloat(getComputedStyle(e).fontSize)),
          ),
        );
        expect(smallest).toBeGreaterThanOrEqual(12);
      };
      await move.openMoveOut(KAREN_ALIAS);
      await move.moveOut('kort', 'kort!');
      await expect(app.page.getByTestId('move-passphrase-error')).toBeVisible();
      await measure(move.outDialog);
      await app.page.keyboard.press('Escape');
      await expect(move.outDialog).toBeHidden();
      await move.openMoveIn();
      await measure(move.inDialog);
    });
  });
});
