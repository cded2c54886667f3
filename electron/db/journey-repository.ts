import type { Database, Statement } from 'better-sqlite3';
import {
  precisionOf,
  type Journey,
  type JourneyDetail,
  type JourneySummary,
  type PainPoint,
  type PainPointPatch,
  type Touchpoint,
  type TouchpointPatch,
  type Transition,
  type TransitionPatch,
} from '../../shared/domain/journey';
import type { MapKind } from '../../shared/vocabulary';

interface JourneyRow {
  id: string;
  alias: string;
  archived: number;
  created_at: string;
  updated_at: string;
}
interface SummaryRow extends JourneyRow {
  touchpoint_count: number;
  last_changed_at: string;
}
interface TouchpointRow {
  id: string;
  journey_id: string;
  map: string;
  label: string;
  x: number;
  y: number;
  sector: string;
  service_code: string | null;
  contact_type: string | null;
  date: string | null;
  date_precision: string;
  duration_days: number | null;
  repetitions: number | null;
  initiated_by: string | null;
  emotion: number | null;
  what_worked: string;
  quote: string;
  created_at: string;
  updated_at: string;
}
interface TransitionRow {
  id: string;
  journey_id: string;
  map: string;
  source_id: string;
  target_id: string;
  kind: string;
  quality: string | null;
  waiting_days: number | null;
  note: string;
  created_at: string;
}
interface PainPointRow {
  id: string;
  touchpoint_id: string;
  category: string;
  text: string;
  created_at: string;
  updated_at: string;
}

// Rows are written only through validated input, so their codes are members of the vocabulary;
// the output schemas check that again at the IPC boundary.
const toJourney = (r: JourneyRow): Journey => ({
  id: r.id,
  alias: r.alias,
  archived: r.archived === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});
const toTouchpoint = (r: TouchpointRow): Touchpoint => ({
  id: r.id,
  journeyId: r.journey_id,
  map: r.map as Touchpoint['map'],
  label: r.label,
  x: r.x,
  y: r.y,
  sector: r.sector as Touchpoint['sector'],
  serviceCode: r.service_code,
  contactType: r.contact_type as Touchpoint['contactType'],
  date: r.date,
  datePrecision: r.date_precision as Touchpoint['datePrecision'],
  durationDays: r.duration_days,
  repetitions: r.repetitions,
  initiatedBy: r.initiated_by as Touchpoint['initiatedBy'],
  emotion: r.emotion as Touchpoint['emotion'],
  whatWorked: r.what_worked,
  quote: r.quote,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});
