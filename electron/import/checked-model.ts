import type { PathwayModel } from '../../shared/model/pathway-model';
import type { ValidationReason } from '../../shared/model/validate';
import type { ValidationResult } from '../../shared/model/validate';

/**
 * A model file as the import's checks left it: refused with a reason, or accepted with what the
 * store needs — the canonical text that was checked and the fields kept beside it. Plain data, so
 * it can come back from a worker thread; the parsed model only when checked in this thread.
 */
export type CheckedModel =
  | { ok: false; reason: ValidationReason }
  | {
      ok: true;
      json: string;
      exportId: string;
      cohort: PathwayModel['cohort'];
      touchpointCount: number;
      model?: PathwayModel;
    };

export function checkedOf(result: ValidationResult, keepModel: boolean): CheckedModel {
  if (!result.ok) return { ok: false, reason: result.reason };
  const m = result.model;
  return {
    ok: true,
    json: result.json,
    exportId: m.exportId,
    cohort: m.cohort,
    touchpointCount: m.asIs.touchpoints.length + m.toBe.touchpoints.length,
    ...(keepModel ? { model: m } : {}),
  };
}
