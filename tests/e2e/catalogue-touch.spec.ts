import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './harness';
import { JourneyPage } from './pages';

test.describe('service catalogue', () => {
  test('adds a local service and hides another; the palette follows', async ({ app }) => {
    const j = await app.handlers['journeys:create']({ alias: 'Borger 7' });
    await app.open();
    await app.page.getByTestId('open-catalogue').click();
    const screen = app.page.getByTestId('catalogue-screen');
    await screen.getByTestId('new-service-add').click();
    await expect(screen.getByText('Skriv et navn på både dansk og engelsk')).toBeVisible();
    await screen.getByTestId('new-service-sector').selectOption('civil_society');
    await screen.getByTestId('new-service-contact-type').selectOption('meeting');
    await screen.getByTestId('new-service-da').fill('Værestedet Ålholm');
    await screen.getByTestId('new-service-en').fill('Drop-in centre Ålholm');
    await screen.getByTestId('new-service-add').click();
    await expect(app.page.getByTestId('status')).toHaveText(
      'Tilbuddet «Værestedet Ålholm» er tilføjet.',
    );

    await screen.getByTestId('catalogue-pharmacy').locator('summary').click();
    const first = screen.getByTestId('catalogue-pharmacy').getByTestId('service').first();
    const hiddenCode = (await first.getAttribute('data-code'))!;
    await first.getByTestId('service-hidden').check();
    await expect
      .poll(() => app.db.prepare('SELECT hidden FROM services WHERE code = ?').get(hiddenCode))
      .toEqual({ hidden: 1 });
    expect(
      (
        await new AxeBuilder({ page: app.page })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21aa'])
          .analyze()
      ).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'),
    ).toEqual([]);

    await app.open(`#/journey/${j.id}`);
    await new JourneyPage(app.page).waitLoaded();
    await app.page.getByTestId('palette-civil_society').locator('summary').click();
    await expect(app.page.getByTestId('palette-civil_society')).toContainText('Værestedet Ålholm');
    await app.page.getByTestId('palette-pharmacy').locator('summary').click();
    await expect(
      app.page.locator(`[data-testid="palette-item"][data-code="${hiddenCode}"]`),
    ).toHaveCount(0);
  });
});

test.describe('touch', () => {
  test.use({ hasTouch: true });

  test('adds by tapping and moves a touchpoint by dragging with a finger', async ({ app }) => {
    const j = await app.handlers['journeys:create']({ alias: 'Borger 7' });
    await app.handlers['touchpoints:create']({
      journeyId: j.id,
      x: 0,
      y: 0,
      label: 'Apoteket',
      sector: 'pharmacy',
    });
    await app.open(`#/journey/${j.id}`);
    const canvas = new JourneyPage(app.page);
    await canvas.waitLoaded();

    await app.page.getByTestId('add-touchpoint').tap();
    await expect(canvas.nodes).toHaveCount(2);
    await canvas.nameInput.fill('Kommunen');
    await canvas.waitSaved();

    await app.page.getByTestId('fit-all').tap();
    const node = canvas.node('Apoteket');
    await expect(node).toBeInViewport();
    const box = (await node.boundingBox())!;
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    const cdp = await app.page.context().newCDPSession(app.page);
    const touch = async (type: 'touchStart' | 'touchMove' | 'touchEnd', px: number, py: number) =>
      cdp.send('Input.dispatchTouchEvent', {
        type,
        touchPoints: type === 'touchEnd' ? [] : [{ x: px, y: py, id: 1 }],
      });
    await touch('touchStart', x, y);
    // Past the other card: left to right is time, so the finger moves it later.
    for (let i = 1; i <= 10; i++) await touch('touchMove', x + i * 30, y);
    await touch('touchEnd', x + 300, y);
    await canvas.waitSaved();
    await expect
      .poll(
        () =>
          (
            app.db.prepare("SELECT x FROM touchpoints WHERE label = 'Apoteket'").get() as {
              x: number;
            }
          ).x,
      )
      .toBeGreaterThan(40);
  });
});
