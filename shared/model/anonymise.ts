import type { JourneyDetail, Touchpoint } from '../domain/journey';
import type { Idea, Profile } from '../domain/workshop';
import { MAPS, type MapKind, VOCABULARY_VERSION } from '../vocabulary';
import { checksumOf, sha256Hex, type Sha256Hex } from './checksum';
import {
  AGE_BANDS,
  canonicalModelJson,
  MODEL_FORMAT,
  MODEL_SCHEMA_VERSION,
  pathwayModelSchema,
  type AgeBand,
  type ModelPathway,
  type PathwayModel,
} from './pathway-model';
import { applyMasks, normaliseText, scrubText, type Lexicon, type Mask } from './scrub';

export interface ExportSource {
  detail: JourneyDetail;
  profile: Profile;
  ideas: Idea[];
}

export interface ExportOptions {
  now: Date;
  /** A fresh random id per export (crypto.randomUUID); never derived from the journey. */
  newId: () => string;
  /** Keys of the free texts the facilitator and citizen approved one by one. */
  approvedTexts?: ReadonlySet<string>;
  /** Per approved text, the masked guesses approved to stay as written. */
  unmasked?: ReadonlyMap<string, ReadonlySet<string>>;
  /** The Danish word list for the scrubber's allowlist (the main process always passes one). */
  lexicon?: Lexicon;
}

export class ExportRefusedError extends Error {
  constructor(readonly reason: 'no_export_consent') {
    super('The citizen has not consented to an anonymised export');
    this.name = 'ExportRefusedError';
  }
}

/** A free text that could go into the export, as the review screen shows it. */
export interface ReviewText {
  key: string;
  kind: 'quote' | 'pain' | 'idea';
  /** The text as typed, in the normal form its masks point into (see `normaliseText`). */
  original: string;
  /** The text with every mask applied. */
  scrubbed: string;
  masks: Mask[];
  /** False when consent does not allow it at all (quotes need the quotes consent). */
  allowed: boolean;
}

/**
 * The names to scrub: the citizen's and the relatives', from the profile, and the alias — the
 * name the citizen is known by in the app, often a first name ("Karen H.").
 */
export function profileNames(profile: Profile, alias = ''): string[] {
  return [profile.realName, alias, ...profile.relativesNames].filter((n) => n.trim() !== '');
}

/** Every free text of the journey with its scrubbed form, for review one by one. */
export function reviewTexts(source: ExportSource, lexicon?: Lexicon): ReviewText[] {
  const names = profileNames(source.profile, source.detail.journey.alias);
  const out: ReviewText[] = [];
  const push = (key: string, kind: ReviewText['kind'], typed: string, allowed: boolean) => {
    if (typed.trim() === '') return;
    const original = normaliseText(typed);
    const r = scrubText(original, names, { lexicon });
    out.push({ key, kind, original, scrubbed: r.text, masks: r.masks, allowed });
  };
  for (const tp of orderTouchpoints(source.detail.touchpoints)) {
    push(`quote:${tp.id}`, 'quote', tp.quote, source.profile.consentQuotes);
    for (const p of source.detail.painPoints.filter((x) => x.touchpointId === tp.id)) {
      push(`pain:${p.id}`, 'pain', p.text, true);
    }
  }
  for (const idea of source.ideas) push(`idea:${idea.id}`, 'idea', idea.text, true);
  return out;
}

/**
 * The text cut to at most `max` UTF-16 units, never between the two halves of a character (an
 * emoji at the cut would leave half of it, which no model may hold).
 */
export function upTo(text: string, max: number): string {
  if (text.length <= max) return text;
  const last = text.charCodeAt(max - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}

/** As-is before to-be, each in its order along the time axis. */
function orderTouchpoints(touchpoints: Touchpoint[]): Touchpoint[] {
  return MAPS.flatMap((m) =>
    touchpoints
      .filter((t) => t.map === m)
      .sort((a, b) => a.x - b.x || a.createdAt.localeCompare(b.createdAt)),
  );
}

const DAY_MS = 86_400_000;
function dateValue(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y!, (m ?? 1) - 1, d ?? 1);
}

/** Ten-year bands, bottom-coded under 20 and top-coded from 80. */
export function ageBand(birthYear: number | null, exportYear: number): AgeBand | null {
  if (birthYear === null) return null;
  const age = exportYear - birthYear;
  if (age < 0) return null;
  if (age < 20) return '0-19';
  if (age >= 80) return '80+';
  return AGE_BANDS[Math.floor(age / 10) - 1]!;
}

/**
 * Turns a journey into the anonymised pathway model: codes from the closed vocabulary, dates as
 * whole days since the first dated event (month precision kept), age as a band, a fresh random
 * id, and free text only where it was scrubbed and approved. Throws without export consent.
 */
