import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { multiLineText, oneLineText, typedText } from './text';

describe('typedText: what a field keeps of what was typed or pasted', () => {
  it("turns Word's line breaks into line breaks, or spaces on one line", () => {
    expect(typedText('Ole Hansen\u000bMette', true)).toBe('Ole Hansen\nMette');
    expect(typedText('side 1\u000cside 2', true)).toBe('side 1\nside 2');
    expect(typedText('Ole Hansen\u000bMette', false)).toBe('Ole Hansen Mette');
  });

  it('reads a C1 control as the Windows-1252 character it stood for', () => {
    expect(typedText('Det gik \u0093fint\u0094 \u0096 sagde hun\u0085', true)).toBe(
      'Det gik “fint” – sagde hun…',
    );
    expect(typedText('Karens\u0092 datter, 20 \u0080', false)).toBe('Karens’ datter, 20 €');
    // The five bytes Windows-1252 leaves unassigned go.
    expect(typedText('a\u0081b\u008dc\u008fd\u0090e\u009df', true)).toBe('abcdef');
  });

  it('drops other control characters and keeps tab and line breaks where they belong', () => {
    expect(typedText('a\u0000b\u0007c\u001bd\u007fe', true)).toBe('abcde');
    expect(typedText('linje 1\r\nlinje 2\tmed tab', true)).toBe('linje 1\r\nlinje 2\tmed tab');
  });

  it('replaces half an emoji, keeps whole ones and Danish letters', () => {
    expect(typedText('glad \uD83D', true)).toBe('glad \uFFFD');
    expect(typedText('\uDE00 x', false)).toBe('\uFFFD x');
    expect(typedText('Søren 😀 på Ærø', false)).toBe('Søren 😀 på Ærø');
  });

  it('returns text that needs nothing as the very same string', () => {
    const s = 'Helt almindelig tekst, æøå – “citat”.';
    expect(typedText(s, true)).toBe(s);
  });

  it('always gives text the checks take, for any string', () => {
    const multi = multiLineText({ max: 10_000 });
    const one = oneLineText({ max: 10_000 });
    const collapsed = oneLineText({ max: 10_000, collapse: true });
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        expect(multi.safeParse(typedText(s, true)).success).toBe(true);
        expect(one.safeParse(typedText(s, false)).success).toBe(true);
        expect(collapsed.safeParse(typedText(s, false)).success).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
