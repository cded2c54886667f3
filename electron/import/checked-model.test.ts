import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import { randomModels } from '../../tests/support/generate-models';
import { canonicalJson, checksumOf } from '../../shared/model/checksum';
import type { PathwayModel } from '../../shared/model/pathway-model';
import { modelFileText, PIECES_FROM_CHARS, validateModelText } from '../../shared/model/validate';
import { canonicalContentJson, colonsIn, colonsInModel } from '../../shared/model/model-validator';
import { decompress } from '../db/compression';
import { checkedBatch, fileText, type CheckedModel } from './checked-model';

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
  // As the app writes it, too: kept as it came, which is the same text.
  const asWritten = modelFileText(big);
  const texts = [JSON.stringify(small), tampered, text, JSON.stringify(large), asWritten];
  const checked = checkedBatch([
    ...texts.slice(0, -1).map(file),
    fileText(new TextEncoder().encode(asWritten)),
  ]);
  expect(checked.map((x) => (x.ok ? 'ok' : x.reason))).toEqual([
    'ok',
    'checksum',
    'ok',
    'ok',
    'ok',
  ]);
  const kept = checked.flatMap((x) => {
    if (!x.ok) return [];
    const all = decompress(x.text.batch.data, 1 << 26);
    return [all.subarray(x.text.start, x.text.end).toString('utf8')];
  });
  const expected = `${canonicalContentJson(big).slice(0, -1)},"checksum":"${big.checksum}"}`;
  expect(kept[1]).toBe(expected);
  expect(kept[3]).toBe(expected);
  const once = validateModelText(text);
  expect(once.ok && once.json).toBe(expected);
  expect(kept.map((k) => validateModelText(k).ok)).toEqual([true, true, true, true]);
});

/** A model with texts holding colons, as a reviewed export may have them. */
function withTexts(m: PathwayModel, seed: number): PathwayModel {
  const { checksum: _, ...content } = structuredClone(m);
  content.anonymisationProfile = 'codes-and-reviewed-texts';
  content.asIs.touchpoints.forEach((t, i) => {
    if ((i + seed) % 3 === 0) t.quote = `Kl. ${i}:30 ringede jeg: «ingen svarede»`;
    if ((i + seed) % 4 === 0)
      t.painPoints.push({ category: 'waiting', text: `Ventede: ${i} dage` });
  });
  for (const idea of content.ideas) idea.text = 'Én indgang: én kontaktperson';
  return { ...content, checksum: checksumOf(content) };
}

const sha = (text: string) => `sha256:${createHash('sha256').update(text).digest('hex')}`;
/** A file as a tool writes it that hashes its own text (`body`: the content's JSON) as it is. */
const hashedAsItIs = (body: string) => `${body.slice(0, -1)},"checksum":"${sha(body)}"}\n`;
const keptOf = (x: CheckedModel) => {
  if (!x.ok) throw new Error(`refused: ${x.reason}`);
  const all = decompress(x.text.batch.data, 1 << 24);
  return all.subarray(x.text.start, x.text.end).toString('utf8');
};

it('counts the colons of any text of a valid model: one after each key, and those in its strings', () => {
  const models = randomModels(40, 97, 15).map(withTexts);
  for (const m of models) {
    const n = colonsInModel(m);
    expect(colonsIn(modelFileText(m))).toBe(n);
    // White space and key order change nothing: only keys and strings hold colons.
    expect(colonsIn(JSON.stringify(m, null, 2))).toBe(n);
    expect(colonsIn(JSON.stringify(Object.fromEntries(Object.entries(m).reverse())))).toBe(n);
  }
  // The texts hold colons of their own, beside the keys'.
  expect(models.filter((m) => /Kl\. \d+:30/.test(JSON.stringify(m))).length).toBeGreaterThan(30);
});

it('keeps a file as the app writes it as it came, and never a text that holds more than the model', () => {
  const [m] = randomModels(1, 98, 12).map(withTexts);
  const body = canonicalContentJson(m!);
  const asWritten = modelFileText(m!);
  // Keys in another order, hashed as written by the tool that wrote it: held whole, each key once.
  const cohort = canonicalJson(m!.cohort);
  const reordered = body.replace(
    cohort,
    JSON.stringify(Object.fromEntries(Object.entries(m!.cohort).reverse())),
  );
  expect(reordered).not.toBe(body);
  const files = [asWritten, hashedAsItIs(reordered), `\ufeff${asWritten.trimEnd()}\r\n`];
  const kept = checkedBatch(files.map((f) => fileText(new TextEncoder().encode(f)))).map(keptOf);
  // Its byte order mark and the line break after it are not part of the model's text.
  expect(kept).toEqual([asWritten, hashedAsItIs(reordered), asWritten].map((f) => f.trimEnd()));

  // A tool that names a key twice and hashes its own text: the parser keeps the last, and the
  // first, never checked, must not reach the store, whatever it holds and wherever it is.
  const secret = 'Karen Hansen';
  const quoted = m!.asIs.touchpoints.find((t) => t.quote)!.quote!;
  const twice = [
    // A top-level key, its first value without a colon.
    body.replace('"exportMonth":', `"exportMonth":"${secret}","exportMonth":`),
    // Deep in a touchpoint, its first value with colons.
    body.replace(`"quote":${JSON.stringify(quoted)}`, (q) => `"quote":"${secret}: 0101",${q}`),
    // A first value that is an object of keys no model has.
    body.replace('"cohort":', `"cohort":{"name":"${secret}","cpr":"010101-1234"},"cohort":`),
    // A colon written as an escape, where a count of colons would miss one.
    body
      .replace('"exportMonth":', `"exportMonth":"${secret}","exportMonth":`)
      .replace(JSON.stringify(quoted), JSON.stringify(quoted).replace(':', '\\u003a')),
  ];
  for (const t of twice) expect(t).not.toBe(body);
  const checked = checkedBatch(
    twice.map((t) => fileText(new TextEncoder().encode(hashedAsItIs(t)))),
  );
  expect(checked.map((x) => x.ok)).toEqual(twice.map(() => true));
  for (const [i, x] of checked.entries()) {
    const text = keptOf(x);
    expect(text, `file ${i}`).not.toContain(secret);
    expect(text, `file ${i}`).not.toContain('cpr');
    // What is kept is the model as checked, written out canonically.
    expect(JSON.parse(text)).toEqual({ ...m, checksum: sha(twice[i]!) });
    expect(text.startsWith(body.slice(0, -1))).toBe(true);
  }
});
