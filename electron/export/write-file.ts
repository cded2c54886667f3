import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Writes a file so that it is either complete or absent: into a temporary file beside the
 * target, flushed to disk, then renamed over the target (atomic on the same file system).
 */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  const tmp = join(
    dirname(path),
    `.${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.tmp`,
  );
  const fd = openSync(tmp, 'wx', 0o600);
  try {
    if (typeof content === 'string') writeSync(fd, content, null, 'utf8');
    else {
      // A write may take less than asked (a large backup image): write until all is written.
      for (let at = 0; at < content.length;) at += writeSync(fd, content, at, content.length - at);
    }
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw error;
  }
  closeSync(fd);
  try {
    renameSync(tmp, path);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}
