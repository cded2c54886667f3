/**
 * How long a touchpoint lasted, as a person types it: days ("5", "4,5", "5 dage", "1 døgn") or,
 * for a visit or a call, hours and minutes ("2 timer", "1,5 t", "30 min", "2 hours"). Stored as
 * days (`durationDays`), so a price per day, per month or per hour (home care) can all be applied.
 * Pure; the words are Danish and English, lower or upper case.
 */

const DAYS = /^(?:dage?|døgn|d|days?)$/;
const HOURS = /^(?:timer?|t|h|hours?|hrs?)$/;
const MINUTES = /^(?:minutter|minut|min|minutes?|mins?)$/;

/** Days from the text; null for an empty field; undefined when it is not a duration. */
export function parseDuration(text: string, maxDays: number): number | null | undefined {
  const t = text.trim().toLowerCase();
  if (t === '') return null;
  const m = /^(\d+(?:[.,]\d+)?)\s*([a-zæøå.]*)$/.exec(t);
  if (!m) return undefined;
  const n = Number(m[1]!.replace(',', '.'));
  const unit = m[2]!.replace(/\.$/, '');
  let days: number;
  if (unit === '' || DAYS.test(unit)) days = n;
  else if (HOURS.test(unit)) days = n / 24;
  else if (MINUTES.test(unit)) days = n / (24 * 60);
  else return undefined;
  if (!Number.isFinite(days) || days < 0 || days > maxDays) return undefined;
  return days;
}

/** The hours in a duration of less than a day, to two decimals; null for a day or more. */
export function hoursOf(days: number): number | null {
  if (!(days > 0 && days < 1)) return null;
  return Math.round(days * 24 * 100) / 100;
}
