/**
 * How an imported model is kept in the program workspace: its canonical JSON (what the checks
 * accepted), compressed before SQLite writes it — and so before it is encrypted (compression.ts).
 *
 * Model JSON repeats its keys and vocabulary on every touchpoint, and shrinks about ten times.
 * Every page SQLCipher reads or writes is decrypted or encrypted and authenticated (HMAC-SHA512),
 * which costs far more per byte than decompressing: measured here when models were first stored
 * compressed (with deflate), reading 15,000 models (480 MB of JSON) took 3.7 s as text and 0.4 s
 * compressed, plus 1 s to inflate them. The import writes and flushes about a tenth of the bytes,
 * and the workspace file and its backups are about a tenth the size.
 * It is compressed in the import's checking threads, beside the checks.
 */
import { MAX_MODEL_BYTES } from '../../shared/model/limits';
import { compress, decompress } from './compression';

export function packContent(json: string): Uint8Array {
  return compress(Buffer.from(json, 'utf8'));
}

/**
 * What a stored model may decompress to: its canonical JSON is never much longer than the file it
 * was checked from (at most MAX_MODEL_BYTES); a row that would decompress further is damaged.
 */
const MAX_CONTENT_BYTES = 2 * MAX_MODEL_BYTES;

export function unpackContent(content: Uint8Array): string {
  return decompress(content, MAX_CONTENT_BYTES).toString('utf8');
}
