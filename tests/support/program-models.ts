import type { PathwayModel } from '../../shared/model/pathway-model';
import { IMPORT_BATCH_FILES } from '../../shared/ipc/contract';
import { dispatch, type Handlers } from '../../shared/ipc/dispatch';
import { modelOf, randomModels, rng } from './generate-models';
import { modelFileText } from '../../shared/model/validate';

/** The contact types a sector's touchpoints usually have, most common first. */
const CONTACTS: Record<string, string[]> = {
  citizen: ['life_event', 'self_care'],
  general_practice: ['gp_visit', 'gp_visit', 'phone', 'video'],
  hospital: ['outpatient_visit', 'admission', 'test', 'outpatient_visit'],
  psychiatry: ['outpatient_visit', 'admission', 'phone'],
  emergency: ['emergency_visit', 'emergency_visit', 'phone'],
  municipal_care: ['home_visit', 'home_visit', 'treatment', 'phone'],
  social_services: ['meeting', 'letter', 'meeting'],
  employment: ['meeting', 'letter'],
  pharmacy: ['treatment'],
  civil_society: ['meeting'],
  other: ['other'],
};

/**
 * Models for the program views as program staff will meet them: the usual random pathways
 * (tests/support/generate-models), but each touchpoint's contact type drawn from what its sector
 * usually does (a GP visit at the GP, a home visit from home care), so that one level down, at
 * "sector and contact type", many links rest on many journeys and their counts differ — as with
 * real data, and unlike uniformly random contact types, where every link rests on about k.
 */
export function programModels(count = 60, seed = 7, eventsPerModel = 20): PathwayModel[] {
  const r = rng(seed * 7919);
  return randomModels(count, seed, eventsPerModel).map((m) => {
    const tps = m.asIs.touchpoints;
    const pick = (xs: readonly string[]) => xs[Math.floor(r() * xs.length)]!;
    return modelOf({
      sectors: tps.map((tp) => tp.sector),
      ageBand: m.cohort.ageBand,
      sex: m.cohort.sex,
      municipality: m.cohort.municipality,
      conditionGroups: m.cohort.conditionGroups,
      contactTypes: tps.map((tp) => (r() < 0.9 ? pick(CONTACTS[tp.sector] ?? ['other']) : null)),
      services: tps.map((tp) => tp.serviceCode),
      days: tps.map((tp) => tp.day),
      emotions: tps.map((tp) => tp.emotion),
      pains: tps.map((tp) => tp.painPoints.map((p) => p.category)),
      broken: m.asIs.transitions.map((x) => x.quality === 'broken'),
      waits: m.asIs.transitions.map((x) => x.waitingDays),
      toBe: m.toBe.touchpoints.map((tp) => tp.sector),
      ideas: m.ideas,
    });
  });
}

/**
 * Imports models into the program workspace through the real handler, as the import panel does
 * (batches of IMPORT_BATCH_FILES). Fast set-up for views that are not about importing.
 */
export async function importModels(handlers: Handlers, models: PathwayModel[]): Promise<void> {
  for (let i = 0; i < models.length; i += IMPORT_BATCH_FILES) {
    const files = models.slice(i, i + IMPORT_BATCH_FILES).map((m, j) => {
      const text = modelFileText(m);
      return {
        name: `model-${i + j}.json`,
        size: Buffer.byteLength(text),
        bytes: Buffer.from(text),
      };
    });
    const result = await dispatch(handlers, 'program:import', { files });
    if (!result.ok) throw new Error(`import failed: ${result.error.message}`);
  }
}
