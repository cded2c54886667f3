import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_MOVE_FILE_BYTES, type MoveInResult } from '../../../shared/transfer/moved-journey';
import { call, errorKey } from '../api/client';
import { Dialog } from '../components/Dialog';
import { PassphraseField } from './PassphraseField';
import './move.css';

type Imported = Extract<MoveInResult, { outcome: 'imported' }>;

function MoveInForm({
  onBusy,
  onClose,
  onImported,
  onOpen,
}: {
  onBusy: (busy: boolean) => void;
  onClose: () => void;
  onImported: () => void;
  onOpen: (journeyId: string) => void;
}) {
  const { t } = useTranslation();
  // The passphrase lives only here, while the dialog is open; closing it unmounts the form.
  const [passphrase, setPassphrase] = useState('');
  const [working, setWorking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const [imported, setImported] = useState<Imported | null>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (imported) openRef.current?.focus();
  }, [imported]);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setNote(null);
    setMissing(passphrase === '');
    if (passphrase === '') return;
    setWorking(true);
    onBusy(true);
    try {
      const result = await call('journeys:moveIn', { passphrase });
      if (result.outcome === 'imported') {
        setPassphrase('');
        setImported(result);
        onImported();
      } else if (result.outcome === 'cancelled') {
        setNote(t('move.inCancelled'));
      } else {
        setError(
          t(`move.refused.${result.reason}`, {
            alias: result.alias ?? '',
            max: Math.round(MAX_MOVE_FILE_BYTES / (1024 * 1024)),
          }),
        );
      }
    } catch (err) {
      setError(t(errorKey(err)));
    } finally {
      setWorking(false);
      onBusy(false);
    }
  }

  if (imported) {
    return (
      <div data-testid="move-in-done">
        <p className="move-success" role="status">
          {t('move.imported', { alias: imported.alias })}
        </p>
        {imported.servicesAdded > 0 && (
          <p className="dialog-body">
            {t('move.servicesAdded', { count: imported.servicesAdded })}
          </p>
        )}
        {imported.servicesKept > 0 && (
          <p className="dialog-body">{t('move.servicesKept', { count: imported.servicesKept })}</p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose} data-testid="move-in-close">
            {t('move.close')}
          </button>
          <button
            ref={openRef}
            type="button"
            className="button button-primary"
            onClick={() => onOpen(imported.journeyId)}
            data-testid="move-in-open"
          >
            {t('move.openJourney')}
          </button>
        </div>
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate data-testid="move-in-form">
      <p className="dialog-body">{t('move.inIntro')}</p>
      <PassphraseField
        label={t('move.passphraseLabel')}
        value={passphrase}
        onChange={(v) => {
          setPassphrase(v);
          if (v) setMissing(false);
        }}
        error={missing ? t('move.passphraseMissing') : null}
        testId="move-in-passphrase"
      />
      {error && (
        <p className="banner banner-error" role="alert" data-testid="move-in-error">
          {error}
        </p>
      )}
      <p className="move-working" role="status" data-testid="move-in-status">
        {working ? t('move.opening') : note}
      </p>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose} disabled={working}>
          {t('move.cancel')}
        </button>
        <button
          type="submit"
          className="button button-primary"
          disabled={working}
          data-testid="move-in-open-file"
        >
          {t('move.open')}
        </button>
      </div>
    </form>
  );
}

/** "Take in a moved journey": the passphrase once, then the open dialog; every outcome told. */
export function MoveInDialog({
  open,
  onClose,
  onImported,
  onOpen,
}: {
  open: boolean;
  onClose: () => void;
  /** A journey was taken in (the list behind the dialog can show it). */
  onImported: () => void;
  onOpen: (journeyId: string) => void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  return (
    <Dialog
      open={open}
      title={t('move.inTitle')}
      onClose={() => !busy && onClose()}
      testId="move-in-dialog"
    >
      {open && (
        <MoveInForm onBusy={setBusy} onClose={onClose} onImported={onImported} onOpen={onOpen} />
      )}
    </Dialog>
  );
}
