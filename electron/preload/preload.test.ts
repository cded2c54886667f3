import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../shared/ipc/channels';
import { contract } from '../../shared/ipc/contract';

// Guard: the preload exposes exactly the contract's channels. Electron is replaced by a fake
// that records what the preload hands to the page.
const exposed: Record<string, unknown> = {};
const invoke = vi.fn((channel: string, payload: unknown) => Promise.resolve({ channel, payload }));
vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, value: unknown) => {
      exposed[key] = value;
    },
  },
  ipcRenderer: { invoke },
}));

interface ExposedApi {
  channels: readonly string[];
  invoke: (channel: string, payload: unknown) => Promise<unknown>;
}

let api: ExposedApi;
beforeAll(async () => {
  await import('./index');
  api = exposed.api as ExposedApi;
});

describe('preload', () => {
  it('exposes only `api`, with exactly the contract channels', () => {
    expect(Object.keys(exposed)).toEqual(['api']);
    expect([...api.channels].sort()).toEqual(Object.keys(contract).sort());
    expect([...api.channels]).toEqual([...CHANNELS]);
    expect(Object.keys(api).sort()).toEqual(['channels', 'invoke']);
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('forwards a contract channel to the main process', async () => {
    await expect(api.invoke('journeys:list', {})).resolves.toEqual({
      channel: 'journeys:list',
      payload: {},
    });
  });

  it('refuses any other channel without sending it', async () => {
    invoke.mockClear();
    await expect(api.invoke('shell:openExternal', 'file:///')).resolves.toMatchObject({
      ok: false,
      error: { code: 'unknown_channel' },
    });
    expect(invoke).not.toHaveBeenCalled();
  });
});
