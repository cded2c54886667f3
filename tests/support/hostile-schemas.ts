/**
 * Backups whose schema is not the one the app's migrations make: what a file made by hand can
 * bring along besides rows. Each changes an open copy (a rolling backup, or the image in a USB
 * backup) in place.
 */
import type { Database } from 'better-sqlite3';

/**
 * A recursion that ends, but only after a million rows: a view over it is slow to read, never
 * endless, so a test of code that reads it anyway still finishes.
 */
const SLOW_ROWS = `WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 1000000)`;

/** Replaces `table` with a view of the same columns, over the slow recursion. */
export function viewInsteadOf(image: Database, table: string): void {
  const columns = image
    .prepare('SELECT name FROM pragma_table_info(?) ORDER BY cid')
    .pluck()
    .all(table) as string[];
  image.pragma('foreign_keys = OFF');
  image.exec(`DROP TABLE ${table}`);
  image.exec(
    `CREATE VIEW ${table} AS ${SLOW_ROWS} SELECT ${columns.map((c) => `NULL AS "${c}"`).join(', ')} FROM c WHERE i < 0`,
  );
}

/** How a hostile copy differs from the app's schema, and the change that makes it so. */
export const HOSTILE_SCHEMAS: [string, (image: Database) => void][] = [
  ['a view in place of a table', (image) => viewInsteadOf(image, 'program_models')],
  [
    'a trigger of its own',
    (image) =>
      image.exec(`CREATE TRIGGER journeys_kept AFTER DELETE ON journeys
        BEGIN INSERT OR REPLACE INTO settings (key, value) VALUES ('kept', old.alias); END`),
  ],
  [
    'a table of its own',
    (image) =>
      image.exec(`CREATE TABLE notes (text TEXT NOT NULL) STRICT;
      INSERT INTO notes VALUES ('not the app''s')`),
  ],
  ['a column missing', (image) => image.exec('ALTER TABLE ideas DROP COLUMN pain_point_ids')],
];
