/**
 * A worker thread of the program workspace, bundled on its own into
 * dist/electron/program-worker.cjs: it checks imported model files (`validateModelText`, the same
 * code as in the main process) and sends back what the store needs — the accepted models
 * compressed and their batch's folds (checked-model.ts) — so the main thread only writes.
 */
import { parentPort } from 'node:worker_threads';
import { prepareChecks } from '../../shared/model/model-validator';
import { checkFiles, type CheckedModel } from './checked-model';
import { nodeSha256 } from './model-file';

export interface ThreadRequest {
  kind: 'check';
  id: number;
  files: { text: string; byteLength: number }[];
}
export type ThreadAnswer =
  { id: number; ok: true; results: CheckedModel[] } | { id: number; ok: false; message: string };

// Compiled while the thread waits for its first files, not while they wait for it.
prepareChecks();

parentPort?.on('message', (request: ThreadRequest) => {
  try {
    const results = checkFiles(request.files, nodeSha256);
    parentPort!.postMessage({ id: request.id, ok: true, results } satisfies ThreadAnswer);
  } catch (error) {
    parentPort!.postMessage({
      id: request.id,
      ok: false,
      message: error instanceof Error ? error.message : String(error),
    } satisfies ThreadAnswer);
  }
});
