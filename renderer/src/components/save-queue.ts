/**
 * The one way an edit reaches the database, for a journey (every tab) and for the catalogue.
 * Plain TypeScript, no React, so it is tested with fake timers.
 *
 * - Edits of the same row are merged into one patch while it waits (newer values win).
 * - Entries are sent one at a time, in the order they were made: a restore is written before the
 *   edits that follow it, a child's delete before its parent's.
 * - A failed entry is kept and retried: automatically with a growing pause, at once on `retry()`
 *   or `flush()`. Nothing is ever dropped. Later edits of the same row wait behind it (and are
 *   merged into it while it waits); edits of other rows go on at their own pace, also while it
 *   waits for its retry, so one edit the database refuses does not leave the rest unsaved. A step waits for everything before it, and a failed step
 *   holds everything after it.
 * - One status for everything queued: saving, saved, or error (with the error).
 */

export type SaveStatus = 'idle' | 'saving' | 'saved' | 'error';

export interface SaveQueueState {
  status: SaveStatus;
  /** The last failure, while entries wait because of it. */
  error: unknown;
  /** Entries waiting or being sent. */
  pending: number;
}

type Send = (patch: Record<string, unknown>) => Promise<unknown>;

/** What `SaveQueue.takeOut` took, to give back to `putBack` as it is. */
export interface TakenEdits {
  entries: Entry[];
  /** The failure they waited behind, if any. */
  error: unknown;
  /** Fields of their rows written since they were taken out: newer, so not to be written over. */
  writtenSince: Map<string, Set<string>>;
}

interface Entry {
  /** The rows this entry writes (`kind:id`); a patch has one. */
  keys: string[];
  /** A patch's fields; null for a step (delete, restore), which is sent as it is. */
  patch: Record<string, unknown> | null;
  send: Send;
  sending: boolean;
}

export interface SaveQueueOptions {
  /**
   * What the queue saves ("journey:<id>", "catalogue"): a queue closed with edits still unsaved
   * is taken over by the next one opened for the same thing (`openSaveQueue`).
   */
  scope?: string;
  /** The first automatic retry after a failure; each further failure doubles it. */
  retryFirstMs?: number;
  /** The longest pause between automatic retries. */
  retryMaxMs?: number;
}

export const RETRY_FIRST_MS = 1000;
export const RETRY_MAX_MS = 30_000;

/**
 * Queues whose view went away with edits still unsaved (a failure being retried), by scope. The
 * next view of the same journey takes its queue over rather than starting one beside it: two
 * queues would write the same rows in no agreed order, and the old one's retry could then write
 * an edit over a newer one made after reopening.
 */
const unfinished = new Map<string, SaveQueue>();

/**
 * The save queue for a view of `scope`: the unfinished one left by the last view of it, with its
 * edits first in line (newer edits of the same rows merge into them), or a new one.
 */
export function openSaveQueue(scope: string, options: SaveQueueOptions = {}): SaveQueue {
  const left = unfinished.get(scope);
  unfinished.delete(scope);
  if (left && left.state.pending > 0) return left;
  return new SaveQueue({ ...options, scope });
}

