import { useTranslation } from 'react-i18next';
import { Disclosure } from '../components/Disclosure';
import type { Aggregate } from '../../../shared/analysis/aggregate';
import { SECTORS } from '../../../shared/vocabulary';
import { AllHiddenNotice, HiddenFigure, HiddenNote } from './HiddenNote';
import { formatNumber, labelOf } from './labels';
import { ScrollRegion } from './ScrollRegion';

/** Steps of the colour scale, by whole percent broken: the legend names each in words. */
const HEAT_STEPS = ['bin0', 'bin1', 'bin2', 'bin3'] as const;
/** The step a share falls in, by the percent the cell shows (so "20 %" is never "under 20 %"). */
export function heatStep(share: number): 0 | 1 | 2 | 3 {
  const percent = Math.round(share * 100);
  return percent < 20 ? 0 : percent < 40 ? 1 : percent < 60 ? 2 : 3;
}

/**
 * Sector × sector as a heat map: how many journeys hand over, the share broken (the colour, and
 * the words in the cell), the median waiting. Each cell reads as one sentence to a screen reader
 * ("Fra Egen læge til Sygehus: 23 forløb, 12 % brudte, median ventetid 4 dage"); the headers stay
 * in view while the matrix scrolls.
 */
/** Whether a figure of the matrix is hidden: a pair's count, or its share of broken handovers. */
export const matrixHasHidden = (aggregate: Aggregate) =>
  aggregate.handovers.some((h) => !h.cell.shown || h.cell.value.brokenShare === null);

export function HandoverMatrix({ aggregate }: { aggregate: Aggregate }) {
  const { t, i18n } = useTranslation();
  const k = aggregate.k;
  const used = new Set(aggregate.handovers.flatMap((h) => [h.from, h.to]));
  const sectors = SECTORS.filter((s) => used.has(s));
  const cells = new Map(aggregate.handovers.map((h) => [`${h.from}>${h.to}`, h.cell]));
  const title = t('program.matrixTitle');
  if (sectors.length === 0) {
    return (
      <section className="figure-section" aria-label={title}>
        <h3 className="section-title">{title}</h3>
        <p className="muted">{t('program.tableEmpty')}</p>
      </section>
    );
  }
  const num = (v: number, c = '') => formatNumber(i18n.language, v, c);
  const name = (s: string) => labelOf(t, 'sector', s);
  const anyHidden = matrixHasHidden(aggregate);
  const everyHidden = aggregate.handovers.every((h) => !h.cell.shown);

  const legend = (
    <div className="matrix-legend" data-testid="matrix-legend">
      <p className="matrix-legend-title" id="matrix-legend-title">
        {t('program.matrix.legendTitle')}
      </p>
      <ul aria-labelledby="matrix-legend-title">
        {HEAT_STEPS.map((step, i) => (
          <li key={step}>
            <span className={`legend-swatch heat-${i}`} aria-hidden="true" />
            {t(`program.matrix.${step}`)}
          </li>
        ))}
        <li>
          <span className="legend-swatch heat-unknown" aria-hidden="true" />
          {t('program.matrix.binUnknown', { k: aggregate.k })}
        </li>
        <li>
          <span className="legend-swatch heat-hidden" aria-hidden="true" />
          {t('program.matrix.binHidden', { k })}
        </li>
        <li>
          <span className="legend-swatch heat-empty" aria-hidden="true" />
          {t('program.matrix.binEmpty')}
        </li>
      </ul>
    </div>
  );

  const matrix = (
    <ScrollRegion label={title} fit>
      <table className="figure-table matrix" data-testid="handover-matrix">
        <thead>
          <tr>
            <th scope="col" className="matrix-corner">
              <span aria-hidden="true">{t('program.matrix.corner')}</span>
              <span className="visually-hidden">{t('program.columns.from_sector')}</span>
            </th>
            {sectors.map((s) => (
              <th key={s} scope="col" data-sector={s}>
                {name(s)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sectors.map((from) => (
            <tr key={from}>
              <th scope="row" data-sector={from}>
                {name(from)}
              </th>
              {sectors.map((to) => {
                const cell = cells.get(`${from}>${to}`);
                const pair = { from: name(from), to: name(to) };
                if (!cell) {
                  return (
                    <td key={to} className="matrix-empty">
                      <span aria-hidden="true">–</span>
                      <span className="visually-hidden">{t('program.matrix.emptyName', pair)}</span>
                    </td>
                  );
                }
                if (!cell.shown) {
                  return (
                    <td key={to} className="matrix-hidden">
                      <HiddenFigure k={k} name={t('program.matrix.hiddenName', { ...pair, k })} />
                    </td>
                  );
                }
                const v = cell.value;
                const journeys = t('program.matrix.journeys', { n: num(cell.journeys) });
                const broken =
                  v.brokenShare === null
                    ? t('program.matrix.brokenHidden')
                    : t('program.matrix.broken', { share: num(v.brokenShare, 'broken_share') });
                const waiting =
                  v.medianWaitingDays === null
                    ? t('program.matrix.waitingHidden')
                    : t('program.matrix.waiting', { days: num(v.medianWaitingDays) });
                return (
                  <td
                    key={to}
                    className={`matrix-cell heat-${
                      v.brokenShare === null ? 'unknown' : heatStep(v.brokenShare)
                    }`}
                  >
                    <span className="matrix-figures" aria-hidden="true">
                      <strong>{t('program.matrixCell', { journeys: num(cell.journeys) })}</strong>
                      <span>
                        {v.brokenShare === null
                          ? t('program.brokenHidden')
                          : t('program.brokenShare', {
                              share: num(v.brokenShare, 'broken_share'),
                            })}
                      </span>
                      {v.medianWaitingDays !== null && (
                        <span className="matrix-wait">
                          {t('program.waiting', { days: num(v.medianWaitingDays) })}
                        </span>
                      )}
                    </span>
                    <span className="visually-hidden">
                      {t('program.matrix.cellName', {
                        ...pair,
                        details: [journeys, broken, waiting].join(', '),
                      })}
                    </span>
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
    <section className="figure-section" aria-labelledby="matrix-title" data-testid="matrix-section">
      <h3 id="matrix-title" className="section-title">
        {title}
      </h3>
      {everyHidden ? (
        <AllHiddenNotice k={k} title={t('program.hiddenInfo.allTitle', { what: title })} />
      ) : (
        <>
          <p className="field-help">{t('program.matrixHelp')}</p>
          <Disclosure summary={t('program.matrixMoreTitle')} testId="matrix-more">
            <p className="field-help">{t('program.matrixMore')}</p>
          </Disclosure>
          {anyHidden && <HiddenNote k={k} />}
          {legend}
          {matrix}
        </>
      )}
    </section>
  );
}
