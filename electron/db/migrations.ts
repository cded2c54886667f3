import type { Database } from 'better-sqlite3';
import { packContent } from './model-content';

/**
 * Ordered, append-only list of schema migrations. Migration N brings the schema from
 * `user_version` N-1 to N. Never edit a migration that has shipped: add a new one.
 */
export interface Migration {
  version: number;
  description: string;
  up: (db: Database) => void;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'journeys, touchpoints and transitions',
    up: (db) => {
      db.exec(`
        CREATE TABLE journeys (
          id TEXT PRIMARY KEY,
          alias TEXT NOT NULL CHECK (length(alias) BETWEEN 1 AND 80),
          archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL
        ) STRICT;

        CREATE TABLE touchpoints (
          id TEXT PRIMARY KEY,
          journey_id TEXT NOT NULL REFERENCES journeys (id) ON DELETE CASCADE,
          label TEXT NOT NULL DEFAULT '' CHECK (length(label) <= 200),
          x REAL NOT NULL,
          y REAL NOT NULL,
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX touchpoints_by_journey ON touchpoints (journey_id);

        CREATE TABLE transitions (
          id TEXT PRIMARY KEY,
          journey_id TEXT NOT NULL REFERENCES journeys (id) ON DELETE CASCADE,
          source_id TEXT NOT NULL REFERENCES touchpoints (id) ON DELETE CASCADE,
          target_id TEXT NOT NULL REFERENCES touchpoints (id) ON DELETE CASCADE,
          created_at TEXT NOT NULL,
          CHECK (source_id <> target_id),
          UNIQUE (source_id, target_id)
        ) STRICT;
        CREATE INDEX transitions_by_journey ON transitions (journey_id);
        CREATE INDEX transitions_by_target ON transitions (target_id);
      `);
    },
  },
  {
    version: 2,
    description: 'application settings (language)',
    up: (db) => {
      db.exec(`
        CREATE TABLE settings (
          key TEXT PRIMARY KEY,
          value TEXT NOT NULL
        ) STRICT;
      `);
    },
  },
  {
    version: 3,
    description:
      'workshop canvas: touchpoint and transition details, pain points, as-is/to-be maps',
    up: (db) => {
      // Vocabulary codes are checked by the zod schemas at the IPC boundary, not here, so a
      // later vocabulary version can add codes without rewriting tables.
      db.exec(`
        ALTER TABLE touchpoints ADD COLUMN map TEXT NOT NULL DEFAULT 'as_is' CHECK (map IN ('as_is', 'to_be'));
        ALTER TABLE touchpoints ADD COLUMN sector TEXT NOT NULL DEFAULT 'other';
        ALTER TABLE touchpoints ADD COLUMN service_code TEXT;
        ALTER TABLE touchpoints ADD COLUMN contact_type TEXT;
        ALTER TABLE touchpoints ADD COLUMN date TEXT CHECK (date IS NULL OR length(date) IN (7, 10));
        ALTER TABLE touchpoints ADD COLUMN date_precision TEXT NOT NULL DEFAULT 'unknown'
          CHECK (date_precision IN ('day', 'month', 'unknown'));
        ALTER TABLE touchpoints ADD COLUMN duration_days REAL CHECK (duration_days IS NULL OR duration_days >= 0);
        ALTER TABLE touchpoints ADD COLUMN repetitions INTEGER CHECK (repetitions IS NULL OR repetitions >= 1);
        ALTER TABLE touchpoints ADD COLUMN initiated_by TEXT;
        ALTER TABLE touchpoints ADD COLUMN emotion INTEGER CHECK (emotion IS NULL OR emotion BETWEEN -2 AND 2);
        ALTER TABLE touchpoints ADD COLUMN what_worked TEXT NOT NULL DEFAULT '';
        ALTER TABLE touchpoints ADD COLUMN quote TEXT NOT NULL DEFAULT '';

        ALTER TABLE transitions ADD COLUMN map TEXT NOT NULL DEFAULT 'as_is' CHECK (map IN ('as_is', 'to_be'));
        ALTER TABLE transitions ADD COLUMN kind TEXT NOT NULL DEFAULT 'then';
        ALTER TABLE transitions ADD COLUMN quality TEXT CHECK (quality IS NULL OR quality IN ('good', 'mixed', 'broken'));
        ALTER TABLE transitions ADD COLUMN waiting_days REAL CHECK (waiting_days IS NULL OR waiting_days >= 0);
        ALTER TABLE transitions ADD COLUMN note TEXT NOT NULL DEFAULT '';

        CREATE TABLE pain_points (
          id TEXT PRIMARY KEY,
          touchpoint_id TEXT NOT NULL REFERENCES touchpoints (id) ON DELETE CASCADE,
          category TEXT NOT NULL,
          text TEXT NOT NULL DEFAULT '',
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX pain_points_by_touchpoint ON pain_points (touchpoint_id);
      `);
    },
  },
  {
    version: 4,
    description: 'service catalogue',
    up: (db) => {
      db.exec(`
        CREATE TABLE services (
          code TEXT PRIMARY KEY,
          sector TEXT NOT NULL,
          default_contact_type TEXT NOT NULL,
          label_da TEXT NOT NULL CHECK (length(label_da) BETWEEN 1 AND 100),
          label_en TEXT NOT NULL CHECK (length(label_en) BETWEEN 1 AND 100),
          hidden INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
          position INTEGER NOT NULL
        ) STRICT;
      `);
    },
  },
  {
    version: 5,
    description: 'citizen profile and consent, workshops, goals, ideas, snapshots',
    up: (db) => {
      db.exec(`
        CREATE TABLE profiles (
          journey_id TEXT PRIMARY KEY REFERENCES journeys (id) ON DELETE CASCADE,
          real_name TEXT NOT NULL DEFAULT '',
          relatives_names TEXT NOT NULL DEFAULT '[]',
          birth_year INTEGER CHECK (birth_year IS NULL OR birth_year BETWEEN 1900 AND 2100),
          sex TEXT,
          municipality TEXT,
          household TEXT,
          employment TEXT,
          condition_groups TEXT NOT NULL DEFAULT '[]',
          consent_workshop INTEGER NOT NULL DEFAULT 0 CHECK (consent_workshop IN (0, 1)),
          consent_workshop_date TEXT,
          consent_export INTEGER NOT NULL DEFAULT 0 CHECK (consent_export IN (0, 1)),
          consent_export_date TEXT,
          consent_quotes INTEGER NOT NULL DEFAULT 0 CHECK (consent_quotes IN (0, 1)),
          consent_quotes_date TEXT,
          updated_at TEXT NOT NULL
        ) STRICT;

        CREATE TABLE workshops (
          id TEXT PRIMARY KEY,
          journey_id TEXT NOT NULL REFERENCES journeys (id) ON DELETE CASCADE,
          date TEXT NOT NULL,
          place TEXT NOT NULL DEFAULT '',
          roles TEXT NOT NULL DEFAULT '[]',
          notes TEXT NOT NULL DEFAULT '',
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX workshops_by_journey ON workshops (journey_id);

        CREATE TABLE goals (
          id TEXT PRIMARY KEY,
          journey_id TEXT NOT NULL REFERENCES journeys (id) ON DELETE CASCADE,
          category TEXT NOT NULL,
          text TEXT NOT NULL DEFAULT '',
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX goals_by_journey ON goals (journey_id);

        CREATE TABLE ideas (
          id TEXT PRIMARY KEY,
          journey_id TEXT NOT NULL REFERENCES journeys (id) ON DELETE CASCADE,
          text TEXT NOT NULL DEFAULT '',
          aims TEXT NOT NULL DEFAULT '[]',
          touchpoint_ids TEXT NOT NULL DEFAULT '[]',
          pain_point_ids TEXT NOT NULL DEFAULT '[]',
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX ideas_by_journey ON ideas (journey_id);

        CREATE TABLE snapshots (
          id TEXT PRIMARY KEY,
          journey_id TEXT NOT NULL REFERENCES journeys (id) ON DELETE CASCADE,
          name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
          touchpoint_count INTEGER NOT NULL,
          content TEXT NOT NULL,
          created_at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX snapshots_by_journey ON snapshots (journey_id);
      `);
    },
  },
  {
    version: 6,
    description: 'export history (no copy of the export is kept) and text approvals',
    up: (db) => {
      db.exec(`
        CREATE TABLE exports (
          id TEXT PRIMARY KEY,
          journey_id TEXT NOT NULL REFERENCES journeys (id) ON DELETE CASCADE,
          export_id TEXT NOT NULL,
          profile TEXT NOT NULL,
          formats TEXT NOT NULL,
          exported_at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX exports_by_journey ON exports (journey_id);

        -- A free text approved for export, as it read when approved: if the text changes,
        -- the approval no longer matches and the text stays out until approved again.
        CREATE TABLE text_approvals (
          journey_id TEXT NOT NULL REFERENCES journeys (id) ON DELETE CASCADE,
          text_key TEXT NOT NULL,
          scrubbed TEXT NOT NULL,
          approved_at TEXT NOT NULL,
          PRIMARY KEY (journey_id, text_key)
        ) STRICT;
      `);
    },
  },
  {
    version: 7,
    description: 'program workspace: imported anonymised models',
    up: (db) => {
      db.exec(`
        CREATE TABLE program_models (
          export_id TEXT PRIMARY KEY,
          file_name TEXT NOT NULL,
          imported_at TEXT NOT NULL,
          age_band TEXT,
          sex TEXT,
          municipality TEXT,
          condition_groups TEXT NOT NULL,
          touchpoint_count INTEGER NOT NULL,
          content TEXT NOT NULL
        ) STRICT;
      `);
    },
  },
  {
    version: 8,
    description: 'text approvals keep the masked guesses the facilitator unmasked',
    up: (db) => {
      // A JSON array of words; an unmask is part of its text's approval and lapses with it.
      db.exec(`ALTER TABLE text_approvals ADD COLUMN unmasked TEXT NOT NULL DEFAULT '[]';`);
    },
  },
  {
    version: 9,
    description: 'local services get opaque codes: no code carries a name, none breaks the list',
    up: (db) => {
      // Local codes used to be made from the Danish name ("local-laegerne-aksel-andersen-…"), and
      // exports carry them; a clash could also give a code the schema refuses ("local-x--2"),
      // after which the catalogue could not be listed. Every such code gets a random one, in the
      // form the repository now gives (`local-` and 12 consonants, no vowels or digits), and every
      // place that names it follows. Everything is written out here: a migration must not change
      // when the app's code does.
      const ALPHABET = 'bcdfghjklmnpqrstvwxz';
      const OPAQUE = /^local-[bcdfghjklmnpqrstvwxz]{12}$/;
      const VALID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
      const VALID_MAX = 60;
      // Shipped catalogue codes that begin with "local-": every version of the default has had
      // exactly this one, and it is the same on every laptop, so it stays.
      const SHIPPED = new Set(['local-pharmacy']);

      const serviceCodes = (
        db.prepare('SELECT code FROM services').all() as { code: string }[]
      ).map((r) => r.code);
      const touchpointCodes = (
        db
          .prepare(
            'SELECT DISTINCT service_code AS code FROM touchpoints WHERE service_code IS NOT NULL',
          )
          .all() as { code: string }[]
      ).map((r) => r.code);
      const snapshots = (
        db.prepare('SELECT id, content FROM snapshots').all() as { id: string; content: string }[]
      ).map((r) => {
        try {
          return { id: r.id, content: JSON.parse(r.content) as unknown };
        } catch {
          return { id: r.id, content: undefined }; // unreadable already; left as it is
        }
      });
      /** Calls `visit` on every string held under a "serviceCode" key, at any depth. */
      const walk = (value: unknown, visit: (code: string) => string): unknown => {
        if (Array.isArray(value)) return value.map((v) => walk(v, visit));
        if (value === null || typeof value !== 'object') return value;
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(value)) {
          out[k] = k === 'serviceCode' && typeof v === 'string' ? visit(v) : walk(v, visit);
        }
        return out;
      };
      const snapshotCodes: string[] = [];
      for (const s of snapshots) {
        walk(s.content, (code) => {
          snapshotCodes.push(code);
          return code;
        });
      }

      const inServices = new Set(serviceCodes);
      const needsNew = (code: string) =>
        (code.startsWith('local-') && !OPAQUE.test(code) && !SHIPPED.has(code)) ||
        (inServices.has(code) && !(VALID.test(code) && code.length <= VALID_MAX));
      const taken = new Set([...serviceCodes, ...touchpointCodes, ...snapshotCodes]);
      const token = () => {
        let out = '';
        while (out.length < 12) {
          for (const b of crypto.getRandomValues(new Uint8Array(16))) {
            // 240 = 12 × 20: bytes above it are skipped so every letter is equally likely.
            if (b < 240 && out.length < 12) out += ALPHABET[b % ALPHABET.length];
          }
        }
        return out;
      };
      const renamed = new Map<string, string>();
      for (const code of taken) {
        if (!needsNew(code)) continue;
        let next = `local-${token()}`;
        while (taken.has(next)) next = `local-${token()}`;
        taken.add(next);
        renamed.set(code, next);
      }
      if (renamed.size === 0) return;

      const service = db.prepare('UPDATE services SET code = ? WHERE code = ?');
      const touchpoint = db.prepare(
        'UPDATE touchpoints SET service_code = ? WHERE service_code = ?',
      );
      for (const [from, to] of renamed) {
        service.run(to, from);
        touchpoint.run(to, from);
      }
      const snapshot = db.prepare('UPDATE snapshots SET content = ? WHERE id = ?');
      for (const s of snapshots) {
        if (s.content === undefined) continue;
        let changed = false;
        const next = walk(s.content, (code) => {
          const to = renamed.get(code);
          if (to === undefined) return code;
          changed = true;
          return to;
        });
        if (changed) snapshot.run(JSON.stringify(next), s.id);
      }
    },
  },
  {
    version: 10,
    description: 'journey moves between laptops: both ends in the journey history',
    up: (db) => {
      // One row per end of a move: 'out' where the journey was written to a .forloeb file, 'in'
      // where it was taken in. The move id is the same on both ends (and in the file's name).
      db.exec(`
        CREATE TABLE transfers (
          id TEXT PRIMARY KEY,
          journey_id TEXT NOT NULL REFERENCES journeys (id) ON DELETE CASCADE,
          move_id TEXT NOT NULL,
          direction TEXT NOT NULL CHECK (direction IN ('out', 'in')),
          at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX transfers_by_journey ON transfers (journey_id);
      `);
    },
  },
  {
    version: 11,
    description: "the laptop's price list (Economy): one indicative list and its rows",
    up: (db) => {
      // One list per laptop (the repository writes id 1 only), always indicative; the list is
      // checked whole by its schema before it is written. A row is one sector × contact type, or a
      // service's own price ('' when it has none, so the key is unique without NULLs). Shares
      // are fractions; the schema (shared/economy/prices.ts) checks that they sum to 1.
      db.exec(`
        CREATE TABLE price_list (
          id INTEGER PRIMARY KEY,
          name TEXT NOT NULL,
          price_year INTEGER NOT NULL,
          notes TEXT NOT NULL DEFAULT '',
          indicative INTEGER NOT NULL DEFAULT 1,
          updated_at TEXT NOT NULL
        ) STRICT;
        CREATE TABLE prices (
          position INTEGER NOT NULL,
          sector TEXT NOT NULL,
          contact_type TEXT NOT NULL,
          service_code TEXT NOT NULL DEFAULT '',
          unit TEXT NOT NULL CHECK (unit IN ('contact', 'day', 'month', 'hour')),
          price REAL CHECK (price IS NULL OR price >= 0),
          share_kommune REAL CHECK (share_kommune IS NULL OR share_kommune BETWEEN 0 AND 1),
          share_region REAL CHECK (share_region IS NULL OR share_region BETWEEN 0 AND 1),
          share_stat REAL CHECK (share_stat IS NULL OR share_stat BETWEEN 0 AND 1),
          source TEXT NOT NULL,
          source_year INTEGER NOT NULL,
          note TEXT,
          PRIMARY KEY (sector, contact_type, service_code)
        ) STRICT;
      `);
    },
  },
  {
    version: 12,
    description: 'program workspace: models kept deflated, their export month beside them',
    up: (db) => {
      // The content is the canonical JSON compressed (model-content.ts; deflate when this was
      // written, Zstandard since, both read back): SQLCipher encrypts and
      // authenticates every page, and a ninth of the bytes costs a ninth of that. The export
      // month, which the list showed by reading into the JSON, gets its own column.
      db.exec(`
        CREATE TABLE program_models_new (
          export_id TEXT PRIMARY KEY,
          file_name TEXT NOT NULL,
          imported_at TEXT NOT NULL,
          age_band TEXT,
          sex TEXT,
          municipality TEXT,
          condition_groups TEXT NOT NULL,
          touchpoint_count INTEGER NOT NULL,
          export_month TEXT NOT NULL,
          content BLOB NOT NULL
        ) STRICT;
      `);
      const insert = db.prepare(
        `INSERT INTO program_models_new VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      // In runs of rows (a connection runs one statement at a time, and 15,000 models at once
      // would be 460 MB of text).
      const run = db.prepare(
        `SELECT rowid, export_id, file_name, imported_at, age_band, sex, municipality,
           condition_groups, touchpoint_count, coalesce(json_extract(content, '$.exportMonth'), ''),
           content
         FROM program_models WHERE rowid > ? ORDER BY rowid LIMIT 200`,
      );
      for (let after = 0; ;) {
        const rows = run.raw().all(after) as unknown[][];
        if (rows.length === 0) break;
        for (const r of rows) insert.run(...r.slice(1, 10), packContent(r[10] as string));
        after = rows[rows.length - 1]![0] as number;
      }
      db.exec(`
        DROP TABLE program_models;
        ALTER TABLE program_models_new RENAME TO program_models;
      `);
    },
  },
  {
    version: 13,
    description: 'program workspace: what the models bring to the views, kept beside them',
    up: (db) => {
      // See fold-store.ts: one record per imported batch, and where each model's journey is in
      // it. Filled at import, and for models stored before, from their content the first time
      // the views are computed.
      db.exec(`
        CREATE TABLE program_fold_batches (
          id INTEGER PRIMARY KEY,
          format INTEGER NOT NULL,
          journeys INTEGER NOT NULL,
          data BLOB NOT NULL
        ) STRICT;
        ALTER TABLE program_models ADD COLUMN fold_batch INTEGER;
        ALTER TABLE program_models ADD COLUMN fold_at INTEGER;
        CREATE INDEX program_models_by_fold ON program_models (fold_batch, fold_at, export_id);
      `);
    },
  },
  {
    version: 14,
    description: 'program workspace: the models of an import batch compressed together',
    up: (db) => {
      // See text-store.ts: one compressed frame of texts per imported batch, and where each
      // model's text is in it. Models stored before keep their own compressed text (`content`);
      // a row whose text is in a batch has an empty `content`.
      db.exec(`
        CREATE TABLE program_texts (
          id INTEGER PRIMARY KEY,
          bytes INTEGER NOT NULL,
          data BLOB NOT NULL
        ) STRICT;
        ALTER TABLE program_models ADD COLUMN text_batch INTEGER;
        ALTER TABLE program_models ADD COLUMN text_start INTEGER;
        ALTER TABLE program_models ADD COLUMN text_end INTEGER;
        CREATE INDEX program_models_by_text ON program_models (text_batch, text_start);
      `);
    },
  },
  {
    version: 15,
    description: 'program workspace: models named as the app names its export, not by their files',
    up: (db) => {
      // A file's name is checked by nothing and can carry a citizen's name or CPR number; the
      // model itself is anonymised. Every model is named as the import names it since
      // (`listedName` in program-repository.ts): its export month and the start of its id.
      db.exec(`
        UPDATE program_models
           SET file_name = 'forloeb-' || export_month || '-' || substr(export_id, 1, 8);
      `);
    },
  },
  {
    version: 16,
    description: 'price list: no control or direction characters in a source or a note',
    up: (db) => {
      // Refused since (`isPriceText` in shared/economy/prices.ts). A row stored before loses
      // them here, so the list is still read and edited whole: the channel that gives the window
      // the list checks each row by the schema. Written out, not imported, as a migration must
      // never change: vertical tab and form feed become line breaks (as typed text does); other
      // control characters, and the marks, overrides and isolates of bidirectional text and the
      // line and paragraph separators, go. A C1 control becomes the Windows-1252 character it
      // stood for (pasted from Word: U+0092 an apostrophe), as typed text does; the five that
      // stand for none go.
      const cp1252 = new TextDecoder('windows-1252');
      const clean = (text: string) =>
        text
          .replace(/[\u0080-\u009f]/g, (c) => {
            const meant = cp1252.decode(Uint8Array.of(c.charCodeAt(0)));
            return meant === c ? '' : meant;
          })
          .replace(/[\v\f]/g, '\n')
          // eslint-disable-next-line no-control-regex
          .replace(/[\u0000-\u0008\u000e-\u001f\u007f]/g, '')
          .replace(/[\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g, '');
      const rows = db.prepare('SELECT rowid, source, note FROM prices').all() as {
        rowid: number;
        source: string;
        note: string | null;
      }[];
      const update = db.prepare('UPDATE prices SET source = ?, note = ? WHERE rowid = ?');
      for (const r of rows) {
        // A source is required: one that was nothing but such characters says there is none.
        const source = clean(r.source).trim() || '–';
        const note = r.note === null ? null : clean(r.note) || null;
        if (source !== r.source || note !== r.note) update.run(source, note, r.rowid);
      }
    },
  },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;

/** The database was written by a newer version of the app; opening it could corrupt it. */
export class NewerDatabaseError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `The database has schema version ${found}, but this version of the app only knows up to ${supported}. Install the newer version of the app.`,
    );
    this.name = 'NewerDatabaseError';
  }
}

/**
 * Applies every pending migration in one transaction: either the schema reaches the target
 * version or nothing changes. `target` exists for the upgrade tests.
 */
export function migrate(
  db: Database,
  migrations: readonly Migration[] = MIGRATIONS,
  target = migrations[migrations.length - 1]?.version ?? 0,
): { from: number; to: number } {
  const current = db.pragma('user_version', { simple: true }) as number;
  const newest = migrations[migrations.length - 1]?.version ?? 0;
  if (current > newest) throw new NewerDatabaseError(current, newest);
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migration list out of order at ${m.version}`);
  });
  const pending = migrations.filter((m) => m.version > current && m.version <= target);
  if (pending.length === 0) return { from: current, to: current };
  db.transaction(() => {
    for (const m of pending) {
      m.up(db);
      // user_version cannot be bound as a parameter; the value is an integer from our own list.
      db.pragma(`user_version = ${m.version}`);
    }
  }).immediate();
  return { from: current, to: pending[pending.length - 1]!.version };
}
