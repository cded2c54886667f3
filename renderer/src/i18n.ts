import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, resources } from '../../shared/i18n';
import type { Language } from '../../shared/ipc/contract';

export function initI18n(language: Language = DEFAULT_LANGUAGE) {
  void i18next.use(initReactI18next).init({
    resources: {
      da: { translation: resources.da },
      en: { translation: resources.en },
    },
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    // React escapes output already.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = language;
  return i18next;
}

export async function changeLanguage(language: Language): Promise<void> {
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
}
