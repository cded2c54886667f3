import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Disclosure } from '../components/Disclosure';
import type { Aggregate, Cell } from '../../../shared/analysis/aggregate';
import type { CostFigures, CostView } from '../../../shared/analysis/cost-aggregate';
import type { Table } from '../../../shared/analysis/tables';
import { UNPRICED_REASONS } from '../../../shared/economy/cost';
import { PAYERS } from '../../../shared/economy/prices';
import { SECTORS } from '../../../shared/vocabulary';
import { formatAmount, kroner } from '../economy/money';
import { navigate } from '../router';
import { FigureHeading } from './FigureTable';
import { HiddenFigure, HiddenNote, notesIn, type NoteKind } from './HiddenNote';
import { formatNumber } from './labels';
import { ScrollRegion } from './ScrollRegion';
import '../economy/economy.css';

/** A difference with its sign written out: "−12.300 kr.", "+4.000 kr.". */
function signed(t: TFunction, language: string, value: number): string {
  const amount = kroner(t, language, Math.abs(value));
  return value < 0 ? `−${amount}` : value > 0 ? `+${amount}` : amount;
}

const isHidden = (cell: Cell<unknown>) => !cell.shown;

/**
 * The difference as shown: a hidden one that anyone can work out from the two sums beside it
 * (both shown) is that subtraction. The figures are suppressed so that a hidden figure can be
 * worked out only when it rests on no journey (then it is 0) or on k or more
 * (shared/analysis/cost-aggregate.ts; a property test holds the subtraction to the true figure):
 * «skjult» beside two equal sums would hide nothing and only puzzle the reader. The CSV keeps
 * the figures as they come (that cell hidden), as the command line writes them.
 */
function differenceOf(f: CostFigures): Cell<number> {
  if (f.difference.shown || !f.asIs.shown || !f.toBe.shown) return f.difference;
  return { shown: true, journeys: 0, value: f.toBe.value - f.asIs.value };
}
/** A reason written to follow a name ("der er ikke fundet …") as a row heading of its own. */
const sentenceCase = (text: string) => text.charAt(0).toLocaleUpperCase('da') + text.slice(1);

/** One figure of a cost table: the amount, or «skjult» with its reason for a screen reader. */
function Amount(props: { cell: Cell<number>; k: number; sign?: boolean }) {
  const { t, i18n } = useTranslation();
  if (!props.cell.shown) return <HiddenFigure k={props.k} />;
  const v = props.cell.value;
  return <>{props.sign ? signed(t, i18n.language, v) : kroner(t, i18n.language, v)}</>;
}

/** A section of the economy view: its heading with the CSV of the same figures, help and body. */
function Section(props: {
  table: Table | undefined;
  title: string;
  help?: string;
  /** Its line on hidden figures: in full, in short below another that says it, or none. */
  note: NoteKind;
  k: number;
  testId: string;
  /** A place the view sends a reader to (focus, not a tab stop). */
  id?: string;
  children: ReactNode;
}) {
  return (
    <section
      className="figure-section"
      aria-label={props.title}
      data-testid={props.testId}
      {...(props.id ? { id: props.id, tabIndex: -1 } : {})}
    >
      {props.table ? (
        <FigureHeading table={props.table} title={props.title} />
      ) : (
        <h3 className="section-title">{props.title}</h3>
      )}
      {props.help && <p className="field-help">{props.help}</p>}
      {props.note && <HiddenNote k={props.k} short={props.note === 'short'} />}
      <ScrollRegion label={props.title} fit>
        {props.children}
      </ScrollRegion>
    </section>
  );
}

