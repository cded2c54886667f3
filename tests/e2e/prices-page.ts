import { expect, type Locator, type Page } from '@playwright/test';

/** The price list screen as a facilitator uses it: open a sector, edit a row, import a CSV. */
export class PricesPage {
  constructor(readonly page: Page) {}

  get screen(): Locator {
    return this.page.getByTestId('prices-screen');
  }

  async waitLoaded() {
    await expect(this.screen).toBeVisible();
    await expect(this.page.getByTestId('price-list-name')).toBeVisible();
  }

  /** Opens a sector's group (a <details>) if it is closed. */
  async openSector(sector: string): Promise<Locator> {
    const group = this.page.getByTestId(`prices-${sector}`);
    if ((await group.getAttribute('open')) === null) await group.locator('summary').click();
    await expect(group).toHaveAttribute('open', '');
    return group;
  }

  row(key: string): Locator {
    return this.page.locator(`[data-testid="price-row"][data-key="${key}"]`);
  }

  /** Types a row's price and payer shares (in percent) into its editor and saves it. */
  async editRow(
    key: string,
    values: { price: string; kommune?: string; region?: string; stat?: string },
  ) {
    const row = this.row(key);
    await row.getByTestId('price-edit').click();
    const editor = row.getByTestId('price-editor');
    await editor.getByTestId('price-input').fill(values.price);
    for (const payer of ['kommune', 'region', 'stat'] as const) {
      const v = values[payer];
      if (v !== undefined) await editor.getByTestId(`price-share-${payer}`).fill(v);
    }
    await editor.getByTestId('price-save').click();
  }

  async waitSaved() {
    await expect(this.page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
  }
}

/** Opens the journey's cost view from the map's "Mere" menu, as a facilitator does. */
export async function openCostView(page: Page): Promise<Locator> {
  await page.getByTestId('more-menu-button').click();
  await page.getByTestId('open-cost').click();
  const dialog = page.getByTestId('journey-cost-dialog');
  await expect(dialog).toBeVisible();
  return dialog;
}
