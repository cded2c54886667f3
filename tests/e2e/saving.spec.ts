/**
 * Nothing typed is lost: one save queue for the whole journey, one status in its header, failed
 * saves kept and retried, and undo on every tab — through the real handlers and a real SQLite
 * file. A fault is made by swapping a handler for one that throws, as a full disk would.
 */
import type { Channel } from '../../shared/ipc/channels';
import { expect, test, type AppHarness } from './harness';
import { JourneyPage } from './pages';

function breakChannel(app: AppHarness, channel: Channel) {
  // Any channel, so typed loosely: the stand-in throws whatever it is given.
  const handlers = app.handlers as Record<Channel, unknown>;
  const real = handlers[channel];
  let attempts = 0;
  handlers[channel] = () => {
    attempts += 1;
    throw new Error('SQLITE_FULL: database or disk is full');
  };
  return {
    attempts: () => attempts,
    heal: () => {
      handlers[channel] = real;
    },
  };
}

const realName = (app: AppHarness) =>
  (app.db.prepare('SELECT real_name FROM profiles').get() as { real_name: string } | undefined)
    ?.real_name;

async function openTab(app: AppHarness, tab: 'citizen' | 'ideas') {
  const j = await app.handlers['journeys:create']({ alias: 'Borger 7' });
  return openJourney(app, j.id, tab);
}

async function openJourney(app: AppHarness, id: string, tab: 'citizen' | 'ideas') {
  await app.open(`#/journey/${id}`);
  await new JourneyPage(app.page).waitLoaded();
  await app.page.getByTestId(`tab-${tab}`).click();
  return app.page.getByTestId(tab === 'citizen' ? 'profile-tab' : 'ideas-tab');
}

