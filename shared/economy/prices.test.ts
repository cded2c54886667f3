import { describe, expect, it } from 'vitest';
import shipped from '../../resources/price-list.json';
import catalogue from '../../resources/service-catalogue.json';
import { CONTACT_TYPES, SECTORS } from '../vocabulary';
import {
  CSV_COLUMNS,
  allVocabularyPairs,
  exportPriceListCsv,
  formatDanishNumber,
  importPriceListCsv,
  decodeCsvBytes,
  neutraliseCell,
  parseDanishNumber,
  parseNumberIn,
  formatNumberIn,
  numberStyleOf,
  priceListSchema,
  priceRowSchema,
  rowKey,
  splitCsv,
  isPriceText,
  cleanPriceText,
  PRICE_JSON_LIMITS,
  PRICE_LIMITS,
  SMALLEST_PRICE_ROW,
  type PriceRow,
} from './prices';
import { parseUntrustedJson } from '../model/untrusted-json';

const HEADER = CSV_COLUMNS.join(';');
const csv = (...lines: string[]) => `\uFEFF${[HEADER, ...lines].join('\r\n')}\r\n`;
const GOOD =
  'general_practice;gp_visit;;kontakt;220;0,07;0,93;0;PLO 2023, https://example.org;2023;';

describe('the shipped price list (resources/price-list.json)', () => {
  const parsed = priceListSchema.safeParse(shipped);

  it('parses with the schema', () => {
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(parsed.success).toBe(true);
  });

  const list = priceListSchema.parse(shipped);

  it('is labelled indicative, in DKK, with a price year', () => {
    expect(list.indicative).toBe(true);
    expect(list.currency).toBe('DKK');
    expect(list.priceYear).toBeGreaterThanOrEqual(2024);
    expect(list.notes.length).toBeGreaterThan(0);
  });

  it('has a row for every sector × contact type pair of the vocabulary', () => {
    const generic = new Set(list.prices.filter((r) => r.serviceCode === undefined).map(rowKey));
    const missing = allVocabularyPairs()
      .map((p) => rowKey(p))
      .filter((k) => !generic.has(k));
    expect(missing).toEqual([]);
    expect(generic.size).toBe(SECTORS.length * CONTACT_TYPES.length);
  });

  it('gives every non-null price a source with a web address and a year', () => {
    const bad = list.prices.filter(
      (r) =>
        r.price !== null &&
        (!/https?:\/\/\S+/.test(r.source) ||
          !Number.isInteger(r.sourceYear) ||
          r.sourceYear < 2000),
    );
    expect(bad.map(rowKey)).toEqual([]);
  });

  it('says why where there is no figure, and how it was derived where there is', () => {
    const withoutNote = list.prices.filter((r) => !r.note || r.note.trim() === '');
    expect(withoutNote.map(rowKey)).toEqual([]);
    for (const r of list.prices.filter((p) => p.price === null)) {
      expect(r.note).toMatch(/Ingen offentlig enhedspris fundet/);
      expect(r.payerShares).toBeNull();
    }
  });

  it('splits every positive price between payers, summing to 1', () => {
    for (const r of list.prices.filter((p) => p.price !== null && p.price > 0)) {
      const s = r.payerShares!;
      expect(Math.abs(s.kommune + s.region + s.stat - 1)).toBeLessThan(1e-9);
    }
  });

  it('prices the citizen and network lane at 0 (no public expense), never null', () => {
    for (const r of list.prices.filter((p) => p.sector === 'citizen')) expect(r.price).toBe(0);
  });

  it('names only services that the catalogue has, in the same sector', () => {
    const services = new Map(catalogue.services.map((s) => [s.code, s.sector]));
    for (const r of list.prices.filter((p) => p.serviceCode !== undefined)) {
      expect(services.get(r.serviceCode!), r.serviceCode).toBe(r.sector);
    }
  });

  it('round-trips through CSV unchanged', () => {
    const back = importPriceListCsv(exportPriceListCsv(list.prices));
    expect(back).toEqual({ ok: true, prices: list.prices });
  });

  it('reads a CSV as Excel saves it: UTF-8 with a BOM, or plain Windows-1252', () => {
    const rows = [
      {
        ...list.prices.find((r) => r.price !== null && r.price > 0)!,
        source: 'Kommunens takster for hjemmepleje og genoptræning (Næstved, Sorø, Ærø)',
        note: 'Pris pr. døgn på plejehjem; beløbet er årets.',
      },
    ];
    const text = exportPriceListCsv(rows);
    const utf8 = new TextEncoder().encode(text);
    expect(importPriceListCsv(decodeCsvBytes(utf8))).toEqual({ ok: true, prices: rows });
    // Windows-1252 writes æ, ø and å as one byte each (as Latin-1 does), which is no UTF-8.
    const ansi = Uint8Array.from(Buffer.from(text.replace(/^\uFEFF/, ''), 'latin1'));
    expect(ansi.length).toBeLessThan(utf8.length);
    expect(decodeCsvBytes(ansi)).toContain('Næstved, Sorø, Ærø');
    expect(importPriceListCsv(decodeCsvBytes(ansi))).toEqual({ ok: true, prices: rows });
  });
});

