import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export type SaveBlock = 'no-consent' | 'no-format' | null;

/**
 * The save button, always in reach: a bar that sticks to the bottom of the review while it
 * scrolls. When saving is not possible it says why, next to the button, and offers the way out
 * (to the consent). It reports its height so the page keeps that much room (scroll padding):
 * what is focused or scrolled to is never hidden under the bar.
 */
export function ExportSaveBar({
  block,
  busy,
  counts,
  onSave,
  onGoToConsent,
}: {
  block: SaveBlock;
  busy: boolean;
  /** Texts that may go and how many are not approved; null when there is no review. */
  counts: { total: number; left: number } | null;
  onSave: () => void;
  onGoToConsent: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const bar = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = bar.current;
    const page = el?.closest<HTMLElement>('.tab-page');
    if (!el || !page) return;
    const update = () =>
      page.style.setProperty('--export-bar-height', `${Math.ceil(el.offsetHeight)}px`);
    update();
    const observer = new ResizeObserver(update);
    observer.observe(el);
    return () => {
      observer.disconnect();
      page.style.removeProperty('--export-bar-height');
    };
  }, []);

  const progress =
    counts === null
      ? ''
      : counts.total === 0
        ? t('exportScreen.noTexts')
        : counts.left === 0
          ? t('exportScreen.allApproved', { count: counts.total })
          : t('exportScreen.left', { count: counts.total, left: counts.left });

  return (
    <div
      ref={bar}
      className="export-save-bar"
      role="region"
      aria-label={t('exportScreen.barLabel')}
      data-testid="export-save-bar"
    >
      <div className="export-save-bar-text">
        {progress && (
          <p className="export-save-progress" data-testid="review-remaining">
            {progress}
          </p>
        )}
        {block && (
          <p className="export-save-reason" id={`${id}-reason`} data-testid="export-save-reason">
            {t(
              block === 'no-consent'
                ? 'exportScreen.reasonNoConsent'
                : 'exportScreen.reasonNoFormat',
            )}
          </p>
        )}
      </div>
      <div className="export-save-bar-actions">
        {block === 'no-consent' && (
          <button type="button" className="button" onClick={onGoToConsent}>
            {t('exportScreen.goToConsent')}
          </button>
        )}
        <button
          type="button"
          className="button button-primary export-save-button"
          disabled={busy || block !== null}
          onClick={onSave}
          {...(block && { 'aria-describedby': `${id}-reason` })}
          data-testid="export-save"
        >
          {busy ? t('exportScreen.saving') : t('exportScreen.save')}
        </button>
      </div>
    </div>
  );
}
