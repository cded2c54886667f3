import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, checksumOf } from './checksum';

describe('canonical JSON and the checksum', () => {
  it('sorts keys at every level, keeps array order and drops undefined values', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { y: 1, x: 'é"' }], c: null, z: undefined } })).toBe(
      '{"a":{"c":null,"d":[2,{"x":"é\\"","y":1}]},"b":1}',
    );
  });

  it('writes what a plain recursive sort-and-join would write, for any JSON value', () => {
    // The reference: slow and obvious.
    const reference = (v: unknown): string => {
      if (Array.isArray(v)) return `[${v.map(reference).join(',')}]`;
      if (v !== null && typeof v === 'object') {
        const keys = Object.keys(v).sort();
        return `{${keys.map((k) => `${JSON.stringify(k)}:${reference((v as Record<string, unknown>)[k])}`).join(',')}}`;
      }
      return JSON.stringify(v);
    };
    fc.assert(
      fc.property(fc.jsonValue(), (v) => canonicalJson(v) === reference(v)),
      { numRuns: 500 },
    );
  });

  it('keeps a key named __proto__ as an ordinary key', () => {
    expect(canonicalJson(JSON.parse('{"z":1,"__proto__":{"x":1}}'))).toBe(
      '{"__proto__":{"x":1},"z":1}',
    );
  });

  it('gives the same checksum whatever the key order, and a known one for known content', () => {
    expect(checksumOf({ a: 1, b: [1, 2] })).toBe(checksumOf({ b: [1, 2], a: 1 }));
    // The sha256 of the text {"a":1,"b":[1,2]}, computed with sha256sum.
    expect(checksumOf({ b: [1, 2], a: 1 })).toBe(
      'sha256:8baa73198470c7bb4c3ce142a8fd651affc0310d878bb9bd159e37a573fb4874',
    );
  });
});
