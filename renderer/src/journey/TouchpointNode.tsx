import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { EmotionFace } from './EmotionFace';
import { formatPathwayDate } from './format';
import type { TouchpointNode as TouchpointNodeType } from './journey-store';

/** A touchpoint on the map: a large, calm card; handles on each side to connect. */
function TouchpointNodeView({ data, selected }: NodeProps<TouchpointNodeType>) {
  const { t, i18n } = useTranslation();
  const label = data.label.trim();
  const meta = [
    data.contactType ? t(`vocab.contactType.${data.contactType}`) : '',
    formatPathwayDate(data.date, i18n.language),
    data.repetitions && data.repetitions > 1 ? `× ${data.repetitions}` : '',
  ].filter(Boolean);
  return (
    <div
      className={selected ? 'tp-node tp-node-selected' : 'tp-node'}
      data-testid="touchpoint-node"
      data-sector={data.sector}
    >
      <Handle type="target" position={Position.Left} className="tp-handle" />
      {data.emotion !== null && (
        <span className="tp-emotion" data-testid="touchpoint-emotion" data-emotion={data.emotion}>
          <EmotionFace value={data.emotion} size={30} />
        </span>
      )}
      <span className="tp-text">
        <span
          className={label ? 'tp-label' : 'tp-label tp-label-empty'}
          data-testid="touchpoint-label"
        >
          {label || t('canvas.untitled')}
        </span>
        {meta.length > 0 && <span className="tp-meta">{meta.join(' · ')}</span>}
      </span>
      {data.painCount > 0 && (
        <span className="tp-pain" title={t('panel.painTitle')} data-testid="touchpoint-pain-count">
          ⚠ {data.painCount}
        </span>
      )}
      <Handle type="source" position={Position.Right} className="tp-handle" />
    </div>
  );
}

export const TouchpointNode = memo(TouchpointNodeView);
