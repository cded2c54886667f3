/**
 * How an imported model is kept in the program workspace: its canonical JSON (what the checks
 * accepted), compressed with deflate before SQLite writes it — and so before it is encrypted.
 *
 * Model JSON repeats its keys and vocabulary on every touchpoint, and shrinks about nine times.
 * Every page SQLCipher reads or writes is decrypted or encrypted and authenticated (HMAC-SHA512),
 * which costs far more per byte than inflating: measured here, reading 15,000 models (480 MB of
 * JSON) took 3.7 s as text and 0.4 s as deflate, plus 1 s to inflate. The import writes and
 * flushes a ninth of the bytes, and the workspace file and its backups are a ninth the size.
 *
 * zlib's format (not raw deflate) so a damaged row fails its Adler-32 check instead of giving
 * other text; level 1, as it is written in the import's checking threads beside the checks
 * (level 6 made it 2.3 times as slow for a 1.25 times smaller row).
 */
import { deflateSync, inflateSync } from 'node:zlib';
import { MAX_MODEL_BYTES } from '../../shared/model/limits';

export function packContent(json: string): Uint8Array {
  return deflateSync(Buffer.from(json, 'utf8'), { level: 1 });
}

/**
 * What a stored model may inflate to: its canonical JSON is never much longer than the file it
 * was checked from (at most MAX_MODEL_BYTES); a row that would inflate further is damaged.
 */
const MAX_CONTENT_BYTES = 2 * MAX_MODEL_BYTES;

export function unpackContent(content: Uint8Array): string {
  return inflateSync(content, { maxOutputLength: MAX_CONTENT_BYTES }).toString('utf8');
}
