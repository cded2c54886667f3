import { expect, test } from './harness';
import { JourneyPage, TouchpointPanelPage } from './pages';

/**
 * A whole workshop, as a facilitator and a citizen would run it, in Danish, through the real
 * handlers and SQLite file — and all of it still there after a reload.
 */
test('runs a whole workshop and finds everything again after a reload', async ({ app }) => {
  test.setTimeout(90_000);
  const page = app.page;
  await app.open();
  await page.getByTestId('create-alias').fill('Borger 12');
  await page.getByTestId('create-journey').click();
  const canvas = new JourneyPage(page);
  await canvas.waitLoaded();

  // Profile and consent.
  await page.getByTestId('tab-citizen').click();
  await page.getByTestId('profile-municipality').selectOption('lolland');
  await page.getByTestId('profile-birth-year').fill('1958');
  await page.getByTestId('consentWorkshop').check();
  await page.getByTestId('consentExport').check();
  await page.getByTestId('workshop-add').click();
  await page.getByTestId('workshop-place').fill('Sundhedscentret');
  await page.getByTestId('tab-map').click();

  // The as-is map across three lanes, with feelings and a pain point.
  const add = async (sector: string, name: string, emotion: number) => {
    await page.getByTestId(`palette-${sector}`).locator('summary').click();
    await page.getByTestId(`palette-${sector}`).getByTestId('palette-other').click();
    await canvas.nameInput.fill(name);
    await page.getByTestId(`emotion-${emotion}`).check();
    await page.getByTestId(`palette-${sector}`).locator('summary').click();
  };
  await add('general_practice', 'Hos egen læge', 0);
  await add('hospital', 'Indlagt på medicinsk', -2);
  await page.getByTestId('pain-add-waiting').click();
  await page.getByTestId('pain-text').fill('Ingen vidste, hvad lægen havde skrevet.');
  await add('municipal_care', 'Hjemmeplejen kommer', 1);
  await page.getByTestId('fit-all').click();
  await canvas.node('Hos egen læge').click();
  await new TouchpointPanelPage(page).openMore();
  await page.getByTestId('connect-target').selectOption({ label: 'Indlagt på medicinsk' });
  await page.getByTestId('connect-button').click();
  await canvas.waitSaved();
  await expect(page.getByTestId('emotion-point')).toHaveCount(3);

  // The to-be map and an idea.
  await page.getByTestId('map-to_be').check();
  await page.getByTestId('add-touchpoint').click();
  await canvas.nameInput.fill('Én fast kontaktperson');
  await canvas.waitSaved();
  await page.getByTestId('tab-ideas').click();
  await page.getByTestId('idea-add').click();
  await page.getByTestId('idea-text').fill('Sygehuset ringer til lægen ved udskrivning');
  await page.getByTestId('idea-aim-quality').check();
  await page.getByTestId('idea-pain').check();

  // A named version, and the citizen's picture.
  await page.getByTestId('tab-snapshots').click();
  await page.getByTestId('snapshot-name').fill('Efter workshop 1');
  await page.getByTestId('snapshot-create').click();
  await expect(page.getByTestId('snapshot')).toHaveCount(1);
  await page.getByTestId('tab-map').click();
  await page.getByTestId('map-as_is').check();
  await page.getByTestId('more-menu-button').click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('copy-png').click(),
  ]);
  expect(download.suggestedFilename()).toBe('forloeb-borger-12.png');

  // Everything survives a reload, read back from SQLite.
  await page.reload();
  await canvas.waitLoaded();
  await expect(canvas.nodes).toHaveCount(3);
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
  await expect(
    canvas.node('Indlagt på medicinsk').getByTestId('touchpoint-pain-count'),
  ).toContainText('1');
  await page.getByTestId('map-to_be').check();
  await expect(canvas.nodes).toHaveCount(1);
  await page.getByTestId('tab-citizen').click();
  await expect(page.getByTestId('consentExport')).toBeChecked();
  await expect(page.getByTestId('workshop-place')).toHaveValue('Sundhedscentret');
  await page.getByTestId('tab-ideas').click();
  await expect(page.getByTestId('idea-text')).toHaveValue(
    'Sygehuset ringer til lægen ved udskrivning',
  );
  await expect(page.getByTestId('idea-pain')).toBeChecked();
  await page.getByTestId('tab-snapshots').click();
  await expect(page.getByTestId('snapshot-title')).toHaveText(['Efter workshop 1']);
  const sectors = app.db
    .prepare("SELECT sector FROM touchpoints WHERE map = 'as_is' ORDER BY x")
    .all()
    .map((r) => (r as { sector: string }).sector);
  expect(sectors).toEqual(['general_practice', 'hospital', 'municipal_care']);
});
