import { z } from 'zod';
import { PASSPHRASE_MAX, PASSPHRASE_MIN } from './backup';

/**
 * The start before the database is open. The database is encrypted; its key is normally kept by
 * the system's secret store and the app starts without a question. Where the system has none
 * (Linux without a keyring), the facilitator unlocks it with a passphrase: chosen on the first
 * start (typed twice), typed once on every later start. The rule for a new passphrase is the one
 * every passphrase in the app follows (./backup.ts).
 */

export const PASSPHRASE_MIN_LENGTH = PASSPHRASE_MIN;

/** Where the start is: the database open, or waiting for the passphrase. */
export const startupStatusSchema = z.discriminatedUnion('state', [
  z.strictObject({ state: z.literal('ready') }),
  z.strictObject({
    state: z.literal('locked'),
    /** The first start: a passphrase is chosen (typed twice) rather than typed. */
    firstStart: z.boolean(),
  }),
]);
export type StartupStatus = z.infer<typeof startupStatusSchema>;

/** Any length is let through: a passphrase that is too short is simply not the right one. */
export const unlockInputSchema = z.strictObject({
  passphrase: z.string().min(1).max(PASSPHRASE_MAX),
});

/** What an unlock came to: the database open, or the passphrase was not the right one. */
export const unlockResultSchema = z.discriminatedUnion('state', [
  z.strictObject({ state: z.literal('ready') }),
  z.strictObject({ state: z.literal('wrong_passphrase') }),
]);
export type UnlockResult = z.infer<typeof unlockResultSchema>;
