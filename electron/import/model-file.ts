import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync } from 'node:fs';
import type { Sha256Hex } from '../../shared/model/checksum';
import {
  MAX_MODEL_BYTES,
  validateModelText,
  type ValidationResult,
} from '../../shared/model/validate';
import { readInto } from '../db/read-into';

/** Node's native sha256, for the command line's checks (the import hashes the bytes it stores). */
export const nodeSha256: Sha256Hex = (text) => {
  const hash = createHash('sha256');
  if (typeof text === 'string') return hash.update(text).digest('hex');
  for (const piece of text) hash.update(piece);
  return hash.digest('hex');
};

/** Node's native sha256 of bytes given in pieces, as lower-case hex. */
export const nodeBytesSha256 = (pieces: readonly Uint8Array[]): string => {
  const hash = createHash('sha256');
  for (const piece of pieces) hash.update(piece);
  return hash.digest('hex');
};

/** A file that could not be read as one: why, in our words (an error code at most). */
export interface Unreadable {
  ok: false;
  reason: 'unreadable';
  detail: string;
}

/** What an error says of why a file could not be read: its code only, never a message. */
export function unreadableDetail(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && /^[A-Z0-9_]{1,32}$/.test(code) ? code : 'error';
}

/**
 * Opens a file to read it only if it is a regular file: a link is followed; a folder, a device or
 * a pipe is refused without waiting on it (non-blocking open, then the opened file's own kind, so
 * the file cannot be swapped between a look and the read). Null when there is no such file.
 */
export function openRegularFile(file: string): { fd: number; size: number } | Unreadable | null {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return null;
    return { ok: false, reason: 'unreadable', detail: unreadableDetail(error) };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) {
      closeSync(fd);
      return {
        ok: false,
        reason: 'unreadable',
        detail: stat.isDirectory() ? 'a folder' : 'not a regular file',
      };
    }
    return { fd, size: stat.size };
  } catch (error) {
    closeSync(fd);
    return { ok: false, reason: 'unreadable', detail: unreadableDetail(error) };
  }
}

/**
 * Files up to this size are read into one buffer kept for the next file: a folder of thousands of
 * models then allocates (and zero-fills) no new buffer per file. A larger file gets its own, so
 * the process does not keep one the size of the largest file it ever read.
 */
const KEPT_BUFFER_BYTES = 1024 * 1024;
let kept: Buffer | undefined;

/**
 * A buffer of exactly `bytes` to read a file into. Only the bytes read are ever decoded, so the
 * kept buffer's earlier contents are never seen.
 */
function readBuffer(bytes: number): Buffer {
  if (bytes > KEPT_BUFFER_BYTES) return Buffer.alloc(bytes);
  kept ??= Buffer.allocUnsafeSlow(KEPT_BUFFER_BYTES);
  return kept.subarray(0, bytes);
}

/** A refused model file: by its content, or because it could not be read. */
export type ModelFileResult = ValidationResult | Unreadable;

/**
 * A model file on disk, checked: null when there is no such file; a file over the size limit is
 * refused by its size and never read, and a file that cannot be read (or is no regular file) is
 * refused as unreadable. Read as UTF-8, a byte-order mark dropped (`validateModelText` drops
 * it); bytes that are not UTF-8 are refused (`not_utf8`), as the app's import refuses them.
 */
export function checkModelFile(file: string): ModelFileResult | null {
  const opened = openRegularFile(file);
  if (opened === null || 'ok' in opened) return opened;
  const { fd, size } = opened;
  try {
    if (size > MAX_MODEL_BYTES) return { ok: false, reason: 'too_large' };
    // One byte more than the limit: a file that grew since it was looked at is still refused.
    const buffer = readBuffer(Math.min(size, MAX_MODEL_BYTES) + 1);
    const read = readInto(fd, buffer);
    if (read > MAX_MODEL_BYTES) return { ok: false, reason: 'too_large' };
    const bytes = buffer.subarray(0, read);
    return validateModelText(buffer.toString('utf8', 0, read), read, nodeSha256, {
      bytes,
      sha256: nodeBytesSha256,
      first: true,
      utf8: isUtf8(bytes),
    });
  } catch (error) {
    return { ok: false, reason: 'unreadable', detail: unreadableDetail(error) };
  } finally {
    closeSync(fd);
  }
}
