import { z } from 'zod';
import { CONTACT_TYPES, SECTORS, type ContactType, type Sector } from '../vocabulary';
import { TURNS_TEXT, multiLineText, typedText } from '../domain/text';

/**
 * The price list behind the Economy aim: what a contact, a day, a month or an hour of a public
 * service costs, and who pays (kommune, region, stat). Indicative and labelled so. Models carry
 * codes, never prices: a price list is applied to a pathway only when it is looked at.
 *
 * Rules a row must keep:
 * - `price: null` means "no public figure found"; its `payerShares` are null too.
 * - `price > 0` needs `payerShares` whose fractions sum to 1 (within 1e-6).
 * - `price: 0` (no public expense, e.g. the citizen's own life) may have null shares.
 * - Every row names its source and the source's year, also an empty one (where we looked).
 * - One row per (sector, contactType, serviceCode); a row with a serviceCode wins over the
 *   sector × contact type row (see cost.ts).
 */

export const PRICE_UNITS = ['contact', 'day', 'month', 'hour'] as const;
export type PriceUnit = (typeof PRICE_UNITS)[number];

export const PAYERS = ['kommune', 'region', 'stat'] as const;
export type Payer = (typeof PAYERS)[number];

export const PRICE_LIMITS = {
  /** Far above any unit price in the public sector (a year of a specialised placement). */
  priceMax: 100_000_000,
  sourceMax: 1000,
  noteMax: 2000,
  nameMax: 200,
  notesMax: 5000,
  rowsMax: 5000,
  yearMin: 1990,
  yearMax: 2100,
  /** A CSV file larger than this is refused before it is parsed. */
  csvCharsMax: 5_000_000,
} as const;

const SHARE_TOLERANCE = 1e-6;

const serviceCodeSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  .max(60);

/** The app's rule for a multi-line text (no control characters but tab and line breaks). */
const multiLine = multiLineText({ max: Number.MAX_SAFE_INTEGER });

/**
 * Whether a price's source or note is text the list keeps: as every other multi-line text in the
 * app (shared/domain/text.ts: tab and line breaks, no other control character, no half of a
 * character), and no character that turns text around (`TURNS_TEXT`): nothing a source or a note
 * needs, and written back into the CSV and shown in the cost views, a right-to-left override
 * shows a text written backwards as another.
 */
export function isPriceText(text: string): boolean {
  return multiLine.safeParse(text).success && !TURNS_TEXT.test(text);
}

/**
 * A source or note made into text the list keeps, as the editor does with what is pasted
 * (`typedText`) and without the characters that turn text around.
 */
export function cleanPriceText(text: string): string {
  return typedText(text, true).replace(new RegExp(TURNS_TEXT.source, 'g'), '');
}

/** One code for a text the rule refuses, so the CSV import and the editor can say it in words. */
const PRICE_TEXT_RULE = { message: 'text_control' } as const;

/** A price's source: where the figure was looked up (also for an empty price). */
export const priceSourceSchema = z
  .string()
  .trim()
  .min(1)
  .max(PRICE_LIMITS.sourceMax)
  .refine(isPriceText, PRICE_TEXT_RULE);

/** A price's note: how a figure was derived, or why there is none. */
export const priceNoteSchema = z
  .string()
  .max(PRICE_LIMITS.noteMax)
  .refine(isPriceText, PRICE_TEXT_RULE);

const yearSchema = z.number().int().min(PRICE_LIMITS.yearMin).max(PRICE_LIMITS.yearMax);
const shareSchema = z.number().finite().min(0).max(1);

export const payerSharesSchema = z
  .strictObject({ kommune: shareSchema, region: shareSchema, stat: shareSchema })
  .refine((s) => Math.abs(s.kommune + s.region + s.stat - 1) <= SHARE_TOLERANCE, {
    message: 'shares_sum',
  });
export type PayerShares = z.infer<typeof payerSharesSchema>;

