import { describe, expect, it } from 'vitest';
import {
  cardMetaTries,
  datedInOneYear,
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

  it("writes days and months in words, in the app's language, not the system's", () => {
    expect(shorterPathwayDates('2026-02-03', 'da', true)).toEqual(['3. feb.']);
    expect(shorterPathwayDates('2026-09-28', 'en', true)).toEqual(['28 Sept']);
    expect(shorterPathwayDates('2026-03', 'da', true)).toEqual(['marts']);
    expect(shorterPathwayDates(null, 'da', true)).toEqual([]);
  });

  it('keeps the year of a journey that spans years, which the ruler may not show', () => {
    expect(shorterPathwayDates('2026-02-03', 'da', false)).toEqual(['3. feb. 2026']);
    expect(shorterPathwayDates('2026-03', 'en', false)).toEqual(['Mar 2026']);
    expect(shorterPathwayDates('2026-03', 'da', false)).toEqual(['mar. 2026']);
    expect(cardMetaTries('2026-02-03', kind, '× 3', 'da', false)).toEqual({
      full: '03-02-2026 · Besøg hos lægen · × 3',
      tries: [
        '3. feb. 2026 · Besøg hos lægen · × 3',
        '3. feb. 2026 · Lægebesøg · × 3',
        'Lægebesøg · × 3',
      ],
    });
  });

  it('never shows a day in numbers on one card and in words on the next', () => {
    // Whatever room a card has, each of its tries writes the day as every other card does.
    for (const oneYear of [true, false]) {
      const { tries } = cardMetaTries('2026-02-03', kind, '× 3', 'da', oneYear);
      expect(tries.filter((x) => /\d{2}-\d{2}-\d{4}/.test(x))).toEqual([]);
      const day = oneYear ? '3. feb.' : '3. feb. 2026';
      expect(tries.filter((x) => /feb/.test(x)).every((x) => x.startsWith(`${day} ·`))).toBe(true);
      // A month too: one form, whatever room the card has.
      const months = cardMetaTries('2026-03', kind, '', 'da', oneYear).tries;
      expect(new Set(months.filter((x) => /mar/.test(x)).map((x) => x.split(' · ')[0])).size).toBe(
        1,
      );
    }
  });

  it('gives up the long word (each date again), then the date', () => {
    expect(cardMetaTries('2026-02-03', kind, '× 3', 'da', true)).toEqual({
      full: '03-02-2026 · Besøg hos lægen · × 3',
      tries: ['3. feb. · Besøg hos lægen · × 3', '3. feb. · Lægebesøg · × 3', 'Lægebesøg · × 3'],
    });
    expect(cardMetaTries('2026-03', kind, '', 'da', true)).toEqual({
      full: 'marts 2026 · Besøg hos lægen',
      tries: ['marts · Besøg hos lægen', 'marts · Lægebesøg', 'Lægebesøg'],
    });
  });

  it('a card with only a date, a kind with no shorter word, or nothing, says what it has', () => {
    const none = { long: '', short: '' };
    expect(cardMetaTries('2026-02-03', none, '', 'da', true)).toEqual({
      full: '03-02-2026',
      tries: ['3. feb.'],
    });
    expect(cardMetaTries(null, { long: 'Møde', short: 'Møde' }, '', 'da', true)).toEqual({
      full: 'Møde',
      tries: ['Møde'],
    });
    expect(cardMetaTries(null, none, '', 'da', true)).toEqual({ full: '', tries: [] });
  });

  it('knows when every dated card is in one year', () => {
    expect(datedInOneYear(['2026-01-05', null, '2026-12', '2026-03-01'])).toBe(true);
    expect(datedInOneYear(['2025-12-30', '2026-01-02'])).toBe(false);
    expect(datedInOneYear([null, null])).toBe(true);
  });
});
