import type { OutputOf } from '../../../shared/ipc/contract';
import { MASK_TOKEN } from '../../../shared/model/mask-token';

/*
 * Pure pieces of the export review: how a text will read once sent, given the words the
 * facilitator chose to leave as written, and how many texts are still to approve. Kept apart from
 * the components so they are unit-tested without a browser.
 */

export type ReviewText = OutputOf<'export:preview'>['texts'][number];
export type ReviewMask = ReviewText['masks'][number];

export type Segment =
  | { type: 'text'; text: string }
  /** A masked span: `kept` when it is a guess the facilitator chose to leave as written. */
  | { type: 'mask'; mask: ReviewMask; token: string; kept: boolean };

/**
 * The text as it will be sent, in pieces: plain text from `original` between the masks, and each
 * mask with the token the file will carry. Offsets are into `original`; a mask that overlaps one
 * already placed is skipped (the scrubber should not produce them, but a broken span must never
 * show the original word).
 */
export function segmentsOf(
  original: string,
  masks: readonly ReviewMask[],
  kept: ReadonlySet<string>,
): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const mask of [...masks].sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (mask.start < at || mask.end <= mask.start || mask.end > original.length) continue;
    if (mask.start > at) out.push({ type: 'text', text: original.slice(at, mask.start) });
    out.push({
      type: 'mask',
      mask,
      token: MASK_TOKEN[mask.kind],
      kept: mask.unmaskable && kept.has(mask.original),
    });
    at = mask.end;
  }
  if (at < original.length) out.push({ type: 'text', text: original.slice(at) });
  return out;
}

/** The segments as one string, as they read on screen and in the file. */
export function textOf(segments: readonly Segment[]): string {
  return segments
    .map((s) => (s.type === 'text' ? s.text : s.kept ? s.mask.original : s.token))
    .join('');
}

/**
 * Whether the masks rebuild the scrubbed text the file will carry (with no guess kept, or with
 * the ones approved). If they do not, the screen must not show its own reconstruction: it shows
 * the scrubbed text as it is, so what is read is always what is sent.
 */
export function masksAgree(item: ReviewText): boolean {
  const as = (kept: readonly string[]) =>
    textOf(segmentsOf(item.original, item.masks, new Set(kept)));
  return as([]) === item.scrubbed || as(item.unmasked) === item.scrubbed;
}

/**
 * The words to send with an approval: the originals of the guesses the facilitator chose to
 * keep, each once, in the order they appear. A word that is not (or no longer) a guess in this
 * text is dropped, so a stale choice can never unmask a name, a number or an address.
 */
export function keptWordsOf(masks: readonly ReviewMask[], chosen: readonly string[]): string[] {
  const wanted = new Set(chosen);
  const out: string[] = [];
  for (const m of [...masks].sort((a, b) => a.start - b.start)) {
    if (m.unmaskable && wanted.has(m.original) && !out.includes(m.original)) out.push(m.original);
  }
  return out;
}

/** Adds a word to the chosen words, or takes it away if it is there. */
export function toggleWord(words: readonly string[], word: string): string[] {
  return words.includes(word) ? words.filter((w) => w !== word) : [...words, word];
}

/** Texts that may go (the citizen's consent allows them) and how many of those are not approved. */
export function approvalCounts(texts: readonly ReviewText[]): { total: number; left: number } {
  const allowed = texts.filter((x) => x.allowed);
  return { total: allowed.length, left: allowed.filter((x) => !x.approved).length };
}
