import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { Sha256Hex } from '../../shared/model/checksum';
import {
  MAX_MODEL_BYTES,
  validateModelText,
  type ValidationResult,
} from '../../shared/model/validate';

/** Node's native sha256, for every check of a model in the main process, its threads and the CLI. */
export const nodeSha256: Sha256Hex = (text) => createHash('sha256').update(text).digest('hex');

/**
 * A model file on disk, checked: null when there is no such file; a file over the size limit is
 * refused by its size and never read.
 */
export function checkModelFile(file: string): ValidationResult | null {
  if (!existsSync(file)) return null;
  const size = statSync(file).size;
  if (size > MAX_MODEL_BYTES) return { ok: false, reason: 'too_large' };
  return validateModelText(readFileSync(file, 'utf8'), size, nodeSha256);
}
