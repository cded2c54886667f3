/**
 * The limits and refusal reasons of a model import, apart from the validator itself: the window
 * and the IPC contract need these, and must never pull in the compiled validator (it generates
 * code with `new Function`, which the renderer's Content-Security-Policy forbids).
 */

/** Files larger than this are refused before parsing (a model of 10,000 touchpoints is ~5 MB). */
export const MAX_MODEL_BYTES = 20 * 1024 * 1024;
/** The model nests 6 levels; anything much deeper is not a model. */
export const MAX_DEPTH = 32;

export const VALIDATION_REASONS = [
  'empty',
  'too_large',
  'too_deep',
  'not_utf8',
  'not_json',
  'forbidden_key',
  'duplicate_key',
  'not_a_model',
  'unsupported_version',
  'invalid',
  'broken_refs',
  'checksum',
] as const;
export type ValidationReason = (typeof VALIDATION_REASONS)[number];
/** Why an import refuses a file: its content, or that it could not be read at all. */
export const IMPORT_REASONS = [
  ...VALIDATION_REASONS,
  'unreadable',
  'not_json_file',
  'event_log_file',
] as const;
export type ImportReason = (typeof IMPORT_REASONS)[number];
