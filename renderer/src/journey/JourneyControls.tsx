import { useTranslation } from 'react-i18next';
import { announce } from '../announcer';
import { SaveStatus } from '../components/SaveStatus';
import { useJourney } from './journey-context';

/**
 * The journey's save status and its undo and redo: one of each for the whole journey, whatever
 * tab the edit was made on.
 */
/** The one save status of the whole journey, every tab's edits included. */
export function SaveIndicator() {
  const status = useJourney((s) => s.saveStatus);
  const error = useJourney((s) => s.saveError);
  const retry = useJourney((s) => s.retry);
  return <SaveStatus status={status} error={error} onRetry={() => void retry()} />;
}

export function UndoRedo() {
  const { t } = useTranslation();
  const canUndo = useJourney((s) => s.canUndo);
  const canRedo = useJourney((s) => s.canRedo);
  const undo = useJourney((s) => s.undo);
  const redo = useJourney((s) => s.redo);
  return (
    <div className="button-group">
      <button
        type="button"
        className="button"
        disabled={!canUndo}
        onClick={() => void undo().then(() => announce(t('canvas.undone')))}
        aria-keyshortcuts="Control+Z"
        aria-label={t('canvas.undo')}
        title={t('canvas.undo')}
        data-testid="undo"
      >
        <span aria-hidden="true">↶</span>
      </button>
      <button
        type="button"
        className="button"
        disabled={!canRedo}
        onClick={() => void redo().then(() => announce(t('canvas.redone')))}
        aria-keyshortcuts="Control+Shift+Z Control+Y"
        aria-label={t('canvas.redo')}
        title={t('canvas.redo')}
        data-testid="redo"
      >
        <span aria-hidden="true">↷</span>
      </button>
    </div>
  );
}