export const priceRowSchema = z
  .strictObject({
    sector: z.enum(SECTORS),
    contactType: z.enum(CONTACT_TYPES),
    serviceCode: serviceCodeSchema.optional(),
    unit: z.enum(PRICE_UNITS),
    price: z.number().finite().min(0).max(PRICE_LIMITS.priceMax).nullable(),
    payerShares: payerSharesSchema.nullable(),
    source: priceSourceSchema,
    sourceYear: yearSchema,
    note: priceNoteSchema.optional(),
  })
  .superRefine((row, ctx) => {
    if (row.price === null && row.payerShares !== null) {
      ctx.addIssue({ code: 'custom', message: 'shares_without_price', path: ['payerShares'] });
    }
    if (row.price !== null && row.price > 0 && row.payerShares === null) {
      ctx.addIssue({ code: 'custom', message: 'price_without_shares', path: ['payerShares'] });
    }
  });
export type PriceRow = z.infer<typeof priceRowSchema>;

/**
 * The shortest row a price list can hold, as JSON writes it: the shortest codes, a price of 0
 * (which needs no shares), a source of one character and no note or service. Every row of a list
 * is at least this long.
 */
export const SMALLEST_PRICE_ROW: PriceRow = {
  sector: shortestOf(SECTORS),
  contactType: shortestOf(CONTACT_TYPES),
  unit: shortestOf(PRICE_UNITS),
  price: 0,
  payerShares: null,
  source: 'x',
  sourceYear: PRICE_LIMITS.yearMin,
};

function shortestOf<T extends string>(codes: readonly T[]): T {
  return codes.reduce((a, b) => (b.length < a.length ? b : a));
}

/**
 * The most objects and arrays, and values, that a price list's JSON of `chars` characters can
 * hold, counted before it is parsed (`parseUntrustedJson`). A list is one object with six keys
 * and its array of rows; a row is an object of at most nine keys and its shares, an object of
 * three: two containers, and at most 13 values as they are counted (containers and commas), a
 * row. There are no more rows than the list may have, nor than rows of the shortest kind fit in
 * the text. A JSON list of 20 MB of `{},{},…` (within the depth) was parsed whole before the
 * schema refused it: 23 s and 2.1 GB.
 */
export const PRICE_JSON_LIMITS = {
  /** A list, its rows, a row and its shares are four levels deep; more than eight is no list. */
  depth: 8,
  containers: (chars: number) => 2 + 2 * priceRowsIn(chars),
  values: (chars: number) => 8 + 13 * priceRowsIn(chars),
};

const SMALLEST_ROW_CHARS = JSON.stringify(SMALLEST_PRICE_ROW).length;
function priceRowsIn(chars: number): number {
  return Math.min(PRICE_LIMITS.rowsMax, Math.ceil(chars / SMALLEST_ROW_CHARS));
}

/** The key that makes a row unique in a list. */
export const rowKey = (r: Pick<PriceRow, 'sector' | 'contactType' | 'serviceCode'>): string =>
  `${r.sector}|${r.contactType}|${r.serviceCode ?? ''}`;

export const priceListSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(PRICE_LIMITS.nameMax),
    priceYear: yearSchema,
    currency: z.literal('DKK'),
    /** Always true: these are indicative average prices, never a bill. */
    indicative: z.literal(true),
    notes: z.string().max(PRICE_LIMITS.notesMax),
    prices: z.array(priceRowSchema).max(PRICE_LIMITS.rowsMax),
  })
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.prices.forEach((row, i) => {
      const key = rowKey(row);
      if (seen.has(key)) {
        ctx.addIssue({ code: 'custom', message: 'duplicate_row', path: ['prices', i] });
      }
      seen.add(key);
    });
  });
export type PriceList = z.infer<typeof priceListSchema>;

/** Every sector × contact type pair of the vocabulary, in vocabulary order. */
export function allVocabularyPairs(): { sector: Sector; contactType: ContactType }[] {
  return SECTORS.flatMap((sector) => CONTACT_TYPES.map((contactType) => ({ sector, contactType })));
}

