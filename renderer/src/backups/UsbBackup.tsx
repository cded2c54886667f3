import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSPHRASE_MAX, PASSPHRASE_MIN, passphraseProblem } from '../../../shared/domain/backup';
import { call, errorKey } from '../api/client';
import { PassphraseField } from '../transfer/PassphraseField';
import { passphraseStrength } from '../transfer/passphrase-strength';

/**
 * A backup to a folder the facilitator chooses (a USB stick), locked with a passphrase typed
 * twice. The passphrase lives only in this form and is cleared once the copy is written.
 */
export function UsbBackup() {
  const { t } = useTranslation();
  const titleId = useId();
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [written, setWritten] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const problem = passphraseProblem(passphrase, again);
  const firstError =
    tried && problem === 'too_short'
      ? t('backups.tooShort', { min: PASSPHRASE_MIN })
      : tried && problem === 'too_long'
        ? t('backups.tooLong', { max: PASSPHRASE_MAX })
        : null;
  const againError = tried && problem === 'mismatch' ? t('backups.mismatch') : null;
  const strength = passphraseStrength(passphrase, PASSPHRASE_MIN);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setTried(true);
    setWritten(null);
    setError(null);
    if (problem) return;
    setBusy(true);
    try {
      const outcome = await call('backups:writeTo', { passphrase });
      if (outcome.status === 'written') {
        setPassphrase('');
        setAgain('');
        setTried(false);
        setWritten(t('backups.written', { name: outcome.name, folder: outcome.folder }));
      }
    } catch (err) {
      setError(t(errorKey(err)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby={titleId} data-testid="usb-backup">
      <h2 id={titleId} className="section-title">
        {t('backups.usbTitle')}
      </h2>
      <p className="backups-note">{t('backups.usbIntro')}</p>
      <form className="backup-form" onSubmit={onSubmit} noValidate>
        <PassphraseField
          label={t('backups.passphrase', { min: PASSPHRASE_MIN })}
          value={passphrase}
          onChange={setPassphrase}
          hint={
            passphrase
              ? `${t('move.strengthLabel')} ${t(`move.strength.${strength}`, { min: PASSPHRASE_MIN })}`
              : undefined
          }
          error={firstError}
          testId="usb-passphrase"
        />
        <PassphraseField
          label={t('backups.passphraseAgain')}
          value={again}
          onChange={setAgain}
          error={againError}
          testId="usb-passphrase-again"
        />
        {error && (
          <p className="banner banner-error" role="alert" data-testid="usb-error">
            {error}
          </p>
        )}
        <div className="backups-actions">
          <button
            type="submit"
            className="button button-primary"
            disabled={busy}
            data-testid="usb-write"
          >
            {t('backups.writeTo')}
          </button>
        </div>
        <p className="backups-status" role="status" data-testid="usb-status">
          {busy ? t('backups.writing') : written}
        </p>
      </form>
      <p className="backups-note">{t('backups.usbNote')}</p>
    </section>
  );
}
