import { describe, expect, it } from 'vitest';
import { formatDateInput, formatPathwayDate, parseDanishDate } from './format';

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
