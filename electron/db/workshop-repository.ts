import type { Database } from 'better-sqlite3';
import type {
  Goal,
  Idea,
  IdeaPatch,
  Profile,
  ProfilePatch,
  Snapshot,
  SnapshotContent,
  SnapshotSummary,
  Workshop,
  WorkshopPatch,
} from '../../shared/domain/workshop';
import type { JourneyRepository } from './journey-repository';

const json = <T>(text: string): T => JSON.parse(text) as T;

interface ProfileRow {
  journey_id: string;
  real_name: string;
  relatives_names: string;
  birth_year: number | null;
  sex: string | null;
  municipality: string | null;
  household: string | null;
  employment: string | null;
  condition_groups: string;
  consent_workshop: number;
  consent_workshop_date: string | null;
  consent_export: number;
  consent_export_date: string | null;
  consent_quotes: number;
  consent_quotes_date: string | null;
  updated_at: string;
}

const emptyProfile = (journeyId: string): Profile => ({
  journeyId,
  realName: '',
  relativesNames: [],
  birthYear: null,
  sex: null,
  municipality: null,
  household: null,
  employment: null,
  conditionGroups: [],
  consentWorkshop: false,
  consentWorkshopDate: null,
  consentExport: false,
  consentExportDate: null,
  consentQuotes: false,
  consentQuotesDate: null,
  updatedAt: null,
});

const toProfile = (r: ProfileRow): Profile => ({
  journeyId: r.journey_id,
  realName: r.real_name,
  relativesNames: json<string[]>(r.relatives_names),
  birthYear: r.birth_year,
  sex: r.sex as Profile['sex'],
  municipality: r.municipality as Profile['municipality'],
  household: r.household as Profile['household'],
  employment: r.employment as Profile['employment'],
  conditionGroups: json<Profile['conditionGroups']>(r.condition_groups),
  consentWorkshop: r.consent_workshop === 1,
  consentWorkshopDate: r.consent_workshop_date,
  consentExport: r.consent_export === 1,
  consentExportDate: r.consent_export_date,
  consentQuotes: r.consent_quotes === 1,
  consentQuotesDate: r.consent_quotes_date,
  updatedAt: r.updated_at,
});

