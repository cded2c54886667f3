import type { Database } from 'better-sqlite3';

/**
 * Reads a journey's rows straight from the schema, for tests that compare two databases: which
 * tables hold a journey's rows is found from the foreign keys (a table that points at `journeys`,
 * or at a table that does, at any depth), not from a list someone has to keep up to date.
 */

type Row = Record<string, unknown>;

interface JourneyTable {
  name: string;
  /** SQL that selects the table's rows of the journey `@journeyId`. */
  select: string;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Every table holding rows of a journey, with how to select them. */
export function journeyTables(db: Database): JourneyTable[] {
  const tables = (
    db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .all() as { name: string }[]
  ).map((t) => t.name);
  const keys = new Map(
    tables.map((t) => [
      t,
      db.prepare(`SELECT "table", "from", "to" FROM pragma_foreign_key_list(?)`).all(t) as {
        table: string;
        from: string;
        to: string;
      }[],
    ]),
  );
  /** The condition (on the table's own columns) that picks the journey's rows. */
  const found = new Map<string, string>([['journeys', 'id = @journeyId']]);
  for (let grew = true; grew;) {
    grew = false;
    for (const t of tables) {
      if (found.has(t)) continue;
      const key = keys.get(t)!.find((k) => found.has(k.table));
      if (!key) continue;
      const parent = key.table;
      found.set(
        t,
        `${quote(key.from)} IN (SELECT ${quote(key.to ?? 'id')} FROM ${quote(parent)} WHERE ${found.get(parent)})`,
      );
      grew = true;
    }
  }
  return [...found].map(([name, where]) => ({
    name,
    select: `SELECT * FROM ${quote(name)} WHERE ${where}`,
  }));
}

const sortRows = (rows: Row[]) =>
  rows
    .map((r) => [JSON.stringify(Object.entries(r)), r] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, r]) => r);

/** Every row of every table of the journey, each table's rows in a stable order. */
export function rowsOfJourney(db: Database, journeyId: string): Record<string, Row[]> {
  return Object.fromEntries(
    journeyTables(db).map((t) => [
      t.name,
      sortRows(db.prepare(t.select).all({ journeyId }) as Row[]),
    ]),
  );
}

/** Every row of every table of the database, for "nothing changed" checks. */
export function everyRow(db: Database): Record<string, Row[]> {
  const tables = db
    .prepare(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .all() as { name: string }[];
  return Object.fromEntries(
    tables.map((t) => [
      t.name,
      sortRows(db.prepare(`SELECT * FROM ${quote(t.name)}`).all() as Row[]),
    ]),
  );
}
