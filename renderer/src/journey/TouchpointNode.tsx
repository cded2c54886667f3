import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TouchpointNode as TouchpointNodeType } from './journey-store';

/** A touchpoint on the map: a large, calm card with its name, and a handle on each side to connect. */
function TouchpointNodeView({ data, selected }: NodeProps<TouchpointNodeType>) {
  const { t } = useTranslation();
  const label = data.label.trim();
  return (
    <div
      className={selected ? 'tp-node tp-node-selected' : 'tp-node'}
      data-testid="touchpoint-node"
    >
      <Handle type="target" position={Position.Left} className="tp-handle" />
      <span
        className={label ? 'tp-label' : 'tp-label tp-label-empty'}
        data-testid="touchpoint-label"
      >
        {label || t('canvas.untitled')}
      </span>
      <Handle type="source" position={Position.Right} className="tp-handle" />
    </div>
  );
}

export const TouchpointNode = memo(TouchpointNodeView);
