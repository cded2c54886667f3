import { CHANNELS } from '../../shared/ipc/channels';
import { dispatch, type DispatchOptions, type Handlers } from '../../shared/ipc/dispatch';
import type { Result } from '../../shared/ipc/result';

/** The slice of Electron's ipcMain we use, so tests can register against a fake. */
export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: IpcEventLike, payload: unknown) => Promise<unknown>,
  ): void;
}
export interface IpcEventLike {
  senderFrame: { url: string; parent?: unknown } | null;
}

const FORBIDDEN: Result<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'IPC from an untrusted frame was refused' },
};

/**
 * Registers one handler per contract channel. Every message's sender frame is checked before
 * its payload is even looked at; the payload then goes through `dispatch` (zod validation).
 */
export function registerIpc(
  ipcMain: IpcMainLike,
  handlers: Handlers,
  isTrustedFrame: (frame: NonNullable<IpcEventLike['senderFrame']>) => boolean,
  options: DispatchOptions = {},
): readonly string[] {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, payload) => {
      const frame = event.senderFrame;
      if (!frame || !isTrustedFrame(frame)) return FORBIDDEN;
      return dispatch(handlers, channel, payload, options);
    });
  }
  return CHANNELS;
}