test.describe('one save path for the whole journey', () => {
  test('a profile edit that fails to save is kept, said so, and saved by Retry', async ({
    app,
  }) => {
    const tab = await openTab(app, 'citizen');
    const status = app.page.getByTestId('save-status');
    const fault = breakChannel(app, 'profile:update');

    await tab.getByTestId('profile-real-name').fill('Karen Hansen');
    await expect(status).toHaveAttribute('data-status', 'error');
    await expect(status).toContainText('Kunne ikke gemme');
    await expect(app.page.getByTestId('status')).toContainText('Det skrevne er ikke tabt');
    // The field keeps what was typed, and so does the journey after switching tabs and back.
    await expect(tab.getByTestId('profile-real-name')).toHaveValue('Karen Hansen');
    await app.page.getByTestId('tab-ideas').click();
    await app.page.getByTestId('tab-citizen').click();
    await expect(tab.getByTestId('profile-real-name')).toHaveValue('Karen Hansen');
    expect(realName(app)).toBeUndefined();

    fault.heal();
    await app.page.getByTestId('save-retry').click();
    await expect(status).toHaveAttribute('data-status', 'saved');
    expect(realName(app)).toBe('Karen Hansen');
    await app.page.reload();
    await app.page.getByTestId('tab-citizen').click();
    await expect(tab.getByTestId('profile-real-name')).toHaveValue('Karen Hansen');
  });

  test('a paste from Word or an old system is saved as the text it meant, and holds back no later edit', async ({
    app,
  }) => {
    const tab = await openTab(app, 'citizen');
    const status = app.page.getByTestId('save-status');
    // Word's line break within a paragraph is a vertical tab; an old system's apostrophe, read in
    // the wrong encoding, a C1 control. The database refuses both: a field that passed them on
    // would leave an edit waiting for ever, and every edit after it unsaved.
    const relatives = tab.getByTestId('profile-relatives');
    await relatives.focus();
    await app.page.keyboard.insertText('Ole Hansen\u000bMette \u0092Mus\u0092');
    await expect(relatives).toHaveValue('Ole Hansen\nMette ’Mus’');
    const realNameField = tab.getByTestId('profile-real-name');
    await realNameField.focus();
    await app.page.keyboard.insertText('Karen\u0007 Hansen');
    await expect(realNameField).toHaveValue('Karen Hansen');
    // Pasted in the middle, the caret stays after what was pasted, not at the end of the field.
    await realNameField.evaluate((el: HTMLInputElement) => el.setSelectionRange(5, 5));
    await app.page.keyboard.insertText(' \u0092Mus\u0092');
    await expect(realNameField).toHaveValue('Karen ’Mus’ Hansen');
    expect(await realNameField.evaluate((el: HTMLInputElement) => el.selectionStart)).toBe(11);
    await app.page.keyboard.press('Backspace');
    await expect(realNameField).toHaveValue('Karen ’Mus Hansen');
    await expect(status).toHaveAttribute('data-status', 'saved');
    expect(realName(app)).toBe('Karen ’Mus Hansen');
    expect(
      JSON.parse(
        (
          app.db.prepare('SELECT relatives_names FROM profiles').get() as {
            relatives_names: string;
          }
        ).relatives_names,
      ),
    ).toEqual(['Ole Hansen', 'Mette ’Mus’']);
  });

  test('once the fault clears, the automatic retry saves the edit without a click', async ({
    app,
  }) => {
    const tab = await openTab(app, 'citizen');
    const fault = breakChannel(app, 'profile:update');
    await tab.getByTestId('profile-real-name').fill('Karen');
    await expect(app.page.getByTestId('save-status')).toHaveAttribute('data-status', 'error');
    const attempts = fault.attempts();
    fault.heal();
    // The first automatic retry comes a second after the failure.
    await expect.poll(() => realName(app)).toBe('Karen');
    expect(attempts).toBeGreaterThanOrEqual(1);
    await expect(app.page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
  });

  test('the header does not say "all saved" while a profile save is on its way', async ({
    app,
  }) => {
    const tab = await openTab(app, 'citizen');
    const status = app.page.getByTestId('save-status');
    await expect(status).toHaveText('Alt er gemt');
    // The database takes its time with this save until the test lets it go.
    const real = app.handlers['profile:update']!;
    let release: () => void = () => undefined;
    const held = new Promise<void>((ok) => (release = ok));
    app.handlers['profile:update'] = async (input) => {
      await held;
      return real(input);
    };
    await tab.getByTestId('profile-municipality').selectOption('lolland');
    await expect(status).toHaveAttribute('data-status', 'saving');
    await expect(status).toHaveText('Gemmer …');
    expect(app.db.prepare('SELECT municipality FROM profiles').get()).toBeUndefined();
    release();
    await expect(status).toHaveText('Alt er gemt');
    expect(app.db.prepare('SELECT municipality FROM profiles').get()).toEqual({
      municipality: 'lolland',
    });
  });

  test('undo on the profile tab takes back the last edit, in the database too', async ({ app }) => {
    const tab = await openTab(app, 'citizen');
    const page = app.page;
    await tab.getByTestId('profile-real-name').fill('Karen');
    await tab.getByTestId('profile-household').selectOption('alone');
    await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');

    await page.getByTestId('undo').click();
    await expect(tab.getByTestId('profile-household')).toHaveValue('');
    await expect
      .poll(() => app.db.prepare('SELECT real_name, household FROM profiles').get())
      .toEqual({ real_name: 'Karen', household: null });
    // Ctrl+Z outside a field undoes the step before: the name typed.
    await page.getByTestId('undo').focus();
    await page.keyboard.press('Control+z');
    await expect(tab.getByTestId('profile-real-name')).toHaveValue('');
    await expect.poll(() => realName(app)).toBe('');
    await page.getByTestId('redo').click();
    await expect(tab.getByTestId('profile-real-name')).toHaveValue('Karen');
    await expect.poll(() => realName(app)).toBe('Karen');
  });

  test('a deleted idea comes back with undo, with its text, aims and id', async ({ app }) => {
    const j = await app.handlers['journeys:create']({ alias: 'Borger 7' });
    const idea = await app.handlers['ideas:create']({
      journeyId: j.id,
      text: 'Én fast kontaktperson.',
      aims: ['quality'],
    });
    const tab = await openJourney(app, j.id, 'ideas');
    const count = () =>
      (app.db.prepare('SELECT count(*) AS n FROM ideas').get() as { n: number }).n;

    await tab.getByTestId('idea-delete').click();
    await app.page.getByTestId('idea-delete-dialog').getByTestId('confirm-ok').click();
    await expect(tab.getByTestId('idea')).toHaveCount(0);
    await expect(app.page.getByTestId('status')).toContainText('Fortryd bringer den tilbage');
    await expect.poll(count).toBe(0);

    await app.page.getByTestId('undo').click();
    await expect(tab.getByTestId('idea-text')).toHaveValue('Én fast kontaktperson.');
    await expect(tab.getByTestId('idea-aim-quality')).toBeChecked();
    await expect.poll(count).toBe(1);
    expect(app.db.prepare('SELECT id, text, aims FROM ideas').get()).toEqual({
      id: idea.id,
      text: 'Én fast kontaktperson.',
      aims: '["quality"]',
    });
    await app.page.reload();
    await app.page.getByTestId('tab-ideas').click();
    await expect(tab.getByTestId('idea-text')).toHaveValue('Én fast kontaktperson.');
  });

  test('an undo that fails to save is kept and written by Retry', async ({ app }) => {
    const j = await app.handlers['journeys:create']({ alias: 'Borger 7' });
    await app.handlers['goals:create']({ journeyId: j.id, category: 'housing', text: 'Bolig' });
    const tab = await openJourney(app, j.id, 'ideas');
    await tab.getByTestId('goal-delete').click();
    await app.page.getByTestId('goal-delete-dialog').getByTestId('confirm-ok').click();
    await expect(app.page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
    const goals = () => app.db.prepare('SELECT category, text FROM goals').all();
    expect(goals()).toEqual([]);

    const fault = breakChannel(app, 'journeys:restoreItems');
    await app.page.getByTestId('undo').click();
    await expect(tab.getByTestId('goal-text')).toHaveValue('Bolig');
    await expect(app.page.getByTestId('save-status')).toHaveAttribute('data-status', 'error');
    expect(goals()).toEqual([]);
    fault.heal();
    await app.page.getByTestId('save-retry').click();
    await expect(app.page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
    expect(goals()).toEqual([{ category: 'housing', text: 'Bolig' }]);
  });
});

test.describe('the catalogue has its own queue and status', () => {
  test('a change that fails to save is kept and saved by Retry', async ({ app }) => {
    await app.open();
    await app.page.getByTestId('open-catalogue').click();
    const screen = app.page.getByTestId('catalogue-screen');
    await screen.getByTestId('catalogue-pharmacy').locator('summary').click();
    const first = screen.getByTestId('catalogue-pharmacy').getByTestId('service').first();
    const code = (await first.getAttribute('data-code'))!;
    const hidden = () => app.db.prepare('SELECT hidden FROM services WHERE code = ?').get(code);
    const fault = breakChannel(app, 'catalogue:update');

    await first.getByTestId('service-hidden').check();
    await expect(screen.getByTestId('save-status')).toHaveAttribute('data-status', 'error');
    await expect(first.getByTestId('service-hidden')).toBeChecked();
    expect(hidden()).toEqual({ hidden: 0 });
    fault.heal();
    await screen.getByTestId('save-retry').click();
    await expect(screen.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
    expect(hidden()).toEqual({ hidden: 1 });
  });
});
