import { z } from 'zod';

/**
 * Text as the database sees it. SQLite's `length()` — which the tables' CHECKs use — counts
 * characters (Unicode code points) and stops at the first NUL. zod 4's `.min()`/`.max()` count
 * code points too (an emoji is one, as in SQLite; the tests at the limits hold both to it), but
 * a NUL made `length()` see an empty name, so the CHECK failed and the write ended in `internal`.
 *
 * Control characters carry no meaning in anything a facilitator types and can hide text or break
 * what reads it later (exports, the CSV and XML writers, the terminal of the command line): C0
 * (U+0000–U+001F), DEL and C1 (U+007F–U+009F) are refused, with a validation error. Tab, line feed
 * and carriage return are allowed where the field is multi-line (quotes, notes, pain points); in a
 * one-line field (names, labels, places) they — with vertical tab and form feed — become a space
 * before the check, as typing or pasting a line break into a one-line box would suggest. A lone
 * UTF-16 surrogate is not text (SQLite would store U+FFFD instead) and is refused too.
 */

/** Control characters refused in every text; tab, LF and CR are left to the field's kind. */
// Matching control characters is the point of these two patterns.
/* eslint-disable no-control-regex */
const CONTROL_MULTI_LINE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const CONTROL_ONE_LINE = /[\u0000-\u001F\u007F-\u009F]/;
/* eslint-enable no-control-regex */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** What a one-line field turns into a space: tab, LF, VT, FF and CR. */
const LINE_BREAKS = /[\t\n\v\f\r]+/g;

/** Whether a text has a control character the field does not take. */
function hasControlCharacter(s: string, multiLine: boolean): boolean {
  return (multiLine ? CONTROL_MULTI_LINE : CONTROL_ONE_LINE).test(s);
}

/** A text, already normalised: its length in code points, no control characters, well formed. */
function checkedText(min: number, max: number, multiLine: boolean) {
  return z
    .string()
    .min(min)
    .max(max)
    .refine((s) => !hasControlCharacter(s, multiLine), {
      message: multiLine
        ? 'control characters (other than tab and line breaks) are not allowed'
        : 'control characters are not allowed',
    })
    .refine((s) => !LONE_SURROGATE.test(s), { message: 'ill-formed text (a lone surrogate)' });
}

export interface OneLineOptions {
  min?: number;
  max: number;
  /**
   * Collapse every run of whitespace to one space and trim the ends: for a name given once and
   * kept (an alias, a snapshot's name), so "  Anna " and "Anna" are the same to the eye and the
   * database. Left off for fields saved while they are typed (a label), where trimming would eat
   * the space just typed before the next word.
   */
  collapse?: boolean;
}

/** A one-line text: line breaks become spaces; no control characters; length in code points. */
export function oneLineText({ min = 0, max, collapse = false }: OneLineOptions) {
  return z
    .string()
    .transform((s) => (collapse ? s.replace(/\s+/g, ' ').trim() : s.replace(LINE_BREAKS, ' ')))
    .pipe(checkedText(min, max, false));
}

/** A multi-line text (tab and line breaks kept): no other control characters; code points. */
export function multiLineText({ max }: { max: number }) {
  return checkedText(0, max, true);
}

/**
 * Windows-1252, which the WHATWG Encoding Standard gives every browser and Node built with its
 * full ICU; made when first needed, and null where the runtime has no such decoder (then a C1
 * control simply goes). This module is loaded by every process: it must never fail to load.
 */
let windows1252: TextDecoder | null | undefined;
function windows1252Decoder(): TextDecoder | null {
  if (windows1252 === undefined) {
    try {
      windows1252 = new TextDecoder('windows-1252');
    } catch {
      windows1252 = null;
    }
  }
  return windows1252;
}
const C1 = /[\u0080-\u009F]/g;
/* eslint-disable no-control-regex */
/** C0 controls other than tab, line feed, vertical tab, form feed and carriage return; DEL. */
const OTHER_CONTROLS = /[\u0000-\u0008\u000E-\u001F\u007F]/g;
/* eslint-enable no-control-regex */
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');

/**
 * A C1 control in pasted text is almost always a character of Windows-1252 (Word's and old
 * systems' encoding) read as Latin-1: U+0092 was a typographic apostrophe, U+0085 an ellipsis,
 * U+0096 a dash. It becomes that character; the five bytes Windows-1252 leaves unassigned go.
 */
function fromC1(c: string): string {
  const meant = windows1252Decoder()?.decode(Uint8Array.of(c.charCodeAt(0))) ?? c;
  return meant === c ? '' : meant;
}

/**
 * What a person typed or pasted, as a text field keeps and saves it: text the checks above take,
 * so a paste never becomes an edit the database refuses (a refused edit would wait in the save
 * queue, holding back every edit after it). A vertical tab or form feed — Word's line break within
 * a paragraph, a page break — becomes a line break in a multi-line field and a space in a one-line
 * one; a C1 control the Windows-1252 character it stood for; any other control character goes; a
 * lone surrogate (half an emoji) becomes U+FFFD, as SQLite would store it. Text without any of
 * these is returned as it is, so typing is never rewritten under the cursor.
 */
export function typedText(text: string, multiLine: boolean): string {
  if (!CONTROL_ONE_LINE.test(text) && !LONE_SURROGATE.test(text)) return text;
  return text
    .replace(C1, fromC1)
    .replace(/[\v\f]/g, multiLine ? '\n' : ' ')
    .replace(OTHER_CONTROLS, '')
    .replace(LONE_SURROGATES, '\uFFFD');
}

/**
 * The characters that turn text around or break it where it is not seen: the marks, embeddings,
 * overrides and isolates of bidirectional text, and the line and paragraph separators.
 */
export const TURNS_TEXT = /[\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/;

/**
 * A name that came from outside (an imported file's name, a path, an id read from a file) as it is
 * shown or printed: characters that would break a line or steer a terminal (control characters,
 * line and paragraph separators) or turn the text around (the marks, embeddings, overrides and
 * isolates of bidirectional text: a right-to-left override shows «gulborgsund-model-03.json»
 * written backwards as another file's name) written as escapes, so what is shown is what is there.
 */
// Control characters, as escapes in a string (the point of the pattern), and those that turn text.
const UNSHOWN = new RegExp(`[\\u0000-\\u001f\\u007f-\\u009f]|${TURNS_TEXT.source}`, 'g');
export function shownName(name: string): string {
  return name.replace(UNSHOWN, (c) => {
    const hex = c.charCodeAt(0).toString(16).padStart(2, '0');
    return c.charCodeAt(0) > 0xff ? `\\u${hex.padStart(4, '0')}` : `\\x${hex}`;
  });
}
