import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../shared/ipc/channels';
import { registerIpc, type IpcEventLike, type IpcMainLike } from './ipc-registration';
import { isTrustedSenderUrl } from './security';
import { makeTestDb, type TestDb } from '../../tests/unit/helpers';

type Listener = (event: IpcEventLike, payload: unknown) => Promise<unknown>;

class FakeIpcMain implements IpcMainLike {
  readonly listeners = new Map<string, Listener>();
  handle(channel: string, listener: Listener): void {
    if (this.listeners.has(channel)) throw new Error(`twice: ${channel}`);
    this.listeners.set(channel, listener);
  }
}

let t: TestDb;
let ipc: FakeIpcMain;
beforeEach(() => {
  t = makeTestDb();
  ipc = new FakeIpcMain();
  registerIpc(ipc, t.handlers, (frame) => isTrustedSenderUrl(frame.url) && !frame.parent);
});
afterEach(() => t.cleanup());

const trusted: IpcEventLike = { senderFrame: { url: 'app://renderer/index.html', parent: null } };

describe('IPC registration', () => {
  it('registers every contract channel exactly once, and nothing else', () => {
    expect([...ipc.listeners.keys()].sort()).toEqual([...CHANNELS].sort());
  });

  it('serves a trusted frame through dispatch against the real database', async () => {
    const r = await ipc.listeners.get('journeys:create')!(trusted, { alias: 'Anna' });
    expect(r).toMatchObject({ ok: true, data: { alias: 'Anna' } });
    expect(t.db.prepare('SELECT alias FROM journeys').all()).toEqual([{ alias: 'Anna' }]);
  });

  it.each([
    ['a foreign web page', { senderFrame: { url: 'https://evil.example/', parent: null } }],
    ['a subframe of our page', { senderFrame: { url: 'app://renderer/index.html', parent: {} } }],
    ['a destroyed frame', { senderFrame: null }],
    ['a file:// page', { senderFrame: { url: 'file:///tmp/x.html', parent: null } }],
  ])('refuses %s before touching the database', async (_name, event) => {
    const r = await ipc.listeners.get('journeys:create')!(event as IpcEventLike, { alias: 'Anna' });
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(t.db.prepare('SELECT count(*) AS n FROM journeys').get()).toEqual({ n: 0 });
  });

  it('answers bad payloads with a validation error', async () => {
    const r = await ipc.listeners.get('journeys:rename')!(trusted, { id: 'not-a-uuid', alias: '' });
    expect(r).toMatchObject({ ok: false, error: { code: 'validation' } });
  });
});
