import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JourneyDetail, PainPoint, Touchpoint, Transition } from '../domain/journey';
import type { Idea, Profile } from '../domain/workshop';
import {
  ageBand,
  anonymise,
  ExportRefusedError,
  reviewTexts,
  verifyChecksum,
  type ExportSource,
} from './anonymise';
import { toCsv, toOcel, toXes } from './event-log';
import { pathwayModelSchema } from './pathway-model';

const J = '11111111-1111-4111-8111-111111111111';
const NOW = new Date('2026-11-24T10:00:00Z');
let seq = 0;
const uuid = () => {
  seq++;
  return `22222222-2222-4222-8222-${String(seq).padStart(12, '0')}`;
};
const ts = '2026-01-01T00:00:00.000Z';

function tp(over: Partial<Touchpoint> = {}): Touchpoint {
  return {
    id: uuid(),
    journeyId: J,
    map: 'as_is',
    label: 'Karen hos lægen på Østergade 12',
    x: 0,
    y: 0,
    sector: 'general_practice',
    serviceCode: 'gp-consultation',
    contactType: 'gp_visit',
    date: null,
    datePrecision: 'unknown',
    durationDays: null,
    repetitions: null,
    initiatedBy: null,
    emotion: null,
    whatWorked: '',
    quote: '',
    createdAt: ts,
    updatedAt: ts,
    ...over,
    ...(over.date !== undefined
      ? {
          datePrecision: over.date === null ? 'unknown' : over.date.length === 10 ? 'day' : 'month',
        }
      : {}),
  };
}

const profile = (over: Partial<Profile> = {}): Profile => ({
  journeyId: J,
  realName: 'Karen Hansen',
  relativesNames: ['Ole Hansen'],
  birthYear: 1961,
  sex: 'female',
  municipality: 'lolland',
  household: 'alone',
  employment: 'early_retirement',
  conditionGroups: ['mental_illness', 'chronic_somatic'],
  consentWorkshop: true,
  consentWorkshopDate: '2026-01-01',
  consentExport: true,
  consentExportDate: '2026-01-01',
  consentQuotes: false,
  consentQuotesDate: null,
  updatedAt: ts,
  ...over,
});

function source(
  touchpoints: Touchpoint[],
  extra: Partial<ExportSource> & { transitions?: Transition[]; painPoints?: PainPoint[] } = {},
): ExportSource {
  const detail: JourneyDetail = {
    journey: { id: J, alias: 'Borger 7', archived: false, createdAt: ts, updatedAt: ts },
    touchpoints,
    transitions: extra.transitions ?? [],
    painPoints: extra.painPoints ?? [],
  };
  return { detail, profile: extra.profile ?? profile(), ideas: extra.ideas ?? [] };
}

const options = () => ({ now: NOW, newId: () => crypto.randomUUID() });

