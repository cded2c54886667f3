/**
 * JSON from outside, read as hostile before and while it is parsed: its depth and number of
 * objects and arrays counted without parsing, and keys that could reach a prototype found after.
 * No dependencies, so the window may import what imports this (the compiled model validator in
 * validate.ts may not be).
 */

export const FORBIDDEN_KEYS = ['__proto__', 'constructor', 'prototype'];
const FORBIDDEN_HINT = /__proto__|constructor|prototype|\\u/;

/**
 * Where the JSON string opening at `start` (a quote) closes: the next quote not escaped by an odd
 * run of backslashes; -1 when it never does.
 */
export function stringEnd(text: string, start: number): number {
  for (let end = start; ;) {
    end = text.indexOf('"', end + 1);
    if (end < 0) return -1;
    let slashes = 0;
    while (text.charCodeAt(end - 1 - slashes) === 92) slashes++;
    if (slashes % 2 === 0) return end;
  }
}

/**
 * Nesting depth, number of containers (objects and arrays) and of values (one more than the
 * commas between them, per container) of JSON text, counted without parsing (strings are
 * skipped); stops once deeper than `limit`.
 */
export function jsonShape(
  text: string,
  limit = Infinity,
): { depth: number; containers: number; values: number } {
  let depth = 0;
  let max = 0;
  let containers = 0;
  let commas = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      const end = stringEnd(text, i);
      // Unterminated: the parser will refuse it.
      if (end < 0) return { depth: max, containers, values: containers + commas };
      i = end;
    } else if (c === 44) commas++;
    else if (c === 123 || c === 91) {
      containers++;
      depth++;
      if (depth > max) max = depth;
      if (max > limit) break;
    } else if (c === 125 || c === 93) depth--;
  }
  return { depth: max, containers, values: containers + commas };
}

/** Nesting depth of JSON text, counted without parsing (strings are skipped). */
export function jsonDepth(text: string, limit = Infinity): number {
  return jsonShape(text, limit).depth;
}

/**
 * JSON from a file that is not a model (a moved journey, a snapshot inside one, a price list),
 * parsed as hostile input: refused without parsing when it nests deeper than `depth`, or holds
 * more objects and arrays, or more values, than its limits allow for its length (counted in one
 * pass that skips strings, about half a parse); and after parsing when it has a key that could
 * reach a prototype. The counts keep a refusal cheap: 128 MB of `[],[],…` (a 130 kB file,
 * compressed) cost a parser with a reviver 18 minutes and 5 GB, and 128 MB of `1,1,…` an array of
 * 64 million numbers (1.5 GB).
 */
export function parseUntrustedJson(
  text: string,
  limits: {
    depth: number;
    containers: (chars: number) => number;
    values: (chars: number) => number;
  },
):
  | { ok: true; data: unknown }
  | { ok: false; why: 'too_deep' | 'too_many' | 'not_json' | 'forbidden_key' } {
  const shape = jsonShape(text, limits.depth);
  if (shape.depth > limits.depth) return { ok: false, why: 'too_deep' };
  if (
    shape.containers > limits.containers(text.length) ||
    shape.values > limits.values(text.length)
  ) {
    return { ok: false, why: 'too_many' };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, why: 'not_json' };
  }
  if (forbiddenKeyIn(text, data)) return { ok: false, why: 'forbidden_key' };
  return { ok: true, data };
}

/**
 * The first key in parsed JSON that no data file needs and that code copying it could take for
 * an object's prototype (`__proto__`, `constructor`, `prototype`), spelt plainly or with escapes;
 * undefined when there is none. The text is searched first (natively), so a file without the
 * words costs no walk.
 */
export function forbiddenKeyIn(text: string, data: unknown): string | undefined {
  return FORBIDDEN_HINT.test(text) ? forbiddenKey(data) : undefined;
}

/** The first forbidden own key in parsed JSON no deeper than MAX_DEPTH. */
function forbiddenKey(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  if (!Array.isArray(value)) {
    for (const key of FORBIDDEN_KEYS) if (Object.hasOwn(value, key)) return key;
  }
  for (const v of Object.values(value)) {
    const key = forbiddenKey(v);
    if (key) return key;
  }
  return undefined;
}
