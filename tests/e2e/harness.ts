/**
 * The browser twin of the Electron preload. The built renderer is served on 127.0.0.1 (with the
 * app's CSP), and before any page script runs `window.api` is defined with the same shape and
 * allowlist as the preload; its calls travel through `page.exposeFunction` to the real handlers
 * and a real SQLite file in this test process. JSON strings cross the bridge (much faster than
 * Playwright's object serialiser).
 */
import { test as base, expect, type Page } from '@playwright/test';
import type { Database } from 'better-sqlite3';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../../electron/db/open';
import { testKey } from '../support/test-key';
import { danishLexicon } from '../../electron/export/danish-lexicon';
import { createHandlers } from '../../electron/handlers';
import { CONTENT_SECURITY_POLICY, mimeTypeOf } from '../../electron/main/security';
import { CHANNELS } from '../../shared/ipc/channels';
import type { Handlers } from '../../shared/ipc/dispatch';
import { installApiBridge } from '../support/api-bridge';

const RENDERER_DIR = fileURLToPath(new URL('../../dist/renderer', import.meta.url));

/** The harness's allowlist; a guard test checks it equals the preload's. */
export const HARNESS_CHANNELS: readonly string[] = CHANNELS;

function startStaticServer(): Promise<Server> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let rel = decodeURIComponent(url.pathname).replace(/^\/+/, '') || 'index.html';
    if (rel.split('/').includes('..')) rel = 'index.html';
    const file = join(RENDERER_DIR, rel);
    try {
      if (!statSync(file).isFile()) throw new Error('not a file');
      res.writeHead(200, {
        'content-type': mimeTypeOf(file),
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'cache-control': 'no-store',
      });
      res.end(readFileSync(file));
    } catch {
      res.writeHead(404).end('Not found');
    }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

export interface AppHarness {
  page: Page;
  /** The real database the handlers write to; query it to check what was stored. */
  db: Database;
  dbFile: string;
  /** Where exports land (the fake save dialog's answer). */
  exportDir: string;
  handlers: Handlers;
  baseUrl: string;
  /** Opens the app at a hash route, e.g. '#/' or `#/journey/${id}`. */
  open: (hash?: string) => Promise<void>;
  /** Console errors and uncaught page errors (CSP violations included) seen so far. */
  pageErrors: string[];
  /**
   * What the fake dialogs of a journey move answer, the save dialog and the open dialog alike: a
   * file in the test's own folder to begin with; null is the user cancelling.
   */
  move: { file: string | null };
  /**
   * The rolling backups' folder, and what the fake dialogs of the backups screen answer: the
   * folder a USB backup is written to, and the backup file to bring back (null: cancelled).
   */
  backups: { folder: string; usbFolder: string | null; file: string | null };
}

type WorkerFixtures = { server: { baseUrl: string } };
type TestFixtures = { app: AppHarness };

export const test = base.extend<TestFixtures, WorkerFixtures>({
  server: [
    // Playwright requires an object pattern here even when no fixture is used.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      statSync(join(RENDERER_DIR, 'index.html')); // fails clearly if the renderer was not built
      // The scrubber's Danish word list loads once per process, as in the app; here once per
      // worker, so no test's first look at the export review waits for it.
      danishLexicon();
      const server = await startStaticServer();
      const { port } = server.address() as AddressInfo;
      await use({ baseUrl: `http://127.0.0.1:${port}/` });
      await new Promise((ok) => server.close(ok));
    },
    { scope: 'worker' },
  ],

  app: async ({ page, server }, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'pathway-e2e-'));
    const dbFile = join(dir, 'e2e.sqlite');
    const db = openDatabase(dbFile, testKey());
    const exportDir = join(dir, 'exports');
    mkdirSync(exportDir);
    const move: AppHarness['move'] = { file: join(dir, 'moved.forloeb') };
    const backups: AppHarness['backups'] = {
      folder: join(dir, 'backups'),
      usbFolder: join(dir, 'usb'),
      file: null,
    };
    mkdirSync(backups.usbFolder!);
    const handlers = createHandlers({
      db,
      clock: () => new Date(),
      newId: () => crypto.randomUUID(),
      // The save dialog answers with a folder of the test's own.
      dialogs: {
        chooseExportFolder: () => Promise.resolve(exportDir),
        chooseMoveSaveFile: () => Promise.resolve(move.file),
        chooseMoveOpenFile: () => Promise.resolve(move.file),
        chooseBackupFolder: () => Promise.resolve(backups.usbFolder),
        chooseBackupFile: () => Promise.resolve(backups.file),
      },
      backups: { folder: backups.folder },
    });
    const pageErrors: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') pageErrors.push(msg.text());
    });
    page.on('pageerror', (err) => pageErrors.push(err.message));

    await installApiBridge(page, handlers, HARNESS_CHANNELS);

    const harness: AppHarness = {
      page,
      db,
      dbFile,
      exportDir,
      handlers,
      baseUrl: server.baseUrl,
      pageErrors,
      move,
      backups,
      open: async (hash = '#/') => {
        await page.goto(`${server.baseUrl}index.html${hash}`);
      },
    };
    await use(harness);
    db.close();
    rmSync(dir, { recursive: true, force: true });
    expect(pageErrors, 'the page logged errors').toEqual([]);
  },
});

export { expect };
