import { useId } from 'react';
import { useTranslation } from 'react-i18next';

export const EXPORT_FORMATS = ['model', 'ocel', 'xes', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * The file formats, each its own large choice with one plain line on what it is for, so a
 * facilitator can tell them apart without knowing the acronyms.
 */
export function ExportFormats({
  formats,
  onChange,
}: {
  formats: readonly ExportFormat[];
  onChange: (formats: ExportFormat[]) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <fieldset className="card export-formats" data-testid="export-formats">
      <legend className="export-formats-legend">{t('exportScreen.formatsTitle')}</legend>
      <p className="export-step-facts">{t('exportScreen.formatsHelp')}</p>
      <div className="export-format-grid">
        {EXPORT_FORMATS.map((f) => {
          const on = formats.includes(f);
          return (
            <label key={f} className={on ? 'export-format export-format-on' : 'export-format'}>
              <input
                type="checkbox"
                checked={on}
                onChange={(e) =>
                  onChange(
                    // Kept in the list's order, whatever order they were ticked in.
                    EXPORT_FORMATS.filter((x) =>
                      x === f ? e.target.checked : formats.includes(x),
                    ),
                  )
                }
                aria-describedby={`${id}-${f}`}
                data-testid={`export-format-${f}`}
              />
              <span className="export-format-name">{t(`exportScreen.format.${f}.name`)}</span>
              <span className="export-format-help" id={`${id}-${f}`}>
                {t(`exportScreen.format.${f}.help`)}
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
