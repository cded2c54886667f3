import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { errorKey } from '../api/client';
import { announce } from '../announcer';
import type { SaveStatus as Status } from './save-queue';

/**
 * The one save status of a screen: saving, all saved, or failed with the reason and a way to try
 * again (it also retries by itself). A failure is announced once, when it happens.
 */
export function SaveStatus({
  status,
  error,
  onRetry,
}: {
  status: Status;
  error: unknown;
  onRetry: () => void;
}) {
  const { t } = useTranslation();
  const was = useRef(status);
  useEffect(() => {
    if (status === 'error' && was.current !== 'error') {
      announce(`${t('save.failed')}. ${t('save.kept')}`, 'error');
    }
    was.current = status;
  }, [status, t]);
  if (status === 'idle') return null;
  return (
    <div className={`save-status save-${status}`} data-testid="save-status" data-status={status}>
      <span>
        {t(status === 'error' ? 'save.failed' : status === 'saving' ? 'save.saving' : 'save.saved')}
      </span>
      {status === 'error' && (
        <>
          <span className="visually-hidden" data-testid="save-error-reason">
            {t(errorKey(error))} {t('save.kept')}
          </span>
          <button
            type="button"
            className="button"
            onClick={onRetry}
            title={t('save.kept')}
            data-testid="save-retry"
          >
            {t('save.retry')}
          </button>
        </>
      )}
    </div>
  );
}
