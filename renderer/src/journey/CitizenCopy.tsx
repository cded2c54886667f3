import { useReactFlow } from '@xyflow/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { announce } from '../announcer';
import { download } from '../components/download';
import { flowPicture } from '../components/flow-picture';
import { useJourney, useJourneyStore } from './journey-context';

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

/**
 * The citizen's own copy of the map, on request: a PNG picture, or a printable page (which the
 * print dialog can save as PDF). It shows what the map shows; it is not the anonymised export.
 */
export function CitizenCopy() {
  const { t, i18n } = useTranslation();
  const journey = useJourney((s) => s.journey);
  const store = useJourneyStore();
  const { fitView } = useReactFlow();
  const [busy, setBusy] = useState(false);
  const [printImage, setPrintImage] = useState<string | null>(null);

  async function picture(): Promise<string | null> {
    const ids = store.getState().nodes.map((n) => ({ id: n.id }));
    if (ids.length === 0) {
      announce(t('copy.empty'), 'error');
      return null;
    }
    await fitView({
      nodes: ids,
      maxZoom: 1,
      padding: { left: '170px', right: '40px', top: '30px', bottom: '30px' },
    });
    await nextFrame();
    await nextFrame();
    const el = document.querySelector<HTMLElement>('.react-flow');
    if (!el) return null;
    return flowPicture(el);
  }

  async function savePng() {
    setBusy(true);
    announce(t('copy.working'));
    try {
      const url = await picture();
      if (!url) return;
      download(url, fileNameFor(journey?.alias ?? '', 'png'));
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
      const url = await picture();
      if (!url) return;
      setPrintImage(url);
      await nextFrame();
      window.print();
    } catch {
      announce(t('copy.failed'), 'error');
    } finally {
      setBusy(false);
    }
  }

  const date = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'da-DK', {
    dateStyle: 'long',
  }).format(new Date());

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
      {printImage && (
        <div className="print-only" data-testid="print-view">
          <h1>{journey?.alias}</h1>
          <p>
            {t('copy.printedOn', { date })} · {t('copy.note')}
          </p>
          <img src={printImage} alt={t('copy.imageAlt', { alias: journey?.alias ?? '' })} />
        </div>
      )}
    </>
  );
}
