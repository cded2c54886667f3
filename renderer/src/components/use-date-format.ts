import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Date and time as people at the table read them: "1. december 2026 kl. 19.57". */
export function useDateTimeFormat(): Intl.DateTimeFormat {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-GB' : 'da-DK';
  return useMemo(
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }),
    [locale],
  );
}
