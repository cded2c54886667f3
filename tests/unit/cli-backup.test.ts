import BetterSqlite3 from 'better-sqlite3';
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { PASSPHRASE_FD_ENV } from '../../electron/cli/backup';
import { main } from '../../electron/cli/pathway';
import { backupsFolderFor, databaseImage, writeBackup } from '../../electron/db/backups';
import { SEALED_MAGIC, sealSync } from '../../electron/db/sealed-backup';
import { createHandlers } from '../../electron/handlers';
import { everyRow, seedEverything } from '../support/backup-fixtures';
import { HOSTILE_SCHEMAS } from '../support/hostile-schemas';
import {
  createPlainDatabase,
  openRaw,
  giveCliSecret,
  giveCliTestKey,
  openTestDatabase,
  TEST_DB_KEY,
} from '../support/test-key';

const PASSPHRASE = 'tre grønne pærer på bordet';
/** A quick scrypt: for a file sealed here only to be refused. */
const FAST = { log2N: 14, r: 8, p: 1 };
let dir: string;
let out: string[];
let undo: (() => void)[];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pathway-cli-backup-'));
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
const giveKey = () => void undo.push(giveCliTestKey());

/** The app's (encrypted) database with a bit of everything in it, closed. */
async function seeded(): Promise<{ db: string; karen: string; rows: Record<string, unknown[]> }> {
  const file = join(dir, 'app.sqlite');
  const db = openTestDatabase(file);
  const h = createHandlers({ db, clock: () => new Date(), newId: () => crypto.randomUUID() });
  const { karen } = await seedEverything(h);
  const rows = everyRow(db);
  db.close();
  return { db: file, karen, rows };
}

function rowsIn(file: string) {
  const db = openTestDatabase(file);
  try {
    return everyRow(db);
  } finally {
    db.close();
  }
}

function deleteJourney(file: string, id: string) {
  const db = openTestDatabase(file);
  db.prepare('DELETE FROM journeys WHERE id = ?').run(id);
  db.close();
}

