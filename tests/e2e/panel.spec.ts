import type { Locator, Page } from '@playwright/test';
import { expect, test, type AppHarness } from './harness';
import { JourneyPage, TouchpointPanelPage } from './pages';

// The touch screen at the table: 1024×768, fingers rather than a mouse.
test.use({ viewport: { width: 1024, height: 768 }, hasTouch: true });

interface TouchpointRow {
  label: string;
  service_code: string | null;
  date: string | null;
  date_precision: string;
  emotion: number | null;
}
const touchpoint = (app: AppHarness, label: string) =>
  app.db
    .prepare(
      'SELECT label, service_code, date, date_precision, emotion FROM touchpoints WHERE label = ?',
    )
    .get(label) as TouchpointRow | undefined;

const LONG_NAME =
  'Nykøbing Falster Sygehus, Medicinsk Afdeling, Ambulatorium for hjerte- og lungesygdomme, indgang 7';
const UNBROKEN_NAME =
  'Sundhedscentret-Rehabiliteringsforløbet-efter-udskrivning-med-genoptræningsplan-og-hjemmebesøg';

/** Opens the journey's list view (the label is the target; its radio is visually hidden). */
async function showList(page: Page) {
  await page
    .locator('label.segment')
    .filter({ has: page.getByTestId('view-list') })
    .click();
  await expect(page.getByTestId('outline')).toBeVisible();
}

/** Everything in `root` that sticks out of it sideways: nothing may. */
function sticksOut(root: Locator) {
  return root.evaluate((el) => {
    const box = el.getBoundingClientRect();
    return [...el.querySelectorAll('*')]
      .filter((c) => {
        const r = c.getBoundingClientRect();
        return r.width > 0 && (r.right > box.right + 0.5 || r.left < box.left - 0.5);
      })
      .map((c) => c.outerHTML.slice(0, 100));
  });
}

