/**
 * One store per open journey (a factory, not a global), composed of slices over pure functions:
 *
 * - model/content.ts — the content, its diff and apply (field lists from the zod schemas)
 * - model/view.ts — React Flow's nodes and edges derived from the content
 * - components/save-queue.ts — the one save queue (coalescing, order, retry with backoff)
 * - store/persistence.ts — edits, deletes and undo's restores as calls on that queue
 * - store/map-slice.ts, store/notes-slice.ts — the actions of the map and of the other tabs
 * - store/history.ts — undo and redo across every tab, saved through the queue
 *
 * Every edit shows at once and is written as a change of the one row it touches. zundo keeps the
 * content's history; the view, the selection and the status are outside it.
 */
import { temporal, type TemporalState } from 'zundo';
import { createStore, type StateCreator } from 'zustand';
import { SECTORS } from '../../../shared/vocabulary';
import { call as defaultCall } from '../api/client';
import { takeEarlyJourneyRead } from '../early-reads';
import { openSaveQueue, type SaveQueueOptions } from '../components/save-queue';
import {
  byId,
  COLLECTION,
  contentOf,
  emptyContent,
  sameContent,
  type Content,
  type RowKind,
} from './model/content';
import { buildView } from './model/view';
import { mapSlice } from './store/map-slice';
import { notesSlice, profileSaved } from './store/notes-slice';
import { createPersister, PROFILE_KEY, type Call } from './store/persistence';
import { readJourney } from './store/read-journey';
import { travel } from './store/history';
import type { JourneyState, SliceContext } from './store/types';

export type { JourneyState } from './store/types';
export {
  buildView,
  type TouchpointNode,
  type TouchpointNodeData,
  type TransitionEdge,
  type TransitionEdgeData,
} from './model/view';
export type { SaveStatus } from '../components/save-queue';
export { TEXT_SAVE_DELAY_MS } from './store/rows';

/** Keystrokes in one field closer than this belong to the same undo step. */
const COALESCE_MS = 1500;
const HISTORY_LIMIT = 200;

