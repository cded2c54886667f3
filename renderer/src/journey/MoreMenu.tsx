import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { CitizenCopy } from './CitizenCopy';
import { CostMenuItem } from './CostView';
import { useJourney } from './journey-context';
import { visibleLanes } from './lanes';

/**
 * Whether the box's content is taller than the box may be (`scrolls`: then the foot keeps room
 * for the words, whether they show or not, so reaching the end moves nothing under a finger), and
 * whether it has more below where it is scrolled now. Measured when it scrolls, resizes or its
 * content changes (a menu opened, a language chosen).
 */
function useMoreBelow(
  ref: RefObject<HTMLElement | null>,
  foot: RefObject<HTMLElement | null>,
): { scrolls: boolean; more: boolean } {
  const [state, setState] = useState({ scrolls: false, more: false });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    // One pixel of slack: zoomed layouts round heights, and a box at its end must say so. The
    // foot's own room counts as the box's: with it or without it, the same content scrolls.
    const update = () => {
      const room = el.clientHeight + (foot.current?.offsetHeight ?? 0);
      const scrolls = el.scrollHeight > room + 1;
      const more = scrolls && el.scrollTop + el.clientHeight < el.scrollHeight - 1;
      setState((was) => (was.scrolls === scrolls && was.more === more ? was : { scrolls, more }));
    };
    update();
    const sizes = new ResizeObserver(update);
    sizes.observe(el);
    for (const child of Array.from(el.children)) sizes.observe(child);
    el.addEventListener('scroll', update, { passive: true });
    return () => {
      sizes.disconnect();
      el.removeEventListener('scroll', update);
    };
  }, [ref, foot]);
  return state;
}

/**
 * The rarer actions of the map, folded into one menu so the toolbar stays one row. On a low
 * window the menu scrolls inside itself; while it has more below, «Flere valg nedenfor ↓» at its
 * foot says so (a half-shown last row does not), and a tap there scrolls on. The words take their
 * own room under the rows, never lying on one: a row reached with Tab is never hidden under them.
 */
export function MoreMenu({ onFullscreen }: { onFullscreen: () => void }) {
  const { t } = useTranslation();
  const hidden = useJourney((s) => s.hiddenSectors);
  const touchpoints = useJourney((s) => s.touchpoints);
  const setHidden = useJourney((s) => s.setSectorHidden);
  const ref = useRef<HTMLDetailsElement>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const foot = useRef<HTMLButtonElement>(null);
  const { scrolls, more: moreBelow } = useMoreBelow(scroller, foot);
  const close = () => ref.current?.removeAttribute('open');
  // Escape closes the menu and gives focus back to its button; so does choosing an action.
  useEffect(() => {
    const el = ref.current;
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key !== 'Escape' || !el?.open) return;
      el.removeAttribute('open');
      el.querySelector('summary')?.focus();
    };
    const onClick = (e: MouseEvent) => {
      if ((e.target as HTMLElement).closest('.menu-actions button')) el?.removeAttribute('open');
    };
    el?.addEventListener('keydown', onKey);
    el?.addEventListener('click', onClick);
    return () => {
      el?.removeEventListener('keydown', onKey);
      el?.removeEventListener('click', onClick);
    };
  }, []);
  // A lane with cards on either map stays: hiding it on one would strand the other's cards.
  const used = new Set(Object.values(touchpoints).map((tp) => tp.sector));
  return (
    <details className="menu" ref={ref} data-testid="more-menu">
      <summary className="button" data-testid="more-menu-button">
        {t('canvas.more')} <span aria-hidden="true">▾</span>
      </summary>
      <div className="menu-body">
        <div className="menu-scroll" ref={scroller}>
          <div className="menu-actions">
            <button
              type="button"
              className="button menu-item"
              onClick={() => {
                close();
                onFullscreen();
              }}
              data-testid="fullscreen-menu"
            >
              {t('canvas.fullscreen')}
            </button>
            <CitizenCopy />
            <CostMenuItem />
          </div>
          <fieldset className="menu-lanes" data-testid="lanes-menu">
            <legend>{t('canvas.lanes')}</legend>
            <p className="field-help">{t('canvas.lanesHelp')}</p>
            {visibleLanes([]).map((sector) => (
              <label key={sector} className="checkbox">
                <input
                  type="checkbox"
                  checked={!hidden.includes(sector)}
                  disabled={used.has(sector)}
                  onChange={(e) => setHidden(sector, !e.target.checked)}
                  data-testid={`lane-toggle-${sector}`}
                />
                <span>{t(`vocab.sector.${sector}`)}</span>
              </label>
            ))}
          </fieldset>
        </div>
        {scrolls && (
          // For the eye and the pointer: a keyboard's Tab and a screen reader already go on
          // through the menu, so this is no stop of theirs.
          <button
            type="button"
            ref={foot}
            className={moreBelow ? 'menu-more-below' : 'menu-more-below menu-more-below-done'}
            tabIndex={-1}
            aria-hidden="true"
            // A press leaves the focus where it was: on a button that goes when the end is
            // reached it would fall to the page, out of the menu (and out of Escape's reach).
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => {
              const el = scroller.current;
              const still = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
              el?.scrollBy({
                top: Math.max(40, el.clientHeight * 0.6),
                behavior: still ? 'auto' : 'smooth',
              });
            }}
            data-testid="menu-more-below"
          >
            {t('canvas.menuMoreBelow')} ↓
          </button>
        )}
      </div>
    </details>
  );
}
