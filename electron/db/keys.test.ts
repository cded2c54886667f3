import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createPlainDatabase, openTestDatabase } from '../../tests/support/test-key';
import {
  FileKeyProvider,
  KeyError,
  SCRYPT_PARAMS,
  WrongPassphraseError,
  keyFileFor,
  osKeyStoreIsReal,
  readKeyFile,
  type OsKeyStore,
} from './keys';
import { openDatabase } from './open';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pathway-keys-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A stand-in for the system's secret store: sealed with a secret of its own "user account". */
function fakeStore(available = true, secret = randomBytes(32)): OsKeyStore & { sealed: number } {
  const store = {
    available,
    sealed: 0,
    seal(text: string) {
      store.sealed++;
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', secret, iv);
      const body = Buffer.concat([c.update(text, 'utf8'), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]);
    },
    open(sealed: Buffer) {
      const d = createDecipheriv('aes-256-gcm', secret, sealed.subarray(0, 12));
      d.setAuthTag(sealed.subarray(12, 28));
      return Buffer.concat([d.update(sealed.subarray(28)), d.final()]).toString('utf8');
    },
  };
  return store;
}

/** Cheap scrypt for the tests that make many keys; one test uses the real parameters. */
const CHEAP = { N: 2 ** 10, r: 8, p: 1 };

function provider(dir: string, store: OsKeyStore | null, scrypt = CHEAP) {
  const dbFile = join(dir, 'db.sqlite');
  return new FileKeyProvider({ keyFile: keyFileFor(dbFile), dbFile, store, scrypt });
}

describe('the key sealed by the system’s secret store', () => {
  it('is made once without a question, stored sealed, and the same on the next start', async () => {
    const dir = tempDir();
    const store = fakeStore();
    const first = provider(dir, store);
    expect(first.need()).toBe('nothing');
    const key = await first.key();
    expect(key).toHaveLength(32);
    const file = keyFileFor(join(dir, 'db.sqlite'));
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain(key.toString('hex'));
    expect(text).not.toContain(key.toString('base64'));
    expect(JSON.parse(text)).toMatchObject({ wrap: 'os', version: 1 });
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    // Nothing else is left in the folder (no temporary file).
    expect(readdirSync(dir)).toEqual(['db.sqlite.key']);

    const next = provider(dir, store);
    expect(next.need()).toBe('nothing');
    expect((await next.key()).equals(key)).toBe(true);
    expect(store.sealed).toBe(1);
  });

  it('is made on a first start whose folder does not exist yet', async () => {
    const dir = join(tempDir(), 'Forloebsvaerksted');
    const key = await provider(dir, fakeStore()).key();
    expect(readdirSync(dir)).toEqual(['db.sqlite.key']);
    expect(key).toHaveLength(32);
  });

  it('cannot be opened by another user account or without the store', async () => {
    const dir = tempDir();
    await provider(dir, fakeStore()).key();
    const other = provider(dir, fakeStore());
    await expect(other.key()).rejects.toMatchObject({ problem: 'keychain_unavailable' });
    expect(() => provider(dir, fakeStore(false)).need()).toThrow(KeyError);
    expect(() => provider(dir, null).need()).toThrow(/keychain_unavailable/);
  });
});

describe('the key wrapped by a passphrase (no secret store)', () => {
  it('asks for a new passphrase on the first start and for it on every later start', async () => {
    const dir = tempDir();
    const first = provider(dir, null);
    expect(first.need()).toBe('new_passphrase');
    await expect(first.key('kort')).rejects.toThrow(/at least 10/);
    expect(existsSync(keyFileFor(join(dir, 'db.sqlite')))).toBe(false);
    const key = await first.key('grøn kaffe på en mandag');

    const next = provider(dir, null);
    expect(next.need()).toBe('passphrase');
    await expect(next.key('grøn kaffe på en tirsdag')).rejects.toBeInstanceOf(WrongPassphraseError);
    await expect(next.key()).rejects.toBeInstanceOf(WrongPassphraseError);
    expect((await next.key('grøn kaffe på en mandag')).equals(key)).toBe(true);
    // "ø" typed as o + a combining stroke (as some keyboards do) is the same passphrase.
    expect((await next.key('grøn kaffe på en mandag'.normalize('NFD'))).equals(key)).toBe(true);
    // A secret store that appears later does not change how this key is kept.
    expect(provider(dir, fakeStore()).need()).toBe('passphrase');
  });

  it('stores scrypt’s parameters and salt, the key only wrapped', async () => {
    const dir = tempDir();
    const key = await provider(dir, null).key('en lang nok sætning');
    const stored = JSON.parse(readFileSync(keyFileFor(join(dir, 'db.sqlite')), 'utf8'));
    expect(stored).toMatchObject({
      wrap: 'passphrase',
      kdf: { name: 'scrypt', N: CHEAP.N, r: 8, p: 1 },
      cipher: 'aes-256-gcm',
    });
    expect(Buffer.from(stored.kdf.salt, 'base64')).toHaveLength(16);
    expect(Buffer.from(stored.wrapped, 'base64').equals(key)).toBe(false);
    expect(JSON.stringify(stored)).not.toContain(key.toString('hex'));
  });

  it('uses memory-hard parameters by default (N=2^17, r=8, p=1)', async () => {
    expect(SCRYPT_PARAMS).toEqual({ N: 2 ** 17, r: 8, p: 1 });
    const dir = tempDir();
    const key = await provider(dir, null, SCRYPT_PARAMS).key('en lang nok sætning');
    expect(readKeyFile(keyFileFor(join(dir, 'db.sqlite')))).toMatchObject({
      kdf: { N: 2 ** 17 },
    });
    expect((await provider(dir, null).key('en lang nok sætning')).equals(key)).toBe(true);
  }, 30_000);

  it('refuses a changed parameter (the wrapping is bound to them)', async () => {
    const dir = tempDir();
    await provider(dir, null).key('en lang nok sætning');
    const file = keyFileFor(join(dir, 'db.sqlite'));
    const stored = JSON.parse(readFileSync(file, 'utf8'));
    stored.kdf.N = 2 ** 11;
    writeFileSync(file, JSON.stringify(stored));
    await expect(provider(dir, null).key('en lang nok sætning')).rejects.toBeInstanceOf(
      WrongPassphraseError,
    );
  });
});

