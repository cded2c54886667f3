import type { Database } from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch, type Handlers } from '../../shared/ipc/dispatch';
import { everyRow } from '../../tests/support/backup-fixtures';
import { TEST_DB_KEY, createPlainDatabase, openRaw, testKey } from '../../tests/support/test-key';
import { createHandlers } from '../handlers';
import { lookOfFile } from './cipher';
import { upgradeFiles } from './encrypt-upgrade';
import { DatabaseHealthError } from './health';
import { LATEST_VERSION } from './migrations';
import { openDatabase } from './open';

const dirs: string[] = [];
const open: Database[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pathway-crypt-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Distinctive texts of a citizen, as a facilitator types them. */
const SECRETS = {
  alias: 'Solsikke-Ærtebølle',
  realName: 'Karen Kvistgaard-Østergaard',
  quote: 'Jeg lå syv timer på en båre i gangen, og ingen sagde noget',
  pain: 'Sagsbehandleren på Jobcentret skiftede for fjerde gang',
};

function handlersOn(db: Database): Handlers {
  return createHandlers({ db, clock: () => new Date(), newId: () => crypto.randomUUID() });
}

async function call(handlers: Handlers, channel: string, payload: unknown): Promise<unknown> {
  const r = await dispatch(handlers, channel, payload);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.data;
}

/** A journey holding every secret: alias, the real name in the profile, a quote, a pain point. */
async function writeJourney(handlers: Handlers): Promise<string> {
  const journey = (await call(handlers, 'journeys:create', { alias: SECRETS.alias })) as {
    id: string;
  };
  await call(handlers, 'profile:update', {
    journeyId: journey.id,
    patch: { realName: SECRETS.realName },
  });
  const tp = (await call(handlers, 'touchpoints:create', {
    journeyId: journey.id,
    x: 0,
    y: 0,
    label: 'Akutmodtagelsen',
  })) as { id: string };
  await call(handlers, 'touchpoints:update', { id: tp.id, patch: { quote: SECRETS.quote } });
  await call(handlers, 'painPoints:create', {
    touchpointId: tp.id,
    category: 'waiting',
    text: SECRETS.pain,
  });
  return journey.id;
}

/** Which secrets appear, as UTF-8 or UTF-16, in which file of the folder. */
function secretsIn(dir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const bytes = readFileSync(join(dir, name));
    for (const [what, text] of Object.entries(SECRETS)) {
      if (bytes.includes(Buffer.from(text, 'utf8')) || bytes.includes(Buffer.from(text, 'utf16le')))
        found.push(`${what} in ${name}`);
    }
  }
  return found.sort();
}

const sizeOf = (file: string) => (existsSync(file) ? statSync(file).size : 0);

