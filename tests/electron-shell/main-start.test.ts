import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lookOfFile, type DatabaseKey } from '../../electron/db/cipher';
import { FileKeyProvider, keyFileFor, readKeyFile } from '../../electron/db/keys';
import { openDatabase } from '../../electron/db/open';
import { createPlainDatabase, openRaw } from '../support/test-key';
import { createHandlers } from '../../electron/handlers';
import { resources } from '../../shared/i18n';
import { CHANNELS } from '../../shared/ipc/channels';
import { dispatch } from '../../shared/ipc/dispatch';
import { FakeElectron, FakeNavigationEvent, FakeWebContents } from './fake-electron';
import { BUILT, buildShellBundle, startShell, type ShellBundle } from './main-bundle';

/**
 * The main-process start (test layer 5): the built main bundle, loaded in Node with a recording
 * stand-in for `electron`, because the real binary cannot run on the build machines. The
 * assertions are about what the shell asked Electron to do: the window it made, the headers it
 * serves, the channels it registered, and what it refuses.
 */

const DB_FOLDER = 'Forloebsvaerksted';
const DB_FILE = 'forloebsvaerksted.sqlite';
const OWN_PAGE = 'app://renderer/index.html';
const TRUSTED = { url: OWN_PAGE, parent: null };

let bundle: ShellBundle;
const savedDbPath = process.env.PATHWAY_DB_PATH;
const temps: string[] = [];
const started: FakeElectron[] = [];

function tempAppData(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pathway-shell-'));
  temps.push(dir);
  return dir;
}

async function start(options: Partial<ConstructorParameters<typeof FakeElectron>[0]> = {}) {
  const fake = new FakeElectron({ appData: options.appData ?? tempAppData(), ...options });
  started.push(fake);
  const { unhandled } = await startShell(bundle.main, fake);
  return { fake, unhandled, dbFile: join(fake.options.appData, DB_FOLDER, DB_FILE) };
}

beforeAll(() => {
  // The database location under test is the one derived from userData, not the override.
  delete process.env.PATHWAY_DB_PATH;
  bundle = buildShellBundle();
}, 60_000);

afterAll(() => {
  // As on quitting: the shell closes its database and its worker threads.
  for (const fake of started) fake.app.emit('will-quit', {});
  if (savedDbPath !== undefined) process.env.PATHWAY_DB_PATH = savedDbPath;
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
  bundle?.remove();
});