describe('the schema refuses', () => {
  const base = priceListSchema.parse(shipped);
  const withRow = (r: Partial<PriceRow>) => ({
    ...base,
    prices: [{ ...base.prices[0]!, ...r }],
  });

  it('shares that do not sum to 1, a positive price without shares, shares without a price', () => {
    expect(
      priceListSchema.safeParse(
        withRow({ price: 100, payerShares: { kommune: 0.5, region: 0.4, stat: 0 } }),
      ).success,
    ).toBe(false);
    expect(priceListSchema.safeParse(withRow({ price: 100, payerShares: null })).success).toBe(
      false,
    );
    expect(
      priceListSchema.safeParse(
        withRow({ price: null, payerShares: { kommune: 1, region: 0, stat: 0 } }),
      ).success,
    ).toBe(false);
  });

  it('negative prices, unknown codes, unknown fields and duplicate rows', () => {
    expect(
      priceListSchema.safeParse(
        withRow({ price: -1, payerShares: { kommune: 1, region: 0, stat: 0 } }),
      ).success,
    ).toBe(false);
    expect(priceListSchema.safeParse(withRow({ sector: 'hospitals' as never })).success).toBe(
      false,
    );
    expect(priceListSchema.safeParse({ ...base, extra: 1 }).success).toBe(false);
    expect(
      priceListSchema.safeParse({ ...base, prices: [base.prices[0], base.prices[0]] }).success,
    ).toBe(false);
    expect(priceListSchema.safeParse({ ...base, indicative: false }).success).toBe(false);
  });
});

