import { useEffect, useRef } from 'react';
import { create } from 'zustand';

/**
 * Status messages for the polite live region: what just happened, said once, so a screen
 * reader user hears it and a sighted user sees it in the status bar. A message belongs to the
 * moment and the screen it was said on: it is cleared when another screen opens, and a plain
 * message fades after a while, so an old "deleted" never sits beside something new.
 */
interface AnnouncerState {
  message: string;
  tone: 'info' | 'error';
  seq: number;
  /** When the message was said (ms since the epoch; `Date.now`, so tests can move the clock). */
  at: number;
  /** How many presses and keys the user had made when it was said (`inputsSoFar`). */
  inputsAt: number;
  announce: (message: string, tone?: 'info' | 'error') => void;
  /** Clears the message; with a `seq`, only if that message is still the one shown. */
  clear: (seq?: number) => void;
}

/** How long a plain message stays. Errors stay until the next message or screen. */
export const STATUS_CLEAR_MS = 15_000;
/**
 * A message said this shortly before another screen opened belongs to the action that opened it
 * ("«Borger 7» is created", then the journey opens) and is kept there.
 */
export const STATUS_NAVIGATION_GRACE_MS = 1_000;

/**
 * The user's presses and keys so far, counted before anything handles them: a message said
 * before the latest one belongs to an earlier action.
 */
let inputs = 0;
if (typeof window !== 'undefined') {
  for (const type of ['pointerdown', 'keydown']) {
    window.addEventListener(type, () => void inputs++, { capture: true, passive: true });
  }
}
export const inputsSoFar = () => inputs;

export const useAnnouncer = create<AnnouncerState>((set) => ({
  message: '',
  tone: 'info',
  seq: 0,
  at: 0,
  inputsAt: 0,
  announce: (message, tone = 'info') =>
    set((s) => ({ message, tone, seq: s.seq + 1, at: Date.now(), inputsAt: inputs })),
  clear: (seq) =>
    set((s) => (s.message === '' || (seq !== undefined && seq !== s.seq) ? s : { message: '' })),
}));

export const announce = (message: string, tone: 'info' | 'error' = 'info') =>
  useAnnouncer.getState().announce(message, tone);

/** Called when another screen opens: clears what was said on the screen before. */
export function clearOnNavigation(now = Date.now()) {
  const { at, clear } = useAnnouncer.getState();
  if (now - at > STATUS_NAVIGATION_GRACE_MS) clear();
}

/**
 * Called when a dialog opens: a plain message said before the press that opened it belongs to
 * what came before, and would sit under the dialog saying something else ("«Karen» is deleted"
 * under "«Karen» is taken in"). One said by that press stays; so does an error, until the next
 * message or screen.
 */
export function clearOnDialog() {
  const { message, tone, inputsAt, clear } = useAnnouncer.getState();
  if (message !== '' && tone === 'info' && inputsAt < inputs) clear();
}

/**
 * Calls `clear` when `key` (a screen, a tab) changes, not on the first render: what was said
 * belongs to the place it was said in.
 */
export function useClearOnChange(key: string, clear: () => void): void {
  const shownOn = useRef(key);
  useEffect(() => {
    if (shownOn.current === key) return;
    shownOn.current = key;
    clear();
  }, [key, clear]);
}
