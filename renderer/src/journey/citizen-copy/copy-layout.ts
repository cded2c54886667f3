/**
 * The citizen's own copy of the map, laid out for paper: a pure function from the journey's
 * domain data to pages of boxes, lines and texts in millimetres. Drawn from the data rather
 * than photographed from the live canvas, so the copy always has its lines, every lane name at
 * the touchpoints' scale, and text that stays readable on A4 (never below 12 pt).
 */
import { hyphenateSync } from 'hyphen/da';
import type { PainPoint, Touchpoint, Transition } from '../../../../shared/domain/journey';
import { SECTORS, type Sector } from '../../../../shared/vocabulary';
import { timeOrder } from '../auto-layout';
import { textWidth } from '../../components/text-metrics';

// --- Paper ------------------------------------------------------------------------------------

/** A4 landscape (297 × 210 mm) less a 10 mm margin all round: the area every page draws in. */
export const PAGE_WIDTH = 277;
export const PAGE_HEIGHT = 190;
/** 1 pt = 1/72 inch = 0.3528 mm. */
export const MM_PER_PT = 25.4 / 72;
/**
 * The smallest text on paper, in pt: the least that clear-print guidance for readers with poor
 * sight allows (RNIB's Clear Print and Dansk Blindesamfund both say 12 pt at the least, 14 pt
 * better). A sheet is read at the table, often by someone who left their glasses at home.
 */
export const MIN_FONT_PT = 12;

/** Text sizes in mm (on paper). The smallest, 4.3 mm, is 12.2 pt; a touchpoint's name 14 pt. */
export const FONT = {
  title: 8,
  header: 4.3,
  label: 5,
  labelMin: 4.3,
  lane: 4.6,
  meta: 4.3,
  legend: 4.3,
} as const;

/** Columns per page: at most four keeps a touchpoint's name at 14 pt in a box 51 mm wide. */
export const COLUMNS_PER_PAGE = 4;
const LANE_HEADER_WIDTH = 41;
const COLUMN_WIDTH = (PAGE_WIDTH - LANE_HEADER_WIDTH) / COLUMNS_PER_PAGE;
const BOX_WIDTH = 51;
const MAX_LANE_HEIGHT = 38;
const HEADER_BOTTOM = 17;
const MAP_TOP = 19;
const LEGEND_HEIGHT = 14;
const CURVE_HEIGHT = 22;
/** The lowest the lanes may reach, leaving room for the curve and the legend under them. */
const MAP_BOTTOM = PAGE_HEIGHT - LEGEND_HEIGHT - 2 - CURVE_HEIGHT - 2;
/** How far the curve's highest and lowest faces stand from its edges. */
const CURVE_INSET = 4;
const BOX_PAD = 2;
/** A touchpoint's name: 14 pt, or a step smaller (12 pt at the least) for a long word. */
const LABEL_SIZES = [FONT.label, 4.6, FONT.labelMin];
const META_LINE = FONT.meta * 1.2;
const MAX_LABEL_LINES = 3;
const FACE_R = 3;
/** The box's bottom row: the date, then the face and the pain mark at the right. */
const ROW_HEIGHT = 2 * FACE_R + 0.4;
/** The least a box's padding gives way to in a crowded page. */
const MIN_PAD_Y = 0.8;
/**
 * The lowest lane that still holds a box with one line of its name at the smallest size and its
 * bottom row (date, face, pain): a page never has more lanes than fit at this height.
 */
const MIN_LANE_HEIGHT = 2 + 2 * MIN_PAD_Y + FONT.labelMin * 1.17 + ROW_HEIGHT;
/** At most this many lanes on a page (eight). */
export const MAX_LANES_PER_PAGE = Math.floor((MAP_BOTTOM - MAP_TOP) / MIN_LANE_HEIGHT);
/** The pain mark's width: its triangle and its count at the meta size, a digit 2.7 mm wide. */
const painWidth = (count: number) => 6.3 + String(count).length * 2.7;
/** The estimated public cost's block (when chosen): its sizes, padding and column gap. */
const COST = {
  title: FONT.label,
  row: FONT.lane,
  note: FONT.meta,
  pad: 3,
  gap: 2,
  columnGap: 8,
} as const;

// --- Output -----------------------------------------------------------------------------------

export type Quality = 'good' | 'mixed' | 'broken' | 'none';
export const QUALITIES: readonly Quality[] = ['good', 'mixed', 'broken', 'none'];

