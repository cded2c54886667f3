import { expect, type Locator, type Page } from '@playwright/test';
import type { Touchpoint } from '../../shared/domain/journey';
import type { Handlers } from '../../shared/ipc/dispatch';

/** What a screen reader hears as an element's description: the texts its aria-describedby names. */
export async function descriptionOf(target: Locator): Promise<string> {
  const ids = await target.getAttribute('aria-describedby');
  expect(ids, 'the element has a description').toBeTruthy();
  return target.page().evaluate(
    (list) =>
      list
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' '),
    ids!,
  );
}

/** What a facilitator sees and does on the home screen. */
export class HomePage {
  constructor(readonly page: Page) {}

  get screen() {
    return this.page.getByTestId('home-screen');
  }
  get aliasInput() {
    return this.page.getByTestId('create-alias');
  }
  rows() {
    return this.page.getByTestId('journey-row');
  }
  row(alias: string): Locator {
    return this.rows().filter({
      has: this.page.getByTestId('journey-alias').getByText(alias, { exact: true }),
    });
  }
  async aliases(): Promise<string[]> {
    return this.page.getByTestId('journey-alias').allTextContents();
  }

  async create(alias: string) {
    await this.aliasInput.fill(alias);
    await this.page.getByTestId('create-journey').click();
  }

  async rename(from: string, to: string) {
    await this.row(from).getByTestId('journey-rename').click();
    const input = this.page.getByTestId('rename-alias');
    await expect(input).toBeFocused();
    await input.fill(to);
    await this.page.getByTestId('rename-save').click();
  }
}

/** The canvas of one journey. */
export class JourneyPage {
  constructor(readonly page: Page) {}

  get title() {
    return this.page.getByTestId('journey-title');
  }
  get nodes() {
    return this.page.getByTestId('touchpoint-node');
  }
  /**
   * A touchpoint on the map by (part of) its name — not by its lane or other words on it; with
   * `exact`, by its whole name, where one name begins another's.
   */
  node(label: string, { exact = false } = {}) {
    const labels = this.page.getByTestId('touchpoint-label');
    const name = exact
      ? labels.and(this.page.getByText(label, { exact: true }))
      : labels.filter({ hasText: label });
    return this.page.locator('.react-flow__node-touchpoint').filter({ has: name });
  }
  get nameInput() {
    return this.page.getByTestId('touchpoint-name');
  }
  get saveStatus() {
    return this.page.getByTestId('save-status');
  }

  async waitLoaded() {
    await expect(this.page.getByTestId('journey-screen')).toBeVisible();
    // On the map (where a journey opens unless the list was chosen) React Flow can mount a moment
    // after the screen shows, on a busy machine: wait for it, or there is no view to watch settle.
    if (await this.page.getByTestId('view-map').isChecked()) {
      await expect(this.page.locator('.react-flow__viewport')).toBeAttached();
    }
    await this.waitForStableViewport();
  }

  /**
   * The map fits itself to the touchpoints once they are measured; on a busy machine that can
   * land after the screen shows. Wait until the view stops moving before pointing at anything.
   */
  async waitForStableViewport() {
    const viewport = this.page.locator('.react-flow__viewport');
    if ((await viewport.count()) === 0) return;
    let last = '';
    await expect
      .poll(
        async () => {
          const now = (await viewport.first().getAttribute('style')) ?? '';
          const stable = now === last && now !== '';
          last = now;
          return stable;
        },
        { intervals: [150, 150, 250, 250, 500] },
      )
      .toBe(true);
  }

  async addTouchpoint(name?: string) {
    const before = await this.nodes.count();
    await this.page.getByTestId('add-touchpoint').click();
    await expect(this.nodes).toHaveCount(before + 1);
    if (name !== undefined) {
      await expect(this.nameInput).toBeFocused();
      await this.nameInput.fill(name);
    }
  }

  async waitSaved() {
    await expect(this.saveStatus).toHaveAttribute('data-status', 'saved');
  }

  /** The band of a lane, by its sector code. */
  lane(sector: string) {
    return this.page.locator(`[data-testid="lane"][data-sector="${sector}"]`);
  }

  /** Drags a node's centre to a point on the screen. */
  async dragTo(node: Locator, x: number, y: number) {
    const box = (await node.boundingBox())!;
    await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(x, y, { steps: 10 });
    await this.page.mouse.up();
  }

  /** Drags with the real mouse, in small steps as a hand does. */
  async drag(node: Locator, dx: number, dy: number) {
    const box = (await node.boundingBox())!;
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    await this.page.mouse.move(x + dx / 2, y + dy / 2, { steps: 5 });
    await this.page.mouse.move(x + dx, y + dy, { steps: 5 });
    await this.page.mouse.up();
  }
}

/** The side panel of the selected touchpoint. */
export class TouchpointPanelPage {
  constructor(readonly page: Page) {}

  get root() {
    return this.page.getByTestId('touchpoint-panel');
  }
  get name() {
    return this.root.getByTestId('touchpoint-name');
  }
  get date() {
    return this.root.getByTestId('touchpoint-date');
  }
  get more() {
    return this.root.getByTestId('touchpoint-more');
  }
  /** One of the five faces (the label; its radio is visually hidden). */
  face(emotion: number) {
    return this.root.getByTestId(`emotion-choice-${emotion}`);
  }
  /** The button that adds a pain point of this category. */
  addPain(category: string) {
    return this.root.getByTestId(`pain-add-${category}`);
  }

  /** Unfolds "Flere oplysninger" (sector, service, connect, delete …) if it is folded. */
  async openMore() {
    if ((await this.more.getAttribute('open')) === null) await this.more.locator('summary').click();
    await expect(this.more).toHaveAttribute('open', '');
  }
}

/** A new journey with one card, opened on its map. */
export async function openWithOneCard(
  app: { handlers: Handlers; open: (hash: string) => Promise<unknown>; page: Page },
  label: string,
  sector: Touchpoint['sector'],
) {
  const j = await app.handlers['journeys:create']({ alias: 'Borger 7' });
  await app.handlers['touchpoints:create']({ journeyId: j.id, x: 0, y: 0, label, sector });
  await app.open(`#/journey/${j.id}`);
  const canvas = new JourneyPage(app.page);
  await canvas.waitLoaded();
  return { journey: j, canvas };
}