describe('CSV in Danish Excel format', () => {
  const rows: PriceRow[] = [
    {
      sector: 'general_practice',
      contactType: 'gp_visit',
      unit: 'contact',
      price: 220,
      payerShares: { kommune: 0.07, region: 0.93, stat: 0 },
      source: 'PLO; "analyse" 2023',
      sourceYear: 2023,
      note: 'Linje 1\nlinje 2',
    },
    {
      sector: 'emergency',
      contactType: 'emergency_visit',
      serviceCode: 'emergency-112-ambulance',
      unit: 'contact',
      price: 2714.29,
      payerShares: { kommune: 0, region: 1, stat: 0 },
      source: 'Danske Regioner',
      sourceYear: 2018,
    },
    {
      sector: 'employment',
      contactType: 'meeting',
      serviceCode: 'sickness-benefit-follow-up',
      unit: 'month',
      price: 20345,
      payerShares: { kommune: 0.8, region: 0, stat: 0.2 },
      source: 'dag.dk',
      sourceYear: 2024,
    },
    {
      sector: 'hospital',
      contactType: 'admission',
      unit: 'day',
      price: null,
      payerShares: null,
      source: 'Søgt',
      sourceYear: 2025,
      note: 'Ingen offentlig enhedspris fundet',
    },
    {
      sector: 'citizen',
      contactType: 'life_event',
      unit: 'contact',
      price: 0,
      payerShares: null,
      source: 'SØM',
      sourceYear: 2025,
    },
    {
      sector: 'municipal_care',
      contactType: 'home_visit',
      unit: 'hour',
      price: 490,
      payerShares: { kommune: 1, region: 0, stat: 0 },
      source: 'Lejre',
      sourceYear: 2026,
    },
  ];
  const text = exportPriceListCsv(rows);

  it('writes a BOM, a Danish header, semicolons, decimal commas and CRLF lines', () => {
    expect(
      text.startsWith('\uFEFFSektor;Kontakttype;Ydelseskode;Enhed;Pris (kr.);Andel kommune;'),
    ).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines[1]).toBe(
      'general_practice;gp_visit;;kontakt;220;0,07;0,93;0;"PLO; ""analyse"" 2023";2023;"Linje 1\nlinje 2"',
    );
    expect(lines[2]).toBe(
      'emergency;emergency_visit;emergency-112-ambulance;kontakt;2714,29;0;1;0;Danske Regioner;2018;',
    );
    expect(lines[3]).toContain(';måned;20345;0,8;0;0,2;');
    expect(lines[4]).toBe(
      'hospital;admission;;dag;;;;;Søgt;2025;Ingen offentlig enhedspris fundet',
    );
    expect(lines[6]).toContain(';time;490;1;0;0;');
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('round-trips, quotes, line breaks and all', () => {
    expect(importPriceListCsv(text)).toEqual({ ok: true, prices: rows });
  });

  it('reads a file without BOM, with LF lines, English units and percent shares', () => {
    const r = importPriceListCsv(
      `${HEADER}\ngeneral_practice;gp_visit;;contact;1.220,50;7 %;93%;0;Kilde https://x.dk;2023;\n`,
    );
    expect(r.ok).toBe(true);
    expect(r.prices[0]).toMatchObject({
      unit: 'contact',
      price: 1220.5,
      payerShares: { kommune: 0.07, region: 0.93, stat: 0 },
    });
  });

  it('reads Danish numbers, and refuses ambiguous ones', () => {
    expect(parseDanishNumber('1903')).toBe(1903);
    expect(parseDanishNumber('1.903')).toBe(1903);
    expect(parseDanishNumber('1.903,50')).toBe(1903.5);
    expect(parseDanishNumber(' 0,07 ')).toBe(0.07);
    expect(parseDanishNumber('1.5')).toBeNull();
    expect(parseDanishNumber('1,903.50')).toBeNull();
    expect(parseDanishNumber('12 kr')).toBeNull();
    expect(parseDanishNumber('7%')).toBeNull();
    expect(parseDanishNumber('7%', true)).toBeCloseTo(0.07);
    expect(formatDanishNumber(2714.29)).toBe('2714,29');
    expect(formatDanishNumber(0.1 + 0.2)).toBe('0,3');
  });

  it('reads and writes numbers as the interface language writes them', () => {
    expect(numberStyleOf('da')).toBe('da');
    expect(numberStyleOf('en-GB')).toBe('en');
    expect(parseNumberIn('1.903,50', 'da')).toBe(1903.5);
    expect(parseNumberIn('1,903.50', 'en')).toBe(1903.5);
    expect(parseNumberIn('2714.29', 'en')).toBe(2714.29);
    expect(parseNumberIn('1,903', 'en')).toBe(1903);
    expect(parseNumberIn('0.07', 'en')).toBe(0.07);
    expect(parseNumberIn('12.5', 'en')).toBe(12.5);
    // In English a comma is only a thousands separator: a Danish decimal comma is refused.
    expect(parseNumberIn('2714,29', 'en')).toBeNull();
    expect(parseNumberIn('1.903,50', 'en')).toBeNull();
    expect(parseNumberIn('12 kr', 'en')).toBeNull();
    expect(parseNumberIn('7 %', 'en', true)).toBeCloseTo(0.07);
    expect(formatNumberIn(2714.29, 'en')).toBe('2714.29');
    expect(formatNumberIn(2714.29, 'da')).toBe('2714,29');
    expect(formatNumberIn(93, 'en')).toBe('93');
  });
});

describe('hostile CSV is refused line by line, with codes', () => {
  it('a wrong header (missing, renamed or extra columns)', () => {
    expect(importPriceListCsv('')).toEqual({
      ok: false,
      errors: [{ line: 1, code: 'csv_empty' }],
      prices: [],
    });
    const renamed = HEADER.replace('Pris (kr.)', 'Price');
    expect(importPriceListCsv(`${renamed}\r\n${GOOD}`)).toMatchObject({
      ok: false,
      errors: [{ line: 1, code: 'csv_header' }],
    });
    expect(importPriceListCsv(`${HEADER};Ekstra\r\n${GOOD}`)).toMatchObject({
      errors: [{ line: 1, code: 'csv_header' }],
    });
    // A comma-separated file is one column to a semicolon reader.
    expect(importPriceListCsv(CSV_COLUMNS.join(','))).toMatchObject({
      errors: [{ line: 1, code: 'csv_header' }],
    });
  });

  it('headings and no rows (which, taken as a list, would remove every price)', () => {
    for (const text of [HEADER, `\uFEFF${HEADER}\r\n`, `${HEADER}\r\n\r\n\r\n`]) {
      expect(importPriceListCsv(text)).toEqual({
        ok: false,
        errors: [{ line: 1, code: 'csv_no_rows' }],
        prices: [],
      });
    }
  });

  it('a unit named after what every object has', () => {
    for (const unit of ['constructor', '__proto__', 'toString']) {
      expect(importPriceListCsv(csv(GOOD.replace(';kontakt;', `;${unit};`)))).toMatchObject({
        ok: false,
        errors: [{ line: 2, code: 'unknown_unit', column: 'Enhed' }],
      });
    }
  });

  it('rows with too few or too many cells', () => {
    const r = importPriceListCsv(
      csv(GOOD, 'general_practice;phone;;kontakt;220', `${GOOD.replace('gp_visit', 'video')};x`),
    );
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.errors).toEqual([
      { line: 3, code: 'csv_column_count' },
      { line: 4, code: 'csv_column_count' },
    ]);
    expect(r.prices).toHaveLength(1);
  });

  it('text in number cells, negative prices, shares that do not sum to 1', () => {
    const r = importPriceListCsv(
      csv(
        'general_practice;gp_visit;;kontakt;to hundrede;0,07;0,93;0;Kilde;2023;',
        'general_practice;phone;;kontakt;-220;0,07;0,93;0;Kilde;2023;',
        'general_practice;video;;kontakt;220;0,5;0,4;0;Kilde;2023;',
        'general_practice;letter;;kontakt;220;syv;0,93;0;Kilde;2023;',
        'general_practice;test;;kontakt;220;1,5;-0,5;0;Kilde;2023;',
      ),
    );
    expect(r.ok ? [] : r.errors).toEqual([
      { line: 2, code: 'bad_number', column: 'Pris (kr.)' },
      { line: 3, code: 'negative_price', column: 'Pris (kr.)' },
      { line: 4, code: 'shares_sum' },
      { line: 5, code: 'bad_number', column: 'Andel kommune' },
      { line: 5, code: 'shares_sum' },
      { line: 6, code: 'bad_share', column: 'Andel kommune' },
      { line: 6, code: 'bad_share', column: 'Andel region' },
    ]);
    expect(r.prices).toEqual([]);
  });

  it('unknown codes, missing or partial shares, missing source, bad years, duplicates', () => {
    const r = importPriceListCsv(
      csv(
        'hospitals;gp_visit;;kontakt;220;0,07;0,93;0;Kilde;2023;',
        'general_practice;visit;;stykke;220;0,07;0,93;0;Kilde;2023;',
        'general_practice;gp_visit;Egen Læge;kontakt;220;0,07;0,93;0;Kilde;2023;',
        'general_practice;phone;;kontakt;220;;;;Kilde;2023;',
        'general_practice;video;;kontakt;;0,07;0,93;0;Kilde;2023;',
        'general_practice;letter;;kontakt;220;0,07;;0,93;Kilde;2023;',
        'general_practice;test;;kontakt;220;0,07;0,93;0; ;23;',
        GOOD,
        GOOD,
      ),
    );
    expect(r.ok ? [] : r.errors).toEqual([
      { line: 2, code: 'unknown_sector', column: 'Sektor' },
      { line: 3, code: 'unknown_contact_type', column: 'Kontakttype' },
      { line: 3, code: 'unknown_unit', column: 'Enhed' },
      { line: 4, code: 'bad_service_code', column: 'Ydelseskode' },
      { line: 5, code: 'price_without_shares' },
      { line: 6, code: 'shares_without_price' },
      { line: 7, code: 'shares_incomplete' },
      { line: 8, code: 'missing_source', column: 'Kilde' },
      { line: 8, code: 'bad_year', column: 'Kildeår' },
      { line: 10, code: 'duplicate_row' },
    ]);
    expect(r.prices).toHaveLength(1);
  });

  it('counts lines correctly across quoted line breaks, and catches an unterminated quote', () => {
    const r = importPriceListCsv(
      csv(
        'general_practice;gp_visit;;kontakt;220;0,07;0,93;0;"Kilde\nover\nto linjer";2023;',
        'general_practice;phone;;kontakt;x;0,07;0,93;0;Kilde;2023;',
      ),
    );
    expect(r.ok ? [] : r.errors).toEqual([{ line: 5, code: 'bad_number', column: 'Pris (kr.)' }]);
    expect(r.prices[0]!.source).toBe('Kilde\nover\nto linjer');
    // Line breaks written as a carriage return alone (an old Mac's), or as CR LF, count the same.
    for (const breakAs of ['\r', '\r\n']) {
      const crs = importPriceListCsv(
        csv(
          `general_practice;gp_visit;;kontakt;220;0,07;0,93;0;"Kilde${breakAs}over${breakAs}to linjer";2023;`,
          'general_practice;phone;;kontakt;x;0,07;0,93;0;Kilde;2023;',
        ),
      );
      expect(crs.ok ? [] : crs.errors, JSON.stringify(breakAs)).toEqual([
        { line: 5, code: 'bad_number', column: 'Pris (kr.)' },
      ]);
    }
    expect(
      importPriceListCsv(csv(GOOD, 'general_practice;phone;;kontakt;220;0,07;0,93;0;"Kilde;2023;')),
    ).toMatchObject({
      ok: false,
      errors: [{ line: 3, code: 'csv_unterminated_quote' }],
    });
  });

  it('reports codes only: no English sentences reach the screen', () => {
    const r = importPriceListCsv(csv('x;y;z;w;v;u;t;s;;r;q'));
    for (const e of r.ok ? [] : r.errors) expect(e.code).toMatch(/^[a-z_]+$/);
  });

  it('refuses a file too large to be a price list before parsing it', () => {
    expect(importPriceListCsv('x'.repeat(5_000_001))).toMatchObject({
      ok: false,
      errors: [{ code: 'csv_too_large' }],
    });
  });
});

