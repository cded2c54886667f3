import {
  applyEdgeChanges,
  applyNodeChanges,
  MarkerType,
  type Edge,
  type EdgeChange,
  type Node,
  type NodeChange,
} from '@xyflow/react';
import { temporal, type TemporalState } from 'zundo';
import { createStore, type StateCreator } from 'zustand';
import type { Service } from '../../../shared/catalogue';
import type {
  Journey,
  PainPoint,
  PainPointPatch,
  Touchpoint,
  TouchpointPatch,
  Transition,
  TransitionPatch,
} from '../../../shared/domain/journey';
import {
  SECTORS,
  type MapKind,
  type PainCategory,
  type Sector,
  type TransitionKind,
} from '../../../shared/vocabulary';
import { call as defaultCall } from '../api/client';
import { layoutByTime, placeForDate, timeOrder, xForPlace } from './auto-layout';
import { adjacentLane, COLUMN_WIDTH, nodeY, sectorAt, visibleLanes } from './lanes';

export type TouchpointNodeData = {
  label: string;
  sector: Sector;
  contactType: Touchpoint['contactType'];
  date: string | null;
  emotion: Touchpoint['emotion'];
  repetitions: number | null;
  painCount: number;
};
export type TouchpointNode = Node<TouchpointNodeData, 'touchpoint'>;
export type TransitionEdgeData = {
  kind: TransitionKind;
  quality: Transition['quality'];
  waitingDays: Transition['waitingDays'];
};
export type TransitionEdge = Edge<TransitionEdgeData>;
export type SaveStatus = 'idle' | 'saving' | 'saved' | 'error';

type ById<T> = Record<string, T>;

/** The part of the state that is the journey's content: what undo/redo travels through. */
export interface Domain {
  touchpoints: ById<Touchpoint>;
  transitions: ById<Transition>;
  painPoints: ById<PainPoint>;
}

interface GraphSlice extends Domain {
  journey: Journey | null;
  services: Service[];
  /** React Flow's view of the current map; runtime fields (selected, measured, dragging) live only here. */
  nodes: TouchpointNode[];
  edges: TransitionEdge[];
}
interface UiSlice {
  map: MapKind;
  hiddenSectors: Sector[];
  selectedId: string | null;
  selectedEdgeId: string | null;
  loading: boolean;
  loadError: unknown;
}
interface PersistenceSlice {
  saveStatus: SaveStatus;
  saveError: unknown;
  canUndo: boolean;
  canRedo: boolean;
}
interface Actions {
  load: () => Promise<void>;
  addTouchpoint: (input: {
    x?: number;
    sector?: Sector;
    serviceCode?: string;
    contactType?: Touchpoint['contactType'];
    label?: string;
  }) => Promise<Touchpoint>;
  /** Edits fields of a touchpoint; typing in one field becomes one undo step. */
  patchTouchpoint: (id: string, patch: TouchpointPatch) => void;
  onNodesChange: (changes: NodeChange<TouchpointNode>[]) => void;
  onEdgesChange: (changes: EdgeChange<TransitionEdge>[]) => void;
  /** End of a drag: the node's lane becomes its sector, and the move is saved. */
  commitDrag: (id: string) => void;
  moveToAdjacentLane: (id: string, direction: -1 | 1) => void;
  /**
   * Moves an undated touchpoint one place earlier (−1) or later (+1) in time (keyboard ← →).
   * A dated one stands at its date and does not move.
   */
  moveInTime: (id: string, direction: -1 | 1) => 'moved' | 'dated' | 'edge' | 'missing';
  deleteTouchpoint: (id: string) => Promise<void>;
  connect: (sourceId: string, targetId: string) => Promise<Transition | null>;
  patchTransition: (id: string, patch: TransitionPatch) => void;
  deleteTransition: (id: string) => Promise<void>;
  addPainPoint: (touchpointId: string, category: PainCategory) => Promise<PainPoint>;
  patchPainPoint: (id: string, patch: PainPointPatch) => void;
  deletePainPoint: (id: string) => Promise<void>;
  select: (id: string | null) => void;
  selectEdge: (id: string | null) => void;
  setMap: (map: MapKind) => void;
  setSectorHidden: (sector: Sector, hidden: boolean) => void;
  undo: () => Promise<void>;
  redo: () => Promise<void>;
  /** Sends every pending edit; resolves when they are committed (or failed). */
  flush: () => Promise<void>;
  dispose: () => void;
}
export type JourneyState = GraphSlice & UiSlice & PersistenceSlice & Actions;

