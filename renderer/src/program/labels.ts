import type { TFunction } from 'i18next';

/**
 * Words for the codes in the figures: sectors, contact types, pain categories, aims, bands and
 * cohort values. Unknown codes (a service code, a new band) are shown as they are.
 */
export function labelOf(t: TFunction, column: string, code: string): string {
  if (code === '') return '';
  const vocab = (group: string, c: string) => t(`vocab.${group}.${c}`, { defaultValue: c });
  const node = (id: string) => {
    const [sector, ct] = id.split('|') as [string, string | undefined];
    if (ct === undefined) return vocab('sector', sector);
    return `${vocab('sector', sector)} · ${
      ct === 'unspecified' ? t('program.unspecified') : vocab('contactType', ct)
    }`;
  };
  switch (column) {
    case 'from':
    case 'to':
    case 'node':
    case 'from_sector':
    case 'to_sector':
    case 'sector':
      return node(code);
    case 'contact_type':
      return vocab('contactType', code);
    case 'pathway':
      if (code === 'other') return t('program.otherVariants');
      return code
        .split(' > ')
        .map((s) => vocab('sector', s))
        .join(' → ');
    case 'category':
    case 'pain_category':
      return code === 'none' ? t('program.none') : vocab('painCategory', code);
    case 'aim':
      return vocab('aim', code);
    case 'map':
      return t(code === 'toBe' ? 'vocab.map.to_be' : 'vocab.map.as_is');
    default:
      return code;
  }
}

export function formatNumber(language: string, value: number, column: string): string {
  if (column === 'broken_share') {
    return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }).format(
      value,
    );
  }
  return new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(value);
}
