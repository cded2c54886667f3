import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../shared/ipc/contract';
import { MASK_TOKEN } from '../../../shared/model/mask-token';
import { call, errorKey } from '../api/client';
import { announce } from '../announcer';
import { approvalCounts, keptWordsOf, toggleWord, type ReviewText } from './export-review';
import { ExportFormats, type ExportFormat } from './ExportFormats';
import { ExportModelSummary } from './ExportModelSummary';
import { ExportSaveBar, type SaveBlock } from './ExportSaveBar';
import { ExportTextCard } from './ExportTextCard';
import { OutlineView } from './OutlineView';

type Preview = OutputOf<'export:preview'>;

/**
 * The one line above the texts that says what the highlights mean, with a sample of each. The
 * samples are pictures of the real tokens, not controls, so they are hidden from screen readers;
 * the words beside them say the same.
 */
function Legend() {
  const { t } = useTranslation();
  return (
    <p className="export-legend" data-testid="export-legend">
      <span className="export-legend-item">
        <span className="mask" aria-hidden="true">
          {MASK_TOKEN.name}
        </span>{' '}
        {t('exportScreen.legendMasked')}
      </span>
      <span className="export-legend-item">
        <span className="mask mask-guess mask-sample" aria-hidden="true">
          {MASK_TOKEN.word}
        </span>{' '}
        {t('exportScreen.legendGuess')}
      </span>
      <span className="export-legend-item">
        <span className="mask mask-guess mask-kept mask-sample" aria-hidden="true">
          {t('exportScreen.legendWord')}
        </span>{' '}
        {t('exportScreen.legendKept')}
      </span>
    </p>
  );
}

/** The record without one key. */
function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  const next = { ...record };
  delete next[key];
  return next;
}

/**
 * The review screen: the journey and, in plain words, exactly what leaves, side by side; each
 * free text approved one by one (with any harmless guesses left as written); the formats; and a
 * save bar that stays in reach and says why it cannot save, when it cannot.
 */
