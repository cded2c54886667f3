import { useCallback, useEffect, useRef } from 'react';

/**
 * Collects field edits into one patch and saves it after a short pause, at once when asked,
 * and when the page is hidden or the component goes away: nothing typed is lost.
 */
export function usePatchQueue<P extends object>(
  save: (patch: P) => Promise<unknown>,
  delay = 500,
): { queue: (patch: P, immediate?: boolean) => void; flush: () => Promise<void> } {
  const pending = useRef<P | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const patch = pending.current;
    pending.current = null;
    if (patch) await saveRef.current(patch);
  }, []);

  const queue = useCallback(
    (patch: P, immediate = false) => {
      pending.current = { ...(pending.current ?? ({} as P)), ...patch };
      if (timer.current) clearTimeout(timer.current);
      if (immediate) void flush();
      else timer.current = setTimeout(() => void flush(), delay);
    },
    [delay, flush],
  );

  useEffect(() => {
    const onHide = () => void flush();
    window.addEventListener('pagehide', onHide);
    window.addEventListener('beforeunload', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      window.removeEventListener('beforeunload', onHide);
      void flush();
    };
  }, [flush]);

  return { queue, flush };
}
