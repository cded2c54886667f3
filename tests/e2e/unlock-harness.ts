import type { Database } from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { FileKeyProvider, keyFileFor } from '../../electron/db/keys';
import { openDatabase } from '../../electron/db/open';
import { createHandlers } from '../../electron/handlers';
import { UnlockGate } from '../../electron/main/unlock-gate';
import type { Handlers } from '../../shared/ipc/dispatch';
import { installApiBridge } from '../support/api-bridge';
import { expect, test as base } from './harness';

/**
 * The start on a computer without a keychain (Linux without one): the shell's unlock gate and the
 * real key file and encrypted database behind the page, as the app has them. A "restart" makes a
 * new gate over the same files, as the next start of the app would.
 */
export interface LockedHarness {
  page: Page;
  dbFile: string;
  open: () => Promise<void>;
  /** As quitting and starting the app again: the database closed, a new gate, the page reloaded. */
  restart: () => Promise<void>;
}

export class UnlockPage {
  constructor(readonly page: Page) {}
  get screen() {
    return this.page.getByTestId('unlock-screen');
  }
  get passphrase() {
    return this.page.getByTestId('unlock-passphrase');
  }
  get again() {
    return this.page.getByTestId('unlock-again');
  }
  get submit() {
    return this.page.getByTestId('unlock-submit');
  }
  get error() {
    return this.page.getByTestId('unlock-error');
  }
}

export const unlockTest = base.extend<{ locked: LockedHarness }>({
  locked: async ({ page, server }, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'pathway-e2e-unlock-'));
    const dbFile = join(dir, 'db.sqlite');
    let db: Database | undefined;
    let gate!: UnlockGate;
    const makeGate = () => {
      const keys = new FileKeyProvider({
        keyFile: keyFileFor(dbFile),
        dbFile,
        store: null,
        // Cheaper than the app's scrypt: the unit tests check the real parameters.
        scrypt: { N: 2 ** 12, r: 8, p: 1 },
      });
      gate = new UnlockGate({
        firstStart: keys.need() === 'new_passphrase',
        open: async (passphrase) => {
          const key = await keys.key(passphrase);
          db = openDatabase(dbFile, { key });
          return createHandlers({ db, clock: () => new Date(), newId: () => crypto.randomUUID() });
        },
        // The pause after a wrong passphrase, kept short here (its lengths are unit-tested).
        sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.min(ms, 200))),
      });
    };
    makeGate();
    // The bridge calls whichever gate is current (a restart makes a new one).
    const handlers = new Proxy({} as Handlers, {
      get: (_target, channel) =>
        (gate.handlers as unknown as Record<string | symbol, unknown>)[channel],
    });
    await installApiBridge(page, handlers);
    const pageErrors: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') pageErrors.push(msg.text());
    });
    page.on('pageerror', (err) => pageErrors.push(err.message));
    await use({
      page,
      dbFile,
      open: async () => {
        await page.goto(`${server.baseUrl}index.html#/`);
      },
      restart: async () => {
        db?.close();
        db = undefined;
        makeGate();
        await page.reload();
      },
    });
    db?.close();
    rmSync(dir, { recursive: true, force: true });
    expect(pageErrors, 'the page logged errors').toEqual([]);
  },
});
