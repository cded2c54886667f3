import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { resources } from '../../../shared/i18n';
import { formatNumber, labelOf } from './labels';

async function translator(lng: 'da' | 'en') {
  const i18n = i18next.createInstance();
  await i18n.init({
    resources: { da: { translation: resources.da }, en: { translation: resources.en } },
    lng,
    interpolation: { escapeValue: false },
  });
  return i18n.t;
}

describe('labelOf', () => {
  it('writes bands as ranges with a dash, and a length without dates in words', async () => {
    const da = await translator('da');
    expect(labelOf(da, 'band_days', '1-30')).toBe('1–30');
    expect(labelOf(da, 'band', '101+')).toBe('101+');
    expect(labelOf(da, 'band_days', 'unknown')).toBe('Ukendt (ingen datoer)');
    const en = await translator('en');
    expect(labelOf(en, 'band_days', 'unknown')).toBe('Unknown (no dates)');
  });
});

describe('formatNumber', () => {
  it('writes figures as Danish and English readers write them, negatives with a minus sign', () => {
    expect(formatNumber('da', -0.8, 'median_change')).toBe('\u22120,8');
    expect(formatNumber('en', -2, 'median_emotion')).toBe('\u22122');
    expect(formatNumber('da', 1234.56, 'journeys')).toBe('1.234,6');
    expect(formatNumber('da', 0.25, 'broken_share')).toBe('25\u00a0%');
  });
});
