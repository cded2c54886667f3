import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import type { PathwayModel } from '../../shared/model/pathway-model';
import { modelOf, randomModels } from '../support/generate-models';
import { importModels } from '../support/program-models';
import { expect, test } from './harness';

/**
 * The program's tables as program staff read them: what «skjult» means said in words anyone can
 * reach, a view with nothing shown saying why and what would show more, the handover matrix as a
 * heat map whose headers stay in view, variants as sector chips, services the catalogue does not
 * know named as such.
 */

const repeat = <T>(n: number, f: (i: number) => T) => Array.from({ length: n }, (_, i) => f(i));

/**
 * 30 journeys with known figures: 20 GP → hospital → home care (5 of them broken at the first
 * handover, every wait 4 days there; their GP is a clinic the local catalogue does not know),
 * 7 emergency → hospital, 3 psychiatry → hospital (fewer than 5: hidden). Ideas only in 3.
 */
function knownModels(): PathwayModel[] {
  return [
    ...repeat(20, (i) =>
      modelOf({
        sectors: ['general_practice', 'hospital', 'municipal_care'],
        services: ['falster-gp-99', null, null],
        broken: [i < 5, false],
        waits: [4, 2],
      }),
    ),
    ...repeat(7, () =>
      modelOf({
        sectors: ['emergency', 'hospital'],
        services: ['emergency-112-ambulance', 'nyk-hospital-emergency'],
      }),
    ),
    ...repeat(3, () =>
      modelOf({
        sectors: ['psychiatry', 'hospital'],
        ideas: [{ aims: ['health'], painCategories: ['waiting'], touchpointRefs: ['t1'] }],
      }),
    ),
  ];
}

/** Opens the cohort filters when they are folded away behind their button. */
async function showFilters(page: Page) {
  const toggle = page.getByTestId('filters-toggle');
  if ((await toggle.count()) > 0 && (await toggle.getAttribute('aria-expanded')) !== 'true') {
    await toggle.click();
  }
}

const view = (page: Page, tab: string) => page.getByTestId(`view-${tab}`);
async function openTab(page: Page, tab: string) {
  await page.getByTestId(`program-tab-${tab}`).click();
  await expect(view(page, tab)).toBeVisible();
}

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .include('[data-testid="program-screen"]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** The smallest rendered text in a part of the page (px), ignoring text kept for screen readers. */
function smallestText(part: Locator): Promise<number> {
  return part.evaluate((root) => {
    let min = Infinity;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || !n.textContent?.trim() || el.closest('.visually-hidden')) continue;
      if (el.getClientRects().length === 0) continue;
      min = Math.min(min, parseFloat(getComputedStyle(el).fontSize));
    }
    return min;
  });
}

const LINE = '«Skjult» betyder, at tallet bygger på færre end 5 forløb';
const WHY = 'Små tal vises ikke, for at ingen borger skal kunne genkendes.';

