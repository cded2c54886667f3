import { createCipheriv, createDecipheriv, randomBytes, timingSafeEqual } from 'node:crypto';
import { constants as fsConstants } from 'node:fs';
import { open } from 'node:fs/promises';
import { gunzipSync, gzipSync } from 'node:zlib';
import { MAX_MOVE_FILE_BYTES, type MoveRefusal } from '../../shared/transfer/moved-journey';
import {
  derivePassphraseBytes,
  headerChecksum,
  passphraseCheck,
  splitKeys,
  type PassphraseKeys,
} from '../db/passphrase-kdf';

/**
 * The `.forloeb` file: one journey, encrypted with a passphrase, to carry to a colleague's laptop.
 *
 *   offset size  field
 *        0    8  magic  89 46 4C 42 0D 0A 1A 0A  ("\x89FLB\r\n\x1a\n": binary, and a transfer
 *                that mangles line ends or the high bit shows as a wrong magic, as with PNG)
 *        8    2  format version (uint16 BE)
 *       10    2  the version again, every bit inverted: a flipped bit in either shows as damage,
 *                never as "made by a newer version". Bytes 0–11 keep this layout in every version.
 *       12    1  key derivation: 1 = scrypt
 *       13    1  scrypt log2(N)
 *       14    1  scrypt r
 *       15    1  scrypt p
 *       16    1  cipher: 1 = AES-256-GCM
 *       17    1  compression: 1 = gzip
 *       18    2  reserved, zero
 *       20   16  salt (random)
 *       36   12  IV (random; a fresh salt gives a fresh key as well, so a key never sees two)
 *       48    4  ciphertext length (uint32 BE)
 *       52   16  passphrase check: HMAC-SHA-256(check key, CHECK_TEXT), first 16 bytes
 *       68    8  header checksum: SHA-256 of bytes 0–67, first 8 bytes
 *       76    n  ciphertext: AES-256-GCM of gzip(JSON payload), the 76 header bytes as AAD
 *     76+n   16  GCM tag
 *
 * scrypt(passphrase in NFC, salt) gives 64 bytes: the first 32 are the AES key, the last 32 the
 * check key. The check tells a wrong passphrase from a damaged file (GCM alone cannot); it costs
 * a guesser the same scrypt as the tag does, so it makes guessing no cheaper. The checksum tells
 * a damaged header from a wrong passphrase. Neither is security: the GCM tag over the header
 * (AAD) and the body is; a file that passes the checks but not the tag is damaged.
 */

export const MOVE_FILE_MAGIC = Buffer.from([0x89, 0x46, 0x4c, 0x42, 0x0d, 0x0a, 0x1a, 0x0a]);
export const MOVE_FILE_VERSION = 1;
export const HEADER_BYTES = 76;
const CHECKED_BYTES = 68;
const TAG_BYTES = 16;
const CHECK_TEXT = 'forloebsvaerksted passphrase check';

export interface ScryptParams {
  logN: number;
  r: number;
  p: number;
}
/** Memory-hard: 128 × 2^17 × 8 bytes = 128 MiB and about a second per try on a laptop. */
export const SCRYPT_PARAMS: ScryptParams = { logN: 17, r: 8, p: 1 };
/**
 * What a file may ask for: never weaker than we write, never more than twice its memory (room for
 * a later version to raise N or r once), so a hostile header cannot make the main process
 * allocate gigabytes or spin for minutes. p (run one after another here) costs time only.
 */
const LOG_N_RANGE = [17, 20] as const;
const R_RANGE = [8, 16] as const;
const P_RANGE = [1, 4] as const;
const MAX_MEM = 256 * 1024 * 1024;
/**
 * The payload unzipped: far above any journey (1,000 touchpoints with 50 saved versions is about
 * 40 MB), and what the main process can parse without trouble. A larger one is not written.
 */
export const MAX_PAYLOAD_BYTES = 128 * 1024 * 1024;

function scryptMemory({ logN, r }: ScryptParams): number {
  return 128 * 2 ** logN * r;
}

/** Keys from the passphrase; async, so the main process goes on while scrypt runs. */
async function deriveKeys(
  passphrase: string,
  salt: Buffer,
  { logN, r, p }: ScryptParams,
): Promise<PassphraseKeys> {
  return splitKeys(await derivePassphraseBytes(passphrase, salt, { N: 2 ** logN, r, p }, 64));
}

/** Encrypts a payload (JSON text) into the bytes of a `.forloeb` file. */
export async function sealJourneyFile(
  json: string,
  passphrase: string,
  params: ScryptParams = SCRYPT_PARAMS,
): Promise<Buffer> {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const { key, check } = await deriveKeys(passphrase, salt, params);
  const plain = gzipSync(Buffer.from(json, 'utf8'));
  // GCM's ciphertext is exactly as long as the plaintext.
  if (plain.length > 0xffffffff) throw new Error('The journey is too large to move');

  const header = Buffer.alloc(HEADER_BYTES);
  MOVE_FILE_MAGIC.copy(header, 0);
  header.writeUInt16BE(MOVE_FILE_VERSION, 8);
  header.writeUInt16BE(~MOVE_FILE_VERSION & 0xffff, 10);
  header.writeUInt8(1, 12);
  header.writeUInt8(params.logN, 13);
  header.writeUInt8(params.r, 14);
  header.writeUInt8(params.p, 15);
  header.writeUInt8(1, 16);
  header.writeUInt8(1, 17);
  salt.copy(header, 20);
  iv.copy(header, 36);
  header.writeUInt32BE(plain.length, 48);
  passphraseCheck(check, CHECK_TEXT).copy(header, 52);
  headerChecksum(header.subarray(0, CHECKED_BYTES)).copy(header, CHECKED_BYTES);

  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(header);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([header, body, cipher.getAuthTag()]);
}

