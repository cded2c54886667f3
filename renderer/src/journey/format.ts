/** Shows a pathway date as the precision it has: "14. mar. 2026" or "marts 2026". */
export function formatPathwayDate(date: string | null, language: string): string {
  if (!date) return '';
  const locale = language === 'en' ? 'en-GB' : 'da-DK';
  const [y, m, d] = date.split('-').map(Number);
  const value = new Date(Date.UTC(y!, (m ?? 1) - 1, d ?? 1));
  return new Intl.DateTimeFormat(
    locale,
    d === undefined
      ? { month: 'long', year: 'numeric', timeZone: 'UTC' }
      : { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' },
  ).format(value);
}
