import { useEffect, useState, useSyncExternalStore } from 'react';
import { openSaveQueue, type SaveQueue, type SaveQueueState } from './save-queue';

/**
 * Calls `flush` when the window is hidden, closed or reloaded (visibilitychange, pagehide,
 * beforeunload); returns the function that stops listening. Plain DOM, so it is unit-tested.
 */
export function flushOnHide(
  flush: () => unknown,
  win: Pick<Window, 'addEventListener' | 'removeEventListener'> = window,
  doc: Pick<Document, 'addEventListener' | 'removeEventListener' | 'visibilityState'> = document,
): () => void {
  const now = () => void flush();
  const onVisibility = () => {
    if (doc.visibilityState === 'hidden') now();
  };
  win.addEventListener('pagehide', now);
  win.addEventListener('beforeunload', now);
  doc.addEventListener('visibilitychange', onVisibility);
  return () => {
    win.removeEventListener('pagehide', now);
    win.removeEventListener('beforeunload', now);
    doc.removeEventListener('visibilitychange', onVisibility);
  };
}

/** Nothing typed is lost when the window is hidden, closed or reloaded. */
export function useFlushOnHide(flush: () => unknown): void {
  useEffect(() => flushOnHide(flush), [flush]);
}

/**
 * A save queue for a screen that is not a journey (the catalogue, the prices): the same class, its
 * own status. Disposed with the screen, which sends what waits (and keeps retrying a failure until
 * the screen is opened again and takes it over).
 */
export function useSaveQueue(scope: string): { queue: SaveQueue; state: SaveQueueState } {
  const [queue] = useState(() => openSaveQueue(scope));
  const [subscribe] = useState(() => (listener: () => void) => queue.subscribe(listener));
  const [read] = useState(() => {
    let last = queue.state;
    // useSyncExternalStore wants the same object while nothing changed.
    return () => {
      const now = queue.state;
      if (now.status !== last.status || now.error !== last.error || now.pending !== last.pending) {
        last = now;
      }
      return last;
    };
  });
  const state = useSyncExternalStore(subscribe, read);
  const [flush] = useState(() => () => queue.flush());
  useFlushOnHide(flush);
  useEffect(() => () => queue.dispose(), [queue]);
  return { queue, state };
}
