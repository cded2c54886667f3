import type { PathwayModel } from '../../shared/model/pathway-model';
import { packContent } from '../db/model-content';
import type { ValidationReason } from '../../shared/model/validate';
import type { ValidationResult } from '../../shared/model/validate';

/**
 * A model file as the import's checks left it: refused with a reason, or accepted with what the
 * store needs — the canonical text that was checked, compressed as it is stored (model-content.ts),
 * and the fields kept beside it. Plain data, so it can come back from a worker thread (a few kB
 * per model instead of its whole text); the parsed model only when checked in this thread.
 */
export type CheckedModel =
  | { ok: false; reason: ValidationReason }
  | {
      ok: true;
      /** The canonical JSON with its checksum, deflated (see model-content.ts). */
      content: Uint8Array;
      exportId: string;
      exportMonth: string;
      cohort: PathwayModel['cohort'];
      touchpointCount: number;
      model?: PathwayModel;
    };

export function checkedOf(result: ValidationResult, keepModel: boolean): CheckedModel {
  if (!result.ok) return { ok: false, reason: result.reason };
  const m = result.model;
  return {
    ok: true,
    content: packContent(result.json),
    exportId: m.exportId,
    exportMonth: m.exportMonth,
    cohort: m.cohort,
    touchpointCount: m.asIs.touchpoints.length + m.toBe.touchpoints.length,
    ...(keepModel ? { model: m } : {}),
  };
}
