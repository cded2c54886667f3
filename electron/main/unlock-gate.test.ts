import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../shared/ipc/channels';
import { dispatch, type Handlers } from '../../shared/ipc/dispatch';
import { FileKeyProvider, keyFileFor, WrongPassphraseError } from '../db/keys';
import { openDatabase } from '../db/open';
import { createHandlers } from '../handlers';
import { failureDelayMs, UnlockGate } from './unlock-gate';

const dirs: string[] = [];
const closers: (() => void)[] = [];
afterEach(() => {
  for (const close of closers.splice(0)) close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** The shell's passphrase start, with the real key file and database, and a recorded sleep. */
function passphraseStart(dir: string) {
  const dbFile = join(dir, 'db.sqlite');
  const keys = new FileKeyProvider({
    keyFile: keyFileFor(dbFile),
    dbFile,
    store: null,
    scrypt: { N: 2 ** 10, r: 8, p: 1 },
  });
  const slept: number[] = [];
  const need = keys.need();
  const gate = new UnlockGate({
    firstStart: need === 'new_passphrase',
    open: async (passphrase) => {
      const key = await keys.key(passphrase);
      const db = openDatabase(dbFile, { key });
      closers.push(() => db.close());
      return createHandlers({ db, clock: () => new Date(), newId: () => crypto.randomUUID() });
    },
    sleep: (ms) => {
      slept.push(ms);
      return Promise.resolve();
    },
  });
  return { gate, slept, dbFile };
}

const send = (handlers: Handlers, channel: string, payload: unknown) =>
  dispatch(handlers, channel, payload);

describe('the passphrase start', () => {
  it('answers only the start-up channels until unlocked, then every channel', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pathway-gate-'));
    dirs.push(dir);
    const { gate } = passphraseStart(dir);
    const h = gate.handlers;
    expect(Object.keys(h).sort()).toEqual([...CHANNELS].sort());
    expect(await send(h, 'startup:status', {})).toEqual({
      ok: true,
      data: { state: 'locked', firstStart: true },
    });
    for (const channel of CHANNELS.filter((c) => !c.startsWith('startup:'))) {
      // Refused before the payload matters: with a valid one and with nonsense.
      const r = await send(h, channel, {});
      expect(r.ok, channel).toBe(false);
      if (!r.ok && r.error.code !== 'validation') expect(r.error.code, channel).toBe('forbidden');
    }
    expect(await send(h, 'journeys:list', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    // A first passphrase that is too short is refused (the window says so before sending).
    expect(await send(h, 'startup:unlock', { passphrase: 'kort' })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    expect(gate.unlocked).toBe(false);
    expect(await send(h, 'startup:unlock', { passphrase: 'grøn kaffe på en mandag' })).toEqual({
      ok: true,
      data: { state: 'ready' },
    });
    expect(gate.unlocked).toBe(true);
    expect(await send(h, 'startup:status', {})).toEqual({ ok: true, data: { state: 'ready' } });
    expect(await send(h, 'journeys:create', { alias: 'Efter oplåsning' })).toMatchObject({
      ok: true,
    });
  });

  it('says a wrong passphrase plainly, waits longer after each, and never locks out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pathway-gate-'));
    dirs.push(dir);
    const first = passphraseStart(dir);
    await send(first.gate.handlers, 'startup:unlock', { passphrase: 'grøn kaffe på en mandag' });
    await send(first.gate.handlers, 'journeys:create', { alias: 'Gemt' });
    for (const close of closers.splice(0)) close();

    const { gate, slept } = passphraseStart(dir);
    const h = gate.handlers;
    expect(await send(h, 'startup:status', {})).toEqual({
      ok: true,
      data: { state: 'locked', firstStart: false },
    });
    for (let i = 0; i < 7; i++) {
      expect(await send(h, 'startup:unlock', { passphrase: `forkert ${i}` })).toEqual({
        ok: true,
        data: { state: 'wrong_passphrase' },
      });
    }
    expect(slept).toEqual([1000, 2000, 3000, 4000, 5000, 5000, 5000]);
    expect(await send(h, 'startup:unlock', { passphrase: 'grøn kaffe på en mandag' })).toEqual({
      ok: true,
      data: { state: 'ready' },
    });
    const list = await send(h, 'journeys:list', {});
    expect(list.ok && (list.data as { alias: string }[]).map((j) => j.alias)).toEqual(['Gemt']);
  });

  it('takes tries one at a time, so parallel guesses wait their turn', async () => {
    let running = 0;
    let most = 0;
    const gate = new UnlockGate({
      firstStart: false,
      open: async () => {
        running++;
        most = Math.max(most, running);
        await new Promise((r) => setTimeout(r, 5));
        running--;
        throw new WrongPassphraseError();
      },
      sleep: () => Promise.resolve(),
    });
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        send(gate.handlers, 'startup:unlock', { passphrase: `gæt ${i}` }),
      ),
    );
    expect(
      results.every((r) => r.ok && (r.data as { state: string }).state === 'wrong_passphrase'),
    ).toBe(true);
    expect(most).toBe(1);
  });

  it('passes on a failure that is not the passphrase (the shell shows the error box)', async () => {
    const gate = new UnlockGate({
      firstStart: false,
      open: () => Promise.reject(new Error('disk on fire')),
      sleep: () => Promise.resolve(),
    });
    expect(
      await send(gate.handlers, 'startup:unlock', { passphrase: 'hvad som helst' }),
    ).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(gate.unlocked).toBe(false);
  });

  it('waits 1 s after the first wrong passphrase, up to 5 s', () => {
    expect([1, 2, 5, 6, 100].map(failureDelayMs)).toEqual([1000, 2000, 5000, 5000, 5000]);
  });
});
