import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import { randomModels } from '../../tests/support/generate-models';
import { canonicalJson, checksumOf } from '../../shared/model/checksum';
import { PIECES_FROM_CHARS, validateModelText } from '../../shared/model/validate';
import { canonicalContentJson } from '../../shared/model/model-validator';
import { decompress } from '../db/compression';
import { checkedBatch, fileText } from './checked-model';

const file = (text: string) => ({ text, byteLength: Buffer.byteLength(text) });

it('stores each accepted model as checked — its canonical JSON and checksum — and nothing of a refused one', () => {
  const [a, b, c, d] = randomModels(4, 91, 10);
  // Danish letters and an emoji: the stored bytes are the UTF-8 the checksum was taken over.
  const { checksum: _, ...content } = b!;
  content.asIs.touchpoints[0]!.quote = 'Jeg følte mig overset på skadestuen 😟 – igen';
  content.anonymisationProfile = 'codes-and-reviewed-texts';
  const danish = JSON.stringify({ ...content, checksum: checksumOf(content) });
  // Hashed and then refused: its text is written and must not be kept.
  const tampered = JSON.stringify(c).replace('"2026-11"', '"2020-01"');
  // Keys in another order than the canonical, and indented, as a person might save it.
  const indented = JSON.stringify(Object.fromEntries(Object.entries(d!).reverse()), null, 2);
  const texts = [JSON.stringify(a), tampered, danish, JSON.stringify(a).slice(0, 300), indented];
  const checked = checkedBatch(texts.map(file));
  expect(checked.map((x) => (x.ok ? 'ok' : x.reason))).toEqual([
    'ok',
    'checksum',
    'ok',
    'not_json',
    'ok',
  ]);
  const stored = checked.flatMap((x, i) => (x.ok ? [{ x, text: texts[i]! }] : []));
  for (const { x, text } of stored) {
    const all = decompress(x.text.batch.data, 1 << 24);
    const kept = all.subarray(x.text.start, x.text.end).toString('utf8');
    const once = validateModelText(text);
    expect(once.ok && kept === once.json).toBe(true);
    // What is stored checks again as it is.
    expect(validateModelText(kept).ok).toBe(true);
  }
  expect(new Set(stored.map(({ x }) => x.text.batch)).size).toBe(1);
  expect(stored[0]!.x.text.batch.count).toBe(stored.length);
});

it('stores a large model, hashed and written in pieces, as the same canonical text', () => {
  const [small, large] = randomModels(2, 93, 20);
  const big = randomModels(1, 94, 6000)[0]!;
  const text = JSON.stringify(big, null, 1);
  expect(text.length).toBeGreaterThan(PIECES_FROM_CHARS);
  const tampered = text.replace('"2026-11"', '"2020-01"');
  const texts = [JSON.stringify(small), tampered, text, JSON.stringify(large)];
  const checked = checkedBatch(texts.map(file));
  expect(checked.map((x) => (x.ok ? 'ok' : x.reason))).toEqual(['ok', 'checksum', 'ok', 'ok']);
  const kept = checked.flatMap((x) => {
    if (!x.ok) return [];
    const all = decompress(x.text.batch.data, 1 << 26);
    return [all.subarray(x.text.start, x.text.end).toString('utf8')];
  });
  const expected = `${canonicalContentJson(big).slice(0, -1)},"checksum":"${big.checksum}"}`;
  expect(kept[1]).toBe(expected);
  const once = validateModelText(text);
  expect(once.ok && once.json).toBe(expected);
  expect(kept.map((k) => validateModelText(k).ok)).toEqual([true, true, true]);
});

it('keeps nothing of a file but the checked model, whatever its bytes carry beside it', () => {
  const [m] = randomModels(1, 98, 12);
  const body = canonicalContentJson(m!);
  const canonical = `${body.slice(0, -1)},"checksum":"${m!.checksum}"}`;
  const emotion = m!.asIs.touchpoints.find((t) => t.emotion === 0);
  const day = m!.asIs.touchpoints.find((t) => t.day !== null && t.day > 0)!.day!;
  expect(emotion).toBeDefined();
  const cohort = canonicalJson(m!.cohort);
  // Each parses to the same model, and each is hashed as a tool that wrote it so would hash it:
  // over its own bytes. What the parse drops must not reach the store.
  const carriers = {
    'a number spelled out': body.replace(
      '"emotion":0',
      '"emotion":75097114101110032072097110115101110e-999',
    ),
    'digits past a double': body.replace(
      `"day":${day},`,
      `"day":${day}.000000000000000000000101011234,`,
    ),
    'white space': body.replace('"cohort":', '"cohort":  \t \t\t  \n'),
    'the order of keys': body.replace(
      cohort,
      JSON.stringify(Object.fromEntries(Object.entries(m!.cohort).reverse())),
    ),
  };
  const sha = (text: string) => `sha256:${createHash('sha256').update(text).digest('hex')}`;
  for (const [what, text] of Object.entries(carriers)) {
    expect(text, what).not.toBe(body);
    expect(JSON.parse(text), what).toEqual(JSON.parse(body));
    const own = sha(text);
    const file = `${text.slice(0, -1)},"checksum":"${own}"}\n`;
    const [checked] = checkedBatch([fileText(new TextEncoder().encode(file))]);
    if (!checked?.ok) throw new Error(`${what}: refused`);
    const all = decompress(checked.text.batch.data, 1 << 24);
    const kept = all.subarray(checked.text.start, checked.text.end).toString('utf8');
    // The model's canonical JSON with the checksum it came with: nothing of how it was written.
    expect(kept, what).toBe(canonical.replace(m!.checksum, own));
  }
  // A key written twice is refused outright: another reader could keep its first value.
  const twice = body.replace('"exportMonth":', '"exportMonth":"Karen Hansen","exportMonth":');
  const file = `${twice.slice(0, -1)},"checksum":"${sha(twice)}"}\n`;
  expect(checkedBatch([fileText(new TextEncoder().encode(file))])).toEqual([
    { ok: false, reason: 'duplicate_key' },
  ]);
});
