import { describe, expect, it, vi } from 'vitest';
import { CHANNELS } from './channels';
import { contract } from './contract';
import { dispatch, type Handlers } from './dispatch';
import { HandlerError } from './result';

const ID = '7f1c7c3e-2b51-4f7e-9a7c-0f3f0c2c9a11';
const NOW = '2026-03-01T09:00:00.000Z';

function fakeHandlers(overrides: Partial<Handlers> = {}): Handlers {
  const journey = { id: ID, alias: 'Anna', archived: false, createdAt: NOW, updatedAt: NOW };
  const base = Object.fromEntries(
    CHANNELS.map((c) => [c, () => Promise.reject(new Error(`${c} not expected`))]),
  ) as unknown as Handlers;
  return {
    ...base,
    'journeys:create': ({ alias }) => ({ ...journey, alias }),
    ...overrides,
  };
}

describe('contract', () => {
  it('has exactly one entry per channel and nothing else', () => {
    expect(Object.keys(contract).sort()).toEqual([...CHANNELS].sort());
  });

  it('names every channel domain:verb', () => {
    for (const c of CHANNELS) expect(c).toMatch(/^[a-z][a-zA-Z]*:[a-z][a-zA-Z]*$/);
  });
});

describe('dispatch', () => {
  it('runs the handler with parsed input and wraps the output', async () => {
    const result = await dispatch(fakeHandlers(), 'journeys:create', { alias: '  Anna   B ' });
    expect(result).toEqual({
      ok: true,
      data: { id: ID, alias: 'Anna B', archived: false, createdAt: NOW, updatedAt: NOW },
    });
  });

  it('refuses an unknown channel without calling anything', async () => {
    const result = await dispatch(fakeHandlers(), 'fs:readFile', { path: '/etc/passwd' });
    expect(result).toEqual({
      ok: false,
      error: { code: 'unknown_channel', message: 'Unknown channel' },
    });
  });

  it.each([
    ['missing field', {}],
    ['empty alias', { alias: '   ' }],
    ['too long alias', { alias: 'x'.repeat(81) }],
    ['wrong type', { alias: 42 }],
    ['unknown field (a name riding along)', { alias: 'Anna', realName: 'Anna Jensen' }],
    ['null payload', null],
    ['array payload', ['Anna']],
    ['string payload', 'Anna'],
    ['1 MB alias', { alias: 'x'.repeat(1_000_000) }],
  ])('turns bad input (%s) into a validation error, never a crash', async (_name, payload) => {
    const handler = vi.fn();
    const result = await dispatch(
      fakeHandlers({ 'journeys:create': handler }),
      'journeys:create',
      payload,
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('validation');
      expect(result.error.issues?.length).toBeGreaterThan(0);
    }
    expect(handler).not.toHaveBeenCalled();
  });

  it('rejects prototype-polluting keys as unknown fields', async () => {
    const payload = JSON.parse('{"alias":"Anna","__proto__":{"admin":true}}') as unknown;
    const result = await dispatch(fakeHandlers(), 'journeys:create', payload);
    expect(result.ok).toBe(false);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('passes a HandlerError through with its code', async () => {
    const result = await dispatch(
      fakeHandlers({
        'journeys:get': () => {
          throw new HandlerError('not_found', 'Journey not found');
        },
      }),
      'journeys:get',
      { id: ID },
    );
    expect(result).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'Journey not found' },
    });
  });

  it('hides unexpected errors behind an internal error without their message', async () => {
    const onInternalError = vi.fn();
    const result = await dispatch(
      fakeHandlers({
        'journeys:get': () => {
          throw new Error('SQLITE_CORRUPT: secret row content Anna Jensen');
        },
      }),
      'journeys:get',
      { id: ID },
      { onInternalError },
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('internal');
      expect(JSON.stringify(result)).not.toContain('Anna Jensen');
    }
    expect(onInternalError).toHaveBeenCalledOnce();
  });

  it('refuses output that does not match the contract (no leaking extra fields)', async () => {
    const result = await dispatch(
      fakeHandlers({
        'journeys:create': ({ alias }) =>
          ({
            id: ID,
            alias,
            archived: false,
            createdAt: NOW,
            updatedAt: NOW,
            realName: 'Anna Jensen',
          }) as never,
      }),
      'journeys:create',
      { alias: 'Anna' },
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('internal');
  });

  it('rejects non-finite and absurd coordinates', async () => {
    for (const x of [Number.NaN, Number.POSITIVE_INFINITY, 1e12]) {
      const result = await dispatch(fakeHandlers(), 'touchpoints:create', {
        journeyId: ID,
        x,
        y: 0,
      });
      expect(result.ok).toBe(false);
    }
  });

  it('rejects a transition from a touchpoint to itself', async () => {
    const result = await dispatch(fakeHandlers(), 'transitions:create', {
      journeyId: ID,
      sourceId: ID,
      targetId: ID,
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('validation');
  });
});