/** Sums as they are, as they would be, and the difference: by sector or by payer, with a total. */
function FiguresTable(props: {
  head: string;
  rows: { key: string; label: string; figures: CostFigures }[];
  total: CostFigures;
  k: number;
}) {
  const { t } = useTranslation();
  const line = (key: string, label: string, f: CostFigures, total = false) => (
    <tr key={key} className={total ? 'cost-total' : undefined} data-testid={`cost-row-${key}`}>
      <th scope="row">{label}</th>
      <td className="number">
        <Amount cell={f.asIs} k={props.k} />
      </td>
      <td className="number">
        <Amount cell={f.toBe} k={props.k} />
      </td>
      <td className="number">
        <Amount cell={differenceOf(f)} k={props.k} sign />
      </td>
    </tr>
  );
  return (
    <table className="figure-table cost-table">
      <thead>
        <tr>
          <th scope="col">{props.head}</th>
          <th scope="col" className="number">
            {t('vocab.map.as_is')}
          </th>
          <th scope="col" className="number">
            {t('vocab.map.to_be')}
          </th>
          <th scope="col" className="number">
            {t('economy.workshop.difference')}
          </th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r) => line(r.key, r.label, r.figures))}
        {line('total', t('economy.workshop.total'), props.total, true)}
      </tbody>
    </table>
  );
}

const UNPRICED_ID = 'cost-unpriced-section';

/** What the coverage line says, from the unpriced section's two counts (see `Coverage`). */
export type CoverageSaid =
  | { kind: 'hidden' }
  | { kind: 'none'; all: number }
  | { kind: 'some'; priced: number; all: number; unpriced: number; share: number }
  | null;

/**
 * How much of the selection the amounts rest on, from the two counts the last section shows, so
 * nothing is told that it does not. When the count without a price is hidden (fewer than k
 * journeys have such a touchpoint — none, perhaps), it claims neither that some lack a price nor
 * that none do. The share is never 0 % or 100 % (as rounded) while some are priced and some not.
 */
export function coverageOf(unpriced: Cell<number>, all: Cell<number>): CoverageSaid {
  if (!unpriced.shown || !all.shown) return { kind: 'hidden' };
  if (unpriced.value === 0) return null;
  const priced = all.value - unpriced.value;
  if (priced <= 0) return { kind: 'none', all: all.value };
  const share = Math.min(0.99, Math.max(0.01, priced / all.value));
  return { kind: 'some', priced, all: all.value, unpriced: unpriced.value, share };
}

/**
 * The coverage line beside the amounts' first mention: a total that leaves out most touchpoints
 * must not be quoted as what the journeys cost. With a way to the reasons.
 */
