/**
 * How the program workspace compresses what it stores (imported models and their fold records):
 * Zstandard at level 1, from Node's own zlib module, with its content checksum and size in every
 * frame. Measured here on the bench's model texts, it compresses in about two thirds of the time
 * deflate at level 1 took (the fold records in half), to a slightly smaller size; both run in the
 * import's checking threads for every file imported. (LZ4 was faster still, but needs a native
 * package beside SQLite's and stores half again as many bytes.)
 *
 * Rows written before, as zlib's deflate, are still read: the two formats start differently.
 * What comes back is checked whole — the row must be one frame and nothing else, the frame must
 * say how long its content is, the content must be exactly that long and match its checksum, and
 * it may never be longer than the caller allows — so a damaged, cut-short or lengthened row fails
 * instead of giving other or partial bytes, and a crafted one cannot make the app allocate more
 * than the bound.
 */
import { constants, inflateSync, zstdCompressSync, zstdDecompressSync } from 'node:zlib';

const ZSTD_MAGIC = 0xfd2fb528;

export function compress(bytes: Uint8Array): Uint8Array {
  return zstdCompressSync(bytes, {
    pledgedSrcSize: bytes.byteLength,
    params: {
      [constants.ZSTD_c_compressionLevel]: 1,
      [constants.ZSTD_c_checksumFlag]: 1,
      [constants.ZSTD_c_contentSizeFlag]: 1,
    },
  });
}

/**
 * What a Zstandard frame's header declares — its content size and whether a checksum follows —
 * and how many bytes the whole frame takes (its header, blocks and checksum); null for a frame
 * that declares no size (this app always writes one) or does not fit the bytes.
 */
function frameOf(bytes: Uint8Array): { size: number; checksum: boolean; length: number } | null {
  if (bytes.byteLength < 6) return null;
  const descriptor = bytes[4]!;
  const sizeFlag = descriptor >> 6;
  const singleSegment = (descriptor >> 5) & 1;
  const checksum = ((descriptor >> 2) & 1) === 1;
  const dictionaryBytes = [0, 1, 2, 4][descriptor & 3]!;
  const sizeBytes = [singleSegment ? 1 : 0, 2, 4, 8][sizeFlag]!;
  if (sizeBytes === 0) return null;
  const at = 5 + (singleSegment ? 0 : 1) + dictionaryBytes;
  if (bytes.byteLength < at + sizeBytes) return null;
  let size = 0;
  for (let i = sizeBytes - 1; i >= 0; i--) size = size * 256 + bytes[at + i]!;
  // A two-byte size counts from 256.
  if (sizeBytes === 2) size += 256;
  // The blocks, each with a three-byte header: last or not, its type, its size.
  let end = at + sizeBytes;
  for (let last = false; !last;) {
    if (end + 3 > bytes.byteLength) return null;
    const header = bytes[end]! | (bytes[end + 1]! << 8) | (bytes[end + 2]! << 16);
    last = (header & 1) === 1;
    const type = (header >> 1) & 3;
    // Raw and compressed blocks hold their size in bytes; a run-length block one byte.
    if (type === 3) return null;
    end += 3 + (type === 1 ? 1 : header >>> 3);
  }
  if (checksum) end += 4;
  return end <= bytes.byteLength ? { size, checksum, length: end } : null;
}

/** What `compress` wrote (or zlib's deflate, as written before), at most `max` bytes of it. */
export function decompress(bytes: Uint8Array, max: number): Buffer<ArrayBuffer> {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.byteLength >= 4 && view.readUInt32LE(0) === ZSTD_MAGIC) {
    const frame = frameOf(view);
    // One whole frame with its checksum, and nothing after it.
    if (!frame || !frame.checksum || frame.length !== view.byteLength) {
      throw new RangeError('stored data is damaged');
    }
    if (frame.size > max) throw new RangeError('stored data is larger than it may be');
    const out = zstdDecompressSync(view, { maxOutputLength: Math.max(1, frame.size) });
    if (out.byteLength !== frame.size) throw new RangeError('stored data is damaged');
    return out;
  }
  // zlib's format (written before): its Adler-32 check fails on damaged bytes.
  return inflateSync(view, { maxOutputLength: max });
}
