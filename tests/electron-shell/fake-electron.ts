/**
 * A recording stand-in for the `electron` module, for loading the built main bundle in Node (the
 * Electron binary cannot be downloaded on the build machines). It is minimal but honest: it
 * records what the shell asks Electron to do and answers as Electron would; it never decides
 * anything on the shell's behalf. Where Electron has a precondition that matters to these tests
 * (a privileged scheme must be registered before `ready`, `protocol.handle` only after it, one
 * `ipcMain.handle` per channel) it fails as Electron does. Any member the shell reaches for that is
 * not modelled here is recorded in `unmodelled` and throws, so a new API shows up as a clear test
 * failure instead of a silently recorded no-op.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';

export interface FakeOptions {
  /** What `app.getPath('appData')` answers (the shell derives its userData folder from it). */
  appData: string;
  /** What `app.getLocale()` answers; Danish by default, as on the facilitators' machines. */
  locale?: string;
  /** What `app.requestSingleInstanceLock()` answers. */
  singleInstanceLock?: boolean;
  /**
   * The user's secret store behind `safeStorage`: a real keyring (the default, as on macOS,
   * Windows and most Linux desktops), Linux without one (`basic_text`: encryption "available" but
   * with a hard-coded key), or none at all.
   */
  keyring?: 'libsecret' | 'basic_text' | 'none';
}

export interface IpcEvent {
  senderFrame: { url: string; parent: unknown } | null;
}
type IpcListener = (event: IpcEvent, ...args: unknown[]) => unknown;
type Listener = (...args: unknown[]) => unknown;
export type ProtocolHandler = (request: Request) => Response | Promise<Response>;
export type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };
type PermissionRequestHandler = (
  webContents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: Record<string, unknown>,
) => void;
type PermissionCheckHandler = (
  webContents: unknown,
  permission: string,
  requestingOrigin: string,
  details: Record<string, unknown>,
) => boolean;

class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener): this {
    const wrapped: Listener = (...args) => {
      this.listeners.set(
        event,
        (this.listeners.get(event) ?? []).filter((l) => l !== wrapped),
      );
      return listener(...args);
    };
    return this.on(event, wrapped);
  }
  emit(event: string, ...args: unknown[]): number {
    const ls = [...(this.listeners.get(event) ?? [])];
    for (const l of ls) l(...args);
    return ls.length;
  }
  count(event: string): number {
    return this.listeners.get(event)?.length ?? 0;
  }
}

/** An event object as Electron passes to `will-navigate` and friends. */
export class FakeNavigationEvent {
  defaultPrevented = false;
  constructor(readonly url: string) {}
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export class FakeWebContents extends Emitter {
  windowOpenHandler: WindowOpenHandler | undefined;
  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
}

/**
 * Wraps a namespace so that reaching for a member the fake does not model is recorded and throws
 * (symbols and `then` pass through as undefined, so the object is not taken for a promise).
 */
function strict<T extends object>(name: string, target: T, unmodelled: string[]): T {
  return new Proxy(target, {
    get(obj, key, receiver) {
      if (typeof key === 'symbol' || key === 'then' || key === '__esModule') {
        return Reflect.get(obj, key, receiver);
      }
      if (!(key in obj)) {
        unmodelled.push(`${name}.${key}`);
        throw new Error(`fake electron: ${name}.${key} is not modelled (extend the fake)`);
      }
      return Reflect.get(obj, key, receiver);
    },
  });
}

export class FakeElectron {
  /** Every call the shell made, in order, as `namespace.method`. */
  readonly log: string[] = [];
  /** Members the shell used that the fake does not model (each also threw). */
  readonly unmodelled: string[] = [];

  readonly app = new Emitter();
  readonly paths = new Map<string, string>();
  ready = false;
  exitCode: number | undefined;
  quitCalled = false;

  readonly windows: FakeBrowserWindowInstance[] = [];
  readonly ipcHandlers = new Map<string, IpcListener>();
  readonly ipcListeners = new Map<string, IpcListener[]>();
  readonly privilegedSchemes: { scheme: string; privileges?: Record<string, unknown> }[] = [];
  readonly protocolHandlers = new Map<string, ProtocolHandler>();
  permissionRequestHandler: PermissionRequestHandler | null | undefined;
  permissionCheckHandler: PermissionCheckHandler | null | undefined;
  readonly webRequestHooks: { hook: string; args: unknown[] }[] = [];
  readonly errorBoxes: { title: string; content: string }[] = [];
  readonly messageBoxes: unknown[] = [];
  readonly openedExternally: string[] = [];
  applicationMenu: unknown;
  /**
   * The user's keyring secret: derived from appData, so two fakes on the same appData are the
   * same user on the same computer (one can open what the other sealed), as across app starts.
   */
  private readonly keyringSecret: Buffer;

