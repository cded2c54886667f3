import { verifyChecksum } from './anonymise';
import type { Sha256Hex } from './checksum';
import {
  MODEL_FORMAT,
  MODEL_SCHEMA_VERSION,
  pathwayModelSchema,
  type PathwayModel,
} from './pathway-model';

/** Files larger than this are refused before parsing (a model of 10,000 touchpoints is ~5 MB). */
export const MAX_MODEL_BYTES = 20 * 1024 * 1024;
/** The model nests 6 levels; anything much deeper is not a model. */
export const MAX_DEPTH = 32;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const FORBIDDEN_HINT = /__proto__|constructor|prototype|\\u/;

export type ValidationResult =
  { ok: true; model: PathwayModel } | { ok: false; reason: ValidationReason; detail?: string };

export const VALIDATION_REASONS = [
  'empty',
  'too_large',
  'too_deep',
  'not_json',
  'forbidden_key',
  'not_a_model',
  'unsupported_version',
  'invalid',
  'checksum',
] as const;
export type ValidationReason = (typeof VALIDATION_REASONS)[number];
/** Why an import refuses a file: its content, or that it could not be read at all. */
export const IMPORT_REASONS = [...VALIDATION_REASONS, 'unreadable', 'not_json_file'] as const;
export type ImportReason = (typeof IMPORT_REASONS)[number];

/** Nesting depth of JSON text, counted without parsing (strings are skipped). */
export function jsonDepth(text: string, limit = Infinity): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      // A string: jump to its closing quote, one not escaped by an odd run of backslashes.
      let end = i;
      for (;;) {
        end = text.indexOf('"', end + 1);
        if (end < 0) return max; // unterminated: the parser will refuse it
        let slashes = 0;
        while (text.charCodeAt(end - 1 - slashes) === 92) slashes++;
        if (slashes % 2 === 0) break;
      }
      i = end;
    } else if (c === 123 || c === 91) {
      depth++;
      if (depth > max) max = depth;
      if (max > limit) return max;
    } else if (c === 125 || c === 93) depth--;
  }
  return max;
}

/**
 * Checks an untrusted model file: size and depth before parsing, forbidden keys during parsing,
 * then format, version, strict schema and checksum. Never throws.
 */
export function validateModelText(
  text: string,
  byteLength = text.length,
  hash?: Sha256Hex,
): ValidationResult {
  if (byteLength === 0 || text.trim() === '') return { ok: false, reason: 'empty' };
  if (byteLength > MAX_MODEL_BYTES) return { ok: false, reason: 'too_large' };
  if (jsonDepth(text, MAX_DEPTH) > MAX_DEPTH) return { ok: false, reason: 'too_deep' };
  let forbidden: string | undefined;
  let data: unknown;
  try {
    // A reviver sees every key but makes parsing several times slower. A key can only be
    // forbidden if its name, or an escape that could spell it, is in the text at all.
    data = FORBIDDEN_HINT.test(text)
      ? JSON.parse(text, (key, value: unknown) => {
          if (FORBIDDEN_KEYS.has(key)) forbidden = key;
          return value;
        })
      : JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      reason: 'not_json',
      detail: error instanceof Error ? error.message : undefined,
    };
  }
  if (forbidden) return { ok: false, reason: 'forbidden_key', detail: forbidden };
  if (
    typeof data !== 'object' ||
    data === null ||
    (data as { format?: unknown }).format !== MODEL_FORMAT
  ) {
    return { ok: false, reason: 'not_a_model' };
  }
  const version = (data as { schemaVersion?: unknown }).schemaVersion;
  if (typeof version !== 'string' || version.split('.')[0] !== MODEL_SCHEMA_VERSION.split('.')[0]) {
    return { ok: false, reason: 'unsupported_version', detail: String(version) };
  }
  const parsed = pathwayModelSchema.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return {
      ok: false,
      reason: 'invalid',
      detail: first ? `${first.path.join('.') || '(root)'}: ${first.message}` : undefined,
    };
  }
  if (!verifyChecksum(parsed.data, hash)) return { ok: false, reason: 'checksum' };
  return { ok: true, model: parsed.data };
}
