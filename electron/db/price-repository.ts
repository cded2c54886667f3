import type { Database, Statement } from 'better-sqlite3';
import {
  importPriceListCsv,
  priceListSchema,
  exportPriceListCsv,
  type PriceList,
  type PriceRow,
} from '../../shared/economy/prices';
import {
  patchedRow,
  type PriceImportResult,
  type PriceKey,
  type PricePatch,
} from '../../shared/economy/price-edits';
import defaultPriceList from '../../resources/price-list.json' with { type: 'json' };

/** The researched default list shipped in resources/, validated like any input. */
export function loadDefaultPriceList(): PriceList {
  return priceListSchema.parse(defaultPriceList);
}

interface ListRow {
  name: string;
  price_year: number;
  notes: string;
}

interface PriceDbRow {
  sector: string;
  contact_type: string;
  service_code: string;
  unit: string;
  price: number | null;
  share_kommune: number | null;
  share_region: number | null;
  share_stat: number | null;
  source: string;
  source_year: number;
  note: string | null;
}

const toRow = (r: PriceDbRow): PriceRow => ({
  sector: r.sector as PriceRow['sector'],
  contactType: r.contact_type as PriceRow['contactType'],
  ...(r.service_code !== '' ? { serviceCode: r.service_code } : {}),
  unit: r.unit as PriceRow['unit'],
  price: r.price,
  payerShares:
    r.share_kommune === null || r.share_region === null || r.share_stat === null
      ? null
      : { kommune: r.share_kommune, region: r.share_region, stat: r.share_stat },
  source: r.source,
  sourceYear: r.source_year,
  ...(r.note !== null && r.note !== '' ? { note: r.note } : {}),
});

const toParams = (r: PriceRow, position: number) => ({
  position,
  sector: r.sector,
  contactType: r.contactType,
  serviceCode: r.serviceCode ?? '',
  unit: r.unit,
  price: r.price,
  kommune: r.payerShares?.kommune ?? null,
  region: r.payerShares?.region ?? null,
  stat: r.payerShares?.stat ?? null,
  source: r.source,
  sourceYear: r.sourceYear,
  note: r.note ?? null,
});

/** Why an edit of a row was refused: the schema's own message codes (shares_sum …). */
export class PriceRowInvalid extends Error {
  constructor(readonly codes: string[]) {
    super(`Invalid price row: ${codes.join(', ')}`);
    this.name = 'PriceRowInvalid';
  }
}

/**
 * The laptop's price list: one list (name, price year, notes; always indicative) and its rows.
 * Seeded from the shipped default on first use; edited row by row, replaced whole by a CSV
 * import or a reset, both in one transaction.
 */
export class PriceRepository {
  /** Prepared on first use: handlers are also built on databases of older versions (tests). */
  private prepared?: {
    count: Statement;
    list: Statement;
    rows: Statement;
    row: Statement;
    upsertList: Statement;
    insertRow: Statement;
    updateRow: Statement;
    deleteRows: Statement;
  };

  constructor(
    private readonly db: Database,
    /** When the list is seeded or replaced (the handlers' clock). */
    private readonly now: () => string = () => new Date().toISOString(),
  ) {}

