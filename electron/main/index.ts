/**
 * The thin Electron shell: lifecycle, window, security hooks and wiring. Everything with logic
 * lives in modules that do not import `electron` and are unit-tested (security.ts,
 * ipc-registration.ts, menu-template.ts, ../handlers, ../db).
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import type { MenuItemConstructorOptions } from 'electron';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { translate } from '../../shared/i18n';
import { languageSchema, type Language } from '../../shared/ipc/contract';
import type { Database } from 'better-sqlite3';
import { openDatabase, resolveDbPath } from '../db/open';
import { SettingsRepository } from '../db/settings-repository';
import { createHandlers } from '../handlers';
import type { Handlers } from '../../shared/ipc/dispatch';
import { ProgramThreads } from '../import/program-threads';
import { registerIpc } from './ipc-registration';
import { buildMenuTemplate } from './menu-template';
import { startupErrorBox } from './startup-error';
import {
  APP_ENTRY,
  APP_SCHEME,
  CONTENT_SECURITY_POLICY,
  isAllowedExternalUrl,
  isAllowedNavigation,
  isTrustedSenderUrl,
  mimeTypeOf,
  resolveAppAsset,
} from './security';

// Must happen before the app is ready: our scheme behaves like https (secure, standard origin).
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

// A fixed ASCII folder name, whatever the product name or the OS locale.
app.setPath('userData', join(app.getPath('appData'), 'Forloebsvaerksted'));

const rendererDir = join(__dirname, '..', 'renderer');
const preloadPath = join(__dirname, 'preload.cjs');
let mainWindow: BrowserWindow | null = null;

function serveRenderer(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const relative = resolveAppAsset(request.url);
    if (!relative) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(join(rendererDir, relative));
      return new Response(body, {
        headers: {
          'content-type': mimeTypeOf(relative),
          'content-security-policy': CONTENT_SECURITY_POLICY,
          'x-content-type-options': 'nosniff',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}

function hardenSessions(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) =>
    callback(false),
  );
  session.defaultSession.setPermissionCheckHandler(() => false);
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAllowedNavigation(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAllowedNavigation(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isAllowedExternalUrl(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}

function createWindow(): void {
  mainWindow = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 800,
    minHeight: 600,
    show: false,
    backgroundColor: '#fbfaf7',
    title: 'Forløbsværksted',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
      // Middle-click (auxclick) would open links past the window-open handler's intent
      // (Electronegativity AUXCLICK_JS_CHECK).
      disableBlinkFeatures: 'Auxclick',
    },
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  void mainWindow.loadURL(APP_ENTRY);
}

function startupLanguage(settings: SettingsRepository | undefined): Language {
  const stored = languageSchema.safeParse(settings?.get('language'));
  if (stored.success) return stored.data;
  return app.getLocale().toLowerCase().startsWith('en') ? 'en' : 'da';
}

/**
 * The database, checked and migrated, with the handlers over it. Everything that touches the
 * database at start is here: the health check and migrations (openDatabase) and the handlers
 * (createHandlers seeds the catalogue), so a database that opens but cannot be used also ends in
 * the error box rather than in an unhandled rejection; nothing is left open when it fails.
 */
function startDatabase(dbPath: string): {
  database: Database;
  threads: ProgramThreads;
  handlers: Handlers;
} {
  const database = openDatabase(dbPath);
  let threads: ProgramThreads | undefined;
  try {
    // The program workspace's heavy work (checking imported files, folding the stored models)
    // runs in worker threads beside this one, bundled next to it.
    threads = new ProgramThreads(join(__dirname, 'program-worker.cjs'));
    const handlers = createHandlers({
      db: database,
      clock: () => new Date(),
      newId: randomUUID,
      threads,
      dialogs: {
        chooseExportFolder: async () => {
          const options = {
            title: translate(
              startupLanguage(new SettingsRepository(database)),
              'exportScreen.chooseFolder',
            ),
            properties: ['openDirectory', 'createDirectory'] as (
              'openDirectory' | 'createDirectory'
            )[],
          };
          const result = mainWindow
            ? await dialog.showOpenDialog(mainWindow, options)
            : await dialog.showOpenDialog(options);
          return result.canceled || !result.filePaths[0] ? null : result.filePaths[0];
        },
      },
    });
    return { database, threads, handlers };
  } catch (error) {
    void threads?.close();
    database.close();
    throw error;
  }
}

async function main(): Promise<void> {
  await app.whenReady();
  const dbPath = resolveDbPath(app.getPath('userData'));
  let started: ReturnType<typeof startDatabase>;
  try {
    started = startDatabase(dbPath);
  } catch (error) {
    // In the system's language: a stored choice would be in the database that failed.
    const box = startupErrorBox(startupLanguage(undefined), error, dbPath);
    dialog.showErrorBox(box.title, box.body);
    app.exit(1);
    return;
  }
  const { database, threads, handlers } = started;
  app.on('will-quit', () => {
    void threads.close();
    database.close();
  });

  registerIpc(
    ipcMain,
    handlers,
    (frame) =>
      isTrustedSenderUrl(frame.url) && (frame.parent === null || frame.parent === undefined),
    { onInternalError: (channel) => console.error(`IPC ${channel} failed`) },
  );

  const language = startupLanguage(new SettingsRepository(database));
  const template = buildMenuTemplate(language, process.platform === 'darwin');
  Menu.setApplicationMenu(Menu.buildFromTemplate(template as MenuItemConstructorOptions[]));

  hardenSessions();
  serveRenderer();
  createWindow();

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
}

// One instance: two processes writing the same journeys would confuse the facilitator.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  void main();
}
