import type { Database } from 'better-sqlite3';
import { anonymise, reviewTexts, type ExportSource } from '../../shared/model/anonymise';
import { toCsv, toOcel, toXes } from '../../shared/model/event-log';
import type { PathwayModel } from '../../shared/model/pathway-model';
import type { JourneyRepository } from '../db/journey-repository';
import type { WorkshopRepository } from '../db/workshop-repository';

export const EXPORT_FORMATS = ['model', 'ocel', 'xes', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** File contents and names for each format; names carry no alias or name, only the export id. */
export function renderFormats(model: PathwayModel, formats: readonly ExportFormat[]) {
  const stem = `forloeb-${model.exportMonth}-${model.exportId.slice(0, 8)}`;
  return formats.map((f) => {
    switch (f) {
      case 'model':
        return {
          format: f,
          name: `${stem}.pathway.json`,
          content: `${JSON.stringify(model, null, 2)}\n`,
        };
      case 'ocel':
        return {
          format: f,
          name: `${stem}.ocel.json`,
          content: `${JSON.stringify(toOcel([model]), null, 2)}\n`,
        };
      case 'xes':
        return { format: f, name: `${stem}.xes`, content: toXes([model]) };
      case 'csv':
        return { format: f, name: `${stem}.csv`, content: toCsv([model]) };
    }
  });
}

/** Gathers what the anonymiser needs and records exports in the journey's history. */
export class ExportService {
  constructor(
    private readonly db: Database,
    private readonly journeys: JourneyRepository,
    private readonly workshop: WorkshopRepository,
  ) {}

  source(journeyId: string): ExportSource | undefined {
    const detail = this.journeys.detail(journeyId);
    if (!detail) return undefined;
    return {
      detail,
      profile: this.workshop.profile(journeyId),
      ideas: this.workshop.ideas(journeyId),
    };
  }

  /** The texts with whether each is approved as it reads now. */
  texts(journeyId: string, source: ExportSource) {
    const stored = new Map(
      (
        this.db
          .prepare('SELECT text_key, scrubbed FROM text_approvals WHERE journey_id = ?')
          .all(journeyId) as { text_key: string; scrubbed: string }[]
      ).map((r) => [r.text_key, r.scrubbed]),
    );
    return reviewTexts(source).map((r) => ({
      ...r,
      approved: r.allowed && stored.get(r.key) === r.scrubbed,
    }));
  }

  setApproval(journeyId: string, key: string, approved: boolean, source: ExportSource, at: string) {
    const text = reviewTexts(source).find((r) => r.key === key);
    if (!approved || !text) {
      this.db
        .prepare('DELETE FROM text_approvals WHERE journey_id = ? AND text_key = ?')
        .run(journeyId, key);
      return !!text;
    }
    this.db
      .prepare(
        `INSERT INTO text_approvals (journey_id, text_key, scrubbed, approved_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (journey_id, text_key) DO UPDATE SET scrubbed = excluded.scrubbed, approved_at = excluded.approved_at`,
      )
      .run(journeyId, key, text.scrubbed, at);
    return true;
  }

  /** The model with the approved texts; pass `texts` when they are already at hand. */
  model(
    journeyId: string,
    source: ExportSource,
    now: Date,
    newId: () => string,
    texts = this.texts(journeyId, source),
  ): PathwayModel {
    const approved = texts.filter((t) => t.approved).map((t) => t.key);
    return anonymise(source, { now, newId, approvedTexts: new Set(approved) });
  }

  record(
    id: string,
    journeyId: string,
    model: PathwayModel,
    formats: readonly ExportFormat[],
    at: string,
  ) {
    this.db
      .prepare(
        'INSERT INTO exports (id, journey_id, export_id, profile, formats, exported_at) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(id, journeyId, model.exportId, model.anonymisationProfile, formats.join(','), at);
  }

  history(journeyId: string) {
    return (
      this.db
        .prepare('SELECT * FROM exports WHERE journey_id = ? ORDER BY exported_at DESC')
        .all(journeyId) as {
        export_id: string;
        profile: string;
        formats: string;
        exported_at: string;
      }[]
    ).map((r) => ({
      exportId: r.export_id,
      profile: r.profile,
      formats: r.formats.split(','),
      exportedAt: r.exported_at,
    }));
  }
}
