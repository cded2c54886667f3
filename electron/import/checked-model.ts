import { packModels } from '../../shared/analysis/aggregate';
import type { PathwayModel } from '../../shared/model/pathway-model';
import type { ValidationReason } from '../../shared/model/validate';
import type { ValidationResult } from '../../shared/model/validate';
import { encodeFolds } from '../db/fold-store';
import { packContent } from '../db/model-content';

/**
 * A model file as the import's checks left it: refused with a reason, or accepted with what the
 * store needs — the canonical text that was checked, compressed as it is stored (model-content.ts),
 * the fields kept beside it, and what the model brings to the views' folds (fold-store.ts), made
 * here while the model is parsed. Plain data, so it can come back from a worker thread (a few kB
 * per model instead of its whole text).
 */
export type CheckedModel =
  | { ok: false; reason: ValidationReason }
  | {
      ok: true;
      /** The canonical JSON with its checksum, compressed (see model-content.ts). */
      content: Uint8Array;
      exportId: string;
      exportMonth: string;
      cohort: PathwayModel['cohort'];
      touchpointCount: number;
      /**
       * Its journey in the batch's folds, encoded as stored (fold-store.ts): the same record for
       * every model of a batch, and how many journeys it holds.
       */
      folds: { record: Uint8Array; journeys: number; at: number };
    };

/** A batch's verdicts as the store needs them; the accepted models' folds packed together. */
export function checkedBatch(results: ValidationResult[]): CheckedModel[] {
  const accepted = results.flatMap((r) => (r.ok ? [r.model] : []));
  const record = encodeFolds(packModels(accepted));
  let at = 0;
  return results.map((result): CheckedModel => {
    if (!result.ok) return { ok: false, reason: result.reason };
    const m = result.model;
    return {
      ok: true,
      content: packContent(result.json),
      exportId: m.exportId,
      exportMonth: m.exportMonth,
      cohort: m.cohort,
      touchpointCount: m.asIs.touchpoints.length + m.toBe.touchpoints.length,
      folds: { record, journeys: accepted.length, at: at++ },
    };
  });
}
