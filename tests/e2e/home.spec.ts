import { existsSync, statSync } from 'node:fs';
import { decryptedPages } from '../support/test-key';
import { expect, test } from './harness';
import { HomePage, JourneyPage } from './pages';

test.describe('home screen', () => {
  test('creates a journey, opens it, and finds it again after a reload', async ({ app }) => {
    await app.open();
    const home = new HomePage(app.page);
    await expect(app.page.getByTestId('journey-list-empty')).toHaveText(/ingen forløb endnu/i);

    await home.create('  Borger 7  ');
    const journey = new JourneyPage(app.page);
    await journey.waitLoaded();
    await expect(journey.title).toHaveText('Borger 7');
    await expect(app.page.getByTestId('status')).toContainText('«Borger 7» er oprettet');

    await app.page.getByTestId('back-home').click();
    await expect(home.rows()).toHaveCount(1);
    await app.page.reload();
    await expect(home.row('Borger 7')).toContainText('0 kontaktpunkter');
    expect(app.db.prepare('SELECT alias FROM journeys').all()).toEqual([{ alias: 'Borger 7' }]);
  });

  test('explains an empty or too long alias and stores nothing', async ({ app }) => {
    await app.open();
    const home = new HomePage(app.page);
    await home.create('   ');
    await expect(app.page.getByTestId('create-alias-error')).toHaveText('Skriv et alias.');
    await expect(home.aliasInput).toHaveAttribute('aria-invalid', 'true');
    await home.create('x'.repeat(81));
    await expect(app.page.getByTestId('create-alias-error')).toHaveText(
      'Aliaset må højst være 80 tegn.',
    );
    expect(app.db.prepare('SELECT count(*) AS n FROM journeys').get()).toEqual({ n: 0 });
    // Fixing the alias clears the message and creates the journey.
    await home.create('Borger 8');
    await new JourneyPage(app.page).waitLoaded();
  });

  test('searches, renames and archives', async ({ app }) => {
    for (const alias of ['Anna', 'Hanne', 'Bo']) {
      await app.handlers['journeys:create']({ alias });
    }
    await app.open();
    const home = new HomePage(app.page);
    await expect(home.rows()).toHaveCount(3);

    await app.page.getByTestId('search').fill('ann');
    await expect(home.rows()).toHaveCount(2);
    expect((await home.aliases()).sort()).toEqual(['Anna', 'Hanne']);
    await app.page.getByTestId('search').fill('zzz');
    await expect(app.page.getByTestId('journey-list-empty')).toHaveText(
      'Ingen forløb passer til «zzz».',
    );
    await app.page.getByTestId('search').fill('');

    await home.rename('Bo', 'Bo Ny');
    await expect(home.row('Bo Ny')).toBeVisible();
    await expect(app.page.getByTestId('rename-dialog')).toBeHidden();

    await home.row('Anna').getByTestId('journey-archive').click();
    await expect(home.rows()).toHaveCount(2);
    await app.page.getByTestId('show-archived').check();
    await expect(home.row('Anna')).toContainText('Arkiveret');
    await home.row('Anna').getByTestId('journey-archive').click();
    await app.page.getByTestId('show-archived').uncheck();
    await expect(home.rows()).toHaveCount(3);

    await app.page.reload();
    await expect(home.rows()).toHaveCount(3);
    expect((await home.aliases()).sort()).toEqual(['Anna', 'Bo Ny', 'Hanne']);
  });

  test('rename can be cancelled with Escape and refuses an empty alias', async ({ app }) => {
    await app.handlers['journeys:create']({ alias: 'Anna' });
    await app.open();
    const home = new HomePage(app.page);
    await home.row('Anna').getByTestId('journey-rename').click();
    await app.page.getByTestId('rename-alias').fill('');
    await app.page.getByTestId('rename-save').click();
    await expect(app.page.getByTestId('rename-alias-error')).toHaveText('Skriv et alias.');
    await app.page.keyboard.press('Escape');
    await expect(app.page.getByTestId('rename-dialog')).toBeHidden();
    await expect(home.row('Anna')).toBeVisible();
    // Focus returns to where the user was.
    await expect(home.row('Anna').getByTestId('journey-rename')).toBeFocused();
  });

  test('deletes only after confirmation, and erases the data from the file', async ({ app }) => {
    const j = await app.handlers['journeys:create']({ alias: 'Kirsten Slettesen' });
    await app.handlers['touchpoints:create']({
      journeyId: j.id,
      x: 0,
      y: 0,
      label: 'Slettesen hos lægen',
    });
    await app.handlers['journeys:create']({ alias: 'Bliver' });
    await app.open();
    const home = new HomePage(app.page);

    // The file is encrypted: its pages are read with the key (free pages too). Before the delete
    // the name is there, so the check at the end can fail.
    app.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(decryptedPages(app.dbFile).includes(Buffer.from('Slettesen'))).toBe(true);
    await home.row('Kirsten Slettesen').getByTestId('journey-delete').click();
    const dialog = app.page.getByTestId('delete-dialog');
    await expect(dialog).toContainText('Slet forløbet «Kirsten Slettesen»?');
    // The safe choice has the focus; Enter keeps the journey.
    await expect(dialog.getByTestId('confirm-cancel')).toBeFocused();
    await app.page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(home.rows()).toHaveCount(2);

    await home.row('Kirsten Slettesen').getByTestId('journey-delete').click();
    await dialog.getByTestId('confirm-ok').click();
    await expect(home.rows()).toHaveCount(1);
    await expect(app.page.getByTestId('status')).toContainText('er slettet');
    await app.page.reload();
    await expect(app.page.getByTestId('journey-alias')).toHaveText(['Bliver']);
    expect(decryptedPages(app.dbFile).includes(Buffer.from('Slettesen'))).toBe(false);
    const wal = `${app.dbFile}-wal`;
    if (existsSync(wal)) expect(statSync(wal).size).toBe(0);
  });

  test('switches to English and remembers it', async ({ app }) => {
    await app.open();
    await expect(app.page.getByRole('heading', { level: 1 })).toHaveText('Forløb');
    await expect(app.page.locator('html')).toHaveAttribute('lang', 'da');
    await app.page.getByTestId('language').selectOption('en');
    await expect(app.page.getByRole('heading', { level: 1 })).toHaveText('Journeys');
    await app.page.reload();
    await expect(app.page.getByRole('heading', { level: 1 })).toHaveText('Journeys');
    await expect(app.page.locator('html')).toHaveAttribute('lang', 'en');
  });
});
