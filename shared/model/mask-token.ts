/**
 * What a mask stands for and the token that takes a masked word's place in a text that leaves.
 * Apart from the scrubber (scrub.ts) so the window, which shows masks, does not load it.
 */
export const MASK_KINDS = [
  'cpr',
  'phone',
  'email',
  'address',
  'postcode',
  'date',
  'name',
  'word',
  'link',
  'number',
] as const;
export type MaskKind = (typeof MASK_KINDS)[number];

export const MASK_TOKEN: Record<MaskKind, string> = {
  cpr: '[CPR]',
  phone: '[TELEFON]',
  email: '[E-MAIL]',
  address: '[ADRESSE]',
  postcode: '[POSTNUMMER]',
  date: '[DATO]',
  name: '[NAVN]',
  word: '[ORD]',
  link: '[LINK]',
  number: '[NUMMER]',
};
