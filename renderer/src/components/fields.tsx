import { useId, useLayoutEffect, useRef, useState, type ChangeEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { typedText } from '../../../shared/domain/text';

/**
 * Form fields for the side panels. Text and number fields keep a draft: what the user typed
 * stays on screen even when it is not valid (too long, not a number), with a plain message, and
 * only valid values reach the store. When the stored value changes from elsewhere (undo), the
 * draft follows it.
 */
/**
 * The text of a field and the value it shows. A value changed from outside (undo, another field)
 * replaces the text; the value the text itself just gave does not (`says`), so what is being
 * typed ("2 t" on its way to "2 timer") is never rewritten under the cursor.
 */
function useDraft<T>(value: T, toText: (v: T) => string, says?: (text: string) => unknown) {
  const [draft, setDraft] = useState(() => toText(value));
  const [synced, setSynced] = useState(value);
  if (!Object.is(synced, value)) {
    setSynced(value);
    if (!says || !Object.is(says(draft), value)) setDraft(toText(value));
  }
  return [draft, setDraft] as const;
}

interface FieldShellProps {
  id: string;
  label: string;
  help?: string;
  error?: string | null;
  children: ReactNode;
}

function FieldShell({ id, label, help, error, children }: FieldShellProps) {
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {help && (
        <p id={`${id}-help`} className="field-help">
          {help}
        </p>
      )}
      {children}
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

const describedBy = (id: string, help?: string, error?: string | null) =>
  [help ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

export function TextField(props: {
  label: string;
  help?: string;
  value: string;
  max: number;
  tooLongMessage: string;
  onChange: (value: string) => void;
  multiline?: boolean;
  testId: string;
}) {
  const id = useId();
  const [draft, setDraft] = useDraft(props.value, (v) => v);
  const error = draft.length > props.max ? props.tooLongMessage : null;
  const field = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  /** Where the caret goes after a paste that `typedText` changed (React would put it last). */
  const caret = useRef<number | null>(null);
  useLayoutEffect(() => {
    if (caret.current === null) return;
    field.current?.setSelectionRange(caret.current, caret.current);
    caret.current = null;
  });
  const common = {
    id,
    className: props.multiline ? 'input textarea' : 'input',
    value: draft,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(id, props.help, error),
    'data-testid': props.testId,
    ref: field,
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      // A pasted control character becomes what it stood for, here where it is seen, rather
      // than an edit the database refuses (see typedText).
      const raw = e.target.value;
      const v = typedText(raw, props.multiline === true);
      if (v !== raw) {
        const at = e.target.selectionStart ?? raw.length;
        caret.current = typedText(raw.slice(0, at), props.multiline === true).length;
      }
      setDraft(v);
      if (v.length <= props.max) props.onChange(v);
    },
  };
  return (
    <FieldShell id={id} label={props.label} help={props.help} error={error}>
      {props.multiline ? (
        <textarea rows={3} {...common} />
      ) : (
        <input autoComplete="off" {...common} />
      )}
    </FieldShell>
  );
}

export function NumberField(props: {
  label: string;
  help?: string;
  value: number | null;
  parse: (text: string) => number | null | undefined;
  invalidMessage: string;
  onChange: (value: number | null) => void;
  testId: string;
  /** How a value is written back into the field (default: `decimalText` in the window's language). */
  format?: (value: number) => string;
  /** Touch keyboards: digits only ('decimal', the default), or letters too ('text'). */
  inputMode?: 'decimal' | 'text';
}) {
  const id = useId();
  const { i18n } = useTranslation();
  const format = props.format ?? ((v: number) => decimalText(v, i18n.language));
  const [draft, setDraft] = useDraft(
    props.value,
    (v) => (v === null ? '' : format(v)),
    props.parse,
  );
  const parsed = props.parse(draft);
  const error = parsed === undefined ? props.invalidMessage : null;
  return (
    <FieldShell id={id} label={props.label} help={props.help} error={error}>
      <input
        id={id}
        className="input input-short"
        inputMode={props.inputMode ?? 'decimal'}
        autoComplete="off"
        value={draft}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, props.help, error)}
        data-testid={props.testId}
        onChange={(e) => {
          setDraft(e.target.value);
          const v = props.parse(e.target.value);
          if (v !== undefined) props.onChange(v);
        }}
      />
    </FieldShell>
  );
}

export function SelectField<T extends string>(props: {
  label: string;
  help?: string;
  value: T | null;
  options: { value: T; label: string }[];
  emptyLabel?: string;
  onChange: (value: T | null) => void;
  testId: string;
  /** The chosen option's full text, for when a long one is cut off in a narrow panel. */
  title?: string;
}) {
  const id = useId();
  return (
    <FieldShell id={id} label={props.label} help={props.help}>
      <select
        id={id}
        className="select"
        value={props.value ?? ''}
        title={props.title}
        aria-describedby={describedBy(id, props.help)}
        data-testid={props.testId}
        onChange={(e) => props.onChange(e.target.value === '' ? null : (e.target.value as T))}
      >
        {props.emptyLabel !== undefined && <option value="">{props.emptyLabel}</option>}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

/**
 * A decimal as it is written in the window's language: "4,5" in Danish, "4.5" in English (where
 * "4,5" reads as forty-five). No thousands separator, so `parseDecimal` reads it back.
 */
export function decimalText(value: number, language: string): string {
  const text = String(value);
  return language.startsWith('da') ? text.replace('.', ',') : text;
}

/** Parses a Danish or English decimal ("4,5" or "4.5"); '' is null; invalid is undefined. */
export function parseDecimal(text: string, min: number, max: number, integer = false) {
  const t = text.trim();
  if (t === '') return null;
  if (!/^\d+([.,]\d+)?$/.test(t)) return undefined;
  const n = Number(t.replace(',', '.'));
  if (!Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n)))
    return undefined;
  return n;
}
