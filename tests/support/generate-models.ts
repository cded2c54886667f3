import defaultCatalogue from '../../resources/service-catalogue.json' with { type: 'json' };
import { checksumOf } from '../../shared/model/checksum';
import type { ModelTouchpoint, PathwayModel } from '../../shared/model/pathway-model';
import { AGE_BANDS } from '../../shared/model/pathway-model';
import {
  AIMS,
  CONDITION_GROUPS,
  CONTACT_TYPES,
  MUNICIPALITIES,
  PAIN_CATEGORIES,
  SECTORS,
  SEXES,
} from '../../shared/vocabulary';

/**
 * Synthetic pathway models for tests and benchmarks. Invented data, generated from a seed;
 * never data about real people, and never shipped with the app.
 */
export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    // xorshift32: small, fast, reproducible.
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

export interface Spec {
  sectors: string[];
  ageBand?: PathwayModel['cohort']['ageBand'];
  municipality?: PathwayModel['cohort']['municipality'];
  sex?: PathwayModel['cohort']['sex'];
  contactTypes?: (string | null)[];
  services?: (string | null)[];
  conditionGroups?: PathwayModel['cohort']['conditionGroups'];
  days?: (number | null)[];
  emotions?: (number | null)[];
  pains?: string[][];
  broken?: boolean[];
  waits?: (number | null)[];
  ideas?: PathwayModel['ideas'];
  /** The to-be sectors in order (plain touchpoints, handed over well). */
  toBe?: string[];
}

/** One model from a compact description: the as-is sectors in order, with optional details. */
export function modelOf(spec: Spec, exportId = crypto.randomUUID()): PathwayModel {
  const touchpoints: ModelTouchpoint[] = spec.sectors.map((sector, i) => ({
    ref: `t${i + 1}`,
    sector: sector as ModelTouchpoint['sector'],
    serviceCode: spec.services?.[i] ?? null,
    contactType: (spec.contactTypes?.[i] ?? null) as ModelTouchpoint['contactType'],
    day: spec.days?.[i] ?? null,
    datePrecision: spec.days?.[i] != null ? 'day' : 'unknown',
    durationDays: null,
    repetitions: null,
    initiatedBy: null,
    emotion: spec.emotions?.[i] ?? null,
    painPoints: (spec.pains?.[i] ?? []).map((category) => ({ category: category as never })),
    whatWorked: false,
  }));
  const transitions = touchpoints.slice(1).map((t, i) => ({
    from: touchpoints[i]!.ref,
    to: t.ref,
    kind: 'handover' as const,
    quality:
      spec.broken?.[i] === undefined
        ? null
        : spec.broken[i]
          ? ('broken' as const)
          : ('good' as const),
    waitingDays: spec.waits?.[i] ?? null,
  }));
  const content = {
    format: 'forloebsvaerksted.pathway-model' as const,
    schemaVersion: '1.0.0' as const,
    vocabularyVersion: 1 as const,
    exportId,
    exportMonth: '2026-11',
    anonymisationProfile: 'codes-only' as const,
    cohort: {
      ageBand: spec.ageBand === undefined ? '60-69' : spec.ageBand,
      sex: spec.sex ?? null,
      municipality: spec.municipality === undefined ? 'lolland' : spec.municipality,
      household: null,
      employment: null,
      conditionGroups: spec.conditionGroups ?? [],
    },
    asIs: { touchpoints, transitions },
    toBe: plainPathway(spec.toBe ?? [], touchpoints.length),
    ideas: spec.ideas ?? [],
  };
  return { ...content, checksum: checksumOf(content) };
}

/** Numbered after the as-is touchpoints, as the app numbers both maps' touchpoints once. */
function plainPathway(sectors: string[], after: number): PathwayModel['toBe'] {
  const touchpoints: ModelTouchpoint[] = sectors.map((sector, i) => ({
    ref: `t${after + i + 1}`,
    sector: sector as ModelTouchpoint['sector'],
    serviceCode: null,
    contactType: null,
    day: null,
    datePrecision: 'unknown',
    durationDays: null,
    repetitions: null,
    initiatedBy: null,
    emotion: null,
    painPoints: [],
    whatWorked: false,
  }));
  const transitions = touchpoints.slice(1).map((t, i) => ({
    from: touchpoints[i]!.ref,
    to: t.ref,
    kind: 'handover' as const,
    quality: 'good' as const,
    waitingDays: null,
  }));
  return { touchpoints, transitions };
}

/** The shipped catalogue's codes by sector, as a facilitator's map would use them. */
const CATALOGUE_CODES = new Map<string, string[]>();
for (const entry of defaultCatalogue.services) {
  const codes = CATALOGUE_CODES.get(entry.sector) ?? [];
  codes.push(entry.code);
  CATALOGUE_CODES.set(entry.sector, codes);
}

/**
 * A service for a touchpoint of `sector`, from a draw in [0, 1): one of the sector's first three
 * catalogue codes, or now and then (one draw in twenty) a code of a local catalogue that the
 * shipped one does not know, as models from other municipalities bring.
 */
function serviceOf(sector: string, draw: number): string {
  const codes = CATALOGUE_CODES.get(sector) ?? [];
  if (draw >= 0.95 || codes.length === 0)
    // The last twentieth of the draw, spread over three local codes.
    return `${sector.replace(/_/g, '-')}-local-${1 + Math.floor((draw % 0.05) * 60)}`;
  return codes[Math.floor(draw * 3) % codes.length]!;
}

/** Realistic-looking random models: 3–40 touchpoints drawn from a few common pathways. */
export function randomModels(count: number, seed: number, eventsPerModel = 20): PathwayModel[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const common = [
    ['general_practice', 'hospital', 'municipal_care'],
    ['emergency', 'hospital', 'general_practice'],
    ['general_practice', 'psychiatry', 'social_services', 'employment'],
  ];
  return Array.from({ length: count }, () => {
    const n = Math.max(3, Math.round(eventsPerModel * (0.5 + r())));
    const base = pick(common);
    const sectors = Array.from({ length: n }, (_, i) =>
      r() < 0.7 ? base[i % base.length]! : pick(SECTORS),
    );
    let day = 0;
    const orNull = <T>(xs: readonly T[]) => (r() < 0.1 ? null : pick(xs));
    return modelOf({
      sectors,
      ageBand: orNull(AGE_BANDS),
      sex: orNull(SEXES),
      municipality: orNull(MUNICIPALITIES),
      conditionGroups: CONDITION_GROUPS.filter((g, i) => r() < (i < 2 ? 0.5 : 0.15)),
      contactTypes: sectors.map(() => (r() < 0.8 ? pick(CONTACT_TYPES.slice(0, 6)) : null)),
      services: sectors.map((s) => (r() < 0.6 ? serviceOf(s, r()) : null)),
      toBe: r() < 0.5 ? base : [],
      ideas:
        r() < 0.4
          ? [
              {
                aims: [pick(AIMS)],
                painCategories: r() < 0.7 ? [pick(PAIN_CATEGORIES)] : [],
                touchpointRefs: ['t1'],
              },
            ]
          : [],
      days: sectors.map(() => (r() < 0.8 ? (day += Math.floor(r() * 30)) : null)),
      emotions: sectors.map(() => (r() < 0.7 ? Math.floor(r() * 5) - 2 : null)),
      pains: sectors.map(() => (r() < 0.2 ? [pick(PAIN_CATEGORIES)] : [])),
      broken: sectors.slice(1).map(() => r() < 0.3),
      waits: sectors.slice(1).map(() => (r() < 0.5 ? Math.floor(r() * 60) : null)),
    });
  });
}
