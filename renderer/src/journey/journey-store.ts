import {
  applyEdgeChanges,
  applyNodeChanges,
  MarkerType,
  type Edge,
  type EdgeChange,
  type Node,
  type NodeChange,
} from '@xyflow/react';
import { createStore, type StateCreator } from 'zustand';
import type { Journey, Touchpoint, Transition } from '../../../shared/domain/journey';
import { call as defaultCall } from '../api/client';

export type TouchpointNodeData = { label: string };
export type TouchpointNode = Node<TouchpointNodeData, 'touchpoint'>;
export type SaveStatus = 'idle' | 'saving' | 'saved' | 'error';
type Patch = { label?: string; x?: number; y?: number };

/** Domain data as read from and written to the database. */
interface GraphSlice {
  journey: Journey | null;
  touchpoints: Record<string, Touchpoint>;
  transitions: Record<string, Transition>;
  /** React Flow's view of the touchpoints; runtime fields (selected, measured, dragging) live only here. */
  nodes: TouchpointNode[];
  edges: Edge[];
}
interface UiSlice {
  selectedId: string | null;
  loading: boolean;
  loadError: unknown;
}
interface PersistenceSlice {
  saveStatus: SaveStatus;
  saveError: unknown;
}
interface Actions {
  load: () => Promise<void>;
  addTouchpoint: (position: { x: number; y: number }) => Promise<Touchpoint>;
  setLabel: (id: string, label: string) => void;
  onNodesChange: (changes: NodeChange<TouchpointNode>[]) => void;
  onEdgesChange: (changes: EdgeChange[]) => void;
  /** Saves a node's position now (end of a drag). */
  commitPosition: (id: string) => void;
  deleteTouchpoint: (id: string) => Promise<void>;
  connect: (sourceId: string, targetId: string) => Promise<Transition | null>;
  select: (id: string | null) => void;
  /** Sends every pending edit; resolves when they are committed (or failed). */
  flush: () => Promise<void>;
  dispose: () => void;
}
export type JourneyState = GraphSlice & UiSlice & PersistenceSlice & Actions;

type Call = typeof defaultCall;

/** How long typing may pause before the edit is written (autosave "within a second"). */
export const LABEL_SAVE_DELAY_MS = 400;
/** Keyboard moves arrive as a burst of steps; save once the burst settles. */
const POSITION_SAVE_DELAY_MS = 250;

export function toNode(tp: Touchpoint, selected = false): TouchpointNode {
  return {
    id: tp.id,
    type: 'touchpoint',
    position: { x: tp.x, y: tp.y },
    data: { label: tp.label },
    selected,
  };
}

export function toEdge(tr: Transition): Edge {
  return {
    id: tr.id,
    source: tr.sourceId,
    target: tr.targetId,
    markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18 },
  };
}

/**
 * One store per open journey (a factory, not a global), with slices for the graph, the UI and
 * persistence. Every edit updates the screen at once and is written to the database as a change
 * of the one row it touches; pending edits are coalesced per touchpoint and flushed on a short
 * timer, at the end of a drag, and when the page is hidden or unloaded.
 */
