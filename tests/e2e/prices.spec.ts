import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import type { Handlers } from '../../shared/ipc/dispatch';
import { ipc } from '../unit/helpers';
import { importModels, programModels } from '../support/program-models';
import { expect, test } from './harness';
import { JourneyPage, TouchpointPanelPage } from './pages';
import { openCostView, PricesPage } from './prices-page';
import { ProgramPage } from './program-page';

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/**
 * A small journey with hand-computed costs by the shipped list (GP visit 220 kr., 7 % kommune and
 * 93 % region; a day at a municipal acute bed 1,903 kr., all kommune; a hospital admission has no
 * public figure; home care is priced per hour and needs a duration):
 * - as-is: 12 GP visits (2,640 kr.) + 5 days at the municipal bed (9,515 kr.) = 12,155 kr.:
 *   kommune 9,700, region 2,455; with `unpriced`, also a hospital admission (no price).
 * - to-be: 4 GP visits (880 kr.: kommune 62, region 818); with `unpriced`, also home care
 *   without a duration.
 */
async function seedCostJourney(handlers: Handlers, unpriced = false): Promise<string> {
  const { call } = ipc(() => handlers);
  const j = await call('journeys:create', { alias: 'Borger 12' });
  const add = async (
    map: 'as_is' | 'to_be',
    label: string,
    sector: 'general_practice' | 'municipal_care' | 'hospital',
    contactType: 'gp_visit' | 'admission' | 'home_visit',
    x: number,
    patch: { repetitions?: number; durationDays?: number },
  ) => {
    const tp = await call('touchpoints:create', {
      journeyId: j.id,
      map,
      label,
      sector,
      contactType,
      x,
      y: 0,
    });
    if (Object.keys(patch).length) await call('touchpoints:update', { id: tp.id, patch });
  };
  await add('as_is', 'Lægen', 'general_practice', 'gp_visit', 0, { repetitions: 12 });
  if (unpriced) {
    await add('as_is', 'Indlæggelse på sygehuset', 'hospital', 'admission', 270, {
      durationDays: 9,
    });
  }
  await add('as_is', 'Akutplads i kommunen', 'municipal_care', 'admission', 540, {
    durationDays: 5,
  });
  await add('to_be', 'Lægen', 'general_practice', 'gp_visit', 0, { repetitions: 4 });
  if (unpriced) await add('to_be', 'Hjemmeplejen', 'municipal_care', 'home_visit', 270, {});
  return j.id;
}

const GP_ROW = 'general_practice|gp_visit|';