  /** The object a require of `electron` returns. */
  readonly module: Record<string, unknown>;

  private settle!: () => void;
  /**
   * Resolves once the shell has come to rest: a window loaded its page, or the app quit or
   * exited. The shell's start is asynchronous (`await app.whenReady()`).
   */
  readonly settled = new Promise<void>((resolve) => {
    this.settle = resolve;
  });

  constructor(readonly options: FakeOptions) {
    this.paths.set('appData', options.appData);
    this.keyringSecret = createHash('sha256').update(`fake keyring of ${options.appData}`).digest();
    // Electron's default: a folder named after the app inside appData.
    this.paths.set('userData', join(options.appData, 'pathway-workshop'));
    // What the window class (with a `this` of its own) reaches of the fake.
    const windows = this.windows;
    const appEvents = this.app;
    const settle = () => this.settle();
    const u = this.unmodelled;
    const rec = (what: string) => this.log.push(what);

    const app = strict(
      'app',
      {
        on: (event: string, listener: Listener) => {
          rec(`app.on:${event}`);
          this.app.on(event, listener);
          return app;
        },
        once: (event: string, listener: Listener) => {
          rec(`app.once:${event}`);
          this.app.once(event, listener);
          return app;
        },
        whenReady: () => {
          rec('app.whenReady');
          return new Promise<void>((resolve) =>
            setImmediate(() => {
              if (!this.ready) {
                this.ready = true;
                rec('(ready)');
                this.app.emit('ready');
              }
              resolve();
            }),
          );
        },
        isReady: () => this.ready,
        getPath: (name: string) => {
          rec(`app.getPath:${name}`);
          const p = this.paths.get(name);
          if (!p) throw new Error(`fake electron: no path for ${name}`);
          return p;
        },
        setPath: (name: string, path: string) => {
          rec(`app.setPath:${name}`);
          this.paths.set(name, path);
        },
        getLocale: () => options.locale ?? 'da-DK',
        requestSingleInstanceLock: () => {
          rec('app.requestSingleInstanceLock');
          return options.singleInstanceLock ?? true;
        },
        quit: () => {
          rec('app.quit');
          this.quitCalled = true;
          this.settle();
        },
        exit: (code = 0) => {
          rec(`app.exit:${code}`);
          this.exitCode = code;
          this.settle();
        },
      },
      u,
    );

    class BrowserWindow extends Emitter {
      readonly webContents = new FakeWebContents();
      loadedUrl: string | undefined;
      shown = false;
      minimized = false;
      focused = 0;
      restored = 0;
      constructor(readonly options: Record<string, unknown>) {
        super();
        rec('BrowserWindow.new');
        windows.push(this);
        // Electron announces every new WebContents on the app while the window is being made, so
        // hooks installed there before the window exists apply to it.
        appEvents.emit('web-contents-created', {}, this.webContents);
      }
      loadURL(url: string): Promise<void> {
        rec('BrowserWindow.loadURL');
        this.loadedUrl = url;
        settle();
        return Promise.resolve();
      }
      show(): void {
        this.shown = true;
      }
      isMinimized(): boolean {
        return this.minimized;
      }
      restore(): void {
        this.restored++;
        this.minimized = false;
      }
      focus(): void {
        this.focused++;
      }
      static getAllWindows(): BrowserWindow[] {
        return windows as BrowserWindow[];
      }
    }

    const dialog = strict(
      'dialog',
      {
        showErrorBox: (title: string, content: string) => {
          rec('dialog.showErrorBox');
          this.errorBoxes.push({ title, content });
        },
        showMessageBox: (...args: unknown[]) => {
          rec('dialog.showMessageBox');
          this.messageBoxes.push(args);
          return Promise.resolve({ response: 0, checkboxChecked: false });
        },
        showMessageBoxSync: (...args: unknown[]) => {
          rec('dialog.showMessageBoxSync');
          this.messageBoxes.push(args);
          return 0;
        },
        showOpenDialog: () => {
          rec('dialog.showOpenDialog');
          return Promise.resolve({ canceled: true, filePaths: [] });
        },
      },
      u,
    );

    const ipcMain = strict(
      'ipcMain',
      {
        handle: (channel: string, listener: IpcListener) => {
          rec(`ipcMain.handle:${channel}`);
          // As Electron: a second handler for a channel is an error.
          if (this.ipcHandlers.has(channel)) {
            throw new Error(`Attempted to register a second handler for '${channel}'`);
          }
          this.ipcHandlers.set(channel, listener);
        },
        on: (channel: string, listener: IpcListener) => {
          rec(`ipcMain.on:${channel}`);
          this.ipcListeners.set(channel, [...(this.ipcListeners.get(channel) ?? []), listener]);
          return ipcMain;
        },
      },
      u,
    );

    const protocol = strict(
      'protocol',
      {
        registerSchemesAsPrivileged: (
          schemes: { scheme: string; privileges?: Record<string, unknown> }[],
        ) => {
          rec('protocol.registerSchemesAsPrivileged');
          if (this.ready) {
            throw new Error('protocol.registerSchemesAsPrivileged must be called before ready');
          }
          this.privilegedSchemes.push(...schemes);
        },
        handle: (scheme: string, handler: ProtocolHandler) => {
          rec(`protocol.handle:${scheme}`);
          if (!this.ready) throw new Error('protocol.handle must be called after ready');
          this.protocolHandlers.set(scheme, handler);
        },
      },
      u,
    );

    const webRequest = strict(
      'session.defaultSession.webRequest',
      Object.fromEntries(
        ['onHeadersReceived', 'onBeforeRequest', 'onBeforeSendHeaders'].map((hook) => [
          hook,
          (...args: unknown[]) => {
            rec(`webRequest.${hook}`);
            this.webRequestHooks.push({ hook, args });
          },
        ]),
      ),
      u,
    );
    const defaultSession = strict(
      'session.defaultSession',
      {
        setPermissionRequestHandler: (handler: PermissionRequestHandler | null) => {
          rec('session.setPermissionRequestHandler');
          this.permissionRequestHandler = handler;
        },
        setPermissionCheckHandler: (handler: PermissionCheckHandler | null) => {
          rec('session.setPermissionCheckHandler');
          this.permissionCheckHandler = handler;
        },
        webRequest,
      },
      u,
    );

    const Menu = strict(
      'Menu',
      {
        buildFromTemplate: (template: unknown) => ({ template }),
        setApplicationMenu: (menu: unknown) => {
          rec('Menu.setApplicationMenu');
          this.applicationMenu = menu;
        },
      },
      u,
    );

    const shell = strict(
      'shell',
      {
        openExternal: (url: string) => {
          rec('shell.openExternal');
          this.openedExternally.push(url);
          return Promise.resolve();
        },
      },
      u,
    );

    const keyring = options.keyring ?? 'libsecret';
    const safeStorage = strict(
      'safeStorage',
      {
        // As Electron on Linux: nothing is available before ready.
        isEncryptionAvailable: () => {
          rec('safeStorage.isEncryptionAvailable');
          return this.ready && keyring !== 'none';
        },
        getSelectedStorageBackend: () => {
          rec('safeStorage.getSelectedStorageBackend');
          if (!this.ready || keyring === 'none') return 'unknown';
          return keyring === 'libsecret' ? 'gnome_libsecret' : 'basic_text';
        },
        encryptString: (text: string) => {
          rec('safeStorage.encryptString');
          if (!this.ready || keyring === 'none') {
            throw new Error('Encryption is not available.');
          }
          return this.seal(text);
        },
        decryptString: (sealed: Buffer) => {
          rec('safeStorage.decryptString');
          if (!this.ready || keyring === 'none') {
            throw new Error('Decryption is not available.');
          }
          return this.unseal(sealed);
        },
      },
      u,
    );

    this.module = strict(
      'electron',
      {
        app,
        BrowserWindow,
        dialog,
        ipcMain,
        Menu,
        protocol,
        safeStorage,
        session: strict('session', { defaultSession }, u),
        shell,
      },
      u,
    );
  }

