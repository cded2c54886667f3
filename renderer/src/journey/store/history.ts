/**
 * Undo and redo over the whole journey's content (every tab). zundo keeps the past and future
 * contents; a step back or forward is saved as the difference between the two contents, through
 * the same queue as any edit — so a failed undo is retried until the database agrees.
 */
import { contentOf, diffContent, type Content } from '../model/content';
import type { SliceContext } from './types';

export function travel(ctx: SliceContext, direction: 'undo' | 'redo'): Promise<void> {
  const h = ctx.history();
  if ((direction === 'undo' ? h.pastStates : h.futureStates).length === 0) {
    return Promise.resolve();
  }
  const before = contentOf(ctx.get());
  if (direction === 'undo') h.undo();
  else h.redo();
  ctx.endCoalescing();
  const a = ctx.get();
  const after = contentOf(a);
  // A selection of something that is no longer there is let go.
  const selectedId = a.selectedId && after.touchpoints[a.selectedId] ? a.selectedId : null;
  const selectedEdgeId =
    a.selectedEdgeId && after.transitions[a.selectedEdgeId] ? a.selectedEdgeId : null;
  ctx.view({ selectedId, selectedEdgeId });
  ctx.refreshHistoryFlags();
  ctx.save.apply(
    diffContent(before, after).map((c) =>
      // An idea's links come back only to rows that are there (the main process refuses others).
      c.type === 'update' && c.kind === 'idea' ? { ...c, patch: liveLinks(c.patch, after) } : c,
    ),
  );
  return ctx.queue.flush();
}

function liveLinks(patch: Record<string, unknown>, content: Content): Record<string, unknown> {
  const next = { ...patch };
  if (Array.isArray(next.touchpointIds)) {
    next.touchpointIds = (next.touchpointIds as string[]).filter((id) => content.touchpoints[id]);
  }
  if (Array.isArray(next.painPointIds)) {
    next.painPointIds = (next.painPointIds as string[]).filter((id) => content.painPoints[id]);
  }
  return next;
}