interface WorkshopRow {
  id: string;
  journey_id: string;
  date: string;
  place: string;
  roles: string;
  notes: string;
  created_at: string;
  updated_at: string;
}
const toWorkshop = (r: WorkshopRow): Workshop => ({
  id: r.id,
  journeyId: r.journey_id,
  date: r.date,
  place: r.place,
  roles: json<Workshop['roles']>(r.roles),
  notes: r.notes,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

interface GoalRow {
  id: string;
  journey_id: string;
  category: string;
  text: string;
  created_at: string;
  updated_at: string;
}
const toGoal = (r: GoalRow): Goal => ({
  id: r.id,
  journeyId: r.journey_id,
  category: r.category as Goal['category'],
  text: r.text,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

interface IdeaRow {
  id: string;
  journey_id: string;
  text: string;
  aims: string;
  touchpoint_ids: string;
  pain_point_ids: string;
  created_at: string;
  updated_at: string;
}

/**
 * Profile, consent, workshops, goals, ideas and snapshots of a journey. Each edit is a change of
 * one row; lists of codes or ids are stored as JSON arrays inside that row.
 */
export class WorkshopRepository {
  constructor(
    private readonly db: Database,
    private readonly journeys: JourneyRepository,
  ) {}

  // --- profile -----------------------------------------------------------------------------

  profile(journeyId: string): Profile {
    const row = this.db.prepare('SELECT * FROM profiles WHERE journey_id = ?').get(journeyId) as
      ProfileRow | undefined;
    return row ? toProfile(row) : emptyProfile(journeyId);
  }

  /** Applies a validated patch; consent dates follow consent (given today, withdrawn: none). */
  updateProfile(journeyId: string, patch: ProfilePatch, today: string, now: string): Profile {
    const next: Profile = { ...this.profile(journeyId), ...patch, updatedAt: now };
    for (const [flag, date] of [
      ['consentWorkshop', 'consentWorkshopDate'],
      ['consentExport', 'consentExportDate'],
      ['consentQuotes', 'consentQuotesDate'],
    ] as const) {
      if (!next[flag]) next[date] = null;
      else if (!next[date]) next[date] = today;
    }
    // Quotes can only be exported as part of an anonymised export.
    if (!next.consentExport && next.consentQuotes) {
      next.consentQuotes = false;
      next.consentQuotesDate = null;
    }
    this.db
      .prepare(
        `INSERT INTO profiles (journey_id, real_name, relatives_names, birth_year, sex, municipality,
           household, employment, condition_groups, consent_workshop, consent_workshop_date,
           consent_export, consent_export_date, consent_quotes, consent_quotes_date, updated_at)
         VALUES (@journeyId, @realName, @relativesNames, @birthYear, @sex, @municipality,
           @household, @employment, @conditionGroups, @consentWorkshop, @consentWorkshopDate,
           @consentExport, @consentExportDate, @consentQuotes, @consentQuotesDate, @updatedAt)
         ON CONFLICT (journey_id) DO UPDATE SET
           real_name = excluded.real_name, relatives_names = excluded.relatives_names,
           birth_year = excluded.birth_year, sex = excluded.sex,
           municipality = excluded.municipality, household = excluded.household,
           employment = excluded.employment, condition_groups = excluded.condition_groups,
           consent_workshop = excluded.consent_workshop,
           consent_workshop_date = excluded.consent_workshop_date,
           consent_export = excluded.consent_export,
           consent_export_date = excluded.consent_export_date,
           consent_quotes = excluded.consent_quotes,
           consent_quotes_date = excluded.consent_quotes_date,
           updated_at = excluded.updated_at`,
      )
      .run({
        ...next,
        relativesNames: JSON.stringify(next.relativesNames),
        conditionGroups: JSON.stringify(next.conditionGroups),
        consentWorkshop: next.consentWorkshop ? 1 : 0,
        consentExport: next.consentExport ? 1 : 0,
        consentQuotes: next.consentQuotes ? 1 : 0,
      });
    return this.profile(journeyId);
  }

  // --- workshops ---------------------------------------------------------------------------

  workshops(journeyId: string): Workshop[] {
    return (
      this.db
        .prepare('SELECT * FROM workshops WHERE journey_id = ? ORDER BY date, created_at')
        .all(journeyId) as WorkshopRow[]
    ).map(toWorkshop);
  }

  getWorkshop(id: string): Workshop | undefined {
    const r = this.db.prepare('SELECT * FROM workshops WHERE id = ?').get(id) as
      WorkshopRow | undefined;
    return r && toWorkshop(r);
  }

  createWorkshop(id: string, journeyId: string, date: string, now: string): Workshop {
    this.db
      .prepare(
        `INSERT INTO workshops (id, journey_id, date, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`,
      )
      .run(id, journeyId, date, now, now);
    return this.getWorkshop(id)!;
  }

  updateWorkshop(id: string, patch: WorkshopPatch, now: string): Workshop | undefined {
    const current = this.getWorkshop(id);
    if (!current) return undefined;
    const next = { ...current, ...patch };
    this.db
      .prepare(
        'UPDATE workshops SET date = ?, place = ?, roles = ?, notes = ?, updated_at = ? WHERE id = ?',
      )
      .run(next.date, next.place, JSON.stringify(next.roles), next.notes, now, id);
    return this.getWorkshop(id);
  }

  deleteWorkshop(id: string): boolean {
    return this.db.prepare('DELETE FROM workshops WHERE id = ?').run(id).changes === 1;
  }

  // --- goals -------------------------------------------------------------------------------

  goals(journeyId: string): Goal[] {
    return (
      this.db
        .prepare('SELECT * FROM goals WHERE journey_id = ? ORDER BY created_at, id')
        .all(journeyId) as GoalRow[]
    ).map(toGoal);
  }

  getGoal(id: string): Goal | undefined {
    const r = this.db.prepare('SELECT * FROM goals WHERE id = ?').get(id) as GoalRow | undefined;
    return r && toGoal(r);
  }

  createGoal(
    g: { id: string; journeyId: string; category: Goal['category']; text: string },
    now: string,
  ): Goal {
    this.db
      .prepare(
        'INSERT INTO goals (id, journey_id, category, text, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(g.id, g.journeyId, g.category, g.text, now, now);
    return this.getGoal(g.id)!;
  }

  updateGoal(id: string, patch: { category?: Goal['category']; text?: string }, now: string) {
    const current = this.getGoal(id);
    if (!current) return undefined;
    const next = { ...current, ...patch };
    this.db
      .prepare('UPDATE goals SET category = ?, text = ?, updated_at = ? WHERE id = ?')
      .run(next.category, next.text, now, id);
    return this.getGoal(id);
  }

  deleteGoal(id: string): boolean {
    return this.db.prepare('DELETE FROM goals WHERE id = ?').run(id).changes === 1;
  }

  // --- ideas -------------------------------------------------------------------------------

  /** Links to touchpoints or pain points deleted since are left out, not shown as dangling. */
  private toIdea(r: IdeaRow): Idea {
    const tpIds = json<string[]>(r.touchpoint_ids).filter((id) => this.journeys.getTouchpoint(id));
    const ppIds = json<string[]>(r.pain_point_ids).filter((id) => this.journeys.getPainPoint(id));
    return {
      id: r.id,
      journeyId: r.journey_id,
      text: r.text,
      aims: json<Idea['aims']>(r.aims),
      touchpointIds: tpIds,
      painPointIds: ppIds,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  }

  ideas(journeyId: string): Idea[] {
    return (
      this.db
        .prepare('SELECT * FROM ideas WHERE journey_id = ? ORDER BY created_at, id')
        .all(journeyId) as IdeaRow[]
    ).map((r) => this.toIdea(r));
  }

  getIdea(id: string): Idea | undefined {
    const r = this.db.prepare('SELECT * FROM ideas WHERE id = ?').get(id) as IdeaRow | undefined;
    return r && this.toIdea(r);
  }

  createIdea(id: string, journeyId: string, now: string): Idea {
    this.db
      .prepare('INSERT INTO ideas (id, journey_id, created_at, updated_at) VALUES (?, ?, ?, ?)')
      .run(id, journeyId, now, now);
    return this.getIdea(id)!;
  }

  updateIdea(id: string, patch: IdeaPatch, now: string): Idea | undefined {
    const current = this.getIdea(id);
    if (!current) return undefined;
    const next = { ...current, ...patch };
    this.db
      .prepare(
        'UPDATE ideas SET text = ?, aims = ?, touchpoint_ids = ?, pain_point_ids = ?, updated_at = ? WHERE id = ?',
      )
      .run(
        next.text,
        JSON.stringify(next.aims),
        JSON.stringify(next.touchpointIds),
        JSON.stringify(next.painPointIds),
        now,
        id,
      );
    return this.getIdea(id);
  }

  deleteIdea(id: string): boolean {
    return this.db.prepare('DELETE FROM ideas WHERE id = ?').run(id).changes === 1;
  }

  // --- snapshots ---------------------------------------------------------------------------

  content(journeyId: string): SnapshotContent {
    const d = this.journeys.detail(journeyId)!;
    return {
      touchpoints: d.touchpoints,
      transitions: d.transitions,
      painPoints: d.painPoints,
      goals: this.goals(journeyId),
      ideas: this.ideas(journeyId),
    };
  }

  snapshots(journeyId: string): SnapshotSummary[] {
    return (
      this.db
        .prepare(
          'SELECT id, journey_id, name, touchpoint_count, created_at FROM snapshots WHERE journey_id = ? ORDER BY created_at DESC, id',
        )
        .all(journeyId) as {
        id: string;
        journey_id: string;
        name: string;
        touchpoint_count: number;
        created_at: string;
      }[]
    ).map((r) => ({
      id: r.id,
      journeyId: r.journey_id,
      name: r.name,
      touchpointCount: r.touchpoint_count,
      createdAt: r.created_at,
    }));
  }

  getSnapshot(id: string): Snapshot | undefined {
    const r = this.db.prepare('SELECT * FROM snapshots WHERE id = ?').get(id) as
      | {
          id: string;
          journey_id: string;
          name: string;
          touchpoint_count: number;
          content: string;
          created_at: string;
        }
      | undefined;
    if (!r) return undefined;
    return {
      id: r.id,
      journeyId: r.journey_id,
      name: r.name,
      touchpointCount: r.touchpoint_count,
      createdAt: r.created_at,
      content: json<SnapshotContent>(r.content),
    };
  }

  createSnapshot(id: string, journeyId: string, name: string, now: string): SnapshotSummary {
    const content = this.content(journeyId);
    this.db
      .prepare(
        'INSERT INTO snapshots (id, journey_id, name, touchpoint_count, content, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(id, journeyId, name, content.touchpoints.length, JSON.stringify(content), now);
    return this.snapshots(journeyId).find((s) => s.id === id)!;
  }

  deleteSnapshot(id: string): boolean {
    return this.db.prepare('DELETE FROM snapshots WHERE id = ?').run(id).changes === 1;
  }

  /** Replaces the maps' content with the snapshot's, in one transaction. */
  replaceContent(journeyId: string, content: SnapshotContent): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM touchpoints WHERE journey_id = ?').run(journeyId);
      this.db.prepare('DELETE FROM goals WHERE journey_id = ?').run(journeyId);
      this.db.prepare('DELETE FROM ideas WHERE journey_id = ?').run(journeyId);
      this.journeys.restoreItems(content);
      this.restoreItems({ goals: content.goals, ideas: content.ideas, workshops: [] });
    })();
  }

  /**
   * Puts back goals, ideas and workshops exactly as they were (same ids), for undo and redo and
   * for a snapshot's restore. All or nothing.
   */
  restoreItems(items: { goals: Goal[]; ideas: Idea[]; workshops: Workshop[] }): void {
    const goal = this.db.prepare(
      'INSERT INTO goals (id, journey_id, category, text, created_at, updated_at) VALUES (@id, @journeyId, @category, @text, @createdAt, @updatedAt)',
    );
    const idea = this.db.prepare(
      `INSERT INTO ideas (id, journey_id, text, aims, touchpoint_ids, pain_point_ids, created_at, updated_at)
       VALUES (@id, @journeyId, @text, @aims, @tp, @pp, @createdAt, @updatedAt)`,
    );
    const workshop = this.db.prepare(
      `INSERT INTO workshops (id, journey_id, date, place, roles, notes, created_at, updated_at)
       VALUES (@id, @journeyId, @date, @place, @roles, @notes, @createdAt, @updatedAt)`,
    );
    this.db.transaction(() => {
      for (const g of items.goals) goal.run(g);
      for (const i of items.ideas) {
        idea.run({
          ...i,
          aims: JSON.stringify(i.aims),
          tp: JSON.stringify(i.touchpointIds),
          pp: JSON.stringify(i.painPointIds),
        });
      }
      for (const w of items.workshops) workshop.run({ ...w, roles: JSON.stringify(w.roles) });
    })();
  }
}
