/**
 * A worker thread of the program workspace, bundled on its own into
 * dist/electron/program-worker.cjs: it checks imported model files (`validateModelText`, the same
 * code as in the main process) and sends back what the store needs — the accepted models
 * compressed and their batch's folds (checked-model.ts) — so the main thread only writes.
 */
import { parentPort } from 'node:worker_threads';
import { prepareChecks } from '../../shared/model/model-validator';
import { validateModelText } from '../../shared/model/validate';
import { checkedBatch, type CheckedModel } from './checked-model';
import { nodeSha256 } from './model-file';

export interface ThreadRequest {
  kind: 'check';
  id: number;
  /** Each file's text as UTF-8 (program-threads.ts encodes it): its length is its size. */
  files: Uint8Array[];
}

/**
 * The text of each file, made only as its turn comes and let go after it: a batch's texts never
 * sit on this thread's heap together. A byte order mark is kept, as the main thread keeps it.
 */
const UTF8 = new TextDecoder('utf-8', { ignoreBOM: true });
function* verdicts(files: readonly Uint8Array[]) {
  for (const bytes of files) {
    yield validateModelText(UTF8.decode(bytes), bytes.byteLength, nodeSha256);
  }
}
export type ThreadAnswer =
  { id: number; ok: true; results: CheckedModel[] } | { id: number; ok: false; message: string };

// Compiled while the thread waits for its first files, not while they wait for it.
prepareChecks();

parentPort?.on('message', (request: ThreadRequest) => {
  try {
    const results = checkedBatch(verdicts(request.files));
    parentPort!.postMessage({ id: request.id, ok: true, results } satisfies ThreadAnswer);
  } catch (error) {
    parentPort!.postMessage({
      id: request.id,
      ok: false,
      message: error instanceof Error ? error.message : String(error),
    } satisfies ThreadAnswer);
  }
});
