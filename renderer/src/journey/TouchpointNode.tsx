import { Handle, Position, useStore, type NodeProps } from '@xyflow/react';
import { memo, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { EMOTION_KEYS, EmotionFace } from './EmotionFace';
import { cardMetaTries, datedInOneYear } from './format';
import { useJourney } from './journey-context';
import type { JourneyState } from './journey-store';
import type { TouchpointNode as TouchpointNodeType } from './journey-store';
import { zoomedOut } from './viewport';
import { FONT_SAMPLE } from '../components/plain-zero';
import { cachedWord } from '../i18n';

/**
 * A touchpoint on the map: a large, calm card in its sector's colour with the name, when, the
 * citizen's face and the pain-point mark; handles on each side to connect. Zoomed far out it
 * becomes a mark (face and sector colour), not shrunken text; its name stays its accessible name.
 */
/**
 * The room for a card's text beside its face until the card is drawn (styles.css .tp-node: 220 px,
 * borders, padding, gap); then the text's column as drawn, which a wide pain mark ("⚠ 12") makes
 * narrower and a card without a face wider.
 */
const TEXT_ROOM_PX = 220 - 8 - 2 - 10 - 8 - 28 - 8;
/** The same for a card with neither face nor pain mark: its empty side takes only the gap. */
const TEXT_ROOM_BARE_PX = TEXT_ROOM_PX + 28;
/** The card's name as drawn: the app's typeface, bold, 16 px. */
const NAME_FONT = '700 16px "Atkinson Hyperlegible"';
/** The date and kind of contact under it (styles.css .tp-meta). */
const META_FONT = '400 15px "Atkinson Hyperlegible"';
let measurer: CanvasRenderingContext2D | null | undefined;
/** The font last set on the measurer: setting one is parsed each time, so only a change is set. */
let measuredFont = '';

/**
 * Whether the card's typefaces are loaded: measured before they are, text is measured in a
 * fallback face of other widths. Cards measure again when they arrive.
 */
let nameFontReady =
  typeof document !== 'undefined' &&
  document.fonts?.check(NAME_FONT) === true &&
  document.fonts.check(META_FONT);
const fontListeners = new Set<() => void>();
if (!nameFontReady && typeof document !== 'undefined' && document.fonts) {
  Promise.all([
    document.fonts.load(NAME_FONT, FONT_SAMPLE),
    document.fonts.load(META_FONT, FONT_SAMPLE),
  ]).then(
    () => {
      nameFontReady = true;
      for (const listener of fontListeners) listener();
    },
    () => undefined,
  );
}
const subscribeFont = (listener: () => void) => {
  fontListeners.add(listener);
  return () => fontListeners.delete(listener);
};
const useNameFontReady = () => useSyncExternalStore(subscribeFont, () => nameFontReady);

/** Text widths by font, kept: a map of hundreds of cards measures the same words again and again. */
const WIDTHS = new Map<string, Map<string, number>>();
function widthOf(m: CanvasRenderingContext2D, font: string, text: string): number {
  let widths = WIDTHS.get(font);
  if (!widths) WIDTHS.set(font, (widths = new Map()));
  let w = widths.get(text);
  if (w === undefined) {
    if (widths.size > 20_000) widths.clear();
    if (measuredFont !== font) {
      m.font = `${font}, system-ui, sans-serif`;
      measuredFont = font;
    }
    w = m.measureText(text).width;
    widths.set(text, w);
  }
  return w;
}

/**
 * Whether `text` fits in `lines` lines `room` px wide, in `font`, wrapped at spaces as the card
 * wraps it; null if it cannot be measured.
 */
function fitsLines(text: string, font: string, room: number, lines: number): boolean | null {
  measurer ??= document.createElement('canvas').getContext('2d');
  if (!measurer) return null;
  const m = measurer;
  if (widthOf(m, font, text) <= room) return true;
  if (lines < 2) return false;
  const space = widthOf(m, font, ' ');
  let used = 1;
  let line = 0;
  for (const word of text.split(' ')) {
    const w = widthOf(m, font, word);
    if (w > room) return false;
    if (line === 0) line = w;
    else if (line + space + w <= room) line += space + w;
    else {
      used += 1;
      line = w;
      if (used > lines) return false;
    }
  }
  return true;
}

/** Whether every dated touchpoint of the journey is in one year, worked out once per change. */
const ONE_YEAR = new WeakMap<JourneyState['touchpoints'], boolean>();
const inOneYear = (s: JourneyState) => {
  let one = ONE_YEAR.get(s.touchpoints);
  if (one === undefined) {
    one = datedInOneYear(Object.values(s.touchpoints).map((tp) => tp.date));
    ONE_YEAR.set(s.touchpoints, one);
  }
  return one;
};

function TouchpointNodeView({ data, selected }: NodeProps<TouchpointNodeType>) {
  const { t, i18n } = useTranslation();
  const word = (key: string) => cachedWord(t, i18n.language, key);
  const overview = useStore(zoomedOut);
  const label = data.label.trim();
  // A name on one line leaves room for the date and the kind of contact on two ("13-02-2026 ·
  // Hjemmebesøg · × 40" is wider than a card): then they wrap instead of being cut short.
  const fontReady = useNameFontReady();
  // The text's column as drawn: measured once the card is, and again when its side changes.
  const textRef = useRef<HTMLSpanElement>(null);
  // Most cards have the room the styles give them: only one that differs draws again.
  const hasFace = data.emotion !== null;
  const [room, setRoom] = useState(() =>
    hasFace || data.painCount > 0 ? TEXT_ROOM_PX : TEXT_ROOM_BARE_PX,
  );
  useLayoutEffect(() => {
    // Zoomed out to a mark, the text is hidden: there is nothing drawn to measure.
    if (overview) return;
    const width = textRef.current?.clientWidth ?? 0;
    if (width > 0) setRoom((was) => (Math.abs(was - width) < 1 ? was : width));
  }, [fontReady, hasFace, data.painCount, overview]);
  const name = label || word('canvas.untitled');
  const metaLines = useMemo(
    () => (fontReady && (fitsLines(name, NAME_FONT, room, 1) ?? name.length <= 16) ? 2 : 1),
    [name, fontReady, room],
  );
  // Under a name of two lines the date, the kind and the count have one line: they are said
  // shorter ("3. feb. · Lægebesøg") before the card cuts them ("Besøg h…").
  const type = data.contactType;
  const times = data.repetitions && data.repetitions > 1 ? `× ${data.repetitions}` : '';
  const oneYear = useJourney(inOneYear);
  const meta = useMemo(() => {
    const { full, tries } = cardMetaTries(
      data.date,
      {
        long: type ? cachedWord(t, i18n.language, `vocab.contactType.${type}`) : '',
        short: type ? cachedWord(t, i18n.language, `vocab.contactTypeShort.${type}`) : '',
      },
      times,
      i18n.language,
      oneYear,
    );
    const fits = (line: string) =>
      !fontReady || (fitsLines(line, META_FONT, room, metaLines) ?? true);
    return { full, shown: tries.find(fits) ?? tries.at(-1) ?? full };
  }, [data.date, type, times, t, i18n.language, oneYear, metaLines, fontReady, room]);
  // Heard by screen readers after the name and the date: what the face and the mark show.
  const extra = [
    word(`vocab.sector.${data.sector}`),
    data.emotion !== null ? word(EMOTION_KEYS[data.emotion]!) : '',
    data.painCount > 0 ? t('canvas.painCount', { count: data.painCount }) : '',
  ]
    .filter(Boolean)
    .join(', ');
  const full = [name, meta.full].filter(Boolean).join(' · ');
  return (
    <div
      className={`tp-node${selected ? ' tp-node-selected' : ''}${overview ? ' tp-node-mark' : ''}`}
      data-testid="touchpoint-node"
      data-sector={data.sector}
      data-overview={overview ? 'true' : undefined}
      title={full}
    >
      <Handle type="target" position={Position.Left} className="tp-handle" />
      <span className="tp-side">
        {data.emotion !== null ? (
          <span className="tp-emotion" data-testid="touchpoint-emotion" data-emotion={data.emotion}>
            <EmotionFace value={data.emotion} size={overview ? 56 : 28} />
          </span>
        ) : overview ? (
          <span className="tp-mark-dot" />
        ) : null}
        {/* Zoomed out to marks, the count would be a few pixels high: the face and the
            accessible name still tell it. */}
        {data.painCount > 0 && !overview && (
          <span
            className="tp-pain"
            aria-hidden="true"
            title={word('panel.painTitle')}
            data-testid="touchpoint-pain-count"
          >
            ⚠ {data.painCount}
          </span>
        )}
      </span>
      <span className={overview ? 'tp-text visually-hidden' : 'tp-text'} ref={textRef}>
        <span
          className={label ? 'tp-label' : 'tp-label tp-label-empty'}
          data-testid="touchpoint-label"
        >
          {name}
        </span>
        {meta.full && (
          <span
            className={metaLines === 2 ? 'tp-meta tp-meta-two' : 'tp-meta'}
            data-testid="touchpoint-meta"
            aria-hidden={meta.shown !== meta.full ? true : undefined}
          >
            {meta.shown}
          </span>
        )}
        {meta.shown !== meta.full && <span className="visually-hidden">{meta.full}</span>}
        <span className="visually-hidden">, {extra}</span>
      </span>
      <Handle type="source" position={Position.Right} className="tp-handle" />
    </div>
  );
}

/**
 * Draws again only when what it shows changes: React Flow hands a card new props when it has
 * measured it or moved it (size, position, z-index), none of which the card's own content uses.
 */
export const TouchpointNode = memo(
  TouchpointNodeView,
  (was, now) => was.data === now.data && was.selected === now.selected,
);
