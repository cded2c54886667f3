import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The invented notes of tests/fixtures/identifier-corpus.json, and a leak matcher that does not
 * care how the scrubber works: an identifier leaks when its value can still be read in an exported
 * file, whatever the case, Unicode form, escaping or digit grouping.
 */

export const IDENTIFIER_KINDS = ['cpr', 'phone', 'email', 'address', 'postcode', 'name'] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];
export interface Identifier {
  kind: IdentifierKind;
  /** The exact substring of the note's text (NFD forms are kept as written). */
  value: string;
}
export interface CorpusNote {
  profile: { realName: string; alias: string; relativesNames: string[] };
  kind: 'quote' | 'pain' | 'idea';
  text: string;
  /** Empty for an ordinary sentence with nothing to mask. */
  identifiers: Identifier[];
}

export function loadIdentifierCorpus(): CorpusNote[] {
  const file = fileURLToPath(new URL('../fixtures/identifier-corpus.json', import.meta.url));
  return (JSON.parse(readFileSync(file, 'utf8')) as { notes: CorpusNote[] }).notes;
}

/** NFC, lower case, every kind of white space (no-break space too) as one plain space. */
export const fold = (s: string) => s.normalize('NFC').toLowerCase().replace(/\s+/gu, ' ');

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const WORD = '[\\p{L}\\p{M}\\p{N}]';
/** `needle` (already folded) in `hay` (already folded), not as part of a longer word or number. */
function containsWord(hay: string, needle: string): boolean {
  if (needle === '') return false;
  const before = /^[\p{L}\p{M}\p{N}]/u.test(needle) ? `(?<!${WORD})` : '';
  const after = /[\p{L}\p{M}\p{N}]$/u.test(needle) ? `(?!${WORD})` : '';
  return new RegExp(`${before}${escapeRe(needle)}${after}`, 'u').test(hay);
}
/** Separators inside numbers removed: "20 30-40.50" and "(+45) 20304050" read as digits only. */
const joinDigits = (s: string) => s.replace(/(?<=\d)[\s\p{Pd}./()+]+(?=\d)/gu, '');

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
export function xmlUnescape(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, e: string) =>
    e[0] === '#'
      ? String.fromCodePoint(
          e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10),
        )
      : (XML_ENTITIES[e.toLowerCase()] ?? m),
  );
}
function jsonStrings(v: unknown, out: string[]): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) for (const x of v) jsonStrings(x, out);
  else if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) {
      out.push(k);
      jsonStrings(x, out);
    }
  return out;
}

/** One exported file, read every way a person or a tool could read it, folded and digit-joined. */
export interface FileView {
  name: string;
  texts: string[];
  digits: string[];
}
/** Ids and checksums the export generates itself: random hex, never from a note. */
const GENERATED =
  /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b|sha256:[0-9a-f]{64}/gi;

export function viewOf(name: string, content: string): FileView {
  const readings = [content];
  if (/\.json$/i.test(name)) {
    try {
      readings.push(jsonStrings(JSON.parse(content), []).join('\n'));
    } catch {
      // Not JSON after all: the raw text is still searched.
    }
  }
  if (/\.(xes|xml)$/i.test(name)) readings.push(xmlUnescape(content));
  if (/\.csv$/i.test(name)) readings.push(content.replace(/""/g, '"'));
  const texts = readings.map((r) => fold(r.replace(GENERATED, ' ')));
  return { name, texts, digits: texts.map(joinDigits) };
}

/** The readings of an identifier that must not survive (folded). */
export function needles(id: Identifier): { words: string[]; digits: string[] } {
  const v = fold(id.value);
  const words = [v];
  const digits: string[] = [];
  const allDigits = v.replace(/\D/g, '');
  switch (id.kind) {
    case 'cpr':
      digits.push(allDigits);
      break;
    case 'phone':
      // The national number, whatever prefix (+45, 0045) it was written with.
      digits.push(allDigits.slice(-8));
      break;
    case 'email': {
      const at = v.indexOf('@');
      if (at > 0) words.push(v.slice(0, at + 1));
      break;
    }
    case 'address': {
      // Street and house number, even if the floor and side were masked.
      const core = /^\D*?\d+[\p{L}]?(?![\p{L}\d])/u.exec(v)?.[0];
      if (core && core !== v) words.push(core);
      break;
    }
    case 'postcode': {
      // The four-digit postcode on its own identifies a small town here.
      const code = /\d{4}/.exec(v)?.[0];
      if (code) words.push(code);
      break;
    }
    case 'name':
      // "Jens'" also leaks as "Jens".
      if (v.endsWith("'") || v.endsWith('’')) words.push(v.slice(0, -1));
      break;
  }
  return { words, digits: digits.filter((d) => d.length >= 8) };
}

/** The name of the first file in which `id` can still be read, or null. */
export function leakIn(id: Identifier, files: readonly FileView[]): string | null {
  const { words, digits } = needles(id);
  for (const f of files) {
    if (f.texts.some((t) => words.some((w) => containsWord(t, w)))) return f.name;
    if (f.digits.some((t) => digits.some((d) => t.includes(d)))) return f.name;
  }
  return null;
}

/** Words of `original` that are missing from `exported` (a multiset difference, case-sensitive). */
export function maskedWords(original: string, exported: string): string[] {
  const words = (s: string) => s.normalize('NFC').match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
  const left = new Map<string, number>();
  for (const w of words(exported)) left.set(w, (left.get(w) ?? 0) + 1);
  return words(original).filter((w) => {
    const n = left.get(w) ?? 0;
    if (n > 0) left.set(w, n - 1);
    return n === 0;
  });
}
