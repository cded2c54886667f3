import { expect, type Page } from '@playwright/test';
import { HomePage } from './pages';

/** Locking or unlocking a moved journey runs scrypt (about a second, more on a busy machine). */
export const MOVE_TIMEOUT = 20_000;

/** The two dialogs of moving a journey, as a facilitator uses them from the home screen. */
export class MovePage {
  readonly home: HomePage;
  constructor(readonly page: Page) {
    this.home = new HomePage(page);
  }

  get outDialog() {
    return this.page.getByTestId('move-out-dialog');
  }
  get inDialog() {
    return this.page.getByTestId('move-in-dialog');
  }
  get passphrase() {
    return this.page.getByTestId('move-passphrase');
  }
  get passphraseAgain() {
    return this.page.getByTestId('move-passphrase-again');
  }
  get inPassphrase() {
    return this.page.getByTestId('move-in-passphrase');
  }

  async openMoveOut(alias: string) {
    await this.home.row(alias).getByTestId('journey-move').click();
    await expect(this.outDialog).toBeVisible();
  }

  /** Types the passphrase (twice, as asked) and saves; waits for the outcome. */
  async moveOut(passphrase: string, again = passphrase) {
    await this.passphrase.fill(passphrase);
    await this.passphraseAgain.fill(again);
    await this.page.getByTestId('move-out-save').click();
  }

  async openMoveIn() {
    await this.page.getByTestId('open-move-in').click();
    await expect(this.inDialog).toBeVisible();
  }

  async moveIn(passphrase: string) {
    await this.inPassphrase.fill(passphrase);
    await this.page.getByTestId('move-in-open-file').click();
  }
}
