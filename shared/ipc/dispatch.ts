import type { z } from 'zod';
import { isChannel, type Channel } from './channels';
import { contract, type OutputOf, type ParsedInputOf } from './contract';
import { HandlerError, type ApiError, type IssueInfo, type Result } from './result';

export type Handler<C extends Channel> = (
  input: ParsedInputOf<C>,
) => OutputOf<C> | Promise<OutputOf<C>>;
export type Handlers = { [C in Channel]: Handler<C> };

export interface DispatchOptions {
  /** Called with unexpected errors (never shown to the user, never containing payloads). */
  onInternalError?: (channel: string, error: unknown) => void;
}

function issuesOf(error: z.ZodError): IssueInfo[] {
  return error.issues.map((i) => ({
    path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
    code: i.code,
    message: i.message,
  }));
}

function fail(error: ApiError): Result<never> {
  return { ok: false, error };
}

/**
 * The single entry point for every IPC call: validates the payload against the contract, runs the
 * handler, validates what it returns, and always resolves to a result envelope — never throws,
 * whatever the payload.
 */
export async function dispatch(
  handlers: Handlers,
  channel: unknown,
  payload: unknown,
  options: DispatchOptions = {},
): Promise<Result<unknown>> {
  if (!isChannel(channel)) {
    return fail({ code: 'unknown_channel', message: 'Unknown channel' });
  }
  const spec = contract[channel];
  const parsed = spec.input.safeParse(payload);
  if (!parsed.success) {
    return fail({
      code: 'validation',
      message: `Invalid input for ${channel}`,
      issues: issuesOf(parsed.error),
    });
  }
  let output: unknown;
  try {
    const handler = handlers[channel] as (input: unknown) => unknown;
    output = await handler(parsed.data);
  } catch (error) {
    if (error instanceof HandlerError) {
      return fail({ code: error.code, message: error.message });
    }
    options.onInternalError?.(channel, error);
    return fail({ code: 'internal', message: `The operation ${channel} failed` });
  }
  const checked = spec.output.safeParse(output);
  if (!checked.success) {
    options.onInternalError?.(channel, checked.error);
    return fail({ code: 'internal', message: `Invalid output from ${channel}` });
  }
  return { ok: true, data: checked.data };
}
