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

const journeysOf = (c: Cell<unknown>) => (c.shown ? c.journeys : HIDDEN);

export function tablesOf(a: Aggregate, group = ''): Table[] {
  const g = group ? [group] : [];
  const gc = group ? ['group'] : [];
  return [
    {
      name: 'process-map',
      columns: [...gc, 'from_sector', 'to_sector', 'journeys', 'median_days'],
      rows: a.processMap.map((e) => [
        ...g,
        e.from,
        e.to,
        journeysOf(e.cell),
        e.cell.shown ? e.cell.value.medianDays : null,
      ]),
    },
    {
      name: 'variants',
      columns: [...gc, 'pathway', 'journeys'],
      rows: a.variants.map((v) => [...g, v.sequence.join(' > '), journeysOf(v.cell)]),
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
        h.cell.shown ? h.cell.value.brokenShare : null,
        h.cell.shown ? h.cell.value.medianWaitingDays : null,
      ]),
    },
    {
      name: 'emotion-by-sector',
      columns: [...gc, 'sector', 'journeys', 'median_emotion'],
      rows: a.emotionBySector.map((e) => [
        ...g,
        e.sector,
        journeysOf(e.cell),
        e.cell.shown ? e.cell.value.median : null,
      ]),
    },
    {
      name: 'pain-categories',
      columns: [...gc, 'category', 'journeys'],
      rows: a.painCategories.map((p) => [...g, p.category, journeysOf(p.cell)]),
    },
    {
      name: 'ideas',
      columns: [...gc, 'aim', 'pain_category', 'journeys'],
      rows: a.ideas.map((i) => [...g, i.aim, i.category, journeysOf(i.cell)]),
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
