import { expect, test } from './harness';
import { JourneyPage } from './pages';

test.describe('journey tabs', () => {
  test('records the profile, consent and a workshop, kept after a reload', async ({ app }) => {
    const j = await app.handlers['journeys:create']({ alias: 'Borger 7' });
    await app.open(`#/journey/${j.id}`);
    await new JourneyPage(app.page).waitLoaded();
    await app.page.getByTestId('tab-citizen').click();
    const tab = app.page.getByTestId('profile-tab');

    await tab.getByTestId('profile-real-name').fill('Karen Hansen');
    await tab.getByTestId('profile-relatives').fill('Ole Hansen\nMette');
    await tab.getByTestId('profile-birth-year').fill('1961');
    await tab.getByTestId('profile-municipality').selectOption('guldborgsund');
    await tab.getByTestId('profile-household').selectOption('alone');
    await tab.getByTestId('profile-condition-mental_illness').check();
    await tab.getByTestId('consentWorkshop').check();
    await expect(tab.getByTestId('consentQuotes')).toBeDisabled();
    await tab.getByTestId('consentExport').check();
    await expect(tab.getByTestId('consentQuotes')).toBeEnabled();
    await expect(tab.getByTestId('consentExport-date')).not.toHaveValue('');
    await tab.getByTestId('workshop-add').click();
    await tab.getByTestId('workshop-place').fill('Sundhedshuset i Nykøbing');
    await tab.getByTestId('workshop-role-citizen').check();
    await tab.getByTestId('workshop-role-relative').check();
    await tab.getByTestId('workshop-notes').fill('Første møde.');
    // Leaving the tab saves what was typed.
    await app.page.getByTestId('tab-map').click();

    await expect
      .poll(() =>
        app.db
          .prepare('SELECT real_name, birth_year, municipality, consent_export FROM profiles')
          .get(),
      )
      .toEqual({
        real_name: 'Karen Hansen',
        birth_year: 1961,
        municipality: 'guldborgsund',
        consent_export: 1,
      });
    await expect
      .poll(() => app.db.prepare('SELECT place, roles, notes FROM workshops').get())
      .toEqual({
        place: 'Sundhedshuset i Nykøbing',
        roles: '["citizen","relative"]',
        notes: 'Første møde.',
      });

    await app.page.reload();
    await app.page.getByTestId('tab-citizen').click();
    await expect(tab.getByTestId('profile-relatives')).toHaveValue('Ole Hansen\nMette');
    await expect(tab.getByTestId('profile-condition-mental_illness')).toBeChecked();
    await expect(tab.getByTestId('consentExport')).toBeChecked();
    await expect(tab.getByTestId('workshop')).toHaveCount(1);
    await tab.getByTestId('profile-birth-year').fill('1850');
    await expect(tab.getByText('Skriv et årstal mellem 1900 og')).toBeVisible();
  });

  test('links an idea to a pain point and to the aims, and keeps goals', async ({ app }) => {
    const j = await app.handlers['journeys:create']({ alias: 'Borger 7' });
    const tp = await app.handlers['touchpoints:create']({
      journeyId: j.id,
      x: 0,
      y: 0,
      label: 'Jobcentret',
    });
    await app.handlers['painPoints:create']({ touchpointId: tp.id, category: 'retelling' });
    await app.open(`#/journey/${j.id}`);
    await new JourneyPage(app.page).waitLoaded();
    await app.page.getByTestId('tab-ideas').click();
    const tab = app.page.getByTestId('ideas-tab');

    await tab.getByTestId('goal-new-category').selectOption('work_education');
    await tab.getByTestId('goal-add').click();
    await tab.getByTestId('goal-text').fill('Jeg vil gerne i flexjob.');
    await tab.getByTestId('idea-add').click();
    await tab.getByTestId('idea-text').fill('Én fast kontaktperson på tværs');
    await tab.getByTestId('idea-aim-quality').check();
    await tab.getByTestId('idea-aim-economy').check();
    await expect(tab.getByTestId('idea-pain')).toHaveCount(1);
    await expect(tab.getByText('Fortælle det hele igen ved «Jobcentret»')).toBeVisible();
    await tab.getByTestId('idea-pain').check();
    await app.page.getByTestId('tab-map').click();

    await expect
      .poll(() =>
        app.db.prepare("SELECT text, aims, pain_point_ids != '[]' AS linked FROM ideas").get(),
      )
      .toEqual({
        text: 'Én fast kontaktperson på tværs',
        aims: '["quality","economy"]',
        linked: 1,
      });
    await expect
      .poll(() => app.db.prepare('SELECT category, text FROM goals').get())
      .toEqual({ category: 'work_education', text: 'Jeg vil gerne i flexjob.' });
  });

  test('saves a named version, views it, and brings it back after changes', async ({ app }) => {
    const j = await app.handlers['journeys:create']({ alias: 'Borger 7' });
    await app.handlers['touchpoints:create']({ journeyId: j.id, x: 0, y: 0, label: 'Egen læge' });
    await app.open(`#/journey/${j.id}`);
    const canvas = new JourneyPage(app.page);
    await canvas.waitLoaded();
    await app.page.getByTestId('tab-snapshots').click();
    await app.page.getByTestId('snapshot-name').fill('Efter workshop 1');
    await app.page.getByTestId('snapshot-create').click();
    await expect(app.page.getByTestId('snapshot-title')).toHaveText(['Efter workshop 1']);

    await app.page.getByTestId('tab-map').click();
    await canvas.addTouchpoint('Jobcentret');
    await canvas.waitSaved();
    await expect(canvas.nodes).toHaveCount(2);

    await app.page.getByTestId('tab-snapshots').click();
    await app.page.getByTestId('snapshot-view-button').click();
    const view = app.page.getByTestId('snapshot-view');
    await expect(view).toContainText('Egen læge');
    await expect(view).not.toContainText('Jobcentret');
    await app.page.keyboard.press('Escape');

    await app.page.getByTestId('snapshot-restore').click();
    await app.page.getByTestId('snapshot-restore-dialog').getByTestId('confirm-ok').click();
    await expect(app.page.getByTestId('status')).toContainText('er hentet frem');
    await expect(app.page.getByTestId('snapshot')).toHaveCount(2);
    await app.page.getByTestId('tab-map').click();
    await expect(canvas.nodes).toHaveCount(1);
    await app.page.reload();
    await canvas.waitLoaded();
    await expect(canvas.nodes).toHaveCount(1);
    await expect(canvas.node('Egen læge')).toBeVisible();
  });

  test('draws the emotion curve along the journey', async ({ app }) => {
    const j = await app.handlers['journeys:create']({ alias: 'Borger 7' });
    const a = await app.handlers['touchpoints:create']({
      journeyId: j.id,
      x: 0,
      y: 0,
      label: 'Egen læge',
    });
    await app.handlers['touchpoints:create']({ journeyId: j.id, x: 300, y: 0, label: 'Sygehuset' });
    await app.handlers['touchpoints:update']({ id: a.id, patch: { emotion: 2 } });
    await app.open(`#/journey/${j.id}`);
    const canvas = new JourneyPage(app.page);
    await canvas.waitLoaded();
    await expect(app.page.getByTestId('emotion-point')).toHaveCount(1);
    await canvas.node('Sygehuset').click();
    await app.page.getByTestId('emotion--2').check();
    await expect(app.page.getByTestId('emotion-point')).toHaveCount(2);
    const curve = app.page.getByTestId('emotion-curve').locator('svg[role="img"]').first();
    await expect(curve).toHaveAttribute(
      'aria-label',
      /Egen læge: Meget godt; Sygehuset: Meget dårligt/,
    );
    // The very good point sits higher than the very bad one.
    const points = app.page.getByTestId('emotion-point');
    const first = (await points.nth(0).boundingBox())!;
    const second = (await points.nth(1).boundingBox())!;
    expect(first.y).toBeLessThan(second.y);
    expect(first.x).toBeLessThan(second.x);
  });
});