export class SaveQueue {
  private entries: Entry[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private timerDue = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private draining: Promise<void> | null = null;
  /** Whether the pass on its way sends failed rows too (a flush, a retry), or only fresh edits. */
  private drainingAll = false;
  /**
   * Rows whose last save failed and still wait: their edits wait for the retry (or the user's,
   * or a flush), while fresh edits of other rows go at their own pace — a refused card does not
   * hold the rest of the journey back for the retry's pause (up to 30 s unsaved).
   */
  private failedKeys = new Set<string>();
  /** A delete or a restore failed: everything after it waits for a full pass (the retry). */
  private stepFailed = false;
  /** Edits taken out and not yet given back: what is written meanwhile is noted in them. */
  private outstanding = new Set<TakenEdits>();
  private disposed = false;
  private failures = 0;
  private error: unknown = null;
  /** Whether anything was ever queued: before that the status is idle (nothing to report). */
  private touched = false;
  private listeners = new Set<(state: SaveQueueState) => void>();
  private readonly retryFirstMs: number;
  private readonly retryMaxMs: number;
  private readonly scope: string | undefined;

  constructor(options: SaveQueueOptions = {}) {
    this.scope = options.scope;
    this.retryFirstMs = options.retryFirstMs ?? RETRY_FIRST_MS;
    this.retryMaxMs = options.retryMaxMs ?? RETRY_MAX_MS;
  }

  /**
   * A change of fields of one row, sent after `delayMs` (typing pauses; a click is 0). Merged
   * into the row's waiting patch when there is one that is not on its way already and nothing
   * about that row (a delete, a restore) was queued after it.
   */
  patch(key: string, patch: Record<string, unknown>, send: Send, delayMs = 0): void {
    const last = this.lastFor(key);
    if (last && last.patch && !last.sending) {
      last.patch = { ...last.patch, ...patch };
      last.send = send;
    } else {
      this.entries.push({ keys: [key], patch: { ...patch }, send, sending: false });
    }
    this.schedule(delayMs);
  }

  /** A step that is sent as it is, in order (a delete, a restore); never merged. */
  step(keys: string[], send: () => Promise<unknown>): void {
    this.entries.push({ keys, patch: null, send: () => send(), sending: false });
    this.schedule(0);
  }

  /**
   * Takes out what waits for the rows whose keys start with `prefix`, for an action that is about
   * to replace them all (a price list imported or reset): the edits it replaces must not be
   * retried after it and write over it. What is on its way stays. If the action fails, `putBack`
   * returns them, first in line again.
   */
  takeOut(prefix: string): TakenEdits {
    const error = this.error;
    const taken = this.entries.filter(
      (e) => !e.sending && e.keys.every((k) => k.startsWith(prefix)),
    );
    this.entries = this.entries.filter((e) => !taken.includes(e));
    this.pruneFailed();
    if (this.entries.length === 0) {
      // Nothing left to retry: no failure to show, no retry to wait for.
      this.clearRetry();
      this.failures = 0;
      this.stepFailed = false;
      this.error = null;
    }
    this.emit();
    const edits: TakenEdits = {
      entries: taken,
      error: taken.length > 0 ? error : null,
      writtenSince: new Map(),
    };
    if (taken.length > 0) this.outstanding.add(edits);
    return edits;
  }

  /**
   * Returns what `takeOut` took, first in line, and sends it at once — less what was written of
   * the same rows since it was taken out, which is newer.
   */
  putBack(taken: TakenEdits): void {
    this.outstanding.delete(taken);
    const back = taken.entries.flatMap((e) => {
      if (!e.patch) return [e];
      const newer = new Set(e.keys.flatMap((k) => [...(taken.writtenSince.get(k) ?? [])]));
      const patch = Object.fromEntries(Object.entries(e.patch).filter(([f]) => !newer.has(f)));
      return Object.keys(patch).length > 0 ? [{ ...e, patch }] : [];
    });
    if (back.length === 0) return;
    this.entries = [...back, ...this.entries];
    if (taken.error !== null && this.error === null) this.error = taken.error;
    // A queue whose view has gone, given edits again, is the one its scope's next view takes.
    if (this.disposed && this.scope !== undefined) unfinished.set(this.scope, this);
    this.schedule(0);
  }

  /**
   * The fields that wait to be written, row by row, in order: a view opened on a queue it took
   * over (`openSaveQueue`) shows them over what it read, as they will be.
   */
  waitingPatches(): { key: string; patch: Record<string, unknown> }[] {
    return this.entries.flatMap((e) =>
      e.patch ? [{ key: e.keys[0]!, patch: { ...e.patch } }] : [],
    );
  }

  /** The row's waiting fields are sent by `send` from now on (a new view's, with its replies). */
  rebind(key: string, send: Send): void {
    for (const e of this.entries) if (e.patch && !e.sending && e.keys.includes(key)) e.send = send;
  }

  /** Whether anything about this row waits to be sent (not counting one on its way now). */
  has(key: string): boolean {
    return this.entries.some((e) => !e.sending && e.keys.includes(key));
  }

  /** Sends everything now; resolves when the queue is empty or an entry failed. */
  flush(): Promise<void> {
    return this.pass(true);
  }

  /**
   * A pass over the queue: `all`, failed rows too; otherwise only what has not failed (the
   * typing timer's pass while a failure waits for its retry). A pass asked for everything while
   * one for fresh edits is on its way follows it.
   */
  private pass(all: boolean): Promise<void> {
    this.clearTimer();
    if (this.draining) {
      if (!all || this.drainingAll) return this.draining;
      return this.draining.then(() => this.pass(true));
    }
    if (all) this.clearRetry();
    this.drainingAll = all;
    this.draining = this.drain(all).finally(() => {
      this.draining = null;
    });
    return this.draining;
  }

  /** The user's "try again": at once, whatever pause the automatic retry was in. */
  retry(): Promise<void> {
    return this.flush();
  }

  get state(): SaveQueueState {
    const pending = this.entries.length;
    return {
      status:
        pending === 0
          ? this.touched
            ? 'saved'
            : 'idle'
          : this.error !== null
            ? 'error'
            : 'saving',
      error: pending === 0 ? null : this.error,
      pending,
    };
  }

  subscribe(listener: (state: SaveQueueState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * The view goes away: listeners stop, what waits is sent now. A failed entry keeps being
   * retried in the background (the app is still open) until it is written, or until the next
   * view of the same scope takes the queue over (`openSaveQueue`).
   */
  dispose(): void {
    this.listeners.clear();
    this.disposed = true;
    if (this.entries.length === 0) return;
    if (this.scope !== undefined) unfinished.set(this.scope, this);
    void this.flush();
  }

  /** The pause before the n-th automatic retry (n ≥ 1). */
  retryDelay(failures: number): number {
    return Math.min(this.retryMaxMs, this.retryFirstMs * 2 ** Math.max(0, failures - 1));
  }

  private lastFor(key: string): Entry | undefined {
    for (let i = this.entries.length - 1; i >= 0; i--) {
      if (this.entries[i]!.keys.includes(key)) return this.entries[i];
    }
    return undefined;
  }

  private schedule(delayMs: number) {
    this.touched = true;
    this.emit();
    // The typing timer's pass sends fresh edits only: rows that failed wait for the retry, so
    // typing does not hammer a database that just refused them.
    const due = Date.now() + delayMs;
    if (this.timer && this.timerDue <= due) return;
    this.clearTimer();
    this.timerDue = due;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.pass(false);
    }, delayMs);
  }

  /** Forgets failed rows that no longer wait (written, or taken out). */
  private pruneFailed() {
    for (const k of this.failedKeys) {
      if (!this.entries.some((e) => e.keys.includes(k))) this.failedKeys.delete(k);
    }
  }

  private async drain(all: boolean): Promise<void> {
    // Rows whose save failed: their later edits wait behind it, in order. Edits of other rows go
    // on — one refused edit does not leave the rest of the journey unsaved — but a step (a
    // delete, a restore) waits for everything before it, and a failed step holds all. A pass
    // for fresh edits leaves the rows that failed before to the retry.
    const held = new Set<string>(all ? [] : this.failedKeys);
    const waiting = held.size > 0 || (!all && this.stepFailed);
    if (all) this.stepFailed = false;
    let failure: unknown = null;
    // Entries looked at in this pass. The next one is found afresh after each send: the list can
    // change while one is on its way (edits added, some taken out or given back).
    const seen = new Set<Entry>();
    for (;;) {
      const entry = this.entries.find((e) => !seen.has(e));
      if (!entry) break;
      seen.add(entry);
      // A step after anything that failed waits: a delete must not go before an edit it would
      // make impossible (an idea's link to the card deleted).
      if (!entry.patch && (failure !== null || waiting)) break;
      if (entry.keys.some((k) => held.has(k))) continue;
      entry.sending = true;
      this.emit();
      try {
        await entry.send(entry.patch ?? {});
      } catch (error) {
        entry.sending = false;
        failure = error;
        // Shown at once, not when the pass ends.
        this.error = error;
        this.emit();
        if (!entry.patch) {
          this.stepFailed = true;
          break;
        }
        for (const k of entry.keys) held.add(k);
        continue;
      }
      // Only this entry goes: edits queued meanwhile were added after it or merged into later ones.
      this.entries.splice(this.entries.indexOf(entry), 1);
      if (entry.patch) {
        for (const taken of this.outstanding) {
          for (const k of entry.keys) {
            const fields = taken.writtenSince.get(k) ?? new Set<string>();
            for (const f of Object.keys(entry.patch)) fields.add(f);
            taken.writtenSince.set(k, fields);
          }
        }
      }
    }
    // The rows that failed, in this pass or before it and not tried again, while they wait.
    this.failedKeys = held;
    this.pruneFailed();
    if (failure !== null) {
      this.error = failure;
      // A row refused in a pass for fresh edits is retried with those already waiting, when
      // their retry is due: it neither puts theirs off nor lengthens its pause.
      if (all || !this.retryTimer) {
        this.failures += 1;
        this.clearRetry();
        this.retryTimer = setTimeout(() => {
          this.retryTimer = null;
          void this.flush();
        }, this.retryDelay(this.failures));
      }
      // Edits of other rows made during the pass go at their own pace; the failed wait (and
      // after a failed delete or restore, everything waits for the retry).
      if (
        !this.stepFailed &&
        this.entries.some((e) => !e.keys.every((k) => this.failedKeys.has(k)))
      ) {
        this.schedule(0);
      }
      this.emit();
      return;
    }
    // Fresh edits went; what failed before still waits for its retry, and still shows.
    if (this.failedKeys.size > 0 || this.stepFailed) {
      this.emit();
      return;
    }
    this.clearRetry();
    this.failures = 0;
    this.error = null;
    // Written at last: the next view of its scope starts a queue of its own.
    if (this.entries.length === 0 && this.scope !== undefined) {
      if (unfinished.get(this.scope) === this) unfinished.delete(this.scope);
    }
    this.emit();
  }

  private clearTimer() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private clearRetry() {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private emit() {
    const state = this.state;
    for (const l of this.listeners) l(state);
  }
}