describe('encryption at rest', () => {
  it('keeps a journey’s texts out of the database file and its WAL, open and closed', async () => {
    const dir = tempDir();
    const file = join(dir, 'db.sqlite');
    const db = openDatabase(file, testKey());
    open.push(db);
    // No checkpoint until closed: the edits are in the WAL only, as between autosaves.
    db.pragma('wal_autocheckpoint = 0');
    await writeJourney(handlersOn(db));
    expect(sizeOf(`${file}-wal`), 'the edits are in the WAL').toBeGreaterThan(0);
    expect(secretsIn(dir), 'while open').toEqual([]);
    db.close();
    expect(readdirSync(dir)).toEqual(['db.sqlite']);
    expect(secretsIn(dir), 'closed').toEqual([]);
    expect(lookOfFile(file)).toBe('encrypted');
    // And the texts are there, for whoever has the key.
    const reader = openRaw(file, { readonly: true });
    expect(reader.prepare('SELECT real_name FROM profiles').pluck().get()).toBe(SECRETS.realName);
    reader.close();
  });

  it('(the same check finds every text in an unencrypted database, so it can fail)', async () => {
    const dir = tempDir();
    const file = join(dir, 'db.sqlite');
    const db = createPlainDatabase(file);
    open.push(db);
    db.pragma('wal_autocheckpoint = 0');
    await writeJourney(handlersOn(db));
    expect(secretsIn(dir), 'while open: in the WAL').toEqual(
      Object.keys(SECRETS)
        .map((k) => `${k} in db.sqlite-wal`)
        .sort(),
    );
    db.close();
    expect(secretsIn(dir), 'closed: in the file').toEqual(
      Object.keys(SECRETS)
        .map((k) => `${k} in db.sqlite`)
        .sort(),
    );
  });

  it('keeps temporary tables and sorts in memory, not in clear files', () => {
    const db = openDatabase(join(tempDir(), 'db.sqlite'), testKey());
    open.push(db);
    expect(db.pragma('temp_store', { simple: true })).toBe(2); // MEMORY
  });

  it('refuses another key as wrong_key and writes nothing, with or without a pending WAL', async () => {
    const source = join(tempDir(), 'db.sqlite');
    const db = openDatabase(source, testKey());
    db.pragma('wal_autocheckpoint = 0');
    await writeJourney(handlersOn(db));
    for (const withWal of [true, false]) {
      // Without a WAL: every edit checkpointed into the file first.
      if (!withWal) db.pragma('wal_checkpoint(TRUNCATE)');
      const dir = tempDir();
      for (const suffix of withWal ? ['', '-wal', '-shm'] : ['']) {
        copyFileSync(`${source}${suffix}`, join(dir, `db.sqlite${suffix}`));
      }
      const file = join(dir, 'db.sqlite');
      const before = Object.fromEntries(
        readdirSync(dir)
          .filter((f) => !f.endsWith('-shm'))
          .map((f) => [
            f,
            createHash('sha256')
              .update(readFileSync(join(dir, f)))
              .digest('hex'),
          ]),
      );
      let error: unknown;
      try {
        openDatabase(file, { key: randomBytes(32) }).close();
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DatabaseHealthError);
      expect((error as DatabaseHealthError).problem).toBe('wrong_key');
      const after = Object.fromEntries(
        readdirSync(dir)
          .filter((f) => !f.endsWith('-shm'))
          .map((f) => [
            f,
            createHash('sha256')
              .update(readFileSync(join(dir, f)))
              .digest('hex'),
          ]),
      );
      expect(after, withWal ? 'with a WAL' : 'without a WAL').toEqual(before);
      // The right key still opens it, every edit there.
      const again = openDatabase(file, testKey());
      expect(again.prepare('SELECT alias FROM journeys').pluck().get()).toBe(SECRETS.alias);
      again.close();
    }
    db.close();
  });

  it('refuses to open without a 32-byte key', () => {
    const file = join(tempDir(), 'db.sqlite');
    expect(() => openDatabase(file, { key: Buffer.alloc(16) })).toThrow(/32-byte/);
    expect(() => openDatabase(file, {} as never)).toThrow(/32-byte/);
    expect(existsSync(file)).toBe(false);
  });
});

