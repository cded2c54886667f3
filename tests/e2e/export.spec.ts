import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { main as pathway } from '../../electron/cli/pathway';
import {
  AIMS,
  CONDITION_GROUPS,
  CONTACT_TYPES,
  EMPLOYMENT,
  HANDOVER_QUALITIES,
  HOUSEHOLDS,
  INITIATORS,
  MUNICIPALITIES,
  PAIN_CATEGORIES,
  SECTORS,
  SEXES,
  TRANSITION_KINDS,
} from '../../shared/vocabulary';
import { seedKaren } from '../support/karen-journey';
import { expect, test, type AppHarness } from './harness';
import { JourneyPage } from './pages';

/** The export review, as the facilitator and the citizen see and use it. */
class ExportReview {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.getByTestId('tab-export').click();
    await expect(this.page.getByTestId('export-tab')).toBeVisible();
  }
  get scroller() {
    return this.page.getByTestId('export-tab');
  }
  get texts() {
    return this.page.getByTestId('review-text');
  }
  /** A text card by what the text says as written. */
  text(says: string) {
    return this.texts.filter({
      has: this.page.getByTestId('review-original').filter({ hasText: says }),
    });
  }
  approveButton(card: Locator) {
    return card.getByRole('button', { name: 'Godkend', exact: true });
  }
  withdrawButton(card: Locator) {
    return card.getByRole('button', { name: 'Fortryd godkendelse' });
  }
  /** "Sådan bliver den sendt" of a card. */
  sent(card: Locator) {
    return card.getByTestId('review-scrubbed');
  }
  get remaining() {
    return this.page.getByTestId('review-remaining');
  }
  get bar() {
    return this.page.getByTestId('export-save-bar');
  }
  get save() {
    return this.page.getByTestId('export-save');
  }
  get reason() {
    return this.page.getByTestId('export-save-reason');
  }
  get modelSide() {
    return this.page.getByTestId('export-model-side');
  }
  get showFile() {
    return this.modelSide.getByText('Vis filen', { exact: true });
  }
  get file() {
    return this.page.getByTestId('model-preview');
  }
  format(name: string) {
    return this.page.getByRole('checkbox', { name });
  }
}

/** What a sighted reader sees in an element: its text without the words only for screen readers. */
function seen(locator: Locator): Promise<string> {
  return locator.evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.visually-hidden').forEach((n) => n.remove());
    return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
  });
}

async function openExport(app: AppHarness, journeyId: string): Promise<ExportReview> {
  await app.open(`#/journey/${journeyId}`);
  await new JourneyPage(app.page).waitLoaded();
  const review = new ExportReview(app.page);
  await review.open();
  return review;
}

