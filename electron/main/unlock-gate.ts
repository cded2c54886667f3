import { PASSPHRASE_MIN_LENGTH, type UnlockResult } from '../../shared/domain/startup';
import { CHANNELS, type Channel } from '../../shared/ipc/channels';
import type { Handlers } from '../../shared/ipc/dispatch';
import { HandlerError } from '../../shared/ipc/result';
import { WrongPassphraseError } from '../db/keys';

/**
 * The start with a passphrase (where the system has no secret store for the database key): the
 * window opens at once and every channel is registered, but until the right passphrase is given
 * only `startup:status` and `startup:unlock` answer; every other channel is refused, as there is
 * no database behind it yet. The right passphrase opens the database and from then on every
 * channel goes to the app's handlers.
 *
 * Registering every channel once, at the start, rather than the rest after the unlock: a call
 * before the unlock gets the usual refusal envelope instead of Electron's "no handler" error, and
 * the registration (the sender check on every channel) is the one the tests check.
 *
 * No lockout: after each wrong passphrase the answer waits a little longer (1 s, 2 s, … 5 s), and
 * tries are taken one at a time, so guessing through the window is slow; the real protection is
 * scrypt's cost on the key file (electron/db/keys.ts).
 */

/** The pause after the n-th wrong passphrase in a row. */
export const failureDelayMs = (failures: number) => Math.min(failures, 5) * 1000;

export interface UnlockGateOptions {
  /** A first start chooses a passphrase (at least PASSPHRASE_MIN_LENGTH long). */
  firstStart: boolean;
  /**
   * Gets the key with the passphrase and opens the database; resolves to the app's handlers.
   * Throws WrongPassphraseError when the passphrase is not the right one.
   */
  open: (passphrase: string) => Promise<Handlers>;
  /** Injected so tests need not wait. */
  sleep?: (ms: number) => Promise<void>;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class UnlockGate {
  /** Every channel: the start-up pair until the unlock, then the app's handlers. */
  readonly handlers: Handlers;
  private app: Handlers | null = null;
  private failures = 0;
  /** Tries run one after another, each with its pause. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: UnlockGateOptions) {
    const handlers = {} as Record<Channel, (input: never) => unknown>;
    for (const channel of CHANNELS) {
      handlers[channel] = (input: never) => this.handle(channel, input);
    }
    this.handlers = handlers as unknown as Handlers;
  }

  get unlocked(): boolean {
    return this.app !== null;
  }

  private handle(channel: Channel, input: unknown): unknown {
    if (this.app) return (this.app[channel] as (input: unknown) => unknown)(input);
    if (channel === 'startup:status') {
      return { state: 'locked', firstStart: this.options.firstStart };
    }
    if (channel === 'startup:unlock') {
      return this.unlock((input as { passphrase: string }).passphrase);
    }
    throw new HandlerError('forbidden', 'The database is locked until the passphrase is given');
  }

  private unlock(passphrase: string): Promise<UnlockResult> {
    const attempt = this.queue.then(() => this.attempt(passphrase));
    this.queue = attempt.catch(() => undefined);
    return attempt;
  }

  private async attempt(passphrase: string): Promise<UnlockResult> {
    if (this.app) return { state: 'ready' };
    if (this.options.firstStart && [...passphrase].length < PASSPHRASE_MIN_LENGTH) {
      throw new HandlerError('validation', 'A new passphrase is too short');
    }
    try {
      this.app = await this.options.open(passphrase);
      this.failures = 0;
      return { state: 'ready' };
    } catch (error) {
      if (!(error instanceof WrongPassphraseError)) throw error;
      this.failures += 1;
      await (this.options.sleep ?? wait)(failureDelayMs(this.failures));
      return { state: 'wrong_passphrase' };
    }
  }
}
