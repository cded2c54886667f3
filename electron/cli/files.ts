/**
 * The files a command is given, found: each path given as it is, each folder walked to the bottom
 * by the rule every reader of model files shares (shared/model/model-files.ts): hidden entries
 * reported and passed over, links followed, a folder reached twice (a link loop) walked once,
 * folders deeper than MAX_FOLDER_DEPTH and files beyond MAX_FOLDER_FILES reported and left, only
 * regular files read. Nothing is read here; which files a command reads is decided by their names.
 */
import { lstatSync, mkdirSync, readdirSync, statSync, type Dirent, type Stats } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import {
  compareNames,
  isHiddenName,
  MAX_FOLDER_DEPTH,
  MAX_FOLDER_FILES,
} from '../../shared/model/model-files';
import { unreadableDetail } from '../import/model-file';
import { shownName } from '../../shared/domain/text';

/** A path given or found: a regular file to consider, or already judged without reading it. */
export type Found =
  | { path: string; status: 'file' }
  | { path: string; status: 'skipped' | 'invalid'; reason: string };

/**
 * A path as it is printed: characters that would break a line or steer the terminal (control
 * characters, line and paragraph separators) or turn the line's text around (the marks and
 * overrides of bidirectional text: a right-to-left override shows a name as another, and
 * reorders the verdict after it) written as escapes, so one file is one line, read as it is.
 */
export const shown = shownName;

/**
 * A folder to write into, made with any folders missing above it, one level at a time. Node's
 * own recursive mkdir never returns where the system says a parent is missing that is there
 * (`--out /proc/x` kept the command running for ever); here that mkdir's error is thrown.
 */
export function makeFolder(folder: string): void {
  const missing: string[] = [];
  for (let at = resolve(folder); ;) {
    let stat: Stats | undefined;
    try {
      stat = statSync(at);
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'ENOENT') throw error;
    }
    if (stat) {
      if (!stat.isDirectory()) {
        throw Object.assign(new Error(`not a folder: ${shown(at)}`), { code: 'ENOTDIR' });
      }
      break;
    }
    missing.push(at);
    const up = dirname(at);
    if (up === at) break;
    at = up;
  }
  for (const dir of missing.reverse()) {
    try {
      mkdirSync(dir);
    } catch (error) {
      // Made meanwhile by someone else: as good.
      if ((error as { code?: unknown }).code !== 'EEXIST' || !statSync(dir).isDirectory()) {
        throw error;
      }
    }
  }
}

/** What a path is, links followed; or why it cannot be looked at. */
function look(path: string): Stats | { status: 'invalid'; reason: string } {
  try {
    return statSync(path);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') {
      let link = false;
      try {
        link = lstatSync(path).isSymbolicLink();
      } catch {
        // Not there at all.
      }
      return {
        status: 'invalid',
        reason: link ? 'a link to nothing (no such file)' : 'no such file or folder',
      };
    }
    return { status: 'invalid', reason: `could not be looked at (${unreadableDetail(error)})` };
  }
}

const NOT_REGULAR = 'not a regular file (a device, pipe or socket is never read)';

/** Every path given, in the order given; a folder's files in name order below it. */
export function findFiles(paths: readonly string[]): Found[] {
  const out: Found[] = [];
  for (const path of paths) {
    const stat = look(path);
    if (!('isFile' in stat)) out.push({ path, ...stat });
    else if (stat.isFile()) out.push({ path, status: 'file' });
    // One at a time: spread as arguments, a folder of 130,000 entries overflowed the stack.
    else if (stat.isDirectory()) for (const f of walkFolder(path, stat)) out.push(f);
    else out.push({ path, status: 'skipped', reason: NOT_REGULAR });
  }
  return out;
}

interface Walked {
  found: Found;
  /** The path below the folder given, `/` between parts: what the order is by. */
  rel: string;
}

/** One folder given, walked; its entries sorted by their path below it, as the window sorts. */
function walkFolder(root: string, rootStat: Stats): Found[] {
  const walked: Walked[] = [];
  const visited = new Set<string>();
  let files = 0;
  let full = false;

  const walk = (dir: string, rel: string, stat: Stats, depth: number): void => {
    const key = `${stat.dev}:${stat.ino}`;
    if (visited.has(key)) {
      walked.push({
        rel,
        found: {
          path: dir,
          status: 'skipped',
          reason: 'a folder already looked into (a link back to it), not walked again',
        },
      });
      return;
    }
    visited.add(key);
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      walked.push({
        rel,
        found: {
          path: dir,
          status: 'invalid',
          reason: `the folder could not be read (${unreadableDetail(error)})`,
        },
      });
      return;
    }
    for (const entry of entries.sort((a, b) => compareNames(a.name, b.name))) {
      if (full) return;
      const { name } = entry;
      const path = join(dir, name);
      const below = rel === '' ? name : `${rel}/${name}`;
      const at = (found: Found) => walked.push({ rel: below, found });
      if (isHiddenName(name)) {
        at({ path, status: 'skipped', reason: 'hidden (its name starts with "."), not looked at' });
        continue;
      }
      // A regular file is known as one from the folder's own listing; anything else (a link
      // above all, followed to what it names) is looked at.
      const s = entry.isFile() ? null : look(path);
      if (s === null || ('isFile' in s && s.isFile())) {
        if (++files > MAX_FOLDER_FILES) {
          full = true;
          return;
        }
        at({ path, status: 'file' });
      } else if (!('isFile' in s)) at({ path, ...s });
      else if (s.isDirectory()) {
        if (depth + 1 > MAX_FOLDER_DEPTH) {
          at({
            path,
            status: 'skipped',
            reason: `a folder more than ${MAX_FOLDER_DEPTH} levels down, not looked into`,
          });
        } else walk(path, below, s, depth + 1);
      } else at({ path, status: 'skipped', reason: NOT_REGULAR });
    }
  };

  walk(root, '', rootStat, 0);
  walked.sort((a, b) => compareNames(a.rel, b.rel));
  const found = walked.map((w) => w.found);
  if (full) {
    found.push({
      path: root,
      status: 'invalid',
      reason: `more than ${MAX_FOLDER_FILES} files: the rest was not looked at`,
    });
  }
  return found;
}
