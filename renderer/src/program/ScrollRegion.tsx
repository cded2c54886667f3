import {
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type CSSProperties,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';

interface Overflow {
  /** More to see sideways / downwards at all. */
  x: boolean;
  y: boolean;
  /** More beyond the right / bottom edge from where the box is scrolled now. */
  right: boolean;
  bottom: boolean;
  /** Room the scroll bars take (none where they overlay), so the shaded edges sit beside them. */
  barX: number;
  barY: number;
  /** The content is short enough to read in the page, without a box that scrolls down. */
  short: boolean;
}
const NONE: Overflow = {
  x: false,
  y: false,
  right: false,
  bottom: false,
  barX: 0,
  barY: 0,
  // Until measured, a box: a long table never opens at its whole length for a moment.
  short: false,
};
const same = (a: Overflow, b: Overflow) =>
  a.short === b.short &&
  a.x === b.x &&
  a.y === b.y &&
  a.right === b.right &&
  a.bottom === b.bottom &&
  a.barX === b.barX &&
  a.barY === b.barY;

/**
 * Content up to this tall stays in the page, which scrolls: a box that scrolls inside a scrolling
 * page traps a wheel or a swipe, and one that hides a row or two asks for scrolling for nothing.
 * Only longer tables get a box, with their headings kept in view as its rows scroll.
 */
const SHORT_PX = 720;
/**
 * A table in the page goes back into a box only when this much taller: the page's own scroll bar
 * coming and going changes widths, and with them a table's height, and must not make it flip.
 */
const SHORT_SLACK_PX = 40;

function measure(el: HTMLElement, wasShort: boolean, alwaysFlows: boolean): Overflow {
  const content = el.firstElementChild as HTMLElement | null;
  const short = (content?.offsetHeight ?? 0) <= SHORT_PX + (wasShort ? SHORT_SLACK_PX : 0);
  // One pixel of slack: zoomed layouts round widths, and a box that fits must not claim more.
  const x = el.scrollWidth > el.clientWidth + 1;
  // Content in the page never has more below it in the box, whatever the box was a moment ago.
  const y = !(short || alwaysFlows) && el.scrollHeight > el.clientHeight + 1;
  const style = getComputedStyle(el);
  const borders = (a: string, b: string) => parseFloat(a) + parseFloat(b) || 0;
  return {
    x,
    y,
    right: x && el.scrollLeft + el.clientWidth < el.scrollWidth - 1,
    bottom: y && el.scrollTop + el.clientHeight < el.scrollHeight - 1,
    barX: Math.max(
      0,
      el.offsetHeight - el.clientHeight - borders(style.borderTopWidth, style.borderBottomWidth),
    ),
    barY: Math.max(
      0,
      el.offsetWidth - el.clientWidth - borders(style.borderLeftWidth, style.borderRightWidth),
    ),
    short,
  };
}

/**
 * A scrolling box of figures, reachable by keyboard so its rows can be scrolled without a mouse.
 * When its content does not fit, it says so: a line of words above it ("Rul til siden for at se
 * mere →") and a shaded edge on each side that has more — a cut-off table otherwise looks whole.
 */
export function ScrollRegion(props: {
  label: string;
  tall?: boolean;
  /** As wide as its content (up to the width there is), not stretched across the window. */
  fit?: boolean;
  /** As tall as its content, however long: the page scrolls down, the box only sideways. */
  flow?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const [overflow, setOverflow] = useState<Overflow>(NONE);
  /** Whether the content was last measured short, for the slack before it goes into a box. */
  const shortNow = useRef(NONE.short);
  const cueId = useId();

  const alwaysFlows = props.flow === true;
  // Measured before the first paint: a short table never shows in a box for a moment.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = () => {
      const next = measure(el, shortNow.current, alwaysFlows);
      shortNow.current = next.short;
      setOverflow((prev) => (same(prev, next) ? prev : next));
    };
    update();
    // The box resizes with the window; its content with "show all", a language or new figures.
    const sizes = new ResizeObserver(update);
    sizes.observe(el);
    const watchContent = () => {
      for (const child of Array.from(el.children)) sizes.observe(child);
    };
    watchContent();
    const content = new MutationObserver(() => {
      watchContent();
      update();
    });
    content.observe(el, { childList: true });
    el.addEventListener('scroll', update, { passive: true });
    return () => {
      sizes.disconnect();
      content.disconnect();
      el.removeEventListener('scroll', update);
    };
  }, [alwaysFlows]);

  const cue = overflow.x && overflow.y ? 'both' : overflow.x ? 'x' : overflow.y ? 'y' : null;
  return (
    <div className={props.fit ? 'scroll-region fit' : 'scroll-region'}>
      {cue && (
        <p className="scroll-cue" id={cueId} data-testid="scroll-cue">
          {t(`program.scroll.${cue}`)}
        </p>
      )}
      <div
        className="scroll-frame"
        style={
          {
            '--scroll-bar-x': `${overflow.barX}px`,
            '--scroll-bar-y': `${overflow.barY}px`,
          } as CSSProperties
        }
      >
        <div
          ref={ref}
          className={
            props.flow || overflow.short
              ? 'figure-table-wrap flow'
              : props.tall
                ? 'figure-table-wrap tall'
                : 'figure-table-wrap'
          }
          role="region"
          aria-label={props.label}
          aria-describedby={cue ? cueId : undefined}
          // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- scrollable content must be focusable
          tabIndex={0}
          data-overflow-x={overflow.x || undefined}
          data-overflow-y={overflow.y || undefined}
        >
          {props.children}
        </div>
        {overflow.right && <div className="scroll-fade scroll-fade-right" aria-hidden="true" />}
        {overflow.bottom && <div className="scroll-fade scroll-fade-bottom" aria-hidden="true" />}
      </div>
    </div>
  );
}