test.describe('touchpoint panel at the table', () => {
  test('never scrolls sideways, however long the names', async ({ app }) => {
    const j = await app.handlers['journeys:create']({ alias: 'Borger 7' });
    await app.handlers['touchpoints:create']({
      journeyId: j.id,
      x: 0,
      y: 0,
      label: UNBROKEN_NAME,
    });
    await app.handlers['touchpoints:create']({ journeyId: j.id, x: 300, y: 0, label: LONG_NAME });
    await app.handlers['touchpoints:create']({
      journeyId: j.id,
      x: 600,
      y: 0,
      label: `${UNBROKEN_NAME}-nummer-to`,
    });
    await app.open(`#/journey/${j.id}`);
    const canvas = new JourneyPage(app.page);
    await canvas.waitLoaded();
    // By its whole name: the third card's name begins with this one's.
    await canvas.node(UNBROKEN_NAME, { exact: true }).tap();
    const panel = new TouchpointPanelPage(app.page);
    await expect(panel.name).toHaveValue(UNBROKEN_NAME);
    await panel.openMore();
    await panel.root.getByTestId('connect-target').selectOption({ label: LONG_NAME });
    await expect(panel.root.getByTestId('connect-target')).toHaveAttribute('title', LONG_NAME);
    // The whole name is there to read, wrapped, on the button that connects.
    await expect(panel.root.getByTestId('connect-button')).toHaveText(`Forbind til «${LONG_NAME}»`);

    const size = await panel.root.evaluate((el) => ({
      scrollWidth: el.scrollWidth,
      clientWidth: el.clientWidth,
    }));
    expect(size.scrollWidth).toBeLessThanOrEqual(size.clientWidth);
    expect(await sticksOut(panel.root)).toEqual([]);
    // Whatever holds the panel does not scroll sideways either.
    const scrollers = await panel.root.evaluate((el) => {
      const out: string[] = [];
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement)
        if (p.scrollWidth > p.clientWidth && getComputedStyle(p).overflowX !== 'visible')
          out.push(p.className);
      return out;
    });
    expect(scrollers).toEqual([]);
    // Every target in the panel is at least 44 px high.
    const small = await panel.root.evaluate((el) =>
      [...el.querySelectorAll<HTMLElement>('button, select, input:not([type=radio]), summary')]
        .filter((c) => c.getBoundingClientRect().height < 44)
        .map((c) => c.outerHTML.slice(0, 80)),
    );
    expect(small).toEqual([]);
  });

  test('a complete touchpoint from the palette takes at most six actions besides typing', async ({
    app,
  }) => {
    const j = await app.handlers['journeys:create']({ alias: 'Borger 7' });
    await app.open(`#/journey/${j.id}`);
    const canvas = new JourneyPage(app.page);
    await canvas.waitLoaded();
    const page = app.page;
    // Count what the person does, as the page sees it: each tap or click is a pointerdown, each
    // choice in a list a change on a <select>. Typing is neither.
    await page.evaluate(() => {
      const w = window as unknown as { actions: string[] };
      w.actions = [];
      // A tap on a face may land on its visually hidden radio: name the label then.
      const name = (e: Event) => {
        const target = e.target as Element;
        const host = target.closest('label') ?? target;
        return host.closest('[data-testid]')?.getAttribute('data-testid') ?? '?';
      };
      document.addEventListener('pointerdown', (e) => w.actions.push(`tap ${name(e)}`), true);
      document.addEventListener(
        'change',
        (e) => {
          if ((e.target as Element).tagName === 'SELECT') w.actions.push(`choose ${name(e)}`);
        },
        true,
      );
    });
    const actions = () => page.evaluate(() => (window as unknown as { actions: string[] }).actions);

    await page.getByTestId('palette-hospital').locator('summary').tap();
    await page
      .getByTestId('palette-hospital')
      .getByRole('button', { name: 'Tilføj Nykøbing F. Sygehus, medicinsk afdeling' })
      .tap();
    const panel = new TouchpointPanelPage(page);
    await expect(panel.name).toBeFocused();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Indlagt med lungebetændelse');
    await panel.date.tap();
    await page.keyboard.type('3-2-2026');
    await panel.face(-2).tap();
    await panel.addPain('waiting').tap();
    const painText = panel.root.getByTestId('pain-text');
    await expect(painText).toBeFocused();
    await page.keyboard.type('Ventede fem timer på en seng.');
    await canvas.waitSaved();

    expect(await actions()).toEqual([
      'tap palette-hospital',
      'tap palette-item',
      'tap touchpoint-date',
      'tap emotion-choice--2',
      'tap pain-add-waiting',
    ]);
    expect((await actions()).length).toBeLessThanOrEqual(6);
    await expect
      .poll(() => touchpoint(app, 'Indlagt med lungebetændelse'))
      .toEqual({
        label: 'Indlagt med lungebetændelse',
        service_code: 'nyk-hospital-internal-medicine',
        date: '2026-02-03',
        date_precision: 'day',
        emotion: -2,
      });
    await expect
      .poll(() => app.db.prepare('SELECT category, text FROM pain_points').all())
      .toEqual([{ category: 'waiting', text: 'Ventede fem timer på en seng.' }]);
  });

  test("the faces' words are at body size and never more than two lines", async ({ app }) => {
    const j = await app.handlers['journeys:create']({ alias: 'Borger 7' });
    await app.handlers['touchpoints:create']({ journeyId: j.id, x: 0, y: 0, label: 'Apoteket' });
    await app.open(`#/journey/${j.id}`);
    const canvas = new JourneyPage(app.page);
    await canvas.waitLoaded();
    await canvas.node('Apoteket').tap();
    const panel = new TouchpointPanelPage(app.page);
    await expect(panel.face(0)).toBeVisible();
    const words = await app.page.locator('.emotion-text').evaluateAll((els) =>
      els.map((el) => {
        const style = getComputedStyle(el);
        return {
          text: el.textContent,
          px: parseFloat(style.fontSize),
          lines: Math.round(el.getBoundingClientRect().height / parseFloat(style.lineHeight)),
        };
      }),
    );
    expect(words).toHaveLength(5);
    expect(words.filter((w) => w.px < 16 || w.lines > 2)).toEqual([]);
  });

  test('keeps "more details" open or closed while the app runs', async ({ app }) => {
    const j = await app.handlers['journeys:create']({ alias: 'Borger 7' });
    await app.handlers['touchpoints:create']({ journeyId: j.id, x: 0, y: 0, label: 'Apoteket' });
    await app.handlers['touchpoints:create']({
      journeyId: j.id,
      x: 300,
      y: 0,
      label: 'Jobcentret',
    });
    await app.open(`#/journey/${j.id}`);
    const canvas = new JourneyPage(app.page);
    await canvas.waitLoaded();
    const panel = new TouchpointPanelPage(app.page);
    await canvas.node('Apoteket').tap();
    await expect(panel.more).not.toHaveAttribute('open');
    await expect(panel.root.getByTestId('touchpoint-sector')).toBeHidden();
    await panel.openMore();
    await expect(panel.root.getByTestId('touchpoint-sector')).toBeVisible();

    await showList(app.page);
    await app.page.getByRole('button', { name: 'Redigér Jobcentret' }).tap();
    await expect(panel.name).toHaveValue('Jobcentret');
    await expect(panel.more).toHaveAttribute('open', '');
  });
});

