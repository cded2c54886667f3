/**
 * The program workspace's worker threads (program-worker.ts), one per core up to four, so the main
 * process stays free while a large import is checked, and the checks run side by side. A batch is
 * split into runs, one per thread, and the answers come back in file order.
 *
 * A thread that fails is replaced, and the work it had fails as a whole (nothing of it was
 * stored); the caller then does it in the main thread. A thread that cannot start at all (its
 * file missing) is not started again.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { CheckedModel } from './checked-model';
import type { ThreadAnswer, ThreadRequest } from './program-worker';

/** Checks files given as their bytes, answers in their order. */
export type CheckFiles = (files: readonly Uint8Array[]) => Promise<CheckedModel[]>;
/** What the handlers hand to threads, when there are threads. */
export interface WorkspaceThreads {
  check: CheckFiles;
}

type Request = Omit<ThreadRequest, 'id'>;

/**
 * A thread gets its files as bytes and makes each text only as it checks that file (sent as
 * strings, a batch's texts were all made on the thread's heap the moment it arrived and were
 * copied by every collection while the batch was checked: about 7 % more processor time in all,
 * measured). The caller keeps its bytes, to check them itself if the thread fails: the thread
 * gets copies, each with a buffer of its own that is handed over rather than copied again by the
 * message (half the main thread's time for them, measured).
 */
interface Waiting {
  resolve: (answer: ThreadAnswer & { ok: true }) => void;
  reject: (error: Error) => void;
}

class Thread {
  private worker: Worker | null;
  private readonly waiting = new Map<number, Waiting>();
  private next = 0;

  constructor(private readonly file: string) {
    this.worker = this.start();
  }

  get alive(): boolean {
    return this.worker !== null;
  }

  private start(): Worker {
    const worker = new Worker(this.file);
    /** Whether this very thread ever answered: only then is it started again when it fails. */
    let answered = false;
    worker.on('message', (answer: ThreadAnswer) => {
      answered = true;
      const w = this.waiting.get(answer.id);
      this.waiting.delete(answer.id);
      if (answer.ok) w?.resolve(answer);
      else w?.reject(new Error(answer.message));
      if (this.waiting.size === 0) worker.unref();
    });
    const fail = (error: Error) => {
      for (const w of this.waiting.values()) w.reject(error);
      this.waiting.clear();
      // A thread that worked and then failed is replaced once; one that never answered (its file
      // missing, or it fails on its first work) is not, so a failure never starts a loop.
      if (this.worker === worker) this.worker = answered ? this.start() : null;
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`a workspace thread stopped (${code})`)));
    // Idle threads do not keep the process alive; one with work does (see send).
    worker.unref();
    return worker;
  }

  send(request: Request, transfer: ArrayBuffer[] = []): Promise<ThreadAnswer & { ok: true }> {
    const worker = this.worker;
    if (!worker) return Promise.reject(new Error('the workspace thread could not start'));
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.ref();
      try {
        worker.postMessage({ ...request, id }, transfer);
      } catch (error) {
        // Not sent (something in it cannot be cloned or handed over): nothing waits for it.
        this.waiting.delete(id);
        if (this.waiting.size === 0) worker.unref();
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }

  close(): Promise<number> {
    const worker = this.worker;
    this.worker = null;
    return worker ? worker.terminate() : Promise.resolve(0);
  }
}

export class ProgramThreads implements WorkspaceThreads {
  private readonly threads: Thread[];

  constructor(workerFile: string, size = Math.min(availableParallelism(), 4)) {
    this.threads = Array.from({ length: Math.max(1, size) }, () => new Thread(workerFile));
  }

  get size(): number {
    return this.threads.length;
  }

  readonly check: CheckFiles = async (files) => {
    // Only threads that are running share the work; with none, the caller checks.
    const live = this.threads.filter((t) => t.alive);
    if (live.length === 0) throw new Error('no workspace thread is running');
    const per = Math.ceil(files.length / live.length) || 1;
    const answers = await Promise.all(
      live.map((thread, t) => {
        // A copy whatever the caller passed: a Node Buffer's `slice` would be a view on its
        // memory (or on Node's shared pool), and handing that over would empty the caller's.
        const copies = files.slice(t * per, (t + 1) * per).map((b) => new Uint8Array(b));
        return thread.send(
          { kind: 'check', files: copies },
          copies.map((b) => b.buffer),
        );
      }),
    );
    return answers.flatMap((a) => a.results);
  };

  async close(): Promise<void> {
    await Promise.all(this.threads.map((t) => t.close()));
  }
}
