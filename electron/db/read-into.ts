import { readSync } from 'node:fs';

/**
 * Reads a file from its start into `buffer` until the buffer is full or the file ends (a read may
 * give less than asked); how many bytes were read. The one loop every bounded read here uses.
 */
export function readInto(fd: number, buffer: Uint8Array): number {
  let at = 0;
  while (at < buffer.length) {
    const n = readSync(fd, buffer, at, buffer.length - at, at);
    if (n === 0) break;
    at += n;
  }
  return at;
}
