import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../shared/ipc/contract';
import { MOVE_PASSPHRASE_MIN } from '../../../shared/transfer/moved-journey';
import { call, errorKey } from '../api/client';
import { Dialog } from '../components/Dialog';
import { PassphraseField } from './PassphraseField';
import { passphraseStrength } from './passphrase-strength';
import './move.css';

export interface MovingJourney {
  id: string;
  alias: string;
}

type Step = { name: 'form' } | { name: 'working' } | { name: 'saved'; fileName: string };

function useDateFormat() {
  const { i18n } = useTranslation();
  return new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'da-DK', {
    dateStyle: 'long',
    timeStyle: 'short',
  });
}

/** Earlier moves of the journey, when there were any: both ends are kept in its history. */
function MoveHistory({ journeyId }: { journeyId: string }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const [history, setHistory] = useState<OutputOf<'journeys:moveHistory'>>([]);
  useEffect(() => {
    let live = true;
    call('journeys:moveHistory', { journeyId }).then(
      (h) => live && setHistory(h),
      () => undefined, // only a note; the move itself does not need it
    );
    return () => {
      live = false;
    };
  }, [journeyId]);
  if (history.length === 0) return null;
  return (
    <div className="move-history" data-testid="move-history">
      <h3 className="move-subtitle">{t('move.historyTitle')}</h3>
      <ul>
        {history.map((h) => (
          <li key={`${h.moveId}-${h.direction}`}>
            {t(h.direction === 'out' ? 'move.historyOut' : 'move.historyIn', {
              when: format.format(new Date(h.at)),
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}

function MoveOutForm({
  journey,
  onBusy,
  onClose,
  onDeleteHere,
}: {
  journey: MovingJourney;
  onBusy: (busy: boolean) => void;
  onClose: () => void;
  onDeleteHere: (journey: MovingJourney) => void;
}) {
  const { t } = useTranslation();
  // The passphrase lives only here, while the dialog is open; closing it unmounts the form.
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [tried, setTried] = useState(false);
  const [step, setStep] = useState<Step>({ name: 'form' });
  const [error, setError] = useState<string | null>(null);
  /** A plain note (the save dialog was cancelled), said inside the dialog: outside is inert. */
  const [note, setNote] = useState<string | null>(null);
  const keepRef = useRef<HTMLButtonElement>(null);
  // When the form gives way to the outcome, the focus goes to its safe choice.
  useEffect(() => {
    if (step.name === 'saved') keepRef.current?.focus();
  }, [step.name]);

  const strength = passphraseStrength(passphrase);
  const tooShort = [...passphrase].length < MOVE_PASSPHRASE_MIN;
  const mismatch = again !== passphrase;
  const firstError = tried && tooShort ? t('move.tooShort', { min: MOVE_PASSPHRASE_MIN }) : null;
  const againError = tried && !tooShort && mismatch ? t('move.mismatch') : null;

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setTried(true);
    setError(null);
    setNote(null);
    if (tooShort || mismatch) return;
    setStep({ name: 'working' });
    onBusy(true);
    try {
      const result = await call('journeys:moveOut', { journeyId: journey.id, passphrase });
      if (result.outcome === 'saved') {
        setPassphrase('');
        setAgain('');
        setStep({ name: 'saved', fileName: result.fileName });
      } else {
        setStep({ name: 'form' });
        if (result.outcome === 'cancelled') setNote(t('move.cancelled'));
        else setError(t(`move.failed.${result.reason}`));
      }
    } catch (err) {
      setStep({ name: 'form' });
      setError(t(errorKey(err)));
    } finally {
      onBusy(false);
    }
  }

  if (step.name === 'saved') {
    return (
      <div data-testid="move-out-saved">
        <p className="move-success" role="status">
          {t('move.saved', { file: step.fileName })}
        </p>
        <p className="dialog-body">{t('move.savedNext')}</p>
        <p className="dialog-body">{t('move.deleteOffer')}</p>
        <div className="dialog-actions">
          {/* First: the safe choice has the focus. */}
          <button
            ref={keepRef}
            type="button"
            className="button"
            onClick={onClose}
            data-testid="move-keep"
          >
            {t('move.keepHere')}
          </button>
          <button
            type="button"
            className="button button-danger-outline"
            onClick={() => onDeleteHere(journey)}
            data-testid="move-delete-here"
          >
            {t('move.deleteHere')}
          </button>
        </div>
      </div>
    );
  }

  const working = step.name === 'working';
  return (
    <form onSubmit={onSubmit} noValidate data-testid="move-out-form">
      <p className="dialog-body">{t('move.outIntro')}</p>
      <p className="dialog-body">{t('move.outLock')}</p>
      <PassphraseField
        label={t('move.passphraseLabel')}
        help={t('move.passphraseHelp', { min: MOVE_PASSPHRASE_MIN })}
        value={passphrase}
        onChange={setPassphrase}
        hint={
          passphrase
            ? `${t('move.strengthLabel')} ${t(`move.strength.${strength}`, { min: MOVE_PASSPHRASE_MIN })}`
            : undefined
        }
        error={firstError}
        testId="move-passphrase"
      />
      <PassphraseField
        label={t('move.passphraseAgainLabel')}
        value={again}
        onChange={setAgain}
        error={againError}
        testId="move-passphrase-again"
      />
      <MoveHistory journeyId={journey.id} />
      {error && (
        <p className="banner banner-error" role="alert" data-testid="move-out-error">
          {error}
        </p>
      )}
      <p className="move-working" role="status" data-testid="move-status">
        {working ? t('move.working') : note}
      </p>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose} disabled={working}>
          {t('move.cancel')}
        </button>
        <button
          type="submit"
          className="button button-primary"
          disabled={working}
          data-testid="move-out-save"
        >
          {t('move.save')}
        </button>
      </div>
    </form>
  );
}

/**
 * "Move the journey to another computer": a passphrase typed twice, then the save dialog; after
 * the file is written, an offer (never more) to delete the journey here.
 */
export function MoveOutDialog({
  journey,
  onClose,
  onDeleteHere,
}: {
  journey: MovingJourney | null;
  onClose: () => void;
  onDeleteHere: (journey: MovingJourney) => void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  return (
    <Dialog
      open={journey !== null}
      title={t('move.outTitle', { alias: journey?.alias ?? '' })}
      // While the file is being locked and written the dialog stays, so its outcome is seen.
      onClose={() => !busy && onClose()}
      testId="move-out-dialog"
    >
      {journey && (
        <MoveOutForm
          key={journey.id}
          journey={journey}
          onBusy={setBusy}
          onClose={onClose}
          onDeleteHere={onDeleteHere}
        />
      )}
    </Dialog>
  );
}
