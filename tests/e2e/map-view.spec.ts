/**
 * The map as a person uses it at the table: full screen for a projector or a tablet, the
 * overview when zoomed far out, the emotion curve on the map's time axis, and a new touchpoint
 * appearing where the user is looking.
 */
import type { Locator, Page } from '@playwright/test';
import { KAREN_TOUCHPOINTS, seedKaren } from '../support/karen-journey';
import { expect, test } from './harness';
import { waitForStillMap } from './measure';
import { JourneyPage } from './pages';

const windowShare = async (page: Page, el: Locator) => {
  const box = (await el.boundingBox())!;
  const vp = page.viewportSize()!;
  return (box.width * box.height) / (vp.width * vp.height);
};

test.describe('the map at the table', () => {
  test.use({ viewport: { width: 1024, height: 768 }, hasTouch: true });

  test('full screen shows the map alone, and Escape brings the rest back', async ({ app }) => {
    const id = await seedKaren(app.handlers);
    await app.open(`#/journey/${id}`);
    const canvas = new JourneyPage(app.page);
    await canvas.waitLoaded();
    const map = app.page.locator('.react-flow');
    const before = await windowShare(app.page, map);

    await app.page.getByTestId('more-menu-button').tap();
    await app.page.getByTestId('fullscreen-menu').tap();
    await expect(app.page.getByTestId('journey-title')).toBeHidden();
    await expect(app.page.getByRole('tablist')).toBeHidden();
    // The few controls it needs stay: add, undo, show all, zoom, leave.
    for (const control of ['add-touchpoint', 'undo', 'fit-all', 'zoom-in', 'fullscreen-leave'])
      await expect(app.page.getByTestId(control)).toBeVisible();
    await expect.poll(() => windowShare(app.page, map)).toBeGreaterThan(before + 0.05);
    expect(await windowShare(app.page, app.page.getByTestId('canvas'))).toBeGreaterThan(0.8);
    // The status line stays, so what the app says is still heard and seen: over the map while
    // it says it, taking no room of the map's when it says nothing.
    const status = app.page.getByTestId('status');
    await expect(status).toBeAttached();
    await app.page.getByTestId('add-touchpoint').tap();
    await app.page.getByTestId('undo').tap();
    await expect(status).toBeVisible();
    await expect(status).not.toBeEmpty();
    const said = (await status.boundingBox())!;
    expect(said.y + said.height).toBeLessThanOrEqual(app.page.viewportSize()!.height);
    // In the left part of the window: a panel opened on the right stays clear of it.
    expect(said.x + said.width).toBeLessThanOrEqual(app.page.viewportSize()!.width - 360);

    await app.page.keyboard.press('Escape');
    await expect(app.page.getByTestId('journey-title')).toBeVisible();
    await expect(app.page.getByTestId('more-menu-button')).toBeVisible();
  });

  test('a card opened in the panel stays in view beside it', async ({ app }) => {
    const id = await seedKaren(app.handlers);
    await app.open(`#/journey/${id}`);
    const journey = new JourneyPage(app.page);
    await journey.waitLoaded();
    const flow = app.page.getByTestId('canvas-flow');
    // Right of the middle: the panel opening over the map's right side would cover it.
    const card = journey.node('Akutmodtagelsen, Nykøbing F.');
    await card.tap();
    await expect(app.page.getByTestId('touchpoint-panel')).toBeVisible();
    await expect
      .poll(
        async () => {
          const c = (await card.boundingBox())!;
          const f = (await flow.boundingBox())!;
          return (
            c.x >= f.x &&
            c.x + c.width <= f.x + f.width &&
            c.y >= f.y &&
            c.y + c.height <= f.y + f.height
          );
        },
        { message: 'the selected card inside the map beside the panel' },
      )
      .toBe(true);
  });

  test('zoomed far out, cards become marks; 100 % is one press away', async ({ app }) => {
    const id = await seedKaren(app.handlers);
    await app.open(`#/journey/${id}`);
    await new JourneyPage(app.page).waitLoaded();
    const nodes = app.page.getByTestId('touchpoint-node');
    await expect(nodes.first()).not.toHaveAttribute('data-overview', 'true');
    await expect(nodes.first().getByTestId('touchpoint-label')).toBeVisible();

    await app.page.getByTestId('zoom-out').tap();
    await app.page.getByTestId('zoom-out').tap();
    await expect(nodes.first()).toHaveAttribute('data-overview', 'true');
    // No shrunken text: the name is there for screen readers only (a 1 px clipped box), the face
    // stays.
    const label = await nodes.first().getByTestId('touchpoint-label').boundingBox();
    expect(label!.width * label!.height).toBeLessThanOrEqual(1);
    // Nor the pain count: a few pixels high out here.
    await expect(app.page.getByTestId('touchpoint-pain-count')).toHaveCount(0);
    const face = nodes.first().getByTestId('touchpoint-emotion');
    await expect(face).toBeVisible();
    expect((await face.boundingBox())!.height).toBeGreaterThanOrEqual(24);

    await app.page.getByTestId('zoom-level').tap();
    await expect(app.page.getByTestId('zoom-level')).toHaveText('100 %');
    await expect(nodes.first().getByTestId('touchpoint-label')).toBeVisible();
  });

  test('the emotion curve stands under the cards, on the same time axis', async ({ app }) => {
    const id = await seedKaren(app.handlers);
    await app.open(`#/journey/${id}`);
    await new JourneyPage(app.page).waitLoaded();
    await waitForStillMap(app.page);
    const withFace = KAREN_TOUCHPOINTS.filter((tp) => tp.emotion !== undefined).length;
    const points = app.page.getByTestId('emotion-point');
    await expect(points).toHaveCount(withFace);
    const cardCentres = await app.page.getByTestId('touchpoint-node').evaluateAll((els) =>
      els
        .filter((el) => el.querySelector('[data-testid="touchpoint-emotion"]'))
        .map((el) => {
          const r = el.getBoundingClientRect();
          return r.x + r.width / 2;
        })
        .sort((a, b) => a - b),
    );
    const pointCentres = await points.evaluateAll((els) =>
      els
        .map((el) => {
          const r = el.getBoundingClientRect();
          return r.x + r.width / 2;
        })
        .sort((a, b) => a - b),
    );
    expect(pointCentres).toHaveLength(cardCentres.length);
    // Each face under its card (faces of cards of the same day stand side by side, still under
    // their column's cards).
    const halfCard = await app.page
      .getByTestId('touchpoint-node')
      .first()
      .evaluate((el) => el.getBoundingClientRect().width / 2);
    pointCentres.forEach((x, i) => expect(Math.abs(x - cardCentres[i]!)).toBeLessThan(halfCard));
    // Two faces never sit on top of each other.
    const boxes = await points.evaluateAll((els) =>
      els.map((el) => {
        const r = el.getBoundingClientRect();
        return { x: r.x, y: r.y, w: r.width, h: r.height };
      }),
    );
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
        const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
        expect(w > 2 && h > 2, `faces ${i} and ${j} overlap`).toBe(false);
      }
    // Left to right in the order the journey happened, as the list tells it: faces of one day
    // too (the emergency room before the ward it sent her to, not in the lanes' order).
    const leftToRight = await points.evaluateAll((els) =>
      els
        .map((el) => ({
          x: el.getBoundingClientRect().x,
          name: (el.querySelector('title')?.textContent ?? '').replace(/: [^:]*$/, ''),
        }))
        .sort((a, b) => a.x - b.x)
        .map((p) => p.name),
    );
    expect(leftToRight).toEqual(
      KAREN_TOUCHPOINTS.filter((tp) => tp.emotion !== undefined).map((tp) => tp.label),
    );
    // And it is on screen with the map, without scrolling the page.
    await expect(app.page.getByTestId('emotion-curve')).toBeInViewport();
  });

  test('a touchpoint from the palette lands in its lane, where the user is looking', async ({
    app,
  }) => {
    const id = await seedKaren(app.handlers);
    await app.open(`#/journey/${id}`);
    const canvas = new JourneyPage(app.page);
    await canvas.waitLoaded();
    await app.page.getByTestId('palette-toggle').tap();
    await app.page.getByTestId('palette-psychiatry').locator('summary').tap();
    await app.page.getByTestId('palette-psychiatry').getByTestId('palette-other').tap();
    await expect(canvas.nameInput).toBeFocused();
    await canvas.nameInput.fill('Distriktspsykiatrien');
    await canvas.waitSaved();
    const node = canvas.node('Distriktspsykiatrien');
    await expect(node.getByTestId('touchpoint-node')).toHaveAttribute('data-sector', 'psychiatry');
    // In view, and inside its lane, which was folded away before and is shown now.
    await expect(node).toBeInViewport();
    const lane = (await app.page
      .locator('[data-testid="lane-label"][data-sector="psychiatry"]')
      .boundingBox())!;
    const box = (await node.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(lane.y - 1);
    expect(box.y + box.height).toBeLessThanOrEqual(lane.y + lane.height + 1);
    expect(
      app.db.prepare("SELECT sector FROM touchpoints WHERE label = 'Distriktspsykiatrien'").get(),
    ).toEqual({ sector: 'psychiatry' });
  });

  test('the toolbar is one row on a 1024 px touch screen, in Danish and in English', async ({
    app,
  }) => {
    const id = await seedKaren(app.handlers);
    for (const language of ['da', 'en'] as const) {
      await app.handlers['settings:set']({ language });
      await app.open(`#/journey/${id}`);
      await new JourneyPage(app.page).waitLoaded();
      const toolbar = (await app.page.getByTestId('map-toolbar').boundingBox())!;
      const button = (await app.page.getByTestId('add-touchpoint').boundingBox())!;
      expect(toolbar.height, `toolbar height in ${language}`).toBeLessThan(button.height * 1.5);
      // Nothing in it is pushed past the window's edge.
      const more = (await app.page.getByTestId('more-menu-button').boundingBox())!;
      expect(more.x + more.width).toBeLessThanOrEqual(1024);
    }
  });

  test('the keyboard focus shows on a card, and the menu stays inside the window', async ({
    app,
  }) => {
    const id = await seedKaren(app.handlers);
    await app.open(`#/journey/${id}`);
    await new JourneyPage(app.page).waitLoaded();
    const card = app.page.locator('.react-flow__node-touchpoint').first();
    await card.focus();
    const outline = await card.evaluate((el) => {
      const style = getComputedStyle(el);
      return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    expect(outline.style).not.toBe('none');
    expect(outline.width).toBeGreaterThanOrEqual(2);

    await app.page.getByTestId('more-menu-button').tap();
    const body = app.page.getByTestId('more-menu').locator('.menu-body');
    const box = (await body.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(768);
    // Its last choice can be reached (the menu scrolls inside itself if it must).
    const last = app.page.getByTestId('lane-toggle-other');
    await last.scrollIntoViewIfNeeded();
    await expect(last).toBeInViewport();
  });

  test('Tab reaches the first card in a few presses from the toolbar', async ({ app }) => {
    const id = await seedKaren(app.handlers);
    await app.open(`#/journey/${id}`);
    await new JourneyPage(app.page).waitLoaded();
    await app.page.getByTestId('more-menu-button').focus();
    let presses = 0;
    const onCard = () =>
      app.page.evaluate(() => !!document.activeElement?.closest('.react-flow__node-touchpoint'));
    while (!(await onCard()) && presses < 30) {
      await app.page.keyboard.press('Tab');
      presses++;
    }
    expect(
      presses,
      'Tab presses from the last toolbar button to the first card',
    ).toBeLessThanOrEqual(6);
  });
});
