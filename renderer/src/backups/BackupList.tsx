import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BACKUP_KEEP_DAYS, type BackupSummary } from '../../../shared/domain/backup';
import { call, errorKey } from '../api/client';
import { announce } from '../announcer';
import { ConfirmDialog } from '../components/Dialog';
import { useDateTimeFormat } from '../components/use-date-format';
import { formatBytes } from './format';

/**
 * The rolling backups on this computer, newest first: when, why, how many journeys, how large;
 * each can be brought back after a question that says what happens. `version` changes when
 * something elsewhere on the screen changed the backups.
 */
export function BackupList({ version, onChanged }: { version: number; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const format = useDateTimeFormat();
  const titleId = useId();
  const [list, setList] = useState<BackupSummary[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<BackupSummary | null>(null);
  const [busy, setBusy] = useState<'restore' | 'create' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    call('backups:list', {}).then(
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

  const when = (b: BackupSummary) => format.format(new Date(b.at));

  async function onCreate() {
    setProblem(null);
    setBusy('create');
    try {
      await call('backups:create', {});
      announce(t('backups.created'));
      onChanged();
    } catch (error) {
      announce(t(errorKey(error)), 'error');
    } finally {
      setBusy(null);
    }
  }

  async function onRestore() {
    const backup = confirming;
    setConfirming(null);
    if (!backup) return;
    setProblem(null);
    setBusy('restore');
    try {
      const outcome = await call('backups:restore', { name: backup.name });
      if (outcome.status === 'restored') {
        announce(t('backups.restored', { journeys: outcome.journeys }));
        onChanged();
      } else {
        setProblem(t(`backups.problem.${outcome.problem}`));
      }
    } catch (error) {
      setProblem(t(errorKey(error)));
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="card" aria-labelledby={titleId} data-testid="backup-list-section">
      <h2 id={titleId} className="section-title">
        {t('backups.listTitle')}
      </h2>
      <p className="backups-note">{t('backups.keepInfo', { days: BACKUP_KEEP_DAYS })}</p>
      {loadError && (
        <p className="banner banner-error" role="alert">
          {loadError}
        </p>
      )}
      {list && list.length === 0 && (
        <p className="empty" data-testid="backup-list-empty">
          {t('backups.empty')}
        </p>
      )}
      {list && list.length > 0 && (
        <ul className="backup-list" data-testid="backup-list">
          {list.map((b) => (
            <li key={b.name} className="backup-row" data-testid="backup-row" data-reason={b.reason}>
              <div className="backup-main">
                <span className="backup-when" data-testid="backup-when">
                  {when(b)}
                </span>
                <span className="backup-meta">
                  {t(`backups.reason.${b.reason}`)} · {t('backups.journeys', { count: b.journeys })}{' '}
                  · {formatBytes(b.bytes, i18n.language)}
                </span>
              </div>
              <button
                type="button"
                className="button"
                aria-label={t('backups.restoreNamed', { when: when(b) })}
                disabled={busy !== null}
                onClick={() => setConfirming(b)}
                data-testid="backup-restore"
              >
                {t('backups.restore')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {problem && (
        <p className="banner banner-error" role="alert" data-testid="backup-restore-error">
          {problem}
        </p>
      )}
      <p className="backups-status" role="status">
        {busy === 'restore' ? t('backups.restoring') : ''}
      </p>
      <div className="backups-actions">
        <button
          type="button"
          className="button"
          disabled={busy !== null}
          onClick={() => void onCreate()}
          data-testid="backup-create"
        >
          {t('backups.createNow')}
        </button>
      </div>
      <ConfirmDialog
        open={confirming !== null}
        title={t('backups.restoreTitle', { when: confirming ? when(confirming) : '' })}
        body={t('backups.restoreBody', {
          when: confirming ? when(confirming) : '',
          journeys: confirming?.journeys ?? 0,
        })}
        confirmLabel={t('backups.restoreConfirm')}
        cancelLabel={t('backups.cancel')}
        onConfirm={() => void onRestore()}
        onCancel={() => setConfirming(null)}
        testId="backup-restore-dialog"
      />
    </section>
  );
}
