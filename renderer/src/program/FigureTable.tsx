import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Disclosure } from '../components/Disclosure';
import { ScrollRegion } from './ScrollRegion';
import { HIDDEN, toExcelCsv, type Table } from '../../../shared/analysis/tables';
import { announce } from '../announcer';
import { download } from '../components/download';
import { AllHiddenNotice, HiddenFigure, HiddenNote } from './HiddenNote';
import { formatNumber, labelOf, serviceLabel } from './labels';

/** Long tables show this many rows until asked for all; the CSV always has every row. */
const FIRST_ROWS = 200;

/** Columns that repeat one figure on every row: the view shows it once, above the table. */
const isHeadline = (table: string, column: string) =>
  column === 'median_contacts' || (table === 'journey-length' && column === 'median_days');

/**
 * A figure made from the journeys that have a value — a median, a share — which the views leave
 * out (empty in the CSV) when fewer than k of a row's journeys have one: hidden like a small count.
 */
const isStatistic = (column: string) => column.startsWith('median_') || column.endsWith('_share');

/** Whether a row's own count is hidden (the whole row says nothing), or the table has no count. */
const rowHidden = (table: Table, row: Table['rows'][number]) => {
  const at = table.columns.indexOf('journeys');
  return at < 0 ? row.includes(HIDDEN) : row[at] === HIDDEN;
};

/** A statistic of a row whose count is shown, left out because too few journeys have a value. */
const hiddenStatistic = (table: Table, row: Table['rows'][number], i: number) =>
  row[i] === null && isStatistic(table.columns[i]!) && !rowHidden(table, row);

export const hasHidden = (table: Table) =>
  table.rows.some(
    (r) =>
      r.includes(HIDDEN) ||
      r.some((_, i) => !isHeadline(table.name, table.columns[i]!) && hiddenStatistic(table, r, i)),
  );
/** Every row is hidden: the table would say nothing but «skjult». */
export const allHidden = (table: Table) =>
  table.rows.length > 0 && table.rows.every((r) => rowHidden(table, r));

/**
 * A table's heading with its CSV download: the same file the command line writes. A table with no
 * rows, or only hidden ones, offers none: its file would hold nothing but «skjult».
 */
export function FigureHeading({ table, title }: { table: Table; title: string }) {
  const { t } = useTranslation();
  const fileName = `${table.name}.csv`;
  const nothing = table.rows.length === 0 || allHidden(table);
  return (
    <div className="figure-heading">
      <h3 className="section-title">{title}</h3>
      {nothing ? null : (
        <button
          type="button"
          className="button button-small"
          onClick={() => {
            download(new Blob([toExcelCsv(table)], { type: 'text/csv;charset=utf-8' }), fileName);
            announce(t('program.downloaded', { file: fileName }));
          }}
          data-testid={`csv-${table.name}`}
        >
          {t('program.downloadCsv')}
        </button>
      )}
    </div>
  );
}

/**
 * One table of figures, as the export writes it: hidden figures say so and carry no value. The
 * CSV is the same file the command line writes (codes, not words), so files from the app and
 * from batch runs can be compared.
 */
export function FigureTable({
  table,
  k,
  serviceNames,
  shortNote = false,
  leftOut = 0,
}: {
  table: Table;
  k: number;
  /**
   * Rows the table leaves out because they are hidden and so not known to belong in it (a pair
   * whose change of feeling is hidden is not known to be a drop): said above the rows, or instead
   * of them when none is left.
   */
  leftOut?: number;
  /** A table above it in the same view explains «skjult» in full: its own line is short. */
  shortNote?: boolean;
  /**
   * Catalogue names by service code, so staff see "Nykøbing F. Sygehus, akutmodtagelse"; a code
   * not in it is named an unknown service. Undefined while the catalogue is loading.
   */
  serviceNames?: ReadonlyMap<string, string>;
}) {
  const { t, i18n } = useTranslation();
  const [showAll, setShowAll] = useState(false);
  const rows = showAll ? table.rows : table.rows.slice(0, FIRST_ROWS);
  const visible = table.columns
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => !isHeadline(table.name, c));
  const title = t(`program.tables.${table.name}`);
  // A column of figures is right-aligned, its heading too, so the heading sits over the digits.
  const numeric = new Set(
    visible.filter(({ i }) => table.rows.some((r) => typeof r[i] === 'number')).map(({ c }) => c),
  );
  const grid: ReactNode = (
    <ScrollRegion label={title} fit>
      <table className="figure-table">
        <thead>
          <tr>
            {visible.map(({ c }) => (
              <th key={c} scope="col" className={numeric.has(c) ? 'number' : undefined}>
                {i18n.exists(`program.columnsIn.${table.name}.${c}`)
                  ? t(`program.columnsIn.${table.name}.${c}`)
                  : t(`program.columns.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r}>
              {visible.map(({ c, i }) => {
                const v = row[i];
                return (
                  <td key={c} className={numeric.has(c) ? 'number' : undefined}>
                    {/* A statistic without a value says «skjult», its row's count shown or
                        not: a dash in a column of signed figures (−0,5) would read as a minus
                        or a nought. */}
                    {v === HIDDEN || (v === null && isStatistic(c)) ? (
                      <HiddenFigure k={k} />
                    ) : v === null || v === undefined ? (
                      <span className="muted">–</span>
                    ) : typeof v === 'number' ? (
                      formatNumber(i18n.language, v, c)
                    ) : c === 'service_code' ? (
                      serviceLabel(t, v, serviceNames)
                    ) : (
                      labelOf(t, c, v)
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
  return (
    <section className="figure-section" aria-label={title} data-testid={`table-${table.name}`}>
      <FigureHeading table={table} title={title} />
      {table.rows.length === 0 && leftOut > 0 ? (
        <AllHiddenNotice
          k={k}
          title={t('program.hiddenInfo.allTitle', { what: title })}
          body={t(`program.leftOut.${table.name}.none`, {
            count: leftOut,
            n: formatNumber(i18n.language, leftOut, ''),
            k,
          })}
          testId={`left-out-${table.name}`}
        />
      ) : table.rows.length === 0 ? (
        <p className="muted">{t('program.tableEmpty')}</p>
      ) : allHidden(table) ? (
        // Nothing but «skjult» to read: say why, and what would show more. The rows stay one
        // step away (which combinations occur at all).
        <AllHiddenNotice k={k} title={t('program.hiddenInfo.allTitle', { what: title })}>
          <Disclosure
            summary={t('program.hiddenInfo.showRows', {
              count: table.rows.length,
              n: formatNumber(i18n.language, table.rows.length, ''),
            })}
          >
            {grid}
          </Disclosure>
        </AllHiddenNotice>
      ) : (
        <>
          {hasHidden(table) && <HiddenNote k={k} short={shortNote} />}
          {leftOut > 0 && (
            <p className="hidden-note" data-testid={`left-out-${table.name}`}>
              {t(`program.leftOut.${table.name}.some`, {
                count: leftOut,
                n: formatNumber(i18n.language, leftOut, ''),
                k,
              })}
            </p>
          )}
          {grid}
        </>
      )}
      {rows.length < table.rows.length && (
        <button
          type="button"
          className="button button-small show-all"
          onClick={() => setShowAll(true)}
          data-testid={`show-all-${table.name}`}
        >
          {t('program.showAll', { n: formatNumber(i18n.language, table.rows.length, '') })}
        </button>
      )}
    </section>
  );
}
