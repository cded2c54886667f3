import { describe, expect, it } from 'vitest';
import { hoursOf, parseDuration } from './duration';

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