test.describe('dates in Danish, whatever the computer says', () => {
  // The browser's own locale is American: the field must not follow it.
  test.use({ locale: 'en-US' });

  test('types, shows and checks dates as dd-mm-åååå', async ({ app }) => {
    const j = await app.handlers['journeys:create']({ alias: 'Borger 7' });
    await app.handlers['touchpoints:create']({ journeyId: j.id, x: 0, y: 0, label: 'Jobcentret' });
    await app.open(`#/journey/${j.id}`);
    const canvas = new JourneyPage(app.page);
    await canvas.waitLoaded();
    await canvas.node('Jobcentret').tap();
    const panel = new TouchpointPanelPage(app.page);
    await expect(panel.date).toHaveValue('');
    await expect(panel.date).toHaveAttribute('inputmode', 'numeric');
    await expect(panel.root.getByTestId('date-understood')).toHaveText(
      'Ikke kendt. Kun rækkefølgen på kortet tæller.',
    );

    await panel.date.fill('3-2-2026');
    await expect(panel.root.getByTestId('date-understood')).toHaveText(
      'tirsdag den 3. februar 2026',
    );
    await expect.poll(() => touchpoint(app, 'Jobcentret')?.date).toBe('2026-02-03');
    await panel.name.focus();
    await expect(panel.date).toHaveValue('03-02-2026');
    await expect(canvas.node('Jobcentret')).toContainText('03-02-2026');

    for (const typed of ['03.02.2026', '03/02/2026', '2026-02-03']) {
      await panel.date.fill(typed);
      await expect(panel.root.getByTestId('date-understood')).toHaveText(
        'tirsdag den 3. februar 2026',
      );
    }

    // A month.
    await panel.date.fill('02-2026');
    await expect(panel.root.getByTestId('date-understood')).toHaveText('februar 2026');
    await expect
      .poll(() => touchpoint(app, 'Jobcentret'))
      .toMatchObject({ date: '2026-02', date_precision: 'month' });
    await expect(canvas.node('Jobcentret')).toContainText('februar 2026');

    // A date that does not exist: said plainly, kept on screen, never stored.
    await panel.date.fill('31-02-2026');
    await expect(panel.root.getByTestId('date-error')).toHaveText(
      'Den dato findes ikke. Skriv dag-måned-år, fx 14-03-2026, eller kun måneden, fx 03-2026.',
    );
    await expect(panel.date).toHaveAttribute('aria-invalid', 'true');
    await panel.name.focus();
    await expect(panel.date).toHaveValue('31-02-2026');
    await canvas.waitSaved();
    expect(touchpoint(app, 'Jobcentret')).toMatchObject({ date: '2026-02' });

    // Half a date is explained when the person leaves the field, not while typing.
    await panel.date.fill('3-2');
    await expect(panel.root.getByTestId('date-error')).toBeHidden();
    await panel.name.focus();
    await expect(panel.root.getByTestId('date-error')).toBeVisible();

    // Empty is "not known".
    await panel.date.fill('');
    await expect
      .poll(() => touchpoint(app, 'Jobcentret'))
      .toMatchObject({ date: null, date_precision: 'unknown' });

    // The English UI shows the same dd-mm-yyyy.
    await panel.date.fill('14-03-2026');
    await canvas.waitSaved();
    await app.handlers['settings:set']({ language: 'en' });
    await app.page.reload();
    await canvas.waitLoaded();
    await canvas.node('Jobcentret').tap();
    await expect(panel.date).toHaveValue('14-03-2026');
    await expect(panel.root.getByTestId('date-understood')).toHaveText('Saturday, 14 March 2026');
    await expect(canvas.node('Jobcentret')).toContainText('14-03-2026');
  });
});

