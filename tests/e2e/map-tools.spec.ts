import { readFileSync } from 'node:fs';
import { expect, test } from './harness';
import { JourneyPage } from './pages';

test.describe('map tools', () => {
  test('tidies the map by time and lane, as one undoable step', async ({ app }) => {
    const j = await app.handlers['journeys:create']({ alias: 'Borger 7' });
    await app.handlers['touchpoints:create']({
      journeyId: j.id,
      x: 900,
      y: 0,
      label: 'Marts',
      sector: 'hospital',
    });
    const jan = await app.handlers['touchpoints:create']({
      journeyId: j.id,
      x: 500,
      y: 0,
      label: 'Januar',
      sector: 'general_practice',
    });
    const mar = (await app.handlers['journeys:get']({ id: j.id })).touchpoints.find(
      (t) => t.label === 'Marts',
    )!;
    await app.handlers['touchpoints:update']({ id: mar.id, patch: { date: '2026-03-02' } });
    await app.handlers['touchpoints:update']({ id: jan.id, patch: { date: '2026-01-10' } });
    await app.handlers['touchpoints:create']({
      journeyId: j.id,
      x: 0,
      y: 0,
      label: 'Uden dato',
      sector: 'citizen',
    });
    await app.open(`#/journey/${j.id}`);
    const canvas = new JourneyPage(app.page);
    await canvas.waitLoaded();

    await app.page.getByTestId('auto-layout').click();
    await canvas.waitSaved();
    const xs = () =>
      Object.fromEntries(
        (
          app.db.prepare('SELECT label, x FROM touchpoints').all() as { label: string; x: number }[]
        ).map((r) => [r.label, r.x]),
      );
    const after = xs();
    expect(after['Uden dato']).toBeLessThan(after['Januar']!);
    expect(after['Januar']).toBeLessThan(after['Marts']!);
    expect(after['Uden dato']).toBe(0);

    await app.page.getByTestId('undo').click();
    await canvas.waitSaved();
    expect(xs()).toEqual({ Marts: 900, Januar: 500, 'Uden dato': 0 });
  });

  test('shows both maps together, and opens a touchpoint of the to-be map from there', async ({
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
      map: 'to_be',
      x: 0,
      y: 0,
      label: 'Fast læge',
      sector: 'general_practice',
    });
    await app.open(`#/journey/${j.id}`);
    const canvas = new JourneyPage(app.page);
    await canvas.waitLoaded();
    await app.page.getByTestId('map-both').check({ force: true });
    await expect(app.page.getByTestId('compare-as_is')).toContainText('Akutmodtagelsen');
    await expect(app.page.getByTestId('compare-to_be')).toContainText('Fast læge');
    await expect(app.page.getByTestId('compare-as_is')).not.toContainText('Fast læge');
    await app.page.getByTestId('compare-to_be').locator('.react-flow__node-touchpoint').click();
    await expect(app.page.getByTestId('map-to_be')).toBeChecked();
    await expect(canvas.nameInput).toHaveValue('Fast læge');
  });

  test("saves the citizen's copy as a PNG picture and prepares a printable page", async ({
    app,
  }) => {
    const j = await app.handlers['journeys:create']({ alias: 'Karen H.' });
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

    const [download] = await Promise.all([
      app.page.waitForEvent('download'),
      app.page.getByTestId('copy-png').click(),
    ]);
    expect(download.suggestedFilename()).toBe('forloeb-karen-h.png');
    const png = readFileSync((await download.path())!);
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    expect(width).toBeGreaterThan(400);
    expect(height).toBeGreaterThan(200);

    // Headless Chromium cannot show a print dialog, and a window.print() left running blocks
    // page.pdf() ("already being printed"): record the request instead, then print the page the
    // way the dialog's "save as PDF" would.
    await app.page.evaluate(() => {
      const w = window as unknown as { printRequests: number };
      w.printRequests = 0;
      window.print = () => {
        w.printRequests += 1;
      };
    });
    await app.page.getByTestId('copy-print').click();
    await expect
      .poll(() =>
        app.page.evaluate(() => (window as unknown as { printRequests: number }).printRequests),
      )
      .toBe(1);
    const view = app.page.getByTestId('print-view');
    await expect(view).toContainText('Karen H.');
    await expect(view.locator('img')).toHaveAttribute('src', /^data:image\/png;base64,/);
    await app.page.emulateMedia({ media: 'print' });
    await expect(view).toBeVisible();
    const pdf = await app.page.pdf({ format: 'A4', landscape: true });
    expect(pdf.subarray(0, 5).toString('ascii')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);
  });
});
