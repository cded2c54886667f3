import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSPHRASE_MAX, passphraseProblem } from '../../../shared/domain/backup';
import { PASSPHRASE_MIN_LENGTH } from '../../../shared/domain/startup';
import { call } from '../api/client';
import { PassphraseField } from '../transfer/PassphraseField';
import { passphraseStrength } from '../transfer/passphrase-strength';
// The passphrase field's styles (transfer/move.css) come with the home screen, in the same bundle;
// imported here too, they moved in the stylesheet's order and changed the map's layout.

/**
 * The start where the computer has no keychain for the database key (Linux without one): the
 * facilitator chooses a passphrase on the first start (typed twice, with a plain warning that a
 * forgotten one cannot be recovered) and types it on every later start. A wrong one is said
 * plainly; the main process answers it only after a short pause, longer after each, and never
 * locks anyone out. Large text and one thing to do: this is the first thing the app shows.
 */
export function UnlockScreen(props: { firstStart: boolean; onUnlocked: () => void }) {
  const { firstStart, onUnlocked } = props;
  const { t } = useTranslation();
  const titleId = useId();
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const title = t(firstStart ? 'unlock.firstTitle' : 'unlock.title');
  useEffect(() => {
    document.title = `${title} – ${t('app.name')}`;
  }, [title, t]);

  const problem = firstStart
    ? passphraseProblem(passphrase, again)
    : passphrase === ''
      ? 'empty'
      : null;
  const firstError = !tried
    ? null
    : problem === 'empty'
      ? t('unlock.empty')
      : problem === 'too_short'
        ? t('unlock.tooShort', { min: PASSPHRASE_MIN_LENGTH })
        : problem === 'too_long'
          ? t('unlock.tooLong', { max: PASSPHRASE_MAX })
          : null;
  const againError = tried && problem === 'mismatch' ? t('unlock.mismatch') : null;
  const strength = passphraseStrength(passphrase, PASSPHRASE_MIN_LENGTH);

  /** Back to the first field (after a wrong passphrase, or a problem with it). */
  const focusFirst = () =>
    formRef.current?.querySelector<HTMLInputElement>('[data-testid="unlock-passphrase"]')?.focus();

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setTried(true);
    setError(null);
    if (problem) {
      if (problem !== 'mismatch') focusFirst();
      return;
    }
    setBusy(true);
    try {
      const result = await call('startup:unlock', { passphrase });
      if (result.state === 'ready') {
        setPassphrase('');
        setAgain('');
        onUnlocked();
        return;
      }
      setPassphrase('');
      setTried(false);
      setError(t('unlock.wrong'));
      focusFirst();
    } catch {
      setError(t('unlock.failed'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="unlock-screen" aria-labelledby={titleId} data-testid="unlock-screen">
      <div className="unlock-card">
        <h1 id={titleId} className="unlock-title">
          {title}
        </h1>
        <p className="unlock-lead">{t(firstStart ? 'unlock.firstLead' : 'unlock.lead')}</p>
        {firstStart && (
          <p className="unlock-warning" data-testid="unlock-warning">
            {t('unlock.firstWarning')}
          </p>
        )}
        <form ref={formRef} onSubmit={(e) => void onSubmit(e)} noValidate>
          <PassphraseField
            label={t('unlock.passphrase')}
            help={
              firstStart ? t('unlock.passphraseHelp', { min: PASSPHRASE_MIN_LENGTH }) : undefined
            }
            value={passphrase}
            onChange={setPassphrase}
            hint={
              firstStart && passphrase
                ? `${t('move.strengthLabel')} ${t(`move.strength.${strength}`, { min: PASSPHRASE_MIN_LENGTH })}`
                : undefined
            }
            error={firstError}
            testId="unlock-passphrase"
          />
          {firstStart && (
            <PassphraseField
              label={t('unlock.again')}
              value={again}
              onChange={setAgain}
              error={againError}
              testId="unlock-again"
            />
          )}
          {error && (
            <p className="field-error unlock-error" role="alert" data-testid="unlock-error">
              {error}
            </p>
          )}
          <button
            type="submit"
            className="button button-primary unlock-submit"
            aria-disabled={busy || undefined}
            data-testid="unlock-submit"
          >
            {busy ? t('unlock.busy') : t(firstStart ? 'unlock.create' : 'unlock.open')}
          </button>
          <p className="visually-hidden" role="status" aria-live="polite">
            {busy ? t('unlock.busy') : ''}
          </p>
        </form>
      </div>
    </main>
  );
}
