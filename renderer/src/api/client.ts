/**
 * The one module that touches `window.api` (the preload's bridge, or the test harness's twin).
 * The rest of the UI calls these typed functions and gets data or an ApiCallError.
 */
import type { Channel } from '../../../shared/ipc/channels';
import type { InputOf, OutputOf } from '../../../shared/ipc/contract';
import type { ApiError, ErrorCode, Result } from '../../../shared/ipc/result';

interface BridgeApi {
  channels: readonly string[];
  invoke: (channel: string, payload: unknown) => Promise<unknown>;
}

declare global {
  interface Window {
    api?: BridgeApi;
  }
}

export class ApiCallError extends Error {
  constructor(
    readonly code: ErrorCode | 'bridge',
    message: string,
    readonly issues: ApiError['issues'] = [],
  ) {
    super(message);
    this.name = 'ApiCallError';
  }
}

export async function call<C extends Channel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  const bridge = window.api;
  if (!bridge) throw new ApiCallError('bridge', 'window.api is missing');
  let result: Result<OutputOf<C>>;
  try {
    result = (await bridge.invoke(channel, input)) as Result<OutputOf<C>>;
  } catch (error) {
    throw new ApiCallError('bridge', error instanceof Error ? error.message : String(error));
  }
  if (!result || typeof result !== 'object' || !('ok' in result)) {
    throw new ApiCallError('bridge', `Malformed reply on ${channel}`);
  }
  if (!result.ok)
    throw new ApiCallError(result.error.code, result.error.message, result.error.issues);
  return result.data;
}

/** The translation key for an error, for showing it to the user. */
export function errorKey(error: unknown): string {
  if (error instanceof ApiCallError) return `errors.${error.code}`;
  return 'errors.internal';
}