/** A passphrase-wrapped key file, well formed but for the scrypt costs it asks for. */
function passphraseKeyFile(cost: { N: number; r: number; p: number }): string {
  return JSON.stringify({
    format: 'forloebsvaerksted-database-key',
    version: 1,
    wrap: 'passphrase',
    kdf: { name: 'scrypt', ...cost, salt: randomBytes(16).toString('base64') },
    cipher: 'aes-256-gcm',
    iv: randomBytes(12).toString('base64'),
    tag: randomBytes(16).toString('base64'),
    wrapped: randomBytes(32).toString('base64'),
  });
}

describe('a key file that cannot be used', () => {
  it.each([
    ['empty', ''],
    ['not JSON', 'hello'],
    ['another format', JSON.stringify({ format: 'x', version: 1, wrap: 'os', sealed: 'AAAA' })],
    ['scrypt asking for 4 GiB', passphraseKeyFile({ N: 2 ** 20, r: 32, p: 1 })],
    ['scrypt asking for sixteen times the work', passphraseKeyFile({ N: 2 ** 17, r: 8, p: 16 })],
    ['huge', 'x'.repeat(100_000)],
  ])('is refused as unreadable (%s), and never replaced', async (_name, content) => {
    const dir = tempDir();
    const file = keyFileFor(join(dir, 'db.sqlite'));
    writeFileSync(file, content);
    expect(() => provider(dir, fakeStore()).need()).toThrow(/key_unreadable/);
    await expect(provider(dir, fakeStore()).key()).rejects.toMatchObject({
      problem: 'key_unreadable',
    });
    expect(readFileSync(file, 'utf8')).toBe(content);
  });
});

describe('a key file that is no regular file', () => {
  it.runIf(process.platform !== 'win32')(
    'a pipe in its place is refused at once, not waited on',
    () => {
      const dir = tempDir();
      const keyFile = keyFileFor(join(dir, 'db.sqlite'));
      execFileSync('mkfifo', [keyFile]);
      // Opened plainly, this would wait for a writer for ever.
      expect(() => readKeyFile(keyFile)).toThrow(KeyError);
      expect(() => readKeyFile(keyFile)).toThrow(/not a regular file/);
    },
    10_000,
  );

  it('a folder in its place is refused', () => {
    const dir = tempDir();
    const keyFile = keyFileFor(join(dir, 'db.sqlite'));
    mkdirSync(keyFile);
    expect(() => readKeyFile(keyFile)).toThrow(/not a regular file/);
  });
});

describe('the database beside the key', () => {
  it('an encrypted database without its key file: refused, no new key made', async () => {
    const dir = tempDir();
    const dbFile = join(dir, 'db.sqlite');
    openTestDatabase(dbFile).close();
    for (const store of [fakeStore(), null]) {
      const p = new FileKeyProvider({ keyFile: keyFileFor(dbFile), dbFile, store, scrypt: CHEAP });
      expect(() => p.need()).toThrow(/key_missing/);
      await expect(p.key('en lang nok sætning')).rejects.toMatchObject({ problem: 'key_missing' });
    }
    expect(readdirSync(dir)).toEqual(['db.sqlite']);
  });

  it('an unencrypted database (from before encryption) gets a new key, then is encrypted with it', async () => {
    const dir = tempDir();
    const dbFile = join(dir, 'db.sqlite');
    createPlainDatabase(dbFile).close();
    const p = new FileKeyProvider({ keyFile: keyFileFor(dbFile), dbFile, store: fakeStore() });
    expect(p.need()).toBe('nothing');
    const key = await p.key();
    openDatabase(dbFile, { key }).close();
    expect(readdirSync(dir).sort()).toEqual(['db.sqlite', 'db.sqlite.key']);
  });
});

describe('whether safeStorage protects anything', () => {
  it.each([
    ['darwin', true, 'unknown', true],
    ['win32', true, 'unknown', true],
    ['win32', false, 'unknown', false],
    ['linux', true, 'gnome_libsecret', true],
    ['linux', true, 'kwallet6', true],
    ['linux', true, 'basic_text', false],
    ['linux', true, 'unknown', false],
    ['linux', false, 'gnome_libsecret', false],
  ] as const)('%s, available %s, backend %s: %s', (platform, available, backend, real) => {
    expect(osKeyStoreIsReal(platform, available, () => backend)).toBe(real);
  });
});
