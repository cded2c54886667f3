import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  existsSync,
  fstatSync,
  linkSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  writeSync,
  fsyncSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { PASSPHRASE_MIN_LENGTH } from '../../shared/domain/startup';
import { DATABASE_KEY_BYTES, lookOfFile, type DatabaseKey } from './cipher';
import { derivePassphraseBytes, derivePassphraseBytesSync } from './passphrase-kdf';
import { flushFolder } from './file-ops';
import { readInto } from './read-into';

/**
 * Where the database key comes from. The key is 32 random bytes made on the first start; it is
 * never written in clear. It is kept in a small file beside the database (`<database>.key`),
 * wrapped one of two ways:
 *
 * - `os`: sealed by the operating system's secret store for this user — Electron's safeStorage,
 *   i.e. the macOS Keychain, Windows DPAPI, or libsecret/KWallet on Linux. The common case: no
 *   prompt at all. The file alone is useless on another computer or to another user.
 * - `passphrase`: where the system has no real secret store (Linux without a keyring, where
 *   safeStorage would only obfuscate: `basic_text`), the facilitator chooses a passphrase on the
 *   first start and types it on every start. scrypt (memory-hard: 128 MiB, about half a second)
 *   with a random salt turns it into a key-encryption key, which unwraps the database key with
 *   AES-256-GCM; a wrong passphrase fails GCM's authentication and nothing else happens.
 *
 * The database key itself is random either way, so a passphrase can be strong or weak without
 * changing the database, and the database is never encrypted with a key that was not first stored
 * and read back.
 *
 * This module never imports Electron: the shell adapts safeStorage to OsKeyStore, and tests and
 * the browser harness use a test key (tests/support/test-key.ts).
 */

/** The operating system's secret store, as the shell adapts Electron's safeStorage. */
export interface OsKeyStore {
  /** True only when a real store keeps the secret (see osKeyStoreIsReal). */
  readonly available: boolean;
  seal(secret: string): Buffer;
  open(sealed: Buffer): string;
}

/**
 * Whether safeStorage protects anything: encryption available and, on Linux, a real backend.
 * Linux without a keyring reports `basic_text`, a hard-coded key that only obfuscates; `unknown`
 * is what it says before the app is ready or when it cannot tell.
 */
export function osKeyStoreIsReal(
  platform: NodeJS.Platform,
  encryptionAvailable: boolean,
  linuxBackend: () => string,
): boolean {
  if (!encryptionAvailable) return false;
  if (platform !== 'linux') return true;
  const backend = linuxBackend();
  return backend !== 'basic_text' && backend !== 'unknown';
}

/** What must be asked of the facilitator before the key can be had. */
export type KeyNeed = 'nothing' | 'passphrase' | 'new_passphrase';

/** The source of the database key (the app's: FileKeyProvider; tests: a fixed test key). */
export interface KeyProvider {
  /** What `key` needs (reads files only; writes nothing). Throws KeyError. */
  need(): KeyNeed;
  /**
   * The database key. On a first start it is made, stored, read back and checked. Throws
   * WrongPassphraseError, or KeyError when the key cannot be had.
   */
  key(passphrase?: string): Promise<DatabaseKey>;
}

/** Why the key cannot be had (the start-up error box says it in the facilitator's words). */
export type KeyProblem =
  /** The database is encrypted, but its key file is not there. */
  | 'key_missing'
  /** The key file is there but is not a key file of this app (damaged, or something else). */
  | 'key_unreadable'
  /** The key is sealed by the system's secret store, which cannot open it now. */
  | 'keychain_unavailable';

export class KeyError extends Error {
  constructor(
    readonly problem: KeyProblem,
    readonly file: string,
    /** For the log only, never shown. */
    readonly detail = '',
  ) {
    super(`The database key in ${file} cannot be used (${problem}${detail ? `: ${detail}` : ''})`);
    this.name = 'KeyError';
  }
}

export class WrongPassphraseError extends Error {
  constructor() {
    super('The passphrase does not open the database key');
    this.name = 'WrongPassphraseError';
  }
}

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}
/**
 * 2^17 × 8 × 128 bytes = 128 MiB of memory per try, about half a second on a laptop: what OWASP
 * recommends for scrypt, and costly on GPUs. The file records them, so they can be raised later.
 */
export const SCRYPT_PARAMS: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };
/** A key file asking for more than this is refused (a hostile file must not eat the memory). */
const SCRYPT_MAX_MEMORY = 1024 * 1024 * 1024;
const scryptMemory = ({ N, r }: ScryptParams) => 128 * N * r;
/** Nor for more than eight times the work of what the app writes (p multiplies it, not memory). */
const SCRYPT_MAX_WORK = 8 * SCRYPT_PARAMS.N * SCRYPT_PARAMS.r * SCRYPT_PARAMS.p;
const scryptWork = ({ N, r, p }: ScryptParams) => N * r * p;