describe('pathway backup and restore', () => {
  it('seals the database under a passphrase and brings every row back from it', async () => {
    const { db, karen, rows } = await seeded();
    const file = join(dir, 'usb', 'backup.fvbackup');
    giveKey();
    givePassphrase(`${PASSPHRASE}\n`);
    // The folder must be there: nothing is made but the file.
    expect(main(['backup', '--db', db, '--out', file])).toBe(2);
    expect(out.at(-1)).toMatch(/there is no folder .*usb to write into/);
    mkdirSync(join(dir, 'usb'));

    out = [];
    expect(main(['backup', '--db', db, '--out', file])).toBe(0);
    expect(out[0]).toMatch(/^Backed up 2 journeys from .* into .*backup\.fvbackup, sealed/);
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 8).equals(SEALED_MAGIC)).toBe(true);
    for (const text of ['SQLite format 3', 'Karen, 67', 'Karen Hansen']) {
      expect(bytes.includes(Buffer.from(text)), text).toBe(false);
    }
    // Never replaces a file.
    expect(main(['backup', '--db', db, '--out', file])).toBe(2);
    expect(out.at(-1)).toContain('is there already: a backup never replaces a file');

    deleteJourney(db, karen);
    out = [];
    expect(main(['restore', '--from', file, '--db', db])).toBe(0);
    expect(out[0]).toMatch(/^Restored 2 journeys from .* The database as it was is kept as /);
    expect(rowsIn(db)).toEqual(rows);
    // The database as it was (without Karen) is the newest rolling backup beside it.
    const kept = readdirSync(backupsFolderFor(db));
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatch(/-before_restore-1-/);
  });

  it('restores a rolling backup of the app, read with the database key', async () => {
    const { db, karen, rows } = await seeded();
    const live = openTestDatabase(db);
    const backup = writeBackup(live, join(dir, 'elsewhere'), 'daily', new Date());
    live.close();
    deleteJourney(db, karen);
    giveKey();
    expect(main(['restore', '--from', backup.file, '--db', db])).toBe(0);
    expect(rowsIn(db)).toEqual(rows);
  });

  it('refuses a rolling backup holding a journey id the app would refuse, and changes nothing', async () => {
    const { db, karen } = await seeded();
    const live = openTestDatabase(db);
    const backup = writeBackup(live, join(dir, 'elsewhere'), 'daily', new Date());
    live.close();
    const image = openTestDatabase(backup.file);
    image.pragma('foreign_keys = OFF');
    for (const table of image
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table'")
      .pluck()
      .all() as string[]) {
      const columns = image.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table);
      const column =
        table === 'journeys' ? 'id' : columns.includes('journey_id') ? 'journey_id' : null;
      if (column) {
        image
          .prepare(`UPDATE ${table} SET ${column} = 'not-a-uuid' WHERE ${column} = ?`)
          .run(karen);
      }
    }
    image.close();
    const before = rowsIn(db);
    giveKey();
    out = [];
    expect(main(['restore', '--from', backup.file, '--db', db])).toBe(2);
    expect(out.at(-1)).toContain('is damaged');
    expect(rowsIn(db)).toEqual(before);
  });

  it('refuses a wrong passphrase, a damaged or empty file, and changes nothing', async () => {
    const { db, karen } = await seeded();
    const file = join(dir, 'backup.fvbackup');
    giveKey();
    givePassphrase(`${PASSPHRASE}\n`);
    expect(main(['backup', '--db', db, '--out', file])).toBe(0);
    deleteJourney(db, karen);
    const before = rowsIn(db);

    givePassphrase('tre grønne pærer på gulvet\n');
    out = [];
    expect(main(['restore', '--from', file, '--db', db])).toBe(2);
    expect(out).toEqual([
      expect.stringMatching(
        /^pathway restore: .*backup\.fvbackup does not open with that passphrase .*\(nothing was changed\)$/,
      ),
    ]);

    const cut = join(dir, 'cut.fvbackup');
    writeFileSync(cut, readFileSync(file).subarray(0, 500));
    expect(main(['restore', '--from', cut, '--db', db])).toBe(2);
    expect(out.at(-1)).toContain('is cut short');

    const flipped = Buffer.from(readFileSync(file));
    flipped[200] = flipped[200]! ^ 0xff;
    const damaged = join(dir, 'damaged.fvbackup');
    writeFileSync(damaged, flipped);
    givePassphrase(`${PASSPHRASE}\n`);
    expect(main(['restore', '--from', damaged, '--db', db])).toBe(2);
    expect(out.at(-1)).toContain('is damaged');

    const empty = join(dir, 'empty.fvbackup');
    writeFileSync(empty, '');
    expect(main(['restore', '--from', empty, '--db', db])).toBe(2);
    expect(out.at(-1)).toContain('is empty (0 bytes)');

    const notes = join(dir, 'notes.txt');
    writeFileSync(notes, 'Karen, 67: noter fra workshoppen\n'.repeat(300));
    expect(main(['restore', '--from', notes, '--db', db])).toBe(2);
    expect(out.at(-1)).toContain('is no backup or database of the app');

    // 3 GB that is no backup (sparse: no disk used) is refused from its first bytes, never read
    // whole (Node cannot read a file over 2 GB into one buffer at all).
    const huge = join(dir, 'huge.bin');
    writeFileSync(huge, 'ikke en sikkerhedskopi');
    truncateSync(huge, 3 * 1024 ** 3);
    expect(main(['restore', '--from', huge, '--db', db])).toBe(2);
    expect(out.at(-1)).toContain('is no backup or database of the app');
    // A sealed backup's header saying more bytes than the file has, the same.
    const grown = join(dir, 'grown.fvbackup');
    writeFileSync(grown, readFileSync(file));
    truncateSync(grown, 3 * 1024 ** 3);
    expect(main(['restore', '--from', grown, '--db', db])).toBe(2);
    expect(out.at(-1)).toContain('is damaged');

    expect(rowsIn(db)).toEqual(before);
    expect(existsSync(backupsFolderFor(db))).toBe(false);
  });

  it('never takes a secret as an argument, and says how to give it', async () => {
    const { db } = await seeded();
    const file = join(dir, 'backup.fvbackup');
    giveKey();
    expect(main(['backup', '--db', db, '--out', file, '--passphrase', PASSPHRASE])).toBe(2);
    expect(out.join('\n')).toMatch(/Unknown option '--passphrase'/);

    // A descriptor with nothing on it: no passphrase, and nothing written.
    givePassphrase('');
    out = [];
    expect(main(['backup', '--db', db, '--out', file])).toBe(2);
    expect(out[0]).toContain(`give it on the file descriptor in ${PASSPHRASE_FD_ENV}`);
    givePassphrase('kort\n');
    expect(main(['backup', '--db', db, '--out', file])).toBe(2);
    expect(out.at(-1)).toContain('at least 10 characters');
    expect(existsSync(file)).toBe(false);
  });

  it('says what is wrong with the command or the database', async () => {
    const { db } = await seeded();
    expect(main(['backup', '--db', db])).toBe(2);
    expect(out.at(-1)).toContain('backup needs --db and --out');
    expect(main(['backup', '--db', db, '--out', db])).toBe(2);
    expect(main(['restore', '--db', db])).toBe(2);
    expect(out.at(-1)).toContain('restore needs --from and --db');

    const plain = join(dir, 'plain.sqlite');
    createPlainDatabase(plain).close();
    const file = join(dir, 'from-plain.fvbackup');
    givePassphrase(`${PASSPHRASE}\n`);
    // An unencrypted database (from before encryption at rest) can be backed up…
    expect(main(['backup', '--db', plain, '--out', file])).toBe(0);
    // …but is not restored into: the app encrypts it first.
    expect(main(['restore', '--from', file, '--db', plain])).toBe(2);
    expect(out.at(-1)).toContain('is not encrypted yet: open it once in the app');
    expect(main(['restore', '--from', file, '--db', join(dir, 'nowhere.sqlite')])).toBe(2);
    expect(out.at(-1)).toContain('there is no database at');

    // Without the key an encrypted database is not opened (a descriptor with nothing on it).
    out = [];
    undo.push(giveCliSecret(''));
    givePassphrase(`${PASSPHRASE}\n`);
    expect(main(['backup', '--db', db, '--out', join(dir, 'nokey.fvbackup')])).toBe(2);
    expect(out.at(-1)).toMatch(/encrypted/);

    out = [];
    expect(main(['--help'])).toBe(0);
    expect(out[0]).toContain('pathway backup --db FILE --out FILE');
    expect(out[0]).toContain('pathway restore --from FILE --db FILE');
    expect(out[0]).toContain(PASSPHRASE_FD_ENV);
    expect(TEST_DB_KEY).toHaveLength(32);
  });
});

