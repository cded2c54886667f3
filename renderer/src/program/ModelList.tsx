import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ScrollRegion } from './ScrollRegion';
import type { ProgramModel } from '../../../shared/ipc/contract';
import { shownName } from '../../../shared/domain/text';
import { call, errorKey } from '../api/client';
import { announce } from '../announcer';
import { ConfirmDialog } from '../components/Dialog';
import { ageRange, formatNumber } from './labels';

/**
 * Rows shown at first, and added by each «Vis 50 flere»: a workspace of a whole program holds
 * thousands of models, and a page of all of them takes seconds to open and cannot be read.
 */
export const MODEL_ROWS = 50;

/**
 * Text as a search compares it: lower case, in Danish (so «Æ» finds «æ»), any dash a hyphen and
 * any space a plain one (so «60-69» typed finds «60–69 år» shown).
 */
const folded = (text: string) =>
  text
    .toLocaleLowerCase('da')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ');

/** The models in the workspace with their cohort attributes; find them, delete one or all. */
export function ModelList({
  models,
  onChanged,
}: {
  models: ProgramModel[];
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [confirmAll, setConfirmAll] = useState(false);
  const titleId = useId();
  const [query, setQuery] = useState('');
  const [limit, setLimit] = useState(MODEL_ROWS);
  /** The row the keyboard goes on at after «Vis flere»: the first of those just added. */
  const focusRow = useRef<number | null>(null);
  const body = useRef<HTMLTableSectionElement>(null);
  const searchId = useId();
  // An emptied workspace starts afresh: a later import is not shown under an old search.
  if (models.length === 0 && (query !== '' || limit !== MODEL_ROWS)) {
    setQuery('');
    setLimit(MODEL_ROWS);
  }
  useEffect(() => {
    if (focusRow.current === null) return;
    body.current?.rows[focusRow.current]?.querySelector<HTMLElement>('.file-name')?.focus();
    focusRow.current = null;
  });
  const language = i18n.language;
  const notStated = t('program.notStated');
  const fmt = (n: number) => formatNumber(language, n, '');

  // Each model's row as words, made once per list and language: what is shown is what is found.
  const rows = useMemo(() => {
    const date = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
    const month = new Intl.DateTimeFormat(language, {
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    });
    /** «2026-11» as the language writes a month: «nov. 2026». */
    const monthOf = (yearMonth: string) => {
      const ym = /^(\d{4})-(\d{2})$/.exec(yearMonth);
      return ym ? month.format(Date.UTC(Number(ym[1]), Number(ym[2]) - 1, 1)) : yearMonth;
    };
    return models.map((m) => {
      const cells = {
        age: m.ageBand ? t('program.ageBandValue', { band: ageRange(m.ageBand) }) : notStated,
        sex: m.sex ? t(`profile.sexes.${m.sex}`) : notStated,
        municipality: m.municipality ? t(`profile.municipalities.${m.municipality}`) : notStated,
        conditions:
          m.conditionGroups.map((g) => t(`profile.conditionGroups.${g}`)).join(', ') || notStated,
        // Under the file name, not in columns of their own: at 1024 px the columns about the
        // citizen then have the room to read on a line or two.
        month: monthOf(m.exportMonth),
        imported: date.format(new Date(m.importedAt)),
      };
      const words = folded(
        [
          m.fileName,
          cells.age,
          cells.sex,
          cells.municipality,
          cells.conditions,
          m.exportMonth,
          // The month and the date, not the words around them: «ind» finds no row.
          cells.month,
          cells.imported,
          // A character no one types: a search never matches across two cells.
        ].join('\u0000'),
      );
      return { m, cells, words };
    });
  }, [models, t, notStated, language]);
  const wanted = folded(query.trim());
  const found = wanted ? rows.filter((r) => r.words.includes(wanted)) : rows;
  const shown = found.slice(0, limit);

  async function remove(m: ProgramModel) {
    try {
      await call('program:delete', { exportId: m.exportId });
      announce(t('program.deleted'));
    } catch (error) {
      announce(t(errorKey(error)), 'error');
    }
    onChanged();
  }

  async function removeAll() {
    setConfirmAll(false);
    try {
      await call('program:deleteAll', {});
      announce(t('program.deletedAll'));
    } catch (error) {
      announce(t(errorKey(error)), 'error');
    }
    onChanged();
  }

  return (
    <section className="card" aria-labelledby={titleId} data-testid="model-list">
      <div className="figure-heading">
        <h2 id={titleId} className="section-title">
          {t('program.modelsTitle')}{' '}
          <span className="muted" data-testid="model-count">
            (
            {t('program.modelsCount', {
              count: models.length,
              n: fmt(models.length),
            })}
            )
          </span>
        </h2>
        {models.length > 0 && (
          <button
            type="button"
            className="button button-danger-outline"
            onClick={() => setConfirmAll(true)}
            data-testid="delete-all-models"
          >
            {t('program.deleteAll')}
          </button>
        )}
      </div>
      {models.length === 0 ? (
        <p className="muted">{t('program.noModels')}</p>
      ) : (
        <>
          <div className="model-find">
            <label htmlFor={searchId} className="field-label">
              {t('program.modelSearch')}
            </label>
            <input
              id={searchId}
              type="search"
              className="input"
              value={query}
              onChange={(e) => {
                setQuery(e.target.value);
                setLimit(MODEL_ROWS);
              }}
              aria-describedby={`${searchId}-shown`}
              data-testid="model-search"
            />
            <p id={`${searchId}-shown`} className="muted" role="status" data-testid="models-shown">
              {found.length === 0
                ? t('program.modelsNoneFound', { query: query.trim() })
                : wanted
                  ? t('program.modelsFound', { found: fmt(found.length), shown: fmt(shown.length) })
                  : t('program.modelsShown', { shown: fmt(shown.length), n: fmt(models.length) })}
            </p>
          </div>
          {shown.length > 0 && (
            <ScrollRegion label={t('program.modelsTitle')} flow>
              <table className="figure-table model-table">
                <thead>
                  <tr>
                    <th scope="col">{t('program.modelName')}</th>
                    <th scope="col">{t('program.ageBand')}</th>
                    <th scope="col">{t('program.sex')}</th>
                    <th scope="col">{t('program.municipality')}</th>
                    <th scope="col">{t('program.conditionGroup')}</th>
                    <th scope="col" className="number">
                      {t('program.touchpoints')}
                    </th>
                    <th scope="col">
                      <span className="visually-hidden">{t('program.delete')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody ref={body}>
                  {shown.map(({ m, cells }) => (
                    <tr key={m.exportId} data-testid="model-row">
                      <td className="file-name" tabIndex={-1}>
                        <bdi className="model-file">{shownName(m.fileName)}</bdi>
                        <span className="model-date">
                          {t('program.exportedIn', { month: cells.month })}
                        </span>
                        <span className="model-date">
                          {t('program.importedOn', { date: cells.imported })}
                        </span>
                      </td>
                      <td className="age-band">{cells.age}</td>
                      <td>{cells.sex}</td>
                      <td>{cells.municipality}</td>
                      <td>{cells.conditions}</td>
                      <td className="number">{m.touchpointCount}</td>
                      <td>
                        <button
                          type="button"
                          className="button button-small"
                          aria-label={t('program.deleteNamed', { file: shownName(m.fileName) })}
                          onClick={() => void remove(m)}
                          data-testid="delete-model"
                        >
                          {t('program.delete')}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          )}
          {shown.length < found.length && (
            <button
              type="button"
              className="button show-all"
              onClick={() => {
                focusRow.current = shown.length;
                setLimit(shown.length + MODEL_ROWS);
              }}
              data-testid="models-more"
            >
              {t('program.modelsMore', {
                n: fmt(Math.min(MODEL_ROWS, found.length - shown.length)),
              })}
            </button>
          )}
        </>
      )}
      <ConfirmDialog
        open={confirmAll}
        title={t('program.deleteAllTitle')}
        body={t('program.deleteAllBody', { count: models.length })}
        confirmLabel={t('program.deleteAll')}
        cancelLabel={t('deleteDialog.cancel')}
        onConfirm={() => void removeAll()}
        onCancel={() => setConfirmAll(false)}
        danger
        testId="delete-all-dialog"
      />
    </section>
  );
}