/** One or more lines of text; `y` is the first line's baseline. */
export interface TextItem {
  x: number;
  y: number;
  size: number;
  lineHeight: number;
  lines: string[];
  bold?: boolean;
  anchor?: 'start' | 'middle' | 'end';
}
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}
export interface FaceItem {
  cx: number;
  cy: number;
  r: number;
  value: number;
}
export interface PainMark {
  x: number;
  y: number;
  count: number;
}
export interface BoxItem extends Rect {
  touchpointId: string;
  sector: Sector;
  label: TextItem;
  /** The date (and how many times), in the bottom row beside the face. */
  meta: TextItem | null;
  /** The kind of contact, above the bottom row when there is room. */
  kind: TextItem | null;
  face: FaceItem | null;
  pain: PainMark | null;
}
export interface LineItem {
  /** The transition drawn; a transition between two pages is drawn on both, half on each. */
  transitionId: string;
  quality: Quality;
  /** SVG path data, in mm; the arrowhead sits at the end. */
  d: string;
  from: { x: number; y: number };
  to: { x: number; y: number };
  part: 'whole' | 'leaves' | 'arrives';
}
export interface LaneItem extends Rect {
  sector: Sector;
  label: TextItem;
}
export interface CurveItem extends Rect {
  title: TextItem;
  zeroY: number;
  points: { x: number; y: number; value: number; touchpointId: string }[];
  faces: FaceItem[];
  empty: TextItem | null;
}
export interface LegendSwatch {
  quality: Quality;
  d: string;
}
export interface LegendItem {
  texts: TextItem[];
  faces: FaceItem[];
  swatches: LegendSwatch[];
  pain: PainMark;
}
/** The estimated public cost, framed: a title, the amounts at the left, the notes at the right. */
export interface CostBlockItem extends Rect {
  title: TextItem;
  /** The total first, then each payer: a label and its amount (right-aligned). */
  rows: { label: TextItem; amount: TextItem }[];
  notes: TextItem[];
  /** Where the thin rule between the amounts and the notes stands. */
  ruleX: number;
}
export interface CopyPage {
  number: number;
  count: number;
  width: number;
  height: number;
  /** Alias, map, date and page number. */
  header: TextItem[];
  lanes: LaneItem[];
  boxes: BoxItem[];
  lines: LineItem[];
  /** The emotion curve and the legend; null only on a page that holds just the cost. */
  curve: CurveItem | null;
  legend: LegendItem | null;
  /** The estimated public cost: only when chosen, and then on one page only (the last). */
  cost: CostBlockItem | null;
}

// --- Input ------------------------------------------------------------------------------------

/** Every word the copy prints, already in the reader's language. */
export interface CopyText {
  alias: string;
  /** E.g. "Sådan er det i dag · Borgerens egen kopi …". */
  subtitle: string;
  printedOn: string;
  pageOf: (page: number, count: number) => string;
  /** Under the page number where a line leaves the page for the next: "Fortsætter på næste side". */
  continues: string;
  sector: (sector: Sector) => string;
  untitled: string;
  date: (date: string | null) => string;
  contactType: (contactType: NonNullable<Touchpoint['contactType']>) => string;
  curveTitle: string;
  curveEmpty: string;
  legendFaces: string;
  /** Labels of the faces from −2 to +2. */
  emotions: readonly [string, string, string, string, string];
  legendHandovers: string;
  quality: Record<Quality, string>;
  pain: string;
}

/**
 * The estimated public cost of the map, already worded and formatted in the reader's language
 * (citizen-copy/copy-cost.ts). Given only when the facilitator chose it for this copy.
 */
export interface CopyCost {
  /** "Anslået offentlig udgift (vejledende)". */
  title: string;
  totalLabel: string;
  /** "12.155 kr.". */
  total: string;
  payers: readonly { label: string; amount: string }[];
  /** Whole sentences: what the figure is, what it leaves out, the difference, the price list. */
  notes: readonly string[];
}

export interface CopyInput {
  /** The current map's touchpoints, transitions and pain points (no other map's). */
  touchpoints: readonly Touchpoint[];
  transitions: readonly Transition[];
  painPoints: readonly PainPoint[];
  text: CopyText;
  /** The estimated public cost: left out (the default) unless the facilitator chose it. */
  cost?: CopyCost | null;
}

// --- Text measuring ---------------------------------------------------------------------------

// Text is measured with the bundled typeface's advance widths (components/text-metrics.ts): the
// copy is always drawn in it (the picture embeds it), so wrapping is computed here, purely.
export { textWidth };

/**
 * Where a word may be split, as offsets into it, by Danish hyphenation patterns (the labels are
 * written in Danish whatever the app's language); never fewer than two letters before the
 * hyphen or three after it ("genindlæg-gelse", not "genindlæggel-se").
 */
function hyphenBreaks(word: string): number[] {
  const out: number[] = [];
  let at = 0;
  for (const part of hyphenateSync(word, { minWordLength: 5 }).split('\u00AD')) {
    at += part.length;
    if (at >= 2 && word.length - at >= 3) out.push(at);
  }
  return out.filter((b) => b < word.length);
}

