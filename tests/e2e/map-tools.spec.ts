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

    // The rarer actions live in the toolbar's "Mere" menu.
    await app.page.getByTestId('more-menu-button').click();
    await app.page.getByTestId('auto-layout').click();
    await expect(app.page.getByTestId('auto-layout')).toBeHidden();
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
    await app.page.getByTestId('map-both').check();
    await expect(app.page.getByTestId('compare-as_is')).toContainText('Akutmodtagelsen');
    await expect(app.page.getByTestId('compare-to_be')).toContainText('Fast læge');
    await expect(app.page.getByTestId('compare-as_is')).not.toContainText('Fast læge');
    await app.page.getByTestId('compare-to_be').locator('.react-flow__node-touchpoint').click();
    await expect(app.page.getByTestId('map-to_be')).toBeChecked();
    await expect(canvas.nameInput).toHaveValue('Fast læge');
  });
});
