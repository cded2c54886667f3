/**
 * JSON from files that are not models (a moved journey and the snapshots inside it), read as
 * hostile: counted before it is parsed, so a small file that unzips to a huge payload of tiny
 * values is refused without building them.
 */
import { describe, expect, it } from 'vitest';
import { jsonShape, parseUntrustedJson } from '../../shared/model/untrusted-json';
import { MOVED_JSON_LIMITS, parseSnapshotContent } from '../../shared/transfer/moved-journey';

const head = '{"format":"forloebsvaerksted.moved-journey","schemaVersion":1,"x":[';
const payloadOf = (unit: string, count: number) => `${head}${unit.repeat(count)}0]}`;

describe('counting JSON without parsing it', () => {
  it('counts containers and values, and skips what is inside strings', () => {
    expect(jsonShape('{"a":[1,2,{"b":"x,y[{"}],"c":null}')).toEqual({
      depth: 3,
      containers: 3,
      values: 3 + 3,
    });
  });
});

describe('a moved journey’s payload, read as hostile', () => {
  it.each([
    ['empty lists', '[],'],
    ['empty objects', '{},'],
    ['numbers', '1,'],
    ['empty strings', '"",'],
  ])('refuses 4 MB of %s before parsing it', (_, unit) => {
    const text = payloadOf(unit, Math.floor((4 * 1024 * 1024) / unit.length));
    expect(parseUntrustedJson(text, MOVED_JSON_LIMITS)).toEqual({ ok: false, why: 'too_many' });
  });

  it('refuses, whatever its length, more values than any journey holds', () => {
    // 9 million short values, each padded to 16 characters (as dense as a real payload allows).
    const text = payloadOf('1              ,', 9_000_000);
    expect(MOVED_JSON_LIMITS.values(text.length)).toBeLessThan(9_000_000);
    expect(parseUntrustedJson(text, MOVED_JSON_LIMITS)).toEqual({ ok: false, why: 'too_many' });
  });

  it('reads a payload as dense as the app writes it, and refuses deep, broken and forbidden JSON', () => {
    const row =
      '{"id":"t1","sector":"hospital","contactType":"admission","emotion":-1,"note":null}';
    const text = `{"touchpoints":[${Array.from({ length: 2000 }, () => row).join(',')}],"goals":[]}`;
    const read = parseUntrustedJson(text, MOVED_JSON_LIMITS);
    expect(read.ok).toBe(true);
    expect(parseUntrustedJson('['.repeat(40) + ']'.repeat(40), MOVED_JSON_LIMITS)).toEqual({
      ok: false,
      why: 'too_deep',
    });
    expect(parseUntrustedJson('{"a":', MOVED_JSON_LIMITS)).toEqual({ ok: false, why: 'not_json' });
    expect(parseUntrustedJson('{"a":{"\\u005f_proto__":{"x":1}}}', MOVED_JSON_LIMITS)).toEqual({
      ok: false,
      why: 'forbidden_key',
    });
    expect(parseUntrustedJson('{"constructor":1}', MOVED_JSON_LIMITS)).toEqual({
      ok: false,
      why: 'forbidden_key',
    });
  });

  it('refuses a saved version whose content is a payload of tiny values', () => {
    expect(parseSnapshotContent(payloadOf('[],', 1_500_000))).toBeUndefined();
  });
});
