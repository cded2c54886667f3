import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KAREN_ALIAS, seedKaren } from '../support/karen-journey';
import { BackupsPage } from './backups-page';
import { expect, test } from './harness';
import { HomePage } from './pages';

/** Scrypt at the app's strength, in the test process, on a busy two-core machine. */
const SEAL_TIMEOUT = 20_000;
const countJourneys = (db: { prepare: (s: string) => { get: () => unknown } }) =>
  (db.prepare('SELECT count(*) AS n FROM journeys').get() as { n: number }).n;

test.describe('the backups screen', () => {
  test('lists a backup, and bringing it back after the question restores a deleted journey', async ({
    app,
  }) => {
    await seedKaren(app.handlers);
    await app.open();
    const home = new HomePage(app.page);
    const backups = new BackupsPage(app.page);
    await backups.openFromHome();
    await expect(app.page.getByTestId('backup-list-empty')).toBeVisible();
    await backups.backUpNow();
    await expect(backups.rows.first()).toContainText('Taget af dig · 1 forløb');
    // The screen says how long a deleted journey stays in the backups.
    await expect(backups.screen).toContainText('i op til 7 dage, hvor programmet er i brug');

    // A mistake at the table: Karen is deleted.
    await backups.back();
    await home.row(KAREN_ALIAS).getByTestId('journey-delete').click();
    await app.page.getByTestId('delete-dialog').getByTestId('confirm-ok').click();
    await expect(app.page.getByTestId('journey-list-empty')).toBeVisible();
    expect(countJourneys(app.db)).toBe(0);

    await backups.openFromHome();
    // The question says what happens, and the safe answer has the focus.
    await backups.rows.first().getByTestId('backup-restore').click();
    const dialog = app.page.getByTestId('backup-restore-dialog');
    await expect(dialog).toContainText('Alle forløb på computeren bliver sat tilbage');
    await expect(dialog).toContainText('først gemmes alt, som det er nu, som en sikkerhedskopi');
    await expect(dialog.getByTestId('confirm-cancel')).toBeFocused();
    await app.page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    expect(countJourneys(app.db)).toBe(0);

    await backups.restore(0);
    await expect(backups.status).toContainText('Kopien er hentet frem. Nu er der 1 forløb.');
    // The database as it was just before (no journeys) is kept as the newest backup.
    await expect(backups.rows).toHaveCount(2);
    await expect(backups.rows.first()).toContainText('før en kopi blev hentet frem · 0 forløb');

    await backups.back();
    await expect(home.row(KAREN_ALIAS)).toBeVisible();
    await app.page.reload();
    await expect(app.page.getByTestId('journey-alias')).toHaveText([KAREN_ALIAS]);
    expect(countJourneys(app.db)).toBe(1);
  });

  test('writes a USB backup under a passphrase typed twice, and brings it back', async ({
    app,
  }) => {
    await seedKaren(app.handlers);
    await app.open('#/backups');
    const backups = new BackupsPage(app.page);
    const usb = app.backups.usbFolder!;

    await backups.writeToUsb('kort', 'kort');
    await expect(app.page.getByTestId('usb-passphrase-error')).toHaveText(
      'Adgangskoden skal være mindst 10 tegn.',
    );
    await backups.writeToUsb('tre grønne pærer på bordet', 'tre grønne pærer på borde');
    await expect(app.page.getByTestId('usb-passphrase-again-error')).toHaveText(
      'De to adgangskoder er ikke ens. Skriv den samme to gange.',
    );
    expect(readdirSync(usb)).toEqual([]);

    await app.page.getByTestId('usb-passphrase-again').fill('tre grønne pærer på bordet');
    await app.page.getByTestId('usb-write').click();
    await expect(app.page.getByTestId('usb-status')).toContainText('Kopien er gemt som', {
      timeout: SEAL_TIMEOUT,
    });
    const [name] = readdirSync(usb);
    expect(name).toMatch(/^forloebsvaerksted-.*\.fvbackup$/);
    const bytes = readFileSync(join(usb, name!));
    expect(bytes.includes(Buffer.from('Karen'))).toBe(false);
    // The passphrase is not kept in the form.
    await expect(backups.usbPassphrase).toHaveValue('');

    // Karen deleted; brought back from the USB stick, after a mistyped passphrase.
    const id = (await app.handlers['journeys:list']({}))[0]!.id;
    await app.handlers['journeys:delete']({ id });
    app.backups.file = join(usb, name!);
    await backups.restoreFromFile('tre grønne pærer på gulvet');
    await expect(app.page.getByTestId('restore-passphrase-error')).toContainText(
      'Adgangskoden passer ikke til kopien',
      { timeout: SEAL_TIMEOUT },
    );
    expect(countJourneys(app.db)).toBe(0);
    await backups.restoreFromFile('tre grønne pærer på bordet');
    await expect(backups.status).toContainText('Nu er der 1 forløb.', { timeout: SEAL_TIMEOUT });
    expect(countJourneys(app.db)).toBe(1);
  });

  test('deletes a withdrawn journey from the backups too, from the delete question', async ({
    app,
  }) => {
    await seedKaren(app.handlers);
    await app.handlers['journeys:create']({ alias: 'Bo' });
    await app.handlers['backups:create']({});
    await app.handlers['backups:create']({});
    await app.open();
    const home = new HomePage(app.page);
    await home.row(KAREN_ALIAS).getByTestId('journey-delete').click();
    const dialog = app.page.getByTestId('delete-dialog');
    await expect(dialog).toContainText('Sikkerhedskopierne på computeren har det stadig');
    await dialog.getByTestId('delete-from-backups').check();
    // The question then says what will happen, not that the backups keep it.
    await expect(dialog).not.toContainText('har det stadig');
    await expect(dialog).toContainText('og fra sikkerhedskopierne på computeren');
    await dialog.getByTestId('confirm-ok').click();
    await expect(app.page.getByTestId('status')).toContainText(
      `Forløbet «${KAREN_ALIAS}» er slettet, også fra 2 sikkerhedskopier.`,
    );
    await expect(app.page.getByTestId('status')).toContainText(
      'Kopier på USB-stik kan programmet ikke nå',
    );

    // Bo, deleted the ordinary way, stays in the backups until deleted from there.
    await home.row('Bo').getByTestId('journey-delete').click();
    await dialog.getByTestId('confirm-ok').click();
    const backups = new BackupsPage(app.page);
    await backups.openFromHome();
    await expect(app.page.getByTestId('forget-row')).toHaveCount(1);
    await expect(app.page.getByTestId('forget-row')).toContainText('Bo');
    await app.page.getByTestId('forget-journey').click();
    await app.page.getByTestId('forget-dialog').getByTestId('confirm-ok').click();
    await expect(app.page.getByTestId('forget-done')).toContainText(
      '«Bo» er slettet fra 2 sikkerhedskopier.',
    );
    await expect(app.page.getByTestId('forget-empty')).toBeVisible();
    await expect(backups.rows.first()).toContainText('0 forløb');
  });
});
