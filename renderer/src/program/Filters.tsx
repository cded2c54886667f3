import { useId, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { FILTER_VALUES, type CohortFilter } from '../../../shared/analysis/aggregate';
import { MAX_K } from '../../../shared/analysis/schema';
import { call, errorKey } from '../api/client';
import { announce } from '../announcer';
import { ageRange } from './labels';

const NOT_STATED = '__not_stated';

type ValueField = 'ageBand' | 'sex' | 'municipality';

const valueLabel = (t: TFunction, field: ValueField, v: string) =>
  field === 'ageBand'
    ? t('program.ageBandValue', { band: ageRange(v) })
    : field === 'sex'
      ? t(`profile.sexes.${v}`)
      : t(`profile.municipalities.${v}`);

/** Who is chosen, which map and k, in words: «Alle borgere · Sådan er det i dag · k = 5». */
export function selectionSummary(t: TFunction, filter: CohortFilter, k: number): string {
  // The one field chosen (the form allows one at a time), in words.
  const chosen = (['ageBand', 'sex', 'municipality', 'conditionGroup'] as const).find(
    (f) => filter[f] !== undefined,
  );
  const who =
    chosen === undefined
      ? t('program.filtersEveryone')
      : t('program.filtersField', {
          field: t(`program.${chosen}`),
          value:
            filter[chosen] === null
              ? t('program.notStated')
              : chosen === 'conditionGroup'
                ? t(`profile.conditionGroups.${filter.conditionGroup}`)
                : valueLabel(t, chosen, filter[chosen] as string),
        });
  return [
    who,
    t(filter.map === 'toBe' ? 'vocab.map.to_be' : 'vocab.map.as_is'),
    t('program.filtersK', { k }),
  ].join(' · ');
}

/**
 * Who is in the cohort, and which map: every view is recomputed from these. Folded to one line
 * saying what is chosen ("Alle borgere · Sådan er det i dag · k = 5"), so the view below starts
 * high on a laptop's screen; the button opens the fields.
 */
export function Filters(props: {
  filter: CohortFilter;
  onFilter: (f: CohortFilter) => void;
  k: number;
  onK: (k: number) => void;
}) {
  const { t } = useTranslation();
  const { filter, onFilter } = props;
  const id = useId();
  const [open, setOpen] = useState(false);
  const labelFor = (field: ValueField, v: string) => valueLabel(t, field, v);

  const select = (field: ValueField) => {
    const value = filter[field];
    return (
      <label className="filter-field" key={field}>
        <span className="field-label-small">{t(`program.${field}`)}</span>
        <select
          className="select"
          value={value === undefined ? '' : value === null ? NOT_STATED : value}
          onChange={(e) => {
            const v = e.target.value;
            // One field at a time (see the help text): choosing one clears the others.
            onFilter({
              map: filter.map,
              [field]: v === '' ? undefined : v === NOT_STATED ? null : v,
            });
          }}
          data-testid={`filter-${field}`}
        >
          <option value="">{t('program.all')}</option>
          {FILTER_VALUES[field].map((v) => (
            <option key={v} value={v}>
              {labelFor(field, v)}
            </option>
          ))}
          <option value={NOT_STATED}>{t('program.notStated')}</option>
        </select>
      </label>
    );
  };

  const summary = selectionSummary(t, filter, props.k);

  return (
    <section className="filters" aria-labelledby={`${id}-title`} data-testid="filters">
      <div className="filters-summary">
        <h2 id={`${id}-title`} className="filters-title">
          {t('program.filtersTitle')}
        </h2>
        <p className="filters-chosen" data-testid="filters-summary">
          {summary}
        </p>
        <button
          type="button"
          className="button filters-toggle"
          aria-expanded={open}
          aria-controls={`${id}-fields`}
          onClick={() => setOpen((o) => !o)}
          data-testid="filters-toggle"
        >
          {t('program.filtersButton')}
          <span aria-hidden="true">{open ? ' ▴' : ' ▾'}</span>
        </button>
      </div>
      <div id={`${id}-fields`} className="filters-fields" hidden={!open}>
        <p className="field-help filters-help">{t('program.oneField')}</p>
        {select('ageBand')}
        {select('sex')}
        {select('municipality')}
        <label className="filter-field">
          <span className="field-label-small">{t('program.conditionGroup')}</span>
          <select
            className="select"
            value={filter.conditionGroup ?? ''}
            onChange={(e) =>
              onFilter({
                map: filter.map,
                conditionGroup: (e.target.value || undefined) as CohortFilter['conditionGroup'],
              })
            }
            data-testid="filter-conditionGroup"
          >
            <option value="">{t('program.all')}</option>
            {FILTER_VALUES.conditionGroup.map((v) => (
              <option key={v} value={v}>
                {t(`profile.conditionGroups.${v}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="filter-field">
          <span className="field-label-small">{t('program.map')}</span>
          <select
            className="select"
            value={filter.map ?? 'asIs'}
            onChange={(e) => onFilter({ ...filter, map: e.target.value as 'asIs' | 'toBe' })}
            data-testid="filter-map"
          >
            <option value="asIs">{t('vocab.map.as_is')}</option>
            <option value="toBe">{t('vocab.map.to_be')}</option>
          </select>
        </label>
        {/* Keyed by k so a saved value resets the draft. */}
        <KField key={props.k} k={props.k} onK={props.onK} />
      </div>
    </section>
  );
}

function KField({ k, onK }: { k: number; onK: (k: number) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(String(k));
  const [problem, setProblem] = useState(false);
  const id = useId();

  async function save() {
    const n = Number(draft);
    if (!Number.isInteger(n) || n < 5 || n > MAX_K) {
      setProblem(true);
      return;
    }
    setProblem(false);
    if (n === k) return;
    try {
      const saved = await call('program:setK', { k: n });
      onK(saved.k);
      announce(t('program.kSaved', { k: saved.k }));
    } catch (error) {
      announce(t(errorKey(error)), 'error');
    }
  }

  return (
    <form
      className="filter-field k-field"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label htmlFor={id} className="field-label-small">
        {t('program.kLabel')}
      </label>
      <div className="field-inline">
        <input
          id={id}
          className="input input-narrow"
          type="number"
          min={5}
          max={MAX_K}
          step={1}
          value={draft}
          aria-describedby={`${id}-help${problem ? ` ${id}-error` : ''}`}
          aria-invalid={problem || undefined}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={() => void save()}
          data-testid="k-input"
        />
      </div>
      <span id={`${id}-help`} className="field-help">
        {t('program.kHelp')}
      </span>
      {problem && (
        <span id={`${id}-error`} className="field-error" role="alert">
          {t('program.kInvalid')}
        </span>
      )}
    </form>
  );
}
