import type { Database } from 'better-sqlite3';
import { expect, test } from './harness';
import { JourneyPage, TouchpointPanelPage } from './pages';

interface Row {
  id: string;
  label: string;
  sector: string;
  map: string;
  service_code: string | null;
  contact_type: string | null;
  date: string | null;
  date_precision: string;
  duration_days: number | null;
  repetitions: number | null;
  initiated_by: string | null;
  emotion: number | null;
  what_worked: string;
  quote: string;
}
const rows = (db: Database) => db.prepare('SELECT * FROM touchpoints ORDER BY x').all() as Row[];
const row = (db: Database, label: string) =>
  db.prepare('SELECT * FROM touchpoints WHERE label = ?').get(label) as Row | undefined;

test.describe('workshop canvas', () => {
  test('adds from the palette by click and by keyboard, each into its lane', async ({ app }) => {
    const j = await app.handlers['journeys:create']({ alias: 'Borger 7' });
    await app.open(`#/journey/${j.id}`);
    const canvas = new JourneyPage(app.page);
    await canvas.waitLoaded();

    await app.page.getByTestId('palette-general_practice').locator('summary').click();
    await app.page
      .getByTestId('palette-general_practice')
      .getByRole('button', { name: 'Tilføj Egen læge, konsultation' })
      .click();
    await expect(canvas.nodes).toHaveCount(1);
    await expect(canvas.nameInput).toBeFocused();
    await expect(canvas.nameInput).toHaveValue('Egen læge, konsultation');

    // Keyboard only: open the hospital group and add its first service.
    await app.page.getByTestId('palette-hospital').locator('summary').focus();
    await app.page.keyboard.press('Enter');
    const first = app.page.getByTestId('palette-hospital').getByTestId('palette-item').first();
    await first.focus();
    const firstName = (await first.textContent())!;
    await app.page.keyboard.press('Enter');
    await expect(canvas.nodes).toHaveCount(2);
    await canvas.waitSaved();

    const stored = rows(app.db);
    expect(stored.map((r) => [r.sector, r.label])).toEqual([
      ['general_practice', 'Egen læge, konsultation'],
      ['hospital', firstName],
    ]);
    expect(stored[0]!.service_code).toBe('gp-consultation');
    expect(stored[0]!.contact_type).toBe('gp_visit');
    // The second was placed later in time than the first.
    expect(
      (
        app.db.prepare('SELECT x FROM touchpoints WHERE sector = ?').get('hospital') as {
          x: number;
        }
      ).x,
    ).toBeGreaterThan(
      (
        app.db.prepare('SELECT x FROM touchpoints WHERE sector = ?').get('general_practice') as {
          x: number;
        }
      ).x,
    );
  });

  test('describes a touchpoint with every field, and finds it all again after a reload', async ({
    app,
  }) => {
    const j = await app.handlers['journeys:create']({ alias: 'Borger 7' });
    await app.handlers['touchpoints:create']({ journeyId: j.id, x: 0, y: 0, label: 'Indlagt' });
    await app.open(`#/journey/${j.id}`);
    const canvas = new JourneyPage(app.page);
    await canvas.waitLoaded();
    await canvas.node('Indlagt').click();
    const panel = app.page.getByTestId('touchpoint-panel');
    const panelPage = new TouchpointPanelPage(app.page);
    await panelPage.openMore();

    await panel.getByTestId('touchpoint-sector').selectOption('hospital');
    await panel
      .getByTestId('touchpoint-service')
      .selectOption({ label: 'Nykøbing F. Sygehus, medicinsk afdeling' });
    await panel.getByTestId('touchpoint-contact-type').selectOption('admission');
    await panel.getByTestId('touchpoint-date').fill('28-02-2026');
    await panel.getByTestId('touchpoint-duration').fill('4,5');
    await panel.getByTestId('touchpoint-repetitions').fill('2');
    await panel.getByTestId('touchpoint-initiated-by').selectOption('professional');
    await panel.getByTestId('emotion--2').check();
    await panel.getByTestId('pain-add-waiting').click();
    await panel.getByTestId('pain-text').fill('Ventede tre uger på svar.');
    await panel.getByTestId('touchpoint-what-worked').fill('Sygeplejersken lyttede.');
    await panel.getByTestId('touchpoint-quote').fill('Jeg følte mig glemt.');
    await canvas.waitSaved();

    const node = canvas.node('Indlagt');
    await expect(node.getByTestId('touchpoint-emotion')).toHaveAttribute('data-emotion', '-2');
    await expect(node.getByTestId('touchpoint-pain-count')).toContainText('1');
    await expect(node).toContainText('Indlæggelse');
    await expect(node.getByTestId('touchpoint-node')).toHaveAttribute('data-sector', 'hospital');

    await app.page.reload();
    await canvas.waitLoaded();
    await canvas.node('Indlagt').click();
    await panelPage.openMore();
    await expect(panel.getByTestId('touchpoint-sector')).toHaveValue('hospital');
    await expect(panel.getByTestId('touchpoint-service')).toHaveValue(
      'nyk-hospital-internal-medicine',
    );
    await expect(panel.getByTestId('touchpoint-date')).toHaveValue('28-02-2026');
    await expect(panel.getByTestId('touchpoint-duration')).toHaveValue('4,5');
    await expect(panel.getByTestId('emotion--2')).toBeChecked();
    await expect(panel.getByTestId('pain-text')).toHaveValue('Ventede tre uger på svar.');
    await expect(panel.getByTestId('touchpoint-quote')).toHaveValue('Jeg følte mig glemt.');
    expect(row(app.db, 'Indlagt')).toMatchObject({
      sector: 'hospital',
      service_code: 'nyk-hospital-internal-medicine',
      contact_type: 'admission',
      date: '2026-02-28',
      date_precision: 'day',
      duration_days: 4.5,
      repetitions: 2,
      initiated_by: 'professional',
      emotion: -2,
      what_worked: 'Sygeplejersken lyttede.',
      quote: 'Jeg følte mig glemt.',
    });

    // Month precision keeps only the month.
    await panel.getByTestId('touchpoint-date').fill('02-2026');
    await canvas.waitSaved();
    expect(row(app.db, 'Indlagt')).toMatchObject({ date: '2026-02', date_precision: 'month' });
  });

  test('explains bad input in plain Danish and stores nothing wrong', async ({ app }) => {
    const j = await app.handlers['journeys:create']({ alias: 'Borger 7' });
    await app.handlers['touchpoints:create']({ journeyId: j.id, x: 0, y: 0, label: 'Jobcentret' });
    await app.open(`#/journey/${j.id}`);
    const canvas = new JourneyPage(app.page);
    await canvas.waitLoaded();
    await canvas.node('Jobcentret').click();
    const panel = app.page.getByTestId('touchpoint-panel');
    await new TouchpointPanelPage(app.page).openMore();

    await panel.getByTestId('touchpoint-duration').fill('-3');
    await expect(
      panel.getByText(
        'Skriv et antal dage fra 0 til 36500, eller timer som «2 timer» eller «30 min».',
      ),
    ).toBeVisible();
    await panel.getByTestId('touchpoint-repetitions').fill('1,5');
    await expect(panel.getByText('Skriv et helt tal fra 1 til 10000.')).toBeVisible();
    await panel.getByTestId('touchpoint-quote').fill('x'.repeat(1_000_000));
    await expect(panel.getByText('Teksten må højst være 2000 tegn.')).toBeVisible();
    // A valid edit after them is saved (the save queue has run past them), and they never were.
    await panel.getByTestId('emotion-1').check();
    await canvas.waitSaved();
    await expect.poll(() => row(app.db, 'Jobcentret')).toMatchObject({ emotion: 1 });
    expect(row(app.db, 'Jobcentret')).toMatchObject({
      duration_days: null,
      repetitions: null,
      quote: '',
    });
    await expect(panel.getByTestId('touchpoint-duration')).toHaveAttribute('aria-invalid', 'true');
  });

  test('connects two touchpoints from the keyboard and rates the handover', async ({ app }) => {
    const j = await app.handlers['journeys:create']({ alias: 'Borger 7' });
    await app.handlers['touchpoints:create']({
      journeyId: j.id,
      x: 0,
      y: 0,
      label: 'Egen læge',
      sector: 'general_practice',
    });
    await app.handlers['touchpoints:create']({
      journeyId: j.id,
      x: 300,
      y: 0,
      label: 'Sygehuset',
      sector: 'hospital',
    });
    await app.open(`#/journey/${j.id}`);
    const canvas = new JourneyPage(app.page);
    await canvas.waitLoaded();

    await canvas.node('Egen læge').focus();
    await app.page.keyboard.press('Enter');
    const panel = app.page.getByTestId('touchpoint-panel');
    await new TouchpointPanelPage(app.page).openMore();
    await panel.getByTestId('connect-target').selectOption({ label: 'Sygehuset' });
    await panel.getByTestId('connect-button').click();
    await expect(app.page.locator('.react-flow__edge')).toHaveCount(1);

    // The connection has a Danish accessible name, and the card's panel opens it from the keyboard.
    const edge = app.page.locator('.react-flow__edge');
    await expect(edge).toHaveAttribute('aria-label', 'Overgang fra Egen læge til Sygehuset');
    const open = panel.getByTestId('panel-connection');
    await expect(open).toHaveText('Videre til Sygehuset');
    await open.focus();
    await app.page.keyboard.press('Enter');
    const edgePanel = app.page.getByTestId('transition-panel');
    await expect(edgePanel).toContainText('Fra «Egen læge» til «Sygehuset»');
    await edgePanel.getByTestId('transition-kind').selectOption('referral');
    await edgePanel.getByTestId('transition-quality').selectOption('broken');
    await edgePanel.getByTestId('transition-waiting').fill('42');
    await edgePanel.getByTestId('transition-note').fill('Henvisningen blev væk.');
    await canvas.waitSaved();
    // On the map: the handover's quality and the wait; to a screen reader, all of it.
    await expect(app.page.getByTestId('edge-label')).toHaveText('Brudt · 42 dage');
    await expect(edge).toHaveAttribute(
      'aria-label',
      'Overgang fra Egen læge til Sygehuset, henvisning, brudt, 42 dages ventetid',
    );

    await app.page.reload();
    await canvas.waitLoaded();
    await expect(app.page.getByTestId('edge-label')).toHaveText('Brudt · 42 dage');
    expect(
      app.db.prepare('SELECT kind, quality, waiting_days, note FROM transitions').get(),
    ).toEqual({
      kind: 'referral',
      quality: 'broken',
      waiting_days: 42,
      note: 'Henvisningen blev væk.',
    });
  });

  test('undoes and redoes edits and a deletion, with the database following', async ({ app }) => {
    const j = await app.handlers['journeys:create']({ alias: 'Borger 7' });
    const tp = await app.handlers['touchpoints:create']({
      journeyId: j.id,
      x: 0,
      y: 0,
      label: 'Apoteket',
    });
    await app.handlers['painPoints:create']({
      touchpointId: tp.id,
      category: 'money',
      text: 'For dyr medicin',
    });
    await app.open(`#/journey/${j.id}`);
    const canvas = new JourneyPage(app.page);
    await canvas.waitLoaded();
    await canvas.node('Apoteket').click();

    // Typing a word is one undo step.
    await canvas.nameInput.fill('');
    await canvas.nameInput.pressSequentially('Apoteket i Maribo');
    await canvas.waitSaved();
    expect(row(app.db, 'Apoteket i Maribo')).toBeDefined();
    await app.page.getByTestId('undo').click();
    await expect(canvas.nameInput).toHaveValue('Apoteket');
    await canvas.waitSaved();
    expect(row(app.db, 'Apoteket')).toBeDefined();
    await app.page.getByTestId('redo').click();
    await expect(canvas.nameInput).toHaveValue('Apoteket i Maribo');
    await canvas.waitSaved();

    // Deleting, then Ctrl+Z on the map, brings it back with its pain point.
    await new TouchpointPanelPage(app.page).openMore();
    await app.page.getByTestId('touchpoint-delete').click();
    await app.page.getByTestId('touchpoint-delete-dialog').getByTestId('confirm-ok').click();
    await expect(canvas.nodes).toHaveCount(0);
    expect(rows(app.db)).toHaveLength(0);
    await app.page.getByTestId('canvas').click({ position: { x: 400, y: 60 } });
    await app.page.keyboard.press('Control+z');
    await expect(canvas.nodes).toHaveCount(1);
    await canvas.waitSaved();
    expect(rows(app.db)).toHaveLength(1);
    expect(app.db.prepare('SELECT text FROM pain_points').all()).toEqual([
      { text: 'For dyr medicin' },
    ]);
    await app.page.keyboard.press('Control+Shift+z');
    await expect(canvas.nodes).toHaveCount(0);
    await canvas.waitSaved();
    expect(rows(app.db)).toHaveLength(0);

    await app.page.reload();
    await canvas.waitLoaded();
    await expect(canvas.nodes).toHaveCount(0);
  });

  test('keeps the as-is and the to-be maps apart, and shows the journey as a list', async ({
    app,
  }) => {
    const j = await app.handlers['journeys:create']({ alias: 'Borger 7' });
    await app.handlers['touchpoints:create']({
      journeyId: j.id,
      x: 0,
      y: 0,
      label: 'Akutmodtagelsen',
      sector: 'emergency',
    });
    await app.handlers['touchpoints:create']({
      journeyId: j.id,
      x: 300,
      y: 0,
      label: 'Egen læge',
      sector: 'general_practice',
    });
    await app.open(`#/journey/${j.id}`);
    const canvas = new JourneyPage(app.page);
    await canvas.waitLoaded();
    await expect(canvas.nodes).toHaveCount(2);

    await app.page.getByTestId('map-to_be').check();
    await expect(canvas.nodes).toHaveCount(0);
    await app.page.getByTestId('add-touchpoint').click();
    await canvas.nameInput.fill('Fast kontaktperson');
    await canvas.waitSaved();
    await app.page.getByTestId('map-as_is').check();
    await expect(canvas.nodes).toHaveCount(2);
    expect(row(app.db, 'Fast kontaktperson')).toMatchObject({ map: 'to_be' });

    await app.page.getByTestId('view-list').check();
    const items = app.page.getByTestId('outline-item');
    await expect(items).toHaveCount(2);
    await expect(items.nth(0)).toContainText('Akutmodtagelsen');
    await expect(items.nth(0)).toContainText('Akut');
    await expect(items.nth(1)).toContainText('Egen læge');
  });
});
