/**
 * Removes identifiers from Danish free text before it may leave the laptop. It masks, it does
 * not judge: every text that survives still has to be approved by a person in the review screen.
 */
export type MaskKind = 'cpr' | 'phone' | 'email' | 'address' | 'postcode' | 'name';

export interface Mask {
  kind: MaskKind;
  start: number;
  end: number;
  original: string;
}

export interface ScrubResult {
  text: string;
  masks: Mask[];
}

export const MASK_TOKEN: Record<MaskKind, string> = {
  cpr: '[CPR]',
  phone: '[TELEFON]',
  email: '[E-MAIL]',
  address: '[ADRESSE]',
  postcode: '[POSTNUMMER]',
  name: '[NAVN]',
};

const L = 'A-Za-zÀ-ÖØ-öø-ÿ';
const UPPER = 'A-ZÀ-ÖØ-Þ';

/**
 * CPR: six digits (a date), an optional dash or space, four digits. Deliberately no modulus-11
 * check — valid CPR numbers without it have been issued since 2007 — and no date check either,
 * since a mistyped date is still somebody's number.
 */
const CPR = /(?<!\d)\d{2}\s?\d{2}\s?\d{2}\s?[-–]?\s?\d{4}(?!\d)/g;

/** Danish phone numbers: 8 digits, grouped or not, with or without +45 / 0045. */
const PHONE = /(?<![\d+])(?:(?:\+|00)\s?45[\s-]?)?(?:\d[\s-]?){7}\d(?!\d)/g;

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

/** Street-name endings common in Danish addresses ("Parkvej", "Nørre Boulevard"). */
const STREET_WORDS = [
  'vej',
  'gade',
  'allé',
  'alle',
  'stræde',
  'strædet',
  'plads',
  'pladsen',
  'vænge',
  'vænget',
  'parken',
  'park',
  'torv',
  'torvet',
  'boulevard',
  'sti',
  'stien',
  'bakke',
  'bakken',
  'høj',
  'toft',
  'vang',
  'vangen',
  'have',
  'haven',
  'kaj',
  'kajen',
  'løkke',
  'mark',
  'marken',
  'gården',
  'engen',
  'hegn',
  'agre',
  'holm',
  'dige',
  'diget',
  'gyde',
  'landevej',
  'tværvej',
];
const STREET = `(?:[${UPPER}][${L}]*(?:${STREET_WORDS.join('|')})|(?:${STREET_WORDS.map(
  (w) => w[0]!.toUpperCase() + w.slice(1),
).join('|')}))`;
/** "Østergade 12", "Nørre Boulevard 3B, 2. th.", "Parkvej 7 st." */
const ADDRESS = new RegExp(
  `(?<![${L}])(?:[${UPPER}][${L}]+\\s)?${STREET}\\s+\\d{1,4}[A-Za-z]?(?![${L}])(?:,?\\s?(?:\\d{1,2}\\.|st\\.?|kl\\.?)\\s?(?:th\\.?|tv\\.?|mf\\.?)?)?`,
  'g',
);
/** A four-digit postcode followed by a town: "4800 Nykøbing F", "4900 Nakskov". */
const POSTCODE = new RegExp(`(?<!\\d)[1-9]\\d{3}\\s+[${UPPER}][${L}]+(?:\\s[${UPPER}]\\.?)?`, 'g');

/**
 * Capitalised words that are not names: words that start sentences or are part of the domain's
 * own vocabulary. Anything else capitalised in the middle of a sentence looks like a name (Danish
 * does not capitalise nouns) and is masked — places included, which is what we want.
 */
