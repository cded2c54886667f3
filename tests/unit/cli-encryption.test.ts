import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { createHash, createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../electron/cli/pathway';
import { SECRET_FD_ENV } from '../../electron/cli/secret-input';
import type { DatabaseKey } from '../../electron/db/cipher';
import { FileKeyProvider, keyFileFor, type OsKeyStore } from '../../electron/db/keys';
import { openDatabase } from '../../electron/db/open';
import { createHandlers } from '../../electron/handlers';
import { createPlainDatabase, giveCliSecret } from '../support/test-key';

/**
 * `pathway export` on an encrypted database: it asks for the passphrase (a key wrapped by one) or
 * for the key itself (a key the app's system secret store keeps), on the terminal or on
 * PATHWAY_KEY_FD — never as an argument — and refuses plainly otherwise, reading nothing.
 */
const PASSPHRASE = 'grøn kaffe på en mandag';
const CHEAP = { N: 2 ** 10, r: 8, p: 1 };

let dir: string;
let out: string[];
const undo: (() => void)[] = [];
const savedFd = process.env[SECRET_FD_ENV];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pathway-cli-key-'));
  out = [];
  delete process.env[SECRET_FD_ENV];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
});
afterEach(() => {
  for (const u of undo.splice(0)) u();
  if (savedFd === undefined) delete process.env[SECRET_FD_ENV];
  else process.env[SECRET_FD_ENV] = savedFd;
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});
const give = (secret: string) => undo.push(giveCliSecret(secret));

function fakeStore(): OsKeyStore {
  const secret = randomBytes(32);
  return {
    available: true,
    seal(text) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', secret, iv);
      const body = Buffer.concat([c.update(text, 'utf8'), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]);
    },
    open(sealed) {
      const d = createDecipheriv('aes-256-gcm', secret, sealed.subarray(0, 12));
      d.setAuthTag(sealed.subarray(12, 28));
      return Buffer.concat([d.update(sealed.subarray(28)), d.final()]).toString('utf8');
    },
  };
}

/** The app's database with one consented journey, its key kept as `wrap` says. */
async function appDatabase(wrap: 'passphrase' | 'os' | 'none'): Promise<{
  file: string;
  key: DatabaseKey;
}> {
  const file = join(dir, 'app.sqlite');
  const keys = new FileKeyProvider({
    keyFile: keyFileFor(file),
    dbFile: file,
    store: wrap === 'os' ? fakeStore() : null,
    scrypt: CHEAP,
  });
  const key = wrap === 'none' ? randomBytes(32) : await keys.key(PASSPHRASE);
  const db = openDatabase(file, { key });
  const h = createHandlers({
    db,
    clock: () => new Date('2026-11-24'),
    newId: () => crypto.randomUUID(),
  });
  const j = await h['journeys:create']({ alias: 'Karen' });
  await h['touchpoints:create']({ journeyId: j.id, x: 0, y: 0, label: 'Lægen' });
  await h['profile:update']({ journeyId: j.id, patch: { consentExport: true } });
  db.close();
  return { file, key };
}

const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const exportTo = (file: string, dest: string) =>
  main(['export', '--db', file, '--all', '--out', dest]);

