import type { BrowserContext, Page } from '@playwright/test';
import { CHANNELS } from '../../shared/ipc/channels';
import { dispatch, type Handlers } from '../../shared/ipc/dispatch';

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
    JSON.stringify(await dispatch(handlers, channel, JSON.parse(json))),
  );
  await target.addInitScript(
    (allowlist: string[]) => {
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
          return bridge(channel, JSON.stringify(payload ?? null)).then(
            (s) => JSON.parse(s) as unknown,
          );
        },
      });
      Object.defineProperty(window, 'api', { value: api, writable: false, configurable: false });
    },
    [...channels],
  );
}