describe('upgrading an unencrypted database', () => {
  /** A plain database with a journey in it, its last edits only in the WAL, as a crash leaves it. */
  async function plainWithPendingWal(dir: string, version = LATEST_VERSION) {
    const source = join(tempDir(), 'plain.sqlite');
    const db = createPlainDatabase(source, version);
    if (version === LATEST_VERSION) {
      await writeJourney(handlersOn(db));
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.pragma('wal_autocheckpoint = 0');
      // The last edits only in the WAL.
      await call(handlersOn(db), 'journeys:create', { alias: 'Kun i WAL' });
    } else {
      db.prepare("INSERT INTO journeys VALUES ('j1', ?, 0, 'x', 'x')").run(SECRETS.alias);
    }
    for (const suffix of ['', '-wal', '-shm']) {
      if (existsSync(`${source}${suffix}`)) {
        copyFileSync(`${source}${suffix}`, join(dir, `db.sqlite${suffix}`));
      }
    }
    const rows = everyRow(db);
    db.close();
    return { file: join(dir, 'db.sqlite'), rows };
  }

  it('encrypts it in place once, every row kept, and leaves no plain copy behind', async () => {
    const dir = tempDir();
    const { file, rows } = await plainWithPendingWal(dir);
    expect(lookOfFile(file)).toBe('plain');
    expect(sizeOf(`${file}-wal`)).toBeGreaterThan(0);
    expect(secretsIn(dir).length).toBeGreaterThan(0);

    const steps: string[] = [];
    const db = openDatabase(file, { ...testKey(), onUpgradeStep: (s) => steps.push(s) });
    expect(steps).toEqual([
      'wal-kept',
      'checkpointed',
      'backed-up',
      'copied',
      'verified',
      'replaced',
      'erasing',
      'erased',
    ]);
    expect(everyRow(db)).toEqual(rows);
    expect(
      db.prepare("SELECT count(*) FROM journeys WHERE alias = 'Kun i WAL'").pluck().get(),
    ).toBe(1);
    db.close();
    expect(lookOfFile(file)).toBe('encrypted');
    expect(readdirSync(dir)).toEqual(['db.sqlite']);
    expect(secretsIn(dir)).toEqual([]);
    for (const leftover of Object.values(upgradeFiles(file)))
      expect(existsSync(leftover)).toBe(false);

    // Once: the next open finds it encrypted and upgrades nothing.
    const again: string[] = [];
    openDatabase(file, { ...testKey(), onUpgradeStep: (s) => again.push(s) }).close();
    expect(again).toEqual([]);
  });

  it.each(['backed-up', 'copied', 'verified'] as const)(
    'on a failure after "%s", leaves the plain database as it was and nothing beside it',
    async (step) => {
      const dir = tempDir();
      const { file, rows } = await plainWithPendingWal(dir);
      expect(() =>
        openDatabase(file, {
          ...testKey(),
          onUpgradeStep: (s) => {
            if (s === step) throw new Error('disk full');
          },
        }),
      ).toThrow('disk full');
      expect(lookOfFile(file)).toBe('plain');
      // Its WAL merged into it; the copy and the second names gone, the plain text untouched.
      expect(readdirSync(dir)).toEqual(['db.sqlite']);
      const { default: BetterSqlite3 } = await import('better-sqlite3');
      const plain = new BetterSqlite3(file, { readonly: true });
      expect(everyRow(plain)).toEqual(rows);
      plain.close();
      // The next start does it.
      openDatabase(file, testKey()).close();
      expect(lookOfFile(file)).toBe('encrypted');
      expect(readdirSync(dir)).toEqual(['db.sqlite']);
    },
  );

  it('encrypts a database of an older version, then migrates it', async () => {
    const dir = tempDir();
    const { file } = await plainWithPendingWal(dir, 5);
    const db = openDatabase(file, testKey());
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.prepare('SELECT alias FROM journeys').pluck().get()).toBe(SECRETS.alias);
    db.close();
    expect(lookOfFile(file)).toBe('encrypted');
    expect(secretsIn(dir)).toEqual([]);
  });

  it('refuses a damaged unencrypted database as it is: nothing encrypted, nothing written', async () => {
    const dir = tempDir();
    const file = join(dir, 'db.sqlite');
    const db = createPlainDatabase(file);
    const handlers = handlersOn(db);
    for (let i = 0; i < 30; i++) {
      const j = (await call(handlers, 'journeys:create', { alias: `Borger ${i}` })) as {
        id: string;
      };
      for (let k = 0; k < 10; k++) {
        await call(handlers, 'touchpoints:create', {
          journeyId: j.id,
          x: k,
          y: i,
          label: 'x'.repeat(150),
        });
      }
    }
    db.close();
    const bytes = readFileSync(file);
    for (let at = bytes.length - 6 * 4096; at < bytes.length - 4096; at += 2 * 4096) {
      bytes.fill(0xa5, at + 8, at + 4096 - 8);
    }
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, bytes);
    let error: unknown;
    try {
      openDatabase(file, testKey()).close();
    } catch (e) {
      error = e;
    }
    expect((error as DatabaseHealthError).problem).toBe('corrupt');
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(readdirSync(dir)).toEqual(['db.sqlite']);
  });

  it('uses the key it is given for the encrypted copy (the test key opens it, another does not)', async () => {
    const dir = tempDir();
    const { file } = await plainWithPendingWal(dir);
    openDatabase(file, testKey()).close();
    const reader = openRaw(file, { readonly: true }, TEST_DB_KEY);
    expect(reader.prepare('SELECT count(*) FROM journeys').pluck().get()).toBe(2);
    reader.close();
    const wrong = openRaw(file, { readonly: true }, randomBytes(32));
    expect(() => wrong.prepare('SELECT count(*) FROM journeys').get()).toThrow(/not a database/);
    wrong.close();
  });
});
