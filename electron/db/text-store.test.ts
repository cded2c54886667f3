import { expect, it } from 'vitest';
import { decompress } from './compression';
import { packTexts } from './text-store';

it('packs texts in frames of at most 16 MB, each text whole in one, in order', () => {
  const MB = 1024 * 1024;
  const texts = [7, 7, 7, 1, 20].map((mb, i) => Buffer.alloc(mb * MB, 97 + i));
  const at = packTexts(texts);
  const frames = [...new Set(at.map((a) => a.batch))];
  // 7 + 7, then 7 + 1, then the one text larger than a frame on its own.
  expect(frames.map((f) => f.count)).toEqual([2, 2, 1]);
  at.forEach((a, i) => {
    const all = decompress(a.batch.data, 64 * MB);
    expect(all.length).toBe(a.batch.bytes);
    expect(all.subarray(a.start, a.end).equals(texts[i]!)).toBe(true);
  });
});
