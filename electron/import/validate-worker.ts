/**
 * A worker thread of the import: checks model files (`validateModelText`, the same code as in the
 * main process) and sends back what the store needs, so the main process only writes.
 * Bundled on its own into dist/electron/validate-worker.cjs.
 */
import { createHash } from 'node:crypto';
import { parentPort } from 'node:worker_threads';
import { prepareChecks } from '../../shared/model/model-validator';
import { validateModelText } from '../../shared/model/validate';
import { checkedOf, type CheckedModel } from './checked-model';

export interface CheckRequest {
  id: number;
  files: { text: string; byteLength: number }[];
}
export interface CheckAnswer {
  id: number;
  results: CheckedModel[];
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

// Compiled while the thread waits for its first files, not while they wait for it.
prepareChecks();

parentPort?.on('message', ({ id, files }: CheckRequest) => {
  const results = files.map((f) =>
    checkedOf(validateModelText(f.text, f.byteLength, sha256), false),
  );
  parentPort!.postMessage({ id, results } satisfies CheckAnswer);
});