export const KEY_FILE_SUFFIX = '.key';
export const keyFileFor = (dbFile: string) => `${dbFile}${KEY_FILE_SUFFIX}`;

const FORMAT = 'forloebsvaerksted-database-key';
/** A key file is a few hundred bytes; anything much larger is not ours. */
const KEY_FILE_MAX_BYTES = 16 * 1024;

const base64Of = (bytes: number) =>
  z
    .string()
    .max(4 * Math.ceil(bytes / 3) + 4)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/)
    .transform((s) => Buffer.from(s, 'base64'))
    .refine((b) => b.length === bytes, `${bytes} bytes`);

const keyFileSchema = z.discriminatedUnion('wrap', [
  z.strictObject({
    format: z.literal(FORMAT),
    version: z.literal(1),
    wrap: z.literal('os'),
    sealed: z
      .string()
      .max(4096)
      .regex(/^[A-Za-z0-9+/]+={0,2}$/)
      .transform((s) => Buffer.from(s, 'base64')),
  }),
  z.strictObject({
    format: z.literal(FORMAT),
    version: z.literal(1),
    wrap: z.literal('passphrase'),
    kdf: z
      .strictObject({
        name: z.literal('scrypt'),
        N: z
          .number()
          .int()
          .min(2 ** 10)
          .max(2 ** 20)
          .refine((n) => (n & (n - 1)) === 0, 'a power of two'),
        r: z.number().int().min(1).max(32),
        p: z.number().int().min(1).max(16),
        salt: base64Of(16),
      })
      .refine((k) => scryptMemory(k) <= SCRYPT_MAX_MEMORY, 'scrypt memory')
      .refine((k) => scryptWork(k) <= SCRYPT_MAX_WORK, 'scrypt work'),
    cipher: z.literal('aes-256-gcm'),
    iv: base64Of(12),
    tag: base64Of(16),
    wrapped: base64Of(DATABASE_KEY_BYTES),
  }),
]);
type KeyFile = z.output<typeof keyFileSchema>;

/** Binds the wrapped key to the parameters it was wrapped with (GCM's additional data). */
function additionalData(kdf: ScryptParams & { salt: Buffer }): Buffer {
  return Buffer.from(
    `${FORMAT}/1/scrypt/${kdf.N}/${kdf.r}/${kdf.p}/${kdf.salt.toString('base64')}`,
    'utf8',
  );
}

/** The key that wraps the database key, from the passphrase (in NFC; see passphrase-kdf.ts). */
function deriveKek(passphrase: string, kdf: ScryptParams & { salt: Buffer }): Promise<Buffer> {
  return derivePassphraseBytes(passphrase, kdf.salt, kdf, 32);
}

/** The same derivation, synchronous: for the command line, which asks and then works. */
export function deriveKekSync(passphrase: string, kdf: ScryptParams & { salt: Buffer }): Buffer {
  return derivePassphraseBytesSync(passphrase, kdf.salt, kdf, 32);
}

type PassphraseFile = Extract<KeyFile, { wrap: 'passphrase' }>;

/** Unwraps a passphrase-wrapped key with a derived key-encryption key; WrongPassphraseError. */
export function unwrapWithKek(file: PassphraseFile, kek: Buffer): DatabaseKey {
  const decipher = createDecipheriv('aes-256-gcm', kek, file.iv);
  decipher.setAAD(additionalData(file.kdf));
  decipher.setAuthTag(file.tag);
  try {
    return Buffer.concat([decipher.update(file.wrapped), decipher.final()]);
  } catch {
    throw new WrongPassphraseError();
  }
}

async function wrapWithPassphrase(
  key: DatabaseKey,
  passphrase: string,
  params: ScryptParams,
): Promise<object> {
  const kdf = { ...params, salt: randomBytes(16) };
  const kek = await deriveKek(passphrase, kdf);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(additionalData(kdf));
  const wrapped = Buffer.concat([cipher.update(key), cipher.final()]);
  return {
    format: FORMAT,
    version: 1,
    wrap: 'passphrase',
    kdf: { name: 'scrypt', N: kdf.N, r: kdf.r, p: kdf.p, salt: kdf.salt.toString('base64') },
    cipher: 'aes-256-gcm',
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    wrapped: wrapped.toString('base64'),
  };
}

/** The parsed key file, null when there is none. Throws KeyError('key_unreadable'). */
export function readKeyFile(path: string): KeyFile | null {
  let fd: number;
  try {
    // Without waiting on what is no regular file: opened plainly, a pipe in the key file's place
    // would hold the app (or the command line) until something wrote to it.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new KeyError('key_unreadable', path, String(error));
  }
  let text: string;
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new KeyError('key_unreadable', path, 'not a regular file');
    const size = stat.size;
    if (size > KEY_FILE_MAX_BYTES) throw new KeyError('key_unreadable', path, 'too large');
    const bytes = Buffer.alloc(size);
    text = bytes.toString('utf8', 0, readInto(fd, bytes));
  } finally {
    closeSync(fd);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new KeyError('key_unreadable', path, 'not JSON');
  }
  const parsed = keyFileSchema.safeParse(json);
  if (!parsed.success) throw new KeyError('key_unreadable', path, 'not a key file');
  return parsed.data;
}

