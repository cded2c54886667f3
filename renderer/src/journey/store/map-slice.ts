/**
 * The map's actions: touchpoints, transitions and pain points, dragging and keyboard moves,
 * selection and the lanes. Content changes go through `editRow`/`commit` (history) and the
 * persister (the one save queue); deletes are queued like edits, so a failed one is retried.
 */
import { applyEdgeChanges, applyNodeChanges, type NodeChange } from '@xyflow/react';
import type { TouchpointPatch } from '../../../../shared/domain/journey';
import { placeForDate, timeOrder, xForPlace } from '../auto-layout';
import { adjacentLane, COLUMN_WIDTH, nodeY, sectorAt, visibleLanes } from '../lanes';
import { without } from '../model/content';
import type { TouchpointNode } from '../model/view';
import { rowKey } from './persistence';
import { addRow, editRow } from './rows';
import type { MapActions, SliceContext } from './types';

const TOUCHPOINT_TEXT = ['label', 'whatWorked', 'quote'] as const;

export function mapSlice(ctx: SliceContext): MapActions {
  const { get, journeyId, call, queue, save, commit, view } = ctx;

  const patchTouchpoint = (id: string, patch: TouchpointPatch, coalesceKey?: string) =>
    editRow(ctx, 'touchpoint', id, patch, { text: TOUCHPOINT_TEXT, coalesceKey });

  return {
    addTouchpoint: async ({ x, sector = 'other', serviceCode, contactType, label }) => {
      // A restore waiting in the queue (undo) must be written before anything refers to it.
      await queue.flush();
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
      return tp;
    },

    patchTouchpoint: (id, patch) => {
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
      patchTouchpoint(id, full);
    },

    onNodesChange: (changes) => {
      // Removal goes through deleteTouchpoint (with confirmation). Positions reach the domain
      // when a move ends: the end of a drag, or a keyboard step (both arrive with dragging false).
      const safe = changes.filter((c) => c.type !== 'remove');
      const ended = safe.filter(
        (c): c is Extract<NodeChange<TouchpointNode>, { type: 'position' }> =>
          c.type === 'position' && c.dragging !== true && !!c.position,
      );
      ctx.set((s) => {
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
      ctx.set((s) => {
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
        const others = Object.values(s.touchpoints).filter((o) => o.map === tp.map && o.id !== id);
        const before = timeOrder(Object.values(s.touchpoints).filter((o) => o.map === tp.map));
        const from = before.findIndex((o) => o.id === id);
        const place = s.nodes.filter((n) => n.id !== id && n.position.x < node.position.x).length;
        if (place !== from) patch.x = xForPlace(others, place);
      }
      if (Object.keys(patch).length === 0) {
        view({}); // snap back to its place
        return;
      }
      patchTouchpoint(id, patch, patch.sector ? undefined : `move:${id}`);
    },

    moveToAdjacentLane: (id, direction) => {
      const s = get();
      const tp = s.touchpoints[id];
      if (!tp) return;
      const lanes = visibleLanes(s.hiddenSectors);
      const sector = adjacentLane(tp.sector, direction, lanes);
      if (sector !== tp.sector) patchTouchpoint(id, { sector, y: nodeY(sector, lanes) });
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
      patchTouchpoint(id, { x: xForPlace(others, place) }, `touchpoint:${id}:x`);
      return 'moved';
    },

    deleteTouchpoint: (id) => {
      const s = get();
      if (!s.touchpoints[id]) return Promise.resolve();
      // The database takes the touchpoint's transitions and pain points with it.
      const transitions = Object.values(s.transitions)
        .filter((t) => t.sourceId === id || t.targetId === id)
        .map((t) => t.id);
      const pains = Object.values(s.painPoints)
        .filter((p) => p.touchpointId === id)
        .map((p) => p.id);
      commit((st) => ({
        touchpoints: without(st.touchpoints, [id]),
        transitions: without(st.transitions, transitions),
        painPoints: without(st.painPoints, pains),
        selectedId: st.selectedId === id ? null : st.selectedId,
      }));
      save.remove('touchpoint', id, [
        ...transitions.map((t) => rowKey('transition', t)),
        ...pains.map((p) => rowKey('painPoint', p)),
      ]);
      return Promise.resolve();
    },

    connect: async (sourceId, targetId) => {
      if (sourceId === targetId) return null;
      const exists = Object.values(get().transitions).some(
        (t) => t.sourceId === sourceId && t.targetId === targetId,
      );
      if (exists) return null;
      await queue.flush();
      const tr = await call('transitions:create', { journeyId, sourceId, targetId });
      addRow(ctx, 'transition', tr);
      return tr;
    },

    patchTransition: (id, patch) => {
      editRow(ctx, 'transition', id, patch, { text: ['note'] });
    },

    deleteTransition: (id) => {
      if (!get().transitions[id]) return Promise.resolve();
      commit((s) => ({
        transitions: without(s.transitions, [id]),
        selectedEdgeId: s.selectedEdgeId === id ? null : s.selectedEdgeId,
      }));
      save.remove('transition', id);
      return Promise.resolve();
    },

    addPainPoint: async (touchpointId, category) => {
      await queue.flush();
      const p = await call('painPoints:create', { touchpointId, category });
      addRow(ctx, 'painPoint', p);
      return p;
    },

    patchPainPoint: (id, patch) => {
      editRow(ctx, 'painPoint', id, patch, { text: ['text'] });
    },

    deletePainPoint: (id) => {
      if (!get().painPoints[id]) return Promise.resolve();
      commit((s) => ({ painPoints: without(s.painPoints, [id]) }));
      save.remove('painPoint', id);
      return Promise.resolve();
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
  };
}