describe('a refusal costs no more than the rows a list may have', () => {
  it('stops splitting at the record after the most rows, and keeps no more cells than a row has', () => {
    // 2.5 million records of two empty cells (5 MB): split whole, they cost 700 MB.
    const lines = splitCsv(';\n'.repeat(2_500_000), { maxRecords: 5001, maxCells: 11 });
    expect(lines.more).toBe(true);
    expect(lines.records).toHaveLength(5001);
    expect(lines.records.at(-1)).toEqual({ line: 5001, cells: ['', ''] });
    // One record of 5 million empty cells: one more than a row has is kept, so it is known.
    const cells = splitCsv(';'.repeat(5_000_000), { maxCells: 11 });
    expect(cells).toMatchObject({ more: false, records: [{ line: 1 }] });
    expect(cells.records[0]!.cells).toHaveLength(12);
    const quoted = splitCsv('"";'.repeat(1_000_000), { maxCells: 11 });
    expect(quoted.records[0]!.cells).toHaveLength(12);
    // Within the bounds, nothing is lost.
    expect(splitCsv('a;"b;""c""\nd"\r\n\r\ne\r"f"g', { maxRecords: 3 })).toEqual({
      more: false,
      records: [
        { line: 1, cells: ['a', 'b;"c"\nd'] },
        { line: 4, cells: ['e'] },
        { line: 5, cells: ['fg'] },
      ],
    });
  });

  it('refuses too many rows without reading on: what lies after them is never split', () => {
    const row = (i: number) => `other;gp_visit;s-${i};kontakt;0;;;;Kilde;2025;`;
    const rows = Array.from({ length: PRICE_LIMITS.rowsMax }, (_, i) => row(i));
    // The most rows a list may have are taken…
    expect(importPriceListCsv(csv(...rows))).toMatchObject({ ok: true });
    // …one more is refused for it, and so is a file whose rows go on into an unterminated
    // quote: splitting stopped before it came to the quote.
    const over = importPriceListCsv(csv(...rows, row(-1), 'other;"never closed'));
    expect(over).toEqual({
      ok: false,
      errors: [{ line: 1, code: 'csv_too_many_rows' }],
      prices: [],
    });
    // 10,000 lines of two empty cells: too many before any is looked at.
    expect(importPriceListCsv(csv(';\n'.repeat(10_000)))).toEqual({
      ok: false,
      errors: [{ line: 1, code: 'csv_too_many_rows' }],
      prices: [],
    });
    // A first line of 5 million cells is no header, and is refused as one.
    expect(importPriceListCsv(';'.repeat(4_999_000))).toEqual({
      ok: false,
      errors: [{ line: 1, code: 'csv_header' }],
      prices: [],
    });
  });

  it('counts a JSON list before parsing it, from the shortest row the schema takes', () => {
    expect(priceRowSchema.safeParse(SMALLEST_PRICE_ROW).success).toBe(true);
    // Every row the schema takes is at least as long.
    const shorter = { ...SMALLEST_PRICE_ROW, source: '' };
    expect(priceRowSchema.safeParse(shorter).success).toBe(false);
    // The shipped list, spaced out as it is on disk.
    const shippedText = JSON.stringify(shipped, null, 2);
    expect(parseUntrustedJson(shippedText, PRICE_JSON_LIMITS).ok).toBe(true);
    // The most rows a list may have, each with every key and its shares, written as tightly
    // as JSON can: the most objects and values a list holds for its length.
    const dense = JSON.stringify({
      name: 'x',
      priceYear: 2025,
      currency: 'DKK',
      indicative: true,
      notes: '',
      prices: Array.from({ length: PRICE_LIMITS.rowsMax }, (_, i) => ({
        sector: 'other',
        contactType: 'phone',
        serviceCode: `s${i}`,
        unit: 'day',
        price: 1,
        payerShares: { kommune: 1, region: 0, stat: 0 },
        source: 'x',
        sourceYear: 2025,
        note: 'y',
      })),
    });
    const read = parseUntrustedJson(dense, PRICE_JSON_LIMITS);
    expect(read.ok).toBe(true);
    expect(priceListSchema.safeParse(read.ok ? read.data : null).success).toBe(true);
    // …and shapes no list has are refused before they are parsed.
    const head =
      '{"name":"x","priceYear":2025,"currency":"DKK","indicative":true,"notes":"","prices":[';
    for (const filler of ['{},', '[],', '1,', '{"sector":"x"},']) {
      const text = `${head}${filler.repeat(200_000)}{}]}`;
      expect(parseUntrustedJson(text, PRICE_JSON_LIMITS), filler).toEqual({
        ok: false,
        why: 'too_many',
      });
    }
  });
});

