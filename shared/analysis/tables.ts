import type { Aggregate, Cell } from './aggregate';
import type { CostFigures } from './cost-aggregate';
import { neutraliseCell } from '../economy/prices';

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

/** Names of the maps in the cost tables. */
export const COST_MAPS = {
  asIs: 'asIs',
  asIsWithToBe: 'asIsWithToBe',
  toBe: 'toBe',
  difference: 'difference',
} as const;
/** The row of a cost table that is the sum of all the others. */
export const TOTAL_ROW = 'total';

/** The names of the cost tables, written only when the views were priced. */
export const COST_TABLE_NAMES = [
  'cost-per-journey',
  'cost-by-sector',
  'cost-by-payer',
  'cost-who-pays-who-saves',
  'cost-unpriced',
] as const;

/**
 * The cost views as tables, one figure per row (long format, so every table has one journeys
 * column). Each row names the price list and its price year. None without cost views.
 */
function costTables(a: Aggregate, g: string[], gc: string[]): Table[] {
  const c = a.cost;
  if (!c) return [];
  const list = [c.priceList.name, c.priceList.priceYear];
  const listColumns = ['price_list', 'price_year'];
  const amount = (cell: Cell<number>) => (cell.shown ? cell.value : null);
  const figures = (key: string, f: CostFigures) =>
    (['asIs', 'toBe', 'difference'] as const).map((m) => [
      ...g,
      key,
      COST_MAPS[m],
      journeysOf(f[m]),
      amount(f[m]),
      ...list,
    ]);
  const stats = (m: keyof typeof c.perJourney) => {
    const cell = c.perJourney[m];
    return [
      ...g,
      COST_MAPS[m],
      journeysOf(cell),
      cell.shown ? cell.value.median : null,
      cell.shown ? cell.value.q1 : null,
      cell.shown ? cell.value.q3 : null,
      ...list,
    ];
  };
  const unpriced = (m: 'asIs' | 'toBe') => {
    const u = c.unpriced[m];
    const row = (reason: string, cell: Cell<number>) => [
      ...g,
      COST_MAPS[m],
      reason,
      journeysOf(cell),
      amount(cell),
      ...list,
    ];
    return [
      ...u.byReason.map((r) => row(r.reason, r.cell)),
      row('unpriced', u.unpriced),
      row('touchpoints', u.touchpoints),
    ];
  };
  return [
    {
      name: COST_TABLE_NAMES[0],
      columns: [...gc, 'map', 'journeys', 'median_kr', 'q1_kr', 'q3_kr', ...listColumns],
      rows: [stats('asIs'), stats('asIsWithToBe'), stats('toBe')],
    },
    {
      name: COST_TABLE_NAMES[1],
      columns: [...gc, 'sector', 'map', 'journeys', 'kr', ...listColumns],
      rows: [...c.bySector.flatMap((s) => figures(s.sector, s)), ...figures(TOTAL_ROW, c.total)],
    },
    {
      name: COST_TABLE_NAMES[2],
      columns: [...gc, 'payer', 'map', 'journeys', 'kr', ...listColumns],
      rows: [...c.byPayer.flatMap((p) => figures(p.payer, p)), ...figures(TOTAL_ROW, c.total)],
    },
    {
      name: COST_TABLE_NAMES[3],
      columns: [...gc, 'payer', 'sector', 'journeys', 'difference_kr', ...listColumns],
      rows: c.whoPaysWhoSaves.map((x) => [
        ...g,
        x.payer,
        x.sector,
        journeysOf(x.cell),
        amount(x.cell),
        ...list,
      ]),
    },
    {
      name: COST_TABLE_NAMES[4],
      columns: [...gc, 'map', 'reason', 'journeys', 'touchpoints', ...listColumns],
      rows: [...unpriced('asIs'), ...unpriced('toBe')],
    },
  ];
}

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
    ...costTables(a, g, gc),
  ];
}

/**
 * A text cell as a spreadsheet should get it: no control characters (a price list's name can
 * come from a file name, and an escape sequence in it was copied into every row), and a text
 * that a spreadsheet would run as a formula (= + - @ first) starts with an apostrophe, which
 * Excel shows as text. Numbers are written as numbers.
 */
function text(s: string): string {
  // eslint-disable-next-line no-control-regex
  return neutraliseCell(s.replace(/[\u0000-\u001f\u007f-\u009f]/g, ''));
}

/**
 * CSV that Danish Excel opens as it should: UTF-8 with a byte-order mark, semicolons between
 * fields, decimal commas, CRLF line ends.
 */
export function toExcelCsv(table: Table): string {
  const field = (v: string | number | null) => {
    if (v === null) return '';
    const s = typeof v === 'number' ? String(v).replace('.', ',') : text(v);
    return /[";\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [table.columns, ...table.rows].map((r) => r.map(field).join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
