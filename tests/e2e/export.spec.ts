import AxeBuilder from '@axe-core/playwright';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { main as pathway } from '../../electron/cli/pathway';
import { expect, test } from './harness';
import { JourneyPage } from './pages';

test('reviews and exports an anonymised model, which `pathway validate` accepts', async ({
  app,
}) => {
  const j = await app.handlers['journeys:create']({ alias: 'Karen fra Nakskov' });
  const tp = await app.handlers['touchpoints:create']({
    journeyId: j.id,
    x: 0,
    y: 0,
    label: 'Karen hos lægen',
    sector: 'general_practice',
  });
  await app.handlers['touchpoints:update']({
    id: tp.id,
    patch: { date: '2026-01-05', quote: 'Karen sagde nej' },
  });
  await app.handlers['painPoints:create']({
    touchpointId: tp.id,
    category: 'waiting',
    text: 'Ole ringede fra 12345678',
  });
  await app.handlers['painPoints:create']({
    touchpointId: tp.id,
    category: 'retelling',
    text: 'Fortalte det hele igen',
  });
  await app.handlers['profile:update']({
    journeyId: j.id,
    patch: { realName: 'Karen Hansen', relativesNames: ['Ole'] },
  });
  await app.open(`#/journey/${j.id}`);
  await new JourneyPage(app.page).waitLoaded();

  // Without consent: nothing can leave.
  await app.page.getByTestId('tab-export').click();
  await expect(app.page.getByTestId('export-no-consent')).toBeVisible();
  await app.page.getByRole('button', { name: 'Gå til samtykke' }).click();
  await app.page.getByTestId('consentExport').check();
  await app.page.getByTestId('tab-export').click();

  // The review: texts shown scrubbed; the quote may not go (no quotes consent).
  const texts = app.page.getByTestId('review-text');
  await expect(texts).toHaveCount(3);
  await expect(texts.filter({ has: app.page.locator('[data-kind="quote"]') })).toHaveCount(0);
  const quote = app.page.locator('[data-testid="review-text"][data-kind="quote"]');
  await expect(quote).toContainText('Borgeren har ikke sagt ja til, at egne ord kommer med.');
  const pains = app.page.locator('[data-testid="review-text"][data-kind="pain"]');
  // Two pain points made in the same millisecond have no fixed order: find them by what they say.
  const phonePain = pains.filter({ hasText: 'Ole ringede fra 12345678' });
  const retoldPain = pains.filter({ hasText: 'Fortalte det hele igen' });
  await expect(phonePain.getByTestId('review-scrubbed')).toHaveText('[NAVN] ringede fra [TELEFON]');
  await phonePain.getByTestId('review-approve').check();
  await expect(app.page.getByTestId('model-preview')).toContainText('[NAVN] ringede fra [TELEFON]');
  await expect(retoldPain.getByTestId('review-approve')).not.toBeChecked();
  await expect(app.page.getByTestId('model-preview')).not.toContainText('Fortalte det hele igen');
  const violations = (await new AxeBuilder({ page: app.page }).analyze()).violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  expect(violations.map((v) => v.id)).toEqual([]);

  await app.page.getByTestId('export-format-xes').check();
  await app.page.getByTestId('export-save').click();
  await expect(app.page.getByTestId('status')).toContainText('Eksporten er gemt');
  await expect(app.page.getByTestId('export-history').locator('li')).toHaveCount(1);

  const files = readdirSync(app.exportDir);
  expect(files.filter((f) => f.endsWith('.pathway.json') || f.endsWith('.xes'))).toHaveLength(2);
  for (const f of files) {
    const text = readFileSync(join(app.exportDir, f), 'utf8');
    for (const secret of ['Karen', 'Nakskov', 'Ole', '12345678', 'Fortalte'])
      expect(text, f).not.toContain(secret);
  }
  const model = files.find((f) => f.endsWith('.pathway.json'))!;
  const log: string[] = [];
  const original = console.log;
  console.log = (...a: unknown[]) => void log.push(a.join(' '));
  try {
    expect(pathway(['validate', join(app.exportDir, model)])).toBe(0);
  } finally {
    console.log = original;
  }
  expect(log[0]).toContain(': valid');
});
