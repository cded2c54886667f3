import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonDepth, jsonShape } from './validate';

const containersOf = (v: unknown): number =>
  v !== null && typeof v === 'object'
    ? 1 +
      Object.values(v as Record<string, unknown>).reduce((n: number, x) => n + containersOf(x), 0)
    : 0;
/** Containers, and the commas between the items of each: what the parser builds, counted. */
const valuesOf = (v: unknown): number => {
  if (v === null || typeof v !== 'object') return 0;
  const items = Object.values(v as Record<string, unknown>);
  return 1 + Math.max(0, items.length - 1) + items.reduce((n: number, x) => n + valuesOf(x), 0);
};
const depthOf = (v: unknown): number =>
  v !== null && typeof v === 'object'
    ? 1 + Math.max(0, ...Object.values(v as Record<string, unknown>).map(depthOf))
    : 0;

describe('nesting depth before parsing', () => {
  it('equals the depth of the parsed value, whatever the strings hold', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => jsonDepth(JSON.stringify(v)) === depthOf(v)),
      { numRuns: 1000 },
    );
    // Brackets, quotes and backslashes inside strings do not count.
    expect(jsonDepth('{"a":"[[[{\\\\","b":["\\"]]]"]}')).toBe(2);
  });

  it('stops counting once past the limit, even 100,000 deep', () => {
    expect(jsonDepth('['.repeat(100_000) + ']'.repeat(100_000), 32)).toBe(33);
  });

  it('counts the objects and arrays and their values, not the brackets or commas inside strings', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const shape = jsonShape(JSON.stringify(v));
        return shape.containers === containersOf(v) && shape.values === valuesOf(v);
      }),
      { numRuns: 1000 },
    );
    expect(jsonShape('{"a":"[[[{\\\\","b":["\\"]]]"]}')).toEqual({
      depth: 2,
      containers: 2,
      values: 3,
    });
  });
});