/** Breaks text into lines no wider than `width`; words too long for a line are hyphenated. */
export function wrap(text: string, width: number, size: number, bold = false): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (textWidth(candidate, size, bold) <= width) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    // A word wider than the line is split, with a hyphen, where Danish splits it: at the last
    // break of the TeX patterns (`hyphen`) that fits — "Udskrivelses-samtale", never
    // "Udskrivelsessamta-le" — or, when none fits, where the line ends.
    let rest = word;
    while (textWidth(rest, size, bold) > width) {
      const breaks = hyphenBreaks(rest);
      let cut = breaks.findLast((b) => textWidth(`${rest.slice(0, b)}-`, size, bold) <= width);
      if (cut === undefined) {
        cut = rest.length - 1;
        while (cut > 1 && textWidth(`${rest.slice(0, cut)}-`, size, bold) > width) cut--;
      }
      lines.push(`${rest.slice(0, cut)}-`);
      rest = rest.slice(cut);
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines;
}

/** At most `max` lines; when text is cut, the last line ends in an ellipsis that still fits. */
export function clampLines(
  lines: string[],
  max: number,
  width: number,
  size: number,
  bold = false,
): string[] {
  if (lines.length <= max) return lines;
  const kept = lines.slice(0, max);
  let last = `${kept[max - 1]!} …`;
  while (last.length > 2 && textWidth(last, size, bold) > width) {
    last = `${last.slice(0, -3).trimEnd()} …`;
  }
  kept[max - 1] = last;
  return kept;
}

// --- Layout -----------------------------------------------------------------------------------

/**
 * Columns along time: consecutive touchpoints of the same date in different lanes share a
 * column (as the map's auto-layout places them), unless a transition joins them (its line would
 * have no room) or the column already holds as many lanes as a page can; everything else gets its
 * own.
 */
export function columnsOf(
  touchpoints: readonly Touchpoint[],
  transitions: readonly Transition[] = [],
): Touchpoint[][] {
  const linked = new Set(
    transitions.flatMap((t) => [`${t.sourceId} ${t.targetId}`, `${t.targetId} ${t.sourceId}`]),
  );
  const columns: Touchpoint[][] = [];
  for (const t of timeOrder([...touchpoints])) {
    const last = columns[columns.length - 1];
    const head = last?.[0];
    if (
      last &&
      head &&
      t.date !== null &&
      head.date === t.date &&
      last.length < MAX_LANES_PER_PAGE &&
      !last.some((x) => x.sector === t.sector || linked.has(`${x.id} ${t.id}`))
    ) {
      last.push(t);
    } else columns.push([t]);
  }
  return columns;
}

/**
 * Which columns go on which page, in order: up to COLUMNS_PER_PAGE, while their sectors together
 * need no more lanes than a page holds (MAX_LANES_PER_PAGE), so a busy stretch of the pathway
 * takes more pages rather than lanes too low to read. Always at least one page.
 */
export function pageColumns(columns: readonly (readonly Touchpoint[])[]): number[][] {
  const pages: number[][] = [];
  let sectors = new Set<Sector>();
  columns.forEach((column, c) => {
    const page = pages.at(-1);
    const joined = new Set([...sectors, ...column.map((t) => t.sector)]);
    if (page && page.length < COLUMNS_PER_PAGE && joined.size <= MAX_LANES_PER_PAGE) {
      page.push(c);
      sectors = joined;
    } else {
      pages.push([c]);
      sectors = new Set(column.map((t) => t.sector));
    }
  });
  return pages.length > 0 ? pages : [[]];
}

const round = (n: number) => Math.round(n * 100) / 100;

