import type { BrowserContext, Page } from '@playwright/test';
import { CHANNELS } from '../../shared/ipc/channels';
import { dispatch, type Handlers } from '../../shared/ipc/dispatch';

/** The one key of an object that stands for bytes on the bridge (see `bytesAsBase64`). */
const BYTES_KEY = '__pathwayBytes';

/**
 * The browser twin of the Electron preload: before any page script runs, `window.api` gets the
 * same shape and allowlist as the preload, and its calls go through `exposeFunction` to the real
 * handlers in this process. JSON strings cross the bridge (much faster than Playwright's object
 * serialiser). Used by the end-to-end harness and by the canvas benchmark.
 */
export async function installApiBridge(
  target: Page | BrowserContext,
  handlers: Handlers,
  channels: readonly string[] = CHANNELS,
): Promise<void> {
  await target.exposeFunction('__pathwayInvoke', async (channel: string, json: string) =>
    JSON.stringify(await dispatch(handlers, channel, JSON.parse(json, bytesBack))),
  );
  await target.addInitScript(
    ({ allowlist, bytesKey }: { allowlist: string[]; bytesKey: string }) => {
      const allowed = new Set(allowlist);
      const bridge = (
        window as unknown as { __pathwayInvoke: (c: string, p: string) => Promise<string> }
      ).__pathwayInvoke;
      const api = Object.freeze({
        channels: Object.freeze([...allowlist]),
        invoke(channel: string, payload: unknown): Promise<unknown> {
          if (!allowed.has(channel)) {
            return Promise.resolve({
              ok: false,
              error: { code: 'unknown_channel', message: 'Unknown channel' },
            });
          }
          // Bytes (a model file as the window reads it) cross as base64, as Electron's IPC
          // carries them as bytes: JSON alone would make an object of numbered keys.
          const bytesAsBase64 = (_key: string, value: unknown) => {
            if (!(value instanceof Uint8Array)) return value;
            let binary = '';
            for (let i = 0; i < value.length; i += 0x8000) {
              binary += String.fromCharCode(...value.subarray(i, i + 0x8000));
            }
            return { [bytesKey]: btoa(binary) };
          };
          return bridge(channel, JSON.stringify(payload ?? null, bytesAsBase64)).then(
            (s) => JSON.parse(s) as unknown,
          );
        },
      });
      Object.defineProperty(window, 'api', { value: api, writable: false, configurable: false });
    },
    { allowlist: [...channels], bytesKey: BYTES_KEY },
  );
}

/** Reads back the bytes the page sent as base64 (`bytesAsBase64`). */
function bytesBack(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  const base64 = (value as Record<string, unknown>)[BYTES_KEY];
  if (keys.length !== 1 || typeof base64 !== 'string') return value;
  return new Uint8Array(Buffer.from(base64, 'base64'));
}
