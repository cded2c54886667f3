import { create } from 'zustand';

/**
 * Status messages for the polite live region: what just happened, said once, so a screen
 * reader user hears it and a sighted user sees it in the status bar.
 */
interface AnnouncerState {
  message: string;
  tone: 'info' | 'error';
  seq: number;
  announce: (message: string, tone?: 'info' | 'error') => void;
}

export const useAnnouncer = create<AnnouncerState>((set) => ({
  message: '',
  tone: 'info',
  seq: 0,
  announce: (message, tone = 'info') => set((s) => ({ message, tone, seq: s.seq + 1 })),
}));

export const announce = (message: string, tone: 'info' | 'error' = 'info') =>
  useAnnouncer.getState().announce(message, tone);
