import type { Database } from 'better-sqlite3';
import type { Touchpoint } from '../../shared/domain/journey';
import type { Handlers } from '../../shared/ipc/dispatch';
import { expect, test } from './harness';
import { descriptionOf, JourneyPage, openWithOneCard, TouchpointPanelPage } from './pages';

async function seedJourney(app: { handlers: Handlers }, alias = 'Borger 7') {
  return app.handlers['journeys:create']({ alias });
}

function rowOf(app: { db: Database }, label: string) {
  return app.db.prepare('SELECT * FROM touchpoints WHERE label = ?').get(label) as
    { x: number; y: number; label: string } | undefined;
}

test.describe('canvas', () => {
  test('adds a touchpoint by button, names it, and it survives a reload through SQLite', async ({
    app,
  }) => {
    const j = await seedJourney(app);
    await app.open(`#/journey/${j.id}`);
    const canvas = new JourneyPage(app.page);
    await canvas.waitLoaded();
    await expect(app.page.getByTestId('canvas-empty')).toBeVisible();

    await canvas.addTouchpoint('Besøg hos egen læge');
    await expect(canvas.node('Besøg hos egen læge')).toBeVisible();
    await canvas.waitSaved();
    await expect(canvas.saveStatus).toHaveText('Alt er gemt');
    expect(rowOf(app, 'Besøg hos egen læge')).toBeDefined();

    await app.page.reload();
    await canvas.waitLoaded();
    await expect(canvas.nodes).toHaveCount(1);
    await expect(canvas.node('Besøg hos egen læge')).toBeVisible();
  });

  test('a card tells a screen reader, in Danish, what the keyboard does with it', async ({
    app,
  }) => {
    await openWithOneCard(app, 'Jobcentret', 'employment');
    const description = await descriptionOf(new JourneyPage(app.page).node('Jobcentret'));
    expect(description).toContain('Tryk Enter for at redigere kontaktpunktet.');
    expect(description).not.toContain('kan ikke flyttes med tastaturet');
  });

  test('moves a touchpoint in time and into another lane by dragging with the mouse', async ({
    app,
  }) => {
    const j = await seedJourney(app);
    await app.handlers['touchpoints:create']({
      journeyId: j.id,
      x: 0,
      y: 0,
      label: 'Jobcentret',
      sector: 'employment',
    });
    await app.handlers['touchpoints:create']({
      journeyId: j.id,
      x: 400,
      y: 0,
      label: 'Hjemmeplejen',
      sector: 'municipal_care',
    });
    await app.open(`#/journey/${j.id}`);
    const canvas = new JourneyPage(app.page);
    await canvas.waitLoaded();
    // Lanes nobody uses are folded away; the lanes menu shows one again to drag into.
    await expect(canvas.lane('social_services')).toHaveCount(0);
    await app.page.getByTestId('more-menu-button').click();
    await app.page.getByTestId('lane-toggle-social_services').check();
    await app.page.getByTestId('more-menu-button').click();
    const node = canvas.node('Jobcentret');
    const before = (await node.boundingBox())!;
    const targetLane = (await canvas.lane('social_services').boundingBox())!;

    await canvas.dragTo(
      node,
      before.x + before.width / 2 + 250,
      targetLane.y + targetLane.height / 2,
    );
    await canvas.waitSaved();
    const stored = app.db
      .prepare("SELECT x, sector FROM touchpoints WHERE label = 'Jobcentret'")
      .get() as {
      x: number;
      sector: string;
    };
    expect(stored.sector).toBe('social_services');
    expect(stored.x).toBeGreaterThan(40);
    // The node sits inside the social services lane now (measured again: the map may have panned).
    const after = (await node.boundingBox())!;
    const laneNow = (await canvas.lane('social_services').boundingBox())!;
    expect(after.y).toBeGreaterThan(laneNow.y);
    expect(after.y + after.height).toBeLessThan(laneNow.y + laneNow.height + 1);
    // The other touchpoint was not touched.
    expect(rowOf(app, 'Hjemmeplejen')).toMatchObject({ x: 400, sector: 'municipal_care' });

    await app.page.reload();
    await canvas.waitLoaded();
    await expect(canvas.node('Jobcentret')).toBeVisible();
    expect(rowOf(app, 'Jobcentret')).toMatchObject({ x: stored.x, sector: 'social_services' });
  });

  test('works from the keyboard: add, name, move with arrows, and edit with Enter', async ({
    app,
  }) => {
    const { canvas } = await openWithOneCard(app, 'Egen læge', 'general_practice');

    await app.page.getByTestId('add-touchpoint').focus();
    await app.page.keyboard.press('Enter');
    await expect(canvas.nameInput).toBeFocused();
    await app.page.keyboard.type('Psykiatrien');
    await canvas.waitSaved();
    const xOf = (label: string) => rowOf(app, label)!.x;
    // A new touchpoint comes where the user is looking: here, after the one on the map.
    expect(xOf('Psykiatrien')).toBeGreaterThan(xOf('Egen læge'));
    const leftOf = async (a: string, b: string) =>
      (await canvas.node(a).boundingBox())!.x < (await canvas.node(b).boundingBox())!.x;
    expect(await leftOf('Egen læge', 'Psykiatrien')).toBe(true);

    // Focus the node on the map, and move it in time with the arrow keys, without selecting it
    // first (no dragging: WCAG 2.5.7).
    const node = canvas.node('Psykiatrien');
    await node.focus();
    await expect(node).toBeFocused();
    await app.page.keyboard.press('ArrowLeft');
    await expect(app.page.getByTestId('status')).toHaveText('Kontaktpunktet er flyttet tidligere.');
    await expect.poll(() => xOf('Psykiatrien')).toBeLessThan(xOf('Egen læge'));
    await expect.poll(() => leftOf('Psykiatrien', 'Egen læge')).toBe(true);
    await app.page.keyboard.press('ArrowLeft');
    await expect(app.page.getByTestId('status')).toHaveText(
      'Kontaktpunktet er allerede det første.',
    );
    await app.page.keyboard.press('ArrowRight');
    await expect.poll(() => xOf('Psykiatrien')).toBeGreaterThan(xOf('Egen læge'));

    // Up and down move between the lanes shown: from "Andet" up to "Egen læge" (the lanes
    // nobody uses are folded away).
    await app.page.keyboard.press('ArrowUp');
    await expect(app.page.getByTestId('status')).toHaveText(
      'Kontaktpunktet er flyttet til banen Egen læge.',
    );
    await canvas.waitSaved();
    expect(rowOf(app, 'Psykiatrien')).toMatchObject({ sector: 'general_practice' });

    // A touchpoint with a date stands at its date: the arrows say so instead of moving it.
    await app.handlers['touchpoints:update']({
      id: (rowOf(app, 'Egen læge') as unknown as { id: string }).id,
      patch: { date: '2026-03-02' },
    });
    await app.page.reload();
    await canvas.waitLoaded();
    const before = xOf('Egen læge');
    await canvas.node('Egen læge').focus();
    await app.page.keyboard.press('ArrowRight');
    await expect(app.page.getByTestId('status')).toHaveText(/står ved sin dato/);
    expect(xOf('Egen læge')).toBe(before);

    // Enter on the node opens its name for editing.
    await node.focus();
    await app.page.keyboard.press('Enter');
    await expect(canvas.nameInput).toBeFocused();
    await app.page.keyboard.press('End');
    await app.page.keyboard.type(' i Nykøbing');
    await canvas.waitSaved();
    expect(rowOf(app, 'Psykiatrien i Nykøbing')).toBeDefined();
  });

  test('deletes a touchpoint only after confirmation', async ({ app }) => {
    const j = await seedJourney(app);
    await app.handlers['touchpoints:create']({ journeyId: j.id, x: 0, y: 0, label: 'Apoteket' });
    await app.handlers['touchpoints:create']({
      journeyId: j.id,
      x: 300,
      y: 0,
      label: 'Akutmodtagelsen',
    });
    await app.open(`#/journey/${j.id}`);
    const canvas = new JourneyPage(app.page);
    await canvas.waitLoaded();

    await canvas.node('Apoteket').click();
    await expect(canvas.nameInput).toHaveValue('Apoteket');
    await new TouchpointPanelPage(app.page).openMore();
    await app.page.getByTestId('touchpoint-delete').click();
    const dialog = app.page.getByTestId('touchpoint-delete-dialog');
    await expect(dialog).toContainText('Slet kontaktpunktet «Apoteket»?');
    await dialog.getByTestId('confirm-cancel').click();
    await expect(canvas.nodes).toHaveCount(2);

    await app.page.getByTestId('touchpoint-delete').click();
    await dialog.getByTestId('confirm-ok').click();
    await expect(canvas.nodes).toHaveCount(1);
    // The panel closes with the touchpoint and gives the map its room back.
    await expect(app.page.getByTestId('panel-drawer')).toHaveCount(0);
    expect(rowOf(app, 'Apoteket')).toBeUndefined();

    // Delete on the keyboard never removes a touchpoint silently.
    await canvas.node('Akutmodtagelsen').click();
    await canvas.node('Akutmodtagelsen').focus();
    await app.page.keyboard.press('Delete');
    await app.page.keyboard.press('Backspace');
    await expect(canvas.nodes).toHaveCount(1);

    await app.page.reload();
    await canvas.waitLoaded();
    await expect(canvas.nodes).toHaveCount(1);
  });

  test('connects two touchpoints by dragging from one handle to the other', async ({ app }) => {
    const j = await seedJourney(app);
    await app.handlers['touchpoints:create']({ journeyId: j.id, x: 0, y: 0, label: 'Egen læge' });
    await app.handlers['touchpoints:create']({ journeyId: j.id, x: 420, y: 0, label: 'Sygehuset' });
    await app.open(`#/journey/${j.id}`);
    const canvas = new JourneyPage(app.page);
    await canvas.waitLoaded();

    const source = canvas.node('Egen læge').locator('.react-flow__handle.source');
    const target = canvas.node('Sygehuset').locator('.react-flow__handle.target');
    await expect(source).toBeInViewport();
    await expect(target).toBeInViewport();
    const s = (await source.boundingBox())!;
    const tb = (await target.boundingBox())!;
    await app.page.mouse.move(s.x + s.width / 2, s.y + s.height / 2);
    await app.page.mouse.down();
    await app.page.mouse.move(s.x + s.width / 2 + 30, s.y + s.height / 2, { steps: 3 });
    // The line follows the pointer once the connection has started (a busy machine may be late).
    await expect(app.page.locator('.react-flow__connectionline')).toBeVisible();
    await app.page.mouse.move(tb.x + tb.width / 2, tb.y + tb.height / 2, { steps: 12 });
    // Rest on the target, as a hand does, until it shows it will take the line; then let go.
    await app.page.mouse.move(tb.x + tb.width / 2 + 1, tb.y + tb.height / 2, { steps: 2 });
    await expect(target).toHaveClass(/connectingto/);
    await app.page.mouse.up();

    await expect(app.page.locator('.react-flow__edge')).toHaveCount(1);
    await expect(app.page.getByTestId('status')).toHaveText('Kontaktpunkterne er forbundet.');
    expect(app.db.prepare('SELECT count(*) AS n FROM transitions').get()).toEqual({ n: 1 });
    await app.page.reload();
    await canvas.waitLoaded();
    await expect(app.page.locator('.react-flow__edge')).toHaveCount(1);
  });

  test('refuses a name that is too long with a clear message and keeps the stored one', async ({
    app,
  }) => {
    const j = await seedJourney(app);
    const tp: Touchpoint = await app.handlers['touchpoints:create']({
      journeyId: j.id,
      x: 0,
      y: 0,
      label: 'Kommunen',
    });
    await app.open(`#/journey/${j.id}`);
    const canvas = new JourneyPage(app.page);
    await canvas.waitLoaded();
    await canvas.node('Kommunen').click();
    await canvas.nameInput.fill('x'.repeat(5000));
    await expect(app.page.getByRole('alert')).toHaveText('Navnet må højst være 200 tegn.');
    // A valid edit after it is saved (the save queue has run past the refused name) …
    await app.page.getByTestId('emotion-1').check();
    await canvas.waitSaved();
    await expect
      .poll(() => app.db.prepare('SELECT emotion FROM touchpoints WHERE id = ?').get(tp.id))
      .toEqual({ emotion: 1 });
    // … and the refused name never was.
    expect(app.db.prepare('SELECT label FROM touchpoints WHERE id = ?').get(tp.id)).toEqual({
      label: 'Kommunen',
    });
  });

  test('shows a clear message for a journey that does not exist', async ({ app }) => {
    await app.open(`#/journey/${crypto.randomUUID()}`);
    await expect(app.page.getByTestId('journey-load-error')).toContainText(
      'Forløbet kunne ikke åbnes.',
    );
    await expect(app.page.getByTestId('journey-load-error')).toContainText(
      'Det findes ikke længere',
    );
  });
});
