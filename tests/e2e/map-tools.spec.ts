import { expect, test } from './harness';
import { descriptionOf, JourneyPage, openWithOneCard } from './pages';

test.describe('map tools', () => {
  test('lays the map out by time: dates decide left to right, whatever was stored', async ({
    app,
  }) => {
    const j = await app.handlers['journeys:create']({ alias: 'Borger 7' });
    const make = async (
      label: string,
      x: number,
      sector: 'hospital' | 'general_practice' | 'citizen',
      date?: string,
    ) => {
      const tp = await app.handlers['touchpoints:create']({
        journeyId: j.id,
        x,
        y: 0,
        label,
        sector,
      });
      if (date) await app.handlers['touchpoints:update']({ id: tp.id, patch: { date } });
    };
    // Stored far apart and against time, as an old map or another tool might have left them.
    await make('Marts', 0, 'hospital', '2026-03-02');
    await make('Januar', 5000, 'general_practice', '2026-01-10');
    await make('Uden dato', 2500, 'citizen');
    await app.open(`#/journey/${j.id}`);
    const canvas = new JourneyPage(app.page);
    await canvas.waitLoaded();
    const left = async (label: string) => (await canvas.node(label).boundingBox())!.x;
    expect(await left('Januar')).toBeLessThan(await left('Uden dato'));
    expect(await left('Uden dato')).toBeLessThan(await left('Marts'));
    // The ruler names the months where their touchpoints stand.
    await expect(app.page.getByTestId('time-tick')).toHaveText(['januar 2026', 'marts']);
    const january = (await app.page.getByTestId('time-tick').first().boundingBox())!;
    expect(Math.abs(january.x - (await left('Januar')))).toBeLessThan(12);

    // Dragging a dated card sideways does not change its time; the status line says how to.
    const marts = canvas.node('Marts');
    const box = (await marts.boundingBox())!;
    await canvas.dragTo(marts, box.x + box.width / 2 - 300, box.y + box.height / 2);
    await expect(app.page.getByTestId('status')).toHaveText(/står ved sin dato/);
    await expect.poll(() => left('Marts')).toBeGreaterThan(await left('Uden dato'));
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
    await app.page.getByTestId('map-both').check();
    await expect(app.page.getByTestId('compare-as_is')).toContainText('Akutmodtagelsen');
    await expect(app.page.getByTestId('compare-to_be')).toContainText('Fast læge');
    await expect(app.page.getByTestId('compare-as_is')).not.toContainText('Fast læge');
    await app.page.getByTestId('compare-to_be').locator('.react-flow__node-touchpoint').click();
    await expect(app.page.getByTestId('map-to_be')).toBeChecked();
    await expect(canvas.nameInput).toHaveValue('Fast læge');
  });

  test('switching to both maps closes the panel of a chosen card, so the maps get the window', async ({
    app,
  }) => {
    await app.page.setViewportSize({ width: 1024, height: 768 });
    const { canvas } = await openWithOneCard(app, 'Akutmodtagelsen', 'emergency');
    await canvas.node('Akutmodtagelsen').click();
    await expect(app.page.getByTestId('panel-drawer')).toBeVisible();
    await app.page.locator('label', { has: app.page.getByTestId('map-both') }).click();
    await expect(app.page.getByTestId('compare-as_is')).toBeVisible();
    await expect(app.page.getByTestId('panel-drawer')).toHaveCount(0);
    for (const map of ['as_is', 'to_be']) {
      const box = (await app.page.getByTestId(`compare-${map}`).boundingBox())!;
      expect(box.width, `${map}: the map's width at 1024 px`).toBeGreaterThan(1024 * 0.85);
    }
  });

  test('both maps tell a screen reader, in Danish, what a card and a line are, and Enter opens a card', async ({
    app,
  }) => {
    const j = await app.handlers['journeys:create']({ alias: 'Borger 8' });
    const make = (label: string, sector: 'emergency' | 'hospital', x: number) =>
      app.handlers['touchpoints:create']({ journeyId: j.id, x, y: 0, label, sector });
    const a = await make('Akutmodtagelsen', 'emergency', 0);
    const b = await make('Medicinsk afdeling', 'hospital', 400);
    await app.handlers['transitions:create']({
      journeyId: j.id,
      sourceId: a.id,
      targetId: b.id,
      kind: 'handover',
    });
    await app.open(`#/journey/${j.id}`);
    const canvas = new JourneyPage(app.page);
    await canvas.waitLoaded();
    await app.page.getByTestId('map-both').check();
    const asIs = app.page.getByTestId('compare-as_is');
    // The line is named by its cards, not by their ids, and in Danish.
    const line = asIs.locator('.react-flow__edge').first();
    await expect(line).toHaveAttribute(
      'aria-label',
      /^Overgang fra Akutmodtagelsen til Medicinsk afdeling/,
    );
    // Every description React Flow puts in the page for this map, read as a screen reader would.
    const card = asIs.locator('.react-flow__node-touchpoint', { hasText: 'Akutmodtagelsen' });
    const description = await descriptionOf(card);
    expect(description).toContain('Tryk Enter for at åbne kontaktpunktet');
    expect(description).not.toMatch(/Press|select|delete/i);
    await card.focus();
    await app.page.keyboard.press('Enter');
    await expect(app.page.getByTestId('map-as_is')).toBeChecked();
    await expect(canvas.nameInput).toHaveValue('Akutmodtagelsen');
  });
});
