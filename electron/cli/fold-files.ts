/**
 * Model files folded into the counts the views need, streamed: each file is read, checked, folded
 * and dropped. With many files the work is shared among threads (one per core, up to four): every
 * thread, this one too, takes the next few files not yet taken until none are left, so a thread
 * that started late or got slower files does not keep the others waiting. The worker threads'
 * folds are then merged into this one. Whichever thread read them, the first file of an export
 * counts and later copies are reported as duplicates, as in one thread; the figures do not depend
 * on the order journeys were folded in.
 *
 * A worker thread runs `fold-worker.cjs`, built beside the command line's bundle.
 *
 * The threads are waited for synchronously (`Atomics.wait`, `receiveMessageOnPort`), so the
 * command line stays a plain function from arguments to an exit code.
 */
import { getCompileCacheDir } from 'node:module';
import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  MessageChannel,
  Worker,
  receiveMessageOnPort,
  type MessagePort,
} from 'node:worker_threads';
import {
  ModelFold,
  packedBuffers,
  SenderKeys,
  unpack,
  type PackedFold,
} from '../../shared/analysis/aggregate';
import { en } from '../../shared/i18n/en';
import { checkModelFile } from '../import/model-file';
import { shown } from './files';

/** Fewer files than this per thread are not worth a thread's start (~30 ms). */
const FILES_PER_THREAD = 200;
const MAX_THREADS = 4;
/** Files a thread takes at a time. */
const FILES_PER_TAKE = 32;
/**
 * Files a worker thread folds before it sends them on as one piece and starts the next: its
 * pieces are packed while it still folds, so at the end this thread waits only for the last one.
 * PATHWAY_PIECE_FILES sets it.
 */
function filesPerPiece(): number {
  const set = Number(process.env.PATHWAY_PIECE_FILES);
  return Number.isInteger(set) && set >= 1 ? set : 1024;
}
/** No file read by any thread for this long: a thread has died. */
const SILENT_THREAD_MS = 60_000;

/** A line about one file (rejected, or a duplicate), with its place among the files. */
interface Note {
  file: number;
  text: string;
}

export interface FoldedFiles {
  fold: ModelFold;
  rejected: number;
  /** One line per file, in file order: counted, a duplicate, or rejected and why. */
  lines: string[];
}

interface Part {
  fold: ModelFold;
  rejected: number;
  notes: Note[];
  /** For each journey of the fold, its export and the index of its file. */
  exportIds: string[];
  fileOf: number[];
}

/**
 * Shared among the threads, as 32-bit slots: finished worker threads, files read (a sign of
 * life), and the index of the next file no thread has taken yet.
 */
const DONE = 0;
const READ = 1;
const NEXT = 2;

const duplicate = (file: string, exportId: string) =>
  `${shown(file)}: duplicate of export ${exportId}, counted once`;
const counted = (file: string) => `${shown(file)}: counted`;

/** Every file's index, in order: one thread folding them all. */
function* allOf(files: readonly string[]): Generator<number> {
  for (let i = 0; i < files.length; i++) yield i;
}

/**
 * The indexes of the files this thread takes, a few at a time from those no thread has taken yet,
 * until none are left: each thread takes its files in increasing order.
 */
function* takenFrom(shared: Int32Array, count: number): Generator<number> {
  const next = () => Atomics.add(shared, NEXT, FILES_PER_TAKE);
  for (let from = next(); from < count; from = next()) {
    const to = Math.min(count, from + FILES_PER_TAKE);
    for (let i = from; i < to; i++) {
      yield i;
      Atomics.add(shared, READ, 1);
    }
  }
}

/** The files at `indexes` (increasing), folded in this thread. */
export function foldPart(
  files: readonly string[],
  map: 'asIs' | 'toBe',
  indexes: Iterable<number> = allOf(files),
  pricing = true,
): Part {
  const fold = new ModelFold(map, [], pricing);
  // Counted as they come, while the other threads fold too: a worker's counts go with its
  // pieces, and this thread's are not left to count after every thread has finished.
  fold.countAll();
  const notes: Note[] = [];
  const exportIds: string[] = [];
  const fileOf: number[] = [];
  let rejected = 0;
  for (const i of indexes) {
    const file = files[i]!;
    // A file gone since it was found cannot be read.
    const result =
      checkModelFile(file) ??
      ({ ok: false, reason: 'unreadable', detail: 'no such file' } as const);
    if (!result.ok) {
      rejected++;
      // The checks' details are their own words, never the file's text (see validate.ts).
      const detail = 'detail' in result && result.detail ? ` (${result.detail})` : '';
      notes.push({
        file: i,
        text: `${shown(file)}: rejected — ${en.program.reasons[result.reason]}${detail}`,
      });
    } else if (fold.has(result.model.exportId)) {
      notes.push({ file: i, text: duplicate(file, result.model.exportId) });
    } else {
      fold.add(result.model);
      exportIds.push(result.model.exportId);
      fileOf.push(i);
    }
  }
  return { fold, rejected, notes, exportIds, fileOf };
}

