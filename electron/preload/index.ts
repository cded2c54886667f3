/**
 * The only bridge between the page and the main process. It exposes one function that forwards
 * a contract channel and its payload; any other channel is refused here and again in main.
 * Sandboxed preloads cannot require our modules at runtime, so this file is bundled.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS, isChannel } from '../../shared/ipc/channels';

const api = Object.freeze({
  channels: Object.freeze([...CHANNELS]),
  invoke(channel: string, payload: unknown): Promise<unknown> {
    if (!isChannel(channel)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'unknown_channel', message: 'Unknown channel' },
      });
    }
    return ipcRenderer.invoke(channel, payload);
  },
});

export type PreloadApi = typeof api;

contextBridge.exposeInMainWorld('api', api);
