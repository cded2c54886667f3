import { Fragment, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { HIDDEN, OTHER_VARIANTS, type Table } from '../../../shared/analysis/tables';
import { FigureHeading } from './FigureTable';
import { AllHiddenNotice, WayToMore } from './HiddenNote';
import { formatNumber, labelOf } from './labels';
import { ScrollRegion } from './ScrollRegion';

const BEGINNINGS_ID = 'program-beginnings';

/** A table of pathways' rows that are shown: each pathway's sectors and its journeys. */
export function shownPathways(table: Table): { steps: string[]; journeys: number }[] {
  const pathwayAt = table.columns.indexOf('pathway');
  const journeysAt = table.columns.indexOf('journeys');
  return table.rows
    .filter((r) => r[pathwayAt] !== OTHER_VARIANTS && typeof r[journeysAt] === 'number')
    .map((r) => ({
      steps: r[pathwayAt] === '' ? [] : String(r[pathwayAt]).split(' > '),
      journeys: r[journeysAt] as number,
    }));
}

/**
 * The recurring pathways (table 'variants'), or how pathways begin (table 'beginnings'): each a
 * row of sector chips in the sector's colour, in order, with a bar for the share of the selection
 * that follows it. The hidden ones are not a row of «skjult» but one sentence; when every one is
 * hidden the view says so and what would show more.
 */
export function VariantsView({
  table,
  k,
  journeys,
  beginningsShown = false,
}: {
  table: Table;
  k: number;
  /** Journeys in the selection (a shown figure), the whole of each bar. */
  journeys: number;
  /** Whether the beginnings show any row: only then are they a way to more. */
  beginningsShown?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const title = t(`program.tables.${table.name}`);
  /** Words for this table: the variants' own, or the beginnings'. */
  const words = table.name === 'beginnings' ? 'program.beginningsView' : 'program.variantsView';
  const shown = shownPathways(table);
  const pathwayAt = table.columns.indexOf('pathway');
  const journeysAt = table.columns.indexOf('journeys');
  const othersHidden = table.rows.some(
    (r) => r[pathwayAt] === OTHER_VARIANTS || r[journeysAt] === HIDDEN,
  );
  const sector = (code: string) => labelOf(t, 'sector', code);
  const percent = (v: number) => formatNumber(i18n.language, v, 'broken_share');

  return (
    <section
      className="figure-section"
      aria-label={title}
      data-testid={`table-${table.name}`}
      // The beginnings are where the variants' notice sends a reader (focus, not a tab stop).
      {...(table.name === 'beginnings' ? { id: BEGINNINGS_ID, tabIndex: -1 } : {})}
    >
      <FigureHeading table={table} title={title} />
      {table.rows.length === 0 ? (
        <p className="muted">{t('program.tableEmpty')}</p>
      ) : shown.length === 0 ? (
        <AllHiddenNotice
          k={k}
          title={t(`${words}.allTitle`)}
          body={t(`${words}.allCount`, {
            k,
            n: formatNumber(i18n.language, journeys, ''),
          })}
          // Whole pathways rarely recur however many there are: more models are no promise here.
          moreModels={table.name === 'variants' ? t('program.variantsView.moreModels') : undefined}
          ways={
            // Whole pathways of many contacts are mostly unique however many models there are;
            // how they begin recurs, and is shown above.
            table.name === 'variants' &&
            beginningsShown && (
              <WayToMore
                text={t('program.variantsView.toBeginnings')}
                label={t('program.variantsView.toBeginningsButton')}
                action={() => {
                  const beginnings = document.getElementById(BEGINNINGS_ID);
                  beginnings?.scrollIntoView({ block: 'start' });
                  beginnings?.focus();
                }}
                testId="hidden-to-beginnings"
              />
            )
          }
        />
      ) : (
        <>
          <p className="field-help">{t(`${words}.help`)}</p>
          <ScrollRegion label={title} tall fit>
            <table className="figure-table variants-table">
              <thead>
                <tr>
                  <th scope="col">
                    {t(
                      table.name === 'beginnings'
                        ? 'program.beginningsView.column'
                        : 'program.columns.pathway',
                    )}
                  </th>
                  <th scope="col">{t('program.columns.journeys')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((v, i) => {
                  const share = journeys > 0 ? v.journeys / journeys : 0;
                  const count = t('program.variantsView.count', {
                    n: formatNumber(i18n.language, v.journeys, ''),
                    share: percent(share),
                  });
                  return (
                    <tr key={i} data-testid={`${table.name}-row`}>
                      <td>
                        {/* The chips are for the eye; the sentence is what a screen reader reads. */}
                        <div className="variant-steps" aria-hidden="true">
                          {v.steps.map((s, j) => (
                            <Fragment key={j}>
                              {j > 0 && <span className="variant-arrow">→</span>}
                              <span className="variant-step" data-sector={s}>
                                {sector(s)}
                              </span>
                            </Fragment>
                          ))}
                        </div>
                        <span className="visually-hidden">
                          {v.steps.length === 0
                            ? t('program.variantsView.noContacts')
                            : v.steps.map(sector).join(`, ${t('program.variantsView.then')} `)}
                        </span>
                        {v.steps.length === 0 && (
                          <span className="muted" aria-hidden="true">
                            {t('program.variantsView.noContacts')}
                          </span>
                        )}
                      </td>
                      <td className="variant-count">
                        <span>{count}</span>
                        <span className="variant-bar" aria-hidden="true">
                          <span
                            className="variant-bar-fill"
                            style={{ '--share': share } as CSSProperties}
                          />
                        </span>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </ScrollRegion>
          {othersHidden && (
            <p className="hidden-note" data-testid={`${table.name}-other`}>
              {t(`${words}.other`, { k })}
            </p>
          )}
        </>
      )}
    </section>
  );
}
