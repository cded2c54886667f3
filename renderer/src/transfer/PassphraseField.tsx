import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MOVE_PASSPHRASE_MAX } from '../../../shared/transfer/moved-journey';

/**
 * A passphrase box, hidden as it is typed (someone may be looking at the projector), with a
 * button to show it — a long phrase is easier to get right when you can read it — and room for a
 * hint and an error under it. Never spell-checked, never filled in by the browser.
 */
export function PassphraseField(props: {
  label: string;
  help?: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | null;
  /** Read by screen readers with the field, after the help: e.g. the strength hint. */
  hint?: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [visible, setVisible] = useState(false);
  const describedBy = [
    props.help ? `${id}-help` : '',
    props.hint ? `${id}-hint` : '',
    props.error ? `${id}-error` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {props.label}
      </label>
      {props.help && (
        <p id={`${id}-help`} className="field-help">
          {props.help}
        </p>
      )}
      <div className="passphrase-row">
        <input
          id={id}
          className="input passphrase-input"
          type={visible ? 'text' : 'password'}
          value={props.value}
          maxLength={MOVE_PASSPHRASE_MAX}
          autoComplete="off"
          autoCapitalize="off"
          autoCorrect="off"
          spellCheck={false}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={describedBy || undefined}
          onChange={(e) => props.onChange(e.target.value)}
          data-testid={props.testId}
        />
        <button
          type="button"
          className="button"
          // The visible word is part of the name (WCAG 2.5.3), which says what is shown or hidden.
          aria-label={visible ? t('move.hidePassphrase') : t('move.showPassphrase')}
          onClick={() => setVisible((v) => !v)}
          data-testid={`${props.testId}-show`}
        >
          {visible ? t('move.hide') : t('move.show')}
        </button>
      </div>
      {props.hint && (
        <p id={`${id}-hint`} className="field-help" data-testid={`${props.testId}-hint`}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p
          id={`${id}-error`}
          className="field-error"
          role="alert"
          data-testid={`${props.testId}-error`}
        >
          {props.error}
        </p>
      )}
    </div>
  );
}