describe('the texts of a price', () => {
  const row = (source: string, note?: string) => ({
    ...SMALLEST_PRICE_ROW,
    source,
    ...(note === undefined ? {} : { note }),
  });
  const refused = [
    'a\u0000b',
    'a\u001b[31mb',
    'a\u0007',
    'a\u0085b',
    'a\u202eb',
    'a\u202ab',
    'a\u2066b\u2069',
    'a\u200fb',
    'a\u2028b',
    'a\ud800b',
  ];

  it('refuses control and direction characters in the source and the note, keeps tab and line breaks', () => {
    for (const text of refused) {
      expect(isPriceText(text), JSON.stringify(text)).toBe(false);
      expect(priceRowSchema.safeParse(row(text)).error?.issues[0]?.message).toBe('text_control');
      expect(priceRowSchema.safeParse(row('PLO', text)).error?.issues[0]?.message).toBe(
        'text_control',
      );
    }
    expect(priceRowSchema.safeParse(row('PLO\n2023', 'a\tb\r\nc — æøå ’ 😀')).success).toBe(true);
  });

  it('refuses them in a CSV line by line, with the column', () => {
    const line = (source: string, note: string, type = 'gp_visit') =>
      `general_practice;${type};;kontakt;220;0,07;0,93;0;${source};2023;${note}`;
    const r = importPriceListCsv(
      csv(line('Kilde\u0000skjult\u001b[2J\u202eevil', 'ok'), line('PLO', 'x\u2066y', 'phone')),
    );
    expect(r).toEqual({
      ok: false,
      errors: [
        { line: 2, code: 'text_control', column: 'Kilde' },
        { line: 3, code: 'text_control', column: 'Note' },
      ],
      prices: [],
    });
  });

  it('cleans them as the editor does, and never writes them into the CSV', () => {
    for (const text of refused) expect(isPriceText(cleanPriceText(text)), text).toBe(true);
    expect(cleanPriceText('SØM\u0092s\u000btal \u202eevil\u0000')).toBe('SØM’s\ntal evil');
    // A row stored before the rule (not through the schema) is written without them.
    const stored = { ...row('Kilde\u0000\u202eevil', 'n\u2066'), price: null };
    expect(exportPriceListCsv([stored])).toContain(';Kildeevil;1990;n\r\n');
  });
});

