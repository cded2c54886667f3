/**
 * A realistic journey to look at and measure: "Karen, 67" (invented), fifteen touchpoints over
 * eight months in eight lanes, with emotions, pain points and rated handovers — the size the
 * people at the table actually draw (ENGINEERING.md, testing layer 6). Everything goes through
 * `dispatch`, so the seed is validated by the same contract as the app's own calls. Used by the
 * legibility specs and by `npm run screenshots`.
 */
import type { Handlers } from '../../shared/ipc/dispatch';
import type { InputOf } from '../../shared/ipc/contract';
import type {
  ContactType,
  HandoverQuality,
  PainCategory,
  Sector,
  TransitionKind,
} from '../../shared/vocabulary';
import { ipc } from '../unit/helpers';

export const KAREN_ALIAS = 'Karen, 67';
/** Canvas units between two touchpoints along the time axis. */
const COLUMN = 270;

interface SeedTouchpoint {
  label: string;
  sector: Sector;
  contactType: ContactType;
  date: string;
  emotion?: -2 | -1 | 0 | 1 | 2;
  durationDays?: number;
  repetitions?: number;
  initiatedBy?: InputOf<'touchpoints:update'>['patch']['initiatedBy'];
  whatWorked?: string;
  quote?: string;
  pains?: { category: PainCategory; text: string }[];
}

/** In time order; the index is what the transitions below refer to. */
export const KAREN_TOUCHPOINTS: readonly SeedTouchpoint[] = [
  {
    label: 'Egen læge',
    sector: 'general_practice',
    contactType: 'gp_visit',
    date: '2026-01-05',
    emotion: 0,
    initiatedBy: 'citizen',
    quote: 'Jeg var så træt, at jeg ikke kunne gå op ad trappen.',
  },
  {
    label: 'Apoteket',
    sector: 'pharmacy',
    contactType: 'other',
    date: '2026-01-07',
    emotion: 1,
    whatWorked: 'Farmaceuten forklarede, hvordan jeg skulle tage pillerne.',
  },
  {
    label: 'Lægevagten, telefon',
    sector: 'emergency',
    contactType: 'phone',
    date: '2026-02-02',
    emotion: -1,
    initiatedBy: 'relative',
  },
  {
    label: 'Akutmodtagelsen, Nykøbing F.',
    sector: 'emergency',
    contactType: 'emergency_visit',
    date: '2026-02-03',
    emotion: -2,
    pains: [{ category: 'waiting', text: 'Lå syv timer på en båre på gangen, før nogen kom.' }],
  },
  {
    label: 'Medicinsk afdeling, indlæggelse',
    sector: 'hospital',
    contactType: 'admission',
    date: '2026-02-03',
    emotion: -1,
    durationDays: 9,
    pains: [
      {
        category: 'retelling',
        text: 'Skulle fortælle hele min historie til fire forskellige læger.',
      },
    ],
  },
  {
    label: 'Hjemmeplejen',
    sector: 'municipal_care',
    contactType: 'home_visit',
    date: '2026-02-13',
    emotion: 1,
    repetitions: 40,
    initiatedBy: 'professional',
    whatWorked: 'Den faste hjemmehjælper kender mig og ser, når jeg har det skidt.',
  },
  {
    label: 'Egen læge, efter udskrivelse',
    sector: 'general_practice',
    contactType: 'gp_visit',
    date: '2026-03-02',
    emotion: -1,
    pains: [
      {
        category: 'coordination',
        text: 'Lægen havde ikke fået papirerne fra sygehuset, så vi startede forfra.',
      },
    ],
  },
  {
    label: 'Lungeambulatoriet',
    sector: 'hospital',
    contactType: 'outpatient_visit',
    date: '2026-03-20',
    emotion: 0,
    repetitions: 3,
  },
  {
    label: 'Genoptræning, sundhedscentret',
    sector: 'municipal_care',
    contactType: 'treatment',
    date: '2026-04-06',
    emotion: 2,
    repetitions: 12,
    quote: 'Det hjalp at komme ud blandt andre igen.',
  },
  {
    label: 'Jobcentret, samtale',
    sector: 'employment',
    contactType: 'meeting',
    date: '2026-04-22',
    emotion: -1,
    initiatedBy: 'system',
  },
  {
    label: 'Kommunen, brev om hjælpemidler',
    sector: 'social_services',
    contactType: 'letter',
    date: '2026-05-11',
    emotion: -1,
    pains: [
      {
        category: 'information',
        text: 'Brevet var svært at forstå, og ingen tog telefonen.',
      },
    ],
  },
  {
    label: 'Datteren flytter til Aarhus',
    sector: 'citizen',
    contactType: 'life_event',
    date: '2026-05-28',
    emotion: -2,
  },
  {
    label: 'Medicinsk afdeling, genindlæggelse',
    sector: 'hospital',
    contactType: 'admission',
    date: '2026-06-15',
    emotion: -2,
    durationDays: 5,
    pains: [{ category: 'new_faces', text: 'Nye ansigter hver dag, ingen kendte mig.' }],
  },
  {
    label: 'Hjemmesygeplejen',
    sector: 'municipal_care',
    contactType: 'home_visit',
    date: '2026-06-22',
    emotion: 1,
    repetitions: 16,
  },
  {
    label: 'Egen læge, samtale med kommunen',
    sector: 'general_practice',
    contactType: 'meeting',
    date: '2026-08-20',
    emotion: 1,
    whatWorked: 'For første gang sad lægen og kommunen ved samme bord.',
  },
];

interface SeedTransition {
  from: number;
  to: number;
  kind: TransitionKind;
  quality: HandoverQuality | null;
  waitingDays: number | null;
  note?: string;
}