type Call = typeof defaultCall;

/** How long typing may pause before the edit is written (autosave "within a second"). */
export const TEXT_SAVE_DELAY_MS = 400;
/** Keystrokes in one field closer than this belong to the same undo step. */
const COALESCE_MS = 1500;
const HISTORY_LIMIT = 200;

const byId = <T extends { id: string }>(items: T[]): ById<T> =>
  Object.fromEntries(items.map((i) => [i.id, i]));
const without = <T>(map: ById<T>, ids: Iterable<string>): ById<T> => {
  const next = { ...map };
  for (const id of ids) delete next[id];
  return next;
};

function nodeData(tp: Touchpoint, painCount: number): TouchpointNodeData {
  return {
    label: tp.label,
    sector: tp.sector,
    contactType: tp.contactType,
    date: tp.date,
    emotion: tp.emotion,
    repetitions: tp.repetitions,
    painCount,
  };
}

function sameData(a: TouchpointNodeData, b: TouchpointNodeData): boolean {
  return (Object.keys(a) as (keyof TouchpointNodeData)[]).every((k) => a[k] === b[k]);
}

/**
 * Derives React Flow's nodes and edges for the current map from the domain. Unchanged nodes keep
 * their object (and with it React Flow's measurements), so a 500-node map re-renders only what
 * changed.
 */
export function buildView(
  s: Pick<
    JourneyState,
    | 'touchpoints'
    | 'transitions'
    | 'painPoints'
    | 'map'
    | 'hiddenSectors'
    | 'selectedId'
    | 'selectedEdgeId'
    | 'nodes'
    | 'edges'
  >,
): { nodes: TouchpointNode[]; edges: TransitionEdge[] } {
  const lanes = visibleLanes(s.hiddenSectors);
  const painCounts = new Map<string, number>();
  for (const p of Object.values(s.painPoints)) {
    painCounts.set(p.touchpointId, (painCounts.get(p.touchpointId) ?? 0) + 1);
  }
  const prevNodes = new Map(s.nodes.map((n) => [n.id, n]));
  const nodes: TouchpointNode[] = [];
  const onMap = Object.values(s.touchpoints).filter((tp) => tp.map === s.map);
  // The map is laid out by time and lane: a card's place comes from its date and its lane.
  const xs = layoutByTime(onMap);
  for (const tp of onMap) {
    const data = nodeData(tp, painCounts.get(tp.id) ?? 0);
    const position = { x: xs.get(tp.id) ?? tp.x, y: nodeY(tp.sector, lanes) };
    const selected = tp.id === s.selectedId;
    const prev = prevNodes.get(tp.id);
    if (
      prev &&
      prev.position.x === position.x &&
      prev.position.y === position.y &&
      prev.selected === selected &&
      sameData(prev.data, data)
    ) {
      nodes.push(prev);
    } else {
      nodes.push({ ...prev, id: tp.id, type: 'touchpoint', position, data, selected });
    }
  }
  const prevEdges = new Map(s.edges.map((e) => [e.id, e]));
  const edges: TransitionEdge[] = [];
  for (const tr of Object.values(s.transitions)) {
    if (tr.map !== s.map) continue;
    const selected = tr.id === s.selectedEdgeId;
    const prev = prevEdges.get(tr.id);
    if (
      prev &&
      prev.selected === selected &&
      prev.data?.kind === tr.kind &&
      prev.data?.quality === tr.quality &&
      prev.data?.waitingDays === tr.waitingDays
    ) {
      edges.push(prev);
    } else {
      edges.push({
        id: tr.id,
        source: tr.sourceId,
        target: tr.targetId,
        type: 'transition',
        selected,
        data: { kind: tr.kind, quality: tr.quality, waitingDays: tr.waitingDays },
        markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18 },
        className: tr.quality ? `edge-${tr.quality}` : undefined,
      });
    }
  }
  return { nodes, edges };
}

