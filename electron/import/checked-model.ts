import { foldedPair, packFolded, type FoldedPair } from '../../shared/analysis/aggregate';
import type { PathwayModel } from '../../shared/model/pathway-model';
import {
  validateModelText,
  type ValidationReason,
  type ValidationResult,
} from '../../shared/model/validate';
import type { Sha256Hex } from '../../shared/model/checksum';
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

/** Checks files one by one (`validateModelText`) into what the store needs (`checkedBatch`). */
export function checkFiles(
  files: readonly { text: string; byteLength: number }[],
  hash?: Sha256Hex,
): CheckedModel[] {
  return checkedBatch(
    (function* () {
      for (const f of files) yield validateModelText(f.text, f.byteLength, hash);
    })(),
  );
}

/**
 * A batch's verdicts as the store needs them; the accepted models' folds packed together. Each
 * model is compressed and folded as soon as its check gives it, and let go before the next file
 * is checked: a batch never holds more than one parsed model and its canonical text, so they die
 * young instead of being carried through the collector's copies.
 */
export function checkedBatch(results: Iterable<ValidationResult>): CheckedModel[] {
  const pairs: FoldedPair[] = [];
  const checked: CheckedModel[] = [];
  for (const result of results) {
    if (!result.ok) {
      checked.push({ ok: false, reason: result.reason });
      continue;
    }
    const m = result.model;
    checked.push({
      ok: true,
      content: packContent(result.json),
      exportId: m.exportId,
      exportMonth: m.exportMonth,
      cohort: m.cohort,
      touchpointCount: m.asIs.touchpoints.length + m.toBe.touchpoints.length,
      // The batch's record and size, known once every file is checked: filled in below.
      folds: { record: new Uint8Array(0), journeys: 0, at: pairs.length },
    });
    pairs.push(foldedPair(m));
  }
  const record = encodeFolds(packFolded(pairs));
  for (const c of checked) {
    if (c.ok) {
      c.folds.record = record;
      c.folds.journeys = pairs.length;
    }
  }
  return checked;
}
