import type { TFunction } from 'i18next';
import { PAYERS, type PayerShares, type PriceRow } from '../../../shared/economy/prices';

const locale = (language: string) => (language === 'en' ? 'en-GB' : 'da-DK');

/** A whole or decimal amount the way the reader writes it: "1.903" in Danish, "1,903" in English. */
export function formatAmount(language: string, value: number): string {
  return new Intl.NumberFormat(locale(language), { maximumFractionDigits: 2 }).format(value);
}

/** "1.903 kr." (Danish) or "DKK 1,903" (English). */
export function kroner(t: TFunction, language: string, value: number): string {
  return t('economy.kr', { amount: formatAmount(language, value) });
}

/** A share as whole percent, or with one decimal where it has one (7 %, 12,5 %). */
export function formatShare(language: string, fraction: number): string {
  return new Intl.NumberFormat(locale(language), { maximumFractionDigits: 1 }).format(
    Math.round(fraction * 1000) / 10,
  );
}

/** "Kommune 7 % · Region 93 %": the payers with a share, in order. */
export function sharesText(t: TFunction, language: string, shares: PayerShares): string {
  return PAYERS.filter((p) => shares[p] > 0)
    .map((p) =>
      t('economy.share', {
        payer: t(`economy.payer.${p}`),
        share: formatShare(language, shares[p]),
      }),
    )
    .join(' · ');
}

/** "1.903 kr. pr. kontakt", or the words for an empty or zero price. */
export function priceText(t: TFunction, language: string, row: Pick<PriceRow, 'price' | 'unit'>) {
  if (row.price === null) return t('economy.noPublicPrice');
  return `${kroner(t, language, row.price)} ${t(`economy.unit.${row.unit}`)}`;
}
