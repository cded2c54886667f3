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

export type CheckFiles = (files: { text: string; byteLength: number }[]) => Promise<CheckedModel[]>;
/** What the handlers hand to threads, when there are threads. */
export interface WorkspaceThreads {
  check: CheckFiles;
}

type Request = Omit<ThreadRequest, 'id'>;

interface Waiting {
  resolve: (answer: ThreadAnswer & { ok: true }) => void;
  reject: (error: Error) => void;
}

class Thread {
  private worker: Worker | null;
  private readonly waiting = new Map<number, Waiting>();
  private next = 0;
  /** Whether a thread from the file ever answered: only then is a failed one started again. */
  private answered = false;

  constructor(private readonly file: string) {
    this.worker = this.start();
  }

  private start(): Worker {
    const worker = new Worker(this.file);
    worker.on('message', (answer: ThreadAnswer) => {
      this.answered = true;
      const w = this.waiting.get(answer.id);
      this.waiting.delete(answer.id);
      if (answer.ok) w?.resolve(answer);
      else w?.reject(new Error(answer.message));
      if (this.waiting.size === 0) worker.unref();
    });
    const fail = (error: Error) => {
      for (const w of this.waiting.values()) w.reject(error);
      this.waiting.clear();
      if (this.worker === worker) this.worker = this.answered ? this.start() : null;
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`a workspace thread stopped (${code})`)));
    // Idle threads do not keep the process alive; one with work does (see send).
    worker.unref();
    return worker;
  }

  send(request: Request): Promise<ThreadAnswer & { ok: true }> {
    const worker = this.worker;
    if (!worker) return Promise.reject(new Error('the workspace thread could not start'));
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ ...request, id });
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

  /** `count` items in one run per thread: [offset, limit] of each. */
  private runs(count: number): [number, number][] {
    const per = Math.ceil(count / this.threads.length) || 1;
    const out: [number, number][] = [];
    for (let t = 0; t * per < count; t++) out.push([t * per, Math.min(per, count - t * per)]);
    return out;
  }

  readonly check: CheckFiles = async (files) => {
    const answers = await Promise.all(
      this.runs(files.length).map(([offset, limit], t) =>
        this.threads[t]!.send({ kind: 'check', files: files.slice(offset, offset + limit) }),
      ),
    );
    return answers.flatMap((a) => a.results);
  };

  async close(): Promise<void> {
    await Promise.all(this.threads.map((t) => t.close()));
  }
}
