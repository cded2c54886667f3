import type { Database, Statement } from 'better-sqlite3';
import type {
  Journey,
  JourneyDetail,
  JourneySummary,
  Touchpoint,
  Transition,
} from '../../shared/domain/journey';

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
  label: string;
  x: number;
  y: number;
  created_at: string;
  updated_at: string;
}
interface TransitionRow {
  id: string;
  journey_id: string;
  source_id: string;
  target_id: string;
  created_at: string;
}

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
  label: r.label,
  x: r.x,
  y: r.y,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});
const toTransition = (r: TransitionRow): Transition => ({
  id: r.id,
  journeyId: r.journey_id,
  sourceId: r.source_id,
  targetId: r.target_id,
  createdAt: r.created_at,
});

/** Escapes LIKE wildcards so a search for "50%" means the text "50%". */
function likePattern(query: string): string {
  return `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export interface TouchpointPatch {
  label?: string;
  x?: number;
  y?: number;
}

/**
 * All SQL for journeys and their content. Statements are prepared once; every edit touches
 * exactly the row it changes (no rewriting of the journey on save).
 */
export class JourneyRepository {
  private readonly s: Record<string, Statement>;

  constructor(private readonly db: Database) {
    const summary = `
      SELECT j.*,
        (SELECT count(*) FROM touchpoints t WHERE t.journey_id = j.id) AS touchpoint_count,
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
      tpGet: db.prepare('SELECT * FROM touchpoints WHERE id = ?'),
      tpInsert: db.prepare(
        `INSERT INTO touchpoints (id, journey_id, label, x, y, created_at, updated_at)
         VALUES (@id, @journeyId, @label, @x, @y, @now, @now)`,
      ),
      tpUpdate: db.prepare(
        `UPDATE touchpoints SET
           label = coalesce(@label, label),
           x = coalesce(@x, x),
           y = coalesce(@y, y),
           updated_at = @now
         WHERE id = @id`,
      ),
      tpDelete: db.prepare('DELETE FROM touchpoints WHERE id = ?'),
      trGet: db.prepare('SELECT * FROM transitions WHERE id = ?'),
      trInsert: db.prepare(
        `INSERT INTO transitions (id, journey_id, source_id, target_id, created_at)
         VALUES (@id, @journeyId, @sourceId, @targetId, @now)`,
      ),
      trExists: db.prepare('SELECT id FROM transitions WHERE source_id = ? AND target_id = ?'),
      trDelete: db.prepare('DELETE FROM transitions WHERE id = ?'),
    };
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
    };
  }

  getTouchpoint(id: string): Touchpoint | undefined {
    const row = this.s.tpGet!.get(id) as TouchpointRow | undefined;
    return row && toTouchpoint(row);
  }

  createTouchpoint(
    t: { id: string; journeyId: string; label: string; x: number; y: number },
    now: string,
  ): Touchpoint {
    this.s.tpInsert!.run({ ...t, now });
    return this.getTouchpoint(t.id)!;
  }

  updateTouchpoint(id: string, patch: TouchpointPatch, now: string): Touchpoint | undefined {
    const changes = this.s.tpUpdate!.run({
      id,
      label: patch.label ?? null,
      x: patch.x ?? null,
      y: patch.y ?? null,
      now,
    }).changes;
    return changes === 1 ? this.getTouchpoint(id) : undefined;
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
    t: { id: string; journeyId: string; sourceId: string; targetId: string },
    now: string,
  ): Transition {
    this.s.trInsert!.run({ ...t, now });
    return this.getTransition(t.id)!;
  }

  deleteTransition(id: string): boolean {
    return this.s.trDelete!.run(id).changes === 1;
  }
}
