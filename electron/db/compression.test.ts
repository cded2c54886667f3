import { constants, deflateSync, zstdCompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { randomModels } from '../../tests/support/generate-models';
import { compress, decompress } from './compression';

const MAX = 1024 * 1024;
const texts = [
  '',
  'x',
  'Ærø og Æbeltoft',
  ...randomModels(3, 17, 40).map((m) => JSON.stringify(m)),
].map((t) => Buffer.from(t, 'utf8'));

describe('stored data, compressed', () => {
  it('reads back exactly what was written, and what deflate wrote before', () => {
    for (const t of texts) {
      expect(decompress(compress(t), MAX).equals(t)).toBe(true);
      expect(decompress(deflateSync(t, { level: 1 }), MAX).equals(t)).toBe(true);
    }
    // A model's text shrinks several times.
    const model = texts.at(-1)!;
    expect(compress(model).byteLength).toBeLessThan(model.byteLength / 4);
  });

  it('refuses a row cut short anywhere, rather than giving part of it', () => {
    const model = texts.at(-1)!;
    const stored = compress(model);
    for (let cut = 1; cut < stored.byteLength; cut++) {
      const short = stored.subarray(0, stored.byteLength - cut);
      let back: Buffer | null = null;
      try {
        back = decompress(short, MAX);
      } catch {
        // Refused: as it should be.
      }
      // Only the checksum's own last bytes may be missing: the content is then whole and right.
      if (back !== null) expect({ cut, whole: back.equals(model) }).toEqual({ cut, whole: true });
    }
  });

  it('refuses a row with anything after its frame', () => {
    const stored = Buffer.from(compress(texts.at(-1)!));
    for (const extra of [Buffer.from([0]), stored, Buffer.from('x'.repeat(100))]) {
      expect(() => decompress(Buffer.concat([stored, extra]), MAX)).toThrow(/damaged/);
    }
  });

  it('reads back every size of content, whichever way its frame states it', () => {
    // One-, two- and four-byte sizes (the two-byte ones count from 256), small and large frames.
    for (const n of [0, 1, 255, 256, 257, 65_535, 65_791, 65_792, 65_793, 600_000]) {
      const t = Buffer.alloc(n);
      for (let i = 0; i < n; i++) t[i] = (i * 7919) % 251;
      expect(decompress(compress(t), MAX).equals(t)).toBe(true);
    }
  });

  it('never gives other bytes for a damaged row', () => {
    const model = texts.at(-1)!;
    const stored = compress(model);
    for (let at = 0; at < stored.byteLength; at++) {
      for (const bit of [0, 3, 7]) {
        const damaged = Buffer.from(stored);
        damaged[at]! ^= 1 << bit;
        let back: Buffer | null = null;
        try {
          back = decompress(damaged, MAX);
        } catch {
          // Refused.
        }
        if (back !== null)
          expect({ at, bit, same: back.equals(model) }).toEqual({ at, bit, same: true });
      }
    }
  });

  it('never makes more than the bound, and refuses frames this app does not write', () => {
    const zeros = Buffer.alloc(8 * MAX);
    // A few kB that would become 8 MB: refused from its header, before anything is made.
    const bomb = compress(zeros);
    expect(bomb.byteLength).toBeLessThan(4096);
    expect(() => decompress(bomb, MAX)).toThrow(/larger than it may be/);
    expect(() => decompress(deflateSync(zeros), MAX)).toThrow();
    const level = { [constants.ZSTD_c_compressionLevel]: 1 };
    const noSize = zstdCompressSync(texts[3]!, {
      params: {
        ...level,
        [constants.ZSTD_c_contentSizeFlag]: 0,
        [constants.ZSTD_c_checksumFlag]: 1,
      },
    });
    const noChecksum = zstdCompressSync(texts[3]!, {
      params: { ...level, [constants.ZSTD_c_checksumFlag]: 0 },
    });
    expect(() => decompress(noSize, MAX)).toThrow(/damaged/);
    expect(() => decompress(noChecksum, MAX)).toThrow(/damaged/);
    expect(() => decompress(Buffer.from('not stored data'), MAX)).toThrow();
  });
});