export const KAREN_TRANSITIONS: readonly SeedTransition[] = [
  { from: 0, to: 1, kind: 'information', quality: 'good', waitingDays: 2 },
  { from: 1, to: 2, kind: 'own_contact', quality: 'mixed', waitingDays: null },
  { from: 2, to: 3, kind: 'referral', quality: 'good', waitingDays: 1 },
  { from: 3, to: 4, kind: 'handover', quality: 'mixed', waitingDays: 0 },
  {
    from: 4,
    to: 5,
    kind: 'discharge',
    quality: 'broken',
    waitingDays: 1,
    note: 'Hjemmeplejen vidste ikke, at hun var kommet hjem.',
  },
  { from: 4, to: 6, kind: 'discharge', quality: 'broken', waitingDays: 17 },
  { from: 6, to: 7, kind: 'referral', quality: 'mixed', waitingDays: 18 },
  { from: 7, to: 8, kind: 'referral', quality: 'good', waitingDays: 17 },
  { from: 6, to: 9, kind: 'information', quality: 'mixed', waitingDays: 51 },
  { from: 9, to: 10, kind: 'then', quality: null, waitingDays: null },
  { from: 10, to: 11, kind: 'then', quality: null, waitingDays: null },
  { from: 11, to: 12, kind: 'own_contact', quality: 'broken', waitingDays: 18 },
  { from: 12, to: 13, kind: 'discharge', quality: 'mixed', waitingDays: 2 },
  { from: 13, to: 14, kind: 'handover', quality: 'good', waitingDays: 59 },
];

/** A few touchpoints of the pathway Karen and the staff wish for (for the side-by-side view). */
const KAREN_TO_BE: readonly Pick<SeedTouchpoint, 'label' | 'sector' | 'contactType' | 'date'>[] = [
  { label: 'Fast læge', sector: 'general_practice', contactType: 'gp_visit', date: '2026-01-05' },
  {
    label: 'Udskrivelsessamtale med kommunen',
    sector: 'hospital',
    contactType: 'meeting',
    date: '2026-02-11',
  },
  {
    label: 'Fast hjemmesygeplejerske',
    sector: 'municipal_care',
    contactType: 'home_visit',
    date: '2026-02-13',
  },
  {
    label: 'Én kontaktperson',
    sector: 'social_services',
    contactType: 'phone',
    date: '2026-03-01',
  },
];

export interface SeedKarenOptions {
  /** Also draw a small to-be map (for the side-by-side view). Default false. */
  toBe?: boolean;
  /** Set a profile with consent to export (for the export review). Default true. */
  profile?: boolean;
}

/**
 * Creates Karen's journey through the real handlers and returns its id. Works from any process
 * that holds the handlers (the Playwright harness, the screenshots run).
 */
export async function seedKaren(
  handlers: Handlers,
  options: SeedKarenOptions = {},
): Promise<string> {
  const { call } = ipc(() => handlers);
  const journey = await call('journeys:create', { alias: KAREN_ALIAS });

  const created: { id: string }[] = [];
  for (const [i, tp] of KAREN_TOUCHPOINTS.entries()) {
    const t = await call('touchpoints:create', {
      journeyId: journey.id,
      label: tp.label,
      sector: tp.sector,
      contactType: tp.contactType,
      // One column per touchpoint in time order, as a facilitator lays them out (tests may not
      // import the renderer's auto-layout); y is the app's: it places a touchpoint in its lane.
      x: i * COLUMN,
      y: 0,
    });
    await call('touchpoints:update', {
      id: t.id,
      patch: {
        date: tp.date,
        ...(tp.emotion !== undefined && { emotion: tp.emotion }),
        ...(tp.durationDays !== undefined && { durationDays: tp.durationDays }),
        ...(tp.repetitions !== undefined && { repetitions: tp.repetitions }),
        ...(tp.initiatedBy !== undefined && { initiatedBy: tp.initiatedBy }),
        ...(tp.whatWorked !== undefined && { whatWorked: tp.whatWorked }),
        ...(tp.quote !== undefined && { quote: tp.quote }),
      },
    });
    created.push(t);
    for (const pain of tp.pains ?? []) {
      await call('painPoints:create', { touchpointId: t.id, ...pain });
    }
  }

  for (const tr of KAREN_TRANSITIONS) {
    const t = await call('transitions:create', {
      journeyId: journey.id,
      sourceId: created[tr.from]!.id,
      targetId: created[tr.to]!.id,
      kind: tr.kind,
    });
    await call('transitions:update', {
      id: t.id,
      patch: {
        quality: tr.quality,
        waitingDays: tr.waitingDays,
        ...(tr.note !== undefined && { note: tr.note }),
      },
    });
  }

  if (options.toBe) {
    for (const [i, tp] of KAREN_TO_BE.entries()) {
      const t = await call('touchpoints:create', {
        journeyId: journey.id,
        map: 'to_be',
        label: tp.label,
        sector: tp.sector,
        contactType: tp.contactType,
        x: i * COLUMN,
        y: 0,
      });
      await call('touchpoints:update', { id: t.id, patch: { date: tp.date } });
    }
  }

  if (options.profile ?? true) {
    await call('profile:update', {
      journeyId: journey.id,
      patch: {
        birthYear: 1959,
        sex: 'female',
        municipality: 'guldborgsund',
        household: 'alone',
        employment: 'sick_leave',
        conditionGroups: ['chronic_somatic', 'multimorbidity'],
        consentWorkshop: true,
        consentWorkshopDate: '2026-08-27',
        consentExport: true,
        consentExportDate: '2026-08-27',
      },
    });
  }
  return journey.id;
}
