import { spawnSync } from 'node:child_process';
import { closeSync, fstatSync, openSync, readSync, writeSync } from 'node:fs';
import { isatty } from 'node:tty';

/**
 * How the command line is given a secret (the database's passphrase or its key). Never as an
 * argument: arguments are visible to every user of the computer (`ps`) and stay in the shell's
 * history. In this order:
 *
 *  1. `PATHWAY_KEY_FD=<n>`: the first line read from that open file descriptor — for scripts and
 *     tests, e.g. `PATHWAY_KEY_FD=3 pathway export … 3< secret.txt`, or 0 for a pipe on stdin.
 *  2. The terminal, when stdin is one: a prompt on stderr, typed with echo off.
 *  3. Otherwise none (null): the caller refuses, saying how to give it.
 */
export const SECRET_FD_ENV = 'PATHWAY_KEY_FD';

const MAX_SECRET_BYTES = 4096;

/** The first line of what `fd` holds (a regular file is read from its start). */
function firstLine(fd: number): string {
  const isFile = fstatSync(fd).isFile();
  const chunk = Buffer.alloc(MAX_SECRET_BYTES);
  let text = '';
  for (let at = 0; text.length < MAX_SECRET_BYTES && !text.includes('\n');) {
    let n: number;
    try {
      n = readSync(fd, chunk, 0, chunk.length, isFile ? at : null);
    } catch (error) {
      // A non-blocking pipe with nothing in it yet: wait a moment and try again.
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
      continue;
    }
    if (n === 0) break;
    text += chunk.subarray(0, n).toString('utf8');
    at += n;
  }
  return text.split(/\r?\n/)[0] ?? '';
}

/** Runs `stty` on the terminal (POSIX): false when it cannot. */
function stty(tty: number, ...args: string[]): boolean {
  const r = spawnSync('stty', args, { stdio: [tty, 'ignore', 'ignore'] });
  return r.status === 0;
}

/** Asks on the terminal with echo off (POSIX: /dev/tty and stty; Windows: raw mode). */
function askTerminal(prompt: string): string | null {
  if (process.platform === 'win32') return askWindowsConsole(prompt);
  let tty: number;
  try {
    tty = openSync('/dev/tty', 'r+');
  } catch {
    return null;
  }
  try {
    // Without echo off the secret would show on the screen: then it is not asked at all.
    if (!stty(tty, '-echo')) return null;
    try {
      writeSync(tty, prompt);
      return firstLine(tty);
    } finally {
      stty(tty, 'echo');
      writeSync(tty, '\n');
    }
  } finally {
    closeSync(tty);
  }
}

/**
 * Windows: the console in raw mode (no echo), read a character at a time until Enter.
 * Backspace works; Ctrl+C gives up.
 */
function askWindowsConsole(prompt: string): string | null {
  const stdin = process.stdin as NodeJS.ReadStream & { setRawMode?: (raw: boolean) => void };
  if (!stdin.setRawMode) return null;
  process.stderr.write(prompt);
  stdin.setRawMode(true);
  try {
    const one = Buffer.alloc(1);
    let out = '';
    for (;;) {
      let n: number;
      try {
        n = readSync(0, one, 0, 1, null);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
        continue;
      }
      const c = one.toString('latin1');
      if (n === 0 || c === '\r' || c === '\n') break;
      if (c === '\u0003') return null;
      if (c === '\b' || c === '\u007f') out = out.slice(0, -1);
      else out += c;
      if (out.length > MAX_SECRET_BYTES) break;
    }
    return Buffer.from(out, 'latin1').toString('utf8');
  } finally {
    stdin.setRawMode(false);
    stdin.pause();
    process.stderr.write('\n');
  }
}

/**
 * When a secret's descriptor variable is set but gave none: why, in a sentence for the refusal
 * (not a number, not open, or an empty first line); null when the variable is not set.
 */
export function secretFdProblem(name: string, value: string | undefined): string | null {
  if (value === undefined || value === '') return null;
  if (!/^\d{1,9}$/.test(value)) {
    return `${name}=${JSON.stringify(value)} is no file descriptor (a number, such as 3)`;
  }
  try {
    fstatSync(Number(value));
  } catch {
    return `${name}=${value} is no open file descriptor`;
  }
  return `nothing was read on ${name}=${value} (its first line is empty)`;
}

/** A secret as above; null when none was given or none can be asked for. */
export function readSecret(prompt: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const fromFd = env[SECRET_FD_ENV];
  if (fromFd !== undefined && fromFd !== '') {
    const fd = Number(fromFd);
    if (!Number.isInteger(fd) || fd < 0) return null;
    try {
      const line = firstLine(fd);
      return line === '' ? null : line;
    } catch {
      return null;
    }
  }
  if (!isatty(0)) return null;
  const typed = askTerminal(prompt);
  return typed === null || typed === '' ? null : typed;
}
