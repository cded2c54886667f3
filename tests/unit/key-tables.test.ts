import { expect, it } from 'vitest';
import { keyTablesSize } from '../../shared/analysis/aggregate';
import { checksumOf } from '../../shared/model/checksum';
import type { PathwayModel } from '../../shared/model/pathway-model';
import { checkedBatch, forgetKeysIfLarge } from '../../electron/import/checked-model';
import { decodeFolds } from '../../electron/db/fold-store';
import { randomModels } from '../support/generate-models';

const file = (text: string) => ({ text, byteLength: Buffer.byteLength(text) });

/** Models as crafted files bring them: every touchpoint with a service code of its own. */
function crafted(count: number): string[] {
  return randomModels(count, 95, 400).map((m, n) => {
    const { checksum: _, ...content } = m;
    for (const map of [content.asIs, content.toBe]) {
      map.touchpoints.forEach((t, i) => (t.serviceCode = `crafted-${n}-${i}`));
    }
    return JSON.stringify({ ...content, checksum: checksumOf(content) } satisfies PathwayModel);
  });
}

it("forgets a checking thread's key tables once crafted files grew them, and folds the same records after", () => {
  const texts = crafted(4);
  const first = checkedBatch(texts.map(file));
  expect(first.every((c) => c.ok)).toBe(true);
  const grown = keyTablesSize();
  // Each model's own codes are keys of their own, and names (the codes themselves).
  expect(grown.keys).toBeGreaterThan(4 * 2 * 200);

  // Within the bound the tables stay; beyond it they go, whole.
  expect(forgetKeysIfLarge({ keys: grown.keys, chars: grown.chars })).toBe(false);
  expect(keyTablesSize()).toEqual(grown);
  expect(forgetKeysIfLarge({ keys: grown.keys - 1, chars: grown.chars })).toBe(true);
  expect(keyTablesSize()).toEqual({ keys: 0, chars: 0 });

  // The records name their keys, so they are the same byte for byte, whatever ids were given.
  const again = checkedBatch(texts.map(file));
  const record = (c: (typeof first)[number]) => (c.ok ? Buffer.from(c.folds.record) : null);
  expect(record(again[0]!)!.equals(record(first[0]!)!)).toBe(true);
  const keys = decodeFolds(record(again[0]!)!).asIs.keys;
  expect(keys).toContain('sv:crafted-3-0');
  expect(keyTablesSize()).toEqual(grown);
});