// ---------------------------------------------------------------------------------------------
// CSV in Danish Excel format: semicolon separator, decimal comma, UTF-8 with BOM, CRLF lines,
// a Danish header. Codes (sector, contact type, service) stay the vocabulary's English codes so
// that a file round-trips; the unit is written in Danish and read in Danish or English.
// List metadata (name, price year, notes) is not part of the CSV: the importer supplies it.
// ---------------------------------------------------------------------------------------------

export const CSV_COLUMNS = [
  'Sektor',
  'Kontakttype',
  'Ydelseskode',
  'Enhed',
  'Pris (kr.)',
  'Andel kommune',
  'Andel region',
  'Andel stat',
  'Kilde',
  'Kildeår',
  'Note',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

const UNIT_DA: Record<PriceUnit, string> = {
  contact: 'kontakt',
  day: 'dag',
  month: 'måned',
  hour: 'time',
};
const UNIT_FROM_TEXT: Record<string, PriceUnit> = {
  kontakt: 'contact',
  contact: 'contact',
  dag: 'day',
  day: 'day',
  måned: 'month',
  maaned: 'month',
  month: 'month',
  time: 'hour',
  hour: 'hour',
};

const BOM = '\uFEFF';

/**
 * A cell a spreadsheet would run as a formula (= + - @, or tab/CR that some spreadsheets strip
 * before looking) is written with a leading apostrophe, which Excel and LibreOffice show as text.
 * The importer removes exactly that apostrophe again, so the text round-trips.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function restoreCell(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

function quoteCell(text: string): string {
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A number with a decimal comma and no thousands separator; at most 6 decimals. */
export function formatDanishNumber(value: number): string {
  const fixed = Number.isInteger(value) ? String(value) : String(Number(value.toFixed(6)));
  return fixed.replace('.', ',');
}

/**
 * A number written the Danish way: "1903", "1.903", "2714,29", "1.903,50", "0,07" or "7 %"
 * (percent only where `percent` is allowed). A point is only ever a thousands separator, so
 * "1.5" is refused rather than guessed. Returns null when the text is not such a number.
 */
export function parseDanishNumber(text: string, percent = false): number | null {
  return parseNumberIn(text, 'da', percent);
}

/** Each style's whole number (thousands grouped or not), decimals, and thousands separator. */
const NUMBER_SHAPES: Record<NumberStyle, { shape: RegExp; thousands: RegExp; decimal: string }> = {
  da: { shape: /^-?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?$/, thousands: /\./g, decimal: ',' },
  en: { shape: /^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/, thousands: /,/g, decimal: '.' },
};

/**
 * How numbers are written where a person types them: the Danish way ("1.903,50") in the Danish
 * interface, the English way ("1,903.50") in the English one. The CSV file is always Danish.
 */
export type NumberStyle = 'da' | 'en';

export const numberStyleOf = (language: string): NumberStyle =>
  language.startsWith('en') ? 'en' : 'da';

export function formatNumberIn(value: number, style: NumberStyle): string {
  const danish = formatDanishNumber(value);
  return style === 'da' ? danish : danish.replace(',', '.');
}

/**
 * A number written in `style`: in English a comma is only ever a thousands separator and a
 * point the decimal point ("1903", "1,903", "2714.29", "1,903.50", "0.07", "7 %"). Returns null
 * when the text is not such a number.
 */
export function parseNumberIn(text: string, style: NumberStyle, percent = false): number | null {
  const { shape, thousands, decimal } = NUMBER_SHAPES[style];
  let t = text.trim().replace(/\u00A0/g, ' ');
  let scale = 1;
  if (percent && /%$/.test(t)) {
    t = t.replace(/\s*%$/, '');
    scale = 0.01;
  }
  if (!shape.test(t)) return null;
  const n = Number(t.replace(thousands, '').replace(decimal, '.'));
  return Number.isFinite(n) ? n * scale : null;
}

/**
 * The text of a CSV file as it came from the disk: UTF-8 when its bytes are UTF-8 (a byte-order
 * mark dropped), otherwise Windows-1252 — what Excel's plain "CSV (semikolonsepareret)" writes on
 * a Danish Windows, so a list saved that way reads back with its æ, ø and å.
 */
export function decodeCsvBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

export function exportPriceListCsv(prices: readonly PriceRow[]): string {
  const lines = [CSV_COLUMNS.join(';')];
  for (const r of prices) {
    const cells = [
      r.sector,
      r.contactType,
      r.serviceCode ?? '',
      UNIT_DA[r.unit],
      r.price === null ? '' : formatDanishNumber(r.price),
      r.payerShares ? formatDanishNumber(r.payerShares.kommune) : '',
      r.payerShares ? formatDanishNumber(r.payerShares.region) : '',
      r.payerShares ? formatDanishNumber(r.payerShares.stat) : '',
      // Cleaned again: a row stored before the rule was kept must not carry its characters on.
      neutraliseCell(cleanPriceText(r.source)),
      String(r.sourceYear),
      neutraliseCell(cleanPriceText(r.note ?? '')),
    ];
    lines.push(cells.map(quoteCell).join(';'));
  }
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/** Why a CSV line was refused: a code for the translations, never an English sentence. */
export const CSV_ERROR_CODES = [
  'csv_too_large',
  'csv_empty',
  'csv_no_rows',
  'csv_header',
  'csv_unterminated_quote',
  'csv_column_count',
  'csv_too_many_rows',
  'unknown_sector',
  'unknown_contact_type',
  'bad_service_code',
  'unknown_unit',
  'bad_number',
  'negative_price',
  'price_too_large',
  'bad_share',
  'shares_incomplete',
  'shares_sum',
  'shares_without_price',
  'price_without_shares',
  'missing_source',
  'text_too_long',
  'text_control',
  'bad_year',
  'duplicate_row',
] as const;
export type CsvErrorCode = (typeof CSV_ERROR_CODES)[number];

export interface CsvError {
  /** 1-based line in the file where the record starts (the header is line 1). */
  line: number;
  code: CsvErrorCode;
  /** The header name of the offending column, where there is one. */
  column?: CsvColumn;
}

export type CsvImportResult =
  { ok: true; prices: PriceRow[] } | { ok: false; errors: CsvError[]; prices: PriceRow[] };

export interface CsvRecord {
  line: number;
  cells: string[];
}

const QUOTE = 34;
const SEMICOLON = 59;
const CR = 13;
const LF = 10;

/** Line breaks in text[from, to): a line feed, or a carriage return not followed by one. */
function lineBreaksIn(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) n++;
  }
  return n;
}

