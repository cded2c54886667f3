import Ajv2020 from 'ajv/dist/2020.js';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { anonymise } from '../../shared/model/anonymise';
import { toCsv, toOcel, toXes } from '../../shared/model/event-log';
import type { PathwayModel } from '../../shared/model/pathway-model';

const J = '11111111-1111-4111-8111-111111111111';
const ts = '2026-01-01T00:00:00.000Z';
let n = 0;
function tp(x: number, sector: string, date: string | null, extra: Record<string, unknown> = {}) {
  n++;
  return {
    id: `33333333-3333-4333-8333-${String(n).padStart(12, '0')}`,
    journeyId: J,
    map: 'as_is' as const,
    label: 'Karen, Østergade 12',
    x,
    y: 0,
    sector,
    serviceCode: null,
    contactType: 'admission',
    date,
    datePrecision: date === null ? 'unknown' : date.length === 10 ? 'day' : 'month',
    durationDays: null,
    repetitions: null,
    initiatedBy: null,
    emotion: -1,
    whatWorked: '',
    quote: '',
    createdAt: ts,
    updatedAt: ts,
    ...extra,
  };
}

function model(): PathwayModel {
  return anonymise(
    {
      detail: {
        journey: {
          id: J,
          alias: 'Borger "7", Nakskov',
          archived: false,
          createdAt: ts,
          updatedAt: ts,
        },
        touchpoints: [
          tp(0, 'general_practice', '2026-01-05'),
          tp(1, 'hospital', null),
          tp(2, 'pharmacy', '2026-02'),
        ] as never,
        transitions: [],
        painPoints: [],
      },
      profile: {
        journeyId: J,
        realName: 'Karen',
        relativesNames: [],
        birthYear: 1970,
        sex: null,
        municipality: 'lolland',
        household: null,
        employment: null,
        conditionGroups: ['cancer'],
        consentWorkshop: true,
        consentWorkshopDate: '2026-01-01',
        consentExport: true,
        consentExportDate: '2026-01-01',
        consentQuotes: false,
        consentQuotesDate: null,
        updatedAt: ts,
      },
      ideas: [],
    },
    { now: new Date('2026-11-24T00:00:00Z'), newId: () => crypto.randomUUID() },
  );
}

describe('event logs for process mining', () => {
  it('validates the model against the published JSON Schema', () => {
    const schema = JSON.parse(
      readFileSync(
        new URL('../../docs/schemas/pathway-model-v1.schema.json', import.meta.url),
        'utf8',
      ),
    );
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    expect(validate(model()), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...model(), realName: 'Karen' })).toBe(false);
  });

  it('writes a CSV with one row per as-is event, in time order', () => {
    const m = model();
    const lines = toCsv([m]).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'case_id,event_id,activity,timestamp,relative_day,date_precision,sector,contact_type,emotion,service_code,pain_categories',
    );
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain(
      `${m.exportId},${m.exportId}:t1,general_practice:admission,2000-01-01T00:00:00.000Z,0,day`,
    );
    expect(lines[3]).toContain('pharmacy:admission,2000-01-28T00:00:02.000Z,27,month');
    expect(toCsv([m])).not.toMatch(/Karen|Østergade|Nakskov/);
  });

  it('writes well-formed XES (IEEE 1849) that an XML parser reads back', () => {
    const xml = toXes([model(), model()]);
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml);
    expect(parsed.log['xes.version']).toBe('1849-2016');
    expect(parsed.log.trace).toHaveLength(2);
    const events = parsed.log.trace[0].event;
    expect(events).toHaveLength(3);
    const name = events[0].string.find((s: { key: string }) => s.key === 'concept:name').value;
    expect(name).toBe('general_practice:admission');
    expect(events[0].date.key).toBe('time:timestamp');
  });

  it('writes OCEL 2.0 JSON whose events point at existing objects and declared types', () => {
    const ocel = toOcel([model()]);
    const objectIds = new Set(ocel.objects.map((o) => o.id));
    const types = new Set(ocel.eventTypes.map((t) => t.name));
    expect(ocel.events).toHaveLength(3);
    for (const e of ocel.events) {
      expect(types.has(e.type)).toBe(true);
      expect(Number.isNaN(Date.parse(e.time))).toBe(false);
      for (const r of e.relationships) expect(objectIds.has(r.objectId)).toBe(true);
    }
    expect(Object.keys(ocel).sort()).toEqual(['eventTypes', 'events', 'objectTypes', 'objects']);
  });
});
