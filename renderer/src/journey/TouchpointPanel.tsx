import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../shared/domain/journey';
import { errorKey } from '../api/client';
import { announce } from '../announcer';
import { ConfirmDialog } from '../components/Dialog';
import { useJourney } from './journey-context';

/**
 * The name field keeps its own draft: a too-long name is shown with a message (never silently
 * cut) and is not saved until it fits. Keyed by touchpoint, so a new selection starts afresh.
 */
function NameField({
  id,
  initial,
  focusRequest,
}: {
  id: string;
  initial: string;
  focusRequest: number;
}) {
  const { t } = useTranslation();
  const setLabel = useJourney((s) => s.setLabel);
  const [draft, setDraft] = useState(initial);
  const inputRef = useRef<HTMLInputElement>(null);
  const nameId = useId();
  const tooLong = draft.length > LIMITS.touchpointLabelMax;

  useEffect(() => {
    if (focusRequest > 0) inputRef.current?.focus();
  }, [focusRequest]);

  return (
    <div className="field">
      <label htmlFor={nameId} className="field-label">
        {t('panel.nameLabel')}
      </label>
      <p id={`${nameId}-help`} className="field-help">
        {t('panel.nameHelp')}
      </p>
      <input
        ref={inputRef}
        id={nameId}
        className="input"
        value={draft}
        autoComplete="off"
        aria-invalid={tooLong ? true : undefined}
        aria-describedby={tooLong ? `${nameId}-help ${nameId}-error` : `${nameId}-help`}
        onChange={(e) => {
          const value = e.target.value;
          setDraft(value);
          if (value.length <= LIMITS.touchpointLabelMax) setLabel(id, value);
        }}
        data-testid="touchpoint-name"
      />
      {tooLong && (
        <p id={`${nameId}-error`} className="field-error" role="alert">
          {t('validation.labelTooLong', { max: LIMITS.touchpointLabelMax })}
        </p>
      )}
    </div>
  );
}

/** The side panel where the selected touchpoint is named and deleted. */
export function TouchpointPanel({ focusRequest }: { focusRequest: number }) {
  const { t } = useTranslation();
  const touchpoint = useJourney((s) => (s.selectedId ? s.touchpoints[s.selectedId] : undefined));
  const select = useJourney((s) => s.select);
  const deleteTouchpoint = useJourney((s) => s.deleteTouchpoint);
  const [confirming, setConfirming] = useState(false);
  const titleId = useId();

  if (!touchpoint) {
    return (
      <aside
        className="panel panel-empty"
        aria-label={t('panel.title')}
        data-testid="touchpoint-panel-empty"
      >
        <p>{t('panel.noneSelected')}</p>
      </aside>
    );
  }

  return (
    <aside className="panel" aria-labelledby={titleId} data-testid="touchpoint-panel">
      <div className="panel-header">
        <h2 id={titleId} className="section-title">
          {t('panel.title')}
        </h2>
        <button
          type="button"
          className="button"
          onClick={() => select(null)}
          data-testid="panel-close"
        >
          {t('panel.close')}
        </button>
      </div>
      <NameField
        key={touchpoint.id}
        id={touchpoint.id}
        initial={touchpoint.label}
        focusRequest={focusRequest}
      />
      <button
        type="button"
        className="button button-danger-outline"
        onClick={() => setConfirming(true)}
        data-testid="touchpoint-delete"
      >
        {t('panel.delete')}
      </button>
      <ConfirmDialog
        open={confirming}
        title={t('panel.deleteTitle', { label: touchpoint.label.trim() || t('canvas.untitled') })}
        body={t('panel.deleteBody')}
        confirmLabel={t('panel.deleteConfirm')}
        cancelLabel={t('panel.deleteCancel')}
        danger
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          deleteTouchpoint(touchpoint.id).then(
            () => announce(t('panel.deleted')),
            (error: unknown) => announce(t(errorKey(error)), 'error'),
          );
        }}
        testId="touchpoint-delete-dialog"
      />
    </aside>
  );
}