/**
 * Splits semicolon CSV (RFC 4180 quoting) into records, each with the line it starts on.
 *
 * What a file may hold is bounded, and so is what splitting it keeps: it stops at the record
 * after `maxRecords` (`more` then says there was one), and keeps at most one cell more than
 * `maxCells` of a record (so the caller still sees it has too many). Splitting a whole file first
 * cost a refusal 140 times the file's size: 5 MB of `;\n` made 2.5 million records, 700 MB, before
 * the row count refused them. Cells are slices of the text: built a character at a time, a long
 * cell held a string for every character until it was read.
 */
export function splitCsv(
  text: string,
  { maxRecords = Infinity, maxCells = Infinity }: { maxRecords?: number; maxCells?: number } = {},
): { records: CsvRecord[]; more: boolean; error?: CsvError } {
  const records: CsvRecord[] = [];
  const end = text.length;
  let line = 1;
  let i = 0;
  for (;;) {
    const recordLine = line;
    const cells: string[] = [];
    let atEnd = false;
    for (;;) {
      let cell = '';
      if (text.charCodeAt(i) === QUOTE) {
        // Quoted: up to the first quote that is not one of a pair ("" is a quote in the text).
        let from = i + 1;
        let close = -1;
        while (close < 0) {
          const q = text.indexOf('"', from);
          if (q < 0) {
            return {
              records,
              more: false,
              error: { line: recordLine, code: 'csv_unterminated_quote' },
            };
          }
          if (text.charCodeAt(q + 1) === QUOTE) from = q + 2;
          else close = q;
        }
        const quoted = text.slice(i + 1, close);
        line += lineBreaksIn(text, i + 1, close);
        cell = quoted.includes('"') ? quoted.replaceAll('""', '"') : quoted;
        i = close + 1;
      }
      // Unquoted, or what follows a closing quote: up to a semicolon or the line's end.
      let j = i;
      while (j < end) {
        const c = text.charCodeAt(j);
        if (c === SEMICOLON || c === CR || c === LF) break;
        j++;
      }
      if (j > i) cell += text.slice(i, j);
      if (cells.length <= maxCells) cells.push(cell);
      if (j < end && text.charCodeAt(j) === SEMICOLON) {
        i = j + 1;
        continue;
      }
      if (j >= end) atEnd = true;
      else {
        i = j + (text.charCodeAt(j) === CR && text.charCodeAt(j + 1) === LF ? 2 : 1);
        line += 1;
      }
      break;
    }
    // A line that is wholly empty is skipped (Excel adds them at the end).
    if (!(cells.length === 1 && cells[0] === '')) {
      if (records.length >= maxRecords) return { records, more: true };
      records.push({ line: recordLine, cells });
    }
    if (atEnd) return { records, more: false };
  }
}

