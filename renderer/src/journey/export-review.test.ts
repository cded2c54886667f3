import { describe, expect, it } from 'vitest';
import {
  approvalCounts,
  keptWordsOf,
  masksAgree,
  segmentsOf,
  textOf,
  toggleWord,
  type ReviewMask,
  type ReviewText,
} from './export-review';

const original = 'Ole ringede fra 12345678 om Nakskov';
const masks: ReviewMask[] = [
  { kind: 'word', start: 28, end: 35, original: 'Nakskov', unmaskable: true },
  { kind: 'name', start: 0, end: 3, original: 'Ole', unmaskable: false },
  { kind: 'phone', start: 16, end: 24, original: '12345678', unmaskable: false },
];

const text = (allowed: boolean, approved: boolean): ReviewText => ({
  key: 'pain:x',
  kind: 'pain',
  original: 'x',
  scrubbed: 'x',
  masks: [],
  unmasked: [],
  allowed,
  approved,
});

/** The text as a sighted reader sees it. */
const read = (kept: string[]) => textOf(segmentsOf(original, masks, new Set(kept)));

describe('the text as it will be sent', () => {
  it('shows every mask as its token, in order, from the original and the offsets', () => {
    expect(read([])).toBe('[NAVN] ringede fra [TELEFON] om [ORD]');
  });

  it('shows a guess the facilitator kept as written, and nothing else', () => {
    expect(read(['Nakskov'])).toBe('[NAVN] ringede fra [TELEFON] om Nakskov');
  });

  it('never unmasks a mask that is not a guess, even if its word is chosen', () => {
    expect(read(['Ole', '12345678'])).toBe('[NAVN] ringede fra [TELEFON] om [ORD]');
  });

  it('skips a broken or overlapping span, and then says the masks do not agree with the file', () => {
    const broken: ReviewMask[] = [
      { kind: 'name', start: 0, end: 3, original: 'Ole', unmaskable: false },
      { kind: 'word', start: 1, end: 7, original: 'le rin', unmaskable: true },
      { kind: 'phone', start: 16, end: 99, original: '12345678', unmaskable: false },
    ];
    expect(textOf(segmentsOf(original, broken, new Set()))).toBe(
      '[NAVN] ringede fra 12345678 om Nakskov',
    );
    const item = { ...text(true, false), original, masks: broken };
    expect(masksAgree({ ...item, scrubbed: '[NAVN] ringede fra [TELEFON] om Nakskov' })).toBe(
      false,
    );
  });

  it('agree with the file as scrubbed, or as approved with its kept guesses', () => {
    const item = { ...text(true, false), original, masks };
    expect(masksAgree({ ...item, scrubbed: '[NAVN] ringede fra [TELEFON] om [ORD]' })).toBe(true);
    expect(
      masksAgree({
        ...item,
        approved: true,
        unmasked: ['Nakskov'],
        scrubbed: '[NAVN] ringede fra [TELEFON] om Nakskov',
      }),
    ).toBe(true);
  });
});

describe('the words sent with an approval', () => {
  it('are the chosen guesses, once each, in text order', () => {
    const twice: ReviewMask[] = [
      ...masks,
      { kind: 'word', start: 4, end: 11, original: 'ringede', unmaskable: true },
    ];
    expect(keptWordsOf(twice, ['Nakskov', 'ringede', 'Nakskov'])).toEqual(['ringede', 'Nakskov']);
  });

  it('drop a word that is no longer a guess in the text', () => {
    expect(keptWordsOf(masks, ['Ole', 'Nakskov', 'Maribo'])).toEqual(['Nakskov']);
  });

  it('toggle in and out', () => {
    expect(toggleWord(['a'], 'b')).toEqual(['a', 'b']);
    expect(toggleWord(['a', 'b'], 'a')).toEqual(['b']);
  });
});

describe('what is left to approve', () => {
  it('counts only texts the consent allows', () => {
    expect(
      approvalCounts([text(true, true), text(true, false), text(false, false), text(true, false)]),
    ).toEqual({ total: 3, left: 2 });
  });
});