function box(tp: Touchpoint, rect: Rect, painCount: number, text: CopyText): BoxItem {
  const right = rect.x + rect.w - BOX_PAD;
  const bottom = rect.y + rect.h;
  const width = rect.w - 2 * BOX_PAD;
  const name = tp.label.trim() || text.untitled;
  // A long compound word ("Lungeambulatoriet") takes a slightly smaller size before it is split.
  const date = text.date(tp.date);
  const hasRow = date !== '' || tp.emotion !== null || painCount > 0;
  const rowSpace = hasRow ? ROW_HEIGHT : 0;
  const longest = Math.max(...name.split(/\s+/).map((w) => textWidth(w, 1, true)));
  // In a box too low for one line of the name at full size over its bottom row, the smallest.
  const roomForOne = rect.h - 2 * MIN_PAD_Y - rowSpace;
  const labelSize =
    LABEL_SIZES.find((size) => longest * size <= width && size * 1.17 <= roomForOne + 0.01) ??
    FONT.labelMin;
  const labelLine = labelSize * 1.17;
  const allLabel = wrap(name, width, labelSize, true);
  const times = tp.repetitions && tp.repetitions > 1 ? `× ${tp.repetitions}` : '';
  // "How many times" goes with the kind of contact ("Besøg hos lægen × 12"), so the date is whole.
  const kind = [tp.contactType ? text.contactType(tp.contactType) : '', times]
    .filter(Boolean)
    .join(' ');
  // In a crowded page the padding gives way so one line of the name still fits.
  const padY = Math.max(MIN_PAD_Y, Math.min(BOX_PAD, (rect.h - labelLine - rowSpace) / 2));
  const inner = rect.h - 2 * padY;
  // The name first, then the bottom row (date, face, pain), then the kind of contact.
  const labelCount = Math.max(
    1,
    Math.min(allLabel.length, MAX_LABEL_LINES, Math.floor((inner - rowSpace + 0.01) / labelLine)),
  );
  const showKind = kind !== '' && inner - labelCount * labelLine - rowSpace >= META_LINE - 0.01;
  const labelLines = clampLines(allLabel, labelCount, width, labelSize, true);
  const top = rect.y + padY;
  const label: TextItem = {
    x: rect.x + BOX_PAD,
    y: round(top + labelSize * 0.9),
    size: labelSize,
    lineHeight: labelLine,
    lines: labelLines,
    bold: true,
  };
  const pain: PainMark | null =
    painCount > 0
      ? {
          x: round(right - painWidth(painCount) + 0.6),
          y: round(bottom - padY - 0.6),
          count: painCount,
        }
      : null;
  const face: FaceItem | null =
    tp.emotion === null
      ? null
      : {
          cx: round(right - FACE_R - (pain ? painWidth(painCount) : 0)),
          cy: round(bottom - padY - FACE_R - 0.2),
          r: FACE_R,
          value: tp.emotion,
        };
  const rowTextWidth = width - (face ? 2 * FACE_R + 1 : 0) - (pain ? painWidth(painCount) : 0);
  const withTimes = `${date} ${times}`;
  const when =
    !showKind && times && textWidth(withTimes, FONT.meta) <= rowTextWidth ? withTimes : date;
  const meta: TextItem | null = when
    ? {
        x: rect.x + BOX_PAD,
        y: round(bottom - padY - 1.2),
        size: FONT.meta,
        lineHeight: META_LINE,
        lines: clampLines(wrap(when, rowTextWidth, FONT.meta), 1, rowTextWidth, FONT.meta),
      }
    : null;
  const kindItem: TextItem | null = showKind
    ? {
        x: rect.x + BOX_PAD,
        y: round(bottom - padY - rowSpace - 0.9),
        size: FONT.meta,
        lineHeight: META_LINE,
        lines: clampLines(wrap(kind, width, FONT.meta), 1, width, FONT.meta),
      }
    : null;
  return {
    touchpointId: tp.id,
    sector: tp.sector,
    ...rect,
    label,
    meta,
    kind: kindItem,
    face,
    pain,
  };
}

function curvePath(from: { x: number; y: number }, to: { x: number; y: number }): string {
  const dx = Math.max(6, Math.abs(to.x - from.x) / 2) * (to.x >= from.x ? 1 : -1);
  const p = (n: number) => round(n);
  return `M ${p(from.x)} ${p(from.y)} C ${p(from.x + dx)} ${p(from.y)} ${p(to.x - dx)} ${p(to.y)} ${p(to.x)} ${p(to.y)}`;
}

function straightPath(from: { x: number; y: number }, to: { x: number; y: number }): string {
  return `M ${round(from.x)} ${round(from.y)} L ${round(to.x)} ${round(to.y)}`;
}

type Point = { x: number; y: number };

/** Whether a point is inside a box, or within `margin` of it. */
const near = (p: Point, r: Rect, margin: number) =>
  p.x > r.x - margin && p.x < r.x + r.w + margin && p.y > r.y - margin && p.y < r.y + r.h + margin;

/** Points along the curve from `curvePath`, to see what it passes over. */
function curvePoints(from: Point, to: Point, n = 48): Point[] {
  const dx = Math.max(6, Math.abs(to.x - from.x) / 2) * (to.x >= from.x ? 1 : -1);
  const c1 = { x: from.x + dx, y: from.y };
  const c2 = { x: to.x - dx, y: to.y };
  return Array.from({ length: n + 1 }, (_, i) => {
    const t = i / n;
    const u = 1 - t;
    return {
      x: u * u * u * from.x + 3 * u * u * t * c1.x + 3 * u * t * t * c2.x + t * t * t * to.x,
      y: u * u * u * from.y + 3 * u * u * t * c1.y + 3 * u * t * t * c2.y + t * t * t * to.y,
    };
  });
}

/** Points along a line of straight pieces, a millimetre or so apart. */
function polylinePoints(points: readonly Point[]): Point[] {
  const out: Point[] = [];
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const steps = Math.max(1, Math.ceil(Math.hypot(b.x - a.x, b.y - a.y)));
    for (let k = 0; k <= steps; k++) {
      out.push({ x: a.x + ((b.x - a.x) * k) / steps, y: a.y + ((b.y - a.y) * k) / steps });
    }
  }
  return out;
}

const polylinePath = (points: readonly Point[]) =>
  points.map((p, i) => `${i ? 'L' : 'M'} ${round(p.x)} ${round(p.y)}`).join(' ');

/** How far a line keeps from a box it does not join, in mm (its stroke and a little air). */
const LINE_CLEARANCE = 0.6;

/**
 * The path of a transition between two boxes on one page: a curve from side to side, unless
 * the curve would pass under another box — then the line would seem to run through that
 * touchpoint, and the copy would tell another story. It then goes round: along its own lane or
 * the other's where no box stands, down or up in the free strip between two columns, or along
 * the edge between two lanes, where boxes never reach.
 */
