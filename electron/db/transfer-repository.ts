import type { Database, Statement } from 'better-sqlite3';
import type { Service } from '../../shared/catalogue';
import type { Idea } from '../../shared/domain/workshop';
import type { MovedJourney, Transfer } from '../../shared/transfer/moved-journey';
import type { JourneyRepository } from './journey-repository';
import type { WorkshopRepository } from './workshop-repository';

/**
 * Every table that holds rows of a journey. A move carries each of them whole; a test finds the
 * tables that hang on `journeys` in the schema itself and fails when one is missing here, so a
 * table added later cannot be left behind on the old laptop unnoticed.
 */
export const MOVED_TABLES = [
  'journeys',
  'profiles',
  'touchpoints',
  'transitions',
  'pain_points',
  'workshops',
  'goals',
  'ideas',
  'snapshots',
  'exports',
  'text_approvals',
  'transfers',
] as const;

/** The rows of one journey as stored, before the move adds its own parts. */
export type JourneyRows = Omit<
  MovedJourney,
  'format' | 'schemaVersion' | 'moveId' | 'movedAt' | 'services'
>;

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
interface SnapshotRow {
  id: string;
  journey_id: string;
  name: string;
  touchpoint_count: number;
  content: string;
  created_at: string;
}
interface ExportRow {
  id: string;
  journey_id: string;
  export_id: string;
  profile: string;
  formats: string;
  exported_at: string;
}
interface ApprovalRow {
  journey_id: string;
  text_key: string;
  scrubbed: string;
  unmasked: string;
  approved_at: string;
}
interface TransferRow {
  id: string;
  journey_id: string;
  move_id: string;
  direction: string;
  at: string;
}

const toTransfer = (r: TransferRow): Transfer => ({
  id: r.id,
  journeyId: r.journey_id,
  moveId: r.move_id,
  direction: r.direction as Transfer['direction'],
  at: r.at,
});

/**
 * A journey's rows for a move to another laptop, read exactly as stored (an idea's links too,
 * which the app's own reading trims), and written back on the other side in one transaction.
 * The map, the goals, ideas and workshops are written by their own repositories' restore, as an
 * undo writes them; the rest is here.
 */
export class TransferRepository {
  private prepared: Record<string, Statement> | undefined;

  constructor(
    private readonly db: Database,
    private readonly journeys: JourneyRepository,
    private readonly workshop: WorkshopRepository,
  ) {}

