import { create } from 'xmlbuilder2';
import type { ModelTouchpoint, PathwayModel } from './pathway-model';

/**
 * The same anonymised data as flat events, for process-mining tools (pm4py, ProM, bupaR, Disco,
 * Celonis). Only the as-is pathway is a log of what happened; the to-be map is a wish, and is
 * left out of the event logs (it stays in the model).
 *
 * Timestamps: the model has only relative days. Process-mining tools need absolute times, so
 * each event gets a synthetic time: a fixed epoch (2000-01-01) plus its relative day, plus one
 * second per position so that order survives for events without a known date. The real relative
 * day and its precision are kept as attributes.
 */
export const SYNTHETIC_EPOCH = Date.UTC(2000, 0, 1);

export interface LogEvent {
  caseId: string;
  eventId: string;
  activity: string;
  time: string;
  relativeDay: number | null;
  datePrecision: ModelTouchpoint['datePrecision'];
  sector: string;
  contactType: string;
  emotion: number | null;
  serviceCode: string | null;
  painCategories: string[];
}

/** Activity names: the sector and, one level down, the contact type. */
export function activityOf(t: ModelTouchpoint): string {
  return `${t.sector}:${t.contactType ?? 'other'}`;
}

export function eventsOf(model: PathwayModel): LogEvent[] {
  let lastDay = 0;
  return model.asIs.touchpoints.map((t, i) => {
    if (t.day !== null) lastDay = t.day;
    const time = new Date(SYNTHETIC_EPOCH + lastDay * 86_400_000 + i * 1000).toISOString();
    return {
      caseId: model.exportId,
      eventId: `${model.exportId}:${t.ref}`,
      activity: activityOf(t),
      time,
      relativeDay: t.day,
      datePrecision: t.datePrecision,
      sector: t.sector,
      contactType: t.contactType ?? 'other',
      emotion: t.emotion,
      serviceCode: t.serviceCode,
      painCategories: t.painPoints.map((p) => p.category),
    };
  });
}

const CSV_COLUMNS = [
  'case_id',
  'event_id',
  'activity',
  'timestamp',
  'relative_day',
  'date_precision',
  'sector',
  'contact_type',
  'emotion',
  'service_code',
  'pain_categories',
] as const;

function csvField(value: string | number | null): string {
  if (value === null) return '';
  const s = String(value);
  return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A flat CSV event log (RFC 4180, comma, UTF-8), one row per as-is touchpoint. */
/** The CSV event log's header line (without its line end). */
export const CSV_HEADER = CSV_COLUMNS.join(',');

/** One model's events as CSV lines, each ending in CRLF: a log can be written model by model. */
export function csvRowsOf(m: PathwayModel): string {
  let out = '';
  for (const e of eventsOf(m)) {
    out += `${[
      e.caseId,
      e.eventId,
      e.activity,
      e.time,
      e.relativeDay,
      e.datePrecision,
      e.sector,
      e.contactType,
      e.emotion,
      e.serviceCode,
      e.painCategories.join('|'),
    ]
      .map(csvField)
      .join(',')}\r\n`;
  }
  return out;
}

export function toCsv(models: PathwayModel[]): string {
  return `${CSV_HEADER}\r\n${models.map(csvRowsOf).join('')}`;
}

/** An XES (IEEE 1849) log: one trace per exported journey. */
export function toXes(models: PathwayModel[]): string {
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const log = doc.ele('log', { 'xes.version': '1849-2016', 'xes.features': 'nested-attributes' });
  log.ele('extension', {
    name: 'Concept',
    prefix: 'concept',
    uri: 'http://www.xes-standard.org/concept.xesext',
  });
  log.ele('extension', {
    name: 'Time',
    prefix: 'time',
    uri: 'http://www.xes-standard.org/time.xesext',
  });
  log.ele('global', { scope: 'trace' }).ele('string', { key: 'concept:name', value: '' });
  const g = log.ele('global', { scope: 'event' });
  g.ele('string', { key: 'concept:name', value: '' });
  g.ele('date', { key: 'time:timestamp', value: new Date(SYNTHETIC_EPOCH).toISOString() });
  log.ele('classifier', { name: 'Activity', keys: 'concept:name' });
  for (const m of models) {
    const trace = log.ele('trace');
    trace.ele('string', { key: 'concept:name', value: m.exportId });
    trace.ele('string', { key: 'municipality', value: m.cohort.municipality ?? 'unknown' });
    trace.ele('string', { key: 'age_band', value: m.cohort.ageBand ?? 'unknown' });
    for (const e of eventsOf(m)) {
      const ev = trace.ele('event');
      ev.ele('string', { key: 'concept:name', value: e.activity });
      ev.ele('date', { key: 'time:timestamp', value: e.time });
      ev.ele('string', { key: 'sector', value: e.sector });
      ev.ele('string', { key: 'contact_type', value: e.contactType });
      ev.ele('string', { key: 'date_precision', value: e.datePrecision });
      if (e.relativeDay !== null)
        ev.ele('int', { key: 'relative_day', value: String(e.relativeDay) });
      if (e.emotion !== null) ev.ele('int', { key: 'emotion', value: String(e.emotion) });
      if (e.serviceCode) ev.ele('string', { key: 'service_code', value: e.serviceCode });
      if (e.painCategories.length) {
        ev.ele('string', { key: 'pain_categories', value: e.painCategories.join('|') });
      }
    }
  }
  return doc.end({ prettyPrint: true });
}

/** An OCEL 2.0 JSON log: journeys and touchpoints as objects, contacts as events. */
export function toOcel(models: PathwayModel[]) {
  const events = models.flatMap((m) =>
    eventsOf(m).map((e) => ({
      id: e.eventId,
      type: e.activity,
      time: e.time,
      attributes: [
        { name: 'sector', value: e.sector },
        { name: 'contact_type', value: e.contactType },
        { name: 'date_precision', value: e.datePrecision },
        ...(e.relativeDay !== null ? [{ name: 'relative_day', value: e.relativeDay }] : []),
        ...(e.emotion !== null ? [{ name: 'emotion', value: e.emotion }] : []),
      ],
      relationships: [{ objectId: e.caseId, qualifier: 'journey' }],
    })),
  );
  const eventTypes = [...new Set(events.map((e) => e.type))].sort().map((name) => ({
    name,
    attributes: [
      { name: 'sector', type: 'string' },
      { name: 'contact_type', type: 'string' },
      { name: 'date_precision', type: 'string' },
      { name: 'relative_day', type: 'integer' },
      { name: 'emotion', type: 'integer' },
    ],
  }));
  return {
    objectTypes: [
      {
        name: 'journey',
        attributes: [
          { name: 'age_band', type: 'string' },
          { name: 'municipality', type: 'string' },
          { name: 'condition_groups', type: 'string' },
        ],
      },
    ],
    eventTypes,
    objects: models.map((m) => ({
      id: m.exportId,
      type: 'journey',
      attributes: [
        {
          name: 'age_band',
          time: new Date(SYNTHETIC_EPOCH).toISOString(),
          value: m.cohort.ageBand ?? 'unknown',
        },
        {
          name: 'municipality',
          time: new Date(SYNTHETIC_EPOCH).toISOString(),
          value: m.cohort.municipality ?? 'unknown',
        },
        {
          name: 'condition_groups',
          time: new Date(SYNTHETIC_EPOCH).toISOString(),
          value: m.cohort.conditionGroups.join('|'),
        },
      ],
    })),
    events,
  };
}
