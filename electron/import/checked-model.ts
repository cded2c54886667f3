import { foldedPair, packFolded, type FoldedPair } from '../../shared/analysis/aggregate';
import type { PathwayModel } from '../../shared/model/pathway-model';
import {
  validateModelText,
  type ValidationReason,
  type ValidationResult,
} from '../../shared/model/validate';
import type { Sha256Hex } from '../../shared/model/checksum';
import { encodeFolds } from '../db/fold-store';
import { packTexts, type TextAt } from '../db/text-store';

/**
 * A model file as the import's checks left it: refused with a reason, or accepted with what the
 * store needs — the canonical text that was checked, compressed as it is stored (text-store.ts),
 * the fields kept beside it, and what the model brings to the views' folds (fold-store.ts), made
 * here while the model is parsed. Plain data, so it can come back from a worker thread (a few kB
 * per model instead of its whole text).
 */
export type CheckedModel =
  | { ok: false; reason: ValidationReason }
  | {
      ok: true;
      /**
       * The canonical JSON with its checksum: where it is in its batch's texts, which are
       * compressed together and shared by every model of the batch (text-store.ts).
       */
      text: TextAt;
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
 * A batch's verdicts as the store needs them; the accepted models' folds packed together, and
 * their texts compressed together. Each model is folded and its text written out as UTF-8 as soon
 * as its check gives it, and let go before the next file is checked: a batch never holds more
 * than one parsed model and its canonical text, so they die young instead of being carried
 * through the collector's copies.
 */
export function checkedBatch(results: Iterable<ValidationResult>): CheckedModel[] {
  const pairs: FoldedPair[] = [];
  const texts: Buffer[] = [];
  const checked: Extract<CheckedModel, { ok: true }>[] = [];
  const verdicts: CheckedModel[] = [];
  for (const result of results) {
    if (!result.ok) {
      verdicts.push({ ok: false, reason: result.reason });
      continue;
    }
    const m = result.model;
    texts.push(Buffer.from(result.json, 'utf8'));
    const c: CheckedModel = {
      ok: true,
      // Where its text is, known once every file is checked: filled in below.
      text: NOWHERE,
      exportId: m.exportId,
      exportMonth: m.exportMonth,
      cohort: m.cohort,
      touchpointCount: m.asIs.touchpoints.length + m.toBe.touchpoints.length,
      // The batch's record and size, known once every file is checked: filled in below.
      folds: { record: new Uint8Array(0), journeys: 0, at: pairs.length },
    };
    checked.push(c);
    verdicts.push(c);
    pairs.push(foldedPair(m));
  }
  if (checked.length === 0) return verdicts;
  const record = encodeFolds(packFolded(pairs));
  const at = packTexts(texts);
  checked.forEach((c, i) => {
    c.folds.record = record;
    c.folds.journeys = pairs.length;
    c.text = at[i]!;
  });
  return verdicts;
}

const NOWHERE: TextAt = {
  batch: { data: new Uint8Array(0), count: 0, bytes: 0 },
  start: 0,
  end: 0,
};
