import { describe, expect, it } from 'vitest';
import { modelOf } from '../support/generate-models';
import {
  MAX_LISTED_STRINGS,
  SCREEN_FROM_CHARS,
  validateModelText,
} from '../../shared/model/validate';

/**
 * Large files are read once before parsing for shapes that would make the parser build far more
 * than any model needs; each is refused with the reason the full checks give.
 */
const big = SCREEN_FROM_CHARS + 1000;
const head = '{"format":"forloebsvaerksted.pathway-model","schemaVersion":"1.0.0"';
const fill = (item: (i: number) => string, length = big) => {
  const parts: string[] = [];
  for (let i = 0, n = 0; n < length; i++) {
    parts.push(item(i));
    n += parts.at(-1)!.length + 1;
  }
  return parts.join(',');
};
/** A valid model of 9,000 touchpoints, with details on each: about 2.5 MB of text. */
const large = () => {
  const n = 9000;
  return modelOf({
    sectors: Array.from({ length: n }, (_, i) => (i % 3 ? 'hospital' : 'general_practice')),
    contactTypes: Array.from({ length: n }, () => 'outpatient_visit'),
    services: Array.from({ length: n }, (_, i) => `hospital-${i % 7}`),
    days: Array.from({ length: n }, (_, i) => i),
    emotions: Array.from({ length: n }, (_, i) => (i % 5) - 2),
    pains: Array.from({ length: n }, () => ['waiting', 'money']),
    broken: Array.from({ length: n - 1 }, (_, i) => i % 4 === 0),
    waits: Array.from({ length: n - 1 }, (_, i) => i % 30),
  });
};
const reason = (text: string) => {
  const r = validateModelText(text);
  return r.ok ? 'ok' : r.reason;
};

describe('screening large files before parsing', () => {
  it('lets a large valid model through', () => {
    const m = large();
    const text = JSON.stringify(m);
    expect(text.length).toBeGreaterThan(SCREEN_FROM_CHARS);
    expect(reason(text)).toBe('ok');
    // Pretty-printed, as the app exports it, too.
    expect(reason(JSON.stringify(m, null, 2))).toBe('ok');
  });

  it('refuses lists of numbers or strings at the top as no model', () => {
    expect(reason(`[${fill(() => '1')}]`)).toBe('not_a_model');
    expect(reason(`[${fill((i) => `"${i.toString(36)}"`)}]`)).toBe('not_a_model');
  });

  it('refuses many keys, numbers or listed strings no model has as invalid', () => {
    expect(reason(`${head},${fill((i) => `"${i.toString(36)}":1`)}}`)).toBe('invalid');
    expect(reason(`${head},"asIs":[${fill(() => '1.5')}]}`)).toBe('invalid');
    const refs = fill((i) => `"t${(i % 9) + 1}"`, (MAX_LISTED_STRINGS + 10) * 5);
    expect(reason(`${head},"ideas":[{"touchpointRefs":[${refs}]}]}`)).toBe('invalid');
  });

  it('gives the reasons the full checks give: depth, forbidden keys, broken text', () => {
    expect(reason(`${head},"x":${'['.repeat(40)}${']'.repeat(40)},"y":"${'x'.repeat(big)}"}`)).toBe(
      'too_deep',
    );
    expect(reason(`${head},"x":{"__proto__":1},"y":"${'x'.repeat(big)}"}`)).toBe('forbidden_key');
    expect(reason(`${head},"x":{"\\u005f_proto__":1},"y":"${'x'.repeat(big)}"}`)).toBe(
      'forbidden_key',
    );
    expect(reason(`${head},"y":[${fill(() => '1')}`)).toBe('not_json');
    expect(reason(`${head},"y":"${'x'.repeat(big)}`)).toBe('not_json');
  });

  it('leaves a newer version with a few new keys to say so', () => {
    const text = JSON.stringify({ ...large(), schemaVersion: '2.0.0', newField: [1, 2, 3] });
    expect(text.length).toBeGreaterThan(SCREEN_FROM_CHARS);
    expect(reason(text)).toBe('unsupported_version');
    // Without any version, as the full checks say it: a model that is not whole.
    const { schemaVersion: _, ...rest } = JSON.parse(text) as Record<string, unknown>;
    expect(reason(JSON.stringify(rest))).toBe('invalid');
  });
});

describe('screening large files: what the review found', () => {
  it('counts null, true and false in lists as parts no model has', () => {
    expect(reason(`${head},"ideas":[${fill(() => 'null')}]}`)).toBe('invalid');
    expect(reason(`${head},"ideas":[${fill(() => 'true')}]}`)).toBe('invalid');
  });

  it('says first what the full checks say first: format, then version, then depth', () => {
    const other = '{"data":[' + fill(() => '1') + ']}';
    expect(reason(other)).toBe('not_a_model');
    const newer = head.replace('1.0.0', '2.0.0');
    expect(reason(`${newer},${fill((i) => `"k${i}":1`)}}`)).toBe('unsupported_version');
    // A bad escape early does not hide a nesting too deep later.
    const deep = `${'['.repeat(40)}${']'.repeat(40)}`;
    expect(reason(`${head},"a\\q":1,"x":${deep},"y":"${'x'.repeat(big)}"}`)).toBe('too_deep');
  });
});