  private get sql() {
    const db = this.db;
    return (this.prepared ??= {
      count: db.prepare('SELECT count(*) AS n FROM price_list'),
      list: db.prepare('SELECT name, price_year, notes FROM price_list WHERE id = 1'),
      rows: db.prepare('SELECT * FROM prices ORDER BY position'),
      row: db.prepare(
        `SELECT * FROM prices
          WHERE sector = @sector AND contact_type = @contactType AND service_code = @serviceCode`,
      ),
      upsertList: db.prepare(
        `INSERT INTO price_list (id, name, price_year, notes, indicative, updated_at)
         VALUES (1, @name, @priceYear, @notes, 1, @at)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, price_year = excluded.price_year,
           notes = excluded.notes, updated_at = excluded.updated_at`,
      ),
      insertRow: db.prepare(
        `INSERT INTO prices (position, sector, contact_type, service_code, unit, price,
           share_kommune, share_region, share_stat, source, source_year, note)
         VALUES (@position, @sector, @contactType, @serviceCode, @unit, @price,
           @kommune, @region, @stat, @source, @sourceYear, @note)`,
      ),
      updateRow: db.prepare(
        `UPDATE prices SET unit = @unit, price = @price, share_kommune = @kommune,
           share_region = @region, share_stat = @stat, source = @source,
           source_year = @sourceYear, note = @note
         WHERE sector = @sector AND contact_type = @contactType AND service_code = @serviceCode`,
      ),
      deleteRows: db.prepare('DELETE FROM prices'),
    });
  }

  /** Fills an empty price list with the shipped default; never overwrites local edits. */
  seedIfEmpty(list: PriceList = loadDefaultPriceList()): number {
    const { n } = this.sql.count.get() as { n: number };
    if (n > 0) return 0;
    this.replace(list, this.now());
    return list.prices.length;
  }

  /** The list; on first use (a fresh database) the shipped default is seeded first. */
  get(): PriceList {
    let head = this.sql.list.get() as ListRow | undefined;
    if (!head) {
      this.seedIfEmpty();
      head = this.sql.list.get() as ListRow;
    }
    const rows = (this.sql.rows.all() as PriceDbRow[]).map(toRow);
    return {
      name: head.name,
      priceYear: head.price_year,
      currency: 'DKK',
      indicative: true,
      notes: head.notes,
      prices: rows,
    };
  }

  /**
   * Edits one row. Price, shares and unit depend on each other (a price above 0 needs shares that
   * sum to 100 %), so the row as it would be is checked whole by the schema before it is written;
   * read and write are one transaction. Undefined when there is no such row.
   */
  update(key: PriceKey, patch: PricePatch): PriceRow | undefined {
    if (!this.sql.list.get()) this.seedIfEmpty();
    return this.db.transaction(() => {
      const params = { ...key, serviceCode: key.serviceCode ?? '' };
      const current = this.sql.row.get(params) as PriceDbRow | undefined;
      if (!current) return undefined;
      const next = patchedRow(toRow(current), patch);
      if (!next.ok) throw new PriceRowInvalid(next.codes);
      this.sql.updateRow.run(toParams(next.row, 0));
      return toRow(this.sql.row.get(params) as PriceDbRow);
    })();
  }

  /**
   * Replaces the rows by those of a CSV file in the Danish Excel format, all or nothing: one bad
   * line and nothing changes, and every bad line is reported with its number and reason. The
   * list's name, price year and notes stay (the CSV carries rows only).
   */
  importCsv(text: string): PriceImportResult {
    const read = importPriceListCsv(text);
    if (!read.ok) return { ok: false, errors: read.errors };
    const current = this.get();
    const next = priceListSchema.safeParse({ ...current, prices: read.prices });
    if (!next.success) return { ok: false, errors: [{ line: 1, code: 'csv_too_many_rows' }] };
    this.replace(next.data, this.now());
    return { ok: true, count: read.prices.length };
  }

  exportCsv(): string {
    return exportPriceListCsv(this.get().prices);
  }

  /** Back to the shipped default: every local edit and import is gone. */
  reset(): PriceList {
    this.replace(loadDefaultPriceList(), this.now());
    return this.get();
  }

  private replace(list: PriceList, at: string): void {
    const rows = priceListSchema.parse(list).prices;
    this.db.transaction(() => {
      this.sql.upsertList.run({
        name: list.name,
        priceYear: list.priceYear,
        notes: list.notes,
        at,
      });
      this.sql.deleteRows.run();
      rows.forEach((r, i) => this.sql.insertRow.run(toParams(r, i)));
    })();
  }
}
