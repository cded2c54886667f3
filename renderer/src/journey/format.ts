import { isValidPathwayDate } from '../../../shared/domain/journey';

/*
 * Dates at the table are Danish dates, whatever the operating system's locale says: a day is
 * typed and shown in fields dd-mm-åååå ("14-03-2026"), a month mm-åååå ("03-2026") or in words
 * ("marts 2026"); on a card, in words ("14. mar."). The English UI writes them the same way, so a
 * printed map and the screen never disagree. Stored values stay the domain's ISO day `2026-03-14`
 * or month `2026-03`.
 */

const pad = (n: number) => String(n).padStart(2, '0');

/** A stored day or month as typed in the date field: "14-03-2026" or "03-2026"; '' if unknown. */
export function formatDateInput(date: string | null): string {
  if (!date) return '';
  const [y, m, d] = date.split('-');
  return d === undefined ? `${m}-${y}` : `${d}-${m}-${y}`;
}

/** Shows a pathway date as the precision it has: "14-03-2026", or "marts 2026" for a month. */
export function formatPathwayDate(date: string | null, language: string): string {
  if (!date) return '';
  const [y, m, d] = date.split('-');
  if (d !== undefined) return `${d}-${m}-${y}`;
  return formatMonth(Number(y), Number(m), language);
}

/** Date formatters by language and form: a formatter is costly, and a map has hundreds of cards. */
const FORMATTERS = new Map<string, Intl.DateTimeFormat>();
function formatted(
  language: string,
  form: 'dayMonth' | 'dayMonthYear' | 'monthName' | 'monthYear',
  at: Date,
): string {
  const key = `${language}:${form}`;
  let f = FORMATTERS.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions =
      form === 'dayMonth'
        ? { day: 'numeric', month: 'short' }
        : form === 'dayMonthYear'
          ? { day: 'numeric', month: 'short', year: 'numeric' }
          : form === 'monthName'
            ? { month: 'long' }
            : { month: 'short', year: 'numeric' };
    f = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'da-DK', {
      ...options,
      timeZone: 'UTC',
    });
    FORMATTERS.set(key, f);
  }
  return f.format(at);
}

/**
 * A pathway date as a card writes it, in words, in one form for every card of a map: a day as
 * "3. feb. 2026" ("3 Feb 2026") and a month as "mar. 2026" ("Mar 2026"); where every dated card
 * of the journey is in one year (`oneYear`), so no card's year can be mistaken, a day as
 * "3. feb." ("3 Feb") and a month by its whole name, "marts" ("March"). Chosen card by card from
 * the numbers and the words, or from longer and shorter words, a map read "05-01-2026" on one card
 * and "3. feb." on the next. The card's tooltip, its accessible name and the panel keep the date
 * as it is typed.
 */
export function shorterPathwayDates(
  date: string | null,
  language: string,
  oneYear: boolean,
): string[] {
  if (!date) return [];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number | undefined];
  const at = new Date(Date.UTC(y, m - 1, d ?? 1));
  if (d !== undefined) return [formatted(language, oneYear ? 'dayMonth' : 'dayMonthYear', at)];
  return [formatted(language, oneYear ? 'monthName' : 'monthYear', at)];
}

/**
 * What a card says under its name — date, kind of contact, how many times: `full`, the whole line
 * with the date as typed, for the tooltip and screen readers; and `tries`, longest first, each
 * giving up a little more: the date in words, shorter (`shorterPathwayDates`); then a shorter
 * word for the kind ("Lægebesøg" for "Besøg hos lægen") with each date again; the kind and the
 * count without the date, which the card's place under the time ruler still tells. The card shows
 * the first try it has room for, or the last, cut short.
 */