export function ExportTab({
  journeyId,
  onGoToConsent,
}: {
  journeyId: string;
  onGoToConsent: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [history, setHistory] = useState<OutputOf<'export:history'>>([]);
  const [formats, setFormats] = useState<ExportFormat[]>(['model']);
  const [version, setVersion] = useState(0);
  const [busy, setBusy] = useState(false);
  /** Guesses chosen to leave as written, per text, not yet approved (the approval carries them). */
  const [pending, setPending] = useState<Record<string, string[]>>({});
  /** Texts whose guesses were changed after approving, so the approval was withdrawn. */
  const [changed, setChanged] = useState<Record<string, boolean>>({});
  const titleId = useId();
  const fail = useCallback((e: unknown) => announce(t(errorKey(e)), 'error'), [t]);

  useEffect(() => {
    let live = true;
    Promise.all([
      call('export:preview', { journeyId }),
      call('export:history', { journeyId }),
    ]).then(([p, h]) => {
      if (!live) return;
      setPreview(p);
      setHistory(h);
    }, fail);
    return () => {
      live = false;
    };
  }, [journeyId, version, fail]);

  if (!preview) return null;
  const dateFormat = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'da-DK', {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  const keptOf = (item: ReviewText) => pending[item.key] ?? item.unmasked;
  const block: SaveBlock = !preview.consentExport
    ? 'no-consent'
    : formats.length === 0
      ? 'no-format'
      : null;

  /** Shows the choice at once; the preview then follows from the database. */
  function setApproved(key: string, approved: boolean) {
    setPreview(
      (cur) =>
        cur && {
          ...cur,
          texts: cur.texts.map((x) => (x.key === key ? { ...x, approved } : x)),
        },
    );
  }

  function approve(item: ReviewText) {
    const unmasked = keptWordsOf(item.masks, keptOf(item));
    setApproved(item.key, true);
    call('export:approve', { journeyId, key: item.key, approved: true, unmasked }).then(
      () => {
        // The approval now carries the words: from here the preview is the truth.
        setPending((cur) => without(cur, item.key));
        setChanged((cur) => without(cur, item.key));
        announce(t('exportScreen.approvedNow'));
        setVersion((v) => v + 1);
      },
      (e: unknown) => {
        fail(e);
        setVersion((v) => v + 1);
      },
    );
  }

  function withdraw(item: ReviewText, reason: 'undo' | 'changed', kept: string[]) {
    // The words unmasked lapse with the approval on the other side; keep them here, so approving
    // again carries the same choice.
    setPending((cur) => ({ ...cur, [item.key]: kept }));
    if (reason === 'changed') setChanged((cur) => ({ ...cur, [item.key]: true }));
    setApproved(item.key, false);
    call('export:approve', { journeyId, key: item.key, approved: false }).then(() => {
      announce(t(reason === 'changed' ? 'exportScreen.changedNow' : 'exportScreen.withdrawnNow'));
      setVersion((v) => v + 1);
    }, fail);
  }

  function toggle(item: ReviewText, word: string) {
    const kept = toggleWord(keptOf(item), word);
    if (item.approved) withdraw(item, 'changed', kept);
    else setPending((cur) => ({ ...cur, [item.key]: kept }));
  }

  async function save() {
    setBusy(true);
    try {
      const r = await call('export:save', { journeyId, formats });
      if (r.cancelled) announce(t('exportScreen.cancelled'));
      else announce(t('exportScreen.saved', { files: r.files.join(', ') }));
      setVersion((v) => v + 1);
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="tab-page export-page" aria-labelledby={titleId} data-testid="export-tab">
      <div className="export-review">
        <h2 id={titleId} className="section-title">
          {t('exportScreen.title')}
        </h2>
        <p className="lead">{t('exportScreen.intro')}</p>
        <p className="banner banner-warning" role="note">
          {t('exportScreen.honest')}
        </p>
        {!preview.consentExport || !preview.model ? (
          <div className="card" data-testid="export-no-consent">
            <p>{t('exportScreen.noConsent')}</p>
          </div>
        ) : (
          <>
            <div className="review-sides">
              <section className="card" aria-labelledby={`${titleId}-journey`}>
                <h3 id={`${titleId}-journey`} className="subsection-title">
                  {t('exportScreen.journeySide')}
                </h3>
                <OutlineView onEdit={() => undefined} readOnly map="as_is" />
                <OutlineView onEdit={() => undefined} readOnly map="to_be" />
              </section>
              <section
                className="card export-model-side"
                aria-labelledby={`${titleId}-model`}
                data-testid="export-model-side"
              >
                <h3 id={`${titleId}-model`} className="subsection-title">
                  {t('exportScreen.modelSide')}
                </h3>
                <ExportModelSummary model={preview.model} />
              </section>
            </div>
            <section
              className="export-texts"
              aria-labelledby={`${titleId}-texts`}
              data-testid="export-texts"
            >
              <h3 id={`${titleId}-texts`} className="subsection-title">
                {t('exportScreen.textsTitle')}
              </h3>
              {preview.texts.length === 0 ? (
                <p className="muted">{t('exportScreen.textsNone')}</p>
              ) : (
                <>
                  <p className="export-texts-help">{t('exportScreen.textsHelp')}</p>
                  <Legend />
                </>
              )}
              <ul className="plain-list export-text-list">
                {preview.texts.map((item) => (
                  <ExportTextCard
                    key={item.key}
                    item={item}
                    kept={keptOf(item)}
                    changed={changed[item.key] === true}
                    onToggleWord={(word) => toggle(item, word)}
                    onApprove={() => approve(item)}
                    onWithdraw={() => withdraw(item, 'undo', keptOf(item))}
                  />
                ))}
              </ul>
            </section>
            <ExportFormats formats={formats} onChange={setFormats} />
          </>
        )}
        <ExportSaveBar
          block={block}
          busy={busy}
          counts={preview.consentExport ? approvalCounts(preview.texts) : null}
          onSave={() => void save()}
          onGoToConsent={onGoToConsent}
        />
      </div>
      <section className="card" aria-labelledby={`${titleId}-history`}>
        <h3 id={`${titleId}-history`} className="subsection-title">
          {t('exportScreen.historyTitle')}
        </h3>
        {history.length === 0 && <p className="muted">{t('exportScreen.historyNone')}</p>}
        <ul className="plain-list" data-testid="export-history">
          {history.map((h) => (
            <li key={h.exportId}>
              {t('exportScreen.historyItem', {
                when: dateFormat.format(new Date(h.exportedAt)),
                profile: t(`exportScreen.profiles.${h.profile}`),
                formats: h.formats
                  .map((f) => t(`exportScreen.format.${f}.name`, { defaultValue: f }))
                  .join(', '),
              })}
            </li>
          ))}
        </ul>
      </section>
    </section>
  );
}
