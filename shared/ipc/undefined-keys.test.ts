import { describe, expect, it } from 'vitest';
import { CHANNELS } from './channels';
import { dispatch, withoutUndefinedKeys, type Handlers } from './dispatch';

const ID = '7f1c7c3e-2b51-4f7e-9a7c-0f3f0c2c9a11';

/** Handlers that record what they were called with and answer nothing valid. */
function recording(seen: unknown[]): Handlers {
  return Object.fromEntries(
    CHANNELS.map((c) => [
      c,
      (input: unknown) => {
        seen.push(input);
        throw new Error('not expected');
      },
    ]),
  ) as unknown as Handlers;
}

describe('withoutUndefinedKeys', () => {
  it('leaves out undefined-valued keys at any depth, in objects inside lists too', () => {
    expect(
      withoutUndefinedKeys({
        id: ID,
        a: undefined,
        patch: { x: 1, y: undefined, nested: { z: undefined } },
        list: [{ k: undefined, v: 2 }, 3],
      }),
    ).toEqual({ id: ID, patch: { x: 1, nested: {} }, list: [{ v: 2 }, 3] });
    const out = withoutUndefinedKeys({ a: undefined, b: { c: undefined } }) as object;
    expect(Object.keys(out)).toEqual(['b']);
    expect(Object.keys((out as { b: object }).b)).toEqual([]);
  });

  it('keeps an undefined list element (the schema refuses it) and the list length', () => {
    expect(withoutUndefinedKeys([1, undefined, 3])).toEqual([1, undefined, 3]);
    expect((withoutUndefinedKeys([undefined]) as unknown[]).length).toBe(1);
  });

  it('copies nothing when nothing is left out', () => {
    const payload = { id: ID, patch: { label: 'A', list: [{ x: 1 }] } };
    expect(withoutUndefinedKeys(payload)).toBe(payload);
    const list = [{ a: 1 }, { b: undefined }];
    const out = withoutUndefinedKeys(list) as object[];
    expect(out).not.toBe(list);
    expect(out[0]).toBe(list[0]);
    expect(list[1]).toHaveProperty('b'); // the input is never changed
  });

  it('keeps a __proto__ key a key, never a prototype', () => {
    const payload = JSON.parse('{"__proto__":{"polluted":true},"x":1}') as Record<string, unknown>;
    payload.gone = undefined;
    const out = withoutUndefinedKeys(payload) as Record<string, unknown>;
    expect(Object.hasOwn(out, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('survives cycles, shared references and very deep nesting', () => {
    const cyclic: Record<string, unknown> = { a: undefined };
    cyclic.self = cyclic;
    expect(() => withoutUndefinedKeys(cyclic)).not.toThrow();
    // 2^40 paths through 40 shared levels: each object is visited once.
    let shared: Record<string, unknown> = { end: undefined };
    for (let i = 0; i < 40; i++) shared = { l: shared, r: shared };
    expect(() => withoutUndefinedKeys(shared)).not.toThrow();
    let deep: unknown = { x: undefined };
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(() => withoutUndefinedKeys(deep)).not.toThrow();
  });
});

describe('dispatch with undefined-valued keys', () => {
  it('refuses a patch of nothing but undefined as an empty patch, before the handler', async () => {
    const seen: unknown[] = [];
    const r = await dispatch(recording(seen), 'profile:update', {
      journeyId: ID,
      patch: { birthYear: undefined, sex: undefined, consentExport: undefined },
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(seen).toEqual([]);
  });

  it('hands the handler only the keys that were given', async () => {
    const seen: unknown[] = [];
    await dispatch(recording(seen), 'catalogue:update', {
      code: 'gp',
      patch: { hidden: undefined, label: { da: 'Læge', en: 'GP' } },
    });
    expect(seen).toHaveLength(1);
    expect(Object.keys((seen[0] as { patch: object }).patch)).toEqual(['label']);
  });

  it('still refuses an undefined required key', async () => {
    const r = await dispatch(recording([]), 'journeys:create', { alias: undefined });
    expect(r).toMatchObject({ ok: false, error: { code: 'validation' } });
  });
});