const NOT_NAMES = new Set(
  [
    'jeg',
    'du',
    'han',
    'hun',
    'vi',
    'de',
    'det',
    'den',
    'der',
    'og',
    'men',
    'så',
    'når',
    'hvis',
    'efter',
    'før',
    'min',
    'mit',
    'mine',
    'hans',
    'hendes',
    'vores',
    'deres',
    'en',
    'et',
    'til',
    'fra',
    'på',
    'i',
    'ved',
    'med',
    'om',
    'som',
    'at',
    'ikke',
    'også',
    'hvor',
    'hvad',
    'hvem',
    'dansk',
    'danmark',
    'region',
    'kommune',
    'kommunen',
    'sygehus',
    'sygehuset',
    'hospital',
    'psykiatrien',
    'jobcenter',
    'jobcentret',
    'lægevagten',
    'akutmodtagelsen',
    'udbetaling',
    'mandag',
    'tirsdag',
    'onsdag',
    'torsdag',
    'fredag',
    'lørdag',
    'søndag',
    'januar',
    'februar',
    'marts',
    'april',
    'maj',
    'juni',
    'juli',
    'august',
    'september',
    'oktober',
    'november',
    'december',
    'jul',
    'påske',
    'mor',
    'far',
    'ok',
    'nej',
    'ja',
    'tak',
    'covid',
    'corona',
    'kol',
    'adhd',
    'mr',
    'ct',
    'ekg',
    'læge',
    'lægen',
    'sygeplejersken',
  ].map((w) => w.toLowerCase()),
);

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The parts of the profile's names worth masking (at least two letters), longest first. */
export function nameParts(names: readonly string[]): string[] {
  const parts = new Set<string>();
  for (const n of names) {
    for (const p of n.split(/[\s-]+/)) if (p.replace(/\./g, '').length >= 2) parts.add(p);
  }
  return [...parts].sort((a, b) => b.length - a.length);
}

function addMatches(text: string, re: RegExp, kind: MaskKind, masks: Mask[]) {
  re.lastIndex = 0;
  for (const m of text.matchAll(re)) {
    const original = m[0].replace(/[\s,]+$/, '');
    if (original.length === 0) continue;
    masks.push({ kind, start: m.index, end: m.index + original.length, original });
  }
}

/**
 * Masks CPR numbers, phone numbers, e-mails, street addresses and postcodes, the given names
 * (in any case, with a genitive -s or -'s), and capitalised words that look like names.
 */
export function scrubText(text: string, names: readonly string[] = []): ScrubResult {
  const found: Mask[] = [];
  addMatches(text, EMAIL, 'email', found);
  addMatches(text, CPR, 'cpr', found);
  addMatches(text, PHONE, 'phone', found);
  addMatches(text, ADDRESS, 'address', found);
  addMatches(text, POSTCODE, 'postcode', found);
  for (const part of nameParts(names)) {
    const re = new RegExp(`(?<![${L}])${escapeRegExp(part)}(?:'?s|'|e?ns)?(?![${L}])`, 'giu');
    addMatches(text, re, 'name', found);
  }
  // Capitalised words in mid-sentence that are not known words look like names.
  const word = new RegExp(`[${UPPER}][${L}]+(?:'s)?`, 'gu');
  for (const m of text.matchAll(word)) {
    const before = text.slice(0, m.index).trimEnd();
    const sentenceStart = before === '' || /[.!?:;»«"“”\n]$/.test(before);
    const bare = m[0].replace(/'s$/, '').replace(/s$/, '');
    if (sentenceStart) continue;
    if (NOT_NAMES.has(m[0].toLowerCase()) || NOT_NAMES.has(bare.toLowerCase())) continue;
    if (m[0].length < 2 || m[0] === m[0].toUpperCase()) continue; // acronyms like KOL, MR
    found.push({ kind: 'name', start: m.index, end: m.index + m[0].length, original: m[0] });
  }

  // Merge overlaps: the earliest, longest mask wins.
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const masks: Mask[] = [];
  for (const m of found) {
    const last = masks[masks.length - 1];
    if (last && m.start < last.end) {
      if (m.end > last.end) {
        last.end = m.end;
        last.original = text.slice(last.start, last.end);
      }
      continue;
    }
    masks.push({ ...m });
  }
  let out = '';
  let at = 0;
  for (const m of masks) {
    out += text.slice(at, m.start) + MASK_TOKEN[m.kind];
    at = m.end;
  }
  out += text.slice(at);
  return { text: out, masks };
}