test.describe('laptop 1366×768', () => {
  test.use({ viewport: { width: 1366, height: 768 } });

  test('hidden figures are explained in words, and an all-hidden view says what would show more', async ({
    app,
  }) => {
    await importModels(app.handlers, knownModels());
    await app.open('#/program');
    const page = app.page;

    // Every idea rests on 3 journeys: the view says so, with the selection's size, not 15 rows
    // of «skjult».
    await openTab(page, 'ideas');
    const ideas = view(page, 'ideas').getByTestId('all-hidden');
    await expect(ideas).toBeVisible();
    await expect(ideas).toContainText('Alle tal i «Idéer efter formål og problem» er skjult');
    await expect(ideas).toContainText('Udvalget har 30 forløb');
    await expect(ideas).toContainText('færre end 5 af dem');
    await expect(ideas).toContainText(WHY);
    await expect(ideas).toContainText('Hent flere modeller ind');
    // No filter is set and k is 5: neither a wider selection nor a lower k is offered.
    await expect(ideas).not.toContainText('bredere udvalg');
    await expect(ideas).not.toContainText('bag et tal» lavere');
    // Nothing to download: a file of «skjult» only is not offered; a table with figures is.
    await expect(view(page, 'ideas').getByRole('button', { name: 'Gem som CSV-fil' })).toHaveCount(
      0,
    );
    // The rows are one step away, as a disclosure a keyboard reaches.
    await expect(view(page, 'ideas').getByTestId('hidden-cell')).toBeHidden();
    await ideas.getByText('Vis rækken (dens tal er skjult)').click();
    await expect(
      view(page, 'ideas').getByRole('cell', { name: 'skjult, færre end 5 forløb' }),
    ).toBeVisible();

    // Counts: some bands hidden. The explanation is a visible line beside the table, not a
    // tooltip, and each hidden cell says why to a screen reader.
    await openTab(page, 'counts');
    const bands = page.getByTestId('table-contacts-per-journey');
    await expect(bands.getByTestId('hidden-note')).toBeVisible();
    await expect(bands.getByTestId('hidden-note')).toContainText(LINE);
    await expect(bands.getByTestId('hidden-note')).toContainText(WHY);
    await expect(bands.getByTestId('hidden-note')).toContainText(
      'Flere modeller eller et bredere udvalg viser flere tal.',
    );
    await expect(
      bands.getByRole('cell', { name: 'skjult, færre end 5 forløb' }).first(),
    ).toBeVisible();
    // The table fits: no scroll cue.
    await expect(bands.getByTestId('scroll-cue')).toHaveCount(0);
    // A service the local catalogue does not know is named as such; a known one by its name
    // alone (its code is the CSV's).
    const services = page.getByTestId('table-services');
    await expect(
      services.locator('tr').filter({ hasText: 'Ukendt tilbud (falster-gp-99)' }),
    ).toContainText('20');
    await expect(
      services.locator('tr').filter({ hasText: /^Nykøbing F\. Sygehus, akutmodtagelse\d+$/ }),
    ).toContainText('7');
    await expect(services).not.toContainText('(nyk-hospital-emergency)');
    await expect(services.getByRole('button', { name: 'Gem som CSV-fil' })).toBeVisible();
    // Nothing hidden among services: no line to explain it.
    await expect(services.getByTestId('hidden-note')).toHaveCount(0);
    expect(await smallestText(view(page, 'counts'))).toBeGreaterThanOrEqual(15);

    // Variants: the recurring pathway as sector chips with its count; the hidden ones a sentence.
    await openTab(page, 'variants');
    const variants = page.getByTestId('table-variants');
    const gp = variants.getByTestId('variants-row');
    await expect(gp).toHaveCount(1);
    await expect(gp.locator('.variant-step')).toHaveText([
      'Egen læge',
      'Sygehus',
      'Kommunal sundhed og pleje',
    ]);
    await expect(gp).toContainText('20 forløb (67 %)');
    await expect(
      variants.getByRole('cell', {
        name: 'Egen læge, derefter Sygehus, derefter Kommunal sundhed og pleje',
      }),
    ).toBeVisible();
    await expect(variants.getByTestId('variants-other')).toContainText(
      'De øvrige forløbstyper er skjult: hver af dem findes i færre end 5 forløb',
    );
    await expect(variants).not.toContainText('Andre forløbstyper');
    expect(await seriousViolations(page)).toEqual([]);

    // Handovers: a heat map with a legend in words and one sentence per cell.
    // Feeling's scale in words, where its figures are.
    await openTab(page, 'emotion');
    await expect(page.getByTestId('emotion-scale')).toContainText('−2 (meget dårligt)');
    await expect(page.getByTestId('emotion-scale')).toContainText('2 (meget godt)');

    await openTab(page, 'handovers');
    const legend = page.getByTestId('matrix-legend');
    await expect(legend).toContainText('Farven viser andelen af brudte overleveringer');
    await expect(legend.getByRole('listitem')).toHaveText([
      'under 20 %',
      '20–39 %',
      '40–59 %',
      '60 % eller flere',
      'andelen er skjult: færre end 5 forløb er vurderet, antallet af brudte eller ikke brudte er under 5, eller den kunne regnes ud fra andre tal',
      'skjult: færre end 5 forløb',
      'ingen overgange',
    ]);
    const matrix = page.getByTestId('handover-matrix');
    await expect(
      matrix.getByRole('cell', {
        name: 'Fra Egen læge til Sygehus: 20 forløb, 25 % brudte, median ventetid 4 dage',
        exact: true,
      }),
    ).toBeVisible();
    await expect(
      matrix.getByRole('cell', {
        name: 'Fra Akut til Sygehus: 7 forløb, andel brudte skjult, median ventetid skjult',
        exact: true,
      }),
    ).toBeVisible();
    await expect(
      matrix.getByRole('cell', {
        name: 'Fra Psykiatri til Sygehus: skjult, færre end 5 forløb',
        exact: true,
      }),
    ).toBeVisible();
    await expect(
      matrix.getByRole('cell', { name: 'Fra Sygehus til Akut: ingen overgange', exact: true }),
    ).toBeVisible();
    await expect(page.getByTestId('matrix-section').getByTestId('hidden-note')).toContainText(LINE);
    // Its waiting is not the map's «dage imellem»: the help says which is which, one step away
    // (a click, a touch or Enter on its heading), so the matrix starts higher on the screen.
    const more = page.getByTestId('matrix-more');
    const whichWaiting =
      'Ventetiden er den, der er skrevet på overgangen. Proceskortets «dage imellem» er noget andet: tiden fra én kontakt til den næste.';
    await expect(more.getByText(whichWaiting)).toBeHidden();
    await more.getByText('Mere om tallene').focus();
    await page.keyboard.press('Enter');
    await expect(more.getByText(whichWaiting, { exact: false })).toBeVisible();
    // In the list beside it, a share and a median resting on fewer than 5 journeys say «skjult»
    // as a hidden count does (not a bare dash), and the line says what that means.
    const list = page.getByTestId('table-handovers');
    const akut = list.getByRole('row').filter({ hasText: 'Akut' });
    await expect(akut.getByRole('cell').nth(2)).toHaveText('7');
    await expect(akut.getByTestId('hidden-cell')).toHaveText(['skjult', 'skjult']);
    await expect(
      akut.getByRole('cell', { name: 'skjult, færre end 5 forløb', exact: true }),
    ).toHaveCount(2);
    await expect(list.getByTestId('hidden-note')).toContainText(LINE);
    // The matrix above it explains «skjult» in full: the list says it short and points up.
    await expect(list.getByTestId('hidden-note')).toContainText('se forklaringen ovenfor');
    await expect(list.getByTestId('hidden-note')).not.toContainText(WHY);
    await expect(page.getByTestId('matrix-section').getByTestId('hidden-note')).toContainText(WHY);
    const fromGp = list.getByRole('row').filter({ hasText: 'Egen læge' });
    await expect(fromGp.getByTestId('hidden-cell')).toHaveCount(0);
    // Five sectors fit a laptop: no cue to scroll.
    await expect(page.getByTestId('matrix-section').getByTestId('scroll-cue')).toHaveCount(0);
    expect(await smallestText(view(page, 'handovers'))).toBeGreaterThanOrEqual(15);
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('a view with nothing shown names the ways out, and they work', async ({ app }) => {
    await importModels(app.handlers, knownModels());
    await app.open('#/program');
    const page = app.page;
    await openTab(page, 'ideas');

    // A municipality with no journeys: the whole view is hidden, and its size is not shown.
    await showFilters(page);
    await page.getByTestId('filter-municipality').selectOption('guldborgsund');
    const notice = page.getByTestId('suppressed');
    await expect(notice).toContainText('Der er færre end 5 forløb i udvalget. Intet kan vises');
    await expect(notice).not.toContainText('Udvalget har');
    await expect(notice).toContainText('Vælg et bredere udvalg');
    await notice.getByRole('button', { name: 'Fjern filteret' }).click();
    await expect(page.getByTestId('filter-municipality')).toHaveValue('');
    await expect(page.getByTestId('cohort')).toHaveText('30 forløb i udvalget');

    // A k above 5: a lower k is offered too.
    await showFilters(page);
    await page.getByTestId('k-input').fill('7');
    await page.getByTestId('k-input').press('Enter');
    const ideas = view(page, 'ideas').getByTestId('all-hidden');
    await expect(ideas).toContainText('Sæt «Mindste antal forløb bag et tal» lavere. Det er 7 nu');
    await expect(ideas).toContainText('færre end 7 af dem');

    // More models: the button goes to the import panel.
    await ideas.getByRole('button', { name: 'Gå til Modeller' }).click();
    await expect(page.getByTestId('program-tab-models')).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('import-folder')).toBeAttached();
  });

  test('a hidden median is said in a whole sentence, and drops left out as hidden are counted', async ({
    app,
  }) => {
    // 8 journeys GP → hospital whose feeling falls (a drop of 8: shown); 3 emergency → psychiatry
    // whose feeling falls too (3: hidden, so not known to be a drop); only 3 journeys dated.
    await importModels(app.handlers, [
      ...repeat(8, (i) =>
        modelOf({
          sectors: ['general_practice', 'hospital'],
          emotions: [1, -1],
          days: i < 3 ? [0, 12] : undefined,
        }),
      ),
      ...repeat(3, () => modelOf({ sectors: ['emergency', 'psychiatry'], emotions: [2, -2] })),
    ]);
    await app.open('#/program');
    const page = app.page;
    await openTab(page, 'counts');
    await expect(page.getByTestId('medians')).toContainText(
      'Median forløbslængde: skjult – færre end 5 forløb har en dato',
    );
    await expect(page.getByTestId('medians')).not.toContainText('dage');

    await openTab(page, 'emotion');
    const drops = page.getByTestId('table-emotion-drops');
    await expect(drops.locator('tbody tr')).toHaveCount(1);
    await expect(drops.getByTestId('left-out-emotion-drops')).toHaveText(
      '1 overgang mere har en følelse før og efter i færre end 5 forløb (eller kunne regnes ud fra andre tal). Den er skjult og ikke med her – om følelsen faldt der, vises ikke.',
    );

    // With k = 9 the one drop shown is hidden too: none can be shown, and the view says why and
    // what would show more, instead of «nothing to show».
    await showFilters(page);
    await page.getByTestId('k-input').fill('9');
    await page.getByTestId('k-input').press('Enter');
    const none = drops.getByTestId('left-out-emotion-drops');
    await expect(none).toContainText(
      'Ingen fald kan vises. 2 overgange har en følelse før og efter i færre end 9 forløb (eller kunne regnes ud fra andre tal) og er skjult',
    );
    await expect(none).toContainText('Sådan kan der vises mere:');
    await expect(drops).not.toContainText('Der er intet at vise');
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('with no model yet, the views say to import models, not that the selection is too small', async ({
    app,
  }) => {
    await app.open('#/program');
    const page = app.page;
    await page.getByTestId('program-tab-processMap').click();
    await expect(page.getByTestId('cohort')).toHaveText('Ingen modeller endnu');
    const notice = page.getByTestId('suppressed');
    await expect(notice).toContainText('Der er ingen modeller i arbejdsrummet endnu.');
    await expect(notice).not.toContainText('færre end 5 forløb i udvalget');
    // Nothing a wider selection or a lower k could show.
    await expect(notice).not.toContainText('Vælg et bredere udvalg');
    await expect(notice).not.toContainText('lavere');
    await notice.getByRole('button', { name: 'Gå til Modeller' }).click();
    await expect(page.getByTestId('program-tab-models')).toHaveAttribute('aria-selected', 'true');
  });

  test('no view scrolls on past its content into blank screens, nor a short table inside a box', async ({
    app,
  }) => {
    test.setTimeout(60_000);
    await importModels(app.handlers, randomModels(61, 7, 12));
    await app.open('#/program');
    const page = app.page;

    // Feelings' counts are of journeys with a feeling written there, fewer than pass through a
    // sector or a handover: the headings say so.
    await openTab(page, 'emotion');
    await expect(
      page.getByTestId('table-emotion-by-sector').getByRole('columnheader').nth(1),
    ).toHaveText('Forløb med angivet følelse');
    await expect(
      page.getByTestId('table-emotion-drops').getByRole('columnheader').nth(2),
    ).toHaveText('Forløb med følelse angivet før og efter');
    await page.getByTestId('program-tab-models').click();
    // The tabs stay where they are from tab to tab (the models tab's introduction is under them).
    const tabsAt = async () => (await page.getByRole('tablist').boundingBox())!.y;
    await expect(page.getByText('Her samles anonyme forløbsmodeller')).toBeVisible();
    const tabsTop = await tabsAt();
    let short = 0;
    let long = 0;
    for (const tab of ['processMap', 'variants', 'handovers', 'emotion', 'ideas', 'counts']) {
      await openTab(page, tab);
      expect(await tabsAt(), `the tabs on ${tab}`).toBeCloseTo(tabsTop, 0);
      // Every hidden row shown, so each table is as long as it gets.
      for (const more of await view(page, tab).locator('details:not([open]) > summary').all()) {
        await more.click();
      }
      // How far the page scrolls, against where the last thing a person can see ends.
      const { scrolls, content } = await page.evaluate(() => {
        const main = document.querySelector<HTMLElement>('main.app-main')!;
        const top = main.getBoundingClientRect().top - main.scrollTop;
        let bottom = 0;
        for (const el of Array.from(main.querySelectorAll<HTMLElement>('*'))) {
          if (el.closest('.visually-hidden')) continue;
          const r = el.getBoundingClientRect();
          if (r.width < 2 || r.height < 2) continue;
          // What sits inside a scrolling box shows no lower than the box's own bottom.
          let seenBottom = r.bottom;
          for (let box = el.parentElement; box && box !== main; box = box.parentElement) {
            if (getComputedStyle(box).overflowY !== 'visible') {
              seenBottom = Math.min(seenBottom, box.getBoundingClientRect().bottom);
            }
          }
          bottom = Math.max(bottom, seenBottom - top);
        }
        const padding = parseFloat(getComputedStyle(main).paddingBottom) || 0;
        return { scrolls: main.scrollHeight, content: Math.ceil(bottom + padding) };
      });
      expect(
        scrolls,
        `${tab}: the page scrolls ${scrolls - content} px past its content`,
      ).toBeLessThanOrEqual(content + 24);

      // A table that reads in the page (up to 720 px) is not put in a box that scrolls down
      // inside the page; a longer one is, its headings kept in view.
      const measureBoxes = () =>
        view(page, tab)
          .locator('.figure-table-wrap')
          .evaluateAll((all) =>
            all
              .filter((el) => el.getClientRects().length > 0)
              .map((el) => ({
                name: el.getAttribute('aria-label'),
                natural: (el.firstElementChild as HTMLElement).offsetHeight,
                scrollsDown: el.scrollHeight > el.clientHeight + 1,
              })),
          );
      // Measured again until settled: opening hidden rows resizes a table after the click.
      await expect
        .poll(async () =>
          (await measureBoxes())
            .filter((b) => b.scrollsDown !== b.natural > 720)
            .map((b) => `${b.name}, ${b.natural} px`),
        )
        .toEqual([]);
      const boxes = await measureBoxes();
      short += boxes.filter((b) => b.natural > 480 && b.natural <= 720).length;
      long += boxes.filter((b) => b.natural > 720).length;
    }
    // Both kinds were met: tables that a fixed box would have cut by a little, and long ones.
    expect(short).toBeGreaterThan(0);
    expect(long).toBeGreaterThan(0);

    // By mouse too, every button of every view is a target of 44 px each way ("Slet", "Gem som
    // CSV-fil", "Se hvorfor" were 38 px tall).
    let buttons = 0;
    for (const tab of [
      'models',
      'processMap',
      'variants',
      'handovers',
      'emotion',
      'ideas',
      'counts',
      'economy',
    ]) {
      await page.getByTestId(`program-tab-${tab}`).click();
      await expect(page.getByTestId(`program-tab-${tab}`)).toHaveAttribute('aria-selected', 'true');
      const sizes = await page
        .locator('main.app-main')
        .getByRole('button')
        .evaluateAll((all) =>
          all
            .map((el) => ({ el, r: el.getBoundingClientRect() }))
            // What is on the page (a skip link waits off it until it has the focus).
            .filter(({ r }) => r.width > 0 && r.right > 0 && r.left < window.innerWidth)
            .map(({ el, r }) => ({
              name: (el.textContent ?? '').trim(),
              width: r.width,
              height: r.height,
            })),
        );
      buttons += sizes.length;
      expect(
        sizes
          .filter((b) => b.width < 44 || b.height < 44)
          .map((b) => `${b.name} ${b.width}×${b.height}`),
        tab,
      ).toEqual([]);
    }
    expect(buttons).toBeGreaterThan(20);
  });
});

test.describe('touch screen 1024×768', () => {
  test.use({ viewport: { width: 1024, height: 768 }, hasTouch: true });

  test('61 varied journeys: variants explained, and the matrix scrolls under headers that stay', async ({
    app,
  }) => {
    test.setTimeout(60_000);
    await importModels(app.handlers, randomModels(61, 7, 12));
    await app.open('#/program');
    const page = app.page;

    // The model list's age bands («60–69 år») each on one line, in a narrow column.
    const ages = page.getByTestId('model-row').locator('.age-band');
    await expect(ages.first()).toBeVisible();
    const lines = await ages.evaluateAll((cells) =>
      cells.map((cell) => {
        const range = document.createRange();
        range.selectNodeContents(cell);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      }),
    );
    expect(lines.length).toBeGreaterThan(5);
    expect(lines.filter((n) => n !== 1)).toEqual([]);
    // A row reads in three lines (four for a long list of conditions, at most one in ten): the file
    // name with when it was exported and imported under it, a line each, and the cohort's columns
    // with room to wrap no further than that.
    const rowLines = await page.getByTestId('model-row').evaluateAll((rows) =>
      rows.map((row) =>
        Math.max(
          ...[...row.querySelectorAll('td')].map((cell) => {
            // The lines of its text (a block's own box is no line).
            const tops = new Set<number>();
            const texts = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
            for (let node = texts.nextNode(); node; node = texts.nextNode()) {
              const range = document.createRange();
              range.selectNodeContents(node);
              for (const r of range.getClientRects()) tops.add(Math.round(r.top));
            }
            return tops.size;
          }),
        ),
      ),
    );
    expect(rowLines.length).toBeGreaterThan(5);
    expect(rowLines.filter((n) => n > 4)).toEqual([]);
    expect(rowLines.filter((n) => n > 3).length).toBeLessThanOrEqual(rowLines.length / 10);
    const first = page.getByTestId('model-row').first();
    await expect(first.locator('.model-date').first()).toHaveText(
      /^Eksporteret [a-zæøå]+\. \d{4}$/,
    );
    await expect(first.locator('.model-date').nth(1)).toHaveText(/^Hentet ind \d/);

    // Each view's tab reads on one line («Følelser og problemer» too), all in one row inside the
    // window.
    const tabs = page.getByTestId('program-screen').getByRole('tab');
    const tabLines = await tabs.evaluateAll((all) =>
      all.map((tab) => {
        const range = document.createRange();
        range.selectNodeContents(tab);
        const box = tab.getBoundingClientRect();
        return {
          name: tab.textContent,
          lines: new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size,
          inside: box.left >= 0 && box.right <= document.documentElement.clientWidth,
          top: Math.round(box.top),
        };
      }),
    );
    expect(tabLines.length).toBeGreaterThanOrEqual(8);
    expect(tabLines.filter((t) => t.lines !== 1 || !t.inside)).toEqual([]);
    expect(new Set(tabLines.map((t) => t.top)).size).toBe(1);

    // Every pathway is unique: not a row saying «skjult» but why, with the count.
    await openTab(page, 'variants');
    const variants = page.getByTestId('table-variants').getByTestId('all-hidden');
    await expect(variants).toContainText('Alle forløbstyper er skjult');
    await expect(variants).toContainText('Udvalget har 61 forløb');
    await expect(variants).toContainText('færre end 5 af dem');
    await expect(page.getByTestId('table-variants')).not.toContainText('Andre forløbstyper');
    // How they begin recurs, and is shown above them: rows that each rest on at least k journeys.
    const beginnings = page.getByTestId('table-beginnings');
    await expect(
      beginnings.getByRole('heading', { name: 'Sådan begynder forløbene' }),
    ).toBeVisible();
    const rows = beginnings.getByTestId('beginnings-row');
    expect(await rows.count()).toBeGreaterThan(0);
    const counts = await rows.locator('.variant-count > span:first-child').allTextContents();
    const journeys = counts.map((c) => Number(/^(\d+) forløb/.exec(c)?.[1] ?? NaN));
    expect(journeys.every((n) => n >= 5)).toBe(true);
    const beginningsTop = (await beginnings.boundingBox())!.y;
    expect(beginningsTop).toBeLessThan((await page.getByTestId('table-variants').boundingBox())!.y);
    // The variants' notice names that way to more first, and takes the reader there.
    await expect(variants.getByRole('listitem').first()).toContainText(
      'Se, hvordan forløbene begynder',
    );
    // More models are no promise for whole pathways of many contacts: the notice says when
    // they would help.
    await expect(variants).toContainText(
      'det hjælper kun, hvis de samme hele forløb går igen, og lange forløb gør det sjældent',
    );
    await variants.getByRole('button', { name: 'Gå til begyndelserne' }).click();
    await expect(beginnings).toBeFocused();
    // Scrolled to: the beginnings start at the top of the window.
    await expect.poll(async () => Math.round((await beginnings.boundingBox())!.y)).toBeLessThan(60);
    expect((await beginnings.boundingBox())!.y).toBeGreaterThanOrEqual(0);

    await openTab(page, 'handovers');
    const section = page.getByTestId('matrix-section');
    await expect(section.getByTestId('matrix-legend')).toBeVisible();
    const region = section.getByRole('region', { name: 'Overgange mellem sektorer' });
    // Eleven sectors do not fit 1024 px: the words say so, and the shaded edges show where.
    await expect(section.getByTestId('scroll-cue')).toHaveText(
      'Rul ned og til siden for at se mere ↓ →',
    );
    await expect(section.locator('.scroll-fade-right')).toBeVisible();
    await expect(section.locator('.scroll-fade-bottom')).toBeVisible();
    // Each figure of a cell is one line (a cell of three figures is three lines, not five): more
    // of the matrix fits its box.
    const wrapped = await section
      .locator('.matrix-figures > *')
      .evaluateAll((figures) =>
        figures
          .filter(
            (f) =>
              f.getClientRects().length > 1 ||
              f.getBoundingClientRect().height > 1.6 * parseFloat(getComputedStyle(f).lineHeight),
          )
          .map((f) => f.textContent),
      );
    expect(await section.locator('.matrix-figures > *').count()).toBeGreaterThan(20);
    expect(wrapped).toEqual([]);

    await region.scrollIntoViewIfNeeded();
    const colHeader = section.getByRole('columnheader', { name: 'Sygehus' });
    const rowHeader = section.getByRole('rowheader', { name: 'Sygehus' });
    /** Where a header is, from the scrolling box's top-left corner. */
    const placeOf = async (header: Locator) => {
      const [h, box] = [(await header.boundingBox())!, (await region.boundingBox())!];
      return { x: h.x - box.x, y: h.y - box.y };
    };
    const startCol = await placeOf(colHeader);
    const startRow = await placeOf(rowHeader);
    // Scroll the box well down and to the right, by keyboard as a person without a mouse would.
    await region.focus();
    await page.keyboard.press('PageDown');
    for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowRight');
    await expect
      .poll(() => region.evaluate((el) => [el.scrollLeft > 100, el.scrollTop > 100]))
      .toEqual([true, true]);
    const col = await placeOf(colHeader);
    const row = await placeOf(rowHeader);
    // The column headers stayed at the top of the box, the row headers at its left edge…
    expect(Math.abs(col.y - startCol.y)).toBeLessThan(2);
    expect(col.y).toBeGreaterThanOrEqual(0);
    expect(Math.abs(row.x - startRow.x)).toBeLessThan(2);
    expect(row.x).toBeGreaterThanOrEqual(0);
    // …while the cells under them moved.
    expect(col.x).toBeLessThan(startCol.x - 100);
    expect(row.y).toBeLessThan(startRow.y - 100);
    // Scrolled to the right end: that edge no longer shades.
    for (let i = 0; i < 60; i++) await page.keyboard.press('ArrowRight');
    await expect(section.locator('.scroll-fade-right')).toHaveCount(0);
    await expect(section.getByTestId('scroll-cue')).toBeVisible();

    expect(await smallestText(view(page, 'handovers'))).toBeGreaterThanOrEqual(15);
    expect(await seriousViolations(page)).toEqual([]);
  });
});

test.describe('a whole program at 1024×768 touch', () => {
  test.use({ viewport: { width: 1024, height: 768 }, hasTouch: true });

  test('the model list is found by search, shown 50 at a time, each row whole, the page scrolling', async ({
    app,
  }) => {
    test.setTimeout(60_000);
    const models = randomModels(130, 11, 8);
    await importModels(app.handlers, models);
    await app.open('#/program');
    const page = app.page;
    const rows = page.getByTestId('model-row');
    const shown = page.getByTestId('models-shown');
    const more = page.getByTestId('models-more');

    await expect(page.getByTestId('model-count')).toHaveText('(130 modeller)');
    await expect(rows).toHaveCount(50);
    await expect(shown).toHaveText('Viser 50 af 130.');
    await more.click();
    await expect(rows).toHaveCount(100);
    // The keyboard goes on at the first row just added.
    await expect(rows.nth(50).locator('.file-name')).toBeFocused();
    await expect(more).toHaveText('Vis 30 flere');
    await more.click();
    await expect(rows).toHaveCount(130);
    await expect(more).toHaveCount(0);
    await expect(shown).toHaveText('Viser 130 af 130.');

    // The list is part of the page: it never scrolls down inside a box of its own, and at
    // 1024 px every row is whole, its delete button inside the window.
    const box = await page
      .getByTestId('model-list')
      .getByRole('region')
      .evaluate((el) => ({
        scrollsDown: el.scrollHeight > el.clientHeight + 1,
        scrollsSideways: el.scrollWidth > el.clientWidth + 1,
      }));
    expect(box).toEqual({ scrollsDown: false, scrollsSideways: false });
    const cut = await page.getByTestId('delete-model').evaluateAll(
      (buttons) =>
        buttons.filter((b) => {
          const r = b.getBoundingClientRect();
          return r.left < 0 || r.right > document.documentElement.clientWidth;
        }).length,
    );
    expect(cut).toBe(0);

    // Found by what a row shows: the name its export was given (never its file's own, which
    // here was model-0.json), a municipality in words.
    const search = page.getByLabel('Find modeller (navn, kommune, alder …)');
    const first = models[0]!;
    const id = first.exportId.slice(0, 8);
    await search.fill(id);
    await expect(rows).toHaveCount(1);
    await expect(rows.locator('.model-file')).toHaveText(`forloeb-${first.exportMonth}-${id}`);
    await search.fill('model-1');
    await expect(rows).toHaveCount(0);
    await search.fill('LOLLAND');
    const lolland = models.filter((m) => m.cohort.municipality === 'lolland').length;
    expect(lolland).toBeGreaterThan(10);
    expect(lolland).toBeLessThan(50);
    await expect(rows).toHaveCount(lolland);
    await expect(shown).toHaveText(`Søgningen finder ${lolland} · viser ${lolland}.`);
    await expect(rows.first()).toContainText('Lolland');
    // An age band typed with a hyphen finds «60–69 år», written with a dash.
    await search.fill('60-69 år');
    const sixties = models.filter((m) => m.cohort.ageBand === '60-69').length;
    expect(sixties).toBeGreaterThan(5);
    await expect(rows).toHaveCount(sixties);
    await expect(rows.first()).toContainText('60–69 år');
    // The export month as the row writes it, and as the file has it.
    await search.fill('nov. 2026');
    await expect(shown).toHaveText('Søgningen finder 130 · viser 50.');
    // The words around the dates are not searched: «ind» is in every row's «Hentet ind».
    await search.fill('hentet ind');
    await expect(rows).toHaveCount(0);
    await search.fill('2026-11');
    await expect(shown).toHaveText('Søgningen finder 130 · viser 50.');
    await search.fill('okt. 2026');
    await expect(rows).toHaveCount(0);
    await search.fill('ingen-fil-hedder-sådan');
    await expect(rows).toHaveCount(0);
    await expect(shown).toHaveText('Ingen modeller passer til «ingen-fil-hedder-sådan».');
    await search.fill('');
    await expect(rows).toHaveCount(50);
  });
});
