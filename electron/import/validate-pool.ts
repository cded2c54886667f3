/**
 * Checks model files in worker threads, one per core (up to four), so the main process stays
 * free while a large import is checked, and the checks of a batch run side by side. Each batch is
 * split into runs, one per thread, and the answers come back in file order.
 *
 * A thread that fails is replaced, and the batch it had is refused as a whole (nothing of it was
 * stored yet); the import then checks that batch in the main thread. A thread that cannot start
 * at all (its file missing) is not started again.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { CheckedModel } from './checked-model';
import type { CheckAnswer, CheckRequest } from './validate-worker';

export type CheckFiles = (files: { text: string; byteLength: number }[]) => Promise<CheckedModel[]>;

interface Waiting {
  resolve: (results: CheckedModel[]) => void;
  reject: (error: Error) => void;
}

class Thread {
  private worker: Worker | null;
  private readonly waiting = new Map<number, Waiting>();
  /** Whether a thread from the file ever answered: only then is a failed one started again. */
  private answered = false;

  constructor(private readonly file: string) {
    this.worker = this.start();
  }

  private start(): Worker {
    const worker = new Worker(this.file);
    worker.on('message', ({ id, results }: CheckAnswer) => {
      this.answered = true;
      this.waiting.get(id)?.resolve(results);
      this.waiting.delete(id);
      if (this.waiting.size === 0) worker.unref();
    });
    const fail = (error: Error) => {
      for (const w of this.waiting.values()) w.reject(error);
      this.waiting.clear();
      if (this.worker === worker) this.worker = this.answered ? this.start() : null;
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`a checking thread stopped (${code})`)));
    // Idle threads do not keep the process alive; one with work does (see check).
    worker.unref();
    return worker;
  }

  check(request: CheckRequest): Promise<CheckedModel[]> {
    const worker = this.worker;
    if (!worker) return Promise.reject(new Error('the checking thread could not start'));
    return new Promise((resolve, reject) => {
      this.waiting.set(request.id, { resolve, reject });
      worker.ref();
      worker.postMessage(request);
    });
  }

  close(): Promise<number> {
    const worker = this.worker;
    this.worker = null;
    return worker ? worker.terminate() : Promise.resolve(0);
  }
}

export class ValidatePool {
  private readonly threads: Thread[];
  private next = 0;

  constructor(workerFile: string, size = Math.min(availableParallelism(), 4)) {
    this.threads = Array.from({ length: Math.max(1, size) }, () => new Thread(workerFile));
  }

  get size(): number {
    return this.threads.length;
  }

  readonly check: CheckFiles = async (files) => {
    const per = Math.ceil(files.length / this.threads.length) || 1;
    const runs: Promise<CheckedModel[]>[] = [];
    for (let t = 0; t * per < files.length; t++) {
      runs.push(
        this.threads[t]!.check({ id: this.next++, files: files.slice(t * per, (t + 1) * per) }),
      );
    }
    return (await Promise.all(runs)).flat();
  };

  async close(): Promise<void> {
    await Promise.all(this.threads.map((t) => t.close()));
  }
}