export function anonymise(source: ExportSource, options: ExportOptions): PathwayModel {
  const { detail, profile, ideas } = source;
  if (!profile.consentExport) throw new ExportRefusedError('no_export_consent');
  const approved = options.approvedTexts ?? new Set<string>();
  const reviewed = new Map(reviewTexts(source, options.lexicon).map((r) => [r.key, r]));
  const textFor = (key: string): string | undefined => {
    const r = reviewed.get(key);
    if (!r || !r.allowed || !approved.has(key)) return undefined;
    const text = applyMasks(r.original, r.masks, options.unmasked?.get(key)).trim();
    return text === '' ? undefined : upTo(text, 2000);
  };

  const ordered = orderTouchpoints(detail.touchpoints);
  const refs = new Map(ordered.map((t, i) => [t.id, `t${i + 1}`]));
  const mapOf = new Map(ordered.map((t) => [t.id, t.map]));
  const dated = ordered.filter((t) => t.date !== null).map((t) => dateValue(t.date!));
  const first = dated.length ? Math.min(...dated) : null;
  let textsIncluded = false;

  const pathway = (map: MapKind): ModelPathway => {
    const touchpoints = ordered
      .filter((t) => t.map === map)
      .map((t) => {
        const quote = textFor(`quote:${t.id}`);
        const painPoints = detail.painPoints
          .filter((p) => p.touchpointId === t.id)
          .map((p) => {
            const text = textFor(`pain:${p.id}`);
            if (text) textsIncluded = true;
            return { category: p.category, ...(text ? { text } : {}) };
          });
        if (quote) textsIncluded = true;
        return {
          ref: refs.get(t.id)!,
          sector: t.sector,
          serviceCode: t.serviceCode,
          contactType: t.contactType,
          day:
            t.date !== null && first !== null
              ? Math.round((dateValue(t.date) - first) / DAY_MS)
              : null,
          datePrecision: t.datePrecision,
          durationDays: t.durationDays,
          repetitions: t.repetitions,
          initiatedBy: t.initiatedBy,
          emotion: t.emotion,
          painPoints,
          whatWorked: t.whatWorked.trim() !== '',
          ...(quote ? { quote } : {}),
        };
      });
    const transitions = detail.transitions
      // Both ends in the transition's own map: an import refuses a model with any other.
      .filter(
        (tr) => tr.map === map && mapOf.get(tr.sourceId) === map && mapOf.get(tr.targetId) === map,
      )
      .map((tr) => ({
        from: refs.get(tr.sourceId)!,
        to: refs.get(tr.targetId)!,
        kind: tr.kind,
        quality: tr.quality,
        waitingDays: tr.waitingDays,
      }))
      .sort((a, b) => refOrder(a.from) - refOrder(b.from) || refOrder(a.to) - refOrder(b.to));
    return { touchpoints, transitions };
  };

  const painCategory = new Map(detail.painPoints.map((p) => [p.id, p.category]));
  const modelIdeas = ideas.map((idea) => {
    const text = textFor(`idea:${idea.id}`);
    if (text) textsIncluded = true;
    return {
      aims: [...idea.aims].sort(),
      painCategories: [
        ...new Set(
          idea.painPointIds.map((id) => painCategory.get(id)).filter((c) => c !== undefined),
        ),
      ].sort(),
      touchpointRefs: idea.touchpointIds
        .map((id) => refs.get(id))
        .filter((r): r is string => r !== undefined)
        .sort((a, b) => refOrder(a) - refOrder(b)),
      ...(text ? { text } : {}),
    };
  });

  const asIs = pathway('as_is');
  const toBe = pathway('to_be');
  const content = {
    format: MODEL_FORMAT,
    schemaVersion: MODEL_SCHEMA_VERSION,
    vocabularyVersion: VOCABULARY_VERSION,
    exportId: options.newId(),
    exportMonth: options.now.toISOString().slice(0, 7),
    anonymisationProfile: textsIncluded ? 'codes-and-reviewed-texts' : 'codes-only',
    cohort: {
      ageBand: ageBand(profile.birthYear, options.now.getUTCFullYear()),
      sex: profile.sex,
      municipality: profile.municipality,
      household: profile.household,
      employment: profile.employment,
      conditionGroups: [...profile.conditionGroups].sort(),
    },
    asIs,
    toBe,
    ideas: modelIdeas,
  } as const;
  // Parsing proves the model matches the published schema before anyone can write it.
  return pathwayModelSchema.parse({ ...content, checksum: checksumOf(content) });
}

function refOrder(ref: string): number {
  return Number(ref.slice(1));
}

/** Checks a model's checksum against its content (the model has passed the strict schema). */
export function verifyChecksum(model: PathwayModel, hash: Sha256Hex = sha256Hex): boolean {
  const { checksum, ...content } = model;
  return `sha256:${hash(canonicalModelJson(content))}` === checksum;
}
