import type { TFunction } from 'i18next';
import { useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { announce } from '../announcer';
import { download } from '../components/download';
import { layoutCopy, type CopyPage, type CopyText } from './citizen-copy/copy-layout';
import { copyPng } from './citizen-copy/copy-png';
import { pageSvg } from './citizen-copy/copy-svg';
import { formatPathwayDate } from './format';
import { useJourney, useJourneyStore } from './journey-context';
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
function copyPages(s: JourneyState, t: TFunction, language: string): CopyPage[] {
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
  });
}

/**
 * The citizen's own copy of the map, on request: a PNG picture, or a printable page (which the
 * print dialog can save as PDF). Drawn from the journey's data (not a screenshot of the canvas)
 * on A4 landscape pages with every line, the lane names, faces and a legend, text ≥ 9 pt. It
 * shows what the map shows and nothing from the profile but the alias; it is not anonymised.
 */
export function CitizenCopy() {
  const { t, i18n } = useTranslation();
  const alias = useJourney((s) => s.journey?.alias ?? '');
  const store = useJourneyStore();
  const [busy, setBusy] = useState(false);
  const [printPages, setPrintPages] = useState<CopyPage[] | null>(null);

  const pageLabel = (page: CopyPage) =>
    t('copy.pageAlt', { alias, page: page.number, count: page.count });

  function pages(): CopyPage[] | null {
    const s = store.getState();
    if (!Object.values(s.touchpoints).some((tp) => tp.map === s.map)) {
      announce(t('copy.empty'), 'error');
      return null;
    }
    return copyPages(s, t, i18n.language);
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
