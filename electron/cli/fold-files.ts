/**
 * Model files folded into the counts the views need, streamed: each file is read, checked, folded
 * and dropped. With many files the work is shared among threads (one per core, up to four): this
 * thread folds the first run of the files while worker threads fold the others, and their folds
 * are merged into this one in file order, so the first file of an export counts and later copies
 * are reported as duplicates, as in one thread.
 *
 * The threads are waited for synchronously (`Atomics.wait`, `receiveMessageOnPort`), so the
 * command line stays a plain function from arguments to an exit code.
 */
import { availableParallelism } from 'node:os';
import {
  MessageChannel,
  Worker,
  isMainThread,
  receiveMessageOnPort,
  workerData,
  type MessagePort,
} from 'node:worker_threads';
import { ModelFold, packedBuffers, type PackedFold } from '../../shared/analysis/aggregate';
import { en } from '../../shared/i18n/en';
import { checkModelFile } from '../import/model-file';
import { shown } from './files';

/** Fewer files than this per thread are not worth a thread's start (~30 ms). */
const FILES_PER_THREAD = 200;
const MAX_THREADS = 4;
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
  /** For each journey of the fold, the index of its file. */
  fileOf: number[];
}

const duplicate = (file: string, exportId: string) =>
  `${shown(file)}: duplicate of export ${exportId}, counted once`;
const counted = (file: string) => `${shown(file)}: counted`;

/** Files `from`..`to` of the list, in one thread. */
function foldPart(
  files: string[],
  from: number,
  to: number,
  map: 'asIs' | 'toBe',
  /** Called after each file: a thread's sign of life. */
  onFile: () => void = () => {},
): Part {
  const fold = new ModelFold(map);
  const notes: Note[] = [];
  const fileOf: number[] = [];
  let rejected = 0;
  for (let i = from; i < to; i++, onFile()) {
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
      fileOf.push(i);
    }
  }
  return { fold, rejected, notes, fileOf };
}

interface Job {
  kind: 'pathway-fold';
  files: string[];
  from: number;
  to: number;
  map: 'asIs' | 'toBe';
  port: MessagePort;
  done: Int32Array;
}

type Answer =
  | { ok: true; packed: PackedFold; rejected: number; notes: Note[]; fileOf: number[] }
  | { ok: false; message: string };

function signalDone(done: Int32Array) {
  Atomics.add(done, 0, 1);
  Atomics.notify(done, 0);
}

/** In a worker thread started by `foldFiles`: fold its run of files and send the fold back. */
function work(job: Job): void {
  let answered = false;
  // A thread that dies without answering still wakes the waiting one, which then says so.
  process.on('exit', () => {
    if (!answered) signalDone(job.done);
  });
  try {
    const part = foldPart(job.files, job.from, job.to, job.map, () => Atomics.add(job.done, 1, 1));
    const packed = part.fold.pack();
    const answer: Answer = {
      ok: true,
      packed,
      rejected: part.rejected,
      notes: part.notes,
      fileOf: part.fileOf,
    };
    job.port.postMessage(answer, packedBuffers(packed));
  } catch (error) {
    job.port.postMessage({ ok: false, message: (error as Error).message } satisfies Answer);
  } finally {
    answered = true;
    signalDone(job.done);
  }
}

if (!isMainThread && (workerData as Job | undefined)?.kind === 'pathway-fold') {
  work(workerData as Job);
}

/**
 * Threads are used only from the bundled command line (`dist/cli/pathway.cjs`), whose own file a
 * worker can load; run from source (tests) the files are folded in this thread.
 */
function bundleFile(): string | null {
  return typeof __filename === 'string' && __filename.endsWith('.cjs') ? __filename : null;
}

/** One thread per core (up to four), none for few files; PATHWAY_THREADS sets it. */
function threadsFor(files: number): number {
  const set = Number(process.env.PATHWAY_THREADS);
  if (Number.isInteger(set) && set >= 1) return Math.min(set, files);
  return Math.min(availableParallelism(), MAX_THREADS, Math.floor(files / FILES_PER_THREAD));
}

/** A line per file: its note (rejected, duplicate) where it has one, otherwise counted. */
function linesOf(files: string[], notes: Note[]): string[] {
  const lines = files.map(counted);
  for (const n of notes) lines[n.file] = n.text;
  return lines;
}

export function foldFiles(
  files: string[],
  map: 'asIs' | 'toBe',
  threads = threadsFor(files.length),
): FoldedFiles {
  const bundle = bundleFile();
  if (threads < 2 || bundle === null) {
    const part = foldPart(files, 0, files.length, map);
    return { fold: part.fold, rejected: part.rejected, lines: linesOf(files, part.notes) };
  }
  // Slot 0 counts finished threads, slot 1 the files they have read: a sign of life.
  const done = new Int32Array(new SharedArrayBuffer(8));
  const per = Math.ceil(files.length / threads);
  const workerCount = threads - 1;
  const ports: MessagePort[] = [];
  const workers: Worker[] = [];
  // Runs 1.. go to worker threads; run 0 is folded here meanwhile, so every core folds.
  for (let t = 1; t < threads; t++) {
    const { port1, port2 } = new MessageChannel();
    const job: Job = {
      kind: 'pathway-fold',
      files,
      from: t * per,
      to: Math.min(files.length, (t + 1) * per),
      map,
      port: port2,
      done,
    };
    workers.push(new Worker(bundle, { workerData: job, transferList: [port2] }));
    ports.push(port1);
  }
  try {
    const own = foldPart(files, 0, Math.min(files.length, per), map);
    // A thread that dies without running any more code (out of memory) never says so: if no
    // thread reads a file for a whole minute, the run stops with an error instead of hanging.
    let progress = Atomics.load(done, 1);
    let quietSince = Date.now();
    for (let seen = Atomics.load(done, 0); seen < workerCount; seen = Atomics.load(done, 0)) {
      Atomics.wait(done, 0, seen, 1000);
      const now = Atomics.load(done, 1);
      if (now !== progress) {
        progress = now;
        quietSince = Date.now();
      } else if (Date.now() - quietSince > SILENT_THREAD_MS) {
        throw new Error('a worker thread stopped answering');
      }
    }
    const { fold, notes } = own;
    let rejected = own.rejected;
    for (const port of ports) {
      const answer = receiveMessageOnPort(port)?.message as Answer | undefined;
      if (!answer) throw new Error('a worker thread stopped without an answer');
      if (!answer.ok) throw new Error(answer.message);
      rejected += answer.rejected;
      for (const n of answer.notes) notes.push(n);
      for (const n of fold.merge(answer.packed)) {
        const file = answer.fileOf[n]!;
        notes.push({ file, text: duplicate(files[file]!, answer.packed.exportIds[n]!) });
      }
    }
    return { fold, rejected, lines: linesOf(files, notes) };
  } finally {
    for (const w of workers) void w.terminate();
    for (const p of ports) p.close();
  }
}