/**
 * The parts other threads folded, packed, merged into this thread's (`own`): as if one thread had
 * read every file in order, the first file of an export counts and every later copy is a
 * duplicate, whichever thread read which.
 */
export function combine(
  files: readonly string[],
  own: Part,
  others: readonly Piece[],
): FoldedFiles {
  const { fold, notes } = own;
  let rejected = own.rejected;
  // The first file each export was read from, among the copies every thread counted.
  const first = new Map<string, number>();
  const see = (exportIds: readonly string[], fileOf: readonly number[]) =>
    exportIds.forEach((id, n) => {
      const file = first.get(id);
      if (file === undefined || fileOf[n]! < file) first.set(id, fileOf[n]!);
    });
  see(own.exportIds, own.fileOf);
  for (const other of others) see(other.packed.exportIds, other.fileOf);
  const later = (exportId: string, file: number) => {
    if (first.get(exportId) === file) return false;
    notes.push({ file, text: duplicate(files[file]!, exportId) });
    return true;
  };
  // Copies counted here that another thread read from an earlier file: taken out together.
  const here = new Set(own.exportIds.filter((id, n) => later(id, own.fileOf[n]!)));
  if (here.size > 0) fold.removeAll(here);
  for (const other of others) {
    rejected += other.rejected;
    for (const n of other.notes) notes.push(n);
    const counted: number[] = [];
    other.packed.exportIds.forEach((id, n) => {
      if (!later(id, other.fileOf[n]!)) counted.push(n);
    });
    // Each export is counted from one file only, so none of these is in the fold yet.
    if (fold.merge(other.packed, counted).length > 0) throw new Error('an export counted twice');
  }
  return { fold, rejected, lines: linesOf(files, notes) };
}

export interface Job {
  kind: 'pathway-fold';
  files: string[];
  map: 'asIs' | 'toBe';
  pricing: boolean;
  port: MessagePort;
  shared: Int32Array;
}

/** A run of files a worker thread folded, packed. */
interface Piece {
  packed: PackedFold;
  rejected: number;
  notes: Note[];
  fileOf: number[];
}
type Answer = { ok: true; piece: Piece } | { ok: false; message: string };

/** Up to `count` more of `indexes` (which stays open for the next run). */
function* upTo(indexes: Iterator<number>, count: number, end: { reached: boolean }) {
  for (let n = 0; n < count; n++) {
    const next = indexes.next();
    if (next.done) {
      end.reached = true;
      return;
    }
    yield next.value;
  }
}

function signalDone(shared: Int32Array) {
  Atomics.add(shared, DONE, 1);
  Atomics.notify(shared, DONE);
}

/**
 * In a worker thread started by `foldFiles`: fold the files it takes, a piece at a time, and send
 * each piece back packed.
 */
export function work(job: Job, piece = filesPerPiece()): void {
  let answered = false;
  // A thread that dies without answering still wakes the waiting one, which then says so.
  process.on('exit', () => {
    if (!answered) signalDone(job.shared);
  });
  try {
    const indexes = takenFrom(job.shared, job.files.length);
    const end = { reached: false };
    /** How many of this thread's keys the pieces sent so far have named. */
    let keysSent = 0;
    while (!end.reached) {
      const part = foldPart(job.files, job.map, upTo(indexes, piece, end), job.pricing);
      if (part.fileOf.length === 0 && part.notes.length === 0) continue;
      const { fold, rejected, notes, fileOf } = part;
      // With this thread's own key ids: the receiver knows those named in earlier pieces.
      const packed = fold.pack(keysSent);
      keysSent += packed.keys.length;
      const answer: Answer = { ok: true, piece: { packed, rejected, notes, fileOf } };
      job.port.postMessage(answer, packedBuffers(packed));
    }
  } catch (error) {
    job.port.postMessage({ ok: false, message: (error as Error).message } satisfies Answer);
  } finally {
    answered = true;
    signalDone(job.shared);
  }
}

/**
 * What the worker threads send, taken as it comes: each piece is taken apart for merging
 * (`unpack`) at once, while the threads still fold, so that little is left to do once they are
 * done.
 */
class Receiver {
  /** Per thread, what it sent, in order. */
  private readonly answers: Answer[][];
  /** Per thread, what its key ids stand for here. */
  private readonly keys: SenderKeys[];

  constructor(private readonly ports: readonly MessagePort[]) {
    this.answers = ports.map(() => []);
    this.keys = ports.map(() => new SenderKeys());
  }

  /** Takes what has arrived so far. */
  take(): void {
    this.ports.forEach((port, t) => {
      for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) {
        const answer = m.message as Answer;
        if (answer.ok) unpack(answer.piece.packed, this.keys[t]);
        this.answers[t]!.push(answer);
      }
    });
  }

  /** Every piece sent, each thread's in the order it sent them; a thread's failure throws. */
  pieces(): Piece[] {
    this.take();
    return this.answers.flat().map((answer) => {
      if (!answer.ok) throw new Error(answer.message);
      return answer.piece;
    });
  }
}