/**
 * Writes the key file so that it is complete or absent, and never over an existing one (that
 * would lose the key of a database): a temporary file, flushed, then linked to its name (which
 * fails if the name is taken) — or, where the file system has no hard links, renamed after a
 * last look. Readable by this user only.
 */
function writeKeyFileOnce(path: string, content: object): void {
  const folder = dirname(path);
  // A first start: the folder (userData) may not be there yet.
  mkdirSync(folder, { recursive: true });
  const temporary = join(folder, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(temporary, 'wx', 0o600);
  try {
    const bytes = Buffer.from(`${JSON.stringify(content, null, 2)}\n`, 'utf8');
    for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at, bytes.length - at);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    try {
      linkSync(temporary, path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (code === 'EEXIST') return; // made meanwhile: the caller reads that one
      if (existsSync(path)) return;
      renameSync(temporary, path);
    }
    flushFolder(folder);
  } finally {
    rmSync(temporary, { force: true });
  }
}

export interface FileKeyProviderOptions {
  /** The key file (keyFileFor(dbFile)). */
  keyFile: string;
  /** The database it is the key of: an encrypted one without its key file is refused. */
  dbFile: string;
  /** The system's secret store; null where there is none. */
  store: OsKeyStore | null;
  /** For a new passphrase-wrapped key (tests use cheaper ones). */
  scrypt?: ScryptParams;
}

/** The app's key provider: the key file beside the database (see the top of this module). */
export class FileKeyProvider implements KeyProvider {
  constructor(private readonly options: FileKeyProviderOptions) {}

  need(): KeyNeed {
    const file = readKeyFile(this.options.keyFile);
    if (file?.wrap === 'passphrase') return 'passphrase';
    if (file?.wrap === 'os') {
      if (!this.options.store?.available) {
        throw new KeyError('keychain_unavailable', this.options.keyFile, 'no secret store');
      }
      return 'nothing';
    }
    this.refuseEncryptedWithoutKey();
    return this.options.store?.available ? 'nothing' : 'new_passphrase';
  }

  async key(passphrase?: string): Promise<DatabaseKey> {
    const existing = readKeyFile(this.options.keyFile);
    if (existing) return this.unwrap(existing, passphrase);
    this.refuseEncryptedWithoutKey();
    const key = randomBytes(DATABASE_KEY_BYTES);
    const store = this.options.store?.available ? this.options.store : null;
    let content: object;
    if (store) {
      content = {
        format: FORMAT,
        version: 1,
        wrap: 'os',
        sealed: store.seal(key.toString('hex')).toString('base64'),
      };
    } else {
      if (passphrase === undefined || passphrase.length < PASSPHRASE_MIN_LENGTH) {
        throw new Error(`A new passphrase has at least ${PASSPHRASE_MIN_LENGTH} characters`);
      }
      content = await wrapWithPassphrase(key, passphrase, this.options.scrypt ?? SCRYPT_PARAMS);
    }
    writeKeyFileOnce(this.options.keyFile, content);
    // Read back from the disk and unwrapped as on the next start: a key that could not be had
    // again must never encrypt the database. (If another process wrote the file first, its key
    // is the one.)
    return this.unwrap(readKeyFile(this.options.keyFile), passphrase);
  }

  private async unwrap(file: KeyFile | null, passphrase: string | undefined): Promise<DatabaseKey> {
    const path = this.options.keyFile;
    if (!file) throw new KeyError('key_unreadable', path, 'gone after writing');
    let key: Buffer;
    if (file.wrap === 'os') {
      const store = this.options.store;
      if (!store?.available) throw new KeyError('keychain_unavailable', path, 'no secret store');
      let hex: string;
      try {
        hex = store.open(file.sealed);
      } catch (error) {
        throw new KeyError('keychain_unavailable', path, String(error));
      }
      key = Buffer.from(/^[0-9a-f]{64}$/.test(hex) ? hex : '', 'hex');
    } else {
      if (passphrase === undefined) throw new WrongPassphraseError();
      key = unwrapWithKek(file, await deriveKek(passphrase, file.kdf));
    }
    if (key.length !== DATABASE_KEY_BYTES) throw new KeyError('key_unreadable', path, 'length');
    return key;
  }

  /** An encrypted database without its key: refused, and no new key made beside it. */
  private refuseEncryptedWithoutKey(): void {
    if (lookOfFile(this.options.dbFile) === 'encrypted') {
      throw new KeyError('key_missing', this.options.keyFile);
    }
  }
}

/** The passphrase-wrapped key file's contents, for the command line (synchronous unwrapping). */
export type { PassphraseFile };
