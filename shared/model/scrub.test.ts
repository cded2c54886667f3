import { describe, expect, it } from 'vitest';
import { scrubText } from './scrub';

describe('scrubbing Danish free text', () => {
  it.each([
    ['010190-1234', 'cpr'],
    ['0101901234', 'cpr'],
    ['311299 4567', 'cpr'],
    ['070811-0000', 'cpr'], // fails modulus 11, still masked
    ['12 34 56 78', 'phone'],
    ['12345678', 'phone'],
    ['+45 12 34 56 78', 'phone'],
    ['+4512345678', 'phone'],
    ['0045 1234 5678', 'phone'],
    ['karen.h@example.dk', 'email'],
    ['Østergade 12', 'address'],
    ['Nørre Boulevard 3B, 2. th.', 'address'],
    ['4800 Nykøbing F', 'postcode'],
  ])('masks %s as %s', (value, kind) => {
    const r = scrubText(`Hun sagde ${value} i går.`);
    expect(r.text).not.toContain(value);
    expect(r.masks.map((m) => m.kind)).toContain(kind);
  });

  it('masks the profile names in any case and with a genitive', () => {
    const r = scrubText('karen var glad. Karens datter Mette ringede, og KAREN svarede.', [
      'Karen Hansen',
      'Mette',
    ]);
    expect(r.text).toBe('[NAVN] var glad. [NAVN] datter [NAVN] ringede, og [NAVN] svarede.');
  });

  it('masks capitalised words that look like names, but not sentence starts or known words', () => {
    const r = scrubText('Efter mødet ringede Birgitte fra Nakskov. Hun var sød. Lægen sagde KOL.');
    expect(r.text).toBe('Efter mødet ringede [NAVN] fra [NAVN]. Hun var sød. Lægen sagde KOL.');
  });

  it('leaves ordinary text and years alone', () => {
    const text = 'Jeg ventede 3 uger i 2024 og fik 2 piller om dagen.';
    expect(scrubText(text)).toEqual({ text, masks: [] });
  });
});
