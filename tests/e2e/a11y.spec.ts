import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './harness';
import { JourneyPage } from './pages';
import { seedKaren } from '../support/karen-journey';

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

test.describe('accessibility (axe)', () => {
  test('home screen with journeys, and its delete dialog, have no serious violations', async ({
    app,
  }) => {
    await app.handlers['journeys:create']({ alias: 'Anna' });
    const archived = await app.handlers['journeys:create']({ alias: 'Bo' });
    await app.handlers['journeys:setArchived']({ id: archived.id, archived: true });
    await app.open();
    await app.page.getByTestId('show-archived').check();
    await expect(app.page.getByTestId('journey-row')).toHaveCount(2);
    expect(await seriousViolations(app.page)).toEqual([]);

    await app.page.getByTestId('journey-delete').first().click();
    await expect(app.page.getByTestId('delete-dialog')).toBeVisible();
    expect(await seriousViolations(app.page)).toEqual([]);
  });

  test('home screen with a validation error has no serious violations', async ({ app }) => {
    await app.open();
    await app.page.getByTestId('create-journey').click();
    await expect(app.page.getByTestId('create-alias-error')).toBeVisible();
    expect(await seriousViolations(app.page)).toEqual([]);
  });

  test('backups screen with backups, a passphrase error and its restore question has no serious violations', async ({
    app,
  }) => {
    await app.handlers['journeys:create']({ alias: 'Anna' });
    await app.handlers['backups:create']({});
    await app.open('#/backups');
    await expect(app.page.getByTestId('backup-row')).toHaveCount(1);
    await app.page.getByTestId('usb-passphrase').fill('kort');
    await app.page.getByTestId('usb-write').click();
    await expect(app.page.getByTestId('usb-passphrase-error')).toBeVisible();
    expect(await seriousViolations(app.page)).toEqual([]);

    await app.page.getByTestId('backup-restore').click();
    await expect(app.page.getByTestId('backup-restore-dialog')).toBeVisible();
    expect(await seriousViolations(app.page)).toEqual([]);
  });

  test('canvas with touchpoints, a connection and the side panel has no serious violations', async ({
    app,
  }) => {
    const j = await app.handlers['journeys:create']({ alias: 'Anna' });
    const a = await app.handlers['touchpoints:create']({
      journeyId: j.id,
      x: 0,
      y: 0,
      label: 'Egen læge',
    });
    const b = await app.handlers['touchpoints:create']({
      journeyId: j.id,
      x: 400,
      y: 100,
      label: '',
    });
    await app.handlers['transitions:create']({ journeyId: j.id, sourceId: a.id, targetId: b.id });
    await app.open(`#/journey/${j.id}`);
    const canvas = new JourneyPage(app.page);
    await canvas.waitLoaded();
    await expect(app.page.locator('.react-flow__edge')).toHaveCount(1);
    expect(await seriousViolations(app.page)).toEqual([]);

    await canvas.node('Egen læge').click();
    await expect(app.page.getByTestId('touchpoint-panel')).toBeVisible();
    expect(await seriousViolations(app.page)).toEqual([]);
  });

  test('the citizen, ideas and saved-versions tabs have no serious violations', async ({ app }) => {
    const j = await app.handlers['journeys:create']({ alias: 'Anna' });
    const tp = await app.handlers['touchpoints:create']({
      journeyId: j.id,
      x: 0,
      y: 0,
      label: 'Lægen',
    });
    await app.handlers['painPoints:create']({ touchpointId: tp.id, category: 'waiting' });
    await app.handlers['ideas:create']({
      journeyId: j.id,
      text: 'Kortere ventetid',
      aims: ['health'],
    });
    await app.handlers['goals:create']({
      journeyId: j.id,
      category: 'health',
      text: 'Have det bedre',
    });
    await app.handlers['workshops:create']({ journeyId: j.id, date: '2026-03-02' });
    await app.handlers['snapshots:create']({ journeyId: j.id, name: 'Efter workshop 1' });
    await app.open(`#/journey/${j.id}`);
    await new JourneyPage(app.page).waitLoaded();
    for (const tab of ['citizen', 'ideas', 'snapshots']) {
      await app.page.getByTestId(`tab-${tab}`).click();
      await expect(app.page.getByTestId(`tab-${tab}`)).toHaveAttribute('aria-selected', 'true');
      await expect(app.page.getByRole('tabpanel')).not.toBeEmpty();
      expect(await seriousViolations(app.page), tab).toEqual([]);
    }
  });

  test('the full touchpoint panel and the list view have no serious violations', async ({
    app,
  }) => {
    const j = await app.handlers['journeys:create']({ alias: 'Anna' });
    const tp = await app.handlers['touchpoints:create']({
      journeyId: j.id,
      x: 0,
      y: 0,
      label: 'Lægen',
    });
    await app.handlers['touchpoints:update']({
      id: tp.id,
      patch: { emotion: -1, date: '2026-03' },
    });
    await app.handlers['painPoints:create']({
      touchpointId: tp.id,
      category: 'waiting',
      text: 'Lang tid',
    });
    await app.open(`#/journey/${j.id}`);
    const canvas = new JourneyPage(app.page);
    await canvas.waitLoaded();
    await canvas.node('Lægen').click();
    await expect(app.page.getByTestId('pain-point')).toHaveCount(1);
    expect(await seriousViolations(app.page)).toEqual([]);
    await app.page.getByTestId('view-list').check();
    await expect(app.page.getByTestId('outline-item')).toHaveCount(1);
    expect(await seriousViolations(app.page)).toEqual([]);
  });

  test('the empty canvas in English has no serious violations', async ({ app }) => {
    await app.handlers['settings:set']({ language: 'en' });
    const j = await app.handlers['journeys:create']({ alias: 'Anna' });
    await app.open(`#/journey/${j.id}`);
    await expect(app.page.getByTestId('canvas-empty')).toHaveText(
      'The map is empty. Choose a place in the list on the left, or press “+ Add”.',
    );
    expect(await seriousViolations(app.page)).toEqual([]);
  });

  test("Karen's map with the palette, the menu, both maps, the overview and full screen has no serious violations", async ({
    app,
  }) => {
    test.setTimeout(60_000);
    const id = await seedKaren(app.handlers, { toBe: true });
    await app.open(`#/journey/${id}`);
    await new JourneyPage(app.page).waitLoaded();
    await app.page.getByTestId('palette-toggle').click();
    await app.page.getByTestId('more-menu-button').click();
    expect(await seriousViolations(app.page)).toEqual([]);
    await app.page.getByTestId('more-menu-button').click();
    await app.page.getByTestId('zoom-out').click();
    await app.page.getByTestId('zoom-out').click();
    await expect(app.page.getByTestId('touchpoint-node').first()).toHaveAttribute(
      'data-overview',
      'true',
    );
    expect(await seriousViolations(app.page)).toEqual([]);
    await app.page.getByTestId('map-both').check();
    await expect(app.page.getByTestId('compare-to_be')).toBeVisible();
    expect(await seriousViolations(app.page)).toEqual([]);
    await app.page.getByTestId('map-as_is').check();
    await app.page.getByTestId('more-menu-button').click();
    await app.page.getByTestId('fullscreen-menu').click();
    await expect(app.page.getByTestId('fullscreen-leave')).toBeVisible();
    expect(await seriousViolations(app.page)).toEqual([]);
  });
});