test.describe('prices and the cost of a pathway', () => {
  test('the workshop shows the estimated cost; a price edited on the price screen changes it', async ({
    app,
  }) => {
    const id = await seedCostJourney(app.handlers);
    await app.open(`#/journey/${id}`);
    await new JourneyPage(app.page).waitLoaded();
    await openCostView(app.page);
    const view = app.page.getByTestId('journey-cost');
    await expect(view).toBeVisible();
    const byPayer = view.getByTestId('cost-by-payer');
    await expect(byPayer.getByTestId('cost-line-total').getByTestId('cost-as-is')).toHaveText(
      '12.155 kr.',
    );
    await expect(byPayer.getByTestId('cost-line-kommune').getByTestId('cost-as-is')).toHaveText(
      '9.700 kr.',
    );
    await expect(byPayer.getByTestId('cost-line-region').getByTestId('cost-to-be')).toHaveText(
      '818 kr.',
    );
    await expect(byPayer.getByTestId('cost-line-total').getByTestId('cost-difference')).toHaveText(
      '−11.275 kr.',
    );
    await expect(view.getByTestId('cost-sentence-kommune')).toHaveText(
      'Det nye forløb ville koste 9.638 kr. mindre for kommunen.',
    );
    // Every touchpoint priced: nothing left out, nothing to warn of.
    await expect(view.getByTestId('cost-unpriced-item')).toHaveCount(0);
    await expect(view.getByTestId('cost-coverage')).toHaveCount(0);
    expect(await seriousViolations(app.page)).toEqual([]);

    // From the cost view to the price list; a wrong split is refused in words, then fixed.
    await view.getByTestId('open-prices').click();
    const prices = new PricesPage(app.page);
    await prices.waitLoaded();
    await prices.openSector('general_practice');
    await expect(prices.row(GP_ROW).getByTestId('price-value')).toHaveText('220 kr. pr. kontakt');
    await expect(prices.row(GP_ROW).getByTestId('price-payers')).toHaveText(
      'Kommune 7 % · Region 93 %',
    );
    await prices.editRow(GP_ROW, { price: '300', kommune: '10', region: '80' });
    // It says what the shares add up to (10 + 80 + 0), not only the rule.
    await expect(prices.row(GP_ROW).getByTestId('price-error-sharesSum')).toHaveText(
      'Andelene giver 90 % tilsammen. De skal give 100 %.',
    );
    const editor = prices.row(GP_ROW).getByTestId('price-editor');
    // A share that is no number from 0 to 100 is said so.
    await editor.getByTestId('price-share-region').fill('180');
    await editor.getByTestId('price-save').click();
    await expect(prices.row(GP_ROW).getByTestId('price-error-shares')).toHaveText(
      'Andelene skal være tal fra 0 til 100 og give 100 % tilsammen.',
    );
    await expect(prices.row(GP_ROW).getByTestId('price-error-sharesSum')).toHaveCount(0);
    await editor.getByTestId('price-share-kommune').fill('7');
    await editor.getByTestId('price-share-region').fill('93');
    await editor.getByTestId('price-save').click();
    await expect(editor).toHaveCount(0);
    await expect(prices.row(GP_ROW).getByTestId('price-value')).toHaveText('300 kr. pr. kontakt');
    await prices.waitSaved();
    expect(
      app.db
        .prepare(
          "SELECT price FROM prices WHERE sector = 'general_practice' AND contact_type = 'gp_visit'",
        )
        .get(),
    ).toEqual({ price: 300 });

    // Back at the journey: 12 × 300 + 9,515 = 13,115 kr.
    await app.open(`#/journey/${id}`);
    await new JourneyPage(app.page).waitLoaded();
    await openCostView(app.page);
    await expect(
      app.page
        .getByTestId('cost-by-payer')
        .getByTestId('cost-line-total')
        .getByTestId('cost-as-is'),
    ).toHaveText('13.115 kr.');
  });

  test('with touchpoints that have no price, the cost view names them and tells no difference', async ({
    app,
  }) => {
    const id = await seedCostJourney(app.handlers, true);
    await app.open(`#/journey/${id}`);
    await new JourneyPage(app.page).waitLoaded();
    await openCostView(app.page);
    const view = app.page.getByTestId('journey-cost');
    const byPayer = view.getByTestId('cost-by-payer');
    // The amounts of each map stand, as far as they are priced …
    await expect(byPayer.getByTestId('cost-line-total').getByTestId('cost-as-is')).toHaveText(
      '12.155 kr.',
    );
    await expect(byPayer.getByTestId('cost-line-total').getByTestId('cost-to-be')).toHaveText(
      '880 kr.',
    );
    // … but a touchpoint without a price would count as 0 kr.: no difference, no "saving".
    await expect(view.getByTestId('cost-difference')).toHaveCount(0);
    await expect(view.getByTestId('cost-comparison')).toHaveCount(0);
    await expect(view.getByTestId('cost-incomplete')).toContainText(
      'Uden pris: 1 i dag og 1 i det nye forløb (se nederst).',
    );
    await expect(view.getByTestId('cost-unpriced-item')).toHaveText([
      'Indlæggelse på sygehuset – der er ikke fundet en offentlig pris',
      'Hjemmeplejen – prisen gælder pr. time – skriv under «Varighed», hvor længe besøget varede, fx «2 timer»',
    ]);
    await expect(view.getByTestId('cost-coverage')).toHaveText([
      'Sådan er det i dag: beløbene bygger på 2 af 3 kontaktpunkter. 1 har ingen pris og er ikke talt med (se nederst), så den virkelige udgift kan være højere.',
      'Sådan skulle det være: beløbene bygger på 1 af 2 kontaktpunkter. 1 har ingen pris og er ikke talt med (se nederst), så den virkelige udgift kan være højere.',
    ]);
    expect(await seriousViolations(app.page)).toEqual([]);
    // Taller than the window: its own close button at the bottom is out of sight, one beside the
    // title is in sight as opened, and still after scrolling to the end.
    const dialog = app.page.getByTestId('journey-cost-dialog');
    await expect(app.page.getByTestId('close-cost')).not.toBeInViewport();
    await expect(app.page.getByTestId('close-cost-top')).toBeInViewport();
    await dialog.evaluate((d) => d.scrollTo(0, d.scrollHeight));
    await expect(app.page.getByTestId('close-cost')).toBeInViewport();
    await expect(app.page.getByTestId('close-cost-top')).toBeInViewport();
    await app.page.getByTestId('close-cost-top').click();
    await expect(dialog).toBeHidden();

    // The home-care visit is priced per hour: typed as "2 timer", it counts 2 × 490 kr.
    const canvas = new JourneyPage(app.page);
    await app.page.getByTestId('map-to_be').check();
    await canvas.node('Hjemmeplejen').click();
    await new TouchpointPanelPage(app.page).openMore();
    const duration = app.page.getByTestId('touchpoint-panel').getByTestId('touchpoint-duration');
    await duration.pressSequentially('2 timer');
    // Typed as it was typed: nothing rewritten under the cursor.
    await expect(duration).toHaveValue('2 timer');
    await canvas.waitSaved();
    const days = () =>
      (
        app.db
          .prepare("SELECT duration_days AS d FROM touchpoints WHERE label = 'Hjemmeplejen'")
          .get() as { d: number }
      ).d;
    await expect.poll(days).toBeCloseTo(2 / 24, 9);
    await openCostView(app.page);
    await expect(
      app.page
        .getByTestId('cost-by-payer')
        .getByTestId('cost-line-total')
        .getByTestId('cost-to-be'),
    ).toHaveText('1.860 kr.');
    await expect(app.page.getByTestId('cost-unpriced-item')).toHaveText([
      'Indlæggelse på sygehuset – der er ikke fundet en offentlig pris',
    ]);
  });

  test('a CSV with a bad line is refused in Danish and changes nothing; a good one replaces the list', async ({
    app,
  }) => {
    await app.open('#/prices');
    const prices = new PricesPage(app.page);
    await prices.waitLoaded();
    expect(await seriousViolations(app.page)).toEqual([]);
    const before = await app.handlers['prices:get']({});
    // A row without a public price says so in its source line, once: not again as its note.
    const municipal = await prices.openSector('municipal_care');
    const unpriced = municipal
      .getByTestId('price-row')
      .filter({ hasText: 'Ingen offentlig enhedspris fundet' });
    expect(await unpriced.count()).toBeGreaterThan(0);
    for (const row of await unpriced.all()) {
      expect((await row.innerText()).split('Ingen offentlig enhedspris fundet').length - 1).toBe(1);
    }

    const [download] = await Promise.all([
      app.page.waitForEvent('download'),
      app.page.getByTestId('price-export').click(),
    ]);
    expect(download.suggestedFilename()).toBe('prisliste.csv');
    const exported = readFileSync(await download.path(), 'utf8');
    expect(exported.startsWith('\uFEFFSektor;Kontakttype')).toBe(true);

    const lines = exported.trimEnd().split('\r\n');
    const bad = [
      lines[0],
      lines[1],
      'general_practice;gp_visit;;kontakt;300;0,5;0,4;0;Lokal aftale;2026;',
      'general_practice;video;;uge;300;1;0;0;Lokal aftale;2026;',
    ].join('\r\n');
    await app.page.getByTestId('price-import').setInputFiles({
      name: 'priser.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(bad, 'utf8'),
    });
    const errors = app.page.getByTestId('price-import-errors');
    await expect(errors).toContainText('Intet er ændret. Filen har 2 fejl:');
    // The status bar says it as a whole sentence, not the list's heading with its colon.
    await expect(app.page.getByTestId('status')).toHaveText(
      'Intet er ændret. Filen har 2 fejl. De står på siden.',
    );
    await expect(app.page.getByTestId('price-import-error')).toHaveText([
      'Linje 3: andelene giver ikke 100 % tilsammen',
      'Linje 4, kolonnen «Enhed»: ukendt enhed (brug kontakt, dag, måned eller time)',
    ]);
    expect(await seriousViolations(app.page)).toEqual([]);
    expect(await app.handlers['prices:get']({})).toEqual(before);

    // The same list with one price changed is taken whole.
    const good = exported.replace(
      /\r\ngeneral_practice;gp_visit;;kontakt;220;/,
      '\r\ngeneral_practice;gp_visit;;kontakt;250;',
    );
    expect(good).not.toBe(exported);
    await app.page.getByTestId('price-import').setInputFiles({
      name: 'priser.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(good, 'utf8'),
    });
    await expect(errors).toHaveCount(0);
    await expect(app.page.getByTestId('status')).toContainText('Prislisten er skiftet ud');
    await expect(prices.row(GP_ROW).getByTestId('price-value')).toHaveText('250 kr. pr. kontakt');

    // And back to the shipped default, after the question.
    await app.page.getByTestId('price-reset').click();
    const dialog = app.page.getByTestId('price-reset-dialog');
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Ja, brug standardlisten' }).click();
    await expect(prices.row(GP_ROW).getByTestId('price-value')).toHaveText('220 kr. pr. kontakt');
    expect(await app.handlers['prices:get']({})).toEqual(before);
  });

  test('the program Økonomi view shows cost figures for 60 models, hidden cells explained, and its CSV', async ({
    app,
  }) => {
    test.setTimeout(90_000);
    await importModels(app.handlers, programModels(60, 7, 20));
    await app.open('#/program');
    const program = new ProgramPage(app.page);
    await app.page.getByTestId('model-row').first().waitFor();
    await program.openTab('economy');
    const view = app.page.getByTestId('program-cost');
    const list = await app.handlers['prices:get']({});
    await expect(view.getByTestId('cost-price-list')).toContainText(
      `«${list.name}» fra ${list.priceYear} (priserne er ikke regnet om til i dag)`,
    );
    // Cost per journey over all 60 journeys: a count and a median in kroner.
    const asIs = view.getByTestId('cost-per-journey').getByTestId('cost-row-asIs');
    await expect(asIs.locator('td').first()).toHaveText('60');
    // On a laptop's screen the tab opens with its first figures in sight: what «Sådan skulle det
    // være» means is one step away, not a paragraph above them.
    await app.page.setViewportSize({ width: 1366, height: 768 });
    // As the tab opens: every scrolling area at its top.
    await app.page.evaluate(() => {
      for (const el of document.querySelectorAll('*')) if (el.scrollTop > 0) el.scrollTop = 0;
    });
    const asIsBox = await asIs.boundingBox();
    expect(asIsBox, 'the first row of «Udgift pr. forløb»').not.toBeNull();
    expect(asIsBox!.y + asIsBox!.height).toBeLessThanOrEqual(768);
    const meaning = view.getByTestId('cost-to-be-meaning');
    await expect(meaning.locator('p')).toBeHidden();
    await meaning.locator('summary').click();
    await expect(meaning.locator('p')).toContainText('«Sådan skulle det være» er det nye forløb');
    await expect(asIs.locator('td').nth(1)).toHaveText(/^[\d.]+ kr\.$/);
    await expect(
      view.getByTestId('cost-by-payer').getByTestId('cost-row-total').locator('td').first(),
    ).toHaveText(/^[\d.]+ kr\.$/);
    await expect(view.getByTestId('cost-who-pays')).toBeVisible();
    // Beside two sums that are shown, a difference is that subtraction: «skjult» there would hide
    // nothing anyone cannot work out (the suppression leaves only a difference no journey adds
    // to, 0, to be worked out; a property test holds it to that).
    const kroner = (text: string) =>
      /^[−+]?[\d.]+ kr\.$/.test(text)
        ? (text.startsWith('−') ? -1 : 1) * Number(text.replace(/[^\d]/g, ''))
        : null;
    for (const table of ['cost-by-sector', 'cost-by-payer']) {
      const rows = view.getByTestId(table).locator('tbody tr');
      for (const r of await rows.all()) {
        const [asIsText, toBeText, differenceText] = await r.locator('td').allInnerTexts();
        const [a, b, d] = [asIsText!, toBeText!, differenceText!].map((x) => kroner(x.trim()));
        if (a === null || b === null || a === undefined || b === undefined) continue;
        expect(d, `${table}: ${await r.innerText()}`).toBe(b - a);
      }
    }
    // …and there are such cells here: hidden as the figures come, shown as the subtraction.
    const figures = (await app.handlers['program:aggregate']({ filter: {} })).cost!;
    const derived = [...figures.bySector, ...figures.byPayer, figures.total].filter(
      (f) => !f.difference.shown && f.asIs.shown && f.toBe.shown,
    );
    expect(derived.length).toBeGreaterThan(0);
    // A payer with no share in a sector is a dash that the help explains and a reader hears.
    await expect(view.getByTestId('cost-who-pays')).toContainText(
      '–: betaleren betaler intet i den sektor.',
    );
    const noShare = view
      .getByTestId('cost-who-pays')
      .getByRole('cell', { name: 'betaler intet her' });
    expect(await noShare.count()).toBeGreaterThan(0);
    await expect(noShare.first()).toHaveText('–betaler intet her');
    await expect(view.getByTestId('cost-unpriced')).toBeVisible();
    // Beside the amounts' first mention: how many touchpoints they rest on, the same counts as the
    // last section's, and a way to it.
    const unpriced = view.getByTestId('cost-unpriced');
    const number = async (row: string) =>
      Number(
        (await unpriced.getByRole('row', { name: row }).locator('td').first().innerText()).replace(
          /\./g,
          '',
        ),
      );
    const all = await number('Kontaktpunkter i alt');
    const without = await number('Uden pris i alt');
    expect(without).toBeGreaterThan(0);
    const dk = (n: number) => n.toLocaleString('da-DK');
    await expect(view.getByTestId('cost-coverage')).toContainText(
      `Sådan er det i dag: beløbene bygger på ${dk(all - without)} af ${dk(all)} kontaktpunkter (${Math.round(
        (100 * (all - without)) / all,
      )} %). De øvrige ${dk(without)} har ingen pris og er ikke talt med, så den virkelige udgift kan være højere.`,
    );
    await view.getByTestId('coverage-why').click();
    await expect(unpriced).toBeFocused();
    await expect(unpriced).toBeInViewport();

    // A narrower selection hides what rests on too few journeys, and says why.
    await program.openFilters();
    await app.page.getByTestId('filter-municipality').selectOption('lolland');
    await expect(view.getByTestId('hidden-cell').first()).toBeVisible();
    // Where the count without a price is hidden, the sentence claims neither some nor none.
    await expect(view.getByTestId('hidden-note').first()).toHaveText(
      /^«Skjult» betyder, at tallet bygger på færre end 5 forløb/,
    );
    // Said in full once, above the first table with a hidden figure; the tables below say it in
    // a line and point up to it.
    const notes = view.getByTestId('hidden-note');
    expect(await notes.count()).toBeGreaterThan(1);
    await expect(notes.filter({ hasText: 'Små tal vises ikke' })).toHaveCount(1);
    await expect(notes.first()).toContainText('Små tal vises ikke');
    await expect(notes.nth(1)).toHaveText(
      '«Skjult» betyder, at tallet bygger på færre end 5 forløb – se forklaringen ovenfor.',
    );
    expect(await seriousViolations(app.page)).toEqual([]);

    const [download] = await Promise.all([
      app.page.waitForEvent('download'),
      view.getByTestId('csv-cost-by-payer').click(),
    ]);
    expect(download.suggestedFilename()).toBe('cost-by-payer.csv');
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv.startsWith('\uFEFFpayer;map;journeys;kr;price_list;price_year')).toBe(true);

    // The price list opened from here leads back here, not to the journeys.
    await view.getByTestId('open-prices').click();
    await new PricesPage(app.page).waitLoaded();
    const back = app.page.getByRole('button', { name: '← Tilbage til programmet' });
    await back.click();
    await expect(view).toBeVisible();
  });

  test('a source or note with characters that hide or turn text is said so in Danish, and kept without them', async ({
    app,
  }) => {
    await app.open('#/prices');
    const prices = new PricesPage(app.page);
    await prices.waitLoaded();
    await prices.openSector('general_practice');
    const before = await app.handlers['prices:get']({});
    const row = prices.row(GP_ROW);
    await row.getByTestId('price-edit').click();
    const editor = row.getByTestId('price-editor');
    // A right-to-left override shows «live» for «evil»; a NUL is taken out as it is typed.
    await editor.getByTestId('price-source').fill('PLO 2023 \u202eevil\u0000');
    await editor.getByTestId('price-note').fill('Se \u2066noten\u2069');
    await editor.getByTestId('price-save').click();
    await expect(row.getByTestId('price-error-sourceText')).toHaveText(
      'Kilden havde usynlige tegn, som kan skjule tekst eller vende den om (styretegn eller retningstegn). De er taget ud nu – læs kilden igennem, og gem igen.',
    );
    await expect(row.getByTestId('price-error-noteText')).toContainText(
      'Noten havde usynlige tegn',
    );
    await expect(editor.getByTestId('price-source')).toHaveValue('PLO 2023 evil');
    await expect(editor.getByTestId('price-note')).toHaveValue('Se noten');
    await expect(editor.getByTestId('price-source')).toHaveAttribute(
      'aria-describedby',
      /sourceText-error/,
    );
    expect(await seriousViolations(app.page)).toEqual([]);
    expect(await app.handlers['prices:get']({})).toEqual(before);
    // Read through, saved as it now stands.
    await editor.getByTestId('price-save').click();
    await expect(editor).toHaveCount(0);
    await prices.waitSaved();
    expect(
      app.db
        .prepare(
          "SELECT source, note FROM prices WHERE sector = 'general_practice' AND contact_type = 'gp_visit'",
        )
        .get(),
    ).toEqual({ source: 'PLO 2023 evil', note: 'Se noten' });

    // A CSV with them is refused, each cell said with its line and column.
    const { text } = await app.handlers['prices:exportCsv']({});
    const lines = text.trimEnd().split('\r\n');
    await app.page.getByTestId('price-import').setInputFiles({
      name: 'priser.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        [
          lines[0],
          'general_practice;gp_visit;;kontakt;220;0,07;0,93;0;Kilde\u0000skjult;2023;',
        ].join('\r\n'),
        'utf8',
      ),
    });
    await expect(app.page.getByTestId('price-import-error')).toHaveText([
      'Linje 2, kolonnen «Kilde»: teksten har usynlige tegn, som kan skjule tekst eller vende den om (styretegn som NUL og ESC eller retningstegn som U+202E) – tag dem ud af cellen',
    ]);
  });

  test('in English the price editor reads English numbers, and leads back to the journey', async ({
    app,
  }) => {
    const id = await seedCostJourney(app.handlers);
    await app.handlers['settings:set']({ language: 'en' });
    await app.open(`#/journey/${id}`);
    await new JourneyPage(app.page).waitLoaded();
    const view = await openCostView(app.page);
    await view.getByTestId('open-prices').click();
    const prices = new PricesPage(app.page);
    await prices.waitLoaded();
    await prices.openSector('general_practice');
    // Written as English writes it: a thousands comma and a decimal point.
    await prices.editRow(GP_ROW, { price: '1,220.50' });
    await expect(prices.row(GP_ROW).getByTestId('price-editor')).toHaveCount(0);
    await prices.waitSaved();
    expect(
      app.db
        .prepare(
          "SELECT price FROM prices WHERE sector = 'general_practice' AND contact_type = 'gp_visit'",
        )
        .get(),
    ).toEqual({ price: 1220.5 });
    // A Danish decimal comma is not guessed at in English: it is refused in words.
    await prices.editRow(GP_ROW, { price: '220,5' });
    await expect(prices.row(GP_ROW).getByTestId('price-error-price')).toBeVisible();
    await prices.row(GP_ROW).getByTestId('price-editor').getByTestId('price-cancel').click();

    await app.page.getByRole('button', { name: '← Back to the journey' }).click();
    await new JourneyPage(app.page).waitLoaded();
    expect(await app.page.evaluate(() => window.location.hash)).toBe(`#/journey/${id}`);
  });
});