function connect(
  a: BoxItem,
  b: BoxItem,
  others: readonly Rect[] = [],
): Pick<LineItem, 'd' | 'from' | 'to'> {
  const obstacles = others.filter((r) => r !== a && r !== b);
  const clear = (points: readonly Point[]) =>
    !points.some((p) => obstacles.some((r) => near(p, r, LINE_CLEARANCE)));
  const ay = a.y + a.h / 2;
  const by = b.y + b.h / 2;
  const gap = COLUMN_WIDTH - BOX_WIDTH;
  if (a.x + a.w <= b.x || b.x + b.w <= a.x) {
    const forward = a.x + a.w <= b.x;
    const from = { x: forward ? a.x + a.w : a.x, y: ay };
    const to = { x: forward ? b.x : b.x + b.w, y: by };
    if (clear(curvePoints(from, to))) return { d: curvePath(from, to), from, to };
    // The free strips beside the two boxes, and the lane edge between them (or under the lane).
    const sideA = from.x + (forward ? gap / 2 : -gap / 2);
    const sideB = to.x + (forward ? -gap / 2 : gap / 2);
    const edgeY = by > ay ? a.y + a.h + 1 : by < ay ? a.y - 1 : a.y + a.h + 1;
    const routes: Point[][] = [
      [from, { x: sideB, y: ay }, { x: sideB, y: by }, to],
      [from, { x: sideA, y: ay }, { x: sideA, y: by }, to],
      [
        from,
        { x: sideA, y: ay },
        { x: sideA, y: edgeY },
        { x: sideB, y: edgeY },
        { x: sideB, y: by },
        to,
      ],
    ];
    const route = routes.find((r) => clear(polylinePoints(r))) ?? routes[routes.length - 1]!;
    return { d: polylinePath(route), from, to };
  }
  // Same column, another lane: straight up or down, or round by the strip beside the column
  // when a box of that column stands between.
  const down = b.y > a.y;
  const from = { x: a.x + a.w / 2, y: down ? a.y + a.h : a.y };
  const to = { x: b.x + b.w / 2, y: down ? b.y : b.y + b.h };
  if (clear(polylinePoints([from, to]))) return { d: straightPath(from, to), from, to };
  const side = a.x + a.w + gap / 2;
  const start = { x: a.x + a.w, y: ay };
  const end = { x: b.x + b.w, y: by };
  return {
    d: polylinePath([start, { x: side, y: ay }, { x: side, y: by }, end]),
    from: start,
    to: end,
  };
}

function legend(text: CopyText, top: number): LegendItem {
  const texts: TextItem[] = [];
  const faces: FaceItem[] = [];
  const swatches: LegendSwatch[] = [];
  const size = FONT.legend;
  const row1 = round(top + 5.5);
  const row2 = round(top + LEGEND_HEIGHT - 1.5);
  const put = (x: number, y: number, s: string, bold = false) => {
    texts.push({ x: round(x), y, size, lineHeight: size * 1.2, lines: [s], bold });
    return x + textWidth(s, size, bold);
  };
  let x = put(0, row1, text.legendFaces, true) + 4;
  text.emotions.forEach((label, i) => {
    faces.push({ cx: round(x + 3), cy: round(row1 - size * 0.35), r: 3, value: i - 2 });
    x = put(x + 7.5, row1, label) + 5;
  });
  x = put(0, row2, text.legendHandovers, true) + 4;
  for (const q of QUALITIES) {
    const y = round(row2 - size * 0.35);
    swatches.push({ quality: q, d: `M ${round(x)} ${y} L ${round(x + 11)} ${y}` });
    x = put(x + 13, row2, text.quality[q]) + 5;
  }
  const pain = { x: round(x), y: row2 + 0.3, count: 0 };
  put(x + 6, row2, text.pain);
  return { texts, faces, swatches, pain };
}

/**
 * The cost block, full page width from `top`: the title over two columns — the total and the
 * payers as a small table of label and right-aligned amount, and the notes wrapped beside it.
 */