describe('formula injection', () => {
  const hostile = [
    '=HYPERLINK("http://evil.example","klik")',
    '+cmd|/C calc!A0',
    '-2+3',
    '@SUM(A1:A9)',
    '\t=1+1',
  ];

  it('neutralises cells that start with = + - @ (or tab) on export', () => {
    for (const h of hostile) expect(neutraliseCell(h)).toBe(`'${h}`);
    expect(neutraliseCell('PLO 2023')).toBe('PLO 2023');
    expect(neutraliseCell("'quoted")).toBe("'quoted");

    // Through the schema, as a stored list would be (it trims the source, not the note).
    const rows: PriceRow[] = hostile.map((h, i) =>
      priceRowSchema.parse({
        sector: 'other',
        contactType: CONTACT_TYPES[i]!,
        unit: 'contact',
        price: null,
        payerShares: null,
        source: h,
        sourceYear: 2025,
        note: h,
      }),
    );
    expect(rows[4]!.source).toBe('=1+1');
    const text = exportPriceListCsv(rows);
    const cells = text
      .slice(1)
      .split('\r\n')
      .slice(1, -1)
      .flatMap((line) => line.split(';'));
    for (const c of cells) {
      const bare = c.startsWith('"') ? c.slice(1) : c;
      expect(bare, c).not.toMatch(/^[=+\-@\t]/);
    }
    // …and the apostrophe is taken off again on import, so the text round-trips.
    expect(importPriceListCsv(text)).toEqual({ ok: true, prices: rows });
  });

  it('a hostile cell in an imported file is kept as inert text, and neutralised when written again', () => {
    const r = importPriceListCsv(
      csv('general_practice;gp_visit;;kontakt;220;0,07;0,93;0;=1+1;2023;@evil'),
    );
    expect(r.ok).toBe(true);
    expect(r.prices[0]).toMatchObject({ source: '=1+1', note: '@evil' });
    expect(exportPriceListCsv(r.prices)).toContain(";'=1+1;2023;'@evil");
  });
});