describe('a normal start', () => {
  let fake: FakeElectron;
  let dbFile: string;
  let unhandled: unknown[];
  beforeAll(async () => {
    ({ fake, dbFile, unhandled } = await start());
  }, 30_000);

  const journeyCount = () => {
    const db = openRaw(dbFile, { readonly: true }, appKeyOf(fake, dbFile));
    try {
      return (db.prepare('SELECT count(*) AS n FROM journeys').get() as { n: number }).n;
    } finally {
      db.close();
    }
  };

  it('starts without error boxes, unmodelled Electron calls or unhandled rejections', () => {
    expect(fake.errorBoxes).toEqual([]);
    expect(fake.unmodelled).toEqual([]);
    expect(unhandled).toEqual([]);
    expect(fake.exitCode).toBeUndefined();
    expect(fake.quitCalled).toBe(false);
  });

  it('opens one sandboxed, isolated window without Node, loading the built preload', () => {
    const prefs = fake.window.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(prefs.nodeIntegrationInWorker).not.toBe(true);
    expect(prefs.nodeIntegrationInSubFrames).not.toBe(true);
    expect(prefs.webviewTag).not.toBe(true);
    expect(prefs.webSecurity).not.toBe(false);
    expect(prefs.allowRunningInsecureContent).not.toBe(true);
    expect(prefs.experimentalFeatures).not.toBe(true);
    expect(prefs.enableBlinkFeatures).toBeUndefined();
    // Middle-click would open links in a new window past the window-open handler's intent.
    const disabled = String(prefs.disableBlinkFeatures ?? '')
      .split(',')
      .map((f) => f.trim());
    expect(disabled).toContain('Auxclick');
    expect(prefs.preload).toBe(bundle.preload);
    expect(readFileSync(bundle.preload)).toEqual(readFileSync(join(BUILT, 'preload.cjs')));
    expect(fake.window.loadedUrl).toBe(OWN_PAGE);
  });

  it('keeps its database in the fixed ASCII folder under appData', () => {
    expect(fake.paths.get('userData')).toBe(join(fake.options.appData, DB_FOLDER));
    expect(existsSync(dbFile)).toBe(true);
  });

  it('encrypts its database with a random key sealed by safeStorage, asking nothing', async () => {
    expect(lookOfFile(dbFile)).toBe('encrypted');
    expect(readKeyFile(keyFileFor(dbFile))).toMatchObject({ wrap: 'os' });
    expect(fake.log).toContain('safeStorage.encryptString');
    // Asked only after ready (Linux picks its secret store then).
    expect(fake.log.indexOf('safeStorage.isEncryptionAvailable')).toBeGreaterThan(
      fake.log.indexOf('(ready)'),
    );
    expect(appKeyOf(fake, dbFile)).toHaveLength(32);
    expect(await fake.invoke('startup:status', TRUSTED, {})).toEqual({
      ok: true,
      data: { state: 'ready' },
    });
  });

  it('registers its scheme as privileged before ready, without bypassing the CSP', () => {
    expect(fake.privilegedSchemes).toHaveLength(1);
    const [app] = fake.privilegedSchemes;
    expect(app).toMatchObject({ scheme: 'app', privileges: { standard: true, secure: true } });
    expect(app!.privileges?.bypassCSP).not.toBe(true);
    expect(fake.log.indexOf('protocol.registerSchemesAsPrivileged')).toBeLessThan(
      fake.log.indexOf('(ready)'),
    );
  });

  it('installs its hooks before the window exists', () => {
    const window = fake.log.indexOf('BrowserWindow.new');
    for (const hook of [
      'app.on:web-contents-created',
      'session.setPermissionRequestHandler',
      'session.setPermissionCheckHandler',
      'protocol.handle:app',
    ]) {
      expect(fake.log.indexOf(hook), hook).toBeGreaterThanOrEqual(0);
      expect(fake.log.indexOf(hook), hook).toBeLessThan(window);
    }
  });

  describe('Content-Security-Policy on the app protocol', () => {
    const serve = (url: string) => fake.protocolHandlers.get('app')!(new Request(url));

    it('answers every page and asset with a strict CSP and nosniff', async () => {
      expect([...fake.protocolHandlers.keys()]).toEqual(['app']);
      for (const url of [OWN_PAGE, 'app://renderer/', 'app://renderer/assets/app.js']) {
        const res = await serve(url);
        expect(res.status, url).toBe(200);
        expect(res.headers.get('x-content-type-options'), url).toBe('nosniff');
        const csp = res.headers.get('content-security-policy');
        expect(csp, url).toBeTruthy();
        const directives = new Map(
          csp!
            .split(';')
            .map((d) => d.trim().split(/\s+/))
            .filter((d) => d[0])
            .map(([name, ...sources]) => [name!, sources]),
        );
        expect(directives.get('default-src'), url).toEqual(["'none'"]);
        for (const [name, sources] of directives) {
          // Nothing from the network, no inline or eval'd script, no wildcards.
          for (const s of sources) {
            expect(["'self'", "'none'", 'data:', 'blob:'], `${url}: ${name} ${s}`).toContain(s);
          }
        }
        expect(directives.get('script-src'), url).toEqual(["'self'"]);
        expect(directives.get('object-src'), url).toEqual(["'none'"]);
        expect(directives.get('frame-ancestors'), url).toEqual(["'none'"]);
        expect(directives.get('base-uri'), url).toEqual(["'none'"]);
      }
      const page = await serve(OWN_PAGE);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await page.text()).toBe(readFileSync(join(bundle.rendererDir, 'index.html'), 'utf8'));
    });

    it('serves nothing outside the renderer bundle or for another host', async () => {
      writeFileSync(join(bundle.rendererDir, '..', 'secret.txt'), 'secret');
      for (const url of [
        'app://renderer/%2e%2e/secret.txt',
        'app://renderer/..%2fsecret.txt',
        'app://renderer/assets/..%5c..%5csecret.txt',
        'app://evil/index.html',
        'app://renderer/missing.js',
      ]) {
        const res = await serve(url);
        expect(res.status, url).toBe(404);
        expect(await res.text(), url).not.toContain('secret');
      }
    });
  });

  describe('IPC', () => {
    it('registers every contract channel with ipcMain.handle, and nothing else', () => {
      expect([...fake.ipcHandlers.keys()].sort()).toEqual([...CHANNELS].sort());
      expect([...fake.ipcListeners.keys()]).toEqual([]);
    });

    it('serves our own page from the database in userData', async () => {
      const before = journeyCount();
      const r = await fake.invoke('journeys:create', TRUSTED, { alias: 'Skal' });
      expect(r).toMatchObject({ ok: true, data: { alias: 'Skal' } });
      expect(journeyCount()).toBe(before + 1);
    });

    it.each([
      ['a foreign web page', { url: 'https://evil.example/', parent: null }],
      ['another host on our scheme', { url: 'app://evil/index.html', parent: null }],
      ['a file:// page', { url: 'file:///tmp/x.html', parent: null }],
      ['a subframe of our page', { url: OWN_PAGE, parent: { url: OWN_PAGE } }],
      ['a destroyed frame', null],
    ])('refuses %s before touching the database', async (_name, frame) => {
      const before = journeyCount();
      const r = await fake.invoke('journeys:create', frame, { alias: 'Indtrænger' });
      expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(journeyCount()).toBe(before);
    });
  });

  describe('web contents', () => {
    const FOREIGN = [
      'https://evil.example/',
      'http://127.0.0.1:5173/',
      'file:///etc/passwd',
      'app://evil/index.html',
      'javascript:alert(1)',
      'https://www.sundhed.dk/',
    ];

    it('denies every permission request and check, even from our own page', () => {
      const perms = ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal'];
      for (const permission of perms) {
        const answers: boolean[] = [];
        fake.permissionRequestHandler!(
          fake.window.webContents,
          permission,
          (granted) => answers.push(granted),
          { requestingUrl: OWN_PAGE },
        );
        expect(answers, permission).toEqual([false]);
        expect(
          fake.permissionCheckHandler!(fake.window.webContents, permission, 'app://renderer', {}),
          permission,
        ).toBe(false);
      }
    });

    it.each([
      ['the window', () => fake.window.webContents],
      [
        'web contents made later',
        () => {
          const contents = new FakeWebContents();
          fake.app.emit('web-contents-created', {}, contents);
          return contents;
        },
      ],
    ])('stops navigation and redirects away from our page in %s', (_name, contentsOf) => {
      const contents = contentsOf();
      expect(contents.count('will-navigate')).toBeGreaterThan(0);
      expect(contents.count('will-redirect')).toBeGreaterThan(0);
      for (const url of FOREIGN) {
        for (const event of ['will-navigate', 'will-redirect']) {
          const e = new FakeNavigationEvent(url);
          contents.emit(event, e, url);
          expect(e.defaultPrevented, `${event} ${url}`).toBe(true);
        }
      }
      const own = new FakeNavigationEvent(`${OWN_PAGE}#/journeys`);
      contents.emit('will-navigate', own, own.url);
      expect(own.defaultPrevented).toBe(false);
      const webview = new FakeNavigationEvent('');
      expect(contents.emit('will-attach-webview', webview, {}, {})).toBeGreaterThan(0);
      expect(webview.defaultPrevented).toBe(true);
    });

    it('opens no new window; only allowlisted https links go to the system browser', () => {
      const open = fake.window.webContents.windowOpenHandler!;
      expect(open).toBeTypeOf('function');
      for (const url of [...FOREIGN, 'http://www.sundhed.dk/', 'https://a:b@www.sundhed.dk/']) {
        expect(open({ url }), url).toEqual({ action: 'deny' });
      }
      expect(fake.openedExternally).toEqual(['https://www.sundhed.dk/']);
    });
  });

  it('brings the one window back when a second instance starts', () => {
    fake.window.minimized = true;
    fake.app.emit('second-instance', {}, [], '');
    expect(fake.window.restored).toBe(1);
    expect(fake.window.focused).toBe(1);
    expect(fake.windows).toHaveLength(1);
  });
});