export function costBlock(cost: CopyCost, top: number): CostBlockItem {
  const inner = PAGE_WIDTH - 2 * COST.pad;
  const left = COST.pad;
  const titleLine = COST.title * 1.2;
  const titleLines = clampLines(
    wrap(cost.title, inner, COST.title, true),
    2,
    inner,
    COST.title,
    true,
  );
  const titleTop = top + COST.pad;
  const title: TextItem = {
    x: left,
    y: round(titleTop + COST.title * 0.9),
    size: COST.title,
    lineHeight: titleLine,
    lines: titleLines,
    bold: true,
  };
  const bodyTop = titleTop + (titleLines.length - 1) * titleLine + COST.title * 1.15 + 1.5;

  // The amounts: a label and its amount on a line, the total first and bold.
  const rowItems = [
    { label: cost.totalLabel, amount: cost.total, bold: true },
    ...cost.payers.map((p) => ({ ...p, bold: false })),
  ];
  const labelWidth = Math.max(...rowItems.map((r) => textWidth(r.label, COST.row, r.bold)));
  const amountWidth = Math.max(...rowItems.map((r) => textWidth(r.amount, COST.row, r.bold)));
  const tableWidth = Math.min(inner / 2, labelWidth + 8 + amountWidth);
  const rowLine = COST.row * 1.35;
  const rows = rowItems.map((r, i) => {
    const y = round(bodyTop + i * rowLine + COST.row * 0.9);
    const item = (s: string, x: number, width: number, anchor: TextItem['anchor']): TextItem => ({
      x: round(x),
      y,
      size: COST.row,
      lineHeight: rowLine,
      lines: clampLines(wrap(s, width, COST.row, r.bold), 1, width, COST.row, r.bold),
      bold: r.bold,
      anchor,
    });
    return {
      label: item(r.label, left, Math.max(10, tableWidth - amountWidth - 4), 'start'),
      amount: item(r.amount, left + tableWidth, amountWidth, 'end'),
    };
  });
  const rowsBottom = bodyTop + (rows.length - 1) * rowLine + COST.row * 1.15;

  // The notes, each its own paragraph, in the rest of the width.
  const ruleX = left + tableWidth + COST.columnGap / 2;
  const notesX = left + tableWidth + COST.columnGap;
  const notesWidth = PAGE_WIDTH - COST.pad - notesX;
  const noteLine = COST.note * 1.25;
  const notes: TextItem[] = [];
  let noteTop = bodyTop;
  for (const note of cost.notes) {
    const lines = wrap(note, notesWidth, COST.note);
    if (lines.length === 0) continue;
    notes.push({
      x: round(notesX),
      y: round(noteTop + COST.note * 0.9),
      size: COST.note,
      lineHeight: noteLine,
      lines,
    });
    noteTop += (lines.length - 1) * noteLine + COST.note * 1.15 + 1;
  }
  const notesBottom = noteTop - 1;
  const bottom = Math.max(rowsBottom, notesBottom) + COST.pad - 0.5;
  return {
    x: 0,
    y: round(top),
    w: PAGE_WIDTH,
    h: round(bottom - top),
    title,
    rows,
    notes,
    ruleX: round(ruleX),
  };
}

/**
 * A page's header: the alias and the map at the left, the date and page number at the right —
 * and under them, where a line leaves this page for the next, that the pathway goes on there.
 */
function pageHeader(text: CopyText, number: number, count: number, goesOn = false): TextItem[] {
  const right = [text.printedOn, text.pageOf(number, count), ...(goesOn ? [text.continues] : [])];
  const rightWidth = Math.max(...right.map((s) => textWidth(s, FONT.header))) + 4;
  return [
    {
      x: 0,
      y: 7.5,
      size: FONT.title,
      lineHeight: FONT.title,
      lines: clampLines(
        wrap(text.alias, PAGE_WIDTH - rightWidth, FONT.title, true),
        1,
        PAGE_WIDTH - rightWidth,
        FONT.title,
        true,
      ),
      bold: true,
    },
    {
      x: 0,
      y: HEADER_BOTTOM - 3,
      size: FONT.header,
      lineHeight: FONT.header,
      lines: clampLines(
        wrap(text.subtitle, PAGE_WIDTH - rightWidth, FONT.header),
        1,
        PAGE_WIDTH - rightWidth,
        FONT.header,
      ),
    },
    { x: PAGE_WIDTH, y: 5, size: FONT.header, lineHeight: 5.5, lines: right, anchor: 'end' },
  ];
}

/** The same words in a box (its name's lines, the kind of contact, the date)? */
function sameTexts(a: BoxItem, b: BoxItem): boolean {
  const lines = (t: TextItem | null) => t?.lines.join('\n') ?? null;
  return (
    lines(a.label) === lines(b.label) &&
    lines(a.kind) === lines(b.kind) &&
    lines(a.meta) === lines(b.meta)
  );
}

/**
 * Lays the current map out on as many A4 landscape pages as it needs. The estimated public cost,
 * when chosen, goes under the legend of the last page if the lanes can give up its height
 * without any box there losing a word (a line of its name, its kind of contact, its date);
 * otherwise it gets a page of its own, so the cost never costs the map its legibility.
 */
export function layoutCopy(input: CopyInput): CopyPage[] {
  const plain = layoutPages(input, 'none');
  if (!input.cost) return plain;
  const inline = layoutPages(input, 'inline');
  const before = plain.at(-1)!.boxes;
  const after = inline.at(-1)!.boxes;
  const keepsEveryWord =
    after.length === before.length && after.every((b, i) => sameTexts(b, before[i]!));
  // Nor may its lanes drop below the height a box needs (the words could stay the same, cut
  // short in both, while the box grows too low to hold them).
  const tallEnough = inline.at(-1)!.lanes.every((l) => l.h >= MIN_LANE_HEIGHT - 0.01);
  return keepsEveryWord && tallEnough ? inline : layoutPages(input, 'own');
}

