/**
 * The thin Electron shell: lifecycle, window, security hooks and wiring. Everything with logic
 * lives in modules that do not import `electron` and are unit-tested (security.ts,
 * ipc-registration.ts, menu-template.ts, ../handlers, ../db).
 */
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  safeStorage,
  session,
  shell,
} from 'electron';
import type { MenuItemConstructorOptions } from 'electron';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { translate } from '../../shared/i18n';
import { languageSchema, type Language } from '../../shared/ipc/contract';
import type { Database } from 'better-sqlite3';
import { checkFileBeforeOpening } from '../db/health';
import {
  FileKeyProvider,
  keyFileFor,
  osKeyStoreIsReal,
  WrongPassphraseError,
  type OsKeyStore,
} from '../db/keys';
import { openDatabase, resolveDbPath, type DatabaseKey } from '../db/open';
import { backupsFolderFor, startDailyBackups } from '../db/backups';
import { backupFileDialogOptions, backupFolderDialogOptions } from './backup-dialogs';
import { SettingsRepository } from '../db/settings-repository';
import { createHandlers } from '../handlers';
import type { Handlers } from '../../shared/ipc/dispatch';
import { ProgramThreads } from '../import/program-threads';
import { registerIpc } from './ipc-registration';
import { buildMenuTemplate } from './menu-template';
import { moveOpenDialogOptions, moveSaveDialogOptions } from './move-dialogs';
import { startupErrorBox } from './startup-error';
import { UnlockGate } from './unlock-gate';
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
function startDatabase(
  dbPath: string,
  key: DatabaseKey,
): {
  database: Database;
  threads: ProgramThreads;
  handlers: Handlers;
} {
  const database = openDatabase(dbPath, { key, backupsFolder: backupsFolderFor(dbPath) });
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
      // The rolling backups beside the database: userData/backups (electron/db/backups.ts).
      backups: { folder: backupsFolderFor(dbPath) },
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
        // Moving a journey to another laptop (../handlers/move.ts): where to save the file, which
        // file to take in. The offered name never carries the alias.
        chooseMoveSaveFile: async (suggestedName) => {
          const options = moveSaveDialogOptions(
            startupLanguage(new SettingsRepository(database)),
            join(app.getPath('documents'), suggestedName),
          );
          const result = mainWindow
            ? await dialog.showSaveDialog(mainWindow, options)
            : await dialog.showSaveDialog(options);
          return result.canceled || !result.filePath ? null : result.filePath;
        },
        chooseMoveOpenFile: async () => {
          const options = moveOpenDialogOptions(startupLanguage(new SettingsRepository(database)));
          const result = mainWindow
            ? await dialog.showOpenDialog(mainWindow, options)
            : await dialog.showOpenDialog(options);
          return result.canceled || !result.filePaths[0] ? null : result.filePaths[0];
        },
        // The backups screen: a folder (a USB stick) to write a backup to, a backup to restore.
        chooseBackupFolder: async () => {
          const options = backupFolderDialogOptions(
            startupLanguage(new SettingsRepository(database)),
          );
          const result = mainWindow
            ? await dialog.showOpenDialog(mainWindow, options)
            : await dialog.showOpenDialog(options);
          return result.canceled || !result.filePaths[0] ? null : result.filePaths[0];
        },
        chooseBackupFile: async () => {
          const options = backupFileDialogOptions(
            startupLanguage(new SettingsRepository(database)),
          );
          const result = mainWindow
            ? await dialog.showOpenDialog(mainWindow, options)
            : await dialog.showOpenDialog(options);
          return result.canceled || !result.filePaths[0] ? null : result.filePaths[0];
        },
      },
    });
    // The daily backup while the app runs, first a little after the start so the window is not
    // kept waiting; a failure (a full disk) is logged, and tried again within the hour.
    const stopDailyBackups = startDailyBackups({
      db: database,
      folder: backupsFolderFor(dbPath),
      clock: () => new Date(),
      firstAfterMs: 10_000,
      onError: (error) => console.error('The daily backup failed', error),
    });
    app.once('will-quit', stopDailyBackups);
    return { database, threads, handlers };
  } catch (error) {
    void threads?.close();
    database.close();
    throw error;
  }
}

/**
 * Electron's safeStorage as the database key's secret store: the macOS Keychain, Windows DPAPI,
 * libsecret or KWallet. Asked only after ready (Linux picks its backend then).
 */
function osKeyStore(): OsKeyStore {
  return {
    available: osKeyStoreIsReal(process.platform, safeStorage.isEncryptionAvailable(), () =>
      safeStorage.getSelectedStorageBackend(),
    ),
    seal: (secret) => safeStorage.encryptString(secret),
    open: (sealed) => safeStorage.decryptString(sealed),
  };
}

/** The error box for a start that cannot go on, in the system's language, then quit. */
function failStart(error: unknown, dbPath: string): void {
  // In the system's language: a stored choice would be in the database that failed.
  const box = startupErrorBox(startupLanguage(undefined), error, dbPath);
  dialog.showErrorBox(box.title, box.body);
  app.exit(1);
}

function setMenu(language: Language): void {
  const template = buildMenuTemplate(language, process.platform === 'darwin');
  Menu.setApplicationMenu(Menu.buildFromTemplate(template as MenuItemConstructorOptions[]));
}

async function main(): Promise<void> {
  await app.whenReady();
  const dbPath = resolveDbPath(app.getPath('userData'));
  let started: ReturnType<typeof startDatabase> | undefined;
  app.on('will-quit', () => {
    if (!started) return;
    void started.threads.close();
    started.database.close();
  });
  /** The database key, then the database: with the key from the secret store, or a passphrase. */
  const start = async (keys: FileKeyProvider, passphrase?: string) => {
    const key = await keys.key(passphrase);
    started = startDatabase(dbPath, key);
    setMenu(startupLanguage(new SettingsRepository(started.database)));
    return started.handlers;
  };

  let keys: FileKeyProvider;
  let handlers: Handlers;
  try {
    // The file is looked at first, reading only: a database that would be refused gets no key
    // made for it. Then the key: no question when the system keeps it (the common case).
    checkFileBeforeOpening(dbPath);
    keys = new FileKeyProvider({
      keyFile: keyFileFor(dbPath),
      dbFile: dbPath,
      store: osKeyStore(),
    });
    const need = keys.need();
    if (need === 'nothing') {
      handlers = await start(keys);
    } else {
      // No secret store: the window asks for the passphrase (renderer/src/screens/UnlockScreen).
      setMenu(startupLanguage(undefined));
      handlers = new UnlockGate({
        firstStart: need === 'new_passphrase',
        open: async (passphrase) => {
          try {
            return await start(keys, passphrase);
          } catch (error) {
            if (!(error instanceof WrongPassphraseError)) failStart(error, dbPath);
            throw error;
          }
        },
      }).handlers;
    }
  } catch (error) {
    failStart(error, dbPath);
    return;
  }

  registerIpc(
    ipcMain,
    handlers,
    (frame) =>
      isTrustedSenderUrl(frame.url) && (frame.parent === null || frame.parent === undefined),
    { onInternalError: (channel) => console.error(`IPC ${channel} failed`) },
  );

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