/** Every piece the worker threads sent, each thread's in the order it sent them. */
export function piecesFrom(ports: readonly MessagePort[]): Piece[] {
  return new Receiver(ports).pieces();
}

/** `indexes`, taking what the worker threads sent after every few of them. */
function* taking(indexes: Iterable<number>, receiver: Receiver): Generator<number> {
  let n = 0;
  for (const i of indexes) {
    yield i;
    if (++n % FILES_PER_TAKE === 0) receiver.take();
  }
}

/**
 * The file a folding thread runs: `fold-worker.cjs` beside the bundled command line
 * (`dist/cli/pathway.cjs`). Run from source (tests), or with that file missing, the files are
 * folded in this thread.
 */
function workerFile(): string | null {
  if (typeof __filename !== 'string' || !__filename.endsWith('.cjs')) return null;
  const file = join(dirname(__filename), 'fold-worker.cjs');
  return existsSync(file) ? file : null;
}

/** Code that turns on the compile cache this thread uses, in the same folder, for a worker. */
function cacheStart(): string {
  const folder = getCompileCacheDir();
  return folder ? `require('node:module').enableCompileCache(${JSON.stringify(folder)}); ` : '';
}

/** One thread per core (up to four), none for few files; PATHWAY_THREADS sets it. */
function threadsFor(files: number): number {
  const set = Number(process.env.PATHWAY_THREADS);
  if (Number.isInteger(set) && set >= 1) return Math.min(set, files);
  return Math.min(availableParallelism(), MAX_THREADS, Math.floor(files / FILES_PER_THREAD));
}

/** What one thread folded of all the files. */
function alone(files: readonly string[], part: Part): FoldedFiles {
  return { fold: part.fold, rejected: part.rejected, lines: linesOf(files, part.notes) };
}

/** A line per file: its note (rejected, duplicate) where it has one, otherwise counted. */
function linesOf(files: readonly string[], notes: Note[]): string[] {
  const lines = files.map(counted);
  for (const n of notes) lines[n.file] = n.text;
  return lines;
}

/**
 * The files folded for the views of one map; with `pricing` false (no price list given) without
 * what pricing reads.
 */
export function foldFiles(
  files: string[],
  map: 'asIs' | 'toBe',
  pricing = true,
  threads = threadsFor(files.length),
): FoldedFiles {
  const threadFile = workerFile();
  if (threads < 2 || threadFile === null) {
    return alone(files, foldPart(files, map, allOf(files), pricing));
  }
  const shared = new Int32Array(new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT));
  const workerCount = threads - 1;
  const ports: MessagePort[] = [];
  const workers: Worker[] = [];
  for (let t = 1; t < threads; t++) {
    const { port1, port2 } = new MessageChannel();
    const job: Job = { kind: 'pathway-fold', files, map, pricing, port: port2, shared };
    // The folding thread's file, with the compile cache in the folder the command line's entry
    // chose for this thread (bin/compile-cache.cjs), if it chose one.
    const start = `${cacheStart()}require(${JSON.stringify(threadFile)});`;
    const worker = new Worker(start, { eval: true, workerData: job, transferList: [port2] });
    // A thread that fails is found by what it did not answer (see below); its error event, if
    // it comes at all, comes after this function returns and must not stop the process then.
    worker.on('error', () => {});
    workers.push(worker);
    ports.push(port1);
  }
  try {
    // This thread takes files too while the workers start and fold, so every core folds.
    const receiver = new Receiver(ports);
    const own = foldPart(files, map, taking(takenFrom(shared, files.length), receiver), pricing);
    // Each file is taken once: if this thread took them all, no worker has anything to send (one
    // that could not even start is not waited for).
    if (own.fileOf.length + own.notes.length === files.length) return alone(files, own);
    // A thread that dies without running any more code (out of memory) never says so: if no
    // thread reads a file for a whole minute, the run stops with an error instead of hanging.
    let progress = Atomics.load(shared, READ);
    let quietSince = Date.now();
    for (
      let seen = Atomics.load(shared, DONE);
      seen < workerCount;
      seen = Atomics.load(shared, DONE)
    ) {
      Atomics.wait(shared, DONE, seen, 1000);
      const now = Atomics.load(shared, READ);
      if (now !== progress) {
        progress = now;
        quietSince = Date.now();
      } else if (Date.now() - quietSince > SILENT_THREAD_MS) {
        throw new Error('a worker thread stopped answering');
      }
    }
    const pieces = receiver.pieces();
    // Every file was taken by some thread; one that was not answered for was lost.
    const answered = pieces.reduce((n, p) => n + p.fileOf.length + p.notes.length, 0);
    if (answered + own.fileOf.length + own.notes.length !== files.length) {
      throw new Error('a worker thread stopped without an answer');
    }
    return combine(files, own, pieces);
  } finally {
    for (const w of workers) void w.terminate();
    for (const p of ports) p.close();
  }
}