export function cardMetaTries(
  date: string | null,
  kind: { long: string; short: string },
  times: string,
  language: string,
  oneYear: boolean,
): { full: string; tries: string[] } {
  const line = (...parts: string[]) => parts.filter(Boolean).join(' · ');
  const dates = shorterPathwayDates(date, language, oneYear);
  const tries = [
    ...dates.map((d) => line(d, kind.long, times)),
    ...dates.map((d) => line(d, kind.short, times)),
    line(kind.short, times),
  ].filter(Boolean);
  return {
    full: line(formatPathwayDate(date, language), kind.long, times),
    // The same line twice (a kind with no shorter word) is one try.
    tries: tries.filter((x, i) => tries.indexOf(x) === i),
  };
}

/** Whether every dated touchpoint is in one calendar year (or none is dated). */
export function datedInOneYear(dates: Iterable<string | null>): boolean {
  let year: string | null = null;
  for (const date of dates) {
    if (!date) continue;
    const y = date.slice(0, 4);
    if (year === null) year = y;
    else if (y !== year) return false;
  }
  return true;
}

/** "marts 2026" / "March 2026": the locale is named, never taken from the operating system. */
function formatMonth(year: number, month: number, language: string): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'da-DK', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year, month - 1, 1)));
}

export type ParsedDate =
  /** A date the domain can store; null is "not known". */
  | { ok: true; value: string | null }
  /**
   * Not a date. `complete` is true when the text has the whole shape of a date (a four-digit
   * year) but is not a real one, e.g. 31-02-2026: then the field says so at once; otherwise the
   * person may still be typing, and the field waits until they leave it.
   */
  | { ok: false; complete: boolean };

const SEPARATED = /^(\d{1,4})[-./ ](\d{1,4})(?:[-./ ](\d{1,4}))?$/;

/**
 * Reads a date as people write it in Denmark: 3-2-2026, 03.02.2026, 03/02/2026, 03022026, the
 * ISO 2026-02-03, a month 02-2026 / 2-2026 / 022026 / 2026-02, or nothing (not known).
 */
export function parseDanishDate(text: string): ParsedDate {
  const s = text.trim();
  if (s === '') return { ok: true, value: null };
  let parts: { year: string; month: string; day?: string };
  // Whether the text is finished when it is not a date (see ParsedDate).
  let complete: boolean;
  if (/^\d+$/.test(s)) {
    // Digits only, as a numeric keypad gives them: ddmmåååå or mmåååå.
    if (s.length === 8) parts = { day: s.slice(0, 2), month: s.slice(2, 4), year: s.slice(4) };
    else if (s.length === 6) parts = { month: s.slice(0, 2), year: s.slice(2) };
    else return { ok: false, complete: s.length > 8 };
    complete = s.length === 8;
  } else {
    const m = SEPARATED.exec(s);
    // "3-" or "3-2-" may still become a date; letters or a fourth part never will.
    if (!m) return { ok: false, complete: !/^\d{1,4}(?:[-./ ]\d{0,4}){0,2}$/.test(s) };
    const [a, b, c] = [m[1]!, m[2]!, m[3]];
    if (a.length === 4) {
      // Year first, as ISO writes it: 2026-02-03 or 2026-02.
      parts = { year: a, month: b, ...(c === undefined ? {} : { day: c }) };
      complete = c === undefined ? b.length === 2 : c.length === 2;
    } else if (c === undefined) {
      parts = { month: a, year: b };
      complete = b.length === 4;
    } else {
      parts = { day: a, month: b, year: c };
      complete = c.length === 4;
    }
  }
  const { year, month, day } = parts;
  if (year.length !== 4 || month.length > 2 || (day !== undefined && day.length > 2))
    return { ok: false, complete };
  const iso = `${year}-${pad(Number(month))}${day === undefined ? '' : `-${pad(Number(day))}`}`;
  return isValidPathwayDate(iso) ? { ok: true, value: iso } : { ok: false, complete };
}

/**
 * A date in words under the date field, so the person can check what was understood:
 * "lørdag 14. marts 2026" or "marts 2026". The locale is named, never the operating system's.
 */
export function formatDateInWords(date: string, language: string): string {
  const [y, m, d] = date.split('-').map(Number);
  if (d === undefined) return formatMonth(y!, m!, language);
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'da-DK', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y!, m! - 1, d)));
}