function Coverage(props: { unpriced: Cell<number>; all: Cell<number>; onWhy: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const said = coverageOf(props.unpriced, props.all);
  if (said === null) return null;
  const n = (v: number) => formatNumber(lang, v, '');
  const text =
    said.kind === 'hidden'
      ? t('economy.program.coverageHidden')
      : said.kind === 'none'
        ? t('economy.program.coverageNone', { all: n(said.all) })
        : t('economy.program.coverage', {
            priced: n(said.priced),
            all: n(said.all),
            unpriced: n(said.unpriced),
            share: new Intl.NumberFormat(lang, {
              style: 'percent',
              maximumFractionDigits: 0,
            }).format(said.share),
          });
  return (
    <p
      className={said.kind === 'hidden' ? 'cost-coverage' : 'cost-coverage cost-coverage-short'}
      data-testid="cost-coverage"
    >
      {text}{' '}
      <button
        type="button"
        className="button button-small"
        onClick={props.onWhy}
        data-testid="coverage-why"
      >
        {t('economy.program.coverageWhy')}
      </button>
    </p>
  );
}

const figuresHidden = (f: CostFigures) =>
  isHidden(f.asIs) || isHidden(f.toBe) || isHidden(differenceOf(f));

/**
 * The program's Economy tab: what the selection's journeys cost the public purse by the laptop's
 * price list, as they are and as they could be — per journey, by sector and by payer, who would
 * pay and who would save — and the touchpoints no price could be applied to. Every figure comes
 * suppressed from the main process (shared/analysis/cost-aggregate.ts) and a hidden one says so,
 * as in every other view. Each section's CSV is the same table the command line writes.
 */
export function CostViews({ aggregate, tables }: { aggregate: Aggregate; tables: Table[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const cost: CostView | undefined = aggregate.cost;
  const k = aggregate.k;
  if (!cost) return null;
  const table = (name: string) => tables.find((x) => x.name === name);

  const per = cost.perJourney;
  const perRows = (['asIs', 'asIsWithToBe', 'toBe'] as const).map((m) => ({ m, cell: per[m] }));
  const stat = (
    cell: Cell<{ median: number; q1: number | null; q3: number | null }>,
    f: 'median' | 'q1' | 'q3',
  ) => {
    if (!cell.shown) return <HiddenFigure k={k} />;
    const v = cell.value[f];
    return v === null ? <span className="muted">–</span> : kroner(t, lang, v);
  };

  const who = cost.whoPaysWhoSaves;
  const whoSectors = SECTORS.filter((s) => who.some((x) => x.sector === s));
  const whoPayers = PAYERS.filter((p) => who.some((x) => x.payer === p));
  // The sections' notes on hidden figures, top to bottom: the first explains, the rest point up.
  const notes = notesIn([
    perRows.some((r) => isHidden(r.cell)),
    figuresHidden(cost.total) || cost.byPayer.some(figuresHidden),
    figuresHidden(cost.total) || cost.bySector.some(figuresHidden),
    who.some((x) => isHidden(x.cell)),
    (['asIs', 'toBe'] as const).some(
      (m) =>
        isHidden(cost.unpriced[m].touchpoints) ||
        isHidden(cost.unpriced[m].unpriced) ||
        cost.unpriced[m].byReason.some((r) => isHidden(r.cell)),
    ),
  ]);
  const whoText = (cell: Cell<number>) => {
    if (!cell.shown) return <HiddenFigure k={k} />;
    const amount = formatAmount(lang, Math.abs(cell.value));
    return cell.value < 0
      ? t('economy.program.saves', { amount })
      : cell.value > 0
        ? t('economy.program.pays', { amount })
        : t('economy.program.same');
  };

  const count = (cell: Cell<number>) =>
    cell.shown ? formatNumber(lang, cell.value, '') : <HiddenFigure k={k} />;
  const reasons = UNPRICED_REASONS.filter((r) =>
    (['asIs', 'toBe'] as const).some((m) => cost.unpriced[m].byReason.some((x) => x.reason === r)),
  );
  const reasonCell = (map: 'asIs' | 'toBe', reason: string) =>
    cost.unpriced[map].byReason.find((r) => r.reason === reason)?.cell;

  return (
    <div className="cost-views" data-testid="program-cost">
      <div className="notice cost-program-intro">
        <p className="cost-price-list" data-testid="cost-price-list">
          {t('economy.program.intro', {
            name: cost.priceList.name,
            year: cost.priceList.priceYear,
          })}{' '}
          <button
            type="button"
            className="button button-small"
            onClick={() => navigate({ name: 'prices', back: { name: 'program', tab: 'economy' } })}
            data-testid="open-prices"
          >
            {t('economy.program.openPrices')}
          </button>
        </p>
        <Coverage
          unpriced={cost.unpriced.asIs.unpriced}
          all={cost.unpriced.asIs.touchpoints}
          onWhy={() => {
            const target = document.getElementById(UNPRICED_ID);
            target?.scrollIntoView({ block: 'start' });
            target?.focus({ preventScroll: true });
          }}
        />
        <Disclosure summary={t('economy.program.toBeMeaningTitle')} testId="cost-to-be-meaning">
          <p>{t('economy.program.toBeMeaning')}</p>
        </Disclosure>
      </div>

      <Section
        table={table('cost-per-journey')}
        title={t('economy.program.perJourneyTitle')}
        help={t('economy.program.perJourneyHelp', { n: formatNumber(lang, 2 * k, '') })}
        note={notes[0]!}
        k={k}
        testId="cost-per-journey"
      >
        <table className="figure-table cost-table">
          <thead>
            <tr>
              <th scope="col">{t('economy.program.which')}</th>
              <th scope="col" className="number">
                {t('economy.program.journeys')}
              </th>
              <th scope="col" className="number">
                {t('economy.program.median')}
              </th>
              <th scope="col" className="number">
                {t('economy.program.q1')}
              </th>
              <th scope="col" className="number">
                {t('economy.program.q3')}
              </th>
            </tr>
          </thead>
          <tbody>
            {perRows.map(({ m, cell }) => (
              <tr key={m} data-testid={`cost-row-${m}`}>
                <th scope="row">{t(`economy.program.perJourney.${m}`)}</th>
                <td className="number">
                  {cell.shown ? formatNumber(lang, cell.journeys, '') : <HiddenFigure k={k} />}
                </td>
                <td className="number">{stat(cell, 'median')}</td>
                <td className="number">{stat(cell, 'q1')}</td>
                <td className="number">{stat(cell, 'q3')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>

      <Section
        table={table('cost-by-payer')}
        title={t('economy.program.byPayerTitle')}
        help={t('economy.program.sumHelp')}
        note={notes[1]!}
        k={k}
        testId="cost-by-payer"
      >
        <FiguresTable
          head={t('economy.workshop.what')}
          rows={cost.byPayer.map((p) => ({
            key: p.payer,
            label: t(`economy.payer.${p.payer}`),
            figures: p,
          }))}
          total={cost.total}
          k={k}
        />
      </Section>

      <Section
        table={table('cost-by-sector')}
        title={t('economy.program.bySectorTitle')}
        help={t('economy.program.sumHelp')}
        note={notes[2]!}
        k={k}
        testId="cost-by-sector"
      >
        <FiguresTable
          head={t('economy.workshop.sector')}
          rows={cost.bySector.map((s) => ({
            key: s.sector,
            label: t(`vocab.sector.${s.sector}`),
            figures: s,
          }))}
          total={cost.total}
          k={k}
        />
      </Section>

      <Section
        table={table('cost-who-pays-who-saves')}
        title={t('economy.program.whoTitle')}
        help={t('economy.program.whoHelp')}
        note={notes[3]!}
        k={k}
        testId="cost-who-pays"
      >
        {who.length === 0 ? (
          <p className="muted">{t('economy.program.whoEmpty')}</p>
        ) : (
          <table className="figure-table cost-table">
            <thead>
              <tr>
                <th scope="col">{t('economy.workshop.sector')}</th>
                {whoPayers.map((p) => (
                  <th key={p} scope="col" className="number">
                    {t(`economy.payer.${p}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {whoSectors.map((s) => (
                <tr key={s} data-testid={`cost-who-${s}`}>
                  <th scope="row">{t(`vocab.sector.${s}`)}</th>
                  {whoPayers.map((p) => {
                    const x = who.find((w) => w.sector === s && w.payer === p);
                    return (
                      <td key={p} className="number">
                        {x ? (
                          whoText(x.cell)
                        ) : (
                          <>
                            <span className="muted" aria-hidden="true">
                              –
                            </span>
                            <span className="visually-hidden">{t('economy.program.noShare')}</span>
                          </>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>

      <Section
        table={table('cost-unpriced')}
        title={t('economy.program.unpricedTitle')}
        help={t('economy.program.unpricedHelp')}
        note={notes[4]!}
        k={k}
        testId="cost-unpriced"
        id={UNPRICED_ID}
      >
        <table className="figure-table cost-table">
          <thead>
            <tr>
              <th scope="col">{t('economy.program.reason')}</th>
              <th scope="col" className="number">
                {t('vocab.map.as_is')}
              </th>
              <th scope="col" className="number">
                {t('vocab.map.to_be')}
              </th>
            </tr>
          </thead>
          <tbody>
            {reasons.map((reason) => {
              const a = reasonCell('asIs', reason);
              const b = reasonCell('toBe', reason);
              return (
                <tr key={reason} data-testid={`cost-reason-${reason}`}>
                  <th scope="row">{sentenceCase(t(`economy.workshop.reasons.${reason}`))}</th>
                  <td className="number">{a ? count(a) : '–'}</td>
                  <td className="number">{b ? count(b) : '–'}</td>
                </tr>
              );
            })}
            <tr className="cost-total">
              <th scope="row">{t('economy.program.unpriced')}</th>
              <td className="number">{count(cost.unpriced.asIs.unpriced)}</td>
              <td className="number">{count(cost.unpriced.toBe.unpriced)}</td>
            </tr>
            <tr>
              <th scope="row">{t('economy.program.touchpoints')}</th>
              <td className="number">{count(cost.unpriced.asIs.touchpoints)}</td>
              <td className="number">{count(cost.unpriced.toBe.touchpoints)}</td>
            </tr>
          </tbody>
        </table>
      </Section>
    </div>
  );
}