test.describe("numbers in the window's language", () => {
  test('a waiting time is written with a comma in Danish and a point in English', async ({
    app,
  }) => {
    const j = await app.handlers['journeys:create']({ alias: 'Borger 7' });
    const [a, b] = await Promise.all(
      ['Egen læge', 'Sygehuset'].map((label, i) =>
        app.handlers['touchpoints:create']({ journeyId: j.id, x: 300 * i, y: 0, label }),
      ),
    );
    const tr = await app.handlers['transitions:create']({
      journeyId: j.id,
      sourceId: a!.id,
      targetId: b!.id,
    });
    await app.handlers['transitions:update']({ id: tr.id, patch: { waitingDays: 4.5 } });
    await app.open(`#/journey/${j.id}`);
    const canvas = new JourneyPage(app.page);
    await canvas.waitLoaded();
    await canvas.node('Egen læge').tap();
    await app.page.getByTestId('panel-connection').tap();
    const waiting = app.page.getByTestId('transition-panel').getByTestId('transition-waiting');
    await expect(waiting).toHaveValue('4,5');
    // In English (chosen on the start screen; the journey's screen has no room for the switch),
    // the same value as English writes it, and a value typed so is stored as that number.
    await app.handlers['settings:set']({ language: 'en' });
    await app.page.reload();
    await canvas.waitLoaded();
    await canvas.node('Egen læge').tap();
    await app.page.getByTestId('panel-connection').tap();
    await expect(waiting).toHaveValue('4.5');
    await waiting.fill('6.25');
    await canvas.waitSaved();
    expect(
      app.db.prepare('SELECT waiting_days FROM transitions WHERE id = ?').pluck().get(tr.id),
    ).toBe(6.25);
  });
});

