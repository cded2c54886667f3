import { describe, expect, it } from 'vitest';
import {
  cardMeta,
  formatDateInput,
  formatPathwayDate,
  parseDanishDate,
  shorterPathwayDates,
} from './format';

describe('parseDanishDate', () => {
  it.each([
    ['3-2-2026', '2026-02-03'],
    ['03-02-2026', '2026-02-03'],
    ['03.02.2026', '2026-02-03'],
    ['03/02/2026', '2026-02-03'],
    ['3 2 2026', '2026-02-03'],
    ['03022026', '2026-02-03'],
    ['2026-02-03', '2026-02-03'],
    ['  29-02-2028 ', '2028-02-29'],
    ['02-2026', '2026-02'],
    ['2-2026', '2026-02'],
    ['022026', '2026-02'],
    ['2026-02', '2026-02'],
  ])('reads %s as %s', (text, iso) => {
    expect(parseDanishDate(text)).toEqual({ ok: true, value: iso });
  });

  it('reads nothing as not known', () => {
    expect(parseDanishDate('')).toEqual({ ok: true, value: null });
    expect(parseDanishDate('   ')).toEqual({ ok: true, value: null });
  });

  it.each(['31-02-2026', '29-02-2026', '13-2026', '00-01-2026', '1-1-1800', 'i går', '31022026'])(
    'refuses %s at once',
    (text) => {
      expect(parseDanishDate(text)).toEqual({ ok: false, complete: true });
    },
  );

  it.each(['3', '3-', '3-2', '3-2-20', '030220', '2026-02-0'])(
    'waits while %s is still being typed',
    (text) => {
      expect(parseDanishDate(text)).toEqual({ ok: false, complete: false });
    },
  );
});

describe('formatting', () => {
  it('writes a stored day or month the way it is typed', () => {
    expect(formatDateInput('2026-03-04')).toBe('04-03-2026');
    expect(formatDateInput('2026-03')).toBe('03-2026');
    expect(formatDateInput(null)).toBe('');
  });

  it('shows days as dd-mm-yyyy in both languages and months in words', () => {
    expect(formatPathwayDate('2026-03-14', 'da')).toBe('14-03-2026');
    expect(formatPathwayDate('2026-03-14', 'en')).toBe('14-03-2026');
    expect(formatPathwayDate('2026-03', 'da')).toBe('marts 2026');
    expect(formatPathwayDate('2026-03', 'en')).toBe('March 2026');
    expect(formatPathwayDate(null, 'da')).toBe('');
  });

  it('reads back what it writes', () => {
    for (const iso of ['2026-01-31', '1999-12', '2100-12-31'])
      expect(parseDanishDate(formatDateInput(iso))).toEqual({ ok: true, value: iso });
  });
});

describe('what a card says under its name', () => {
  const kind = { long: 'Besøg hos lægen', short: 'Lægebesøg' };
  /** A line of at most `n` characters fits. */
  const upTo = (n: number) => (line: string) => line.length <= n;

  it("shortens days and months in the app's language, not the system's", () => {
    expect(shorterPathwayDates('2026-02-03', 'da')).toEqual(['3. feb.']);
    expect(shorterPathwayDates('2026-09-28', 'en')).toEqual(['28 Sept']);
    expect(shorterPathwayDates('2026-03', 'da')).toEqual(['mar. 2026', 'mar.']);
    expect(shorterPathwayDates(null, 'da')).toEqual([]);
  });

  it('keeps the whole line where it fits', () => {
    const m = cardMeta('2026-02-03', kind, '× 3', 'da', upTo(100));
    expect(m).toEqual({
      shown: '03-02-2026 · Besøg hos lægen · × 3',
      full: '03-02-2026 · Besøg hos lægen · × 3',
    });
  });

  it('gives up the year first, then the long word, then the date, and keeps the whole line', () => {
    const at = (n: number) => cardMeta('2026-02-03', kind, '× 3', 'da', upTo(n)).shown;
    expect(at(33)).toBe('3. feb. · Besøg hos lægen · × 3');
    expect(at(30)).toBe('3. feb. · Lægebesøg · × 3');
    expect(at(20)).toBe('Lægebesøg · × 3');
    // Nothing fits: the shortest, for the card to cut.
    expect(at(5)).toBe('Lægebesøg · × 3');
    expect(cardMeta('2026-02-03', kind, '× 3', 'da', upTo(5)).full).toBe(
      '03-02-2026 · Besøg hos lægen · × 3',
    );
  });

  it('a month keeps its year as long as it can', () => {
    const at = (n: number) => cardMeta('2026-03', kind, '', 'da', upTo(n)).shown;
    expect(at(40)).toBe('marts 2026 · Besøg hos lægen');
    expect(at(27)).toBe('mar. 2026 · Besøg hos lægen');
    expect(at(22)).toBe('mar. · Besøg hos lægen');
    expect(at(21)).toBe('mar. 2026 · Lægebesøg');
    expect(at(16)).toBe('mar. · Lægebesøg');
  });

  it('a card with only a date, or nothing, says what it has', () => {
    const none = { long: '', short: '' };
    expect(cardMeta('2026-02-03', none, '', 'da', upTo(7)).shown).toBe('3. feb.');
    expect(cardMeta(null, none, '', 'da', upTo(7))).toEqual({ shown: '', full: '' });
    expect(cardMeta(null, kind, '', 'en', upTo(10)).shown).toBe('Lægebesøg');
  });
});
