import type { Touchpoint } from '../../../shared/domain/journey';

/** The journey every fixture touchpoint belongs to (tests of the map's logic, never the UI's). */
export const FIXTURE_JOURNEY = '00000000-0000-4000-8000-000000000001';

let made = 0;

/**
 * A valid touchpoint for unit tests of the map's logic: an undated "other" card at x 0 unless
 * told otherwise; the date's precision follows the date, as the domain has it.
 */
export function touchpoint(over: Partial<Touchpoint> = {}): Touchpoint {
  made += 1;
  const date = over.date ?? null;
  return {
    id: `00000000-0000-4000-8000-${String(100 + made).padStart(12, '0')}`,
    journeyId: FIXTURE_JOURNEY,
    map: 'as_is',
    label: `Kontakt ${made}`,
    x: 0,
    y: 0,
    sector: 'other',
    serviceCode: null,
    contactType: null,
    date,
    datePrecision: date === null ? 'unknown' : date.length === 10 ? 'day' : 'month',
    durationDays: null,
    repetitions: null,
    initiatedBy: null,
    emotion: null,
    whatWorked: '',
    quote: '',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...over,
  };
}