describe('pathway export of an encrypted database', () => {
  it('with a passphrase-wrapped key: asks for the passphrase, exports, and never writes to it', async () => {
    const { file } = await appDatabase('passphrase');
    const before = digest(file);
    give(PASSPHRASE);
    expect(exportTo(file, join(dir, 'out'))).toBe(0);
    expect(readdirSync(join(dir, 'out'))).toHaveLength(1);
    expect(digest(file)).toBe(before);
  });

  it('refuses a wrong passphrase, reading nothing', async () => {
    const { file } = await appDatabase('passphrase');
    give('grøn kaffe på en tirsdag');
    expect(exportTo(file, join(dir, 'out'))).toBe(2);
    expect(out.join('\n')).toContain('the passphrase does not open the database key');
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('with the key in the app’s secret store: asks for the key itself (64 hex characters)', async () => {
    const { file, key } = await appDatabase('os');
    give(key.toString('hex'));
    expect(exportTo(file, join(dir, 'out'))).toBe(0);
    for (const u of undo.splice(0)) u();
    give('not a key');
    expect(exportTo(file, join(dir, 'out2'))).toBe(2);
    expect(out.join('\n')).toContain('a database key is 64 hexadecimal characters');
    for (const u of undo.splice(0)) u();
    give(randomBytes(32).toString('hex'));
    expect(exportTo(file, join(dir, 'out3'))).toBe(2);
    expect(out.join('\n')).toContain('the key does not open');
    expect(existsSync(join(dir, 'out2')) || existsSync(join(dir, 'out3'))).toBe(false);
  });

  it.each(['passphrase', 'os', 'none'] as const)(
    'refuses clearly when no secret can be had (no terminal, no PATHWAY_KEY_FD): key %s',
    async (wrap) => {
      const { file } = await appDatabase(wrap);
      const before = digest(file);
      expect(exportTo(file, join(dir, 'out'))).toBe(2);
      const said = out.join('\n');
      expect(said).toContain('is encrypted');
      expect(said).toContain('PATHWAY_KEY_FD');
      expect(said).toContain('never taken as an argument');
      if (wrap === 'os') expect(said).toContain('only the app can open');
      if (wrap === 'none') expect(said).toContain('is not there');
      expect(existsSync(join(dir, 'out'))).toBe(false);
      expect(digest(file)).toBe(before);
    },
  );

  it('says what is wrong with PATHWAY_KEY_FD when it is set and gives nothing', async () => {
    const { file } = await appDatabase('os');
    for (const [value, said] of [
      ['tre', 'PATHWAY_KEY_FD="tre" is no file descriptor (a number, such as 3)'],
      ['987654', 'PATHWAY_KEY_FD=987654 is no open file descriptor'],
    ] as const) {
      process.env[SECRET_FD_ENV] = value;
      out = [];
      expect(exportTo(file, join(dir, 'out'))).toBe(2);
      expect(out.join('\n')).toContain(said);
    }
    delete process.env[SECRET_FD_ENV];
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('takes no key or passphrase as an argument', async () => {
    const { file, key } = await appDatabase('os');
    expect(
      main([
        'export',
        '--db',
        file,
        '--all',
        '--out',
        join(dir, 'o'),
        '--key',
        key.toString('hex'),
      ]),
    ).toBe(2);
    expect(out.join('\n')).toMatch(/Unknown option '--key'/);
  });

  it('reads an unencrypted database from before as it is, without a key', async () => {
    const file = join(dir, 'plain.sqlite');
    const db = createPlainDatabase(file);
    const h = createHandlers({
      db,
      clock: () => new Date('2026-11-24'),
      newId: () => crypto.randomUUID(),
    });
    const j = await h['journeys:create']({ alias: 'Karen' });
    await h['profile:update']({ journeyId: j.id, patch: { consentExport: true } });
    db.close();
    expect(exportTo(file, join(dir, 'out'))).toBe(0);
  });
});

describe('the built command line, in its own process', () => {
  const BUNDLE = 'dist/test-cli-key/pathway.cjs';
  /** As bin/pathway.cjs, for the bundle built here. */
  const BIN = 'dist/test-cli-key/bin.cjs';
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
  afterAll(() => rmSync('dist/test-cli-key', { recursive: true, force: true }));

  it('takes the passphrase from a pipe on stdin (PATHWAY_KEY_FD=0), and refuses without it', async () => {
    const { file } = await appDatabase('passphrase');
    mkdirSync(join(dir, 'x'));
    const cli = (input: string | undefined, dest: string) =>
      spawnSync(process.execPath, [BIN, 'export', '--db', file, '--all', '--out', dest], {
        encoding: 'utf8',
        input,
        env: { ...process.env, [SECRET_FD_ENV]: input === undefined ? '' : '0' },
        stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      });
    const ok = cli(`${PASSPHRASE}\n`, join(dir, 'out'));
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    const refused = cli(undefined, join(dir, 'out2'));
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('unlocked with a passphrase');
    expect(existsSync(join(dir, 'out2'))).toBe(false);
  }, 30_000);
});
