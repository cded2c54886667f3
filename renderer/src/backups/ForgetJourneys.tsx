import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { JourneyInBackups } from '../../../shared/domain/backup';
import { call, errorKey } from '../api/client';
import { announce } from '../announcer';
import { ConfirmDialog } from '../components/Dialog';

/** What deleting one journey from the backups came to, as the screen says it. */
export function forgetMessage(
  t: TFunction,
  alias: string,
  { cleaned, failed }: { cleaned: number; failed: number },
  key = 'backups.forgotten',
): string {
  const parts = [t(key, { alias, count: cleaned })];
  if (failed > 0) parts.push(t('backups.forgetFailed', { count: failed }));
  parts.push(t('backups.usbUnreachable'));
  return parts.join(' ');
}

/**
 * The journeys deleted from the database that the rolling backups still hold, each with a way to
 * delete it from them too (a citizen who withdraws consent).
 */
export function ForgetJourneys({ version, onChanged }: { version: number; onChanged: () => void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const [list, setList] = useState<JourneyInBackups[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<JourneyInBackups | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    call('backups:deletedJourneys', {}).then(
      (l) => {
        if (!live) return;
        setList(l);
        setLoadError(null);
      },
      (error: unknown) => live && setLoadError(t(errorKey(error))),
    );
    return () => {
      live = false;
    };
  }, [t, version]);

  async function onForget() {
    const journey = confirming;
    setConfirming(null);
    if (!journey) return;
    setBusy(true);
    setDone(null);
    try {
      const outcome = await call('backups:forgetJourney', { journeyId: journey.id });
      const message = forgetMessage(t, journey.alias, outcome);
      setDone(message);
      announce(message, outcome.failed > 0 ? 'error' : 'info');
      onChanged();
    } catch (error) {
      announce(t(errorKey(error)), 'error');
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby={titleId} data-testid="forget-journeys">
      <h2 id={titleId} className="section-title">
        {t('backups.forgetTitle')}
      </h2>
      <p className="backups-note">{t('backups.forgetIntro')}</p>
      {loadError && (
        <p className="banner banner-error" role="alert">
          {loadError}
        </p>
      )}
      {list && list.length === 0 && (
        <p className="empty" data-testid="forget-empty">
          {t('backups.forgetEmpty')}
        </p>
      )}
      {list && list.length > 0 && (
        <ul className="backup-list">
          {list.map((j) => (
            <li key={j.id} className="backup-row" data-testid="forget-row">
              <div className="backup-main">
                <span className="backup-when">{j.alias}</span>
                <span className="backup-meta">{t('backups.inBackups', { count: j.backups })}</span>
              </div>
              <button
                type="button"
                className="button button-danger-outline"
                aria-label={t('backups.forgetNamed', { alias: j.alias })}
                disabled={busy}
                onClick={() => setConfirming(j)}
                data-testid="forget-journey"
              >
                {t('backups.forget')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {done && (
        <p className="backups-ok" data-testid="forget-done">
          {done}
        </p>
      )}
      <p className="backups-note">{t('backups.usbUnreachable')}</p>
      <ConfirmDialog
        open={confirming !== null}
        title={t('backups.forgetConfirmTitle', { alias: confirming?.alias ?? '' })}
        body={t('backups.forgetConfirmBody')}
        confirmLabel={t('backups.forgetConfirm')}
        cancelLabel={t('backups.cancel')}
        onConfirm={() => void onForget()}
        onCancel={() => setConfirming(null)}
        danger
        testId="forget-dialog"
      />
    </section>
  );
}
