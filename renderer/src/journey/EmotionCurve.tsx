import { useViewport } from '@xyflow/react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EMOTION_KEYS, EmotionFace } from './EmotionFace';
import { useLaidOutCards } from './use-layout';
import { NODE_WIDTH } from './lanes';
import { timeOrder } from './auto-layout';

const HEIGHT = 72;
const PAD = 12;
/** Half the width of a touchpoint card, so a point sits under the card's middle. */
const NODE_HALF = NODE_WIDTH / 2;
/** How far apart the faces of one column stand (a face is 24 px). */
const FACE_SPREAD = 28;

/**
 * The citizen's feelings along the journey: the bottom row of the map, on the same time axis,
 * so each point stands right under its card as the map pans and zooms.
 */
export function EmotionCurve() {
  const { t } = useTranslation();
  const { x: vx, zoom } = useViewport();
  // The cards where the layout puts them, so each point is under its card.
  const cards = useLaidOutCards();
  // In the journey's order, as the list and the citizen's copy tell it: cards of the same day
  // share a column, and their faces stand side by side in the order they happened (the emergency
  // room before the ward it sent her to), not in the order of their lanes. Worked out once per
  // layout, not on every frame the map pans.
  const faces = useMemo(() => {
    const rank = new Map(timeOrder(cards.map((c) => c.tp)).map((tp, i) => [tp.id, i]));
    const withFace = cards
      .filter((c) => c.tp.emotion !== null)
      .sort((a, b) => a.x - b.x || rank.get(a.tp.id)! - rank.get(b.tp.id)!);
    const column = new Map<number, number>();
    for (const c of withFace) column.set(c.x, (column.get(c.x) ?? 0) + 1);
    const seen = new Map<number, number>();
    return withFace.map((c) => {
      const nth = seen.get(c.x) ?? 0;
      seen.set(c.x, nth + 1);
      return { c, spread: (nth - ((column.get(c.x) ?? 1) - 1) / 2) * FACE_SPREAD };
    });
  }, [cards]);
  const points = faces.map(({ c, spread }) => {
    return {
      id: c.tp.id,
      label: c.tp.label.trim() || t('canvas.untitled'),
      emotion: c.tp.emotion!,
      x: vx + (c.x + NODE_HALF) * zoom + spread,
      y: PAD + ((2 - c.tp.emotion!) / 4) * (HEIGHT - 2 * PAD),
    };
  });
  const summary = points.map((p) => `${p.label}: ${t(EMOTION_KEYS[p.emotion]!)}`).join('; ');

  return (
    <figure className="emotion-curve" data-testid="emotion-curve">
      <figcaption className="emotion-curve-title">{t('curve.title')}</figcaption>
      {points.length === 0 ? (
        <p className="muted emotion-curve-empty">{t('curve.empty')}</p>
      ) : (
        <div className="emotion-curve-strip">
          <svg
            className="emotion-curve-svg"
            height={HEIGHT}
            role="img"
            aria-label={`${t('curve.label')}. ${summary}`}
          >
            <line x1="0" x2="100%" y1={HEIGHT / 2} y2={HEIGHT / 2} className="emotion-curve-zero" />
            <polyline
              points={points.map((p) => `${p.x},${p.y}`).join(' ')}
              className="emotion-curve-line"
              data-testid="emotion-curve-line"
            />
            {points.map((p) => (
              <g
                key={p.id}
                transform={`translate(${p.x - 12}, ${p.y - 12})`}
                data-testid="emotion-point"
              >
                {/* Pointing at a face names its touchpoint (the card stands right above it). */}
                <title>{`${p.label}: ${t(EMOTION_KEYS[p.emotion]!)}`}</title>
                <EmotionFace value={p.emotion} size={24} />
              </g>
            ))}
          </svg>
        </div>
      )}
    </figure>
  );
}