export function createJourneyStore(journeyId: string, call: Call = defaultCall) {
  const dirty = new Map<string, Patch>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let inFlight = 0;
  let failed = false;
  let disposed = false;

  const creator: StateCreator<JourneyState> = (set, get) => {
    const updateStatus = () => {
      if (disposed) return;
      set({
        saveStatus: failed ? 'error' : inFlight > 0 || dirty.size > 0 ? 'saving' : 'saved',
      });
    };

    const schedule = (delay: number) => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        void get().flush();
      }, delay);
      updateStatus();
    };

    const markDirty = (id: string, patch: Patch, delay: number) => {
      dirty.set(id, { ...dirty.get(id), ...patch });
      schedule(delay);
    };

    const sendPatch = async (id: string, patch: Patch) => {
      inFlight++;
      updateStatus();
      try {
        const saved = await call('touchpoints:update', { id, patch });
        if (!disposed && get().touchpoints[id]) {
          set((s) => ({
            touchpoints: {
              ...s.touchpoints,
              [id]: { ...saved, ...s.touchpoints[id]!, updatedAt: saved.updatedAt },
            },
          }));
        }
      } catch (error) {
        if (get().touchpoints[id]) {
          // Keep the edit: newer edits to the same touchpoint win, the rest is retried.
          dirty.set(id, { ...patch, ...dirty.get(id) });
          failed = true;
          set({ saveError: error });
        }
      } finally {
        inFlight--;
        updateStatus();
      }
    };

    return {
      journey: null,
      touchpoints: {},
      transitions: {},
      nodes: [],
      edges: [],
      selectedId: null,
      loading: true,
      loadError: null,
      saveStatus: 'idle',
      saveError: null,

      load: async () => {
        set({ loading: true, loadError: null });
        try {
          const detail = await call('journeys:get', { id: journeyId });
          set({
            journey: detail.journey,
            touchpoints: Object.fromEntries(detail.touchpoints.map((t) => [t.id, t])),
            transitions: Object.fromEntries(detail.transitions.map((t) => [t.id, t])),
            nodes: detail.touchpoints.map((t) => toNode(t)),
            edges: detail.transitions.map(toEdge),
            loading: false,
            saveStatus: 'saved',
          });
        } catch (error) {
          set({ loading: false, loadError: error });
        }
      },

      addTouchpoint: async ({ x, y }) => {
        await get().flush();
        const tp = await call('touchpoints:create', {
          journeyId,
          x: Math.round(x),
          y: Math.round(y),
        });
        set((s) => ({
          touchpoints: { ...s.touchpoints, [tp.id]: tp },
          nodes: [
            ...s.nodes.map((n) => (n.selected ? { ...n, selected: false } : n)),
            toNode(tp, true),
          ],
          selectedId: tp.id,
        }));
        updateStatus();
        return tp;
      },

      setLabel: (id, label) => {
        const tp = get().touchpoints[id];
        if (!tp || tp.label === label) return;
        set((s) => ({
          touchpoints: { ...s.touchpoints, [id]: { ...tp, label } },
          nodes: s.nodes.map((n) => (n.id === id ? { ...n, data: { ...n.data, label } } : n)),
        }));
        markDirty(id, { label }, LABEL_SAVE_DELAY_MS);
      },

      onNodesChange: (changes) => {
        const moved: { id: string; dragging: boolean }[] = [];
        for (const c of changes) {
          // Removal goes through deleteTouchpoint (with confirmation), never through React Flow.
          if (c.type === 'position' && c.position)
            moved.push({ id: c.id, dragging: c.dragging === true });
        }
        const safe = changes.filter((c) => c.type !== 'remove');
        set((s) => {
          const nodes = applyNodeChanges(safe, s.nodes);
          const selected = nodes.filter((n) => n.selected);
          let touchpoints = s.touchpoints;
          for (const m of moved) {
            const node = nodes.find((n) => n.id === m.id);
            const tp = touchpoints[m.id];
            if (node && tp) {
              touchpoints = {
                ...touchpoints,
                [m.id]: { ...tp, x: node.position.x, y: node.position.y },
              };
            }
          }
          return { nodes, touchpoints, selectedId: selected.length === 1 ? selected[0]!.id : null };
        });
        for (const m of moved) {
          const tp = get().touchpoints[m.id];
          // Mid-drag positions are only shown; keyboard steps are saved once they settle.
          if (tp && !m.dragging) markDirty(m.id, { x: tp.x, y: tp.y }, POSITION_SAVE_DELAY_MS);
        }
      },

      onEdgesChange: (changes) => {
        set((s) => ({
          edges: applyEdgeChanges(
            changes.filter((c) => c.type !== 'remove'),
            s.edges,
          ),
        }));
      },

      commitPosition: (id) => {
        const tp = get().touchpoints[id];
        if (!tp) return;
        dirty.set(id, { ...dirty.get(id), x: tp.x, y: tp.y });
        void get().flush();
      },

      deleteTouchpoint: async (id) => {
        dirty.delete(id);
        await call('touchpoints:delete', { id });
        set((s) => {
          const touchpoints = { ...s.touchpoints };
          delete touchpoints[id];
          const transitions = Object.fromEntries(
            Object.entries(s.transitions).filter(([, t]) => t.sourceId !== id && t.targetId !== id),
          );
          return {
            touchpoints,
            transitions,
            nodes: s.nodes.filter((n) => n.id !== id),
            edges: s.edges.filter((e) => e.source !== id && e.target !== id),
            selectedId: s.selectedId === id ? null : s.selectedId,
          };
        });
        updateStatus();
      },

      connect: async (sourceId, targetId) => {
        if (sourceId === targetId) return null;
        const exists = Object.values(get().transitions).some(
          (t) => t.sourceId === sourceId && t.targetId === targetId,
        );
        if (exists) return null;
        const tr = await call('transitions:create', { journeyId, sourceId, targetId });
        set((s) => ({
          transitions: { ...s.transitions, [tr.id]: tr },
          edges: [...s.edges, toEdge(tr)],
        }));
        return tr;
      },

      select: (id) => {
        set((s) => ({
          selectedId: id,
          nodes: s.nodes.map((n) => {
            const selected = n.id === id;
            return n.selected === selected ? n : { ...n, selected };
          }),
        }));
      },

      flush: async () => {
        if (timer) {
          clearTimeout(timer);
          timer = null;
        }
        failed = false;
        const batch = [...dirty.entries()];
        dirty.clear();
        // Each patch touches a different row, so they can go out together.
        await Promise.all(batch.map(([id, patch]) => sendPatch(id, patch)));
        updateStatus();
      },

      dispose: () => {
        if (dirty.size > 0) void get().flush();
        disposed = true;
        if (timer) clearTimeout(timer);
      },
    };
  };

  return createStore<JourneyState>()(creator);
}

export type JourneyStore = ReturnType<typeof createJourneyStore>;
