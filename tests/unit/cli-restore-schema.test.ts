/**
 * `pathway restore` from a backup whose schema is not the one the app's migrations make: refused
 * before any of its rows is read, the database left as it was.
 */
import BetterSqlite3 from 'better-sqlite3';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PASSPHRASE_FD_ENV } from '../../electron/cli/backup';
import { main } from '../../electron/cli/pathway';
import { backupsFolderFor, databaseImage, writeBackup } from '../../electron/db/backups';
import { sealSync } from '../../electron/db/sealed-backup';
import { createHandlers } from '../../electron/handlers';
import { everyRow, seedEverything } from '../support/backup-fixtures';
import { HOSTILE_SCHEMAS } from '../support/hostile-schemas';
import {
  createPlainDatabase,
  giveCliTestKey,
  openRaw,
  openTestDatabase,
} from '../support/test-key';

const PASSPHRASE = 'tre grønne pærer på bordet';
/** A quick scrypt: the file is sealed here only to be refused. */
const FAST = { log2N: 14, r: 8, p: 1 };
let dir: string;
let out: string[];
let undo: (() => void)[];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pathway-cli-schema-'));
  out = [];
  undo = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
});
afterEach(() => {
  for (const u of undo.reverse()) u();
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

/** Gives the backup's passphrase as a script does: a file descriptor in PATHWAY_PASSPHRASE_FD. */
function givePassphrase(text: string): void {
  const file = join(dir, `passphrase-${undo.length}.txt`);
  writeFileSync(file, text, { mode: 0o600 });
  const fd = openSync(file, 'r');
  const saved = process.env[PASSPHRASE_FD_ENV];
  process.env[PASSPHRASE_FD_ENV] = String(fd);
  undo.push(() => {
    if (saved === undefined) delete process.env[PASSPHRASE_FD_ENV];
    else process.env[PASSPHRASE_FD_ENV] = saved;
    closeSync(fd);
  });
}

/** The app's (encrypted) database with a bit of everything in it, closed. */
async function seeded(): Promise<string> {
  const file = join(dir, 'app.sqlite');
  const db = openTestDatabase(file);
  const h = createHandlers({ db, clock: () => new Date(), newId: () => crypto.randomUUID() });
  await seedEverything(h);
  db.close();
  return file;
}

function rowsIn(file: string) {
  const db = openTestDatabase(file);
  try {
    return everyRow(db);
  } finally {
    db.close();
  }
}

describe('pathway restore from a backup whose schema is not the app’s', () => {
  it.each(HOSTILE_SCHEMAS)(
    'refuses one with %s, rolling or sealed, and changes nothing',
    async (_, tamper) => {
      const db = await seeded();
      const live = openTestDatabase(db);
      // A rolling backup of this database (read with its key), changed behind the app's back.
      const rolling = writeBackup(live, join(dir, 'elsewhere'), 'daily', new Date()).file;
      // Its image as a USB backup holds it, changed the same way and sealed.
      const image = databaseImage(live);
      live.close();
      const changed = openRaw(rolling);
      tamper(changed);
      changed.close();
      // Marked as a rollback database: an image in memory has no WAL (as openImage does).
      image[18] = 1;
      image[19] = 1;
      const copy = new BetterSqlite3(image);
      tamper(copy);
      const sealed = join(dir, 'hostile.fvbackup');
      writeFileSync(sealed, sealSync(copy.serialize(), PASSPHRASE, FAST));
      copy.close();

      const before = rowsIn(db);
      undo.push(giveCliTestKey());
      givePassphrase(`${PASSPHRASE}\n`);
      for (const from of [rolling, sealed]) {
        out = [];
        expect(main(['restore', '--from', from, '--db', db]), from).toBe(2);
        expect(out.at(-1)).toContain('is no backup or database of the app (nothing was changed)');
      }
      expect(rowsIn(db)).toEqual(before);
      // Nothing was kept either: no restore began.
      expect(existsSync(backupsFolderFor(db))).toBe(false);
    },
  );

  it('refuses an unencrypted SQLite file, even of the app’s schema: no backup of it is one', async () => {
    const db = await seeded();
    const plain = join(dir, 'plain.sqlite');
    const other = createPlainDatabase(plain);
    other
      .prepare(
        "INSERT INTO journeys VALUES ('11111111-1111-4111-8111-111111111111', 'Lagt ind', 0, ?, ?)",
      )
      .run('2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
    other.close();
    const before = rowsIn(db);
    undo.push(giveCliTestKey());
    expect(main(['restore', '--from', plain, '--db', db])).toBe(2);
    expect(out.at(-1)).toContain('is an unencrypted SQLite file, not a backup of the app');
    expect(rowsIn(db)).toEqual(before);
    expect(existsSync(backupsFolderFor(db))).toBe(false);
  });
});
