import type { Database } from 'better-sqlite3';
import type { PathwayModel } from '../../shared/model/pathway-model';
import { REASON_TEXT, validateModelText } from '../../shared/model/validate';

export interface ImportResult {
  file: string;
  status: 'imported' | 'duplicate' | 'rejected';
  reason?: string;
  exportId?: string;
}

export interface ProgramModelSummary {
  exportId: string;
  fileName: string;
  importedAt: string;
  ageBand: string | null;
  sex: string | null;
  municipality: string | null;
  conditionGroups: string[];
  touchpointCount: number;
}

/**
 * The program workspace: anonymised models imported from many workshops, kept apart from the
 * workshop journeys. Every file is checked before anything is stored, and each is stored in its
 * own transaction, so one bad file never stops the others or leaves half a record.
 */
export class ProgramRepository {
  constructor(private readonly db: Database) {}

  importOne(
    fileName: string,
    text: string,
    byteLength: number,
    now: string,
    language: 'da' | 'en',
  ): ImportResult {
    const result = validateModelText(text, byteLength);
    if (!result.ok) {
      return { file: fileName, status: 'rejected', reason: REASON_TEXT[result.reason][language] };
    }
    const m = result.model;
    const inserted = this.db.transaction(() =>
      this.db
        .prepare(
          `INSERT INTO program_models (export_id, file_name, imported_at, age_band, sex, municipality,
             condition_groups, touchpoint_count, content)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (export_id) DO NOTHING`,
        )
        .run(
          m.exportId,
          fileName.slice(0, 255),
          now,
          m.cohort.ageBand,
          m.cohort.sex,
          m.cohort.municipality,
          JSON.stringify(m.cohort.conditionGroups),
          m.asIs.touchpoints.length + m.toBe.touchpoints.length,
          JSON.stringify(m),
        ),
    )();
    return inserted.changes === 1
      ? { file: fileName, status: 'imported', exportId: m.exportId }
      : { file: fileName, status: 'duplicate', exportId: m.exportId };
  }

  list(): ProgramModelSummary[] {
    return (
      this.db
        .prepare(
          'SELECT export_id, file_name, imported_at, age_band, sex, municipality, condition_groups, touchpoint_count FROM program_models ORDER BY imported_at DESC, export_id',
        )
        .all() as {
        export_id: string;
        file_name: string;
        imported_at: string;
        age_band: string | null;
        sex: string | null;
        municipality: string | null;
        condition_groups: string;
        touchpoint_count: number;
      }[]
    ).map((r) => ({
      exportId: r.export_id,
      fileName: r.file_name,
      importedAt: r.imported_at,
      ageBand: r.age_band,
      sex: r.sex,
      municipality: r.municipality,
      conditionGroups: JSON.parse(r.condition_groups) as string[],
      touchpointCount: r.touchpoint_count,
    }));
  }

  models(): PathwayModel[] {
    return (
      this.db.prepare('SELECT content FROM program_models').all() as { content: string }[]
    ).map((r) => JSON.parse(r.content) as PathwayModel);
  }

  delete(exportId: string): boolean {
    return (
      this.db.prepare('DELETE FROM program_models WHERE export_id = ?').run(exportId).changes === 1
    );
  }

  deleteAll(): number {
    return this.db.prepare('DELETE FROM program_models').run().changes;
  }
}
