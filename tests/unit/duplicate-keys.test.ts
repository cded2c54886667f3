import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkedBatch, fileText } from '../../electron/import/checked-model';
import { checkModelFile } from '../../electron/import/model-file';
import { checksumOf } from '../../shared/model/checksum';
import { colonsIn, keysAndColons, mayMatchColon } from '../../shared/model/model-validator';
import type { PathwayModel } from '../../shared/model/pathway-model';
import {
  keyTwice,
  modelFileText,
  PIECES_FROM_CHARS,
  validateModelText,
} from '../../shared/model/validate';
import { da } from '../../shared/i18n/da';
import { en } from '../../shared/i18n/en';
import { randomModels } from '../support/generate-models';

/**
 * JSON lets a key be written twice in one object; the parser keeps the last value and drops the
 * first. Such a file reads one way here and can read another way elsewhere, so it is refused, in
 * the app's import and on the command line alike, whatever else is right about it.
 */
describe('a model file that writes a key twice', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pathway-key-twice-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let n = 0;
  const onDisk = (text: string) => {
    const path = join(dir, `m${n++}.json`);
    writeFileSync(path, text);
    return checkModelFile(path);
  };
  const imported = (text: string) => checkedBatch([fileText(new TextEncoder().encode(text))])[0];
  /**
   * The command line's verdict, the import's and the plain check's: the reason and what it says
   * (the import tells the window its reason only).
   */
  const verdicts = (text: string) => {
    const said = (v: ReturnType<typeof validateModelText> | ReturnType<typeof onDisk>) =>
      v === null ? 'missing' : v.ok ? 'ok' : `${v.reason}: ${v.detail ?? ''}`;
    const [cli, plain] = [said(onDisk(text)), said(validateModelText(text))];
    const verdict = imported(text)!;
    return [cli, verdict.ok ? 'ok' : verdict.reason, plain];
  };
  const refusedAs = (detail: string) => [
    `duplicate_key: ${detail}`,
    'duplicate_key',
    `duplicate_key: ${detail}`,
  ];
  /** A file as the app writes it, with its checksum taken over its own bytes instead. */
  const sealedOverOwnBytes = (text: string) => {
    const body = text.slice(0, text.lastIndexOf(',"checksum":'));
    const sum = createHash('sha256').update(`${body}}`).digest('hex');
    return `${body},"checksum":"sha256:${sum}"}\n`;
  };
  const model = (seed: number, touchpoints = 6) => randomModels(1, seed, touchpoints)[0]!;

  it('is refused where the parser would keep the last value, in every reader', () => {
    const text = modelFileText(model(1));
    expect(verdicts(text)).toEqual(['ok', 'ok', 'ok']);
    // The checksum still matches: the parser drops the first emotion, so the content is the same.
    const twice = text.replace('"emotion":', '"emotion":2,"emotion":');
    expect(twice).not.toBe(text);
    const refused = refusedAs('asIs.touchpoints.0.emotion: the key is written twice');
    expect(verdicts(twice)).toEqual(refused);
    // Refused for the key, whatever its checksum says.
    const wrongSum = twice.replace(
      /"checksum":"sha256:[0-9a-f]/,
      (m) => `${m.slice(0, -1)}${m.endsWith('0') ? '1' : '0'}`,
    );
    expect(wrongSum).not.toBe(twice);
    expect(verdicts(wrongSum)).toEqual(refused);
    expect(verdicts(wrongSum.replace('"emotion":2,', ''))).toEqual([
      'checksum: ',
      'checksum',
      'checksum: ',
    ]);
    // Sealed over its own bytes, as the command line hashes a file the app wrote: refused too.
    expect(verdicts(sealedOverOwnBytes(twice))).toEqual(refused);
    // At the top, in a file written with spaces and line breaks.
    const m = model(2);
    const pretty = JSON.stringify(m, null, 2).replace(
      '"exportMonth": ',
      '"exportMonth": "2019-01",\n  "exportMonth": ',
    );
    expect(verdicts(pretty)).toEqual(refusedAs('exportMonth: the key is written twice'));
    expect(verdicts(JSON.stringify(m, null, 2))).toEqual(['ok', 'ok', 'ok']);
  });

  it('is found when the key is spelt with escapes', () => {
    const text = modelFileText(model(3));
    const escaped = text.replace('"emotion":', '"\\u0065motion":1,"emotion":');
    expect(verdicts(escaped)).toEqual(
      refusedAs('asIs.touchpoints.0.emotion: the key is written twice'),
    );
    // Escapes alone are no key written twice.
    const once = text.replace('"emotion":', '"\\u0065motion":');
    expect(verdicts(once)).toEqual(['ok', 'ok', 'ok']);
  });

  it('never repeats a key or a value of the file in what it says', () => {
    const text = modelFileText(model(4));
    // A whole first cohort the parser drops, and in it a key no model has, written twice.
    const hidden = text.replace(
      '"cohort":',
      '"cohort":{"fuldeNavn":"Karen Hansen","fuldeNavn":"0101701234"},"cohort":',
    );
    const said = verdicts(hidden);
    expect(said).toEqual(refusedAs('cohort: a key is written twice'));
    expect(said.join()).not.toMatch(/fuldeNavn|Karen|0101701234/);
    // A key of digits is the file's text too (a CPR number), not a list's position.
    const digits = text.replace('"cohort":', '"cohort":{"0101701234":{"a":1,"a":2}},"cohort":');
    expect(verdicts(digits)).toEqual(refusedAs('cohort.…: a key is written twice'));
    // Deeper in a dropped part, the path stops where the schema stops naming it.
    const deeper = text.replace('"cohort":', '"cohort":{"x1":{"sex":1,"sex":2}},"cohort":');
    expect(verdicts(deeper)).toEqual(refusedAs('cohort.….sex: the key is written twice'));
  });

  it('is told in Danish and in English', () => {
    expect(da.program.reasons.duplicate_key).toMatch(/to gange/);
    expect(en.program.reasons.duplicate_key).toMatch(/twice/);
  });

  it('leaves texts with colons, escaped colons and quotes alone', () => {
    const m = model(5);
    const { checksum: _, ...content } = m;
    content.anonymisationProfile = 'codes-and-reviewed-texts';
    content.asIs.touchpoints[0]!.quote = 'Kl. 10:30: "vent": igen {a:b} \\": ,"x":';
    content.ideas[0] ??= { aims: [], painCategories: [], touchpointRefs: [] };
    content.ideas[0]!.text = 'Ring: før kl. 9:00';
    const sealed: PathwayModel = { ...content, checksum: checksumOf(content) };
    const text = modelFileText(sealed);
    expect(colonsIn(text)).toBe(keysAndColons(sealed));
    expect(verdicts(text)).toEqual(['ok', 'ok', 'ok']);
    expect(verdicts(JSON.stringify(sealed, null, 1))).toEqual(['ok', 'ok', 'ok']);
    // A colon spelt as an escape: the count cannot see it, the key by key reading can.
    const escaped = text.replace('10:30', '10\\u003a30');
    expect(escaped).not.toBe(text);
    expect(verdicts(escaped)).toEqual(['ok', 'ok', 'ok']);
    // And a key written twice beside it is found all the same.
    const twice = escaped.replace('"sex":', '"sex":null,"sex":');
    expect(verdicts(twice)).toEqual(refusedAs('cohort.sex: the key is written twice'));
  });

  it('is found in a large file, as in a small one', () => {
    const m = model(6);
    const large = `${' '.repeat(PIECES_FROM_CHARS)}${JSON.stringify(m).replace('"ref":', '"ref":"t9","ref":')}`;
    expect(verdicts(large)).toEqual(refusedAs('asIs.touchpoints.0.ref: the key is written twice'));
  });

  it('is refused wherever the second key is put, and each key once is not', () => {
    for (let seed = 10; seed < 40; seed++) {
      const text = modelFileText(model(seed, 3 + (seed % 7)));
      const keys = [...text.matchAll(/[{,]"([A-Za-z]+)":/g)];
      const pick = keys[(seed * 7919) % keys.length]!;
      const at = pick.index + 1;
      // The same key before it, with a value the parser drops.
      const twice = `${text.slice(0, at)}"${pick[1]}":null,${text.slice(at)}`;
      const said = verdicts(twice);
      expect(said[0], `${pick[1]} in model ${seed}`).toMatch(
        new RegExp(`^duplicate_key: (.+\\.)?${pick[1]}: the key is written twice$`),
      );
      expect(said).toEqual(refusedAs(said[0]!.slice('duplicate_key: '.length)));
      expect(keyTwice(text)).toBeUndefined();
      expect(verdicts(text)).toEqual(['ok', 'ok', 'ok']);
    }
  });
});

describe('what may hold a colon', () => {
  it('reads the schema\'s patterns plainly, and anything else as "may"', () => {
    for (const never of [
      '^[tpi][1-9][0-9]{0,5}$',
      '^[a-z0-9]+(?:-[a-z0-9]+)*$',
      '^\\d{4}-(0[1-9]|1[0-2])$',
      '^[a\\-z]$',
    ]) {
      expect(mayMatchColon(never), never).toBe(false);
    }
    for (const may of [
      '^sha256:[0-9a-f]{64}$',
      '^[^\\ud800-\\udfff]*$',
      '^.*$',
      '^[!-~]+$',
      '^\\W$',
      '^\\x3a$',
      '^\\u003a$',
      '^\\p{P}$',
      '^[\\d-z]$',
      '^[a-z:]$',
      '^(?<n>a)$',
    ]) {
      expect(mayMatchColon(may), may).toBe(true);
    }
  });
});