  /**
   * The statements, prepared once, on first use: handlers are also built over databases of an
   * older schema (the upgrade tests seed one before migrating it), where `transfers` is missing.
   */
  private get s(): Record<string, Statement> {
    const db = this.db;
    this.prepared ??= {
      ideas: db.prepare('SELECT * FROM ideas WHERE journey_id = ? ORDER BY created_at, id'),
      snapshots: db.prepare('SELECT * FROM snapshots WHERE journey_id = ? ORDER BY created_at, id'),
      exports: db.prepare('SELECT * FROM exports WHERE journey_id = ? ORDER BY exported_at, id'),
      approvals: db.prepare(
        'SELECT * FROM text_approvals WHERE journey_id = ? ORDER BY approved_at, text_key',
      ),
      transfers: db.prepare('SELECT * FROM transfers WHERE journey_id = ? ORDER BY at, id'),
      insertJourney: db.prepare(
        `INSERT INTO journeys (id, alias, archived, created_at, updated_at)
         VALUES (@id, @alias, @archived, @createdAt, @updatedAt)`,
      ),
      insertProfile: db.prepare(
        `INSERT INTO profiles (journey_id, real_name, relatives_names, birth_year, sex, municipality,
           household, employment, condition_groups, consent_workshop, consent_workshop_date,
           consent_export, consent_export_date, consent_quotes, consent_quotes_date, updated_at)
         VALUES (@journeyId, @realName, @relativesNames, @birthYear, @sex, @municipality,
           @household, @employment, @conditionGroups, @consentWorkshop, @consentWorkshopDate,
           @consentExport, @consentExportDate, @consentQuotes, @consentQuotesDate, @updatedAt)`,
      ),
      insertSnapshot: db.prepare(
        `INSERT INTO snapshots (id, journey_id, name, touchpoint_count, content, created_at)
         VALUES (@id, @journeyId, @name, @touchpointCount, @content, @createdAt)`,
      ),
      insertExport: db.prepare(
        `INSERT INTO exports (id, journey_id, export_id, profile, formats, exported_at)
         VALUES (@id, @journeyId, @exportId, @profile, @formats, @exportedAt)`,
      ),
      insertApproval: db.prepare(
        `INSERT INTO text_approvals (journey_id, text_key, scrubbed, unmasked, approved_at)
         VALUES (@journeyId, @textKey, @scrubbed, @unmasked, @approvedAt)`,
      ),
      insertTransfer: db.prepare(
        `INSERT INTO transfers (id, journey_id, move_id, direction, at)
         VALUES (@id, @journeyId, @moveId, @direction, @at)`,
      ),
      // The ids of a moved journey that this database already holds, in one query: a table's
      // primary key answers each lookup.
      existingIds: db.prepare(
        `WITH wanted (id) AS (SELECT value FROM json_each(?))
         SELECT count(*) AS n FROM wanted w WHERE
           EXISTS (SELECT 1 FROM journeys WHERE id = w.id) OR
           EXISTS (SELECT 1 FROM touchpoints WHERE id = w.id) OR
           EXISTS (SELECT 1 FROM transitions WHERE id = w.id) OR
           EXISTS (SELECT 1 FROM pain_points WHERE id = w.id) OR
           EXISTS (SELECT 1 FROM workshops WHERE id = w.id) OR
           EXISTS (SELECT 1 FROM goals WHERE id = w.id) OR
           EXISTS (SELECT 1 FROM ideas WHERE id = w.id) OR
           EXISTS (SELECT 1 FROM snapshots WHERE id = w.id) OR
           EXISTS (SELECT 1 FROM exports WHERE id = w.id) OR
           EXISTS (SELECT 1 FROM transfers WHERE id = w.id)`,
      ),
      usedCodes: db.prepare(
        `SELECT DISTINCT service_code AS code FROM touchpoints
         WHERE journey_id = ? AND service_code IS NOT NULL ORDER BY code`,
      ),
      service: db.prepare('SELECT * FROM services WHERE code = ?'),
      labels: db.prepare('SELECT code, label_da FROM services'),
      insertService: db.prepare(
        `INSERT INTO services (code, sector, default_contact_type, label_da, label_en, hidden, position)
         VALUES (@code, @sector, @defaultContactType, @da, @en, @hidden,
           (SELECT coalesce(max(position), -1) + 1 FROM services))`,
      ),
    };
    return this.prepared;
  }

  /** The journey's rows exactly as stored; undefined when there is no such journey. */
  rows(journeyId: string): JourneyRows | undefined {
    const detail = this.journeys.detail(journeyId);
    if (!detail) return undefined;
    const profile = this.workshop.profile(journeyId);
    return {
      journey: detail.journey,
      // A profile never filled in has no row (and no time it was changed).
      profile: profile.updatedAt === null ? null : { ...profile, updatedAt: profile.updatedAt },
      touchpoints: detail.touchpoints,
      transitions: detail.transitions,
      painPoints: detail.painPoints,
      workshops: this.workshop.workshops(journeyId),
      goals: this.workshop.goals(journeyId),
      ideas: (this.s.ideas!.all(journeyId) as IdeaRow[]).map((r): Idea => ({
        id: r.id,
        journeyId: r.journey_id,
        text: r.text,
        aims: JSON.parse(r.aims) as Idea['aims'],
        touchpointIds: JSON.parse(r.touchpoint_ids) as string[],
        painPointIds: JSON.parse(r.pain_point_ids) as string[],
        createdAt: r.created_at,
        updatedAt: r.updated_at,
      })),
      snapshots: (this.s.snapshots!.all(journeyId) as SnapshotRow[]).map((r) => ({
        id: r.id,
        journeyId: r.journey_id,
        name: r.name,
        touchpointCount: r.touchpoint_count,
        content: r.content,
        createdAt: r.created_at,
      })),
      exports: (this.s.exports!.all(journeyId) as ExportRow[]).map((r) => ({
        id: r.id,
        journeyId: r.journey_id,
        exportId: r.export_id,
        profile: r.profile,
        formats: r.formats.split(',') as MovedJourney['exports'][number]['formats'],
        exportedAt: r.exported_at,
      })),
      textApprovals: (this.s.approvals!.all(journeyId) as ApprovalRow[]).map((r) => ({
        journeyId: r.journey_id,
        textKey: r.text_key,
        scrubbed: r.scrubbed,
        unmasked: JSON.parse(r.unmasked) as string[],
        approvedAt: r.approved_at,
      })),
      transfers: this.history(journeyId),
    };
  }