const SECTOR_SET = new Set<string>(SECTORS);
const CONTACT_SET = new Set<string>(CONTACT_TYPES);

function parseRow(rec: CsvRecord): { row?: PriceRow; errors: CsvError[] } {
  const errors: CsvError[] = [];
  const err = (code: CsvErrorCode, column?: CsvColumn) =>
    errors.push(column ? { line: rec.line, code, column } : { line: rec.line, code });
  const [sector, contactType, serviceCode, unitText, priceText, kText, rText, sText] =
    rec.cells.map((c) => c.trim()) as string[];
  const source = restoreCell(rec.cells[8]!.trim());
  const yearText = rec.cells[9]!.trim();
  const note = restoreCell(rec.cells[10]!.trim());

  if (!SECTOR_SET.has(sector!)) err('unknown_sector', 'Sektor');
  if (!CONTACT_SET.has(contactType!)) err('unknown_contact_type', 'Kontakttype');
  if (serviceCode !== '' && !serviceCodeSchema.safeParse(serviceCode).success) {
    err('bad_service_code', 'Ydelseskode');
  }
  // Its own keys only: «constructor» is no unit.
  const unitKey = unitText!.toLowerCase();
  const unit = Object.hasOwn(UNIT_FROM_TEXT, unitKey) ? UNIT_FROM_TEXT[unitKey] : undefined;
  if (!unit) err('unknown_unit', 'Enhed');

  let price: number | null = null;
  if (priceText !== '') {
    price = parseDanishNumber(priceText!);
    if (price === null) err('bad_number', 'Pris (kr.)');
    else if (price < 0) err('negative_price', 'Pris (kr.)');
    else if (price > PRICE_LIMITS.priceMax) err('price_too_large', 'Pris (kr.)');
  }

  const shareTexts: [CsvColumn, string][] = [
    ['Andel kommune', kText!],
    ['Andel region', rText!],
    ['Andel stat', sText!],
  ];
  const filled = shareTexts.filter(([, t]) => t !== '').length;
  let shares: PayerShares | null = null;
  if (filled > 0 && filled < 3) {
    err('shares_incomplete');
  } else if (filled === 3) {
    const values = shareTexts.map(([column, t]) => {
      const v = parseDanishNumber(t, true);
      if (v === null) err('bad_number', column);
      else if (v < 0 || v > 1) err('bad_share', column);
      return v ?? 0;
    });
    const [kommune, region, stat] = values as [number, number, number];
    shares = { kommune, region, stat };
    if (Math.abs(kommune + region + stat - 1) > SHARE_TOLERANCE) err('shares_sum');
  }
  if (price === null && shares !== null && priceText === '') err('shares_without_price');
  if (price !== null && price > 0 && filled === 0) err('price_without_shares');

  if (source === '') err('missing_source', 'Kilde');
  if (source.length > PRICE_LIMITS.sourceMax) err('text_too_long', 'Kilde');
  if (note.length > PRICE_LIMITS.noteMax) err('text_too_long', 'Note');
  if (!isPriceText(source)) err('text_control', 'Kilde');
  if (!isPriceText(note)) err('text_control', 'Note');
  const year = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
  if (!(year >= PRICE_LIMITS.yearMin && year <= PRICE_LIMITS.yearMax)) err('bad_year', 'Kildeår');

  if (errors.length > 0) return { errors };
  const row: PriceRow = {
    sector: sector as Sector,
    contactType: contactType as ContactType,
    ...(serviceCode !== '' ? { serviceCode } : {}),
    unit: unit!,
    price,
    payerShares: shares,
    source,
    sourceYear: year,
    ...(note !== '' ? { note } : {}),
  };
  // The schema is the last word; any disagreement here is a bug, reported as a generic code.
  const checked = priceRowSchema.safeParse(row);
  if (!checked.success) {
    const message = checked.error.issues[0]?.message ?? '';
    const code = (CSV_ERROR_CODES as readonly string[]).includes(message)
      ? (message as CsvErrorCode)
      : 'bad_number';
    return { errors: [{ line: rec.line, code }] };
  }
  return { row: checked.data, errors };
}