const toTransition = (r: TransitionRow): Transition => ({
  id: r.id,
  journeyId: r.journey_id,
  map: r.map as Transition['map'],
  sourceId: r.source_id,
  targetId: r.target_id,
  kind: r.kind as Transition['kind'],
  quality: r.quality as Transition['quality'],
  waitingDays: r.waiting_days,
  note: r.note,
  createdAt: r.created_at,
});
const toPainPoint = (r: PainPointRow): PainPoint => ({
  id: r.id,
  touchpointId: r.touchpoint_id,
  category: r.category as PainPoint['category'],
  text: r.text,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Escapes LIKE wildcards so a search for "50%" means the text "50%". */
function likePattern(query: string): string {
  return `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Patch field → column. Only these can ever appear in an UPDATE (no SQL from input). */
const TOUCHPOINT_COLUMNS: Record<keyof TouchpointPatch, string> = {
  label: 'label',
  x: 'x',
  y: 'y',
  sector: 'sector',
  serviceCode: 'service_code',
  contactType: 'contact_type',
  date: 'date',
  durationDays: 'duration_days',
  repetitions: 'repetitions',
  initiatedBy: 'initiated_by',
  emotion: 'emotion',
  whatWorked: 'what_worked',
  quote: 'quote',
};
const TRANSITION_COLUMNS: Record<keyof TransitionPatch, string> = {
  kind: 'kind',
  quality: 'quality',
  waitingDays: 'waiting_days',
  note: 'note',
};
const PAIN_POINT_COLUMNS: Record<keyof PainPointPatch, string> = {
  category: 'category',
  text: 'text',
};

export interface NewTouchpoint {
  id: string;
  journeyId: string;
  map: MapKind;
  label: string;
  x: number;
  y: number;
  sector: Touchpoint['sector'];
  serviceCode: string | null;
  contactType: Touchpoint['contactType'];
}

/**
 * All SQL for journeys and their content. Statements are prepared once (updates once per set of
 * changed fields); every edit touches exactly the row it changes.
 */
export class JourneyRepository {
  private readonly s: Record<string, Statement>;
  private readonly updates = new Map<string, Statement>();

  constructor(private readonly db: Database) {
    const summary = `
      SELECT j.*,
        (SELECT count(*) FROM touchpoints t WHERE t.journey_id = j.id AND t.map = 'as_is') AS touchpoint_count,
        max(j.updated_at, coalesce(
          (SELECT max(t.updated_at) FROM touchpoints t WHERE t.journey_id = j.id), '')
        ) AS last_changed_at
      FROM journeys j`;
    this.s = {
      list: db.prepare(
        `${summary} WHERE (@all = 1 OR j.archived = 0)
           AND (@q IS NULL OR j.alias LIKE @q ESCAPE '\\')
         ORDER BY last_changed_at DESC, j.alias COLLATE NOCASE`,
      ),
      get: db.prepare('SELECT * FROM journeys WHERE id = ?'),
      insert: db.prepare(
        `INSERT INTO journeys (id, alias, archived, created_at, updated_at)
         VALUES (@id, @alias, 0, @now, @now)`,
      ),
      rename: db.prepare('UPDATE journeys SET alias = @alias, updated_at = @now WHERE id = @id'),
      archive: db.prepare(
        'UPDATE journeys SET archived = @archived, updated_at = @now WHERE id = @id',
      ),
      delete: db.prepare('DELETE FROM journeys WHERE id = ?'),
      tpByJourney: db.prepare(
        'SELECT * FROM touchpoints WHERE journey_id = ? ORDER BY created_at, id',
      ),
      trByJourney: db.prepare(
        'SELECT * FROM transitions WHERE journey_id = ? ORDER BY created_at, id',
      ),
      ppByJourney: db.prepare(
        `SELECT p.* FROM pain_points p JOIN touchpoints t ON t.id = p.touchpoint_id
         WHERE t.journey_id = ? ORDER BY p.created_at, p.id`,
      ),
      tpGet: db.prepare('SELECT * FROM touchpoints WHERE id = ?'),
      tpInsert: db.prepare(
        `INSERT INTO touchpoints (id, journey_id, map, label, x, y, sector, service_code, contact_type, created_at, updated_at)
         VALUES (@id, @journeyId, @map, @label, @x, @y, @sector, @serviceCode, @contactType, @now, @now)`,
      ),
      tpDelete: db.prepare('DELETE FROM touchpoints WHERE id = ?'),
      trGet: db.prepare('SELECT * FROM transitions WHERE id = ?'),
      trInsert: db.prepare(
        `INSERT INTO transitions (id, journey_id, map, source_id, target_id, kind, created_at)
         VALUES (@id, @journeyId, @map, @sourceId, @targetId, @kind, @now)`,
      ),
      trExists: db.prepare('SELECT id FROM transitions WHERE source_id = ? AND target_id = ?'),
      trDelete: db.prepare('DELETE FROM transitions WHERE id = ?'),
      ppGet: db.prepare('SELECT * FROM pain_points WHERE id = ?'),
      ppInsert: db.prepare(
        `INSERT INTO pain_points (id, touchpoint_id, category, text, created_at, updated_at)
         VALUES (@id, @touchpointId, @category, @text, @now, @now)`,
      ),
      ppDelete: db.prepare('DELETE FROM pain_points WHERE id = ?'),
    };
  }

  /** UPDATE of exactly the given columns of one row; statements cached per column set. */
  private updateRow(
    table: string,
    columns: Record<string, string>,
    id: string,
    patch: Record<string, unknown>,
    extra: Record<string, unknown>,
  ): boolean {
    const values: Record<string, unknown> = { id, ...extra };
    const sets: string[] = [];
    for (const [field, column] of Object.entries(columns)) {
      if (field in patch && patch[field] !== undefined) {
        sets.push(`${column} = @${field}`);
        values[field] = patch[field];
      }
    }
    for (const key of Object.keys(extra)) sets.push(`${key} = @${key}`);
    if (sets.length === 0)
      return this.db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(id) !== undefined;
    const sql = `UPDATE ${table} SET ${sets.join(', ')} WHERE id = @id`;
    let stmt = this.updates.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      this.updates.set(sql, stmt);
    }
    return stmt.run(values).changes === 1;
  }

  list(query: string | undefined, includeArchived: boolean): JourneySummary[] {
    const q = query?.trim() ? likePattern(query.trim()) : null;
    const rows = this.s.list!.all({ all: includeArchived ? 1 : 0, q }) as SummaryRow[];
    return rows.map((r) => ({
      ...toJourney(r),
      touchpointCount: r.touchpoint_count,
      lastChangedAt: r.last_changed_at,
    }));
  }

  get(id: string): Journey | undefined {
    const row = this.s.get!.get(id) as JourneyRow | undefined;
    return row && toJourney(row);
  }

  create(id: string, alias: string, now: string): Journey {
    this.s.insert!.run({ id, alias, now });
    return this.get(id)!;
  }

  rename(id: string, alias: string, now: string): Journey | undefined {
    return this.s.rename!.run({ id, alias, now }).changes === 1 ? this.get(id) : undefined;
  }

  setArchived(id: string, archived: boolean, now: string): Journey | undefined {
    const changes = this.s.archive!.run({ id, archived: archived ? 1 : 0, now }).changes;
    return changes === 1 ? this.get(id) : undefined;
  }

  /** Deletes the journey and, by cascade, everything in it; returns false if it did not exist. */
  delete(id: string): boolean {
    return this.s.delete!.run(id).changes === 1;
  }

  detail(id: string): JourneyDetail | undefined {
    const journey = this.get(id);
    if (!journey) return undefined;
    return {
      journey,
      touchpoints: (this.s.tpByJourney!.all(id) as TouchpointRow[]).map(toTouchpoint),
      transitions: (this.s.trByJourney!.all(id) as TransitionRow[]).map(toTransition),
      painPoints: (this.s.ppByJourney!.all(id) as PainPointRow[]).map(toPainPoint),
    };
  }

  getTouchpoint(id: string): Touchpoint | undefined {
    const row = this.s.tpGet!.get(id) as TouchpointRow | undefined;
    return row && toTouchpoint(row);
  }

  createTouchpoint(t: NewTouchpoint, now: string): Touchpoint {
    this.s.tpInsert!.run({ ...t, now });
    return this.getTouchpoint(t.id)!;
  }

  updateTouchpoint(id: string, patch: TouchpointPatch, now: string): Touchpoint | undefined {
    // The precision always follows the date, so the two can never disagree.
    const extra: Record<string, unknown> = { updated_at: now };
    if (patch.date !== undefined) extra.date_precision = precisionOf(patch.date);
    return this.updateRow('touchpoints', TOUCHPOINT_COLUMNS, id, patch, extra)
      ? this.getTouchpoint(id)
      : undefined;
  }

  deleteTouchpoint(id: string): boolean {
    return this.s.tpDelete!.run(id).changes === 1;
  }

  getTransition(id: string): Transition | undefined {
    const row = this.s.trGet!.get(id) as TransitionRow | undefined;
    return row && toTransition(row);
  }

  transitionExists(sourceId: string, targetId: string): boolean {
    return this.s.trExists!.get(sourceId, targetId) !== undefined;
  }

  createTransition(
    t: {
      id: string;
      journeyId: string;
      map: MapKind;
      sourceId: string;
      targetId: string;
      kind: Transition['kind'];
    },
    now: string,
  ): Transition {
    this.s.trInsert!.run({ ...t, now });
    return this.getTransition(t.id)!;
  }

  updateTransition(id: string, patch: TransitionPatch): Transition | undefined {
    return this.updateRow('transitions', TRANSITION_COLUMNS, id, patch, {})
      ? this.getTransition(id)
      : undefined;
  }

  deleteTransition(id: string): boolean {
    return this.s.trDelete!.run(id).changes === 1;
  }

  getPainPoint(id: string): PainPoint | undefined {
    const row = this.s.ppGet!.get(id) as PainPointRow | undefined;
    return row && toPainPoint(row);
  }

  createPainPoint(
    p: { id: string; touchpointId: string; category: PainPoint['category']; text: string },
    now: string,
  ): PainPoint {
    this.s.ppInsert!.run({ ...p, now });
    return this.getPainPoint(p.id)!;
  }

  updatePainPoint(id: string, patch: PainPointPatch, now: string): PainPoint | undefined {
    return this.updateRow('pain_points', PAIN_POINT_COLUMNS, id, patch, { updated_at: now })
      ? this.getPainPoint(id)
      : undefined;
  }

  deletePainPoint(id: string): boolean {
    return this.s.ppDelete!.run(id).changes === 1;
  }

  /**
   * Puts back rows exactly as they were (same ids), for undo and redo: touchpoints first, then
   * what hangs on them. All or nothing, in one transaction.
   */
  restoreItems(items: {
    touchpoints: Touchpoint[];
    transitions: Transition[];
    painPoints: PainPoint[];
  }): void {
    const tp = this.db.prepare(
      `INSERT INTO touchpoints (id, journey_id, map, label, x, y, sector, service_code, contact_type,
         date, date_precision, duration_days, repetitions, initiated_by, emotion, what_worked, quote,
         created_at, updated_at)
       VALUES (@id, @journeyId, @map, @label, @x, @y, @sector, @serviceCode, @contactType,
         @date, @datePrecision, @durationDays, @repetitions, @initiatedBy, @emotion, @whatWorked, @quote,
         @createdAt, @updatedAt)`,
    );
    const tr = this.db.prepare(
      `INSERT INTO transitions (id, journey_id, map, source_id, target_id, kind, quality, waiting_days, note, created_at)
       VALUES (@id, @journeyId, @map, @sourceId, @targetId, @kind, @quality, @waitingDays, @note, @createdAt)`,
    );
    const pp = this.db.prepare(
      `INSERT INTO pain_points (id, touchpoint_id, category, text, created_at, updated_at)
       VALUES (@id, @touchpointId, @category, @text, @createdAt, @updatedAt)`,
    );
    this.db.transaction(() => {
      for (const t of items.touchpoints) tp.run({ ...t, datePrecision: precisionOf(t.date) });
      for (const t of items.transitions) tr.run(t);
      for (const p of items.painPoints) pp.run(p);
    })();
  }
}
