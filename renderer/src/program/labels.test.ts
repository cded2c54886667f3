import { describe, expect, it } from 'vitest';
import { formatNumber } from './labels';

describe('formatNumber', () => {
  it('writes figures as Danish and English readers write them, negatives with a minus sign', () => {
    expect(formatNumber('da', -0.8, 'median_change')).toBe('\u22120,8');
    expect(formatNumber('en', -2, 'median_emotion')).toBe('\u22122');
    expect(formatNumber('da', 1234.56, 'journeys')).toBe('1.234,6');
    expect(formatNumber('da', 0.25, 'broken_share')).toBe('25\u00a0%');
  });
});
