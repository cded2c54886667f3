import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useJourney } from './journey-context';
import type { TransitionEdge as TransitionEdgeType } from './journey-store';

/**
 * Danish accessible names for the connections ("Overgang fra Egen læge til Sygehuset, brudt,
 * 19 dages ventetid"), on the journey map and on both maps compared. Edge objects are kept while
 * their name is unchanged, so a drag does not re-render every line.
 */
const NAMED_EDGES = new WeakMap<TransitionEdgeType, TransitionEdgeType>();
export function useNamedEdges(edges: TransitionEdgeType[]): TransitionEdgeType[] {
  const { t } = useTranslation();
  const touchpoints = useJourney((s) => s.touchpoints);
  const transitions = useJourney((s) => s.transitions);
  return useMemo(() => {
    const name = (id: string) => touchpoints[id]?.label.trim() || t('canvas.untitled');
    return edges.map((e) => {
      const tr = transitions[e.id];
      const ariaLabel = [
        t('canvas.edgeName', { from: name(e.source), to: name(e.target) }),
        tr && tr.kind !== 'then' ? t(`vocab.transitionKind.${tr.kind}`).toLowerCase() : '',
        tr?.quality ? t(`vocab.quality.${tr.quality}`).toLowerCase() : '',
        tr?.waitingDays != null ? t('canvas.edgeWaiting', { count: tr.waitingDays }) : '',
      ]
        .filter(Boolean)
        .join(', ');
      const prev = NAMED_EDGES.get(e);
      if (prev?.ariaLabel === ariaLabel) return prev;
      const named = { ...e, ariaLabel };
      NAMED_EDGES.set(e, named);
      return named;
    });
  }, [edges, touchpoints, transitions, t]);
}
