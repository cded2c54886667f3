import i18next, { type TFunction } from 'i18next';
import { da } from '../../shared/i18n/da';
import { en } from '../../shared/i18n/en';

/** The app's translations in one language, as a component's `t` gets them (for pure tests). */
export async function translator(language: 'da' | 'en'): Promise<TFunction> {
  const i18n = i18next.createInstance();
  await i18n.init({
    resources: { da: { translation: da }, en: { translation: en } },
    lng: language,
    interpolation: { escapeValue: false },
  });
  return i18n.t;
}