test.describe('the list view and the small things', () => {
  test('the list carries what the map shows: pain text, handover, waiting, note', async ({
    app,
  }) => {
    const j = await app.handlers['journeys:create']({ alias: 'Borger 7' });
    const a = await app.handlers['touchpoints:create']({
      journeyId: j.id,
      x: 0,
      y: 0,
      label: 'Egen læge',
      sector: 'general_practice',
    });
    const b = await app.handlers['touchpoints:create']({
      journeyId: j.id,
      x: 300,
      y: 0,
      label: 'Sygehuset',
      sector: 'hospital',
    });
    await app.handlers['touchpoints:update']({
      id: a.id,
      patch: { date: '2026-02-03', emotion: -1, contactType: 'gp_visit' },
    });
    const pain = await app.handlers['painPoints:create']({
      touchpointId: a.id,
      category: 'retelling',
    });
    await app.handlers['painPoints:update']({
      id: pain.id,
      patch: { text: 'Skulle fortælle det hele igen.' },
    });
    const tr = await app.handlers['transitions:create']({
      journeyId: j.id,
      sourceId: a.id,
      targetId: b.id,
      kind: 'referral',
    });
    await app.handlers['transitions:update']({
      id: tr.id,
      patch: { quality: 'broken', waitingDays: 42, note: 'Henvisningen blev væk.' },
    });
    await app.open(`#/journey/${j.id}`);
    const canvas = new JourneyPage(app.page);
    await canvas.waitLoaded();
    await showList(app.page);

    const first = app.page.getByTestId('outline-item').first();
    await expect(first).toContainText('Egen læge');
    await expect(first.getByTestId('outline-facts')).toHaveText(
      'Egen læge · Besøg hos lægen · 03-02-2026',
    );
    await expect(first.getByTestId('outline-emotion')).toHaveText('Sådan var det: Dårligt');
    await expect(first.getByTestId('outline-pain')).toHaveText(
      'Fortælle det hele igen: Skulle fortælle det hele igen.',
    );
    await expect(first.getByTestId('outline-transition')).toHaveText(
      '«Sygehuset»: Henvisning · Overgangen: Brudt · Ventetid: 42 dage · Note: Henvisningen blev væk.',
    );

    // The chosen "List" toggle is not dressed as the main action button.
    const chosen = await app.page
      .locator('label.segment.chosen')
      .filter({ has: app.page.getByTestId('view-list') })
      .evaluate((el) => {
        const s = getComputedStyle(el);
        const probe = document.createElement('button');
        probe.className = 'button button-primary';
        document.body.append(probe);
        const p = getComputedStyle(probe);
        const out = {
          chosen: [s.backgroundColor, s.color],
          primary: [p.backgroundColor, p.color],
          mark: getComputedStyle(el, '::before').content,
        };
        probe.remove();
        return out;
      });
    expect(chosen.chosen[0]).not.toBe(chosen.primary[0]);
    expect(chosen.chosen[1]).not.toBe(chosen.primary[1]);
    expect(chosen.mark).toContain('✓');
  });

  test('removing a goal or an idea asks first', async ({ app }) => {
    const j = await app.handlers['journeys:create']({ alias: 'Borger 7' });
    const goal = await app.handlers['goals:create']({ journeyId: j.id, category: 'housing' });
    await app.handlers['goals:update']({ id: goal.id, patch: { text: 'En bolig i stueplan.' } });
    const idea = await app.handlers['ideas:create']({ journeyId: j.id });
    await app.handlers['ideas:update']({ id: idea.id, patch: { text: 'Én fast kontaktperson.' } });
    await app.open(`#/journey/${j.id}`);
    await new JourneyPage(app.page).waitLoaded();
    await app.page.getByTestId('tab-ideas').click();
    const tab = app.page.getByTestId('ideas-tab');
    const count = (table: string) =>
      (app.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

    for (const [kind, table] of [
      ['goal', 'goals'],
      ['idea', 'ideas'],
    ] as const) {
      await tab.getByTestId(`${kind}-delete`).tap();
      const dialog = app.page.getByTestId(`${kind}-delete-dialog`);
      await expect(dialog).toBeVisible();
      // The safe choice has the focus.
      await expect(dialog.getByTestId('confirm-cancel')).toBeFocused();
      await dialog.getByTestId('confirm-cancel').tap();
      await expect(dialog).toBeHidden();
      await expect(tab.getByTestId(kind)).toHaveCount(1);
      expect(count(table)).toBe(1);

      await tab.getByTestId(`${kind}-delete`).tap();
      await dialog.getByTestId('confirm-ok').tap();
      await expect(tab.getByTestId(kind)).toHaveCount(0);
      await expect.poll(() => count(table)).toBe(0);
    }
  });

  test('the status line forgets old messages: on another screen and after a while', async ({
    app,
  }) => {
    await app.page.clock.install();
    await app.open();
    const status = app.page.getByTestId('status');
    await app.page.getByTestId('create-alias').fill('Borger 7');
    await app.page.getByTestId('create-journey').tap();
    const canvas = new JourneyPage(app.page);
    await canvas.waitLoaded();
    // Said just before the journey opened, so it belongs there.
    await expect(status).toHaveText('Forløbet «Borger 7» er oprettet.');

    // A plain message fades after a while (a minute is well past it).
    await app.page.clock.fastForward(60_000);
    await expect(status).toHaveText('');

    // A message from the journey is not shown on the home screen.
    await app.page.getByTestId('palette-citizen').locator('summary').tap();
    await app.page.getByTestId('palette-citizen').getByTestId('palette-other').tap();
    await expect(status).not.toHaveText('');
    // Some seconds later (messages said just before a screen opens are kept: see above).
    await app.page.clock.fastForward(5_000);
    await app.page.getByTestId('back-home').tap();
    await expect(app.page.getByTestId('home-screen')).toBeVisible();
    await expect(status).toHaveText('');
  });
});
