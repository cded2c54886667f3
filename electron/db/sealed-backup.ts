import type { Database } from 'better-sqlite3';
import { createCipheriv, createDecipheriv, randomBytes, timingSafeEqual } from 'node:crypto';
import { constants as bufferConstants } from 'node:buffer';
import { closeSync, constants, existsSync, fstatSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { BACKUP_FILE_EXTENSION } from '../../shared/domain/backup';
import { writeFileAtomic } from '../export/write-file';
import { BackupError, countJourneys, databaseImage, openImage } from './backups';
import {
  derivePassphraseBytes,
  derivePassphraseBytesSync,
  headerChecksum,
  passphraseCheck,
  splitKeys,
  type PassphraseKeys,
} from './passphrase-kdf';
import { readInto } from './read-into';

/**
 * A backup that leaves the laptop (a USB stick, the command line's `pathway backup`): the
 * database's plain SQLite image sealed under a passphrase — the same construction as the moved
 * journey's `.forloeb` file (../transfer/journey-file.ts), with its own magic and a 64-bit length
 * for a whole database. Sealed without the database's own key on purpose: a broken laptop's key is
 * gone with it, and the passphrase is what the facilitator can carry to the next one.
 *
 *   offset size  field
 *        0    8  magic 89 46 56 42 0D 0A 1A 0A ("\x89FVB\r\n\x1a\n": a transfer that mangles
 *                line ends or the high bit shows as a wrong magic, as with PNG)
 *        8    2  format version (uint16 BE)
 *       10    2  the version again, every bit inverted: a flipped bit shows as damage, never as
 *                "made by a newer version". Bytes 0–11 keep this layout in every version.
 *       12    1  key derivation: 1 = scrypt
 *       13    1  scrypt log2(N)
 *       14    1  scrypt r
 *       15    1  scrypt p
 *       16   32  salt (random)
 *       48   12  GCM nonce (random)
 *       60    8  image length (uint64 BE)
 *       68   16  passphrase check: HMAC-SHA-256(check key, CHECK_TEXT), first 16 bytes
 *       84    8  header checksum: SHA-256 of bytes 0–83, first 8 bytes
 *       92    n  ciphertext: AES-256-GCM of the image, the 92 header bytes as additional data
 *     92+n   16  GCM tag
 *
 * scrypt(passphrase in NFC, salt) gives 64 bytes: the AES key and the check key. The check tells
 * a mistyped passphrase from a damaged file (GCM alone cannot) and costs a guesser the same
 * scrypt as the tag; the checksum tells a damaged header from a wrong passphrase. The GCM tag over
 * header and body is the security: nothing is returned unless every byte was authenticated, and
 * a restore reads and checks the whole file before a single row is touched.
 */

export const SEALED_MAGIC = Buffer.from([0x89, 0x46, 0x56, 0x42, 0x0d, 0x0a, 0x1a, 0x0a]);
export const SEALED_VERSION = 1;

export interface ScryptParams {
  log2N: number;
  r: number;
  p: number;
}
/** 128 MiB and about half a second on a laptop: slow to guess, quick to type once. */
export const DEFAULT_SCRYPT: ScryptParams = { log2N: 17, r: 8, p: 1 };
/**
 * What a file may ask for: a hostile header must not make us spend gigabytes or minutes. (The
 * floor is below what we write so the tests can seal quickly; such a file is still refused by
 * nothing but its passphrase.)
 */
const SCRYPT_BOUNDS = { log2N: [14, 20], r: [1, 16], p: [1, 4] } as const;
/**
 * Each bound alone still lets a header ask for 2 GiB (N = 2^20, r = 16) four times over (p = 4):
 * half a minute and gigabytes a try. Together they may ask for at most twice the memory of what we
 * write (256 MiB: 128 × N × r bytes) and four times its work (N × r × p).
 */
const SCRYPT_MAX_MEMORY = 2 * 128 * 2 ** DEFAULT_SCRYPT.log2N * DEFAULT_SCRYPT.r;
const SCRYPT_MAX_WORK = 4 * 2 ** DEFAULT_SCRYPT.log2N * DEFAULT_SCRYPT.r * DEFAULT_SCRYPT.p;

const KDF_SCRYPT = 1;
const TAG_BYTES = 16;
const CHECKED_BYTES = 84;
const HEADER_BYTES = 92;
const CHECK_TEXT = 'forloebsvaerksted backup passphrase check';

function withinBounds(params: ScryptParams): boolean {
  return (
    (Object.keys(SCRYPT_BOUNDS) as (keyof ScryptParams)[]).every(
      (k) =>
        Number.isInteger(params[k]) &&
        params[k] >= SCRYPT_BOUNDS[k][0] &&
        params[k] <= SCRYPT_BOUNDS[k][1],
    ) &&
    128 * 2 ** params.log2N * params.r <= SCRYPT_MAX_MEMORY &&
    2 ** params.log2N * params.r * params.p <= SCRYPT_MAX_WORK
  );
}

type Keys = PassphraseKeys;
const costOf = ({ log2N, r, p }: ScryptParams) => ({ N: 2 ** log2N, r, p });

/** The AES key and the check key, from one scrypt run in the thread pool (the app waits not). */
async function deriveKeys(passphrase: string, salt: Buffer, params: ScryptParams): Promise<Keys> {
  return splitKeys(await derivePassphraseBytes(passphrase, salt, costOf(params), 64));
}

/** The same, synchronously: for the command line, which has nothing else to do meanwhile. */
function deriveKeysSync(passphrase: string, salt: Buffer, params: ScryptParams): Keys {
  return splitKeys(derivePassphraseBytesSync(passphrase, salt, costOf(params), 64));
}

/** A new file's header, all but the passphrase check and the checksum. */
function newHeader(imageLength: number, params: ScryptParams) {
  if (!withinBounds(params)) throw new Error('scrypt parameters out of bounds');
  const header = Buffer.alloc(HEADER_BYTES);
  SEALED_MAGIC.copy(header, 0);
  header.writeUInt16BE(SEALED_VERSION, 8);
  header.writeUInt16BE(~SEALED_VERSION & 0xffff, 10);
  header.writeUInt8(KDF_SCRYPT, 12);
  header.writeUInt8(params.log2N, 13);
  header.writeUInt8(params.r, 14);
  header.writeUInt8(params.p, 15);
  const salt = randomBytes(32);
  salt.copy(header, 16);
  randomBytes(12).copy(header, 48);
  header.writeBigUInt64BE(BigInt(imageLength), 60);
  return { header, salt };
}

function sealWith(image: Buffer, header: Buffer, { key, check }: Keys): Buffer {
  passphraseCheck(check, CHECK_TEXT).copy(header, 68);
  headerChecksum(header.subarray(0, CHECKED_BYTES)).copy(header, CHECKED_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, header.subarray(48, 60), {
    authTagLength: TAG_BYTES,
  });
  cipher.setAAD(header);
  const body = Buffer.concat([cipher.update(image), cipher.final()]);
  return Buffer.concat([header, body, cipher.getAuthTag()]);
}

/** Seals `image` under `passphrase` (see the layout above). */
export async function seal(
  image: Buffer,
  passphrase: string,
  params: ScryptParams = DEFAULT_SCRYPT,
): Promise<Buffer> {
  const { header, salt } = newHeader(image.length, params);
  return sealWith(image, header, await deriveKeys(passphrase, salt, params));
}

/** seal, synchronously (the command line). */
export function sealSync(
  image: Buffer,
  passphrase: string,
  params: ScryptParams = DEFAULT_SCRYPT,
): Buffer {
  const { header, salt } = newHeader(image.length, params);
  return sealWith(image, header, deriveKeysSync(passphrase, salt, params));
}

/**
 * A sealed file's header, checked as far as it can be without the passphrase, in an order that
 * makes each refusal true: `empty`, `not_backup`, `damaged` (a header that fails its own checks),
 * `newer_version`, `truncated`.
 */
function readHeader(bytes: Buffer, size = bytes.length) {
  if (size === 0) throw new BackupError('empty');
  const magicPart = bytes.subarray(0, SEALED_MAGIC.length);
  if (!magicPart.equals(SEALED_MAGIC.subarray(0, magicPart.length))) {
    throw new BackupError('not_backup');
  }
  if (bytes.length >= 12) {
    const version = bytes.readUInt16BE(8);
    if (version !== (~bytes.readUInt16BE(10) & 0xffff)) throw new BackupError('damaged', 'version');
    if (version > SEALED_VERSION) throw new BackupError('newer_version', String(version));
    if (version !== SEALED_VERSION) throw new BackupError('damaged', 'version 0');
  }
  if (size < HEADER_BYTES + TAG_BYTES || bytes.length < HEADER_BYTES) {
    throw new BackupError('truncated', 'header');
  }
  const header = bytes.subarray(0, HEADER_BYTES);
  if (!headerChecksum(header.subarray(0, CHECKED_BYTES)).equals(header.subarray(CHECKED_BYTES))) {
    throw new BackupError('damaged', 'header checksum');
  }
  const params = { log2N: header[13]!, r: header[14]!, p: header[15]! };
  if (header[12] !== KDF_SCRYPT || !withinBounds(params)) {
    throw new BackupError('damaged', 'key derivation');
  }
  const expected = BigInt(HEADER_BYTES + TAG_BYTES) + header.readBigUInt64BE(60);
  if (BigInt(size) < expected) throw new BackupError('truncated', 'body');
  if (BigInt(size) > expected) throw new BackupError('damaged', 'length');
  return { header, salt: header.subarray(16, 48), params };
}

/** How many of a sealed file's first bytes `checkSealedHeader` needs to judge it. */
export const SEALED_HEAD_BYTES = HEADER_BYTES;

/**
 * Throws the BackupError a sealed file earns before its passphrase is asked (see readHeader):
 * from the whole file, or from its first SEALED_HEAD_BYTES and its size, so that a large file
 * that is no backup is refused without being read.
 */
export function checkSealedHeader(bytes: Buffer, size = bytes.length): void {
  readHeader(bytes, size);
}

/** The image, once the passphrase's check and every byte's authentication passed. */
function openWith(bytes: Buffer, header: Buffer, { key, check }: Keys): Buffer {
  if (!timingSafeEqual(passphraseCheck(check, CHECK_TEXT), header.subarray(68, 84))) {
    throw new BackupError('wrong_passphrase');
  }
  const decipher = createDecipheriv('aes-256-gcm', key, header.subarray(48, 60), {
    authTagLength: TAG_BYTES,
  });
  decipher.setAAD(header);
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
  try {
    const body = bytes.subarray(HEADER_BYTES, bytes.length - TAG_BYTES);
    return Buffer.concat([decipher.update(body), decipher.final()]);
  } catch (error) {
    throw new BackupError('damaged', String(error));
  }
}

/**
 * The image inside a sealed file, or a BackupError that says what is wrong (see readHeader; then
 * `wrong_passphrase`, or `damaged` for a body that fails its authentication).
 */
export async function unseal(bytes: Buffer, passphrase: string): Promise<Buffer> {
  const { header, salt, params } = readHeader(bytes);
  return openWith(bytes, header, await deriveKeys(passphrase, salt, params));
}

/** unseal, synchronously (the command line). */
export function unsealSync(bytes: Buffer, passphrase: string): Buffer {
  const { header, salt, params } = readHeader(bytes);
  return openWith(bytes, header, deriveKeysSync(passphrase, salt, params));
}

/** Whether a file starts like a sealed backup (for the command line's choice of reader). */
export function looksSealed(bytes: Buffer): boolean {
  return bytes.length >= SEALED_MAGIC.length && bytes.subarray(0, 8).equals(SEALED_MAGIC);
}

/** `forloebsvaerksted-2026-12-01T19-57-29Z.fvbackup`, with `-2`… when that name is taken. */
export function sealedFileName(folder: string, now: Date): string {
  const stamp = now.toISOString().slice(0, 19).replace(/:/g, '-');
  for (let i = 1; ; i++) {
    const name = `forloebsvaerksted-${stamp}Z${i > 1 ? `-${i}` : ''}.${BACKUP_FILE_EXTENSION}`;
    if (!existsSync(join(folder, name))) return name;
  }
}

/**
 * Writes the database, sealed under `passphrase`, to `file` (complete or not at all). The image
 * is taken at once, before the passphrase is stretched, so it is the database as it was asked.
 */
export async function writeSealedBackup(
  db: Database,
  file: string,
  passphrase: string,
  params?: ScryptParams,
): Promise<{ bytes: number; journeys: number }> {
  const image = databaseImage(db);
  const journeys = countJourneys(db);
  const sealed = await seal(image, passphrase, params);
  writeFileAtomic(file, sealed);
  return { bytes: sealed.length, journeys };
}

/** A sealed backup file opened in memory, checked and migrated: a restore's source. */
export async function loadSealedBackup(file: string, passphrase: string): Promise<Database> {
  return openImage(await unseal(readSealedFile(file), passphrase));
}

/**
 * A sealed file's bytes, its header judged from its first bytes and its size before the rest is
 * read: a large file that is no backup (or whose header says another length) is refused unread,
 * and a pipe or a device is never waited on (opened without blocking, then only a regular file).
 */
export function readSealedFile(file: string): Buffer {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch {
    throw new BackupError('missing');
  }
  try {
    let size: number;
    try {
      const stat = fstatSync(fd);
      if (!stat.isFile()) throw new Error('not a file');
      size = stat.size;
    } catch {
      throw new BackupError('missing');
    }
    const head = readAt(fd, Math.min(size, SEALED_HEAD_BYTES));
    readHeader(head, size);
    // Its header says it is this long: more than one buffer holds is no backup the app wrote.
    if (size > bufferConstants.MAX_LENGTH) throw new BackupError('damaged', 'length');
    const bytes = readAt(fd, size);
    if (bytes.length < size) throw new BackupError('truncated', 'body');
    return bytes;
  } finally {
    closeSync(fd);
  }
}

/** Up to `length` bytes from the file's start (fewer where it ends sooner). */
function readAt(fd: number, length: number): Buffer {
  const bytes = Buffer.allocUnsafe(length);
  return bytes.subarray(0, readInto(fd, bytes));
}