/**
 * Reads a price list CSV. Every bad row is refused with its line number and a reason code; the
 * good rows are returned too, so the screen can show what would be kept. The caller decides
 * whether a file with errors may be imported at all (the safe default: no).
 */
export function importPriceListCsv(input: string): CsvImportResult {
  if (input.length > PRICE_LIMITS.csvCharsMax) {
    return { ok: false, errors: [{ line: 1, code: 'csv_too_large' }], prices: [] };
  }
  const text = input.startsWith(BOM) ? input.slice(1) : input;
  // The header and the most rows a list may have, each with its columns: splitting stops there.
  const { records, more, error } = splitCsv(text, {
    maxRecords: PRICE_LIMITS.rowsMax + 1,
    maxCells: CSV_COLUMNS.length,
  });
  if (error) return { ok: false, errors: [error], prices: [] };
  if (records.length === 0)
    return { ok: false, errors: [{ line: 1, code: 'csv_empty' }], prices: [] };

  const header = records[0]!;
  const headerOk =
    header.cells.length === CSV_COLUMNS.length &&
    header.cells.every((c, i) => c.trim().toLowerCase() === CSV_COLUMNS[i]!.toLowerCase());
  if (!headerOk)
    return { ok: false, errors: [{ line: header.line, code: 'csv_header' }], prices: [] };
  // Headings and nothing else: taken as a list, it would remove every price there is.
  if (records.length === 1) {
    return { ok: false, errors: [{ line: header.line, code: 'csv_no_rows' }], prices: [] };
  }
  if (more) {
    return { ok: false, errors: [{ line: 1, code: 'csv_too_many_rows' }], prices: [] };
  }

  const errors: CsvError[] = [];
  const prices: PriceRow[] = [];
  const seen = new Set<string>();
  for (const rec of records.slice(1)) {
    if (rec.cells.length !== CSV_COLUMNS.length) {
      errors.push({ line: rec.line, code: 'csv_column_count' });
      continue;
    }
    const parsed = parseRow(rec);
    errors.push(...parsed.errors);
    if (!parsed.row) continue;
    const key = rowKey(parsed.row);
    if (seen.has(key)) {
      errors.push({ line: rec.line, code: 'duplicate_row' });
      continue;
    }
    seen.add(key);
    prices.push(parsed.row);
  }
  return errors.length === 0 ? { ok: true, prices } : { ok: false, errors, prices };
}
