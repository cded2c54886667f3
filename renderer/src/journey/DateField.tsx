import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  isValidPathwayDate,
  precisionOf,
  type DatePrecision,
} from '../../../shared/domain/journey';

/**
 * When a touchpoint happened, as precisely as it is known: a day, a month, or not known (then
 * only its order on the map counts). Impossible dates are explained, never stored.
 */
export function DateField({
  value,
  onChange,
}: {
  value: string | null;
  onChange: (date: string | null) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const stored = precisionOf(value);
  const [chosen, setChosen] = useState<DatePrecision>(stored);
  const [synced, setSynced] = useState(value);
  const [bad, setBad] = useState(false);
  if (synced !== value) {
    setSynced(value);
    setChosen(precisionOf(value));
    setBad(false);
  }
  const precision = chosen;

  function choose(p: DatePrecision) {
    setChosen(p);
    setBad(false);
    if (p === 'unknown') onChange(null);
    else if (p === 'month' && value) onChange(value.slice(0, 7));
  }

  const options: { p: DatePrecision; key: string }[] = [
    { p: 'day', key: 'panel.precisionDay' },
    { p: 'month', key: 'panel.precisionMonth' },
    { p: 'unknown', key: 'panel.precisionUnknown' },
  ];

  return (
    <fieldset className="fieldset">
      <legend className="field-label">{t('panel.dateLabel')}</legend>
      <div className="radio-row" role="radiogroup" aria-label={t('panel.datePrecisionLabel')}>
        {options.map((o) => (
          <label key={o.p} className="radio-pill">
            <input
              type="radio"
              name={`${id}-precision`}
              checked={precision === o.p}
              onChange={() => choose(o.p)}
              data-testid={`date-precision-${o.p}`}
            />
            <span>{t(o.key)}</span>
          </label>
        ))}
      </div>
      {precision !== 'unknown' && (
        <div className="field">
          <label htmlFor={`${id}-input`} className="field-label field-label-small">
            {t(precision === 'day' ? 'panel.dayLabel' : 'panel.monthLabel')}
          </label>
          <input
            key={precision}
            id={`${id}-input`}
            type={precision === 'day' ? 'date' : 'month'}
            className="input input-short"
            min={precision === 'day' ? '1900-01-01' : '1900-01'}
            max={precision === 'day' ? '2100-12-31' : '2100-12'}
            defaultValue={value && precisionOf(value) === precision ? value : ''}
            aria-invalid={bad ? true : undefined}
            aria-describedby={bad ? `${id}-error` : undefined}
            data-testid="touchpoint-date"
            onChange={(e) => {
              const v = e.target.value;
              if (e.target.validity.badInput || (v !== '' && !isValidPathwayDate(v))) {
                setBad(true);
                return;
              }
              setBad(false);
              if (v !== '') onChange(v);
            }}
          />
          {bad && (
            <p id={`${id}-error`} className="field-error" role="alert">
              {t('panel.dateInvalid')}
            </p>
          )}
        </div>
      )}
    </fieldset>
  );
}