describe('pathway restore from a backup whose schema is not the app’s', () => {
  it.each(HOSTILE_SCHEMAS)(
    'refuses one with %s, rolling or sealed, and changes nothing',
    async (_, tamper) => {
      const { db } = await seeded();
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
      giveKey();
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
    const { db } = await seeded();
    const plain = join(dir, 'plain.sqlite');
    const other = createPlainDatabase(plain);
    other
      .prepare(
        "INSERT INTO journeys VALUES ('11111111-1111-4111-8111-111111111111', 'Lagt ind', 0, ?, ?)",
      )
      .run('2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
    other.close();
    const before = rowsIn(db);
    giveKey();
    expect(main(['restore', '--from', plain, '--db', db])).toBe(2);
    expect(out.at(-1)).toContain('is an unencrypted SQLite file, not a backup of the app');
    expect(rowsIn(db)).toEqual(before);
    expect(existsSync(backupsFolderFor(db))).toBe(false);
  });
});

describe('the command line as a script runs it', () => {
  const BUNDLE = 'dist/test-cli-backup/pathway.cjs';
  const BIN = 'dist/test-cli-backup/bin.cjs';
  beforeAll(async () => {
    await build({
      entryPoints: ['electron/cli/pathway.ts'],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node22',
      outfile: BUNDLE,
      external: ['electron', 'better-sqlite3'],
      logLevel: 'warning',
    });
    writeFileSync(BIN, "require('./pathway.cjs').run();\n");
  }, 60_000);
  afterAll(() => rmSync('dist/test-cli-backup', { recursive: true, force: true }));

  it('reads the passphrase from a pipe on stdin and the key from another descriptor', async () => {
    const { db, karen, rows } = await seeded();
    const keyFile = join(dir, 'key.txt');
    writeFileSync(keyFile, `${TEST_DB_KEY.toString('hex')}\n`, { mode: 0o600 });
    const file = join(dir, 'backup.fvbackup');
    const runCli = (args: string[], input: string) => {
      const keyFd = openSync(keyFile, 'r');
      try {
        return spawnSync(process.execPath, [BIN, ...args], {
          input,
          encoding: 'utf8',
          stdio: ['pipe', 'pipe', 'pipe', keyFd],
          env: { ...process.env, PATHWAY_KEY_FD: '3', [PASSPHRASE_FD_ENV]: '0' },
        });
      } finally {
        closeSync(keyFd);
      }
    };
    const backup = runCli(['backup', '--db', db, '--out', file], `${PASSPHRASE}\n`);
    expect(backup.stderr).toBe('');
    expect(backup.status).toBe(0);
    deleteJourney(db, karen);
    const wrong = runCli(['restore', '--from', file, '--db', db], 'not the passphrase\n');
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('does not open with that passphrase');
    const restore = runCli(['restore', '--from', file, '--db', db], `${PASSPHRASE}\n`);
    expect(restore.stderr).toBe('');
    expect(restore.status).toBe(0);
    expect(rowsIn(db)).toEqual(rows);
  }, 60_000);
});
