import { createHash, createHmac, scrypt, scryptSync } from 'node:crypto';

/**
 * What every file locked with a passphrase shares: the database key file (`keys.ts`), a USB
 * backup (`sealed-backup.ts`) and a moved journey (`transfer/journey-file.ts`). Their layouts
 * differ; the derivation and the two checks in their headers are one.
 *
 * The passphrase is taken in NFC, so "ø" typed as one character or as "o" and a combining stroke
 * (keyboards differ) is the same passphrase. Each caller bounds N, r and p before deriving, so a
 * hostile file never asks for more memory than its own bounds allow.
 */

export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

/** What scrypt needs for these costs (128 × N × r bytes), with room: Node's default is 32 MiB. */
const options = ({ N, r, p }: ScryptCost) => ({ N, r, p, maxmem: 2 * 128 * N * r });

/** scrypt of the passphrase; in the thread pool, so the app goes on meanwhile. */
export function derivePassphraseBytes(
  passphrase: string,
  salt: Buffer,
  cost: ScryptCost,
  length: number,
): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(passphrase.normalize('NFC'), salt, length, options(cost), (error, derived) =>
      error ? reject(error) : resolve(derived),
    ),
  );
}

/** The same, synchronously: for the command line, which asks and then works. */
export function derivePassphraseBytesSync(
  passphrase: string,
  salt: Buffer,
  cost: ScryptCost,
  length: number,
): Buffer {
  return scryptSync(passphrase.normalize('NFC'), salt, length, options(cost));
}

/** An AES key and a check key from one derivation of 64 bytes. */
export interface PassphraseKeys {
  key: Buffer;
  check: Buffer;
}
export const splitKeys = (derived: Buffer): PassphraseKeys => ({
  key: derived.subarray(0, 32),
  check: derived.subarray(32),
});

/**
 * The passphrase check a header carries: HMAC-SHA-256(check key, text), first 16 bytes. It tells
 * a wrong passphrase from a damaged file (GCM alone cannot) and costs a guesser the same scrypt.
 */
export const passphraseCheck = (checkKey: Buffer, text: string): Buffer =>
  createHmac('sha256', checkKey).update(text).digest().subarray(0, 16);

/** A header's checksum: SHA-256 of its checked bytes, first 8 — a damaged header, not a wrong key. */
export const headerChecksum = (checked: Buffer): Buffer =>
  createHash('sha256').update(checked).digest().subarray(0, 8);
