import type { Database } from 'better-sqlite3';
import { catalogueFileSchema, type CatalogueFile, type Service } from '../../shared/catalogue';
import defaultCatalogue from '../../resources/service-catalogue.json' with { type: 'json' };

interface ServiceRow {
  code: string;
  sector: string;
  default_contact_type: string;
  label_da: string;
  label_en: string;
  hidden: number;
  position: number;
}

/** The default Lolland-Falster catalogue shipped in resources/, validated like any input. */
export function loadDefaultCatalogue(): CatalogueFile {
  return catalogueFileSchema.parse(defaultCatalogue);
}

export class CatalogueRepository {
  constructor(private readonly db: Database) {}

  /** Fills an empty catalogue with the shipped default; never overwrites local edits. */
  seedIfEmpty(catalogue: CatalogueFile = loadDefaultCatalogue()): number {
    const { n } = this.db.prepare('SELECT count(*) AS n FROM services').get() as { n: number };
    if (n > 0) return 0;
    const insert = this.db.prepare(
      `INSERT INTO services (code, sector, default_contact_type, label_da, label_en, hidden, position)
       VALUES (@code, @sector, @defaultContactType, @da, @en, 0, @position)`,
    );
    this.db.transaction(() => {
      catalogue.services.forEach((s, position) =>
        insert.run({ ...s, da: s.label.da, en: s.label.en, position }),
      );
    })();
    return catalogue.services.length;
  }

  get(code: string): Service | undefined {
    return this.list().find((s) => s.code === code);
  }

  /**
   * Adds a local service. Its code comes from the Danish name (stable, ASCII) and never changes,
   * since exported models refer to it; a clash gets a number.
   */
  create(s: Omit<Service, 'code' | 'hidden'>): Service {
    const base =
      s.label.da
        .toLowerCase()
        .replace(/æ/g, 'ae')
        .replace(/ø/g, 'oe')
        .replace(/å/g, 'aa')
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 48) || 'tilbud';
    const taken = new Set(this.list().map((x) => x.code));
    let code = `local-${base}`.replace(/-+$/, '');
    for (let i = 2; taken.has(code); i++) code = `local-${base}-${i}`;
    const { n } = this.db
      .prepare('SELECT coalesce(max(position), -1) + 1 AS n FROM services')
      .get() as {
      n: number;
    };
    this.db
      .prepare(
        `INSERT INTO services (code, sector, default_contact_type, label_da, label_en, hidden, position)
         VALUES (?, ?, ?, ?, ?, 0, ?)`,
      )
      .run(code, s.sector, s.defaultContactType, s.label.da, s.label.en, n);
    return this.get(code)!;
  }

  update(
    code: string,
    patch: {
      defaultContactType?: Service['defaultContactType'];
      label?: Service['label'];
      hidden?: boolean;
    },
  ): Service | undefined {
    const current = this.get(code);
    if (!current) return undefined;
    const next = { ...current, ...patch };
    this.db
      .prepare(
        'UPDATE services SET default_contact_type = ?, label_da = ?, label_en = ?, hidden = ? WHERE code = ?',
      )
      .run(next.defaultContactType, next.label.da, next.label.en, next.hidden ? 1 : 0, code);
    return this.get(code);
  }

  list(): Service[] {
    const rows = this.db
      .prepare('SELECT * FROM services ORDER BY position, code')
      .all() as ServiceRow[];
    return rows.map((r) => ({
      code: r.code,
      sector: r.sector as Service['sector'],
      defaultContactType: r.default_contact_type as Service['defaultContactType'],
      label: { da: r.label_da, en: r.label_en },
      hidden: r.hidden === 1,
    }));
  }
}
