import type { Aggregate, Cell } from './aggregate';

/**
 * The aggregate as flat tables, as the app shows them and as the exports write them. Hidden
 * cells carry no value, only the word that they are hidden.
 */
export interface Table {
  name: string;
  columns: string[];
  rows: (string | number | null)[][];
}

export const HIDDEN = 'hidden';
/** The row standing for every hidden pathway. */
export const OTHER_VARIANTS = 'other';

const journeysOf = (c: Cell<unknown>) => (c.shown ? c.journeys : HIDDEN);

export function tablesOf(a: Aggregate, group = ''): Table[] {
  const g = group ? [group] : [];
  const gc = group ? ['group'] : [];
  const value = <T, R>(c: Cell<T>, f: (v: T) => R) => (c.shown ? f(c.value) : null);
  const graph = (name: string, p: Aggregate['processMap']): Table[] => [
    {
      name: `${name}-nodes`,
      columns: [...gc, 'node', 'journeys'],
      rows: p.nodes.map((n) => [...g, n.id, journeysOf(n.cell)]),
    },
    {
      name: `${name}-edges`,
      columns: [...gc, 'from', 'to', 'journeys', 'median_days'],
      rows: p.edges.map((e) => [
        ...g,
        e.from,
        e.to,
        journeysOf(e.cell),
        value(e.cell, (v) => v.medianDays),
      ]),
    },
  ];
  return [
    {
      name: 'cohort',
      columns: [...gc, 'journeys', 'k', 'map', 'suppressed'],
      rows: [[...g, journeysOf(a.cohort), a.k, a.map, a.suppressed ?? '']],
    },
    ...graph('process-map', a.processMap),
    ...graph('process-map-contact', a.processMapDetailed),
    {
      name: 'variants',
      columns: [...gc, 'pathway', 'journeys'],
      rows: [
        ...a.variants.map((v) => [...g, v.sequence.join(' > '), journeysOf(v.cell)]),
        // All hidden pathways together, as one row that says only that they are hidden.
        ...(a.otherVariantsHidden ? [[...g, OTHER_VARIANTS, HIDDEN]] : []),
      ],
    },
    {
      name: 'beginnings',
      columns: [...gc, 'pathway', 'journeys'],
      rows: [
        ...a.beginnings.map((v) => [...g, v.sequence.join(' > '), journeysOf(v.cell)]),
        ...(a.otherBeginningsHidden ? [[...g, OTHER_VARIANTS, HIDDEN]] : []),
      ],
    },
    {
      name: 'handovers',
      columns: [
        ...gc,
        'from_sector',
        'to_sector',
        'journeys',
        'broken_share',
        'median_waiting_days',
      ],
      rows: a.handovers.map((h) => [
        ...g,
        h.from,
        h.to,
        journeysOf(h.cell),
        value(h.cell, (v) => v.brokenShare),
        value(h.cell, (v) => v.medianWaitingDays),
      ]),
    },
    {
      name: 'emotion-by-sector',
      columns: [...gc, 'sector', 'journeys', 'median_emotion'],
      rows: a.emotionBySector.map((e) => [
        ...g,
        e.sector,
        journeysOf(e.cell),
        value(e.cell, (v) => v.median),
      ]),
    },
    {
      name: 'emotion-by-contact',
      columns: [...gc, 'sector', 'contact_type', 'journeys', 'median_emotion'],
      rows: a.emotionByContact.map((e) => [
        ...g,
        e.sector,
        e.contactType ?? '',
        journeysOf(e.cell),
        value(e.cell, (v) => v.median),
      ]),
    },
    {
      name: 'emotion-drops',
      columns: [...gc, 'from_sector', 'to_sector', 'journeys', 'median_change'],
      rows: a.emotionDrops.map((e) => [
        ...g,
        e.from,
        e.to,
        journeysOf(e.cell),
        value(e.cell, (v) => v.medianChange),
      ]),
    },
    {
      name: 'pain-categories',
      columns: [...gc, 'category', 'journeys'],
      rows: a.painCategories.map((p) => [...g, p.category, journeysOf(p.cell)]),
    },
    {
      name: 'pain-by-aim',
      columns: [...gc, 'aim', 'category', 'journeys'],
      rows: a.painByAim.map((p) => [...g, p.aim, p.category, journeysOf(p.cell)]),
    },
    {
      name: 'ideas',
      columns: [...gc, 'aim', 'pain_category', 'journeys'],
      rows: a.ideas.map((i) => [...g, i.aim, i.category, journeysOf(i.cell)]),
    },
    {
      name: 'services',
      columns: [...gc, 'service_code', 'journeys'],
      rows: a.services.map((s) => [...g, s.serviceCode, journeysOf(s.cell)]),
    },
    {
      name: 'contacts-per-journey',
      columns: [...gc, 'band', 'journeys', 'median_contacts'],
      rows: a.contactsPerJourney.bands.map((b) => [
        ...g,
        b.band,
        journeysOf(b.cell),
        a.contactsPerJourney.median,
      ]),
    },
    {
      name: 'journey-length',
      columns: [...gc, 'band_days', 'journeys', 'median_days'],
      rows: a.journeyLength.bands.map((b) => [
        ...g,
        b.band,
        journeysOf(b.cell),
        a.journeyLength.median,
      ]),
    },
  ];
}

/**
 * CSV that Danish Excel opens as it should: UTF-8 with a byte-order mark, semicolons between
 * fields, decimal commas, CRLF line ends.
 */
export function toExcelCsv(table: Table): string {
  const field = (v: string | number | null) => {
    if (v === null) return '';
    const s = typeof v === 'number' ? String(v).replace('.', ',') : v;
    return /[";\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [table.columns, ...table.rows].map((r) => r.map(field).join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
