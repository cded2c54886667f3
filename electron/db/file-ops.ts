import { randomFillSync } from 'node:crypto';
import {
  closeSync,
  fstatSync,
  fsyncSync,
  openSync,
  rmSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';

/** Flushes a file's bytes to disk. */
export function flushFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Flushes a folder's entries (a rename or unlink in it) to disk. Best effort: Windows cannot open
 * a folder for this, and there a rename is flushed by the file system itself.
 */
export function flushFolder(path: string): void {
  try {
    const fd = openSync(path, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Best effort (see above).
  }
}

/** Whether two paths name the same file (hard links of one another), compared by device and inode. */
export function sameFile(a: string, b: string): boolean {
  try {
    const sa = statSync(a, { bigint: true });
    const sb = statSync(b, { bigint: true });
    // An inode number of 0 means the file system does not give one: never "the same" then.
    return sa.ino !== 0n && sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

const ERASE_CHUNK = 1024 * 1024;

/**
 * Overwrites every byte of a file with random bytes, flushes that to disk, then unlinks it and
 * flushes its folder: what a plain copy of the citizens' data gets before it is let go.
 *
 * The limits, which the README states too: on a spinning disk the overwrite lands on the same
 * sectors. On SSDs and flash, and on copy-on-write file systems (APFS, Btrfs, ZFS, ReFS), a write
 * goes to fresh blocks and the old ones stay until the drive or file system reuses them, and
 * snapshots (Time Machine, Volume Shadow Copies), sync folders and backups may hold copies; no
 * program can reach those. Full-disk encryption (BitLocker, FileVault, LUKS) is what protects them.
 *
 * `afterFirstChunk` is for the kill tests: a crash in the middle of an erase.
 */
export function eraseFile(path: string, afterFirstChunk?: () => void): void {
  let fd: number;
  try {
    fd = openSync(path, 'r+');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  try {
    const size = fstatSync(fd).size;
    const chunk = Buffer.alloc(Math.min(ERASE_CHUNK, Math.max(size, 1)));
    for (let at = 0; at < size;) {
      const n = Math.min(chunk.length, size - at);
      randomFillSync(chunk.subarray(0, n));
      for (let done = 0; done < n;) done += writeSync(fd, chunk, done, n - done, at + done);
      at += n;
      if (at === n) afterFirstChunk?.();
    }
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  unlinkSync(path);
  flushFolder(dirname(path));
}

/** Removes a file that holds nothing in clear (an encrypted or empty one): unlinked only. */
export function removeFile(path: string): void {
  rmSync(path, { force: true });
}
