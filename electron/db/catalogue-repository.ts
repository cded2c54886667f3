import type { Database } from 'better-sqlite3';
import { randomInt } from 'node:crypto';
import {
  catalogueFileSchema,
  serviceSchema,
  type CatalogueFile,
  type Service,
} from '../../shared/catalogue';
import { serviceCodeSchema } from '../../shared/domain/journey';
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

const toService = (r: ServiceRow): Service => ({
  code: r.code,
  sector: r.sector as Service['sector'],
  defaultContactType: r.default_contact_type as Service['defaultContactType'],
  label: { da: r.label_da, en: r.label_en },
  hidden: r.hidden === 1,
});

/** The default Lolland-Falster catalogue shipped in resources/, validated like any input. */
export function loadDefaultCatalogue(): CatalogueFile {
  return catalogueFileSchema.parse(defaultCatalogue);
}

/**
 * A local service's code: `local-` and 12 letters drawn from the consonants b–z without y.
 * Random, so it says nothing about the service; without vowels or digits it can never spell a
 * name, a street or a number, even by chance. 20^12 (about 2^52) codes, checked for clashes.
 * Migration 9 recognises the same form (it keeps its own copy, as migrations must).
 */
export const LOCAL_CODE_PREFIX = 'local-';
export const LOCAL_CODE_ALPHABET = 'bcdfghjklmnpqrstvwxz';
export const LOCAL_CODE_TOKEN_LENGTH = 12;
const LOCAL_CODE = new RegExp(`^local-[${LOCAL_CODE_ALPHABET}]{${LOCAL_CODE_TOKEN_LENGTH}}$`);
const MAX_CODE_ATTEMPTS = 32;

/** Whether a code is of the opaque local form, and so also a valid service code. */
export function isLocalServiceCode(code: string): boolean {
  return LOCAL_CODE.test(code) && serviceCodeSchema.safeParse(code).success;
}

/** A random token for a local service code, from the operating system's CSPRNG (unbiased). */
export function randomLocalToken(): string {
  let token = '';
  for (let i = 0; i < LOCAL_CODE_TOKEN_LENGTH; i++) {
    token += LOCAL_CODE_ALPHABET[randomInt(LOCAL_CODE_ALPHABET.length)];
  }
  return token;
}

export interface CatalogueRepositoryOptions {
  /** Where the tokens of new local codes come from; tests may pass their own. */
  token?: () => string;
}

export class CatalogueRepository {
  private readonly token: () => string;

  constructor(
    private readonly db: Database,
    options: CatalogueRepositoryOptions = {},
  ) {
    this.token = options.token ?? randomLocalToken;
  }

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
    const row = this.db.prepare('SELECT * FROM services WHERE code = ?').get(code) as
      ServiceRow | undefined;
    return row && toService(row);
  }

  /**
   * Adds a local service under a fresh opaque code (`local-` and a random token). The code is
   * exported with every model, so it never comes from the label: a label may name a person, a
   * street or a phone number. The code is checked against the schema and the codes already taken
   * before the row is written, in one transaction: a bad code can never reach the table.
   */
  create(s: Omit<Service, 'code' | 'hidden'>): Service {
    return this.db.transaction(() => {
      // A touchpoint may still name a code the catalogue no longer lists; that one is taken too.
      const taken = this.db.prepare(
        `SELECT EXISTS (SELECT 1 FROM services WHERE code = @code)
             OR EXISTS (SELECT 1 FROM touchpoints WHERE service_code = @code) AS taken`,
      );
      const isTaken = (code: string) => (taken.get({ code }) as { taken: number }).taken === 1;
      let code: string | undefined;
      for (let attempt = 0; attempt < MAX_CODE_ATTEMPTS && !code; attempt++) {
        const candidate = `${LOCAL_CODE_PREFIX}${this.token()}`;
        if (!isLocalServiceCode(candidate)) {
          throw new Error('The token source gave a token that is not a local service code');
        }
        if (!isTaken(candidate)) code = candidate;
      }
      if (!code) throw new Error('No free local service code found');
      const service = serviceSchema.parse({ ...s, code, hidden: false });
      const { n } = this.db
        .prepare('SELECT coalesce(max(position), -1) + 1 AS n FROM services')
        .get() as { n: number };
      this.db
        .prepare(
          `INSERT INTO services (code, sector, default_contact_type, label_da, label_en, hidden, position)
           VALUES (?, ?, ?, ?, ?, 0, ?)`,
        )
        .run(
          service.code,
          service.sector,
          service.defaultContactType,
          service.label.da,
          service.label.en,
          n,
        );
      return this.get(code)!;
    })();
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
    return rows.map(toService);
  }
}
