import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TransitionEdge as TransitionEdgeType } from './journey-store';

/**
 * A transition: its kind as a label and its handover quality as colour, line and word, so
 * "broken" is visible without relying on colour alone.
 */
function TransitionEdgeView(props: EdgeProps<TransitionEdgeType>) {
  const { t } = useTranslation();
  const [path, labelX, labelY] = getBezierPath(props);
  const quality = props.data?.quality ?? null;
  const kind = props.data?.kind ?? 'then';
  const text = [
    kind !== 'then' ? t(`vocab.transitionKind.${kind}`) : '',
    quality ? t(`vocab.quality.${quality}`) : '',
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <>
      <BaseEdge
        id={props.id}
        path={path}
        markerEnd={props.markerEnd}
        interactionWidth={28}
        className={`transition-path quality-${quality ?? 'none'}${props.selected ? ' selected' : ''}`}
      />
      {text && (
        <EdgeLabelRenderer>
          <div
            className={`edge-label quality-${quality ?? 'none'}`}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            data-testid="edge-label"
          >
            {text}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export const TransitionEdge = memo(TransitionEdgeView);