export type OpenedJourneyFile =
  | { ok: true; json: string }
  | { ok: false; reason: Exclude<MoveRefusal, 'invalid_content' | 'exists' | 'conflict'> };

const refuse = (reason: Exclude<OpenedJourneyFile, { ok: true }>['reason']) =>
  ({ ok: false, reason }) as const;

const inRange = (value: number, [min, max]: readonly [number, number]) =>
  value >= min && value <= max;

/**
 * Opens the bytes of a `.forloeb` file: every refusal has its own reason, checked in an order
 * that makes each reason true (an empty file is empty, not "not ours"; a header that fails its
 * checksum is damaged, not a wrong passphrase). Never throws for anything in the file.
 */
export async function openJourneyFile(
  bytes: Buffer,
  passphrase: string,
): Promise<OpenedJourneyFile> {
  if (bytes.length === 0) return refuse('empty');
  if (bytes.length > MAX_MOVE_FILE_BYTES) return refuse('too_large');
  const magicPart = bytes.subarray(0, MOVE_FILE_MAGIC.length);
  if (!magicPart.equals(MOVE_FILE_MAGIC.subarray(0, magicPart.length))) {
    return refuse('not_move_file');
  }
  // A version field whose copy disagrees was damaged; one that agrees and is newer was written by
  // a newer app, whatever follows it (its header may be laid out differently).
  if (bytes.length >= 12) {
    const version = bytes.readUInt16BE(8);
    if (version !== (~bytes.readUInt16BE(10) & 0xffff)) return refuse('damaged');
    if (version > MOVE_FILE_VERSION) return refuse('newer_version');
    if (version !== MOVE_FILE_VERSION) return refuse('damaged'); // version 0 was never written
  }
  // The magic as far as the file goes, but not even a whole header: cut off.
  if (bytes.length < HEADER_BYTES + TAG_BYTES) return refuse('truncated');
  const header = bytes.subarray(0, HEADER_BYTES);
  if (
    !headerChecksum(header.subarray(0, CHECKED_BYTES)).equals(
      header.subarray(CHECKED_BYTES, HEADER_BYTES),
    )
  ) {
    return refuse('damaged');
  }
  const params: ScryptParams = {
    logN: header.readUInt8(13),
    r: header.readUInt8(14),
    p: header.readUInt8(15),
  };
  if (
    header.readUInt8(12) !== 1 ||
    header.readUInt8(16) !== 1 ||
    header.readUInt8(17) !== 1 ||
    header.readUInt16BE(18) !== 0 ||
    !inRange(params.logN, LOG_N_RANGE) ||
    !inRange(params.r, R_RANGE) ||
    !inRange(params.p, P_RANGE) ||
    scryptMemory(params) > MAX_MEM
  ) {
    return refuse('damaged');
  }
  const bodyLength = header.readUInt32BE(48);
  const expected = HEADER_BYTES + bodyLength + TAG_BYTES;
  if (bytes.length < expected) return refuse('truncated');
  if (bytes.length > expected) return refuse('damaged');

  let keys: PassphraseKeys;
  try {
    keys = await deriveKeys(passphrase, header.subarray(20, 36), params);
  } catch {
    return refuse('damaged');
  }
  if (!timingSafeEqual(passphraseCheck(keys.check, CHECK_TEXT), header.subarray(52, 68))) {
    return refuse('wrong_passphrase');
  }
  let plain: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keys.key, header.subarray(36, 48));
    decipher.setAAD(header);
    decipher.setAuthTag(bytes.subarray(expected - TAG_BYTES, expected));
    plain = Buffer.concat([
      decipher.update(bytes.subarray(HEADER_BYTES, expected - TAG_BYTES)),
      decipher.final(),
    ]);
  } catch {
    return refuse('damaged');
  }
  try {
    const json = gunzipSync(plain, { maxOutputLength: MAX_PAYLOAD_BYTES });
    // A payload that is not UTF-8 is not one we wrote: `fatal` refuses it instead of replacing.
    return { ok: true, json: new TextDecoder('utf-8', { fatal: true }).decode(json) };
  } catch {
    // Authentic but not ours to read (only someone with the passphrase could have made it).
    return refuse('damaged');
  }
}

/**
 * Reads a file that claims to be a moved journey, at most MAX_MOVE_FILE_BYTES of it: a larger
 * one is refused by its size, before anything is read.
 */
export async function readMoveFile(
  path: string,
): Promise<{ ok: true; bytes: Buffer } | { ok: false; reason: 'too_large' | 'unreadable' }> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    // Without blocking, and then a regular file only: a pipe nobody writes to was waited on for
    // good (and held a thread of the pool the app shares).
    handle = await open(path, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0));
    const stat = await handle.stat();
    if (!stat.isFile()) return { ok: false, reason: 'unreadable' };
    const { size } = stat;
    if (size > MAX_MOVE_FILE_BYTES) return { ok: false, reason: 'too_large' };
    // Read one byte more than the limit: a file that grew since the stat is still caught.
    const buffer = Buffer.alloc(Math.min(size, MAX_MOVE_FILE_BYTES) + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === buffer.length) {
        if (length > MAX_MOVE_FILE_BYTES) return { ok: false, reason: 'too_large' };
        break;
      }
    }
    return { ok: true, bytes: buffer.subarray(0, length) };
  } catch {
    return { ok: false, reason: 'unreadable' };
  } finally {
    await handle?.close();
  }
}
