import type { Database } from 'better-sqlite3';
import type { PathwayModel } from '../../shared/model/pathway-model';
import type { ImportResult, ProgramModel } from '../../shared/ipc/contract';
import { validateModelText } from '../../shared/model/validate';

export type { ImportResult };
export type ProgramModelSummary = ProgramModel;

/**
 * The program workspace: anonymised models imported from many workshops, kept apart from the
 * workshop journeys. Every file is checked before anything is stored, and each is stored in its
 * own transaction, so one bad file never stops the others or leaves half a record.
 */
export class ProgramRepository {
  /** Parsed models, kept until the workspace changes: the same array lets views reuse counts. */
  private cached: PathwayModel[] | null = null;

  constructor(private readonly db: Database) {}

  importOne(fileName: string, text: string, byteLength: number, now: string): ImportResult {
    const result = validateModelText(text, byteLength);
    if (!result.ok) return { file: fileName, status: 'rejected', reason: result.reason };
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
    if (inserted.changes === 1) this.cached = null;
    return inserted.changes === 1
      ? { file: fileName, status: 'imported', exportId: m.exportId }
      : { file: fileName, status: 'duplicate', exportId: m.exportId };
  }

  list(): ProgramModelSummary[] {
    return (
      this.db
        .prepare(
          `SELECT export_id, file_name, imported_at, age_band, sex, municipality, condition_groups,
             touchpoint_count, json_extract(content, '$.exportMonth') AS export_month
           FROM program_models ORDER BY imported_at DESC, file_name, export_id`,
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
        export_month: string;
      }[]
    ).map((r) => ({
      exportId: r.export_id,
      fileName: r.file_name,
      importedAt: r.imported_at,
      exportMonth: r.export_month,
      // Stored from a validated model, so the codes are the vocabulary's.
      ageBand: r.age_band as ProgramModel['ageBand'],
      sex: r.sex as ProgramModel['sex'],
      municipality: r.municipality as ProgramModel['municipality'],
      conditionGroups: JSON.parse(r.condition_groups) as ProgramModel['conditionGroups'],
      touchpointCount: r.touchpoint_count,
    }));
  }

  models(): PathwayModel[] {
    this.cached ??= (
      this.db.prepare('SELECT content FROM program_models ORDER BY export_id').all() as {
        content: string;
      }[]
    ).map((r) => JSON.parse(r.content) as PathwayModel);
    return this.cached;
  }

  delete(exportId: string): boolean {
    this.cached = null;
    return (
      this.db.prepare('DELETE FROM program_models WHERE export_id = ?').run(exportId).changes === 1
    );
  }

  deleteAll(): number {
    this.cached = null;
    const n = this.db.prepare('DELETE FROM program_models').run().changes;
    // Deleted rows must not linger in the write-ahead log.
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    return n;
  }
}
