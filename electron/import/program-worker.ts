/**
 * A worker thread of the program workspace, bundled on its own into
 * dist/electron/program-worker.cjs: it checks imported model files (`checkedBatch`, the same code
 * as in the main process) and sends back what the store needs — the accepted models
 * compressed and their batch's folds (checked-model.ts) — so the main thread only writes.
 */
import { parentPort } from 'node:worker_threads';
import { prepareChecks } from '../../shared/model/model-validator';
import { checkedBatch, fileText, forgetKeysIfLarge, type CheckedModel } from './checked-model';

export interface ThreadRequest {
  kind: 'check';
  id: number;
  /** Each file's bytes, as the window read them: their length is its size. */
  files: Uint8Array[];
}

/**
 * The text of each file, made only as its turn comes and let go after it: a batch's texts never
 * sit on this thread's heap together.
 */
function* texts(files: readonly Uint8Array[]) {
  for (const bytes of files) yield fileText(bytes);
}
export type ThreadAnswer =
  { id: number; ok: true; results: CheckedModel[] } | { id: number; ok: false; message: string };

// Compiled while the thread waits for its first files, not while they wait for it.
prepareChecks();

parentPort?.on('message', (request: ThreadRequest) => {
  try {
    const results = checkedBatch(texts(request.files));
    parentPort!.postMessage({ id: request.id, ok: true, results } satisfies ThreadAnswer);
    // Nothing of the batch holds a key id any more: tables grown large by crafted files go.
    forgetKeysIfLarge();
  } catch (error) {
    parentPort!.postMessage({
      id: request.id,
      ok: false,
      message: error instanceof Error ? error.message : String(error),
    } satisfies ThreadAnswer);
  }
});
