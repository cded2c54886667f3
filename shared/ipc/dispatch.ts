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

/** Deeper than any input in the contract; below it a payload is left as it came (zod refuses). */
const UNDEFINED_KEYS_DEPTH = 32;

/**
 * The payload with every object key whose value is `undefined` left out, at any depth.
 *
 * Electron's IPC (the structured clone) keeps such keys where JSON drops them, and zod's
 * `.optional()` accepts them, so `{ patch: { birthYear: undefined } }` used to reach a handler
 * that spreads the patch over the row: it cleared the birth year and withdrew consent, un-hid a
 * hidden service, and elsewhere ended in `internal`. Decided: an `undefined` value means the key
 * is absent — as in the TypeScript types the window is written against (`key?: T`), and as over
 * JSON, which the browser test harness sends — so a patch of nothing but `undefined` is an empty
 * patch, a validation error. Only plain objects and arrays are rebuilt (arrays keep their
 * length: an `undefined` element stays and the schema refuses it), each once (shared or cyclic
 * references are left as they are), never deeper than UNDEFINED_KEYS_DEPTH; nothing is copied
 * when nothing needs leaving out. `Object.fromEntries` defines keys, so a `__proto__` key stays
 * a key for the strict schema to refuse and never becomes a prototype.
 */
export function withoutUndefinedKeys(payload: unknown): unknown {
  const seen = new Set<object>();
  const clean = (value: unknown, depth: number): unknown => {
    if (value === null || typeof value !== 'object' || depth > UNDEFINED_KEYS_DEPTH) return value;
    if (seen.has(value)) return value;
    seen.add(value);
    if (Array.isArray(value)) {
      let out: unknown[] | undefined;
      for (let i = 0; i < value.length; i++) {
        const v: unknown = value[i];
        const c = clean(v, depth + 1);
        if (c !== v) (out ??= value.slice())[i] = c;
      }
      return out ?? value;
    }
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) return value;
    let changed = false;
    const entries: [string, unknown][] = [];
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined) {
        changed = true;
        continue;
      }
      const c = clean(v, depth + 1);
      if (c !== v) changed = true;
      entries.push([k, c]);
    }
    return changed ? Object.fromEntries(entries) : value;
  };
  return clean(payload, 0);
}

/**
 * A call's payload as its handler gets it: `undefined` keys left out, then parsed by the
 * contract's input schema. Shared by `dispatch` and the reads that check a backup before it is
 * restored (restore-check.ts), which cannot wait for a promise.
 */
export function checkedInput<C extends Channel>(channel: C, payload: unknown) {
  return contract[channel].input.safeParse(withoutUndefinedKeys(payload));
}

/** What a handler returned, parsed by the contract's output schema, as the window gets it. */
export function checkedOutput<C extends Channel>(channel: C, output: unknown) {
  return contract[channel].output.safeParse(output);
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
  const parsed = checkedInput(channel, payload);
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
  const checked = checkedOutput(channel, output);
  if (!checked.success) {
    options.onInternalError?.(channel, checked.error);
    return fail({ code: 'internal', message: `Invalid output from ${channel}` });
  }
  return { ok: true, data: checked.data };
}
