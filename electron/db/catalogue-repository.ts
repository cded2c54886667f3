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
