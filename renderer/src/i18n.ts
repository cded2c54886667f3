import i18next, { type TFunction } from 'i18next';
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

/**
 * Words without options, kept by language and key: a map of hundreds of cards and lines asks for
 * the same few words (a sector, a kind of contact, a face) hundreds of times as it opens, and
 * i18next works each out again (several microseconds a call). The resources never change while
 * the app runs, so a word once worked out stays right.
 */
const WORDS = new Map<string, string>();
export function cachedWord(t: TFunction, language: string, key: string): string {
  const at = `${language}:${key}`;
  let word = WORDS.get(at);
  if (word === undefined) {
    word = t(key);
    WORDS.set(at, word);
  }
  return word;
}
