import type { Database } from 'better-sqlite3';
import {
  anonymise,
  reviewTexts,
  type ExportSource,
  type ReviewText,
} from '../../shared/model/anonymise';
import { toCsv, toOcel, toXes } from '../../shared/model/event-log';
import type { PathwayModel } from '../../shared/model/pathway-model';
import { applyMasks, type Lexicon } from '../../shared/model/scrub';
import { modelFileText } from '../../shared/model/validate';
import type { JourneyRepository } from '../db/journey-repository';
import type { WorkshopRepository } from '../db/workshop-repository';
import { danishLexicon } from './danish-lexicon';

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
          // Its canonical JSON, whose sha256 its checksum is: so also that of its own bytes
          // (see `modelFileText`).
          content: modelFileText(model),
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
    /** The Danish word list, loaded on first use (it takes a moment and some memory). */
    private readonly lexicon: () => Lexicon = danishLexicon,
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

  /**
   * The texts with whether each is approved as it reads now. An approval holds the text as it was
   * approved, guesses unmasked included; when the text or its masks change, it no longer matches
   * and lapses, and its unmasked words with it.
   */
  texts(journeyId: string, source: ExportSource) {
    const stored = new Map(
      (
        this.db
          .prepare('SELECT text_key, scrubbed, unmasked FROM text_approvals WHERE journey_id = ?')
          .all(journeyId) as { text_key: string; scrubbed: string; unmasked: string }[]
      ).map((r) => [r.text_key, r]),
    );
    return reviewTexts(source, this.lexicon()).map((r) => {
      const row = stored.get(r.key);
      const unmasked = row ? this.unmaskable(r, parseWords(row.unmasked)) : [];
      const text = applyMasks(r.original, r.masks, new Set(unmasked));
      const approved = r.allowed && row !== undefined && row.scrubbed === text;
      return {
        ...r,
        scrubbed: approved ? text : r.scrubbed,
        unmasked: approved ? unmasked : [],
        approved,
      };
    });
  }

  /** The words of `wanted` that are guesses in this text (nothing sure is ever unmasked). */
  private unmaskable(text: ReviewText, wanted: readonly string[]): string[] {
    const guesses = new Set(text.masks.filter((m) => m.unmaskable).map((m) => m.original));
    return [...new Set(wanted)].filter((w) => guesses.has(w)).sort();
  }

  setApproval(
    journeyId: string,
    key: string,
    approved: boolean,
    source: ExportSource,
    at: string,
    unmasked: readonly string[] = [],
  ) {
    const text = reviewTexts(source, this.lexicon()).find((r) => r.key === key);
    if (!approved || !text) {
      this.db
        .prepare('DELETE FROM text_approvals WHERE journey_id = ? AND text_key = ?')
        .run(journeyId, key);
      return !!text;
    }
    const words = this.unmaskable(text, unmasked);
    this.db
      .prepare(
        `INSERT INTO text_approvals (journey_id, text_key, scrubbed, unmasked, approved_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (journey_id, text_key) DO UPDATE SET scrubbed = excluded.scrubbed,
           unmasked = excluded.unmasked, approved_at = excluded.approved_at`,
      )
      .run(
        journeyId,
        key,
        applyMasks(text.original, text.masks, new Set(words)),
        JSON.stringify(words),
        at,
      );
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
    const approved = texts.filter((t) => t.approved);
    return anonymise(source, {
      now,
      newId,
      approvedTexts: new Set(approved.map((t) => t.key)),
      unmasked: new Map(approved.map((t) => [t.key, new Set(t.unmasked)])),
      lexicon: this.lexicon(),
    });
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

/** A stored list of words; anything else reads as none. */
function parseWords(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((w): w is string => typeof w === 'string') : [];
  } catch {
    return [];
  }
}
