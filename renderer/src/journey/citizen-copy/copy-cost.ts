/**
 * The words of the estimated public cost on the citizen's copy (pure). Worded with care for the
 * citizen's paper: an estimate of the public sector's expense ("anslået offentlig udgift"),
 * indicative ("vejledende"), never a bill or a price for the citizen; what it leaves out; and
 * which price list and price year it rests on. The figures are the cost view's (journey-cost.ts).
 */
import type { TFunction } from 'i18next';
import { differenceIsComplete, type PathwayCost } from '../../../../shared/economy/cost';
import { PAYERS, type PriceList } from '../../../../shared/economy/prices';
import type { MapKind } from '../../../../shared/vocabulary';
import { kroner } from '../../economy/money';
import type { JourneyCost } from '../journey-cost';
import type { CopyCost } from './copy-layout';

/** Why the cost cannot be put on the copy of this map, or null when it can. */
export type CostUnavailable = 'loading' | 'failed' | 'noList' | 'nothingPriced';

export function costUnavailable(
  state: { list: PriceList | null; failed: boolean },
  cost: PathwayCost | null,
): CostUnavailable | null {
  if (state.failed) return 'failed';
  if (!state.list) return 'loading';
  if (state.list.prices.every((r) => r.price === null)) return 'noList';
  // An amount above 0 to show: a map priced only at 0 kr. (the citizen's own life) says nothing.
  if (!cost || cost.pricedCount === 0 || cost.total === 0) return 'nothingPriced';
  return null;
}

/** The cost block's words for the copy of `map`, or null when nothing on it has a price. */
export function copyCost(
  cost: JourneyCost,
  map: MapKind,
  list: PriceList,
  t: TFunction,
  language: string,
): CopyCost | null {
  const own = map === 'as_is' ? cost.asIs : cost.toBe;
  if (own.pricedCount === 0 || own.total === 0) return null;
  const amount = (value: number) => kroner(t, language, value);
  const notes = [t('copy.cost.meaning')];
  if (own.unpriced.length > 0) {
    notes.push(t('copy.cost.unpriced', { count: own.unpriced.length }));
  }
  // The difference only when every contact of both maps has a price (see differenceIsComplete).
  if (
    differenceIsComplete(cost.difference) &&
    cost.asIs.pricedCount > 0 &&
    cost.toBe.pricedCount > 0
  ) {
    const diff = cost.difference.total;
    notes.push(
      diff < 0
        ? t('copy.cost.less', { amount: amount(-diff) })
        : diff > 0
          ? t('copy.cost.more', { amount: amount(diff) })
          : t('copy.cost.same'),
    );
  }
  notes.push(t('copy.cost.list', { name: list.name, year: list.priceYear }));
  return {
    title: t('copy.cost.title'),
    totalLabel: t('copy.cost.total'),
    total: amount(own.total),
    payers: PAYERS.map((p) => ({ label: t(`economy.payer.${p}`), amount: amount(own.byPayer[p]) })),
    notes,
  };
}