describe('a second instance', () => {
  it('quits without opening a window or the database when the lock is held', async () => {
    const { fake, dbFile } = await start({ singleInstanceLock: false });
    expect(fake.log).toContain('app.requestSingleInstanceLock');
    expect(fake.quitCalled || fake.exitCode !== undefined).toBe(true);
    expect(fake.windows).toEqual([]);
    expect(fake.ipcHandlers.size).toBe(0);
    expect(fake.log).not.toContain('app.whenReady');
    expect(existsSync(dbFile)).toBe(false);
  });
});

/** The Danish start-up texts, as patterns (an interpolated value matches anything). */
function startupTexts(language: 'da' | 'en') {
  const texts = Object.values(resources[language].startup) as string[];
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return texts.map(
    (t) =>
      new RegExp(
        `^${t
          .split(/\{\{\w+\}\}/)
          .map(escape)
          .join('[\\s\\S]*')}$`,
      ),
  );
}

/** The database key the shell stored beside `dbFile`, opened with the fake's safeStorage. */
function appKeyOf(fake: FakeElectron, dbFile: string): DatabaseKey {
  const stored = readKeyFile(keyFileFor(dbFile));
  if (stored?.wrap !== 'os') throw new Error('no key sealed by safeStorage');
  return Buffer.from(fake.unseal(stored.sealed), 'hex');
}