function layoutPages(input: CopyInput, costAt: 'none' | 'inline' | 'own'): CopyPage[] {
  const { text } = input;
  const columns = columnsOf(input.touchpoints, input.transitions);
  const onPages = pageColumns(columns);
  const mapPages = onPages.length;
  const sectorsOf = (p: number) => {
    const used = new Set(onPages[p]!.flatMap((c) => columns[c]!.map((t) => t.sector)));
    return SECTORS.filter((s) => used.has(s));
  };
  const laneHeightFor = (lanes: number, bottom: number) =>
    Math.min(MAX_LANE_HEIGHT, (bottom - MAP_TOP) / Math.max(1, lanes));

  const cost = costAt === 'none' ? null : (input.cost ?? null);
  const costInline = cost !== null && costAt === 'inline';
  // Under the legend of the last page, the lanes there give up the block's height.
  const costHeight = costInline ? costBlock(cost, 0).h + COST.gap : 0;
  const pageCount = mapPages + (cost && !costInline ? 1 : 0);
  const painCounts = new Map<string, number>();
  for (const p of input.painPoints) {
    painCounts.set(p.touchpointId, (painCounts.get(p.touchpointId) ?? 0) + 1);
  }

  /*
   * Each page has the lanes of the sectors on that page, in the vocabulary's order, never more
   * than MAX_LANES_PER_PAGE (pageColumns): four columns seldom touch more than four sectors, so
   * the boxes stay tall enough for a name, a date and a face at full size, where all of a long
   * pathway's lanes on every page would crush them.
   */
  const lanesOf = new Map<number, LaneItem[]>();
  for (let p = 0; p < mapPages; p++) {
    const sectors = sectorsOf(p);
    const bottom = p === mapPages - 1 ? MAP_BOTTOM - costHeight : MAP_BOTTOM;
    const laneHeight = laneHeightFor(sectors.length, bottom);
    lanesOf.set(
      p,
      sectors.map((sector, i) => {
        const y = MAP_TOP + i * laneHeight;
        const all = wrap(text.sector(sector), LANE_HEADER_WIDTH - 4, FONT.lane, true);
        const fit = Math.max(1, Math.floor((laneHeight - 2) / (FONT.lane * 1.15)));
        const lines = clampLines(all, fit, LANE_HEADER_WIDTH - 4, FONT.lane, true);
        const block = (lines.length - 1) * FONT.lane * 1.15;
        return {
          sector,
          x: 0,
          y: round(y),
          w: PAGE_WIDTH,
          h: round(laneHeight),
          label: {
            x: 2,
            y: round(y + laneHeight / 2 - block / 2 + FONT.lane * 0.35),
            size: FONT.lane,
            lineHeight: FONT.lane * 1.15,
            lines,
            bold: true,
          },
        };
      }),
    );
  }

  // Where each touchpoint sits: its page and its box.
  const placed = new Map<string, { page: number; box: BoxItem }>();
  onPages.forEach((onPage, page) =>
    onPage.forEach((c, slot) => {
      const x = LANE_HEADER_WIDTH + slot * COLUMN_WIDTH + (COLUMN_WIDTH - BOX_WIDTH) / 2;
      for (const tp of columns[c]!) {
        const lane = lanesOf.get(page)!.find((l) => l.sector === tp.sector)!;
        const rect = { x: round(x), y: round(lane.y + 1), w: BOX_WIDTH, h: round(lane.h - 2) };
        placed.set(tp.id, { page, box: box(tp, rect, painCounts.get(tp.id) ?? 0, text) });
      }
    }),
  );

  const pages: CopyPage[] = [];
  for (let p = 0; p < mapPages; p++) {
    const boxes = [...placed.values()].filter((v) => v.page === p).map((v) => v.box);
    const lines: LineItem[] = [];
    for (const tr of input.transitions) {
      const a = placed.get(tr.sourceId);
      const b = placed.get(tr.targetId);
      if (!a || !b) continue;
      const quality: Quality = tr.quality ?? 'none';
      if (a.page === p && b.page === p) {
        lines.push({
          transitionId: tr.id,
          quality,
          part: 'whole',
          ...connect(a.box, b.box, boxes),
        });
      } else if (a.page === p) {
        // Leaves this page at its edge, towards the page the next touchpoint is on.
        const forward = b.page > p;
        const y = a.box.y + a.box.h / 2;
        const from = { x: forward ? a.box.x + a.box.w : a.box.x, y };
        const to = { x: forward ? PAGE_WIDTH - 0.5 : LANE_HEADER_WIDTH + 0.5, y };
        lines.push({
          transitionId: tr.id,
          quality,
          part: 'leaves',
          d: straightPath(from, to),
          from,
          to,
        });
      } else if (b.page === p) {
        // Arrives from the edge of this page, coming from the page before (or after).
        const forward = a.page < p;
        const y = b.box.y + b.box.h / 2;
        const from = { x: forward ? LANE_HEADER_WIDTH + 0.5 : PAGE_WIDTH - 0.5, y };
        const to = { x: forward ? b.box.x : b.box.x + b.box.w, y };
        lines.push({
          transitionId: tr.id,
          quality,
          part: 'arrives',
          d: straightPath(from, to),
          from,
          to,
        });
      }
    }

    // The emotion curve right under the lanes, its points under their columns; then the legend.
    const lanes = lanesOf.get(p)!;
    const lastLane = lanes[lanes.length - 1];
    const CURVE_TOP = round(lastLane ? lastLane.y + lastLane.h + 2 : MAP_TOP);
    const inner = CURVE_HEIGHT - 2 * CURVE_INSET;
    const points = boxes
      .map((bx) => {
        const tp = input.touchpoints.find((t) => t.id === bx.touchpointId)!;
        return { bx, value: tp.emotion };
      })
      .filter((v): v is { bx: BoxItem; value: number } => v.value !== null)
      .sort((m, n) => m.bx.x - n.bx.x)
      .map(({ bx, value }) => ({
        x: round(bx.x + bx.w / 2),
        y: round(CURVE_TOP + CURVE_INSET + ((2 - value) / 4) * inner),
        value,
        touchpointId: bx.touchpointId,
      }));
    const curveTitle = clampLines(
      wrap(text.curveTitle, LANE_HEADER_WIDTH - 4, FONT.lane, true),
      2,
      LANE_HEADER_WIDTH - 4,
      FONT.lane,
      true,
    );
    const curve: CurveItem = {
      x: 0,
      y: CURVE_TOP,
      w: PAGE_WIDTH,
      h: CURVE_HEIGHT,
      zeroY: CURVE_TOP + CURVE_INSET + inner / 2,
      title: {
        x: 2,
        y: round(
          CURVE_TOP +
            CURVE_HEIGHT / 2 -
            ((curveTitle.length - 1) * FONT.lane * 1.15) / 2 +
            FONT.lane * 0.35,
        ),
        size: FONT.lane,
        lineHeight: FONT.lane * 1.15,
        lines: curveTitle,
        bold: true,
      },
      points,
      faces: points.map((pt) => ({ cx: pt.x, cy: pt.y, r: 2.8, value: pt.value })),
      empty:
        points.length === 0
          ? {
              x: LANE_HEADER_WIDTH + 3,
              y: round(CURVE_TOP + CURVE_HEIGHT / 2 + FONT.meta * 0.35),
              size: FONT.meta,
              lineHeight: FONT.meta * 1.2,
              lines: clampLines(
                wrap(text.curveEmpty, PAGE_WIDTH - LANE_HEADER_WIDTH - 6, FONT.meta),
                1,
                PAGE_WIDTH - LANE_HEADER_WIDTH - 6,
                FONT.meta,
              ),
            }
          : null,
    };

    const legendTop = CURVE_TOP + CURVE_HEIGHT + 2;
    pages.push({
      number: p + 1,
      count: pageCount,
      width: PAGE_WIDTH,
      height: PAGE_HEIGHT,
      // A line that leaves towards a later page runs to the right edge.
      header: pageHeader(
        text,
        p + 1,
        pageCount,
        lines.some((l) => l.part === 'leaves' && l.to.x > l.from.x),
      ),
      lanes,
      boxes,
      lines,
      curve,
      legend: legend(text, legendTop),
      cost:
        cost && costInline && p === mapPages - 1
          ? costBlock(cost, legendTop + LEGEND_HEIGHT + COST.gap)
          : null,
    });
  }
  if (cost && !costInline) {
    // A page of its own: the header, then the cost where the map would start.
    pages.push({
      number: pageCount,
      count: pageCount,
      width: PAGE_WIDTH,
      height: PAGE_HEIGHT,
      header: pageHeader(text, pageCount, pageCount),
      lanes: [],
      boxes: [],
      lines: [],
      curve: null,
      legend: null,
      cost: costBlock(cost, MAP_TOP),
    });
  }
  return pages;
}

/** The texts of the cost block. */
export function costTexts(c: CostBlockItem): TextItem[] {
  return [c.title, ...c.rows.flatMap((r) => [r.label, r.amount]), ...c.notes];
}

/** The texts inside a box. */
export function boxTexts(b: BoxItem): TextItem[] {
  return [b.label, b.meta, b.kind].filter((t): t is TextItem => t !== null);
}

/** Every text on a page, for checks (sizes, bounds). */
export function textsOf(page: CopyPage): TextItem[] {
  return [
    ...page.header,
    ...page.lanes.map((l) => l.label),
    ...page.boxes.flatMap(boxTexts),
    ...(page.curve ? [page.curve.title] : []),
    ...(page.curve?.empty ? [page.curve.empty] : []),
    ...(page.legend?.texts ?? []),
    ...(page.cost ? costTexts(page.cost) : []),
  ];
}

/** The map's column area starts here (after the lane names). */
export const MAP_LEFT = LANE_HEADER_WIDTH;
