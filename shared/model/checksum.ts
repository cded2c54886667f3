import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * JSON with object keys sorted at every level: the same content always gives the same text.
 * (Written out by hand: the native serialiser puts integer-like keys first, whatever the order.)
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ',';
      // As Array.join: an element with no JSON text (undefined) leaves an empty slot.
      out += canonicalJson(value[i]) ?? '';
    }
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  let out = '{';
  let first = true;
  for (const key of Object.keys(record).sort()) {
    const v = record[key];
    if (v === undefined) continue;
    if (!first) out += ',';
    first = false;
    out += `${JSON.stringify(key)}:${canonicalJson(v)}`;
  }
  return `${out}}`;
}

/**
 * A sha256 of a text as lower-case hex, the text given whole or in pieces that join to it (a large
 * model's canonical JSON, hashed piece by piece: each piece whole JSON values, so never split
 * inside a character's surrogate pair, which each piece's UTF-8 would write as U+FFFD); the main
 * process passes Node's native one.
 */
export type Sha256Hex = (text: string | Iterable<string>) => string;

export const sha256Hex: Sha256Hex = (text) => {
  if (typeof text === 'string') return bytesToHex(sha256(utf8ToBytes(text)));
  // Each piece encoded a scratch buffer at a time: a large text's bytes are never all made.
  const hash = sha256.create();
  const scratch = new Uint8Array(64 * 1024);
  for (const piece of text) {
    for (let rest = piece; rest.length > 0;) {
      const { read, written } = UTF8.encodeInto(rest, scratch);
      hash.update(scratch.subarray(0, written));
      rest = rest.slice(read);
    }
  }
  return bytesToHex(hash.digest());
};

const UTF8 = new TextEncoder();

export function checksumOf(content: unknown, hash: Sha256Hex = sha256Hex): string {
  return `sha256:${hash(canonicalJson(content))}`;
}
