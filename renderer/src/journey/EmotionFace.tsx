/** A plain drawn face for the 5-step emotion scale (no emoji font needed, same on every machine). */
export function EmotionFace({ value, size = 28 }: { value: number; size?: number }) {
  // Mouth from a deep frown (−2) to a broad smile (+2).
  const curve = value * 4;
  const colors = ['#b3261e', '#d9822b', '#8a8a80', '#5b9a3c', '#1d6b34'];
  const color = colors[value + 2] ?? '#8a8a80';
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <circle cx="16" cy="16" r="14" fill="#fff" stroke={color} strokeWidth="3" />
      <circle cx="11" cy="13" r="2" fill={color} />
      <circle cx="21" cy="13" r="2" fill={color} />
      <path
        d={`M9 ${21 - curve / 2} Q16 ${21 + curve} 23 ${21 - curve / 2}`}
        fill="none"
        stroke={color}
        strokeWidth="2.5"
        strokeLinecap="round"
      />
    </svg>
  );
}

export const EMOTION_KEYS: Record<number, string> = {
  [-2]: 'vocab.emotion.m2',
  [-1]: 'vocab.emotion.m1',
  0: 'vocab.emotion.z0',
  1: 'vocab.emotion.p1',
  2: 'vocab.emotion.p2',
};