  /** The service codes the journey's touchpoints name (snapshots are read by the caller). */
  usedServiceCodes(journeyId: string): string[] {
    return (this.s.usedCodes!.all(journeyId) as { code: string }[]).map((r) => r.code);
  }

  /** How many of `ids` this database already holds, in any table a journey's rows live in. */
  countExisting(ids: readonly string[]): number {
    return (this.s.existingIds!.get(JSON.stringify(ids)) as { n: number }).n;
  }

  /**
   * Writes a moved journey's rows, all or nothing (the caller's transaction). Every row is
   * inserted, never updated: a row whose id exists already fails the insert, and so the move.
   */
  insert(m: JourneyRows): void {
    this.db.transaction(() => {
      this.s.insertJourney!.run({ ...m.journey, archived: m.journey.archived ? 1 : 0 });
      if (m.profile) {
        this.s.insertProfile!.run({
          ...m.profile,
          relativesNames: JSON.stringify(m.profile.relativesNames),
          conditionGroups: JSON.stringify(m.profile.conditionGroups),
          consentWorkshop: m.profile.consentWorkshop ? 1 : 0,
          consentExport: m.profile.consentExport ? 1 : 0,
          consentQuotes: m.profile.consentQuotes ? 1 : 0,
        });
      }
      this.journeys.restoreItems({
        touchpoints: m.touchpoints,
        transitions: m.transitions,
        painPoints: m.painPoints,
      });
      this.workshop.restoreItems({ goals: m.goals, ideas: m.ideas, workshops: m.workshops });
      for (const s of m.snapshots) this.s.insertSnapshot!.run(s);
      for (const e of m.exports) this.s.insertExport!.run({ ...e, formats: e.formats.join(',') });
      for (const a of m.textApprovals) {
        this.s.insertApproval!.run({ ...a, unmasked: JSON.stringify(a.unmasked) });
      }
      for (const t of m.transfers) this.record(t);
    })();
  }

  record(t: Transfer): void {
    this.s.insertTransfer!.run(t);
  }

  /** Both ends of every move of the journey this laptop knows of, oldest first. */
  history(journeyId: string): Transfer[] {
    return (this.s.transfers!.all(journeyId) as TransferRow[]).map(toTransfer);
  }

  /**
   * A service carried with a moved journey: added when the code is new here, left as it is when
   * the code is here already (never overwritten). Says which happened; `differs` when the code
   * here names something else (another label, sector or contact type).
   */
  addCarriedService(s: Service) {
    const here = this.s.service!.get(s.code) as
      | { sector: string; default_contact_type: string; label_da: string; label_en: string }
      | undefined;
    if (!here) {
      // A service named as another here already is is added hidden: the journey keeps it, but no
      // one picks a look-alike of «Nykøbing F. Sygehus, akutmodtagelse» filed under another sector.
      // Its Danish name as a reader sees it, compared with every other service's: case, spaces
      // and how the letters are encoded do not count ("Sygehus, akutmodtagelse " is the same).
      const seen = (label: string) =>
        label.normalize('NFKC').replace(/\s+/gu, ' ').trim().toLocaleLowerCase('da');
      const mine = seen(s.label.da);
      const lookalike = (this.s.labels!.all() as { code: string; label_da: string }[]).some(
        (r) => r.code !== s.code && seen(r.label_da) === mine,
      );
      this.s.insertService!.run({
        ...s,
        da: s.label.da,
        en: s.label.en,
        hidden: s.hidden || lookalike ? 1 : 0,
      });
      return 'added' as const;
    }
    const same =
      here.sector === s.sector &&
      here.default_contact_type === s.defaultContactType &&
      here.label_da === s.label.da &&
      here.label_en === s.label.en;
    return same ? ('same' as const) : ('differs' as const);
  }
}
