import { expect, type Locator, type Page } from '@playwright/test';
import { waitForStillMap } from './measure';

/** The program workspace as program staff use it: tabs, folded filters and the process map. */
export class ProgramPage {
  constructor(readonly page: Page) {}

  async openTab(tab: string) {
    await this.page.getByTestId(`program-tab-${tab}`).click();
    if (tab !== 'models') await expect(this.page.getByTestId(`view-${tab}`)).toBeVisible();
  }

  get filtersToggle(): Locator {
    return this.page.getByTestId('filters-toggle');
  }

  /** Opens the folded filters (if they are not open already). */
  async openFilters() {
    if ((await this.filtersToggle.getAttribute('aria-expanded')) !== 'true')
      await this.filtersToggle.click();
    await expect(this.filtersToggle).toHaveAttribute('aria-expanded', 'true');
  }

  get map(): Locator {
    return this.page.getByTestId('process-map');
  }

  /** Chooses a level by clicking its segment (the radio lies over it), as a user does. */
  async chooseLevel(level: 'sector' | 'contact') {
    await this.page.locator('label', { has: this.page.getByTestId(`level-${level}`) }).click();
    await expect(this.map).toHaveAttribute('data-level', level);
  }

  /** Waits until the map shows the current layout, its fonts are loaded and it stands still. */
  async mapReady() {
    await expect(this.map).toHaveAttribute('data-ready', 'true');
    await this.page.evaluate(() => document.fonts.ready.then(() => undefined));
    await waitForStillMap(this.page);
  }

  get slider(): Locator {
    return this.page.getByTestId('min-journeys');
  }
}
