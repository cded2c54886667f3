import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { EMOTIONS } from '../../../shared/vocabulary';
import { EMOTION_KEYS, EmotionFace } from './EmotionFace';

/** Five large faces to choose from (native radios: arrow keys move, Space chooses). */
export function EmotionPicker({
  value,
  onChange,
}: {
  value: number | null;
  onChange: (value: number | null) => void;
}) {
  const { t } = useTranslation();
  const name = useId();
  return (
    <fieldset className="fieldset">
      <legend className="field-label">{t('panel.emotionLabel')}</legend>
      <div className="emotion-row">
        {EMOTIONS.map((e) => (
          <label
            key={e}
            className={value === e ? 'emotion-choice chosen' : 'emotion-choice'}
            data-testid={`emotion-choice-${e}`}
          >
            <input
              type="radio"
              name={name}
              className="visually-hidden-radio"
              checked={value === e}
              onChange={() => onChange(e)}
              data-testid={`emotion-${e}`}
            />
            <EmotionFace value={e} size={40} />
            <span className="emotion-text">{t(EMOTION_KEYS[e]!)}</span>
          </label>
        ))}
      </div>
      {value !== null && (
        <button
          type="button"
          className="button button-small"
          onClick={() => onChange(null)}
          data-testid="emotion-clear"
        >
          {t('panel.emotionClear')}
        </button>
      )}
    </fieldset>
  );
}
