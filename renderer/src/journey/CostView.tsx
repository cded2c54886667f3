import type { TFunction } from 'i18next';
import { useId, useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { Touchpoint } from '../../../shared/domain/journey';
import { differenceIsComplete, type PathwayCost } from '../../../shared/economy/cost';
import { PAYERS } from '../../../shared/economy/prices';
import { SECTORS } from '../../../shared/vocabulary';
import { errorKey } from '../api/client';
import { announce } from '../announcer';
import { Dialog } from '../components/Dialog';
import { formatAmount, kroner } from '../economy/money';
import { navigate } from '../router';
import { useJourney } from './journey-context';
import { journeyCost, mapsOf, usePriceList } from './journey-cost';
import '../economy/economy.css';

/** A difference with its sign written out: "−12.300 kr.", "+4.000 kr.", "0 kr.". */
function signed(t: TFunction, language: string, value: number): string {
  const amount = kroner(t, language, Math.abs(value));
  return value < 0 ? `−${amount}` : value > 0 ? `+${amount}` : amount;
}

/** The sentence for one payer (or the whole public sector) of what the new pathway would change. */
function changeSentence(t: TFunction, language: string, diff: number, payer?: string): string {
  const amount = formatAmount(language, Math.abs(diff));
  if (payer === undefined) {
    return diff < 0
      ? t('economy.workshop.totalLess', { amount })
      : diff > 0
        ? t('economy.workshop.totalMore', { amount })
        : t('economy.workshop.totalSame');
  }
  return diff < 0
    ? t('economy.workshop.less', { amount, payer })
    : diff > 0
      ? t('economy.workshop.more', { amount, payer })
      : t('economy.workshop.same', { payer });
}

interface Line {
  key: string;
  label: string;
  asIs: number;
  toBe: number;
}

function CostTable(props: {
  caption: string;
  head: string;
  lines: Line[];
  total: Line;
  withToBe: boolean;
  /** Whether the difference can be told: every touchpoint of both maps priced. */
  withDifference: boolean;
  testId: string;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const row = (l: Line, total = false) => (
    <tr key={l.key} className={total ? 'cost-total' : undefined} data-testid={`cost-line-${l.key}`}>
      <th scope="row">{l.label}</th>
      <td className="number" data-testid="cost-as-is">
        {kroner(t, lang, l.asIs)}
      </td>
      {props.withToBe && (
        <>
          <td className="number" data-testid="cost-to-be">
            {kroner(t, lang, l.toBe)}
          </td>
          {props.withDifference && (
            <td className="number" data-testid="cost-difference">
              {signed(t, lang, l.toBe - l.asIs)}
            </td>
          )}
        </>
      )}
    </tr>
  );
  return (
    <table className="figure-table cost-table" data-testid={props.testId}>
      <caption className="section-title">{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{props.head}</th>
          <th scope="col" className="number">
            {t('vocab.map.as_is')}
          </th>
          {props.withToBe && (
            <>
              <th scope="col" className="number">
                {t('vocab.map.to_be')}
              </th>
              {props.withDifference && (
                <th scope="col" className="number">
                  {t('economy.workshop.difference')}
                </th>
              )}
            </>
          )}
        </tr>
      </thead>
      <tbody>
        {props.lines.map((l) => row(l))}
        {row(props.total, true)}
      </tbody>
    </table>
  );
}

/**
 * The estimated public cost of the journey for the facilitator: the as-is and the to-be map priced
 * by the laptop's (indicative) price list, by payer and by sector, what the new pathway would
 * change for whom, and which touchpoints have no price and why. Repetitions and durations count
 * (shared/economy/cost.ts). On the citizen's copy only when chosen there (CitizenCopy).
 */
export function CostView({ titled = true }: { titled?: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const id = useId();
  const journeyId = useJourney((s) => s.journey?.id);
  const touchpoints = useJourney((s) => s.touchpoints);
  const services = useJourney((s) => s.services);
  // Read each time the view opens: a price corrected on the price screen shows here at once.
  const { list, failed } = usePriceList(true, (error) => announce(t(errorKey(error)), 'error'));

  const maps = useMemo(() => mapsOf(touchpoints), [touchpoints]);
  const cost = useMemo(() => (list ? journeyCost(maps, list) : null), [list, maps]);

  if (failed) return <p className="notice">{t('economy.workshop.loadFailed')}</p>;
  if (!list || !cost) return null;

  const withToBe = maps.toBe.length > 0;
  const serviceName = (code: string | null) => {
    const s = code ? services.find((x) => x.code === code) : undefined;
    return s ? (lang === 'en' ? s.label.en : s.label.da) : '';
  };
  const nameOf = (tp: Touchpoint) =>
    tp.label.trim() ||
    serviceName(tp.serviceCode) ||
    `${t(`vocab.sector.${tp.sector}`)}${tp.contactType ? ` · ${t(`vocab.contactType.${tp.contactType}`)}` : ''}`;
  const payerLines: Line[] = PAYERS.filter(
    (p) => cost.asIs.byPayer[p] !== 0 || cost.toBe.byPayer[p] !== 0,
  ).map((p) => ({
    key: p,
    label: t(`economy.payer.${p}`),
    asIs: cost.asIs.byPayer[p],
    toBe: cost.toBe.byPayer[p],
  }));
  const sectorLines: Line[] = SECTORS.filter(
    (s) => cost.asIs.bySector[s] !== 0 || cost.toBe.bySector[s] !== 0,
  ).map((s) => ({
    key: s,
    label: t(`vocab.sector.${s}`),
    asIs: cost.asIs.bySector[s],
    toBe: cost.toBe.bySector[s],
  }));
  const total: Line = {
    key: 'total',
    label: t('economy.workshop.total'),
    asIs: cost.asIs.total,
    toBe: cost.toBe.total,
  };
  // Touchpoints without a price, by map: what the sums leave out, each with its reason.
  const unpriced = (
    [
      ['as_is', cost.asIs],
      ['to_be', cost.toBe],
    ] as const
  )
    .map(([map, c]: readonly [string, PathwayCost]) => ({
      map,
      items: c.unpriced.map((u) => ({
        tp: touchpoints[u.ref]!,
        // A price per day, month or hour says what to add: how long it lasted, in those terms.
        reason:
          u.reason === 'unit_needs_duration' && u.unit && u.unit !== 'contact'
            ? (`needs_${u.unit}` as const)
            : u.reason,
      })),
    }))
    .filter((g) => g.items.length > 0);
  const unpricedCount = unpriced.reduce((n, g) => n + g.items.length, 0);
  const touchpointCount = maps.asIs.length + maps.toBe.length;
  const complete = differenceIsComplete(cost.difference);
  const coverage = (
    [
      ['as_is', maps.asIs.length, cost.asIs.unpriced.length],
      ['to_be', maps.toBe.length, cost.toBe.unpriced.length],
    ] as const
  ).filter(([, count, none]) => count > 0 && none > 0);

  return (
    <section
      className="cost-view"
      aria-labelledby={titled ? `${id}-title` : undefined}
      aria-label={titled ? undefined : t('economy.workshop.title')}
      data-testid="journey-cost"
    >
      {titled && (
        <h2 id={`${id}-title`} className="page-title">
          {t('economy.workshop.title')}
        </h2>
      )}
      <p className="lead">
        {t('economy.workshop.intro', { name: list.name, year: list.priceYear })}
      </p>
      <p className="muted">{t('economy.workshop.facilitatorOnly')}</p>
      {coverage.map(([map, count, none]) => (
        <p key={map} className="cost-coverage" data-testid="cost-coverage">
          {t('economy.workshop.coverage', {
            map: t(`vocab.map.${map}`),
            priced: count - none,
            count,
            unpriced: none,
          })}
        </p>
      ))}
      {touchpointCount === 0 ? (
        <p className="notice">{t('economy.workshop.empty')}</p>
      ) : (
        <>
          {withToBe && !complete ? (
            <div className="notice cost-comparison" data-testid="cost-incomplete">
              <p className="notice-title">{t('economy.workshop.incompleteTitle')}</p>
              <p>
                {t('economy.workshop.incomplete', {
                  asIs: cost.difference.unpriced.asIs,
                  toBe: cost.difference.unpriced.toBe,
                })}
              </p>
            </div>
          ) : withToBe ? (
            <div className="notice cost-comparison" data-testid="cost-comparison">
              <p className="notice-title">{t('economy.workshop.comparisonTitle')}</p>
              <p className="cost-sentence" data-testid="cost-sentence-total">
                {changeSentence(t, lang, cost.difference.total)}
              </p>
              <ul className="plain-list">
                {payerLines.map((l) => (
                  <li key={l.key} className="cost-sentence" data-testid={`cost-sentence-${l.key}`}>
                    {changeSentence(
                      t,
                      lang,
                      cost.difference.byPayer[l.key as (typeof PAYERS)[number]],
                      t(`economy.payerThe.${l.key}`),
                    )}
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <p className="notice" data-testid="cost-no-to-be">
              {t('economy.workshop.noToBe')}
            </p>
          )}
          <div className="cost-tables">
            <CostTable
              caption={t('economy.workshop.byPayer')}
              head={t('economy.workshop.what')}
              lines={payerLines}
              total={total}
              withToBe={withToBe}
              withDifference={withToBe && complete}
              testId="cost-by-payer"
            />
            <CostTable
              caption={t('economy.workshop.bySector')}
              head={t('economy.workshop.sector')}
              lines={sectorLines}
              total={total}
              withToBe={withToBe}
              withDifference={withToBe && complete}
              testId="cost-by-sector"
            />
          </div>
          <p className="field-help">{t('economy.workshop.counted')}</p>
          {unpricedCount > 0 && (
            <section className="card cost-unpriced" data-testid="cost-unpriced">
              <h3 className="section-title">
                {t('economy.workshop.unpricedTitle', { count: unpricedCount })}
              </h3>
              <p>{t('economy.workshop.unpricedHelp')}</p>
              {unpriced.map((g) => (
                <div key={g.map} className="cost-unpriced-group">
                  <h4 className="cost-unpriced-map">{t(`vocab.map.${g.map}`)}</h4>
                  <ul className="cost-unpriced-list">
                    {g.items.map((u) => (
                      <li key={u.tp.id} data-testid="cost-unpriced-item">
                        {t('economy.workshop.unpricedItem', {
                          name: nameOf(u.tp),
                          reason: t(`economy.workshop.reasons.${u.reason}`),
                        })}
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
            </section>
          )}
        </>
      )}
      <button
        type="button"
        className="button cost-open-prices"
        onClick={() =>
          navigate(
            journeyId
              ? { name: 'prices', back: { name: 'journey', id: journeyId } }
              : { name: 'prices' },
          )
        }
        data-testid="open-prices"
      >
        {t('economy.workshop.openPrices')}
      </button>
    </section>
  );
}

/**
 * The cost view's place in the workshop: an item of the map's "Mere" menu, opening the view in a
 * wide dialog. Not a tab: the facilitator looks at it now and then, and the tab row on a
 * 1024-pixel screen has no room left without taking a line from the map.
 */
export function CostMenuItem() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const close = () => {
    setOpen(false);
    // The menu the item sat in has closed: focus goes back to its button.
    document.querySelector<HTMLElement>('[data-testid="more-menu-button"]')?.focus();
  };
  return (
    <>
      <button
        type="button"
        className="button menu-item"
        onClick={() => setOpen(true)}
        data-testid="open-cost"
      >
        {t('economy.workshop.menu')}
      </button>
      {open &&
        // Outside the menu (a <details> that closes when an item is chosen).
        createPortal(
          <Dialog
            open
            title={t('economy.workshop.title')}
            onClose={close}
            testId="journey-cost-dialog"
            close={{ label: t('economy.workshop.close'), testId: 'close-cost-top' }}
          >
            <CostView titled={false} />
            <div className="dialog-actions">
              <button
                type="button"
                className="button button-primary"
                onClick={close}
                data-testid="close-cost"
              >
                {t('economy.workshop.close')}
              </button>
            </div>
          </Dialog>,
          document.body,
        )}
    </>
  );
}