test('reviews and exports an anonymised model, which `pathway validate` accepts', async ({
  app,
}) => {
  const j = await app.handlers['journeys:create']({ alias: 'Karen, Nakskov' });
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
  const review = await openExport(app, j.id);
  const page = app.page;

  // Without consent: nothing can leave, and the save bar says why and where to go.
  await expect(page.getByTestId('export-no-consent')).toBeVisible();
  await expect(review.save).toBeDisabled();
  await expect(review.reason).toHaveText('Kan ikke gemmes: borgeren har ikke sagt ja til eksport.');
  await review.bar.getByRole('button', { name: 'Gå til samtykke' }).click();
  await page.getByTestId('consentExport').check();
  await review.open();
  await expect(review.reason).toBeHidden();
  await expect(review.save).toBeEnabled();

  // The review: texts shown scrubbed; the quote may not go (no quotes consent).
  await expect(review.texts).toHaveCount(3);
  const quote = page.locator('[data-testid="review-text"][data-kind="quote"]');
  await expect(quote).toContainText('Borgeren har ikke sagt ja til, at egne ord kommer med.');
  await expect(review.approveButton(quote)).toHaveCount(0);
  // Two pain points made in the same millisecond have no fixed order: find them by what they say.
  const phonePain = review.text('Ole ringede fra 12345678');
  const retoldPain = review.text('Fortalte det hele igen');
  await expect.poll(() => seen(review.sent(phonePain))).toBe('[NAVN] ringede fra [TELEFON]');
  // Each mask is read out by its kind; a name from the profile is not a guess to tap.
  await expect(review.sent(phonePain)).toContainText('skjult navn');
  await expect(review.sent(phonePain)).toContainText('skjult telefonnummer');
  await expect(phonePain.getByRole('button', { name: /Ole/ })).toHaveCount(0);
  await expect(review.remaining).toHaveText(
    '2 af 2 tekster mangler at blive godkendt. Tekster, der ikke er godkendt, kommer ikke med.',
  );

  // One button approves; the count follows; the approved text reads in "what leaves" as sent.
  await review.approveButton(phonePain).click();
  await expect(phonePain).toContainText('Godkendt ✓');
  await expect(review.remaining).toHaveText(
    '1 af 2 tekster mangler at blive godkendt. Tekster, der ikke er godkendt, kommer ikke med.',
  );
  await expect(review.modelSide).toContainText('[NAVN] ringede fra [TELEFON]');
  await review.approveButton(retoldPain).click();
  await expect(review.remaining).toHaveText('Alle 2 tekster er godkendt og kommer med.');
  await review.withdrawButton(retoldPain).click();
  await expect(review.approveButton(retoldPain)).toBeVisible();
  await expect(review.remaining).toContainText('1 af 2 tekster mangler at blive godkendt.');

  // The file itself is there, but folded away until asked for.
  await expect(review.file).toBeHidden();
  await review.showFile.click();
  await expect(review.file).toBeVisible();
  await expect(review.file).toContainText('[NAVN] ringede fra [TELEFON]');
  await expect(review.file).not.toContainText('Fortalte det hele igen');

  const violations = (await new AxeBuilder({ page }).analyze()).violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  expect(violations.map((v) => v.id)).toEqual([]);

  // No format, no saving: the bar says so.
  await review.format('Forløbsmodel (JSON)').uncheck();
  await expect(review.save).toBeDisabled();
  await expect(review.reason).toHaveText('Kan ikke gemmes: vælg mindst ét filformat ovenfor.');
  await review.format('Forløbsmodel (JSON)').check();
  await review.format('XES').check();
  await expect(review.save).toBeEnabled();
  await review.save.click();
  await expect(page.getByTestId('status')).toContainText('Eksporten er gemt');
  await expect(page.getByTestId('export-history').locator('li')).toHaveCount(1);
  await expect(page.getByTestId('export-history')).toContainText('Forløbsmodel (JSON), XES');

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

/** Every vocabulary code: none may show in the plain reading of the model. */
const CODES = [
  ...SECTORS,
  ...CONTACT_TYPES,
  ...TRANSITION_KINDS,
  ...HANDOVER_QUALITIES,
  ...INITIATORS,
  ...PAIN_CATEGORIES,
  ...AIMS,
  ...HOUSEHOLDS,
  ...EMPLOYMENT,
  ...CONDITION_GROUPS,
  ...SEXES,
  ...MUNICIPALITIES,
];

test('what leaves reads in plain Danish, with the file itself behind «Vis filen»', async ({
  app,
}) => {
  const id = await seedKaren(app.handlers, { toBe: true });
  // A service from the catalogue and a touchpoint with no date.
  await app.handlers['touchpoints:create']({
    journeyId: id,
    x: 15 * 270,
    y: 0,
    label: 'Lægen igen',
    sector: 'general_practice',
    serviceCode: 'gp-consultation',
    contactType: 'gp_visit',
  });
  const review = await openExport(app, id);
  const side = review.modelSide;

  // Only what is on screen counts: the folded file is not read here (innerText skips it).
  await expect(side).toContainText('Dag 0 · Egen læge · Besøg hos lægen', { useInnerText: true });
  await expect(side).toContainText(
    'Uden dato · Egen læge · Besøg hos lægen · Egen læge, konsultation',
    {
      useInnerText: true,
    },
  );
  await expect(side).toContainText('Dag 29 · Akut · Akut besøg', { useInnerText: true });
  await expect(side).toContainText('Problem: Ventetid', { useInnerText: true });
  await expect(side).toContainText('Sådan var det: Meget dårligt', { useInnerText: true });
  await expect(side).toContainText('Videre til trin 2: Information sendt', { useInnerText: true });
  await expect(side).toContainText('Sådan skulle det være (4 trin)', { useInnerText: true });
  for (const [term, value] of [
    ['Aldersgruppe', '60–69 år'],
    ['Køn', 'Kvinde'],
    ['Kommune', 'Guldborgsund'],
    ['Husstand', 'Bor alene'],
    ['Beskæftigelse', 'Sygemeldt'],
    ['Helbred og livssituation', 'Kronisk fysisk sygdom, Flere sygdomme på én gang'],
  ]) {
    await expect(side.locator('.export-fact', { hasText: term! })).toContainText(value!);
  }
  const plain = await side.evaluate((el) => (el as HTMLElement).innerText);
  for (const code of CODES) expect(plain, code).not.toMatch(new RegExp(`\\b${code}\\b`));
  expect(plain).not.toContain('gp-consultation');
  expect(plain).not.toContain('{');

  // The file as it is: hidden by default, one click away, and folded again.
  await expect(review.file).toBeHidden();
  await expect(review.showFile).toBeVisible();
  await review.showFile.click();
  await expect(review.file).toBeVisible();
  await expect(review.file).toContainText('"sector": "general_practice"');
  await review.showFile.click();
  await expect(review.file).toBeHidden();
});

/**
 * Karen's journey with her own words allowed and two ideas: nine texts to read, a review many
 * screens long.
 */
async function seedLongReview(app: AppHarness): Promise<string> {
  const id = await seedKaren(app.handlers);
  await app.handlers['profile:update']({ journeyId: id, patch: { consentQuotes: true } });
  await app.handlers['ideas:create']({
    journeyId: id,
    text: 'Sygehuset sender papirerne til egen læge samme dag som udskrivelsen.',
    aims: ['quality'],
  });
  await app.handlers['ideas:create']({
    journeyId: id,
    text: 'Én fast kontaktperson i kommunen, der kender hele forløbet.',
    aims: ['health'],
  });
  return id;
}

for (const size of [
  { width: 1366, height: 768, touch: false },
  { width: 1024, height: 768, touch: true },
]) {
  test.describe(`${size.width}×${size.height}`, () => {
    test.use({ viewport: { width: size.width, height: size.height }, hasTouch: size.touch });

    test('the save bar stays in view on a long review and never covers the last card', async ({
      app,
    }) => {
      const review = await openExport(app, await seedLongReview(app));
      const page = app.page;
      await expect(review.texts).toHaveCount(9);
      // Long: the review is several windows tall.
      const { scrollHeight, clientHeight } = await review.scroller.evaluate((el) => ({
        scrollHeight: el.scrollHeight,
        clientHeight: el.clientHeight,
      }));
      expect(scrollHeight).toBeGreaterThan(3 * clientHeight);

      /** The bar and its button lie wholly inside the window, and nothing covers the button. */
      const barInView = async () => {
        const bar = (await review.bar.boundingBox())!;
        const button = (await review.save.boundingBox())!;
        expect(bar.y).toBeGreaterThanOrEqual(0);
        expect(bar.y + bar.height).toBeLessThanOrEqual(size.height);
        expect(bar.x).toBeGreaterThanOrEqual(0);
        expect(bar.x + bar.width).toBeLessThanOrEqual(size.width);
        expect(button.y + button.height).toBeLessThanOrEqual(size.height);
        expect(button.height).toBeGreaterThanOrEqual(44);
        const onTop = await page.evaluate(
          ([x, y]) => document.elementFromPoint(x!, y!)?.closest('[data-testid="export-save"]'),
          [button.x + button.width / 2, button.y + button.height / 2],
        );
        expect(onTop, 'the save button is not covered').not.toBeNull();
        return bar;
      };
      await barInView();
      await expect(review.remaining).toHaveText(
        '9 af 9 tekster mangler at blive godkendt. Tekster, der ikke er godkendt, kommer ikke med.',
      );

      // Approving works by touch or by mouse, and the count left follows.
      const first = review.texts.first();
      const approve = review.approveButton(first);
      expect((await approve.boundingBox())!.height).toBeGreaterThanOrEqual(44);
      if (size.touch) await approve.tap();
      else await approve.click();
      await expect(first).toContainText('Godkendt ✓');
      await expect(review.remaining).toHaveText(
        '8 af 9 tekster mangler at blive godkendt. Tekster, der ikke er godkendt, kommer ikke med.',
      );
      await barInView();

      // Reaching the last card with the keyboard: it comes into view above the bar, not under it.
      const last = review.texts.last();
      await review.approveButton(last).focus();
      await expect(review.approveButton(last)).toBeInViewport();
      const lastButton = (await review.approveButton(last).boundingBox())!;
      let bar = await barInView();
      expect(lastButton.y + lastButton.height).toBeLessThanOrEqual(bar.y);

      // Scrolled to the end: the bar sits below the last card and the formats, covering nothing.
      const box = (await review.scroller.boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + 100);
      await page.mouse.wheel(0, scrollHeight);
      await expect
        .poll(() =>
          review.scroller.evaluate((el) => el.scrollTop + el.clientHeight >= el.scrollHeight - 1),
        )
        .toBe(true);
      bar = await barInView();
      const formats = (await page.getByTestId('export-formats').boundingBox())!;
      expect(formats.y + formats.height).toBeLessThanOrEqual(bar.y);
      const lastCard = (await last.boundingBox())!;
      expect(lastCard.y + lastCard.height).toBeLessThanOrEqual(bar.y);

      // Each format a large, separate choice with its purpose in words.
      for (const [name, purpose] of [
        ['Forløbsmodel (JSON)', 'Til programmet.'],
        ['OCEL 2.0 (JSON)', 'Til procesanalyse-værktøjer, fx pm4py.'],
        ['XES', 'Til procesanalyse-værktøjer, fx ProM og Disco.'],
        ['CSV-hændelseslog', 'Til regneark, fx Excel.'],
      ]) {
        const choice = page.locator('label.export-format', { has: review.format(name!) });
        await expect(choice).toContainText(purpose!);
        expect((await choice.boundingBox())!.height).toBeGreaterThanOrEqual(44);
      }
    });
  });
}

test('a guess is unmasked with one tap, approved with its text, and sent as written', async ({
  app,
}) => {
  const j = await app.handlers['journeys:create']({ alias: 'Borger 12' });
  const tp = await app.handlers['touchpoints:create']({
    journeyId: j.id,
    x: 0,
    y: 0,
    label: 'Visitationen',
    sector: 'municipal_care',
  });
  await app.handlers['painPoints:create']({
    touchpointId: tp.id,
    category: 'information',
    text: 'Vi talte med Birgitte fra visitationen om Karen.',
  });
  await app.handlers['profile:update']({
    journeyId: j.id,
    patch: { realName: 'Karen Hansen', consentExport: true },
  });
  const review = await openExport(app, j.id);
  const card = review.text('Vi talte med Birgitte');
  const sent = review.sent(card);
  const guess = card.getByRole('button', { name: /«Birgitte»/ });

  // The guess is a button; the citizen's own name from the profile is not.
  await expect(guess).toHaveAttribute('aria-pressed', 'false');
  await expect(card.getByRole('button', { name: /Karen/ })).toHaveCount(0);
  await expect
    .poll(() => seen(sent))
    .toMatch(/^Vi talte med \[[A-Z-]+\] fra visitationen om \[NAVN\]\.$/);

  // One tap leaves the word as written; a second tap hides it again; a third keeps it.
  await guess.click();
  await expect(guess).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => seen(sent)).toBe('Vi talte med Birgitte fra visitationen om [NAVN].');
  await guess.press('Enter');
  await expect(guess).toHaveAttribute('aria-pressed', 'false');
  await guess.press('Space');
  await expect(guess).toHaveAttribute('aria-pressed', 'true');

  // Approved with its text: the word goes into the model as written.
  await review.approveButton(card).click();
  await expect(card).toContainText('Godkendt ✓');
  await expect(guess).toHaveAttribute('aria-pressed', 'true');
  await review.showFile.click();
  await expect(review.file).toContainText('Vi talte med Birgitte fra visitationen om [NAVN].');

  // Changing a guess after approving withdraws the approval, and the card says so.
  await guess.click();
  await expect(card).toContainText('Ændret — godkend igen');
  await expect(review.approveButton(card)).toBeVisible();
  await expect(review.remaining).toContainText('1 af 1 tekst mangler at blive godkendt.');
  await expect(review.file).not.toContainText('Birgitte');
  await review.approveButton(card).click();
  await expect(card).toContainText('Godkendt ✓');
  await expect(card).not.toContainText('Ændret');
  await expect(review.file).toContainText('fra visitationen om [NAVN].');
  await expect(review.file).not.toContainText('Birgitte');

  // Kept once more and saved: the file on disk carries the word.
  await guess.click();
  await review.approveButton(card).click();
  await expect(card).toContainText('Godkendt ✓');
  await review.save.click();
  await expect(app.page.getByTestId('status')).toContainText('Eksporten er gemt');
  const model = readdirSync(app.exportDir).find((f) => f.endsWith('.pathway.json'))!;
  const saved = readFileSync(join(app.exportDir, model), 'utf8');
  expect(saved).toContain('Vi talte med Birgitte fra visitationen om [NAVN].');
  expect(saved).not.toContain('Karen');
});