  /** safeStorage's sealing, without the recording: for tests that read what the shell stored. */
  seal(text: string): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keyringSecret, iv);
    const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  }
  unseal(sealed: Buffer): string {
    const decipher = createDecipheriv('aes-256-gcm', this.keyringSecret, sealed.subarray(0, 12));
    decipher.setAuthTag(sealed.subarray(12, 28));
    return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8');
  }

  /** What the shell did, in order, for failure messages (the channel registrations counted). */
  summary(): string {
    const channels = this.log.filter((c) => c.startsWith('ipcMain.handle:')).length;
    const rest = this.log.filter((c) => !c.startsWith('ipcMain.handle:'));
    return `${rest.join(', ')} (+ ${channels} ipcMain.handle)`;
  }

  /** The one window, when exactly one was made. */
  get window(): FakeBrowserWindowInstance {
    if (this.windows.length !== 1) throw new Error(`${this.windows.length} windows were made`);
    return this.windows[0]!;
  }

  /** Calls an IPC handler as Electron would for a message from the given frame. */
  invoke(channel: string, senderFrame: IpcEvent['senderFrame'], payload: unknown): unknown {
    const handler = this.ipcHandlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler({ senderFrame }, payload);
  }
}

export interface FakeBrowserWindowInstance {
  readonly options: Record<string, unknown>;
  readonly webContents: FakeWebContents;
  loadedUrl: string | undefined;
  shown: boolean;
  minimized: boolean;
  focused: number;
  restored: number;
  emit(event: string, ...args: unknown[]): number;
}
