import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateInput, formatDateInWords, parseDanishDate } from './format';

/**
 * When a touchpoint happened, as precisely as it is known: a day (14-03-2026), a month
 * (03-2026), or nothing (not known: then only its order on the map counts). A plain text field
 * rather than `<input type="date">`, whose format follows the operating system's locale and whose
 * spin fields are hard to use for a citizen at the table. What is typed stays on screen even
 * when it is not a date, with a plain message; only real dates are stored.
 */
export function DateField({
  value,
  onChange,
}: {
  value: string | null;
  onChange: (date: string | null) => void;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState(() => formatDateInput(value));
  // The stored value the draft belongs to; when it changes from elsewhere (undo), the draft follows.
  const [synced, setSynced] = useState(value);
  // The person left the field with something that is not (yet) a date.
  const [left, setLeft] = useState(false);
  if (synced !== value) {
    setSynced(value);
    setDraft(formatDateInput(value));
    setLeft(false);
  }
  const parsed = parseDanishDate(draft);
  const error = !parsed.ok && (parsed.complete || left);
  const understood = parsed.ok
    ? parsed.value
      ? formatDateInWords(parsed.value, i18n.language)
      : t('panel.dateUnknown')
    : null;

  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {t('panel.dateLabel')}
      </label>
      <p id={`${id}-help`} className="field-help">
        {t('panel.dateHelp')}
      </p>
      <input
        id={id}
        className="input input-short"
        // Digits first on a touch keyboard; ddmmåååå without dashes is understood too.
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        value={draft}
        aria-invalid={error ? true : undefined}
        aria-describedby={[
          `${id}-help`,
          error ? `${id}-error` : understood ? `${id}-understood` : '',
        ]
          .filter(Boolean)
          .join(' ')}
        data-testid="touchpoint-date"
        onChange={(e) => {
          const text = e.target.value;
          setDraft(text);
          const next = parseDanishDate(text);
          if (!next.ok) return;
          setLeft(false);
          if (next.value !== value) {
            setSynced(next.value);
            onChange(next.value);
          }
        }}
        // Back in the field, the person is typing again: half a date is not an error yet.
        onFocus={() => setLeft(false)}
        onBlur={() => {
          if (parsed.ok) setDraft(formatDateInput(parsed.value));
          else setLeft(true);
        }}
      />
      {error ? (
        <p id={`${id}-error`} className="field-error" role="alert" data-testid="date-error">
          {t('panel.dateInvalid')}
        </p>
      ) : (
        understood && (
          <p id={`${id}-understood`} className="field-help" data-testid="date-understood">
            {understood}
          </p>
        )
      )}
    </div>
  );
}
