import { useReactFlow, useViewport } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { MAX_ZOOM, MIN_ZOOM, resetFromTopLeft, steppedZoom } from './viewport';

/**
 * Zoom out, the zoom in per cent (which returns to 100 %), and zoom in: in the corner above the
 * lane names, so they never cover the map.
 */
export function ZoomControls({
  resetFrom = 'centre',
}: {
  /**
   * Where the percentage zooms to 100 % from: the pane's centre, or its top-left corner — the
   * process map's start, which a zoom about the centre would push out of the pane.
   */
  resetFrom?: 'centre' | 'topLeft';
} = {}) {
  const { t } = useTranslation();
  const { zoomTo, getViewport, setViewport } = useReactFlow();
  const reset = () => {
    if (resetFrom === 'centre') return void zoomTo(1, { duration: 0 });
    void setViewport(resetFromTopLeft(getViewport()), { duration: 0 });
  };
  const { zoom } = useViewport();
  const step = (direction: 1 | -1) => void zoomTo(steppedZoom(zoom, direction), { duration: 0 });
  return (
    <div
      className="zoom-controls"
      role="group"
      aria-label={t('flow.controls')}
      data-testid="zoom-controls"
    >
      <button
        type="button"
        className="zoom-button"
        onClick={() => step(-1)}
        disabled={zoom <= MIN_ZOOM + 1e-6}
        aria-label={t('canvas.zoomOut')}
        title={t('canvas.zoomOut')}
        data-testid="zoom-out"
      >
        −
      </button>
      <button
        type="button"
        className="zoom-button zoom-level"
        onClick={reset}
        aria-label={t('canvas.zoomReset', { percent: Math.round(zoom * 100) })}
        title={t('canvas.zoomReset', { percent: Math.round(zoom * 100) })}
        data-testid="zoom-level"
      >
        {Math.round(zoom * 100)} %
      </button>
      <button
        type="button"
        className="zoom-button"
        onClick={() => step(1)}
        disabled={zoom >= MAX_ZOOM - 1e-6}
        aria-label={t('canvas.zoomIn')}
        title={t('canvas.zoomIn')}
        data-testid="zoom-in"
      >
        +
      </button>
    </div>
  );
}