export function createJourneyStore(
  journeyId: string,
  call: Call = defaultCall,
  queueOptions: SaveQueueOptions = {},
) {
  // Edits left unsaved by the last view of this journey go first, in this queue.
  const queue = openSaveQueue(`journey:${journeyId}`, queueOptions);
  let lastEdit: { key: string; at: number } | null = null;
  let unsubscribe: () => void = () => undefined;

  const creator: StateCreator<JourneyState, [['temporal', unknown]]> = (set, get, api) => {
    const history = () =>
      (
        api as unknown as { temporal: { getState: () => TemporalState<Content> } }
      ).temporal.getState();

    const ctx: SliceContext = {
      set: api.setState,
      get,
      journeyId,
      call,
      queue,
      save: createPersister(call, journeyId, queue, (p) => profileSaved(ctx, p)),
      history,
      refreshHistoryFlags: () => {
        const h = history();
        set({ canUndo: h.pastStates.length > 0, canRedo: h.futureStates.length > 0 });
      },
      commit: (updater, coalesceKey) => {
        const now = Date.now();
        const coalesce =
          coalesceKey !== undefined &&
          lastEdit?.key === coalesceKey &&
          now - lastEdit.at < COALESCE_MS;
        const h = history();
        if (coalesce) h.pause();
        set((s) => {
          const change = updater(s);
          return { ...change, ...buildView({ ...s, ...change }) };
        });
        if (coalesce) h.resume();
        lastEdit = coalesceKey !== undefined ? { key: coalesceKey, at: now } : null;
        ctx.refreshHistoryFlags();
      },
      view: (patch) => {
        const h = history();
        h.pause();
        set((s) => ({ ...patch, ...buildView({ ...s, ...patch }) }));
        h.resume();
      },
      endCoalescing: () => {
        lastEdit = null;
      },
    };

    // The one status of the journey's saves, whatever tab they came from.
    unsubscribe = queue.subscribe((q) => {
      if (get().loading) return;
      set({ saveStatus: q.status === 'idle' ? 'saved' : q.status, saveError: q.error });
    });

    return {
      journey: null,
      services: [],
      ...emptyContent(),
      nodes: [],
      edges: [],
      map: 'as_is',
      hiddenSectors: [],
      selectedId: null,
      selectedEdgeId: null,
      loading: true,
      loadError: null,
      saveStatus: 'idle',
      saveError: null,
      canUndo: false,
      canRedo: false,

      load: async () => {
        set({ loading: true, loadError: null });
        try {
          // Edits the last view of this journey left unsaved are written first, so what is read
          // holds them (if the database still refuses, they stay queued and the status says so).
          // Twice: the first may only wait for a try already on its way when the view closed.
          ctx.save.adoptProfile();
          for (let tries = 0; tries < 2 && queue.state.pending > 0; tries++) await queue.flush();
          // The window's first reads may hold this journey already (read while the code loaded);
          // taken only by the app's own bridge, and only when nothing waits to be written.
          const early =
            call === defaultCall && queue.state.pending === 0
              ? takeEarlyJourneyRead(journeyId)
              : undefined;
          const [detail, services, profile, goals, ideas, workshops] = await (early ??
            readJourney(call, journeyId));
          const h = history();
          h.pause();
          // Lanes without touchpoints (on either map) start folded away, so the lanes in use
          // fit the window at a readable size; the lanes menu shows them again.
          const used = new Set(detail.touchpoints.map((tp) => tp.sector));
          const q = queue.state;
          // What the database still refuses is shown as it will be written, not as it was.
          const read = overlaid(
            {
              touchpoints: byId(detail.touchpoints),
              transitions: byId(detail.transitions),
              painPoints: byId(detail.painPoints),
              profile,
              goals: byId(goals),
              ideas: byId(ideas),
              workshops: byId(workshops),
            },
            queue.waitingPatches(),
          );
          set((s) => {
            const next = {
              ...s,
              hiddenSectors: used.size ? SECTORS.filter((sector) => !used.has(sector)) : [],
              journey: detail.journey,
              services,
              ...read,
              loading: false,
              // Freshly loaded, the journey is what the database holds.
              saveStatus: q.status === 'idle' ? ('saved' as const) : q.status,
              saveError: q.error,
            };
            return { ...next, ...buildView(next) };
          });
          h.resume();
          h.clear();
          lastEdit = null;
          ctx.refreshHistoryFlags();
        } catch (error) {
          set({ loading: false, loadError: error });
        }
      },

      ...mapSlice(ctx),
      ...notesSlice(ctx),

      undo: () => travel(ctx, 'undo'),
      redo: () => travel(ctx, 'redo'),
      flush: () => queue.flush(),
      retry: () => queue.retry(),
      dispose: () => {
        unsubscribe();
        queue.dispose();
      },
    };
  };

  return createStore<JourneyState>()(
    temporal(creator, {
      partialize: (s): Content => contentOf(s),
      equality: sameContent,
      limit: HISTORY_LIMIT,
    }),
  );
}

export type JourneyStore = ReturnType<typeof createJourneyStore>;

/**
 * The journey as read, with the fields still waiting to be written laid over their rows (a view
 * opened on a queue it took over, while the database refuses them): the view shows what will be.
 */
function overlaid(
  content: Content,
  waiting: { key: string; patch: Record<string, unknown> }[],
): Content {
  const out: Content = { ...content };
  for (const { key, patch } of waiting) {
    if (key === PROFILE_KEY) {
      if (out.profile) out.profile = { ...out.profile, ...patch } as Content['profile'];
      continue;
    }
    const colon = key.indexOf(':');
    const kind = key.slice(0, colon) as RowKind;
    const id = key.slice(colon + 1);
    const name = COLLECTION[kind];
    const rows = name ? (out[name] as Record<string, object>) : undefined;
    if (!rows?.[id]) continue;
    (out as unknown as Record<string, unknown>)[name] = {
      ...rows,
      [id]: { ...rows[id], ...patch },
    };
  }
  return out;
}