/** The difference between two domain states as the calls that turn the first into the second. */
export function diffDomain(before: Domain, after: Domain) {
  const added = <T extends { id: string }>(a: ById<T>, b: ById<T>) =>
    Object.values(b).filter((x) => !a[x.id]);
  const removed = <T extends { id: string }>(a: ById<T>, b: ById<T>) =>
    Object.keys(a).filter((id) => !b[id]);
  const changed = <T extends { id: string }>(a: ById<T>, b: ById<T>, fields: (keyof T)[]) =>
    Object.values(b).flatMap((x) => {
      const old = a[x.id];
      if (!old || old === x) return [];
      const patch: Partial<T> = {};
      for (const f of fields) if (old[f] !== x[f]) patch[f] = x[f];
      return Object.keys(patch).length > 0 ? [{ id: x.id, patch }] : [];
    });
  return {
    restore: {
      touchpoints: added(before.touchpoints, after.touchpoints),
      transitions: added(before.transitions, after.transitions),
      painPoints: added(before.painPoints, after.painPoints),
    },
    remove: {
      touchpoints: removed(before.touchpoints, after.touchpoints),
      transitions: removed(before.transitions, after.transitions),
      painPoints: removed(before.painPoints, after.painPoints),
    },
    update: {
      touchpoints: changed(before.touchpoints, after.touchpoints, [
        'label',
        'x',
        'y',
        'sector',
        'serviceCode',
        'contactType',
        'date',
        'durationDays',
        'repetitions',
        'initiatedBy',
        'emotion',
        'whatWorked',
        'quote',
      ]),
      transitions: changed(before.transitions, after.transitions, [
        'kind',
        'quality',
        'waitingDays',
        'note',
      ]),
      painPoints: changed(before.painPoints, after.painPoints, ['category', 'text']),
    },
  };
}

/**
 * One store per open journey (a factory, not a global), with slices for the graph, the UI and
 * persistence. Every edit shows at once and is written to the database as a change of the one
 * row it touches; pending edits are coalesced per row and flushed on a short timer, at the end
 * of a drag, and when the page is hidden or unloaded. zundo keeps the content's history.
 */
