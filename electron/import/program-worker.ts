/**
 * A worker thread of the program workspace, bundled on its own into
 * dist/electron/program-worker.cjs. It does the heavy work beside the main process, with the same
 * code as there:
 * - `check`: checks imported model files (`validateModelText`) and sends back what the store
 *   needs, so the main thread only writes;
 * - `fold`: reads a run of the stored models from the database file (its own read-only
 *   connection) and folds them, sending the fold back packed, to be merged in order.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { parentPort } from 'node:worker_threads';
import { ModelFold, type PackedFold } from '../../shared/analysis/aggregate';
import type { PathwayModel } from '../../shared/model/pathway-model';
import { prepareChecks } from '../../shared/model/model-validator';
import { validateModelText } from '../../shared/model/validate';
import { checkedOf, type CheckedModel } from './checked-model';

export type ThreadRequest =
  | { kind: 'check'; id: number; files: { text: string; byteLength: number }[] }
  | {
      kind: 'fold';
      id: number;
      dbFile: string;
      map: 'asIs' | 'toBe';
      /** Rows in export-id order, from `offset`, at most `limit`. */
      offset: number;
      limit: number;
    };
export type ThreadAnswer =
  | { id: number; ok: true; results: CheckedModel[] }
  | { id: number; ok: true; packed: PackedFold }
  | { id: number; ok: false; message: string };

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function fold(request: Extract<ThreadRequest, { kind: 'fold' }>): PackedFold {
  const db = new Database(request.dbFile, { readonly: true, fileMustExist: true });
  try {
    const result = new ModelFold(request.map);
    const rows = db
      .prepare('SELECT content FROM program_models ORDER BY export_id LIMIT ? OFFSET ?')
      .pluck()
      .iterate(request.limit, request.offset) as IterableIterator<string>;
    for (const content of rows) result.add(JSON.parse(content) as PathwayModel);
    return result.pack();
  } finally {
    db.close();
  }
}

// Compiled while the thread waits for its first files, not while they wait for it.
prepareChecks();

parentPort?.on('message', (request: ThreadRequest) => {
  try {
    if (request.kind === 'check') {
      const results = request.files.map((f) =>
        checkedOf(validateModelText(f.text, f.byteLength, sha256), false),
      );
      parentPort!.postMessage({ id: request.id, ok: true, results } satisfies ThreadAnswer);
    } else {
      const packed = fold(request);
      parentPort!.postMessage({ id: request.id, ok: true, packed } satisfies ThreadAnswer, [
        packed.ids.buffer,
        packed.idEnds.buffer,
        packed.valueIds.buffer,
        packed.valueEnds.buffer,
        packed.values.buffer,
      ] as ArrayBuffer[]);
    }
  } catch (error) {
    parentPort!.postMessage({
      id: request.id,
      ok: false,
      message: error instanceof Error ? error.message : String(error),
    } satisfies ThreadAnswer);
  }
});
