/**
 * How long a touchpoint lasted, as a person types it: days ("5", "4,5", "5 dage", "1 døgn") or,
 * for a visit or a call, hours and minutes ("2 timer", "1,5 t", "30 min", "2 hours"). Stored as
 * days (`durationDays`), so a price per day, per month or per hour (home care) can all be applied.
 * Pure; the words are Danish and English, lower or upper case.
 */
import type { TFunction } from 'i18next';
import { formatNumberIn, numberStyleOf } from '../../../shared/economy/prices';

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

/**
 * The hours a duration reads as, to two decimals: any duration under a day, and a longer one that
 * two decimals of days would not say exactly but hours do ("25 timer", not "1,04 dage"); null
 * when it reads as days.
 */
export function hoursOf(days: number): number | null {
  if (!(days > 0)) return null;
  const hours = Math.round(days * 24 * 100) / 100;
  if (days < 1) return hours;
  const exact = (shown: number, value: number) => Math.abs(shown - value) < 1e-9;
  return !exact(Math.round(days * 100) / 100, days) && exact(hours, days * 24) ? hours : null;
}

/**
 * A duration as a person reads it, in the language's number style: hours where it was a visit
 * or a call ("2 timer", "0.5 hours"), otherwise days ("4,5", to two decimals); with `unit`, the
 * days are named too ("4,5 dage"). One writing for the panel, the outline and the export review.
 */
export function durationText(days: number, t: TFunction, language: string, unit = true): string {
  const style = numberStyleOf(language);
  const hours = hoursOf(days);
  if (hours !== null) {
    return t('panel.durationHours', { count: hours, hours: formatNumberIn(hours, style) });
  }
  const shown = formatNumberIn(Math.round(days * 100) / 100, style);
  return unit ? t('canvas.outlineDuration', { count: days, days: shown }) : shown;
}
