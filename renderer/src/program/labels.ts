import type { TFunction } from 'i18next';

/**
 * Words for the codes in the figures: sectors, contact types, pain categories, aims, bands and
 * cohort values. Unknown codes (a service code, a new band) are shown as they are.
 */
export function labelOf(t: TFunction, column: string, code: string): string {
  // A touchpoint without a contact type is a figure of its own: its cell says so, not nothing.
  if (code === '') return column === 'contact_type' ? t('program.unspecified') : '';
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
    case 'band':
    case 'band_days':
      // «1–30», as ranges are written; a journey with no date has no length to band.
      return code === 'unknown' ? t('program.bandUnknown') : ageRange(code);
    default:
      return code;
  }
}

/**
 * A service by its local catalogue name, e.g. "Nykøbing F. Sygehus, akutmodtagelse" (its code, an
 * English word, is for the CSV, where it stays). A code the local catalogue does not know
 * (another municipality's, or one since removed) is named as such, not shown as a bare code that
 * looks like a name. Without a catalogue (not loaded yet) the code is shown as it is.
 */
export function serviceLabel(
  t: TFunction,
  code: string,
  names: ReadonlyMap<string, string> | undefined,
): string {
  if (!names) return code;
  const name = names.get(code);
  return name === undefined ? t('program.unknownService', { code }) : name;
}

/** A band's code as written: «60–69», a dash between its numbers, not a hyphen. */
export const ageRange = (band: string): string => band.replace('-', '–');

export function formatNumber(language: string, value: number, column: string): string {
  if (column === 'broken_share') {
    return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }).format(
      value,
    );
  }
  // A minus sign, not a hyphen: wider, and the sign the headings use («−2 til 2»).
  return new Intl.NumberFormat(language, { maximumFractionDigits: 1 })
    .format(value)
    .replace(/^-/, '\u2212');
}