export function createJourneyStore(journeyId: string, call: Call = defaultCall) {
  type Kind = 'touchpoint' | 'transition' | 'painPoint';
  const dirty = new Map<string, { kind: Kind; id: string; patch: Record<string, unknown> }>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let inFlight = 0;
  let failed = false;
  let disposed = false;
  let lastEdit: { key: string; at: number } | null = null;

  const creator: StateCreator<JourneyState, [['temporal', unknown]]> = (set, get, api) => {
    const history = () =>
      (
        api as unknown as { temporal: { getState: () => TemporalState<Domain> } }
      ).temporal.getState();

    const refreshHistoryFlags = () => {
      const h = history();
      set({ canUndo: h.pastStates.length > 0, canRedo: h.futureStates.length > 0 });
    };

    const updateStatus = () => {
      if (disposed) return;
      set({
        saveStatus: failed ? 'error' : inFlight > 0 || dirty.size > 0 ? 'saving' : 'saved',
      });
    };

    /** Applies a domain change and re-derives the view; one call is one undo step. */
    const commit = (updater: (s: JourneyState) => Partial<JourneyState>, coalesceKey?: string) => {
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
      refreshHistoryFlags();
    };

    /** Re-derives the view without touching history (selection, map switch, lanes). */
    const view = (patch: Partial<JourneyState>) => {
      const h = history();
      h.pause();
      set((s) => ({ ...patch, ...buildView({ ...s, ...patch }) }));
      h.resume();
    };

    const schedule = (delay: number) => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        void get().flush();
      }, delay);
      updateStatus();
    };

    const markDirty = (kind: Kind, id: string, patch: Record<string, unknown>, delay: number) => {
      const key = `${kind}:${id}`;
      dirty.set(key, { kind, id, patch: { ...dirty.get(key)?.patch, ...patch } });
      schedule(delay);
    };

    const exists = (kind: Kind, id: string) => {
      const s = get();
      return kind === 'touchpoint'
        ? !!s.touchpoints[id]
        : kind === 'transition'
          ? !!s.transitions[id]
          : !!s.painPoints[id];
    };

    const sendPatch = async (kind: Kind, id: string, patch: Record<string, unknown>) => {
      inFlight++;
      updateStatus();
      try {
        if (kind === 'touchpoint') await call('touchpoints:update', { id, patch });
        else if (kind === 'transition') await call('transitions:update', { id, patch });
        else await call('painPoints:update', { id, patch });
      } catch (error) {
        if (exists(kind, id)) {
          // Keep the edit: newer edits to the same row win, the rest is retried.
          const key = `${kind}:${id}`;
          dirty.set(key, { kind, id, patch: { ...patch, ...dirty.get(key)?.patch } });
          failed = true;
          set({ saveError: error });
        }
      } finally {
        inFlight--;
        updateStatus();
      }
    };

    const touchpointPatch = (id: string, patch: TouchpointPatch, delay: number, key?: string) => {
      const tp = get().touchpoints[id];
      if (!tp) return;
      const changed = Object.fromEntries(
        Object.entries(patch).filter(([k, v]) => tp[k as keyof Touchpoint] !== v),
      ) as TouchpointPatch;
      if (Object.keys(changed).length === 0) return;
      commit((s) => {
        const next: Touchpoint = { ...tp, ...changed };
        if (changed.date !== undefined) {
          next.datePrecision =
            changed.date === null ? 'unknown' : changed.date.length === 10 ? 'day' : 'month';
        }
        return { touchpoints: { ...s.touchpoints, [id]: next } };
      }, key);
      markDirty('touchpoint', id, changed, delay);
    };

    const persistDiff = async (before: Domain, after: Domain) => {
      const d = diffDomain(before, after);
      inFlight++;
      updateStatus();
      try {
        for (const id of d.remove.painPoints) await call('painPoints:delete', { id });
        for (const id of d.remove.transitions) await call('transitions:delete', { id });
        for (const id of d.remove.touchpoints) await call('touchpoints:delete', { id });
        if (
          d.restore.touchpoints.length +
            d.restore.transitions.length +
            d.restore.painPoints.length >
          0
        ) {
          await call('journeys:restoreItems', { journeyId, ...d.restore });
        }
        for (const u of d.update.touchpoints) await call('touchpoints:update', u);
        for (const u of d.update.transitions) await call('transitions:update', u);
        for (const u of d.update.painPoints) await call('painPoints:update', u);
      } catch (error) {
        failed = true;
        set({ saveError: error });
      } finally {
        inFlight--;
        updateStatus();
      }
    };

    const travel = async (direction: 'undo' | 'redo') => {
      await get().flush();
      const h = history();
      if ((direction === 'undo' ? h.pastStates : h.futureStates).length === 0) return;
      const s = get();
      const before: Domain = {
        touchpoints: s.touchpoints,
        transitions: s.transitions,
        painPoints: s.painPoints,
      };
      if (direction === 'undo') h.undo();
      else h.redo();
      lastEdit = null;
      const a = get();
      const after: Domain = {
        touchpoints: a.touchpoints,
        transitions: a.transitions,
        painPoints: a.painPoints,
      };
      const selectedId = a.selectedId && after.touchpoints[a.selectedId] ? a.selectedId : null;
      const selectedEdgeId =
        a.selectedEdgeId && after.transitions[a.selectedEdgeId] ? a.selectedEdgeId : null;
      view({ selectedId, selectedEdgeId });
      refreshHistoryFlags();
      await persistDiff(before, after);
    };

    return {
      journey: null,
      services: [],
      touchpoints: {},
      transitions: {},
      painPoints: {},
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
          const [detail, services] = await Promise.all([
            call('journeys:get', { id: journeyId }),
            call('catalogue:list', {}),
          ]);
          const h = history();
          h.pause();
          // Lanes without touchpoints (on either map) start folded away, so the lanes in use
          // fit the window at a readable size; the lanes menu shows them again.
          const used = new Set(detail.touchpoints.map((tp) => tp.sector));
          set((s) => {
            const next = {
              ...s,
              hiddenSectors: used.size ? SECTORS.filter((sector) => !used.has(sector)) : [],
              journey: detail.journey,
              services,
              touchpoints: byId(detail.touchpoints),
              transitions: byId(detail.transitions),
              painPoints: byId(detail.painPoints),
              loading: false,
              saveStatus: 'saved' as const,
            };
            return { ...next, ...buildView(next) };
          });
          h.resume();
          h.clear();
          refreshHistoryFlags();
        } catch (error) {
          set({ loading: false, loadError: error });
        }
      },

      addTouchpoint: async ({ x, sector = 'other', serviceCode, contactType, label }) => {
        await get().flush();
        const s = get();
        const onMap = Object.values(s.touchpoints).filter((t) => t.map === s.map);
        const nextX = x ?? (onMap.length ? Math.max(...onMap.map((t) => t.x)) + COLUMN_WIDTH : 0);
        const lanes = visibleLanes(s.hiddenSectors.filter((h) => h !== sector));
        const tp = await call('touchpoints:create', {
          journeyId,
          map: s.map,
          sector,
          ...(serviceCode ? { serviceCode } : {}),
          ...(contactType ? { contactType } : {}),
          label: label ?? '',
          x: Math.round(nextX),
          y: nodeY(sector, lanes),
        });
        commit((st) => ({
          touchpoints: { ...st.touchpoints, [tp.id]: tp },
          hiddenSectors: st.hiddenSectors.filter((h) => h !== sector),
          selectedId: tp.id,
          selectedEdgeId: null,
        }));
        updateStatus();
        return tp;
      },

      patchTouchpoint: (id, patch) => {
        const textual = Object.keys(patch).some((k) =>
          ['label', 'whatWorked', 'quote'].includes(k),
        );
        const key = textual ? `tp:${id}:${Object.keys(patch).sort().join(',')}` : undefined;
        // A new date moves the card to its place in time. Its stored x moves with it, so the
        // stored order stays the time order and the undated cards around it keep their places.
        const tp = get().touchpoints[id];
        let full = patch;
        if (tp && patch.date && patch.date !== tp.date && patch.x === undefined) {
          const others = Object.values(get().touchpoints).filter(
            (o) => o.map === tp.map && o.id !== id,
          );
          full = { ...patch, x: xForPlace(others, placeForDate(others, patch.date)) };
        }
        touchpointPatch(id, full, textual ? TEXT_SAVE_DELAY_MS : 0, key);
      },

      onNodesChange: (changes) => {
        // Removal goes through deleteTouchpoint (with confirmation). Positions reach the domain
        // when a move ends: the end of a drag, or a keyboard step (both arrive with dragging false).
        const safe = changes.filter((c) => c.type !== 'remove');
        const ended = safe.filter(
          (c): c is Extract<NodeChange<TouchpointNode>, { type: 'position' }> =>
            c.type === 'position' && c.dragging !== true && !!c.position,
        );
        set((s) => {
          const nodes = applyNodeChanges(safe, s.nodes);
          const selected = nodes.filter((n) => n.selected);
          return {
            nodes,
            selectedId:
              selected.length === 1 ? selected[0]!.id : selected.length ? s.selectedId : null,
            selectedEdgeId: selected.length ? null : s.selectedEdgeId,
          };
        });
        for (const c of ended) get().commitDrag(c.id);
      },

      onEdgesChange: (changes) => {
        const safe = changes.filter((c) => c.type !== 'remove');
        set((s) => {
          const edges = applyEdgeChanges(safe, s.edges);
          const selected = edges.filter((e) => e.selected);
          return {
            edges,
            selectedEdgeId: selected.length === 1 ? selected[0]!.id : null,
            selectedId: selected.length ? null : s.selectedId,
          };
        });
      },

      commitDrag: (id) => {
        const s = get();
        const node = s.nodes.find((n) => n.id === id);
        const tp = s.touchpoints[id];
        if (!node || !tp) return;
        const lanes = visibleLanes(s.hiddenSectors);
        const sector = sectorAt(node.position.y + (node.measured?.height ?? 60) / 2, lanes);
        const patch: TouchpointPatch = {};
        if (sector !== tp.sector) {
          patch.sector = sector;
          patch.y = nodeY(sector, lanes);
        }
        // Left and right is time. A dated card stays at its date; an undated one takes the place
        // in the time order where it was dropped.
        if (tp.date === null) {
          const others = Object.values(s.touchpoints).filter(
            (o) => o.map === tp.map && o.id !== id,
          );
          const before = timeOrder(Object.values(s.touchpoints).filter((o) => o.map === tp.map));
          const from = before.findIndex((o) => o.id === id);
          const place = s.nodes.filter((n) => n.id !== id && n.position.x < node.position.x).length;
          if (place !== from) patch.x = xForPlace(others, place);
        }
        if (Object.keys(patch).length === 0) {
          view({}); // snap back to its place
          return;
        }
        touchpointPatch(id, patch, 0, patch.sector ? undefined : `move:${id}`);
      },

      moveToAdjacentLane: (id, direction) => {
        const s = get();
        const tp = s.touchpoints[id];
        if (!tp) return;
        const lanes = visibleLanes(s.hiddenSectors);
        const sector = adjacentLane(tp.sector, direction, lanes);
        if (sector !== tp.sector) touchpointPatch(id, { sector, y: nodeY(sector, lanes) }, 0);
      },

      moveInTime: (id, direction) => {
        const s = get();
        const tp = s.touchpoints[id];
        if (!tp) return 'missing';
        if (tp.date !== null) return 'dated';
        const order = timeOrder(Object.values(s.touchpoints).filter((o) => o.map === tp.map));
        const others = order.filter((o) => o.id !== id);
        const place = order.findIndex((o) => o.id === id) + direction;
        if (place < 0 || place > others.length) return 'edge';
        // Steps in a row are one undo step, like typing.
        touchpointPatch(id, { x: xForPlace(others, place) }, 0, `tp:${id}:x`);
        return 'moved';
      },

      deleteTouchpoint: async (id) => {
        await get().flush();
        await call('touchpoints:delete', { id });
        commit((s) => {
          const transitions = Object.values(s.transitions)
            .filter((t) => t.sourceId === id || t.targetId === id)
            .map((t) => t.id);
          const pains = Object.values(s.painPoints)
            .filter((p) => p.touchpointId === id)
            .map((p) => p.id);
          return {
            touchpoints: without(s.touchpoints, [id]),
            transitions: without(s.transitions, transitions),
            painPoints: without(s.painPoints, pains),
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
        await get().flush();
        const tr = await call('transitions:create', { journeyId, sourceId, targetId });
        commit((s) => ({ transitions: { ...s.transitions, [tr.id]: tr } }));
        return tr;
      },

      patchTransition: (id, patch) => {
        const tr = get().transitions[id];
        if (!tr) return;
        const textual = 'note' in patch;
        commit(
          (s) => ({ transitions: { ...s.transitions, [id]: { ...tr, ...patch } } }),
          textual ? `tr:${id}:note` : undefined,
        );
        markDirty('transition', id, patch, textual ? TEXT_SAVE_DELAY_MS : 0);
      },

      deleteTransition: async (id) => {
        await get().flush();
        await call('transitions:delete', { id });
        commit((s) => ({
          transitions: without(s.transitions, [id]),
          selectedEdgeId: s.selectedEdgeId === id ? null : s.selectedEdgeId,
        }));
      },

      addPainPoint: async (touchpointId, category) => {
        await get().flush();
        const p = await call('painPoints:create', { touchpointId, category });
        commit((s) => ({ painPoints: { ...s.painPoints, [p.id]: p } }));
        return p;
      },

      patchPainPoint: (id, patch) => {
        const p = get().painPoints[id];
        if (!p) return;
        const textual = 'text' in patch;
        commit(
          (s) => ({ painPoints: { ...s.painPoints, [id]: { ...p, ...patch } } }),
          textual ? `pp:${id}:text` : undefined,
        );
        markDirty('painPoint', id, patch, textual ? TEXT_SAVE_DELAY_MS : 0);
      },

      deletePainPoint: async (id) => {
        await get().flush();
        await call('painPoints:delete', { id });
        commit((s) => ({ painPoints: without(s.painPoints, [id]) }));
      },

      select: (id) => view({ selectedId: id, selectedEdgeId: null }),
      selectEdge: (id) => view({ selectedEdgeId: id, selectedId: null }),
      setMap: (map) => view({ map, selectedId: null, selectedEdgeId: null }),
      setSectorHidden: (sector, hidden) =>
        view({
          hiddenSectors: hidden
            ? [...new Set([...get().hiddenSectors, sector])]
            : get().hiddenSectors.filter((s) => s !== sector),
        }),

      undo: () => travel('undo'),
      redo: () => travel('redo'),

      flush: async () => {
        if (timer) {
          clearTimeout(timer);
          timer = null;
        }
        failed = false;
        const batch = [...dirty.values()];
        dirty.clear();
        // Each patch touches a different row, so they can go out together.
        await Promise.all(batch.map((d) => sendPatch(d.kind, d.id, d.patch)));
        updateStatus();
      },

      dispose: () => {
        if (dirty.size > 0) void get().flush();
        disposed = true;
        if (timer) clearTimeout(timer);
      },
    };
  };

  return createStore<JourneyState>()(
    temporal(creator, {
      partialize: (s): Domain => ({
        touchpoints: s.touchpoints,
        transitions: s.transitions,
        painPoints: s.painPoints,
      }),
      equality: (a, b) =>
        a.touchpoints === b.touchpoints &&
        a.transitions === b.transitions &&
        a.painPoints === b.painPoints,
      limit: HISTORY_LIMIT,
    }),
  );
}

export type JourneyStore = ReturnType<typeof createJourneyStore>;
