import { useTranslation } from 'react-i18next';
import { ScrollRegion } from './ScrollRegion';
import type { Aggregate } from '../../../shared/analysis/aggregate';
import { SECTORS } from '../../../shared/vocabulary';
import { formatNumber, labelOf } from './labels';

/** Sector × sector: how many journeys hand over, the share broken, the median waiting. */
export function HandoverMatrix({ aggregate }: { aggregate: Aggregate }) {
  const { t, i18n } = useTranslation();
  const used = new Set(aggregate.handovers.flatMap((h) => [h.from, h.to]));
  const sectors = SECTORS.filter((s) => used.has(s));
  const cellOf = (from: string, to: string) =>
    aggregate.handovers.find((h) => h.from === from && h.to === to);
  if (sectors.length === 0) return <p className="muted">{t('program.tableEmpty')}</p>;
  const num = (v: number, c = '') => formatNumber(i18n.language, v, c);
  return (
    <section className="figure-section" aria-labelledby="matrix-title">
      <h3 id="matrix-title" className="section-title">
        {t('program.matrixTitle')}
      </h3>
      <p className="field-help">{t('program.matrixHelp')}</p>
      <ScrollRegion label={t('program.matrixTitle')}>
        <table className="figure-table matrix" data-testid="handover-matrix">
          <thead>
            <tr>
              <td />
              {sectors.map((s) => (
                <th key={s} scope="col">
                  {labelOf(t, 'sector', s)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sectors.map((from) => (
              <tr key={from}>
                <th scope="row">{labelOf(t, 'sector', from)}</th>
                {sectors.map((to) => {
                  const h = cellOf(from, to);
                  if (!h) return <td key={to} className="matrix-empty" />;
                  if (!h.cell.shown) {
                    return (
                      <td key={to}>
                        <span
                          className="hidden-figure"
                          title={t('program.hiddenHelp', { k: aggregate.k })}
                          data-testid="hidden-cell"
                        >
                          {t('program.hidden')}
                        </span>
                      </td>
                    );
                  }
                  const v = h.cell.value;
                  const broken = v.brokenShare ?? 0;
                  return (
                    <td
                      key={to}
                      className="matrix-cell"
                      // Redder the more handovers broke; the words say it too.
                      style={{ background: `rgba(200, 40, 40, ${0.08 + 0.5 * broken})` }}
                    >
                      <strong>{t('program.matrixCell', { journeys: num(h.cell.journeys) })}</strong>
                      <span>
                        {v.brokenShare === null
                          ? t('program.brokenHidden')
                          : t('program.brokenShare', { share: num(v.brokenShare, 'broken_share') })}
                      </span>
                      {v.medianWaitingDays !== null && (
                        <span>{t('program.waiting', { days: num(v.medianWaitingDays) })}</span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}
