import type { TFunction } from 'i18next';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { PriceList } from '../../../shared/economy/prices';
import { announce } from '../announcer';
import { download } from '../components/download';
import { copyCost, costUnavailable } from './citizen-copy/copy-cost';
import {
  layoutCopy,
  type CopyCost,
  type CopyPage,
  type CopyText,
} from './citizen-copy/copy-layout';
import { copyPng } from './citizen-copy/copy-png';
import { pageSvg } from './citizen-copy/copy-svg';
import { formatPathwayDate } from './format';
import { useJourney, useJourneyStore } from './journey-context';
import { journeyCost, mapsOf, usePriceList } from './journey-cost';
import type { JourneyState } from './journey-store';

const nextFrame = () => new Promise<void>((ok) => requestAnimationFrame(() => ok()));

/** A file name from the alias: letters and digits only, so every OS accepts it. */
export function fileNameFor(alias: string, extension: string): string {
  const base = alias
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/æ/gi, 'ae')
    .replace(/ø/gi, 'oe')
    .replace(/[^a-z0-9]+/gi, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
  return `forloeb-${base || 'kort'}.${extension}`;
}

/** The pages of the copy for the map on screen, in the reader's language. */
function copyPages(
  s: JourneyState,
  t: TFunction,
  language: string,
  cost: CopyCost | null,
): CopyPage[] {
  const onMap = <T extends { map: string }>(items: Record<string, T>) =>
    Object.values(items).filter((i) => i.map === s.map);
  const touchpoints = onMap(s.touchpoints);
  const ids = new Set(touchpoints.map((tp) => tp.id));
  const printed = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'da-DK', {
    dateStyle: 'long',
  }).format(new Date());
  const text: CopyText = {
    alias: s.journey?.alias ?? '',
    subtitle: `${t(`vocab.map.${s.map}`)} · ${t('copy.note')}`,
    printedOn: t('copy.printedOn', { date: printed }),
    pageOf: (page, count) => t('copy.pageOf', { page, count }),
    continues: t('copy.continues'),
    sector: (sector) => t(`vocab.sector.${sector}`),
    untitled: t('canvas.untitled'),
    date: (date) => formatPathwayDate(date, language),
    contactType: (c) => t(`vocab.contactType.${c}`),
    curveTitle: t('curve.title'),
    curveEmpty: t('copy.curveEmpty'),
    legendFaces: t('copy.legendFaces'),
    emotions: [
      t('vocab.emotion.m2'),
      t('vocab.emotion.m1'),
      t('vocab.emotion.z0'),
      t('vocab.emotion.p1'),
      t('vocab.emotion.p2'),
    ],
    legendHandovers: t('copy.legendHandovers'),
    quality: {
      good: t('vocab.quality.good'),
      mixed: t('vocab.quality.mixed'),
      broken: t('vocab.quality.broken'),
      none: t('copy.qualityNone'),
    },
    pain: t('copy.legendPain'),
  };
  return layoutCopy({
    touchpoints,
    transitions: onMap(s.transitions),
    painPoints: Object.values(s.painPoints).filter((p) => ids.has(p.touchpointId)),
    text,
    cost,
  });
}

/**
 * The citizen's own copy of the map, on request: a PNG picture, or a printable page (which the
 * print dialog can save as PDF). Drawn from the journey's data (not a screenshot of the canvas)
 * on A4 landscape pages with every line, the lane names, faces and a legend, text ≥ 9 pt. It
 * shows what the map shows and nothing from the profile but the alias; it is not anonymised.
 *
 * The estimated public cost is the facilitator's, so it goes on the copy only when chosen, for
 * that copy: the choice starts unticked each time the menu opens and is forgotten when it closes
 * (after a copy is made too, as choosing one closes the menu). Nothing remembers it, so the
 * default can never put money on a citizen's paper by accident.
 */
