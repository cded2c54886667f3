import { describe, expect, it } from 'vitest';
import { parseRoute } from './router';

describe('routes', () => {
  it('the price list remembers where it was opened from', () => {
    expect(parseRoute('#/prices')).toEqual({ name: 'prices' });
    expect(parseRoute('#/prices/from/program')).toEqual({
      name: 'prices',
      back: { name: 'program', tab: 'economy' },
    });
    const id = '0b0e7c1c-3f4e-4b8a-9c1d-2e3f4a5b6c7d';
    expect(parseRoute(`#/prices/from/journey/${id.toUpperCase()}`)).toEqual({
      name: 'prices',
      back: { name: 'journey', id },
    });
    expect(parseRoute('#/program/economy')).toEqual({ name: 'program', tab: 'economy' });
  });

  it('anything else is home: a route is never made from text it does not know', () => {
    for (const hash of [
      '#/prices/from/x',
      '#/prices/from/journey/../../',
      '#/program/x',
      '#/nope',
    ]) {
      expect(parseRoute(hash)).toEqual({ name: 'home' });
    }
  });
});
