import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call, errorKey } from '../api/client';
import { announce } from '../announcer';
import { ConfirmDialog } from '../components/Dialog';
import { PassphraseField } from '../transfer/PassphraseField';

/**
 * Bringing back a backup from a USB stick: choose the file, type its passphrase, confirm. A
 * wrong passphrase is said here and the chosen file stays chosen, so it is typed again only.
 */
export function RestoreFromFile({ onChanged }: { onChanged: () => void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const [chosen, setChosen] = useState<string | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  async function onChoose() {
    setError(null);
    try {
      const outcome = await call('backups:chooseFile', {});
      if (outcome.status === 'chosen') setChosen(outcome.name);
    } catch (err) {
      setError(t(errorKey(err)));
    }
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    if (!passphrase) {
      setError(t('backups.passphraseRequired'));
      return;
    }
    setConfirming(true);
  }

  async function onRestore() {
    setConfirming(false);
    setBusy(true);
    try {
      const outcome = await call('backups:restoreFile', { passphrase });
      if (outcome.status === 'restored') {
        setPassphrase('');
        setChosen(null);
        announce(t('backups.restored', { journeys: outcome.journeys }));
        onChanged();
      } else {
        if (outcome.problem === 'missing') setChosen(null);
        setError(t(`backups.problem.${outcome.problem}`));
      }
    } catch (err) {
      setError(t(errorKey(err)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby={titleId} data-testid="restore-from-file">
      <h2 id={titleId} className="section-title">
        {t('backups.fromFileTitle')}
      </h2>
      <p className="backups-note">{t('backups.fromFileIntro')}</p>
      <div className="backups-actions">
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => void onChoose()}
          data-testid="restore-choose-file"
        >
          {t('backups.chooseFile')}
        </button>
        <span data-testid="restore-chosen-file">
          {chosen ? t('backups.chosenFile', { name: chosen }) : t('backups.noFileChosen')}
        </span>
      </div>
      {chosen && (
        <form className="backup-form" onSubmit={onSubmit} noValidate>
          <PassphraseField
            label={t('backups.filePassphrase')}
            value={passphrase}
            onChange={setPassphrase}
            error={error}
            testId="restore-passphrase"
          />
          <div className="backups-actions">
            <button
              type="submit"
              className="button button-primary"
              disabled={busy}
              data-testid="restore-file"
            >
              {t('backups.restoreFromFile')}
            </button>
          </div>
        </form>
      )}
      {!chosen && error && (
        <p className="banner banner-error" role="alert" data-testid="restore-file-error">
          {error}
        </p>
      )}
      <p className="backups-status" role="status">
        {busy ? t('backups.restoring') : ''}
      </p>
      <ConfirmDialog
        open={confirming}
        title={t('backups.restoreFileTitle', { name: chosen ?? '' })}
        body={t('backups.restoreFileBody')}
        confirmLabel={t('backups.restoreConfirm')}
        cancelLabel={t('backups.cancel')}
        onConfirm={() => void onRestore()}
        onCancel={() => setConfirming(false)}
        testId="restore-file-dialog"
      />
    </section>
  );
}