describe('the anonymiser', () => {
  it('refuses without export consent', () => {
    expect(() =>
      anonymise(source([tp()], { profile: profile({ consentExport: false }) }), options()),
    ).toThrow(ExportRefusedError);
  });

  it('keeps codes, drops labels and free text by default, and validates', () => {
    const a = tp({ quote: 'Jeg hedder Karen', whatWorked: 'Sød læge' });
    const m = anonymise(source([a]), options());
    expect(pathwayModelSchema.safeParse(m).success).toBe(true);
    expect(m.anonymisationProfile).toBe('codes-only');
    expect(m.asIs.touchpoints[0]).toEqual({
      ref: 't1',
      sector: 'general_practice',
      serviceCode: 'gp-consultation',
      contactType: 'gp_visit',
      day: null,
      datePrecision: 'unknown',
      durationDays: null,
      repetitions: null,
      initiatedBy: null,
      emotion: null,
      painPoints: [],
      whatWorked: true,
    });
    const json = JSON.stringify(m);
    for (const secret of ['Karen', 'Hansen', 'Østergade', 'Borger 7', a.id, J])
      expect(json).not.toContain(secret);
  });

  it('turns dates into days since the first event, keeping month precision, and the export date into a month', () => {
    const m = anonymise(
      source([
        tp({ x: 0, date: '2026-01-10' }),
        tp({ x: 1, date: '2026-02' }),
        tp({ x: 2, date: '2026-03-01' }),
        tp({ x: 3, date: null }),
      ]),
      options(),
    );
    expect(m.asIs.touchpoints.map((t) => [t.day, t.datePrecision])).toEqual([
      [0, 'day'],
      [22, 'month'],
      [50, 'day'],
      [null, 'unknown'],
    ]);
    expect(m.exportMonth).toBe('2026-11');
    expect(JSON.stringify(m)).not.toMatch(/2026-0[123]/);
  });

  it('bands the age, top- and bottom-coded', () => {
    expect(ageBand(1961, 2026)).toBe('60-69');
    expect(ageBand(2010, 2026)).toBe('0-19');
    expect(ageBand(1930, 2026)).toBe('80+');
    expect(ageBand(null, 2026)).toBeNull();
  });

  it('includes a text only when approved, scrubbed, and quotes only with the quotes consent', () => {
    const a = tp({ quote: 'Karen ringede til 12 34 56 78' });
    const pain: PainPoint = {
      id: uuid(),
      touchpointId: a.id,
      category: 'waiting',
      text: 'Ole Hansens bil var i stykker, cpr 010190-1234',
      createdAt: ts,
      updatedAt: ts,
    };
    const src = source([a], { painPoints: [pain] });
    const texts = reviewTexts(src);
    expect(texts.map((t) => [t.kind, t.allowed])).toEqual([
      ['quote', false],
      ['pain', true],
    ]);
    const approvedTexts = new Set(texts.map((t) => t.key));
    const m = anonymise(src, { ...options(), approvedTexts });
    expect(m.anonymisationProfile).toBe('codes-and-reviewed-texts');
    expect(m.asIs.touchpoints[0]!.quote).toBeUndefined();
    expect(m.asIs.touchpoints[0]!.painPoints[0]!.text).toBe(
      '[NAVN] [NAVN] bil var i stykker, cpr [CPR]',
    );

    const withQuotes = { ...src, profile: profile({ consentQuotes: true }) };
    const m2 = anonymise(withQuotes, { ...options(), approvedTexts });
    expect(m2.asIs.touchpoints[0]!.quote).toBe('[NAVN] ringede til [TELEFON]');
  });

  it('gives each export a fresh id and otherwise the same content, with a valid checksum', () => {
    const src = source([tp({ date: '2026-01-01' }), tp({ x: 5, map: 'to_be' })]);
    const a = anonymise(src, options());
    const b = anonymise(src, options());
    expect(a.exportId).not.toBe(b.exportId);
    const strip = (m: typeof a) => ({ ...m, exportId: '', checksum: '' });
    expect(strip(a)).toEqual(strip(b));
    expect(verifyChecksum(a)).toBe(true);
    expect(verifyChecksum({ ...a, cohort: { ...a.cohort, municipality: 'guldborgsund' } })).toBe(
      false,
    );
  });

  it('links ideas by pain category and touchpoint reference, never by id', () => {
    const a = tp();
    const pain: PainPoint = {
      id: uuid(),
      touchpointId: a.id,
      category: 'retelling',
      text: '',
      createdAt: ts,
      updatedAt: ts,
    };
    const idea: Idea = {
      id: uuid(),
      journeyId: J,
      text: 'Én kontaktperson',
      aims: ['quality', 'economy'],
      touchpointIds: [a.id],
      painPointIds: [pain.id],
      createdAt: ts,
      updatedAt: ts,
    };
    const m = anonymise(source([a], { painPoints: [pain], ideas: [idea] }), options());
    expect(m.ideas).toEqual([
      { aims: ['economy', 'quality'], painCategories: ['retelling'], touchpointRefs: ['t1'] },
    ]);
  });

  it('handles an empty journey and one with no dated touchpoints', () => {
    expect(anonymise(source([]), options()).asIs.touchpoints).toEqual([]);
    expect(
      anonymise(source([tp(), tp({ x: 3 })]), options()).asIs.touchpoints.map((t) => t.day),
    ).toEqual([null, null]);
  });
});

describe('no identifier survives (property)', () => {
  const digits = (n: number) =>
    fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
  const cpr = fc
    .tuple(digits(6), fc.boolean(), digits(4))
    .map(([a, dash, b]) => `${a}${dash ? '-' : ''}${b}`);
  const phone = fc
    .tuple(
      fc.constantFrom('', '+45 ', '+45', '0045 '),
      fc.integer({ min: 2, max: 9 }),
      digits(7),
      fc.boolean(),
    )
    .map(([p, first, rest, spaced]) => {
      const n = `${first}${rest}`;
      return p + (spaced ? n.replace(/(\d{2})(?=\d)/g, '$1 ') : n);
    });
  const email = fc
    .tuple(fc.stringMatching(/^[a-z]{2,8}$/), fc.constantFrom('gmail.com', 'lolland.dk', 'mail.dk'))
    .map(([u, d]) => `${u}@${d}`);
  const firstName = fc.constantFrom(
    'Karen',
    'Birgitte',
    'Jens',
    'Søren',
    'Mette',
    'Ahmed',
    'Aylin',
  );
  const lastName = fc.constantFrom('Hansen', 'Jørgensen', 'Nielsen', 'Østergaard', 'Yilmaz');

  it('keeps CPR, phone, e-mail and the profile names out of the model, whatever the texts say', () => {
    fc.assert(
      fc.property(cpr, phone, email, firstName, lastName, (c, p, e, fn, ln) => {
        const realName = `${fn} ${ln}`;
        const secretText = `${fn} sagde ${c}, ring ${p} eller skriv ${e}. ${fn}s mor bor hos ${ln}.`;
        const a = tp({ quote: secretText, whatWorked: secretText, label: secretText });
        const pain: PainPoint = {
          id: uuid(),
          touchpointId: a.id,
          category: 'other',
          text: secretText,
          createdAt: ts,
          updatedAt: ts,
        };
        const src = source([a], {
          profile: profile({ realName, consentQuotes: true }),
          painPoints: [pain],
        });
        const approvedTexts = new Set(reviewTexts(src).map((r) => r.key));
        const model = anonymise(src, { ...options(), approvedTexts });
        // Every format written from the model, not only the model itself.
        const all = [
          JSON.stringify(model),
          toCsv([model]),
          toXes([model]),
          JSON.stringify(toOcel([model])),
        ].join('\n');
        for (const secret of [c, c.replace('-', ''), p.replace(/\s/g, ''), p, e, fn, ln]) {
          if (all.includes(secret)) return false;
        }
        return pathwayModelSchema.safeParse(model).success;
      }),
      { numRuns: 300 },
    );
  });
});
