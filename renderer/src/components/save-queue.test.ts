import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openSaveQueue, SaveQueue, type SaveQueueState } from './save-queue';
import { flushOnHide } from './use-save-queue';

/** A stand-in for the main process: records what arrives, fails while told to. */
function fakeDb() {
  const rows = new Map<string, Record<string, unknown>>();
  const calls: { key: string; patch: Record<string, unknown> }[] = [];
  let failing = 0;
  const send = (key: string) => (patch: Record<string, unknown>) => {
    calls.push({ key, patch });
    if (failing > 0) {
      failing -= 1;
      return Promise.reject(new Error('SQLITE_BUSY'));
    }
    rows.set(key, { ...rows.get(key), ...patch });
    return Promise.resolve();
  };
  return {
    rows,
    calls,
    send,
    failNext: (n = 1) => {
      failing = n;
    },
  };
}

const settle = () => vi.advanceTimersByTimeAsync(0);

describe('the save queue', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('merges several edits of one row into one patch, sent after the pause', async () => {
    const db = fakeDb();
    const q = new SaveQueue();
    q.patch('idea:1', { text: 'J' }, db.send('idea:1'), 400);
    q.patch('idea:1', { text: 'Je' }, db.send('idea:1'), 400);
    q.patch('idea:1', { aims: ['health'] }, db.send('idea:1'), 400);
    q.patch('goal:2', { text: 'Sove' }, db.send('goal:2'), 400);
    expect(q.state).toEqual({ status: 'saving', error: null, pending: 2 });
    await vi.advanceTimersByTimeAsync(399);
    expect(db.calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(db.calls).toEqual([
      { key: 'idea:1', patch: { text: 'Je', aims: ['health'] } },
      { key: 'goal:2', patch: { text: 'Sove' } },
    ]);
    expect(q.state).toEqual({ status: 'saved', error: null, pending: 0 });
  });

  it('says idle until something was queued', () => {
    expect(new SaveQueue().state.status).toBe('idle');
  });

  it('keeps a failed save, shows the failure, and saves it on the automatic retry', async () => {
    const db = fakeDb();
    const q = new SaveQueue({ retryFirstMs: 1000 });
    const seen: SaveQueueState['status'][] = [];
    q.subscribe((s) => seen.push(s.status));
    db.failNext();
    q.patch('profile', { realName: 'Karen' }, db.send('profile'), 0);
    await settle();
    expect(q.state.status).toBe('error');
    expect(q.state.error).toBeInstanceOf(Error);
    expect(db.rows.get('profile')).toBeUndefined();
    // Typing goes on while it failed: merged into the waiting patch, nothing sent meanwhile.
    q.patch('profile', { realName: 'Karen H' }, db.send('profile'), 400);
    await vi.advanceTimersByTimeAsync(999);
    expect(db.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(db.calls).toHaveLength(2);
    expect(db.rows.get('profile')).toEqual({ realName: 'Karen H' });
    expect(q.state).toEqual({ status: 'saved', error: null, pending: 0 });
    expect(seen).toContain('error');
    expect(seen.at(-1)).toBe('saved');
  });

  it('waits longer after each failure, up to the maximum, and never drops the edit', async () => {
    const db = fakeDb();
    const q = new SaveQueue({ retryFirstMs: 1000, retryMaxMs: 4000 });
    db.failNext(5);
    q.patch('goal:1', { text: 'Arbejde' }, db.send('goal:1'), 0);
    await settle();
    const attemptsAfter = async (ms: number) => {
      await vi.advanceTimersByTimeAsync(ms);
      return db.calls.length;
    };
    expect(db.calls).toHaveLength(1);
    expect(await attemptsAfter(1000)).toBe(2); // 1 s
    expect(await attemptsAfter(1999)).toBe(2);
    expect(await attemptsAfter(1)).toBe(3); // 2 s
    expect(await attemptsAfter(4000)).toBe(4); // 4 s
    expect(await attemptsAfter(4000)).toBe(5); // capped at 4 s
    expect(q.state.status).toBe('error');
    expect(await attemptsAfter(4000)).toBe(6);
    expect(q.state.status).toBe('saved');
    expect(db.rows.get('goal:1')).toEqual({ text: 'Arbejde' });
    expect(q.retryDelay(1)).toBe(1000);
    expect(q.retryDelay(10)).toBe(4000);
  });

  it('retry sends at once, without waiting for the automatic retry', async () => {
    const db = fakeDb();
    const q = new SaveQueue({ retryFirstMs: 30_000 });
    db.failNext();
    q.patch('workshop:1', { place: 'Biblioteket' }, db.send('workshop:1'), 0);
    await settle();
    expect(q.state.status).toBe('error');
    await q.retry();
    expect(q.state.status).toBe('saved');
    expect(db.rows.get('workshop:1')).toEqual({ place: 'Biblioteket' });
    // The automatic retry was called off: nothing more is sent later.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(db.calls).toHaveLength(2);
  });

  it('sends in the order made, and holds everything behind a failed step', async () => {
    const order: string[] = [];
    let failDelete = true;
    const q = new SaveQueue({ retryFirstMs: 1000 });
    q.patch('idea:1', { text: 'a' }, () => Promise.resolve(order.push('patch idea:1')), 0);
    q.step(['idea:1'], () => {
      order.push('delete idea:1');
      if (failDelete) return Promise.reject(new Error('disk full'));
      return Promise.resolve();
    });
    // After the delete, a patch of the same row is a new entry, never merged in before it.
    q.step(['idea:1'], () => Promise.resolve(order.push('restore idea:1')));
    q.patch(
      'idea:1',
      { text: 'b' },
      (p) => Promise.resolve(order.push(`patch ${String(p.text)}`)),
      0,
    );
    await settle();
    expect(order).toEqual(['patch idea:1', 'delete idea:1']);
    expect(q.state.pending).toBe(3);
    expect(q.has('idea:1')).toBe(true);
    failDelete = false;
    await q.retry();
    expect(order).toEqual([
      'patch idea:1',
      'delete idea:1',
      'delete idea:1',
      'restore idea:1',
      'patch b',
    ]);
    expect(q.has('idea:1')).toBe(false);
  });

  it("holds a refused row's later edits behind it, and saves the other rows meanwhile", async () => {
    const saved = new Map<string, Record<string, unknown>>();
    let refuse = true;
    const order: string[] = [];
    const send = (key: string) => (patch: Record<string, unknown>) => {
      order.push(`${key} ${JSON.stringify(patch)}`);
      if (key === 'tp:1' && refuse) return Promise.reject(new Error('CHECK constraint failed'));
      saved.set(key, { ...saved.get(key), ...patch });
      return Promise.resolve();
    };
    const q = new SaveQueue({ retryFirstMs: 1000 });
    q.patch('tp:1', { label: 'Lægen\u0085' }, send('tp:1'), 0);
    q.patch('tp:2', { label: 'Sygehuset' }, send('tp:2'), 0);
    q.patch('goal:1', { text: 'Arbejde' }, send('goal:1'), 0);
    await settle();
    // The other rows are saved; the refused one waits, and the failure shows.
    expect(saved.get('tp:2')).toEqual({ label: 'Sygehuset' });
    expect(saved.get('goal:1')).toEqual({ text: 'Arbejde' });
    expect(q.state).toMatchObject({ status: 'error', pending: 1 });
    // Typed again meanwhile: merged into the waiting edit, not sent past it.
    q.patch('tp:1', { label: 'Lægen' }, send('tp:1'), 0);
    // A delete of that row waits for it, and so does everything after the delete.
    q.step(['tp:1'], () => Promise.resolve(order.push('delete tp:1')));
    q.patch('tp:3', { label: 'Apoteket' }, send('tp:3'), 0);
    await settle();
    expect(saved.has('tp:3')).toBe(false);
    refuse = false;
    await q.retry();
    expect(saved.get('tp:1')).toEqual({ label: 'Lægen' });
    expect(order.slice(-3)).toEqual([
      'tp:1 {"label":"Lægen"}',
      'delete tp:1',
      'tp:3 {"label":"Apoteket"}',
    ]);
    expect(q.state).toEqual({ status: 'saved', error: null, pending: 0 });
  });

  it('while a refused row waits for its retry, edits of other rows are saved at their own pace', async () => {
    const saved = new Map<string, Record<string, unknown>>();
    const tries: string[] = [];
    const send = (key: string) => (patch: Record<string, unknown>) => {
      tries.push(key);
      if (key === 'tp:1') return Promise.reject(new Error('CHECK constraint failed'));
      saved.set(key, { ...saved.get(key), ...patch });
      return Promise.resolve();
    };
    const q = new SaveQueue({ retryFirstMs: 30_000, retryMaxMs: 30_000 });
    q.patch('tp:1', { label: 'x\u0085' }, send('tp:1'), 0);
    await settle();
    expect(q.state.status).toBe('error');
    // Typed in another card: written after its typing pause, not 30 s later.
    q.patch('tp:2', { label: 'Sygehuset' }, send('tp:2'), 400);
    q.patch('tp:1', { label: 'y\u0085' }, send('tp:1'), 400);
    await vi.advanceTimersByTimeAsync(400);
    expect(saved.get('tp:2')).toEqual({ label: 'Sygehuset' });
    // The refused card was not sent again meanwhile, and its failure still shows.
    expect(tries).toEqual(['tp:1', 'tp:2']);
    expect(q.state).toMatchObject({ status: 'error', pending: 1 });
    // Its retry comes at the retry's pause, with what was typed in it since.
    await vi.advanceTimersByTimeAsync(30_000);
    expect(tries).toEqual(['tp:1', 'tp:2', 'tp:1']);
    expect(q.state.status).toBe('error');
  });

  it('a failed delete waits for its retry, and so does all after it, however much is typed', async () => {
    let tries = 0;
    const db = fakeDb();
    const q = new SaveQueue({ retryFirstMs: 1000 });
    q.step(['touchpoint:1'], () => {
      tries += 1;
      return Promise.reject(new Error('SQLITE_BUSY'));
    });
    await settle();
    q.patch('goal:1', { text: 'Sove' }, db.send('goal:1'), 0);
    await vi.advanceTimersByTimeAsync(999);
    expect(tries).toBe(1);
    expect(db.calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(tries).toBe(2);
  });

  it('a row refused while another waits for its retry is tried with it, not later', async () => {
    const tries: { key: string; at: number }[] = [];
    const t0 = Date.now();
    const refuse = (key: string) => () => {
      tries.push({ key, at: Date.now() - t0 });
      return Promise.reject(new Error('CHECK constraint failed'));
    };
    const q = new SaveQueue({ retryFirstMs: 1000 });
    q.patch('tp:1', { label: 'a' }, refuse('tp:1'), 0);
    await settle();
    await vi.advanceTimersByTimeAsync(900);
    q.patch('tp:2', { label: 'b' }, refuse('tp:2'), 0);
    await settle();
    await vi.advanceTimersByTimeAsync(100);
    expect(tries).toEqual([
      { key: 'tp:1', at: 0 },
      { key: 'tp:2', at: 900 },
      { key: 'tp:1', at: 1000 },
      { key: 'tp:2', at: 1000 },
    ]);
  });

  it('gives back a set-aside edit less what was written of its row meanwhile', async () => {
    const db = fakeDb();
    const q = openSaveQueue('prices-test', { retryFirstMs: 1000 });
    db.failNext(1);
    q.patch('price:gp', { price: 300, note: 'aftale' }, db.send('price:gp'), 0);
    await settle();
    const aside = q.takeOut('price:');
    // Edited again while the list was being imported, and written.
    q.patch('price:gp', { price: 500 }, db.send('price:gp'), 0);
    await settle();
    // The import failed: the old edit comes back, but not its price, which is older.
    q.dispose();
    q.putBack(aside);
    await settle();
    expect(db.rows.get('price:gp')).toEqual({ price: 500, note: 'aftale' });
  });

  it('a queue closed while its edits are set aside is the one its screen opens with', async () => {
    const db = fakeDb();
    const q = openSaveQueue('prices-left', { retryFirstMs: 1000 });
    db.failNext(2);
    q.patch('price:gp', { price: 300 }, db.send('price:gp'), 0);
    await settle();
    const aside = q.takeOut('price:');
    // The screen is left while the list is imported; the import fails and the edit comes back,
    // and is refused again: the screen opened again takes this queue, not a second one.
    q.dispose();
    q.putBack(aside);
    await settle();
    expect(q.state.pending).toBe(1);
    expect(openSaveQueue('prices-left')).toBe(q);
  });

  it('sends no delete ahead of an edit of another row that failed', async () => {
    const order: string[] = [];
    let busy = true;
    const q = new SaveQueue({ retryFirstMs: 1000 });
    q.patch(
      'idea:1',
      { touchpointIds: ['tp1'] },
      () => {
        order.push('link idea to tp1');
        return busy ? Promise.reject(new Error('SQLITE_BUSY')) : Promise.resolve();
      },
      0,
    );
    q.step(['touchpoint:tp1'], () => Promise.resolve(order.push('delete tp1')));
    await settle();
    expect(order).toEqual(['link idea to tp1']);
    expect(q.state.status).toBe('error');
    busy = false;
    await q.retry();
    expect(order).toEqual(['link idea to tp1', 'link idea to tp1', 'delete tp1']);
  });

  it('does not merge an edit into a patch already on its way', async () => {
    const sent: Record<string, unknown>[] = [];
    let release: () => void = () => undefined;
    const q = new SaveQueue();
    const send = (p: Record<string, unknown>) => {
      sent.push(p);
      return sent.length === 1 ? new Promise<void>((ok) => (release = ok)) : Promise.resolve();
    };
    q.patch('tp:1', { label: 'A' }, send, 0);
    await settle();
    q.patch('tp:1', { label: 'AB' }, send, 0);
    expect(q.state.pending).toBe(2);
    release();
    await q.flush();
    expect(sent).toEqual([{ label: 'A' }, { label: 'AB' }]);
  });

  it('flush sends what waits for its typing pause at once', async () => {
    const db = fakeDb();
    const q = new SaveQueue();
    q.patch('idea:1', { text: 'Hej' }, db.send('idea:1'), 400);
    await q.flush();
    expect(db.rows.get('idea:1')).toEqual({ text: 'Hej' });
  });

  it('a view closed with an edit unsaved hands it to the next view of the same journey', async () => {
    const db = fakeDb();
    const first = openSaveQueue('journey:a', { retryFirstMs: 1000 });
    db.failNext(2);
    first.patch('tp:1', { label: 'Lægen' }, db.send('tp:1'), 0);
    await settle();
    expect(first.state.status).toBe('error');
    // Closed while refused: it goes on trying (the flush on closing fails too).
    first.dispose();
    await settle();
    expect(db.calls).toHaveLength(2);
    // Opened again: the same queue, its edit first in line, and its failure shown.
    const second = openSaveQueue('journey:a', { retryFirstMs: 1000 });
    expect(second).toBe(first);
    expect(second.state).toMatchObject({ status: 'error', pending: 1 });
    const seen: SaveQueueState['status'][] = [];
    second.subscribe((st) => seen.push(st.status));
    // The card retyped after reopening: merged into the old edit, so the old text can never be
    // written after the new one (two queues would each have written theirs, the old one last).
    second.patch('tp:1', { label: 'Egen læge' }, db.send('tp:1'), 0);
    second.patch('tp:2', { label: 'Apoteket' }, db.send('tp:2'), 0);
    await second.retry();
    expect(db.rows.get('tp:1')).toEqual({ label: 'Egen læge' });
    expect(db.rows.get('tp:2')).toEqual({ label: 'Apoteket' });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(db.rows.get('tp:1')).toEqual({ label: 'Egen læge' });
    expect(db.calls.filter((c) => c.key === 'tp:1').map((c) => c.patch.label)).toEqual([
      'Lægen',
      'Lægen',
      'Egen læge',
    ]);
    expect(seen.at(-1)).toBe('saved');
    // Another journey, or this one once all is written, starts afresh.
    expect(openSaveQueue('journey:b')).not.toBe(first);
    second.dispose();
    expect(openSaveQueue('journey:a')).not.toBe(first);
  });

  it('a closed queue that writes its edit at last leaves the next view a queue of its own', async () => {
    const db = fakeDb();
    const first = openSaveQueue('catalogue', { retryFirstMs: 1000 });
    db.failNext(2);
    first.patch('svc:1', { name: 'Lægevagten' }, db.send('svc:1'), 0);
    await settle();
    first.dispose();
    // Its second failure (on closing) doubled the pause.
    await vi.advanceTimersByTimeAsync(2000);
    expect(db.rows.get('svc:1')).toEqual({ name: 'Lægevagten' });
    const next = openSaveQueue('catalogue');
    expect(next).not.toBe(first);
    expect(next.state.status).toBe('idle');
  });

  it('sets refused edits aside while a whole list is replaced, and gives them back if it is not', async () => {
    const db = fakeDb();
    const q = new SaveQueue({ retryFirstMs: 1000 });
    db.failNext(1);
    q.patch('price:gp', { price: 300 }, db.send('price:gp'), 0);
    await settle();
    expect(q.state.status).toBe('error');
    // The list is imported: the refused edit is taken out and never retried over it.
    const aside = q.takeOut('price:');
    expect(q.state).toEqual({ status: 'saved', error: null, pending: 0 });
    db.rows.set('price:gp', { price: 450 });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(db.calls).toHaveLength(1);
    expect(db.rows.get('price:gp')).toEqual({ price: 450 });
    // Had the import failed, the edit comes back first in line, with its failure, and is sent.
    q.patch('price:video', { price: 120 }, db.send('price:video'), 400);
    q.putBack(aside);
    expect(q.state).toMatchObject({ status: 'error', pending: 2 });
    await settle();
    expect(db.calls.slice(1).map((c) => c.key)).toEqual(['price:gp', 'price:video']);
    expect(db.rows.get('price:gp')).toEqual({ price: 300 });
    expect(db.rows.get('price:video')).toEqual({ price: 120 });
    expect(q.state.status).toBe('saved');
  });

  it('is flushed when the window is hidden, closed or reloaded', async () => {
    const db = fakeDb();
    const q = new SaveQueue();
    const win = new EventTarget() as unknown as Window;
    const doc = Object.assign(new EventTarget(), { visibilityState: 'visible' }) as unknown as {
      visibilityState: DocumentVisibilityState;
    } & Document;
    const stop = flushOnHide(() => q.flush(), win, doc);
    for (const [i, fire] of [
      () => doc.dispatchEvent(new Event('visibilitychange')),
      () => win.dispatchEvent(new Event('pagehide')),
      () => win.dispatchEvent(new Event('beforeunload')),
    ].entries()) {
      q.patch('profile', { realName: `Navn ${i}` }, db.send('profile'), 10_000);
      if (i === 0) {
        // Visible again (the tab came back): nothing is sent early.
        fire();
        await settle();
        expect(db.calls).toHaveLength(0);
        (doc as { visibilityState: string }).visibilityState = 'hidden';
      }
      fire();
      await settle();
      expect(db.rows.get('profile')).toEqual({ realName: `Navn ${i}` });
    }
    stop();
    q.patch('profile', { realName: 'Sidst' }, db.send('profile'), 10_000);
    win.dispatchEvent(new Event('pagehide'));
    await settle();
    expect(db.rows.get('profile')).toEqual({ realName: 'Navn 2' });
  });
});
