import { describe, expect, it } from 'vitest';
import { translator } from '../../../tests/support/translator';
import { durationText, hoursOf, parseDuration } from './duration';

describe('a duration as typed', () => {
  it('reads days, hours and minutes, in Danish and English', () => {
    expect(parseDuration('', 3650)).toBeNull();
    expect(parseDuration('5', 3650)).toBe(5);
    expect(parseDuration('4,5', 3650)).toBe(4.5);
    expect(parseDuration('5 dage', 3650)).toBe(5);
    expect(parseDuration('1 døgn', 3650)).toBe(1);
    expect(parseDuration('2 timer', 3650)).toBeCloseTo(2 / 24, 12);
    expect(parseDuration('1,5 t', 3650)).toBeCloseTo(1.5 / 24, 12);
    expect(parseDuration('2 Hours', 3650)).toBeCloseTo(2 / 24, 12);
    expect(parseDuration('30 min', 3650)).toBeCloseTo(30 / 1440, 12);
    expect(parseDuration('45 minutter', 3650)).toBeCloseTo(45 / 1440, 12);
  });

  it('refuses what is not a duration, or out of range', () => {
    for (const bad of ['-3', 'to timer', '2 måneder', '2 m', '1e3', '2 timer 30 min', '4,5,5']) {
      expect(parseDuration(bad, 3650), bad).toBeUndefined();
    }
    expect(parseDuration('3651', 3650)).toBeUndefined();
  });

  it('says a part of a day in hours', () => {
    expect(hoursOf(2 / 24)).toBe(2);
    expect(hoursOf(0.5)).toBe(12);
    expect(hoursOf(30 / 1440)).toBe(0.5);
    expect(hoursOf(1)).toBeNull();
    expect(hoursOf(0)).toBeNull();
  });
});

describe('a duration as read', () => {
  it('is hours for a visit or a call, days otherwise, never a long decimal', async () => {
    const t = await translator('da');
    expect(durationText(2 / 24, t, 'da')).toBe('2 timer');
    expect(durationText(30 / 1440, t, 'da')).toBe('0,5 time');
    expect(durationText(25 / 24, t, 'da')).toBe('25 timer');
    expect(durationText(4.5, t, 'da')).toBe('4,5 dage');
    expect(durationText(1, t, 'da')).toBe('1 dag');
    expect(durationText(2.123456, t, 'da')).toBe('2,12 dage');
    // The panel's field shows the days without the word, as they are typed.
    expect(durationText(4.5, t, 'da', false)).toBe('4,5');
    // And every one reads back as the duration it shows.
    for (const days of [2 / 24, 30 / 1440, 25 / 24, 4.5, 1]) {
      expect(parseDuration(durationText(days, t, 'da'), 3650)).toBeCloseTo(days, 9);
    }
  });

  it('is written in English the English way', async () => {
    const t = await translator('en');
    expect(durationText(1.5 / 24, t, 'en')).toBe('1.5 hours');
    expect(durationText(4.5, t, 'en')).toBe('4.5 days');
  });
});
