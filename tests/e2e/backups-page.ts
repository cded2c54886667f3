import { expect, type Locator, type Page } from '@playwright/test';

/** The backups screen ("Sikkerhedskopier") as a facilitator uses it. */
export class BackupsPage {
  constructor(readonly page: Page) {}

  /** From the home screen, by its button. */
  async openFromHome() {
    await this.page.getByTestId('open-backups').click();
    await expect(this.screen).toBeVisible();
  }

  get screen(): Locator {
    return this.page.getByTestId('backups-screen');
  }
  get rows(): Locator {
    return this.page.getByTestId('backup-row');
  }
  get status(): Locator {
    return this.page.getByTestId('status');
  }

  async backUpNow() {
    const before = await this.rows.count();
    await this.page.getByTestId('backup-create').click();
    await expect(this.rows).toHaveCount(before + 1);
  }

  /** Brings back the backup in `row` (0: the newest), answering the question with yes. */
  async restore(row: number) {
    await this.rows.nth(row).getByTestId('backup-restore').click();
    const dialog = this.page.getByTestId('backup-restore-dialog');
    await expect(dialog).toBeVisible();
    await dialog.getByTestId('confirm-ok').click();
    await expect(dialog).toBeHidden();
  }

  get usbPassphrase(): Locator {
    return this.page.getByTestId('usb-passphrase');
  }
  get usbPassphraseAgain(): Locator {
    return this.page.getByTestId('usb-passphrase-again');
  }

  async writeToUsb(passphrase: string, again = passphrase) {
    await this.usbPassphrase.fill(passphrase);
    await this.usbPassphraseAgain.fill(again);
    await this.page.getByTestId('usb-write').click();
  }

  /** Chooses the USB file (the fake dialog's answer), types its passphrase and says yes. */
  async restoreFromFile(passphrase: string) {
    const chosen = this.page.getByTestId('restore-chosen-file');
    if (!(await this.page.getByTestId('restore-passphrase').isVisible())) {
      await this.page.getByTestId('restore-choose-file').click();
      await expect(this.page.getByTestId('restore-passphrase')).toBeVisible();
    }
    await expect(chosen).toContainText('.fvbackup');
    await this.page.getByTestId('restore-passphrase').fill(passphrase);
    await this.page.getByTestId('restore-file').click();
    const dialog = this.page.getByTestId('restore-file-dialog');
    await expect(dialog).toBeVisible();
    await dialog.getByTestId('confirm-ok').click();
    await expect(dialog).toBeHidden();
  }

  async back() {
    await this.page.getByRole('button', { name: /Tilbage til forløbene/ }).click();
    await expect(this.page.getByTestId('home-screen')).toBeVisible();
  }
}
