import i18next, { type i18n as I18n } from 'i18next';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { resources } from '../../../shared/i18n';
import { NumberField, decimalText, parseDecimal } from './fields';

async function language(lng: 'da' | 'en'): Promise<I18n> {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({
    resources: { da: { translation: resources.da }, en: { translation: resources.en } },
    lng,
    interpolation: { escapeValue: false },
  });
  return instance;
}

/** The field's text as the window first draws it, in one language. */
async function shown(lng: 'da' | 'en', value: number | null): Promise<string> {
  const html = renderToStaticMarkup(
    createElement(
      I18nextProvider,
      { i18n: await language(lng) },
      createElement(NumberField, {
        label: 'Ventetid',
        value,
        parse: (s: string) => parseDecimal(s, 0, 10_000),
        invalidMessage: 'Ugyldig',
        onChange: () => undefined,
        testId: 'waiting',
      }),
    ),
  );
  const match = /<input[^>]*value="([^"]*)"/.exec(html);
  if (!match) throw new Error(`no input value in ${html}`);
  return match[1]!;
}

describe('a number field', () => {
  it('writes a decimal as the window’s language does: a comma in Danish, a point in English', async () => {
    expect(await shown('da', 4.5)).toBe('4,5');
    expect(await shown('en', 4.5)).toBe('4.5');
    expect(await shown('en', 42)).toBe('42');
    expect(await shown('da', null)).toBe('');
  });

  it('reads back what it writes, in both languages', () => {
    for (const value of [0, 0.25, 4.5, 30.3, 1234.5]) {
      for (const lng of ['da', 'en']) {
        expect(parseDecimal(decimalText(value, lng), 0, 10_000)).toBe(value);
      }
    }
    // No thousands separator in either language: that would not read back.
    expect(decimalText(1234.5, 'da')).toBe('1234,5');
    expect(decimalText(1234.5, 'en')).toBe('1234.5');
  });
});