export function CitizenCopy() {
  const { t, i18n } = useTranslation();
  const alias = useJourney((s) => s.journey?.alias ?? '');
  const store = useJourneyStore();
  const [busy, setBusy] = useState(false);
  const [printPages, setPrintPages] = useState<CopyPage[] | null>(null);
  const [withCost, setWithCost] = useState(false);
  // Whether the "Mere" menu holding the copy is open: the price list is read each time it opens.
  const [menuOpen, setMenuOpen] = useState(false);
  const optionsRef = useRef<HTMLDivElement>(null);
  const helpId = useId();

  useEffect(() => {
    const menu = optionsRef.current?.closest('details');
    if (!menu) return;
    const onToggle = () => {
      setMenuOpen(menu.open);
      if (!menu.open) setWithCost(false);
    };
    menu.addEventListener('toggle', onToggle);
    return () => menu.removeEventListener('toggle', onToggle);
  }, []);

  // A printed copy that carried the cost is taken down once the print dialog closes, so no
  // later print of the window (Ctrl+P) can put the amounts on paper again unasked.
  useEffect(() => {
    if (!printPages?.some((page) => page.cost)) return;
    const takeDown = () => setPrintPages(null);
    window.addEventListener('afterprint', takeDown);
    return () => window.removeEventListener('afterprint', takeDown);
  }, [printPages]);

  const prices = usePriceList(menuOpen);
  const touchpoints = useJourney((s) => s.touchpoints);
  const map = useJourney((s) => s.map);
  // Priced only while the menu is open: closed, an edit to the map does not price it again.
  const ownCost = useMemo(() => {
    if (!menuOpen || !prices.list) return null;
    const cost = journeyCost(mapsOf(touchpoints), prices.list);
    return map === 'as_is' ? cost.asIs : cost.toBe;
  }, [menuOpen, prices.list, touchpoints, map]);
  const unavailable = costUnavailable(prices, ownCost);
  const chosen = withCost && unavailable === null;

  const pageLabel = (page: CopyPage) =>
    t('copy.pageAlt', { alias, page: page.number, count: page.count });

  /** The cost block's words for the map being copied, priced as the cost view prices it. */
  function costFor(s: JourneyState, list: PriceList): CopyCost | null {
    return copyCost(journeyCost(mapsOf(s.touchpoints), list), s.map, list, t, i18n.language);
  }

  function pages(): CopyPage[] | null {
    const s = store.getState();
    if (!Object.values(s.touchpoints).some((tp) => tp.map === s.map)) {
      announce(t('copy.empty'), 'error');
      return null;
    }
    const cost = chosen && prices.list ? costFor(s, prices.list) : null;
    return copyPages(s, t, i18n.language, cost);
  }

  async function savePng() {
    setBusy(true);
    announce(t('copy.working'));
    try {
      const copy = pages();
      if (!copy) return;
      const blob = await copyPng(copy, pageLabel);
      download(blob, fileNameFor(alias, 'png'));
      announce(t('copy.saved'));
    } catch {
      announce(t('copy.failed'), 'error');
    } finally {
      setBusy(false);
    }
  }

  async function print() {
    setBusy(true);
    try {
      const copy = pages();
      if (!copy) return;
      setPrintPages(copy);
      await nextFrame();
      await nextFrame();
      window.print();
    } catch {
      announce(t('copy.failed'), 'error');
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <div className="copy-options" ref={optionsRef}>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={chosen}
            disabled={unavailable !== null}
            aria-describedby={helpId}
            onChange={(e) => setWithCost(e.target.checked)}
            data-testid="copy-with-cost"
          />
          <span>{t('copy.cost.choice')}</span>
        </label>
        <p id={helpId} className="field-help" data-testid="copy-cost-help">
          {t(unavailable ? `copy.cost.${unavailable}` : 'copy.cost.help')}
        </p>
      </div>
      <div className="button-group">
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => void savePng()}
          data-testid="copy-png"
        >
          {t('copy.png')}
        </button>
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => void print()}
          data-testid="copy-print"
        >
          {t('copy.print')}
        </button>
      </div>
      {printPages &&
        // At the top of <body>, so print can hide everything else and give each page its own sheet.
        createPortal(
          <div className="print-only citizen-copy-print" data-testid="print-view">
            {printPages.map((page) => (
              <div
                key={page.number}
                className="citizen-copy-page"
                data-testid="print-page"
                // The SVG is built from escaped text by pageSvg (no markup from the user survives).
                dangerouslySetInnerHTML={{
                  __html: pageSvg(page, {
                    idPrefix: `print${page.number}`,
                    width: `${page.width}mm`,
                    height: `${page.height}mm`,
                    label: pageLabel(page),
                  }),
                }}
              />
            ))}
          </div>,
          document.body,
        )}
    </>
  );
}