/**
 * The key the app will find on a start with this appData: made and sealed as the shell does, by
 * the same user's keyring (a FakeElectron on the same appData).
 */
async function appKeyFor(file: string): Promise<DatabaseKey> {
  const fake = new FakeElectron({ appData: join(file, '..', '..') });
  fake.ready = true;
  const store = {
    available: true,
    seal: (t: string) => fake.seal(t),
    open: (b: Buffer) => fake.unseal(b),
  };
  return new FileKeyProvider({ keyFile: keyFileFor(file), dbFile: file, store }).key();
}

/** A bare connection to the app's database (as the app's key opens it), behind its back. */
async function rawDatabase(file: string, keyOf = file) {
  return openRaw(file, {}, await appKeyFor(keyOf));
}

/** A real database of this app with a few journeys, closed and checkpointed, and its key. */
async function realDatabase(file: string): Promise<void> {
  mkdirSync(join(file, '..'), { recursive: true });
  const db = openDatabase(file, { key: await appKeyFor(file) });
  // Only this fixture's writing: no fsync per commit.
  db.pragma('synchronous = OFF');
  const handlers = createHandlers({
    db,
    clock: () => new Date(),
    newId: () => crypto.randomUUID(),
  });
  for (let i = 0; i < 10; i++) {
    const j = await dispatch(handlers, 'journeys:create', { alias: `Borger ${i}` });
    if (!j.ok) throw new Error(j.error.message);
    const journeyId = (j.data as { id: string }).id;
    for (let k = 0; k < 10; k++) {
      const label = 'x'.repeat(200);
      await dispatch(handlers, 'touchpoints:create', { journeyId, x: k, y: i, label });
    }
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

type StartupTitle = keyof typeof resources.da.startup;
/** A bad database: how it is made, and (where it matters which) the box's title it must get. */
const BAD_DATABASES: [string, (file: string) => Promise<void> | void, StartupTitle?][] = [
  ['an empty (0-byte) file', (file) => writeFileSync(file, '')],
  [
    'a file that is not a database',
    (file) => writeFileSync(file, Buffer.from('Forløb gemt af et andet program\n'.repeat(500))),
  ],
  [
    'a database with damaged pages',
    async (file) => {
      await realDatabase(file);
      const bytes = readFileSync(file);
      const page = 4096;
      // The header page stays; later pages of the tables are overwritten.
      for (let at = bytes.length - 6 * page; at < bytes.length - page; at += 2 * page) {
        bytes.fill(0xa5, at + 8, at + page - 8);
      }
      writeFileSync(file, bytes);
      // The damage is real: SQLite's own check finds it (on a copy, so the file stays as made).
      copyFileSync(file, `${file}.copy`);
      const copy = await rawDatabase(`${file}.copy`, file);
      expect(copy.pragma('quick_check', { simple: true })).not.toBe('ok');
      copy.close();
      rmSync(`${file}.copy`);
    },
    'corruptDbTitle',
  ],
  [
    'a database whose tables are missing',
    async (file) => {
      await realDatabase(file);
      const db = await rawDatabase(file);
      db.exec('DROP TABLE services');
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    },
  ],
  [
    'an encrypted database whose key file is missing (no new key is made beside it)',
    async (file) => {
      await realDatabase(file);
      rmSync(keyFileFor(file));
    },
    'keyMissingTitle',
  ],
  [
    'an encrypted database with the key file of another database',
    async (file) => {
      await realDatabase(file);
      const other = join(file, '..', 'other.sqlite');
      await appKeyFor(other);
      copyFileSync(keyFileFor(other), keyFileFor(file));
      rmSync(keyFileFor(other));
    },
    'wrongKeyTitle',
  ],
  [
    'a damaged key file',
    async (file) => {
      await realDatabase(file);
      writeFileSync(keyFileFor(file), '{"format":"forloebsvaerksted-database-key","versi');
    },
    'keyUnreadableTitle',
  ],
  [
    "a database and key copied from another user's account (its keyring cannot open the key)",
    async (file) => {
      const elsewhere = join(mkdtempSync(join(tmpdir(), 'pathway-shell-other-')), DB_FOLDER);
      temps.push(join(elsewhere, '..'));
      const theirs = join(elsewhere, DB_FILE);
      await realDatabase(theirs);
      copyFileSync(theirs, file);
      copyFileSync(keyFileFor(theirs), keyFileFor(file));
    },
    'keychainUnavailableTitle',
  ],
];

describe('a bad database', () => {
  it.each(BAD_DATABASES)(
    'shows a Danish error box for %s and quits without writing to it',
    async (_name, make, expectedTitle) => {
      const appData = tempAppData();
      const dbFile = join(appData, DB_FOLDER, DB_FILE);
      mkdirSync(join(appData, DB_FOLDER), { recursive: true });
      await make(dbFile);
      const hash = (f = dbFile) =>
        existsSync(f) ? createHash('sha256').update(readFileSync(f)).digest('hex') : 'absent';
      const before = hash();
      const keyBefore = hash(keyFileFor(dbFile));

      const { fake, unhandled } = await start({ appData });

      expect(unhandled.map(String)).toEqual([]);
      expect(fake.unmodelled).toEqual([]);
      const shown = [
        ...fake.errorBoxes.map((b) => [b.title, b.content]),
        ...fake.messageBoxes.map((args) => {
          const o = (args as unknown[]).find((a) => typeof a === 'object' && a && 'message' in a);
          const box = o as { title?: string; message: string; detail?: string };
          return [box.title ?? box.message, box.detail ?? box.message];
        }),
      ];
      expect(shown, `one error box; the shell did: ${fake.summary()}`).toHaveLength(1);
      const [title, body] = shown[0]!;
      const danish = startupTexts('da');
      expect(
        danish.some((p) => p.test(title!)),
        `Danish title: ${title}`,
      ).toBe(true);
      if (expectedTitle) expect(title).toBe(resources.da.startup[expectedTitle]);
      expect(
        danish.some((p) => p.test(body!)),
        `Danish text: ${body}`,
      ).toBe(true);
      expect(fake.exitCode !== undefined || fake.quitCalled, 'the app quits').toBe(true);
      expect(fake.windows).toEqual([]);
      expect(fake.ipcHandlers.size).toBe(0);
      expect(hash(), 'the file is unchanged').toBe(before);
      expect(hash(keyFileFor(dbFile)), 'the key file is unchanged (or still absent)').toBe(
        keyBefore,
      );
    },
    30_000,
  );

  it('names the versions for a database from a newer app, in English on an English system', async () => {
    const appData = tempAppData();
    const dbFile = join(appData, DB_FOLDER, DB_FILE);
    await realDatabase(dbFile);
    const db = await rawDatabase(dbFile);
    db.pragma('user_version = 999');
    db.close();
    const before = readFileSync(dbFile);

    const { fake } = await start({ appData, locale: 'en-GB' });

    expect(fake.errorBoxes).toHaveLength(1);
    const { title, content } = fake.errorBoxes[0]!;
    expect(title).toBe(resources.en.startup.newerDbTitle);
    expect(content).toContain('999');
    expect(startupTexts('en').some((p) => p.test(content))).toBe(true);
    expect(fake.exitCode !== undefined || fake.quitCalled).toBe(true);
    expect(fake.windows).toEqual([]);
    expect(readFileSync(dbFile)).toEqual(before);
  }, 30_000);
});

describe('a start without a keyring (Linux without a secret store: basic_text)', () => {
  const appData = () => {
    const dir = tempAppData();
    return { appData: dir, dbFile: join(dir, DB_FOLDER, DB_FILE) };
  };
  const PASSPHRASE = 'grøn kaffe på en mandag';

  it('asks for a new passphrase first, opening nothing until it is given, then starts', async () => {
    const { appData: dir, dbFile } = appData();
    const { fake, unhandled } = await start({ appData: dir, keyring: 'basic_text' });
    expect(unhandled.map(String)).toEqual([]);
    expect(fake.errorBoxes).toEqual([]);
    expect(fake.unmodelled).toEqual([]);
    // The window opens, every channel is registered, and the page is told to ask.
    expect(fake.window.loadedUrl).toBe(OWN_PAGE);
    expect([...fake.ipcHandlers.keys()].sort()).toEqual([...CHANNELS].sort());
    expect(await fake.invoke('startup:status', TRUSTED, {})).toEqual({
      ok: true,
      data: { state: 'locked', firstStart: true },
    });
    // Nothing is made before the passphrase: no key (safeStorage would only obfuscate it), no
    // database; the other channels are refused.
    expect(fake.log).not.toContain('safeStorage.encryptString');
    expect(existsSync(dbFile)).toBe(false);
    expect(existsSync(keyFileFor(dbFile))).toBe(false);
    expect(await fake.invoke('journeys:list', TRUSTED, {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    // The sender check comes first here too.
    expect(
      await fake.invoke(
        'startup:unlock',
        { url: 'https://evil.example/', parent: null },
        {
          passphrase: PASSPHRASE,
        },
      ),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await fake.invoke('startup:unlock', TRUSTED, { passphrase: 'kort' })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    expect(await fake.invoke('startup:unlock', TRUSTED, { passphrase: PASSPHRASE })).toEqual({
      ok: true,
      data: { state: 'ready' },
    });
    expect(
      await fake.invoke('journeys:create', TRUSTED, { alias: 'Efter oplåsning' }),
    ).toMatchObject({ ok: true });
    expect(readKeyFile(keyFileFor(dbFile))).toMatchObject({ wrap: 'passphrase' });
    expect(lookOfFile(dbFile)).toBe('encrypted');
    expect(fake.errorBoxes).toEqual([]);
  }, 60_000);

  it('asks for the passphrase on the next start: a wrong one is said plainly, the right one opens', async () => {
    const { appData: dir } = appData();
    const first = await start({ appData: dir, keyring: 'basic_text' });
    await first.fake.invoke('startup:unlock', TRUSTED, { passphrase: PASSPHRASE });
    await first.fake.invoke('journeys:create', TRUSTED, { alias: 'Gemt sidst' });
    first.fake.app.emit('will-quit', {});

    const { fake } = await start({ appData: dir, keyring: 'basic_text' });
    expect(await fake.invoke('startup:status', TRUSTED, {})).toEqual({
      ok: true,
      data: { state: 'locked', firstStart: false },
    });
    expect(
      await fake.invoke('startup:unlock', TRUSTED, { passphrase: 'grøn kaffe på en tirsdag' }),
    ).toEqual({
      ok: true,
      data: { state: 'wrong_passphrase' },
    });
    expect(await fake.invoke('startup:unlock', TRUSTED, { passphrase: PASSPHRASE })).toEqual({
      ok: true,
      data: { state: 'ready' },
    });
    const list = (await fake.invoke('journeys:list', TRUSTED, {})) as {
      ok: boolean;
      data: { alias: string }[];
    };
    expect(list.data.map((j) => j.alias)).toEqual(['Gemt sidst']);
    expect(fake.errorBoxes).toEqual([]);
  }, 60_000);
});

describe('an unencrypted database from before encryption at rest', () => {
  it('is encrypted on the first start, every journey kept, and no plain copy left', async () => {
    const appData = tempAppData();
    const dbFile = join(appData, DB_FOLDER, DB_FILE);
    const plain = createPlainDatabase(dbFile);
    const handlers = createHandlers({
      db: plain,
      clock: () => new Date(),
      newId: () => crypto.randomUUID(),
    });
    for (let i = 0; i < 5; i++) await dispatch(handlers, 'journeys:create', { alias: `Før ${i}` });
    plain.close();
    expect(lookOfFile(dbFile)).toBe('plain');

    const { fake, unhandled } = await start({ appData });
    expect(unhandled.map(String)).toEqual([]);
    expect(fake.errorBoxes).toEqual([]);
    expect(lookOfFile(dbFile)).toBe('encrypted');
    const list = (await fake.invoke('journeys:list', TRUSTED, {})) as {
      data: { alias: string }[];
    };
    expect(list.data.map((j) => j.alias).sort()).toEqual([0, 1, 2, 3, 4].map((i) => `Før ${i}`));
    const folder = readdirSync(join(appData, DB_FOLDER)).filter(
      (f) => !f.endsWith('-wal') && !f.endsWith('-shm'),
    );
    expect(folder.sort()).toEqual([DB_FILE, `${DB_FILE}.key`]);
    const raw = openRaw(dbFile, { readonly: true }, appKeyOf(fake, dbFile));
    expect(raw.prepare('SELECT count(*) FROM journeys').pluck().get()).toBe(5);
    raw.close();
  }, 30_000);
});
