import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ScrollRegion } from './ScrollRegion';
import { HIDDEN, toExcelCsv, type Table } from '../../../shared/analysis/tables';
import { announce } from '../announcer';
import { download } from '../components/download';
import { formatNumber, labelOf } from './labels';

/** Long tables show this many rows until asked for all; the CSV always has every row. */
const FIRST_ROWS = 200;

/** Columns that repeat one figure on every row: the view shows it once, above the table. */
const isHeadline = (table: string, column: string) =>
  column === 'median_contacts' || (table === 'journey-length' && column === 'median_days');

/**
 * One table of figures, as the export writes it: hidden figures say so and carry no value. The
 * CSV is the same file the command line writes (codes, not words), so files from the app and
 * from batch runs can be compared.
 */
export function FigureTable({
  table,
  k,
  serviceNames,
}: {
  table: Table;
  k: number;
  /** Catalogue names by service code, so staff see "Nykøbing F. Sygehus, akutmodtagelse". */
  serviceNames?: ReadonlyMap<string, string>;
}) {
  const { t, i18n } = useTranslation();
  const [showAll, setShowAll] = useState(false);
  const rows = showAll ? table.rows : table.rows.slice(0, FIRST_ROWS);
  const visible = table.columns
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => !isHeadline(table.name, c));
  const title = t(`program.tables.${table.name}`);
  const fileName = `${table.name}.csv`;
  return (
    <section className="figure-section" aria-label={title} data-testid={`table-${table.name}`}>
      <div className="figure-heading">
        <h3 className="section-title">{title}</h3>
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
      </div>
      {table.rows.length === 0 ? (
        <p className="muted">{t('program.tableEmpty')}</p>
      ) : (
        <ScrollRegion label={title}>
          <table className="figure-table">
            <thead>
              <tr>
                {visible.map(({ c }) => (
                  <th key={c} scope="col">
                    {t(`program.columns.${c}`)}
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
                      <td key={c} className={typeof v === 'number' ? 'number' : undefined}>
                        {v === HIDDEN ? (
                          <span
                            className="hidden-figure"
                            title={t('program.hiddenHelp', { k })}
                            data-testid="hidden-cell"
                          >
                            {t('program.hidden')}
                          </span>
                        ) : v === null || v === undefined ? (
                          <span className="muted">–</span>
                        ) : typeof v === 'number' ? (
                          formatNumber(i18n.language, v, c)
                        ) : c === 'service_code' && serviceNames?.has(v) ? (
                          `${serviceNames.get(v)} (${v})`
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
