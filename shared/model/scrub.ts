import {
  ABBREVIATIONS,
  ABBREVIATIONS_WRITTEN_SMALL,
  BEFORE_NUMBERS,
  COMMON_WORDS,
  DOMAIN_WORDS,
  GENERIC_INSTITUTION_STEMS,
  HOUSING,
  STREET_ENDINGS,
  INSTITUTION_ENDINGS,
  PERSON_TITLES,
  PLACE_AFTER,
  NOTE_WORDS,
  SUBJECT_PRONOUNS,
  PERSON_VERBS,
  CLINICAL_ABBREVIATIONS,
  STAFF_ROLE_ENDINGS,
  SMALL_WORDS,
  STREET_PREFIXES,
  SUBJECT_VERBS,
  SURNAMES_IN_COMMON,
  SHORT_FORMS,
  SHORT_STAFF_TITLES,
  TITLES,
  UNITS,
  TITLES_THAT_ARE_NAMES,
  ROLES,
  HUMAN_VERBS,
  HUMAN_PARTICIPLES,
  NAME_SUBJECT_PARTICIPLES,
  CRAFTS,
  DUTY_PARTICIPLES,
  DUTY_VERBS,
  NAME_SHORT_FORMS,
  SEASONS_AND_WEATHER,
  NAME_SUBJECT_VERBS,
  NAME_PARTICLES,
  PARTICLE_PAIRS,
  PERSON_PASSIVES,
  PLACE_KINDS,
  namedPlaceCompound,
  PLACE_NAME_ENDINGS,
  SHIFT_WORDS,
  FINITE_VERBS,
  KINSHIP,
} from './scrub-words';

import { MASK_KINDS, MASK_TOKEN, type MaskKind } from './mask-token';

export { MASK_KINDS, MASK_TOKEN, type MaskKind };

/**
 * Removes identifiers from Danish free text before it may leave the laptop. It masks, it does
 * not judge: every text that survives still has to be approved by a person in the review screen.
 */
export interface Mask {
  kind: MaskKind;
  start: number;
  end: number;
  original: string;
  /** A guess (a capitalised word, a word not known as Danish) the facilitator may unmask. */
  unmaskable: boolean;
}

export interface ScrubResult {
  text: string;
  masks: Mask[];
}

/**
 * What the scrubber knows of Danish. The word list behind it is large, so the main process loads
 * it (see electron/export/danish-lexicon.ts); without one, only the patterns and the capital-letter
 * rules run.
 */
export interface Lexicon {
  /** An ordinary Danish word in lower case: any inflection, or a compound of ordinary words. */
  isWord(lower: string): boolean;
  /** A name of a person or a place that the word list knows, in lower case ("karen", "nakskov"). */
  isName(lower: string): boolean;
  /**
   * A word the list holds as it is, in any inflection, not only as a compound of its words:
   * "baghaven", "sommerhuset" are; "kastanjehaven", "egelunden" (a place's own name) are not.
   */
  isEntry?(lower: string): boolean;
  /**
   * The start of a word the list holds, and shorter than it ("henv" of "henvisning", "genoptr" of
   * "genoptræning"): with a stop after it, a word shortened as notes shorten them.
   */
  isShortened?(lower: string): boolean;
  /** The start of a name the list holds, and shorter than it ("ped" of "peder"). */
  startsName?(lower: string): boolean;
  /**
   * An English word in lower case ("walk", "complicated", "it's"): notes quote English phrases
   * ("walk and talk", "too much"), which are no one's name.
   */
  isEnglish?(lower: string): boolean;
  /**
   * A Danish town of a thousand people or more, in lower case ("ringe", "vrå", "stege"): many
   * are everyday words too, so only where a sentence says a place stands ("bor i ringe").
   */
  isTown?(lower: string): boolean;
}

export interface ScrubOptions {
  lexicon?: Lexicon;
  /** Lower-case words that may always stay: the app's own vocabulary. */
  allowed?: ReadonlySet<string>;
  /** Guesses the facilitator chose to leave as written (the `original` of unmaskable masks). */
  unmasked?: ReadonlySet<string>;
}

/**
 * Words shortened with a stop, as notes shorten them: "dvs.", "tidl. sagsbehandler", "henv. til
 * psykiatrien", "Genoptr. 2 x ugentligt" — a short form the app knows (SHORT_FORMS), or the start
 * of a word the list holds, cut after a consonant before a vowel, with a vowel in it (initials
 * have none as often: «tvk.»), and no name's start («Ped.», «kas.»). Never a writer's or a doer's
 * mark ("/jf.", "-skr.", "Vasket af tvk.", "Mvh. sgr."). A capital only with a small word after
 * the stop (a capital there starts a new sentence, and the word before it may be a name: «Samtale
 * med Gerber. Han»): where a sentence starts, or inside one for a known short form or a longer word
 * («Servicel. § 83»).
 */
function shortForms(text: string, words: Words, lexicon: Lexicon | undefined): [number, number][] {
  const spans: [number, number][] = [];
  if (!lexicon) return spans;
  for (const m of text.matchAll(
    /(?<![\p{L}\p{M}\p{N}.])([\p{L}\p{M}]{2,14})\.(?![\p{L}\p{N}])/gu,
  )) {
    const raw = m[1]!;
    const lower = raw.toLowerCase();
    const small = raw === lower;
    const capital = !small && raw.slice(1) === lower.slice(1);
    if (!small && !capital) continue;
    const end = m.index + raw.length;
    const then = text.slice(end + 1, end + 24);
    const smallAfter = /^[^\S\n]{1,3}[\p{Ll}\p{N}(§]|^[^\S\n]*[,;:)]/u.test(then);
    // A window of the text before it; a mark where the window is cut, so «^» is the text's start.
    const before = (m.index > 40 ? '\u0000' : '') + text.slice(Math.max(0, m.index - 40), m.index);
    const known = SHORT_FORMS.has(lower) && !NAME_SHORT_FORMS.has(lower);
    const signer = signedBy(text, m.index, end) || 'hour';
    // A writer's or a doer's mark: "… /jf.", "-skr.", "skrevet af ras.", "Vasket af tvk.",
    // "Mvh. sgr." — not a short form the app knows with a small word after it, after what was
    // done ("hjulpet af tidl. kontaktperson", "ledsaget af alm. hjemmepleje").
    if (
      // (A dash after something on its line; one that opens the line is a list's: "- Genoptr.")
      /\/[^\S\n]{0,2}$|\S[^\S\n]*[-–][^\S\n]{0,2}$/u.test(before) ||
      (signer !== 'hour' && !(signer === 'done' && known && small && smallAfter)) ||
      /(?<![\p{L}])(?:(?:mvh|kh|venlig\s+hilsen|hilsen)\.?|vh)[^\S\n]{0,2}[,:]?\s{0,3}$/iu.test(
        before,
      )
    ) {
      continue;
    }
    // The word that says who signed is no name cut short: «Dikt.: GHN», «Ks. AB».
    if (SIGNED_BY.test(text.slice(m.index, end + 1))) {
      spans.push([m.index, end]);
      continue;
    }
    // A capital with a small word after it (a capital or the end after the stop: the last word of
    // a sentence, a name as often), where a sentence starts, or inside one for a short form the
    // app knows or a longer word — never the start of a name («Aug. ringede», «Jens Chr.»).
    if (capital) {
      if (!smallAfter || words.listedName(lower)) continue;
      // (A word of its own, such as «Med.» in «Med. afd.», is no name cut short.)
      if (lexicon.startsName?.(lower) && !(known && words.ordinary(lower))) continue;
      const opens = /(?:^|[.!?:]\s{1,3}|\n\s*|^\s*[-–•*]\s{1,3})$/u.test(before);
      if (!opens && !known && lower.length < 5) continue;
    }
    if (
      known ||
      (lower.length >= 3 &&
        // (Initials have no vowel as often as not: "tvk.", "sgr.".)
        /[aeiouyæøå]/u.test(lower) &&
        !words.listedName(lower) &&
        !words.ordinary(lower) &&
        // ("Ped. ringede", "Mort. kommer", "kas. fra visitationen": a name cut short.)
        !lexicon.startsName?.(lower) &&
        !!lexicon.isShortened?.(lower))
    ) {
      spans.push([m.index, end]);
    }
  }
  return spans;
}

/**
 * The form every text is scrubbed in: compatibility-composed (NFKC, so "A" + ring is "Å" and
 * full-width digits are digits) without invisible format characters (soft hyphens, zero-width
 * spaces) that could split a name. Masks point into this form of the text.
 */
export function normaliseText(text: string): string {
  return (
    text
      // Half of a character (a lone surrogate, pasted or cut) is no text: U+FFFD in its place,
      // as UTF-8 would write it; a model that holds one is refused (validate.ts).
      .toWellFormed()
      // A vulgar fraction stays as written: NFKC makes "3½" "31⁄2", an age of thirty-one.
      .split(VULGAR_FRACTION)
      .map((part) => (VULGAR_FRACTION.test(part) ? part : part.normalize('NFKC')))
      .join('')
      // Format characters, and the fillers that draw as nothing though Unicode calls them letters.
      .replace(/[\p{Cf}\u115F\u1160\u3164\uFFA0]/gu, '')
      // A mark set on a digit ("1\u0301") hides it from the number patterns.
      .replace(/(\p{Nd})\p{M}+/gu, '$1')
      // Digits of any script ("١٢٣٤") are digits: written as 0–9 for the patterns.
      .replace(/(?![0-9])\p{Nd}/gu, asciiDigit)
  );
}

/** The fractions Unicode writes as one character ("½", "¾", "⅓", and "⅟"), each its own piece. */
const VULGAR_FRACTION = /([\u00BC-\u00BE\u2150-\u215F\u2189])/u;

/**
 * The value of a decimal digit of any script: Unicode puts each script's ten digits in a row,
 * zero first, so it is the distance back to the first digit of its row.
 */
function asciiDigit(d: string): string {
  const code = d.codePointAt(0)!;
  let zero = code;
  while (code - zero < 9 && /\p{Nd}/u.test(String.fromCodePoint(zero - 1))) zero--;
  return String(code - zero);
}

const LETTER = '\\p{L}\\p{M}';
const NOT_LETTER_BEFORE = `(?<![${LETTER}\\p{N}])`;
/**
 * Not inside a run of a word's letters, hyphens and apostrophes: a street's name is never begun
 * from the middle of "a-a-a…" (tried from every part, each scanned to the run's end), but may be
 * after a list's dash or a quote ("-Vestergade 12", "'Vestergade 12'").
 */
const NOT_WORD_PART_BEFORE = `(?<![${LETTER}\\p{N}]|[${LETTER}\\p{N}][-'’])`;
const NOT_LETTER_AFTER = `(?![${LETTER}\\p{N}])`;

/**
 * A house's number without its street: with its floor and side ("nr. 14 st. tv.", "nr. 3, 1.
 * th."), or where someone lives or is next door ("naboen i nr. 16", "over for nr. 7"). Not
 * "nr. 3 på ventelisten", nor "i nr. 2 af pjecen".
 */
const HOUSE_NUMBER =
  /(?<![\p{L}])(?:(?:(?:bor|boede|naboen|nabo|naboerne)[^\S\n]+(?:i|på)|over[^\S\n]?for|ved[^\S\n]+siden[^\S\n]+af)[^\S\n]+)?(nr\.?[^\S\n]?\d{1,4}[a-zA-Z]?(?:,?[^\S\n](?:st|kl|kld|\d{1,2})\.?[^\S\n]?(?:tv|th|mf)\.?)?)(?![\p{L}\p{N}])/giu;
/**
 * Initials joined in a greeting's signature, which no word is: "hilsen fra K & B", "VH A-M",
 * "mvh. S/T". Capitals only, so the cue is written out in its cases (a flag for case would let
 * \p{Lu} match any letter).
 */
const GREETED_INITIALS =
  /(?<![\p{L}])(?:[Mm]ed[^\S\n]+venlig[^\S\n]+hilsen|MED[^\S\n]+VENLIG[^\S\n]+HILSEN|[Vv]enlig[^\S\n]+[Hh]ilsen|VENLIG[^\S\n]+HILSEN|[Hh]ilsen|HILSEN|[Mm]vh|MVH|[Kk]h|KH|[Vv]h|VH)(?![\p{L}])(?:[^\S\n]+fra)?\.?[^\S\n]{0,2}[,:]?[^\S\n]{0,2}\n?[^\S\n]{0,2}(\p{Lu}{1,3}(?:[^\S\n]?[&+/-][^\S\n]?\p{Lu}{1,3}){1,2})(?![\p{L}\p{N}])/gu;
/** E-mail addresses with any letters, before and after the @. */
// Never started inside a run of its characters: from every part of "a-a-a…" a scan to its end.
const EMAIL =
  /(?<![\p{L}\p{M}\p{N}._%+'-])[\p{L}\p{M}\p{N}._%+'-]+@[\p{L}\p{M}\p{N}-]+(?:\.[\p{L}\p{M}\p{N}-]+){0,8}\.\p{L}{2,}/gu;
/** An e-mail address spelt out: "sommerfugl (snabel-a) gmail punktum com". */
const SPELT_DOT = String.raw`\s*(?:\.|[([]\s*(?:punktum|punkt|dot|prik)\s*[)\]]|\s(?:punktum|punkt|dot|prik)\s)\s*`;
/** A dot said in words: the only dot a bare "at" may go with ("at" is an everyday word). */
const SAID_DOT = String.raw`\s*(?:[([]\s*(?:punktum|dot|prik)\s*[)\]]|\s(?:punktum|dot|prik)\s)\s*`;
const SPELT_AT = String.raw`\s*(?:@|[([]\s*(?:snabel[- ]?a|at|a)\s*[)\]]|snabel[- ]?a)\s*`;
const SPELT_PART = String.raw`[\p{L}\p{M}\p{N}_%+'-]+`;
const SPELT_START = String.raw`(?<![\p{L}\p{M}\p{N}_%+'-])`;
const EMAIL_SPELT = new RegExp(
  `${SPELT_START}${SPELT_PART}(?:${SPELT_DOT}${SPELT_PART}){0,8}${SPELT_AT}${SPELT_PART}(?:${SPELT_DOT}${SPELT_PART}){0,8}${SPELT_DOT}(?:dk|com|net|org|nu|eu|se|no|de|info)(?![\\p{L}])|${SPELT_START}${SPELT_PART}(?:${SAID_DOT}${SPELT_PART}){0,8}\\sat\\s${SPELT_PART}(?:${SAID_DOT}${SPELT_PART}){0,8}${SAID_DOT}(?:dk|com|net|org|info)(?![\\p{L}])`,
  'giu',
);
/**
 * A number typed with a letter for a digit — O for 0, l or I for 1 ("2O 33 44 55", "0l0203-l234"):
 * within a run of digits and those letters that has a digit in it, read as the digits.
 */
const DIGIT_LOOKALIKES = /(?<![\p{L}\p{N}])[0-9OolI]*[0-9][0-9OolI]*(?![\p{L}\p{N}])/gu;

/**
 * A run of digits joined by separators (up to three spaces or line breaks — a pasted note wraps
 * and doubles spaces —, a dash, dot, slash or middle dot with spaces around it), with a Danish
 * country code in any of its forms before it. CPR and phone numbers are found by their digit
 * count, in every grouping, so no particular way of writing them is needed.
 */
const numberRun = (around: string, alone: string) =>
  new RegExp(
    `(?<![\\p{N}])(?:(?:\\(\\s?\\+?\\s?45\\s?\\)|\\+\\s?45|00\\s?45)\\s?[-.]?\\s?)?\\(?\\d(?:(?:${around}[-–—‐‑‒−_~./,·•‧∙⁃]${around}|${around}[()]${around}|${alone})?\\d)+\\)?(?![\\p{N}])`,
    'gu',
  );
const NUMBER_RUN = numberRun('\\s{0,3}', '\\s{1,3}');
/** The same, with one separator at most between digits, never a line break alone. */
const NUMBER_RUN_NARROW = numberRun('\\s?', '[ \\t\\u00a0]');
/** A line break, or more than one space, between two digits. */
const WIDE_GAP = /\d(?:[ \t\u00a0]*\n\s*|\s{2,})\d/;

/**
 * Whether a run joined over line breaks or wide spaces is one number (a phone or CPR number that
 * wrapped, or was typed with two spaces), rather than several numbers written one after another:
 * it must have a phone's or a CPR number's digits, no fraction, clock time or date in it, and not
 * be a list (three or more lines of one group each, or years).
 */
function oneNumber(run: string): boolean {
  const digits = run.replace(/\D/g, '').length;
  if (digits !== 8 && digits !== 10) return false;
  if (/[/:]|\d[.,]\d/.test(run)) return false;
  const lines = run.split(/\n/).map((l) => l.trim());
  if (lines.length >= 3 && lines.every((l) => /^\d+$/.test(l))) return false;
  const groups = run.split(/\D+/).filter(Boolean);
  return !groups.every((g) => /^(?:19|20)\d\d$/.test(g));
}

/** "2019-2021": a span of years. */
const YEAR_SPAN = /^(?:19|20)\d\d\s?[-–—‐‑−]\s?(?:19|20)\d\d$/;
/** "14.30-15.00", "8:00 - 9:30": clock times, not numbers to hide. */
const TIME_RANGE = /^\d{1,2}[.:]\d{2}\s?[-–—]\s?\d{1,2}[.:]\d{2}$/;
/** Clock times one after another ("08.00, 12.00, 17.00"): each an hour and its minutes. */
const CLOCK_TIMES =
  /^(?:[01]?\d|2[0-4])[.:][0-5]\d(?:[^\S\n]{0,2}[,;/][^\S\n]{0,2}(?:[01]?\d|2[0-4])[.:][0-5]\d)*$/;
/** A whole date: "01.02.2023", "1/2-23", "01-02-1990", "3/3 1951", "3. 3. 1951". */
const DATE = /^(\d{1,2})[./-]\s*(\d{1,2})(?:[./-]\s*(?:\d{2}|\d{4})|\s+\d{4})$/;
/**
 * A day and a month in figures without a year: "13/3", "d. 3/3", "12.3.", "fra 12/3-18/3". Not
 * part of a longer number or of a code after a capital («E11.9», a diagnosis; «d12/3» is a
 * date), a date with its year (DATE) or a clock time.
 */
const DAY_MONTH =
  /(?<![\p{Lu}\p{N}/.,:]|[\p{N}][.,:/])(\d{1,2})([/.])(\d{1,2})(\.(?![\p{N}]))?(?![\p{N}]|[/.,:]\d|[-–]\s?(?:\d{2}|\d{4})(?![\p{N}/.]))/gu;
/** Words before a number with parts, which is no date: "version 2.1.", "pkt. 3.2.", "§ 4.1.". */
const NUMBERED_PART =
  /(?<![\p{L}])(?:version|v|afsnit|pkt|punkt|kapitel|kap|trin|fase|niveau|stadie|bilag|side|s|nr|§)\.?[^\S\n]{0,2}$/iu;
/** What says a day is meant before a day and a month: "d. 3/3", "ses 13/3", "mandag 4/3". */
const DAY_CUE =
  /(?<![\p{L}])(?:d\.?|den|fra|til|siden|indtil|før|efter|ses|mødes|født|dato|indlagt|udskrevet|kontrol|tid|aftale|møde|per|pr\.|mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag|man|tir|ons|tor|fre|lør|søn)\.?[^\S\n]{0,2}$/iu;
/**
 * Whether a day and a month in figures is a date. A fraction or a score ("1/2 tablet", "2/3 af
 * dem", "smerter 7/10", "kraft 3/5") is one only after a word that says a day is meant; "24/7"
 * never; and a day and month with a stop after it ("12.3.") or a slash ("13/3") otherwise when
 * both fit a calendar. With a stop and no stop after ("Hb 7.3"), only after such a word.
 */
function dayAndMonth(m: RegExpMatchArray, text: string): boolean {
  const day = Number(m[1]);
  const month = Number(m[3]);
  if (day < 1 || day > 31 || month < 1 || month > 12) return false;
  const before = text.slice(Math.max(0, m.index! - 12), m.index);
  // "kl. 02.10.", "kl 10.11": a clock time, whatever day and month its digits could be.
  if (/(?<![\p{L}])(?:kl|klokken)\.?[^\S\n]{0,2}$/iu.test(before)) return false;
  // "kl. 01.05, 03.04 og 05.06": the last of clock times listed after «kl.».
  if (
    /(?<![\p{L}])(?:kl|klokken)\.?[^\S\n]{0,2}\d{1,2}[.:]\d\d(?:[^\S\n]{0,2}[,;][^\S\n]{0,2}\d{1,2}[.:]\d\d)*[^\S\n]{0,2}(?:,|og|eller)[^\S\n]{0,2}$/iu.test(
      text.slice(Math.max(0, m.index! - 80), m.index),
    )
  ) {
    return false;
  }
  // "fra 02.10 til 06.00": the start of a span of hours, the other end no date (not "d. 12.03 -
  // kl. 14.30": a day, then the hour).
  const other = /^[^\S\n]?(?:[-–]|til)[^\S\n]?\d{1,2}([.:])(\d\d)(?!\d)/.exec(
    text.slice(m.index! + m[0].length, m.index! + m[0].length + 20),
  );
  if (
    other &&
    !/(?<![\p{L}])(?:d\.?|den)[^\S\n]{0,2}$/iu.test(before) &&
    (other[1] === ':' || Number(other[2]) === 0 || Number(other[2]) > 12)
  ) {
    return false;
  }
  const cue = DAY_CUE.test(before);
  // The second of a span whose first is a date: "12/3-18/3", "fra 12.3. til 18.3.".
  const span = /\d{1,2}[/.]\d{1,2}\.?\s?(?:[-–]|til)\s?$/.test(before);
  if (cue || span) return true;
  if (day === 24 && month === 7) return false;
  if (m[2] === '.') {
    // "version 2.1.", "afsnit 3.2.": a number with its parts.
    return m[4] !== undefined && !/\d[.,-]\s?$/.test(before) && !NUMBERED_PART.test(before);
  }
  const fractionOrScore = [2, 3, 4, 5, 8, 10].includes(month) && day <= month;
  return !fractionOrScore;
}

/** A date written year first: "1952-03-03". */
const ISO_DATE = /^(?:1[89]|20)\d\d([-./])(\d{1,2})\1(\d{1,2})$/;

const MONTHS =
  'januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december';
/** A year said in words: "nitten hundrede og seksoghalvtreds", "to tusind og tre". */
const YEAR_IN_WORDS =
  '(?:(?:nitten\\s*hundrede|to\\s*tusind(?:e)?)(?:\\s*og)?(?:\\s*[a-zæøå]+(?:og[a-zæøå]+)?)?|nitten\\s+(?:(?:en|to|tre|fire|fem|seks|syv|otte|ni)og)?(?:tyve|tredive|fyrre|halvtreds|tres|halvfjerds|firs|halvfems))';
/** A month said as its number in words ("tredje i ottende": the 3rd of August). */
const ORDINAL_MONTH_WORDS =
  'første|anden|tredje|fjerde|femte|sjette|syvende|ottende|niende|tiende|ellevte|tolvte';
const ORDINAL_MONTHS = `(?:${ORDINAL_MONTH_WORDS})`;
/** A day of the month said as a word ("tolvte marts"), as a dictated note has it. */
const ORDINAL_DAYS = `(?:andet|${ORDINAL_MONTH_WORDS}|trettende|fjortende|femtende|sekstende|syttende|attende|nittende|tyvende|(?:en|to|tre|fire|fem|seks|syv|otte|ni)ogtyvende|tredivte|enogtredivte)`;
const MONTHS_SHORT = 'jan|feb|mar|apr|jun|jul|aug|sept|sep|okt|nov|dec';
const MONTH = `(?:${MONTHS}|(?:${MONTHS_SHORT})\\.?)(?![${LETTER}])`;
/** The tens of a year said on their own after its day and month ("tredje juli toogfirs"). */
const YEAR_TENS_IN_WORDS =
  '(?:(?:en|to|tre|fire|fem|seks|syv|otte|ni)og)?(?:tyve|tredive|fyrre|halvtreds|tres|halvfjerds|firs|halvfems)';
/**
 * An age after a number: "4-årig", "3½ år", "(3½)", "5 mdr. gammel" — no house number (a house's
 * "7½, 2. th." has no age after its half).
 */
const AGE_OR_HALF_AFTER =
  /^(?:[½¼¾](?=[^\S\n]*(?:år|mdr|måneder|\)))|-årig(?:e)?(?![\p{L}])|[^\S\n]+(?:år|mdr|måneder|uger)(?![\p{L}]))/u;

/** What stands before a boat's, a horse's, a farm's or a home's own name in quotes. */
const NAMED_HOME_OR_BOAT =
  /(?<![\p{L}])(?:(?:sejl|motor|fiske)?båd(?:en)?|skib(?:et)?|kutter(?:en)?|jolle(?:n)?|hest(?:en)?|pony(?:en)?|gård(?:en)?|landsted(?:et)?|sommerhus(?:et)?|villa(?:en)?|(?:bor|boede|bo|bosat|flyttet|flytter|flyttede|flytte|kommer|kom|indflyttet)\s+(?:på|i|til|fra)|(?:ophold|aflastning|anbragt|anbringelse)\s+på|sejler\s+med|(?:der|som)\s+(?:hedder|hed))[^\S\n]*$/iu;

/** A month's name right after a day's number: "12. maj", "3 nov.". */
const DAY_OF_MONTH_AFTER = new RegExp(`^\\.?[^\\S\\n]{0,2}${MONTH}`, 'iu');
/** A day and a month in words, with or without its year: "3. januar 1951", "d. 3 nov. '51". */
const DATE_IN_WORDS = new RegExp(
  `${NOT_LETTER_BEFORE}(?:(?:d\\.|den)\\s*)?(?:[12]\\d|3[01]|0?[1-9]|${ORDINAL_DAYS})\\.?\\s*${MONTH}(?:\\s*['’]?(?:\\d{4}|\\d{2})(?![\\p{N}]|[.:]\\d)|[^\\S\\n]{0,2}[-–]\\d{2}(?![\\p{N}]|[.:]\\d|\\.?\\s*${MONTH})|\\s+${YEAR_IN_WORDS}|\\s+${YEAR_TENS_IN_WORDS}(?=\\s*(?:$|[.,;:!?)]|(?:og|i|på|hvor|da|så|men)(?![${LETTER}]))))?`,
  'giu',
);
/**
 * A person's year of birth said as where they are from: "jeg er fra '61", "mor er fra 1944",
 * "årgang 52". Only the year is masked.
 */
const BORN_YEAR = new RegExp(
  `${NOT_LETTER_BEFORE}(?:(?:jeg|han|hun|du|vi|mor|far|borger(?:en)?|pt\\.?|(?:min|hans|hendes)\\s+(?:kone|mand|mor|far|søster|bror|kæreste))\\s+(?:er|var|kommer)\\s+fra|årgang)\\s+(['’]\\d{2}|(?:19|20)?\\d{2})(?![\\p{N}])`,
  'giu',
);
/** Days with a name of their own: "født nytårsaften 1950" is a birth date. */
const FEAST_DAY = `(?:juleaften|juledag|juleaftensdag|nytårsaften|nytårsaftensdag|nytårsdag|sankthansaften|sankthansdag|mortensaften|valentinsdag|grundlovsdag|halloween|helligtrekongersaften)(?![${LETTER}])`;
/** A feast's day, movable ones too (which a year makes a date): "2. juledag", "langfredag". */
const FEAST_DATE = `(?:(?:(?:1|2|første|anden)\\.?\\s{1,3})?(?:juledag|påskedag|pinsedag)(?![${LETTER}])|${FEAST_DAY}|(?:påskeaften|påskemorgen|skærtorsdag|langfredag|pinseaften|fastelavnssøndag|kristi\\s+himmelfartsdag|store\\s+bededag)(?![${LETTER}]))`;
/** Where someone is expected and may stay away from: «udeblev fra behandling». */
const EXPECTED_AT =
  /^(?:behandling|behandlingen|jobcentret|jobcenteret|arbejde|arbejdet|skole|skolen|undervisning|undervisningen|træning|træningen|kontrol|kontrollen|lægen|tandlægen|sygehuset|hospitalet|praktik|praktikken|kurset|forløbet|vagten|vagt|tid|tiden|mødet|møde|samtale|samtalen|aftale|aftalen|aftalerne|møderne)$/u;
/** What stays away as a thing, not a person: «Lykke udeblev», «Fred udeblev igen». */
const STAYS_AWAY_AS_A_THING =
  /^(?:lykke|fred|ro|held|glæde|succes|hjælp|svar|svaret|effekt|bedring|fremgang|søvn|appetit|regn|sne|sol|varme|kulde)$/u;
/** When someone stayed away, said after «udeblev»: «igen i dag», «for tredje gang». */
const STAYED_AWAY_WHEN =
  /^(?:igen|atter|også|endnu|en|gang|gange|for|i|dag|går|forgårs|morges|formiddags|eftermiddags|aftes|aften|nat|uge|ugen|denne|sidste|anden|tredje|fjerde|\d{1,2}\.?|helt|desværre|uden|afbud|besked|varsel|kl|klokken|den|d|om|mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag|januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|okt|nov|dec)$/u;
/**
 * Surnames that are describing words ("glad", "høj", "rask"): said of someone without naming them
 * as often ("Glad mødte op til træning"), so only on duty as a season's word is (see `dutyDone`).
 */
const ADJECTIVE_SURNAMES = new Set(['glad', 'høj', 'rask']);

/** Words said with a wink in quotes about someone: «moren "desværre" ringede ikke». */
const WINK_WORDS =
  /^(?:desværre|stakkels|altid|aldrig|ofte|sjældent|endelig|igen|nok|vist|bare|kun|også|heller|måske|selvfølgelig|naturligvis|søde|kære|gode|flinke|travle|trætte)$/u;

/** A capitalised word cut short with its stop where a sentence starts, a small word after it. */
const CUT_NAME = /(^|[.!?:][^\S\n]{1,3}|\n[^\S\n]*)(\p{Lu}\p{Ll}{2,6})\.(?=[^\S\n]{1,3}\p{Ll})/gu;

/** What someone on duty takes over or cancels: «overtaget sagen», «aflyste besøget i dag». */
const DUTY_OBJECTS =
  /^(?:sag|sagen|sagerne|opgaven|opgaverne|vagten|vagterne|ansvaret|forløbet|borgeren|kontakten|koordineringen|rollen|besøget|besøgene|besøg|mødet|møderne|aftalen|aftalerne|samtalen|tiden|hjemmebesøget|træningen|undervisningen|behandlingen)$/u;

/** A feast's name anywhere in a text, in any case. */
const FEAST_ANYWHERE = new RegExp(`${NOT_LETTER_BEFORE}${FEAST_DATE}`, 'giu');

/**
 * Born on a feast, or a birthday on it: "født nytårsaften 1950", "født på juleaften", "har
 * fødselsdag 2. juledag", "fylder år juleaften" (not "vi holder fødselsdag juleaften": a party).
 */
const BORN_ON_FEAST = new RegExp(
  `${NOT_LETTER_BEFORE}(?:født|har\\s{1,3}fødselsdag|fødselsdag(?:en)?(?=\\s{1,3}(?:er|var)(?![${LETTER}]))|fylder\\s{1,3}år)(?:\\s{1,3}(?:den|på|i|er|var|om)){0,2}\\s{1,3}(${FEAST_DATE}(?:\\s{1,3}(?:i\\s{1,3})?['’]?(?:1[89]|20)\\d\\d(?![\\p{N}]))?)`,
  'giu',
);
/**
 * A birth year in two figures after «født» or «årgang» with a dash, an apostrophe or «i», or
 * right after «født», «f.», «årg.», «fødselsår», a colon, «år» or «ca.»: "født -52", "født i
 * 61", "årgang -48", "født 61", "f.61", "Født: 61", "født ca. 61", "årg. 61" (not "født
 * i 32. uge", "født 4-5 uger for tidligt", "født 12. marts": a day, its own rule's).
 */
const BORN_SHORT_YEAR = new RegExp(
  `${NOT_LETTER_BEFORE}(?:født|årgang|årg\\.|fødselsår|f\\.(?=\\d))(?:[^\\S\\n]{0,3}:)?(?:\\s{1,3}(?:i|år|ca\\.?|cirka|omkring))?\\s{0,3}((?:[-–'’])\\d{2}|(?<=i\\s{1,3})\\d{2}|(?<=(?:født|f\\.|årg\\.|årgang|fødselsår|:|år|ca\\.?|cirka|omkring)\\s{0,3})\\d{2}(?=[^\\S\\n]*(?:$|[,;)!?\\n]|\\.(?!\\d)|(?:og|men|i|på|hvor|som)(?![${LETTER}]))))(?![\\p{N}]|[.,:/+-]\\d|\\s*\\+|\\.?\\s*(?:uge|uger|ugen|dag|dage|døgn|timer|kg|cm|gram|g|mdr|måneder|år|kr|stk|min|minutter|%)(?![${LETTER}]))`,
  'giu',
);
/** A birth year after the place of birth: "født i Grindsted i 1983", "født i Vanløse i '54". */
const BORN_THERE_IN = new RegExp(
  `${NOT_LETTER_BEFORE}født[^\\S\\n]+(?:i|på)[^\\S\\n]+[\\p{L}.-]+(?:[^\\S\\n]+[\\p{L}.-]+)?[^\\S\\n]+i[^\\S\\n]+(['’]\\d{2}|(?:1[89]|20)\\d{2})(?![\\p{N}])`,
  'giu',
);
/** A feast of a given year, a date: "døde juleaften 2019", "langfredag 2021". */
const FEAST_YEAR = new RegExp(
  `${NOT_LETTER_BEFORE}${FEAST_DATE}\\s{1,3}(?:i\\s{1,3})?['’]?(?:1[89]|20)\\d\\d(?![\\p{N}])`,
  'giu',
);
/**
 * A day of the month alone after «d.» or «den»: "tid d. 14. kl. 8.15", "ses den 3.", "d. 14 kl.
 * 10" (see dayAlone).
 */
const DAY_ALONE =
  /(?<![\p{L}])(d\.|den)[^\S\n]{0,2}((?:[12]\d|3[01]|0?[1-9])(\.)?)(?![\p{N}]|\.\d|[/.-][^\S\n]?\d)/giu;
/** Words an ordinal counts, not days: "den 3. gang", "d. 2. sal". */
const COUNTED_AFTER_ORDINAL =
  /^(?:gang|gange|sal|klasse|plads|time|dag|uge|måned|år|forsøg|etage|runde|omgang|del|afsnit|behandling|kur|serie|dosis|kapitel|side|punkt|linje|række|trin|led|generation|udgave|barn|søn|datter|indlæggelse|operation|kemo|kemokur|stik|sprøjte|vaccine|stikprøve)$/u;
/** Whether a day alone (DAY_ALONE's match) is a date, by what follows it. */
function dayAlone(m: RegExpMatchArray, text: string): boolean {
  const after = text.slice(m.index! + m[0].length, m.index! + m[0].length + 40);
  const clock = /^[^\S\n]+(?:kl\.?|klokken)(?![\p{L}])/iu.test(after);
  // "forrige tirsdag d. 12": a weekday before it.
  const weekday = /(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)[^\S\n]+$/iu.test(
    text.slice(Math.max(0, m.index! - 12), m.index),
  );
  if (m[3] === undefined) return clock || weekday;
  if (clock) return true;
  const next = /^[^\S\n]+([\p{L}]+)/u.exec(after)?.[1]?.toLowerCase();
  if (next && new RegExp(`^(?:${MONTHS}|${MONTHS_SHORT})`).test(next)) return false;
  // Nothing after it but the sentence's end or a mark: "ses den 3.", "d. 14., ikke d. 15.".
  if (/^[^\S\n]*(?:$|\n|[,;:!?)–-])/u.test(after)) return true;
  if (
    /^[^\S\n]+(?:om|i)[^\S\n]+(?:morgenen|formiddagen|middag|eftermiddagen|aftenen|måneden)(?![\p{L}])/iu.test(
      after,
    )
  ) {
    return true;
  }
  // «d.» is a date's abbreviation: a date unless what follows is counted ("d. 2. sal").
  return m[1]!.toLowerCase() === 'd.' && !!next && !COUNTED_AFTER_ORDINAL.test(next);
}
/**
 * A day and a month with a dash, which ranges and scores have too ("10-12 kg", "3-4 gange"): a
 * date only with a nought before a figure ("21-02", "03-4") or a clock time after it ("tid 21-2
 * kl. 11"), or after «d.», «den» or «dato».
 */
const DAY_MONTH_DASH = /(?<![\p{N}/.,:–-])(\d{1,2})-(\d{1,2})(?![\p{N}]|[-–/.,:]\d)/gu;
function dashedDate(m: RegExpMatchArray, text: string): boolean {
  const day = Number(m[1]);
  const month = Number(m[2]);
  if (day < 1 || day > 31 || month < 1 || month > 12) return false;
  const after = text.slice(m.index! + m[0].length, m.index! + m[0].length + 16);
  const before = text.slice(Math.max(0, m.index! - 10), m.index);
  // "kl. 08-09", "uge 03-04": hours and weeks.
  if (/(?<![\p{L}])(?:kl\.?|klokken|uge|uger|uge\s?nr\.?)[^\S\n]{0,2}$/iu.test(before))
    return false;
  return (
    /^0/.test(m[1]!) ||
    /^0/.test(m[2]!) ||
    /^[^\S\n]*(?:kl\.?|klokken)(?![\p{L}])/iu.test(after) ||
    /(?<![\p{L}])(?:d\.|den|dato)[^\S\n]{0,2}$/iu.test(before)
  );
}
/**
 * A code that opens a door or a key box: "kode 4471", "koden er 1958", "pinkode: 2580". It lets
 * anyone who reads it in.
 */
const KEY_CODE =
  /(?<![\p{L}])(?:(?:pin|dør|adgangs|alarm|nøgle|nøgleboks|boks|port|lås|låse|hoveddørs|opgangs|hoveddør)?kode(?:n|r|rne)?|pin)(?:[^\S\n]+(?:er|var|til[^\S\n]+\p{L}+|på[^\S\n]+\p{L}+))?[^\S\n]{0,3}[:=]?[^\S\n]{0,3}(\d{3,8})(?![\p{N}]|[.,]\d)/giu;
/** Words before NICKNAME_AFTER that are no one's name: "Dette (som vi kalder …)". */
const NOT_CALLED =
  /^(?:det|den|dette|denne|disse|de|noget|nogen|alt|alle|sådan|så|her|der|hvad|hvem|hvilket|et|en|og|men|eller)$/u;
/**
 * Said right after a nickname: "Nok (som Siriporn kaldes)", "Lillemor, som hun kaldes,",
 * "(Mus kalder hun ham)".
 */
const NICKNAME_AFTER =
  /^(?:[^\S\n]{0,2}[(,][^\S\n]{0,2}(?:som|hvad)[^\S\n]+(?:\p{L}+[^\S\n]+){0,2}(?:kaldes|bliver[^\S\n]+kaldt|blev[^\S\n]+kaldt)|[^\S\n]+kalder[^\S\n]+(?:hun|han|de|vi|jeg|man|alle)[^\S\n]+(?:ham|hende|dem))(?![\p{L}])/iu;
/**
 * When someone was born, however little of it is given: "født i februar 1951", "f. 1951", "født
 * 3/3", "fødselsdag 12/4", "fødselsdato 3 3 52", "DOB: …". Only the date is masked ("født" stays);
 * an event's month and year ("i februar 2023") stay.
 */
const BORN = new RegExp(
  `${NOT_LETTER_BEFORE}(?:født|f\\.|fdt\\.?|fødselsdag(?:en)?|fødselsdato(?:en)?|dob)(?:\\s+(?:den|d\\.?|i|år|er|var|hun|han)){0,2}\\s{0,3}:?\\s{0,3}((?:${MONTH}\\s*)?['’]?(?:1[89]|20)\\d\\d(?![\\p{N}])|(?:[12]\\d|3[01]|0?[1-9])(?:[./-]|\\s)(?:1[0-2]|0?[1-9])(?:(?:[./-]|\\s)(?:\\d{4}|\\d{2}))?(?![\\p{N}])\\.?|${MONTH}|${ORDINAL_DAYS}\\s+i\\s+${ORDINAL_MONTHS}(?![${LETTER}])(?:\\s+${YEAR_IN_WORDS})?)`,
  'giu',
);
/**
 * A web address with a path, or one written with www. or a scheme: a profile or a page can name
 * someone ("facebook.com/jette.munk.12"). A bare site ("sundhed.dk") is left to the words.
 */
const LINK =
  /(?:\b(?:https?:\/\/|www\.)[^\s<>"“”]+|(?<![\p{L}\p{N}@.-])[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+){0,8}\.\p{L}{2,}\/[^\s<>"“”]*)/gu;
/**
 * A case, journal, customer or member number, by the word before it ("sagsnr. 123456"), or right
 * after a case or a lease named by its system: "sag 4411", "DUBU-sag 88123", "sbsys 123456",
 * "lejemål 44-112" (four digits or more, no year and no amount, or two and three digits with a
 * dash: not "sag 2 af 3", "sagen 10-15 minutter", "retssagen 2021", "sagen 10000 kr"), or a
 * journal plan's number with its facet: "sag 27.12.04-G01-338-23", "SBSYS 27.12.04-P20-1-24".
 */
const CASE_NUMBER =
  /(?<![\p{L}])(?:(?:sags|journal|j|kunde|medlems|reference|ref|patient|klient|borger|anke|klage|sag)[\s.-]{0,3}(?:nr|nummer|no|id)\.?\s{0,3}:?|(?:ref|reference|sag|sagen|anke|klage|journal|dubu|sbsys|nexus)\.?\s{0,3}:|sag\s{1,3}(?=\d+[/-]\d)|(?:sag|sagen|dubu|sbsys|nexus|sagsnr|j\.?\s?nr)\.?\s{1,3}(?=\d\d\.\d\d\.\d\d-\p{Lu}\d\d)|(?:sag|sagen|(?:dubu|sbsys|nexus)(?:-sag)?|lejemål(?:et)?)(?:\s{1,3}|-)[#(]?(?=(?!(?:19|20)\d\d(?![\d-]))\d{4,}(?![\p{L}\p{N}-]|[^\S\n]*(?:kr|kroner|minutter|min|timer|gange|dage|uger|m2|km)(?![\p{L}]))|\d{2,}-\d{3,}(?![\d-])(?<!(?:19|20)\d\d-(?:19|20)\d\d)))\s{0,3}\(?([\p{L}\p{N}][\p{L}\p{N}./-]*\d[\p{L}\p{N}./-]*)/giu;
/**
 * A number by a word for what it numbers that ends in «nr.» or «nummer» ("præparatnr. P24-12877",
 * "Bevillingsnr. HJ-118204", "ydernr. 045127", "opholdskort nr. RK 7741208"), or after «ref.»
 * ("ref. TOLK-558129"): at least four digits, a few capitals before them. Not a page's, a room's,
 * a house's or a telephone's (their own rules, or no one's).
 */
const NUMBERED =
  /(?<![\p{L}])(\p{L}{2,}(?:nr|nummer|nummeret)|\p{L}{3,}(?:\s{1,3}|\.)(?:nr|nummer)|(?:opholdskort|pas|kørekort|sygesikringskort|sygesikrings|faktura|ordre|bestilling|tolkebestilling|henvisning|rekvisition|bevilling|bevillings|præparat|prøve|løn)\s{1,3}(?:nr|nummer)|ref|reference|rekv)(?![\p{L}])\.?\s{0,3}:?\s{0,3}\(?((?:\p{Lu}{1,6}[ -]?)?\d(?:[\d-]|\s(?=\d))*\d(?:\/\d+)?)(?![\p{L}\p{N}])/giu;
/**
 * Part of a telephone number, in pairs of digits, said to be one ("Ny mobil: 51 23", "de sidste
 * cifre er 84 06", "noteret som 20 45 66 1"): a number too short for the number rules, after a
 * word for a telephone or its digits earlier in the sentence.
 */
const PHONE_PART =
  /(?<![\p{L}])(?:tlf|telefon|telefonnummer(?:et)?|tlf\.?\s*nr|mobil|mobilnummer(?:et)?|mobilnr|nummeret|cifre|ciffer|cifrene|ender\s+på)(?![\p{L}])\.?(?:[^\S\n]{1,3}[\p{L}.,:]+){0,6}?[^\S\n]{0,3}[:,]?[^\S\n]{0,3}(?<!kl\.?\s)((?<![\d])\d\d(?:[^\S\n]\d\d|-\d\d){1,3}(?:[^\S\n]\d)?|(?<=(?:cifre|cifrene|ender\s+på)(?:[^\S\n]{1,3}(?:er|var|i[^\S\n]{1,3}(?:nummeret|telefonnummeret|mobilnummeret|mobilen|tlf\.?(?:nr\.?)?)))?[^\S\n]{0,3}:?[^\S\n]{1,3})\d{4})(?![\d]|[.,]\d|[^\S\n]*(?:kr|mg|ml|min|år|%|timer|dage|uger|gange))/giu;
/**
 * A handle as people choose them online, letters and digits joined by «_» or «#» ("sofie_2009",
 * "kalle#4411"): no word of a note is written so, wherever it stands.
 */
const HANDLE =
  /(?<![\p{L}\p{N}@._#-])(?=[\p{L}\p{N}_#]*\p{L})(?=[\p{L}\p{N}_#]*\d)[\p{L}\p{N}]+(?:[_#][\p{L}\p{N}]+)+(?![\p{L}\p{N}@_#])/gu;
/** The word for a product's or a medicine's number right before it: «batch», «lot», «EAN». */
const ITEM_NUMBER_BEFORE =
  /(?<![\p{L}])(?:batch|lot|charge|ean|isbn|serie)(?:[-\s]?(?:nr|nummer))?\.?[^\S\n]{0,2}:?[^\S\n]{0,2}$/iu;
/** Words for numbers that name no one, or that other rules read. */
const NUMBERED_BY_NO_ONE = new Set(
  `side hus stue stuen værelse værelses lokale version versions sang tlf telefon akuttelefon
  vagttelefon mobil cpr person post linje rute bus spor model serie vare ean isbn atc sks icd
  batch lot charge seng senge sengen skab plads bord rum vær lok art kat prod`.split(/\s+/),
);
/**
 * A user name or login after the word for it, a few words on at most ("brugernavn i Cura-appen er
 * lolland_jens47", "login: inge.k.52"): a word with a digit, an underscore or a dot inside.
 */
const USER_NAME =
  /(?<![\p{L}])(?:brugernavn(?:et)?|bruger-?id|login(?:-?navn(?:et)?)?|username|profilnavn|alias|gamertag|(?:mit|nem)-?id-?bruger(?:navn)?(?:en|et)?)(?:\s{1,3}[\p{L}\p{N}.-]+){0,6}?\s{0,3}(?::|\s(?:er|var|hedder))?\s{1,3}(?=[\p{N}._-]*\p{L})(?!\S+\.(?:dk|com|org|net|eu|nu)(?![\p{L}\p{N}]))([\p{L}\p{N}]+(?:[._][\p{L}\p{N}]+|-\d{3,})+|\p{L}+\d+[\p{L}\p{N}]*)(?![\p{L}\p{N}])/giu;
/**
 * A member's, customer's or account's number a few words after the word for it ("Medlemsnr. i
 * patientforening 8834201", "kontonummer hos banken er 1234 5678901").
 */
const NUMBER_AFTER_CUE =
  /(?<![\p{L}])(?:medlems|kunde|konto|police|lejemåls|klient|patient|journal|sags|borger)[\s.-]{0,3}(?:nr|nummer|no|id)(?:et|en)?\.?(?:\s{1,3}(?!\d{4})[\p{L}\p{N}-]+){0,3}?(?:\s{0,3}:|\s{1,3}(?:er|var))?(?:\s{1,3}(?:nok|vist|vistnok|måske)){0,2}\s{0,3}((?:\p{Lu}{1,4}-?)?\d[\d -]{3,}\d)(?![\p{N}])/giu;
/** Danish number words, one digit each ("nul" … "ni") and two digits each ("ti" … "halvfems"). */
const ONE_DIGIT = 'nul|en|et|ett|én|to|tre|fire|fem|seks|syv|otte|ni';
const TWO_DIGITS =
  'ti|elleve|tolv|tretten|fjorten|femten|seksten|sytten|atten|nitten|tyve|tredive|fyrre|halvtreds|tres|halvfjerds|firs|halvfems';
const TENS_WORD = `(?:en|et|to|tre|fire|fem|seks|syv|otte|ni)\\s?og\\s?(?:tyve|tredive|fyrre|halvtreds|tres|halvfjerds|firs|halvfems)`;
/** "hundrede og fireogtredive" after "tolv": the last two digits of a number said in hundreds. */
const HUNDREDS_WORD = `hundrede(?:\\s+og\\s+(?:${TENS_WORD}|${TWO_DIGITS}|${ONE_DIGIT}))?`;
const NUMBER_WORD = `(?:${HUNDREDS_WORD}|${TENS_WORD}|${TWO_DIGITS}|${ONE_DIGIT})`;
/** A run of number words and digit groups, at least three, as a dictated number is written. */
const SPOKEN_NUMBER = new RegExp(
  `${NOT_LETTER_BEFORE}(?:${NUMBER_WORD}|\\d{1,4})(?:[\\s,–-]+(?:${NUMBER_WORD}|\\d{1,4})){2,}${NOT_LETTER_AFTER}`,
  'giu',
);
/**
 * A number dictated in words after a word that says what it is ("cpr nul fire nul to fire fire
 * streg en to tre otte", "postnummer fire tre fire nul", "fødselsdato nul otte nul fem
 * niogtredive", "journal nummer K tre otte fire to ni", "nummerpladen var a b tolv tre
 * femogfyrre"): four digits or more, a dash said as «streg», a letter or two before it.
 */
const SPOKEN_ITEM = `(?:${NUMBER_WORD}|\\d{1,4})`;
const SPOKEN_CUE_NUMBER = new RegExp(
  `(?<![\\p{L}])(cpr(?:[\\s-]?nummer(?:et)?|-?nr|'en|en)?|person[\\s-]?(?:nummer(?:et)?|nr)|fødselsdato(?:en)?|fødselsdag(?:en)?|født|telefon(?:nummer(?:et)?)?|tlf|mobil(?:nummer(?:et)?)?|nummeret|(?:sags|journal|konto|registrerings|reg)\\.?\\s?(?:nummer(?:et)?|nr)|sagsnr|journalnr|kontonr|konto|nummerplade(?:n)?|post\\s?(?:nummer(?:et)?|nr)|postkode(?:n)?)(?![\\p{L}])(?:[\\s.:,-]{1,4}(?:er|var|hedder|lyder|nok|vist|det|så|på|den)){0,4}[\\s.:,-]{0,4}((?:plus\\s{1,4})?(?:\\p{L}{1,2}[\\s-]){0,2}${SPOKEN_ITEM}(?:[\\s,–-]{1,4}(?:(?:bindestreg|streg|skråstreg)[\\s,]{1,4})?${SPOKEN_ITEM})+)${NOT_LETTER_AFTER}`,
  'giu',
);
/** What a number after its cue is masked as: the cue's first letters decide. */
function spokenCueKind(cue: string): MaskKind {
  const c = cue.toLowerCase();
  if (/^(?:cpr|person)/.test(c)) return 'cpr';
  if (/^(?:fødsels|født)/.test(c)) return 'date';
  if (/^(?:telefon|tlf|mobil|nummeret)/.test(c)) return 'phone';
  if (/^post/.test(c)) return 'postcode';
  return 'number';
}
/**
 * A postcode said in thousands and hundreds before a town ("fire tusind tre hundrede Holbæk",
 * "seks tusind syv hundrede esbjerg"), or after the word for it.
 */
const SPOKEN_THOUSANDS = new RegExp(
  `(?<![\\p{L}])((?:${ONE_DIGIT}|${TWO_DIGITS})\\s+tusind(?:\\s+(?:og\\s+)?(?:${ONE_DIGIT})\\s+hundrede(?:\\s+og\\s+(?:${TENS_WORD}|${TWO_DIGITS}|${ONE_DIGIT}))?)?)(?:\\s+(\\p{L}[\\p{L}-]*))?`,
  'giu',
);
const NUMBER_WORD_ALONE = new RegExp(`^(?:${NUMBER_WORD})$`, 'iu');
/** How many digits a number word stands for. */
const ONE_DIGIT_WORD = new RegExp(`^(?:${ONE_DIGIT})$`, 'i');
/** A CPR number's word in a sentence: "CPR", "personnummer", "cpr.nr.", "fødselsdato". */
const CPR_IN_SENTENCE = /(?<![\p{L}])(?:cpr|personn(?:umm)?er|personnr|fødselsdato|født)/iu;
/** The sentence (or the line) a place in a text is in. */
function sentenceAround(text: string, at: number): string {
  const start = Math.max(
    text.lastIndexOf('\n', at - 1),
    ...['. ', '! ', '? '].map((s) => text.lastIndexOf(s, at - 1)),
  );
  const ends = ['\n', '. ', '! ', '? '].map((s) => text.indexOf(s, at)).filter((i) => i >= 0);
  return text.slice(start + 1, ends.length ? Math.min(...ends) : text.length);
}
/** The digit a one-digit word says: "nul" 0, "en"/"et"/"ett" 1 … "ni" 9. */
function digitValue(word: string): number {
  return ['nul', 'en', 'to', 'tre', 'fire', 'fem', 'seks', 'syv', 'otte', 'ni'].indexOf(
    word.toLowerCase().replace(/^(?:et|ett|én)$/, 'en'),
  );
}
function spokenDigits(word: string): number {
  return ONE_DIGIT_WORD.test(word) ? 1 : 2;
}

/** The last four digits of a CPR number, said on their own: "de sidste fire (cifre) er 1234". */
const CPR_LAST_FOUR =
  /(?<![\p{L}])(?:(?:sidste\s+(?:fire|4)|(?:fire|4)\s+sidste)(?:\s+(?:cifre|tal))?(?:\s+(?:i|af|på)(?:\s+[\p{L}-]+){0,2}?\s+(?:cpr|personnummer)[\p{L}.-]*(?:\s+nr\.?)?)?|(?:fire|4)\s+(?:cifre|tal)\s+(?:i|af|på)(?:\s+[\p{L}-]+){0,2}?\s+(?:cpr|personnummer)[\p{L}.-]*(?:\s+nr\.?)?)(?:\s+og\s+det)?(?:\s+(?:er|var|hedder))?(?:\s+(?:vist|nok|vistnok|måske|ca\.?)){0,2}\s{0,3}:?\s{0,3}(\d{2}\s?\d{2})(?![\p{N}])/giu;
/** The days of the week and the months, which Danish writes in lower case. */
const CALENDAR_WORDS =
  /^(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag|januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december)$/u;
/** The last four said in words: "de fire sidste er nul otte tre fem", "… er treogtyve atten". */
const CPR_LAST_FOUR_SAID = new RegExp(
  `(?<![\\p{L}])(?:sidste\\s+(?:fire|4)|(?:fire|4)\\s+sidste)(?:\\s+(?:cifre|tal))?(?:\\s+(?:i|af|på)(?:\\s+[\\p{L}-]+){0,2}?\\s+(?:cpr|personnummer)[\\p{L}.-]*)?(?:\\s+og\\s+det)?(?:\\s+(?:er|var|hedder))?\\s{0,3}:?\\s{0,3}((?:(?:${TENS_WORD}|${TWO_DIGITS}|${ONE_DIGIT})(?:\\s+|(?![\\p{L}]))){2,4})`,
  'giu',
);
/**
 * A CPR number's last four written one by one, after the word for them: "slut-cifre 1-9-4-8",
 * "slutcifre: 1 9 4 8", "sidste fire 1-9-4-8", "de fire sidste cifre en-ni-fire-otte".
 */
const CPR_END_DIGITS = new RegExp(
  `(?<![\\p{L}])(?:slut[\\s-]?cifre(?:ne)?|ende[\\s-]?cifre(?:ne)?|kontrol[\\s-]?cifre(?:ne)?|sidste[\\s-]+(?:fire|4)(?:[\\s-]+(?:cifre|tal))?|(?:fire|4)[\\s-]+sidste(?:[\\s-]+(?:cifre|tal))?)(?:\\s+(?:er|var|hedder))?[^\\S\\n]{0,3}:?[^\\S\\n]{0,3}((?:\\d|${ONE_DIGIT})(?:(?:[^\\S\\n]?[-–./][^\\S\\n]?|[^\\S\\n])(?:\\d|${ONE_DIGIT})){3}|(?<=cifre(?:ne)?[^\\S\\n]{0,3}:?[^\\S\\n]{0,3})\\d{4})(?![\\p{L}\\p{N}])`,
  'giu',
);
/**
 * A CPR number given in two goes: its six digits after the word, and its last four later in the
 * sentence ("cpr 120557 og så bagefter 3318").
 */
const CPR_REST =
  /(?<![\p{L}])(?:cpr|personnummer|personnr)[\p{L}.-]*(?:\s+(?:nr|nummer)\.?)?(?:\s+(?:er|var))?\s{0,3}:?\s{0,3}(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])\d{2}(?![\p{N}])[^.!?\n\d]{0,40}?(?<![\p{L}])(?:bagefter|resten|derefter|sidste|og\s+så)(?![\p{L}])[^.!?\n\d]{0,20}?(?<![\p{N}])(\d{4})(?![\p{N}])/giu;
/**
 * A CPR number with some of its digits written as x ("1203xx-1234", "120358-xxxx"), and its last
 * four said to end it ("cpr slutter på -2211", "personnummeret ender med 2211").
 */
const CPR_PARTIAL =
  /(?<![\p{L}\p{N}])(?:0[1-9]|[12]\d|3[01])(?:(?:0[1-9]|1[0-2])[xX*]{2}|[xX*]{4})[^\S\n]?[-–]?[^\S\n]?[\dxX*]{4}(?![\p{L}\p{N}*])|(?<![\p{L}\p{N}])(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])\d{2}[^\S\n]?[-–]?[^\S\n]?(?=[\dxX*]{4}(?![\p{L}\p{N}*]))\d{0,3}[xX*][\dxX*]{0,3}(?![\p{L}\p{N}*])/gu;
/** The last four after the first six left out: «cpr …-2140», «CPR: xxxxxx-2140», «cpr ******-2140». */
const CPR_TAIL =
  /(?<![\p{L}])(?:cpr|personnummer|personnr)[\p{L}.-]*(?:\s+(?:nr|nummer)\.?)?(?:\s+(?:er|var|på|med))?\s{0,3}:?\s{0,3}((?:…|\.{2,6}|[xX*]{6})(?:[^\S\n]?[-–]?[^\S\n]?)?(?!(?:19|20)\d{2}(?!\d))\d{4})(?![\p{N}])/giu;
const CPR_ENDS =
  /(?<![\p{L}])(?:cpr|personnummer|personnr)[\p{L}.-]*(?:\s+(?:nr|nummer)\.?)?(?:\s+\p{L}+)?\s+(?:(?:slutter|ender)\s+(?:på|med)\s{0,2}:?\s{0,3}[-–]?|(?:slut(?:ter)?|ender)\s{0,2}(?::\s{0,3}[-–]?|[-–]))\s{0,2}(\d{4})(?![\p{N}])/giu;
/**
 * After a home's number, what makes the number a count, a time or a date instead: «bolig 3 x
 * ugentligt», «værelse 2 timer», «bolig 1. juli», «lejlighed 2 værelser», «pladsnr. 3 på
 * ventelisten».
 */
const NOT_A_COUNT = `(?![-–]\\d|[^\\S\\n]*(?:x(?![\\p{L}])|gang|time|timer|min|minut|døgn|dag|uge|måned|år(?![\\p{L}])|værelse|vær\\.|rum(?![\\p{L}])|m2|m²|kvm|km|kr|%|stk|personer|pers|på[^\\S\\n]+venteliste|\\.[^\\S\\n]*(?:\\d|jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)))`;
/**
 * A home's number without its street, where someone lives, sleeps or keeps their things: «værelse
 * 12», «lejl. 4», «bolig nr. 204», «enestue 21», «parcel 38», «kolonihave 23», «pladsnr. 112»,
 * «garage nr. 6», «have nr. 47» (not the verb: «skal have nr. 2»), «opgang C» — with a care
 * home's or a street's name it is where they live.
 */
const DWELLING = new RegExp(
  `(?<![${LETTER}])(?:(?:(?:ene|dobbelt|sove)?stue|(?:bo|enkelt|dobbelt)?værelse|vær\\.|(?:ungdoms|pleje|kælder|ældre)?(?:bolig|lejlighed|lejl\\.?)|bo-?enhed|kolonihave|parcel)(?:[^\\S\\n]?(?:nr|nummer)\\.?)?|(?:hus|garage|skur|skurvogn|sommerhus|campingvogn|hytte|kolonihave|rækkehus|(?<!(?:skal|vil|kan|må|at|gerne|bør|ville|skulle|kunne|burde|få|og)[^\\S\\n]+)have)[^\\S\\n]?(?:nr|nummer)\\.?|(?:plads|hus|bolig|værelses|lejligheds|stue)nr\\.?)[^\\S\\n]{0,2}(?!(?:19|20)\\d{2}(?!\\d))\\d{1,4}(?:[.,]\\d{1,2}(?![.,]?\\d)|-\\d{1,4})?[a-z]?(?![${LETTER}\\p{N}])${NOT_A_COUNT}`,
  'giu',
);
/** A stairway's letter: «opgang C» (a capital: «i opgang i går» is no letter). */
const STAIRWAY = /(?<![\p{L}\p{M}])[oO]pgang[^\S\n]{1,2}[A-ZÆØÅ](?![\p{L}\p{M}])/gu;
/** A day's, a leave's or a shift's code in a rota's cells: «| MA | TI | FE | FRI | DV |». */
const TABLE_DAY_CODES =
  /^(?:ma|ti|on|to|fr|lø|sø|man|tir|ons|tor|fre|lør|søn|fe|fri|sy|syg|af|afsp|dv|av|nv|dag|aft|nat)$/u;
/** Capitals in brackets right after a full name: «Hanne Krogh-Smith (KHS)». */
const INITIALS_AFTER_NAME =
  /(?<![\p{L}])\p{Lu}\p{Ll}+[^\S\n]\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?[^\S\n]?\((\p{Lu}{2,4})\)/gu;
/** A cell of a table written with bars that holds one short word: «| KLN |», «| pls |». */
const TABLE_CELL = /(?<=\|)[^\S\n]{0,3}(\p{L}{2,4})[^\S\n]{0,3}(?=\|)/gu;
/**
 * A floor and its side, the end of an address: «3. sal tv.», and without «sal» only right after
 * a house's number or a stairway («Åvej 12, 2. th.», «opgang C, 2. tv.»): «7. th.» alone is as
 * often a rib, a toe or an hour.
 */
const FLOOR_SIDE =
  /(?<![\p{L}\p{N}])(?:(?:\d{1,2}\.|st\.)[^\S\n]?sal[^\S\n]{0,2},?[^\S\n]?(?:tv|th|mf)|(?<=(?:(?:[oO]pgang[^\S\n][A-ZÆØÅ]|\p{Lu}\p{Ll}+[^\S\n]\d{1,3}[a-zA-Z]?)[^\S\n]?,|(?<![\p{L}])(?:(?:[bB]eboer(?:en)?|[nN]abo(?:en)?|[gG]enbo(?:en)?|[bB]oende|[fF]lytte[tr](?:[^\S\n]+nu)?)[^\S\n]+(?:på|fra|til|i)|[bB]or(?:[^\S\n]+nu)?(?:[^\S\n]+(?:på|i))?)[^\S\n])[^\S\n]?)(?:\d{1,2}\.|st\.)[^\S\n]?(?:tv|th|mf))\.?(?![\p{L}-])/gu;
/** A floor and its side after «på»: "Vera på 3. th.", "på st. tv" (see where it is read). */
const FLOOR_AFTER_ON =
  /(?<![\p{L}])på[^\S\n]+((?:\d{1,2}\.?|st\.)[^\S\n]?(?:tv|th|mf|t\.v|t\.h)\.?)(?![\p{L}\p{N}-])/giu;
/**
 * Who lives on a floor, or that someone does, before «på» and it: "naboen på 2. tv", "datteren
 * på st. th.", "Bor på 2. TV.".
 */
const PERSON_BEFORE_FLOOR =
  /^(?:bor|boede|bo|boende|flyttet|flytter|flyttede|nabo|naboen|genbo|genboen|veninde|veninden|ven|vennen|kæreste|kæresten|datter|datteren|søn|sønnen|søster|søsteren|bror|broren|mor|moren|far|faren|familien|beboer|beboeren|borger|borgeren|hun|han|de|jeg|vi|du)$/u;
/** A body's part, a wound or a pain: a floor's number before it is a toe's or a tooth's. */
const BODY_OR_WOUND =
  /(?<![\p{L}])(?:smert\p{L}*|ondt|øm\p{L}*|sår\p{L}*|brud\p{L}*|fraktur\p{L}*|\p{L}*brud|hæv\p{L}*|rød\p{L}*|blå\p{L}*|vable\p{L}*|tryk\p{L}*|negl\p{L}*|tå|tåen|tæer\p{L}*|finger\p{L}*|fingr\p{L}*|ribben\p{L}*|costa\p{L}*|hvirvel\p{L}*|tand|tanden|tænder\p{L}*|kind\p{L}*|øre\p{L}*|øje\p{L}*|knæ\p{L}*|ben|benet|arm\p{L}*|hånd\p{L}*|fod|foden|ankel\p{L}*|hofte\p{L}*|skulder\p{L}*|læsion\p{L}*|amput\p{L}*|karies|caries|plomb\p{L}*|vort\p{L}*|liktorn\p{L}*|knyst\p{L}*|sting|eksem\p{L}*|panaritium)(?![\p{L}])/iu;
/** A birth cohort said of someone: "jeg er en 45'er" (not "en 20'er" in change, nor "70'erne"). */
const COHORT_YEAR =
  /(?<![\p{L}])(?:jeg|han|hun|du|vi|mor|far|borger(?:en)?|pt\.?)\s+(?:er|var)\s+(?:en\s+|(?:også|jo)\s+en\s+)?(\d{2})['’]er(?![\p{L}-])/giu;
/** A bank's registration number: "reg.nr. 0400". */
const BANK_REG =
  /(?<![\p{L}])reg(?:istrerings)?[\s.-]*(?:nr|nummer)(?:et)?\.?\s{0,3}:?\s{0,3}(\d{4})(?![\p{N}\s]*\p{L}{2}\s?\d)(?![\p{N}])/giu;
/** A bank account after its registration number: "reg. 6510 konto 1234567". */
const REG_AND_ACCOUNT =
  /(?<![\p{L}])reg(?:istrerings)?(?:\.|\s)?\s{0,3}(?:nr\.?|nummer)?\s{0,3}:?\s{0,3}(\d{4})\s{0,3}[,/–-]?\s{0,3}(?:og\s{1,3})?(?:konto|kto)(?:nr\.?|nummer)?\.?\s{0,3}:?\s{0,3}(\d{6,10}|\d{2,4}(?: \d{2,4}){1,3})(?![\p{N}])/giu;
/**
 * An IBAN: two letters for the country, two check digits, then the account in groups of four or
 * run together ("DK50 0040 0440 1162 43", "DE89370400440532013000"), masked whole: its digits alone
 * were masked, the country's letters left glued to the mask.
 */
const IBAN =
  /(?<![\p{L}\p{N}])[A-Za-z]{2}\d{2}(?:(?: ?[A-Za-z0-9]{4}){3,7}(?: ?[A-Za-z0-9]{1,3})?|[A-Za-z0-9]{12,30})(?![\p{L}\p{N}])/gu;
/** A telephone's extension: "tlf. 9915 5000 lokal 4521". */
const EXTENSION =
  /(?<![\p{L}])(?:tlf|telefon|nummer|nr|mobil|ring|omstilling|kontakt)[^\n]{0,40}?(?<![\p{L}])(?:lokal(?:nummer|nr\.?)?|lok\.|ext\.?)\s{0,3}:?\s{0,3}(\d{3,5})(?![\p{N}]|\s{0,2}(?:mg|ml|g|ie|kr|%))/giu;
/**
 * A code that numbers a case or a person, letters and digits joined by hyphens or a slash:
 * "2024-FRH-19922", "UK-2024-117", "T-55102", "BS-1523/2024" — at least five digits and a letter
 * ("ICD-10", "SF-36", "PHQ-9" have fewer).
 */
const CODE_ID =
  /(?<![\p{L}\p{N}/-])(?:\p{Lu}{1,5}|\d{2,})(?:[-/](?:\p{Lu}{1,5}|\d{2,})){1,3}(?![\p{L}\p{N}]|[-/][\p{L}\p{N}])/gu;
/** What says a code is a case's or a person's: "ID", "sag", "ref.", "sagsnr.", "Familieretshuset:". */
const CODE_CUE =
  /(?<![\p{L}])(?:\p{L}*sag|id|sagen|sagsnr|sagsnummer|journal|journalnr|j\.?nr|ref|reference|nr|nummer|bevilling|bevillingsnr|kort|tolk|tolkens|familieretshuset|ankestyrelsen|udbetaling|afgørelse|klage|anke|patient|borger|klient|personale|medarbejder)(?![\p{L}])[^\n]{0,24}$/iu;
/** A postcode by the word for it, with no town after: "postnummeret er 4990". */
const POSTCODE_SAID =
  /(?<![\p{L}])post\s?(?:nummer|nr)(?:et)?\.?(?:\s+(?:er|var|hedder))?\s{0,3}:?\s{0,3}((?:DK-?)?\d{4})(?![\p{N}])/giu;

/** A Danish number plate: two letters and five digits ("AB 12 345"). */
const NUMBER_PLATE =
  // The cue's spaces are bounded: an unbounded look back was tried at every position of a
  // text, seconds for a run of a few thousand spaces.
  /(?<![\p{L}\p{N}])(?:\p{Lu}{2}|(?<=reg(?:\.|istreringsnummer|\.?\s{0,3}nr\.?)\s{0,3}:?\s{0,3})\p{L}{2})\s?\d{2}\s?\d{3}(?![\p{L}\p{N}])/gu;
/** Two or more initials with their dots, and no name beside them: "J.H.", "J. H.". */
const INITIALS = /(?<![\p{L}\p{N}.])(?:\p{Lu}\.\s?){2,}(?!\p{L})/gu;

/** A number without the brackets written around it ("(3.3.1952)"); a country code keeps its. */
const unbracketed = (run: string) => run.replace(/^\(|\)$/g, '');

/** Where a number's mask starts and ends: without its brackets, unless they hold a country code. */
function numberSpan(run: string, at: number): [number, number] {
  if (/^\(\s?\+?\s?45/.test(run)) return [at, at + run.length];
  return [at + (run.startsWith('(') ? 1 : 0), at + run.length - (run.endsWith(')') ? 1 : 0)];
}

function numberMask(written: string): MaskKind | null {
  const prefixed = /^(?:\(\s?\+?\s?45|\+|00\s?45)/.test(written);
  // "(f. 3.3.1952)": the brackets around a number are not part of it.
  const run = prefixed ? written : unbracketed(written);
  if (TIME_RANGE.test(run) || YEAR_SPAN.test(run)) return null;
  const digits = run.replace(/\D/g, '');
  const iso = ISO_DATE.exec(run);
  if (iso && !prefixed && Number(iso[2]) >= 1 && Number(iso[2]) <= 12) {
    if (Number(iso[3]) >= 1 && Number(iso[3]) <= 31) return 'date';
  }
  const date = DATE.exec(run.replace(/[‐‑‒−_~]/g, '-'));
  if (date && !prefixed) {
    const day = Number(date[1]);
    const month = Number(date[2]);
    if (day >= 1 && day <= 31 && month >= 1 && month <= 12) return 'date';
  }
  // "Mette (45)": an age in brackets, not a country code without its number.
  if (prefixed) return digits.length >= 10 ? 'phone' : null;
  if (digits.length === 6 && /^\d{6}$/.test(run)) {
    const day = Number(digits.slice(0, 2));
    const month = Number(digits.slice(2, 4));
    return day >= 1 && day <= 31 && month >= 1 && month <= 12 ? 'date' : null;
  }
  if (digits.length === 10) return 'cpr';
  if (digits.length >= 8) return digits.length === 8 ? 'phone' : 'cpr';
  return null;
}

const WORD = /[\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:['’]\p{L}+)?/gu;
const FLOOR = String.raw`(?:,?\s*(?:\d{1,2}\.?\s*(?:sal\.?\s*)?(?:th|tv|mf)\b\.?|\d{1,2}\.\s*sal\b\.?|(?:første|anden|tredje|fjerde|femte|sjette|syvende|ottende)\s+sal\b(?:\s+(?:til\s+)?(?:venstre|højre|th|tv)\b\.?)?|st\b\.?(?:\s*(?:th|tv|mf)\b\.?)?|stuen\b|kld\b\.?|kælder(?:en)?\b|(?:lejl|lejlighed|vær|værelse)\.?\s*(?:nr\.?\s*)?\d{1,4}\b|\d{1,2}\.(?=\s*(?:$|[;,)\n]|\s\p{Ll})))(?:,?\s*(?:lejl|lejlighed|vær|værelse)\.?\s*(?:nr\.?\s*)?\d{1,4}\b)?)?`;
/**
 * Not a postcode and its town right after a house's number, written without a comma: «Ved
 * Stranden 4 4874 Gedser» (other numbers after it make it no house's: «Hansen 20 45 …»). Not one
 * that could be a year: «Maj 12 2024 Indlagt» is a date.
 */
const NOT_A_YEAR = '(?!(?:19|20)\\d\\d(?!\\d))';
const POSTCODE_NEXT = `(?![^\\S\\n]${NOT_A_YEAR}[1-9]\\d{3}[^\\S\\n]+\\p{Lu}\\p{Ll})`;
/** A word, a house number and an optional letter, floor and side: "Slotsbryggen 102, 2. th." */
const HOUSE = new RegExp(
  `${NOT_WORD_PART_BEFORE}([${LETTER}][${LETTER}'’-]*)(?:[^\\S\\n]+(?:nr\\.?|nummer|no\\.?))?[^\\S\\n]+(\\d{1,4})½?(?![-–‐‑−_./:,]?\\d|${POSTCODE_NEXT}(?:[-–‐‑−./:]?\\s\\d\\d|\\s\\d(?!\\.)))(?:[A-Za-z]|\\s?[A-Z])?${NOT_LETTER_AFTER}${FLOOR}`,
  'gu',
);
/** A word with a street's ending, its house number or span of numbers, and a floor. */
const STREET_NUMBERS = new RegExp(
  `${NOT_WORD_PART_BEFORE}([${LETTER}][${LETTER}'’-]*(?:${STREET_ENDINGS.map(escapeRegExp).join('|')}))\\s+(\\d{1,4})½?(?:\\s?[A-Za-z](?![${LETTER}]))?(?:\\s?[-–‐‑−]\\s?\\d{1,4}(?:\\s?[A-Za-z](?![${LETTER}]))?)?${NOT_LETTER_AFTER}${FLOOR}`,
  'giu',
);
/** Street endings no everyday word has ("plads", "have", "høj" have): a street, even unnumbered. */
const STREET_ONLY_ENDINGS = [
  'vej',
  'vejen',
  'gade',
  'gaden',
  'allé',
  'alléen',
  'stræde',
  'strædet',
  'vænge',
  'vænget',
  'boulevard',
];
/** Roads that are no address: "på hjemvejen", "ned på motorvejen". */
const GENERIC_ROADS = new Set(
  'hjemvej motorvej landevej hovedvej hovedgade omfartsvej ringvej sidevej sidegade tværgade grusvej markvej privatvej cykelvej gågade bivej omvej genvej udvej indfaldsvej tilkørselsvej skolevej arbejdsvej'.split(
    ' ',
  ),
);
const STREET_NAMED = new RegExp(
  `${NOT_LETTER_BEFORE}(?:på|i|ved)\\s+(\\p{Ll}{3,}(?:${STREET_ONLY_ENDINGS.join('|')}))${NOT_LETTER_AFTER}`,
  'gu',
);
/** A postcode and a town, and a second word if the town has one ("4800 Nykøbing F."). */
const POSTCODE = new RegExp(
  `(?:(?<=\\p{Lu}\\p{Ll}+[^\\S\\n]\\d{1,3}[a-zA-Z]?[^\\S\\n])${NOT_A_YEAR}|(?<![\\p{N}][\\s\\-–‐‑−./_~,]?))(?<![\\p{N}])[1-9]\\d{3}(?:\\s+|(?=\\p{Lu}))([${LETTER}][${LETTER}'’-]*)(?:[^\\S\\n]+([\\p{Lu}][${LETTER}]*\\.?))?`,
  'gu',
);
/** Capitalised words that stand before a street name ("Nørre Boulevard", "H.C. Andersens Vej"). */
const anyCase = (w: string) => `[${w[0]!.toUpperCase()}${w[0]}]${w.slice(1)}`;
const STREET_LEAD = new RegExp(
  `(?:(?:[\\p{Lu}][${LETTER}.'’-]*|(?:${STREET_PREFIXES.map(anyCase).join('|')})\\.?) +){1,3}$`,
  'u',
);

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Text that ends where a sentence (or a quote, or a line) begins. */
const SENTENCE_ENDS_HERE = /(?:^|[.!?:»"“]\s*|\n\s*)$/;

/** Words before an everyday word that no name follows: "en lykke", "min rosa jakke", "meget glad". */
const NO_NAME_AFTER = new Set(
  'en et min mit mine din dit dine sin sit sine vores jeres deres denne dette disse hver hvert ingen intet nogen noget al alt meget lidt mere mest ret helt rigtig virkelig'.split(
    ' ',
  ),
);
/** What «per» is a preposition before: "per dag", "per telefon". */
const PER_NOUNS =
  /^(?:dag|døgn|uge|måned|år|time|gang|person|stk|styk|telefon|mail|e-mail|brev|post|sms|kilo|km|kg)$/;
/** Months and seasons that are names too: "til sommer", "efter maj", "i vinter". */
const TIME_NAMES = /^(?:maj|juni|juli|august|sommer|vinter|forår|efterår|høst|jul|påske)$/;
// Not «til», «fra» or «om»: "brev til vinter", "hilsen fra maj", "spurgte om maj" are to and
// from the person as often.
const TIME_BEFORE = /^(?:i|efter|før|siden|indtil|sidste|næste|hele|sidst|først|midt)$/;
/** Verbs that «til», «efter» or «med» a person follows: "ringede til sommer" is to Sommer. */
const TO_SOMEONE =
  /^(?:ring|skriv|spørg|send|giv|sig|tal|snak|hils|ringe|ringede|ringer|ringet|skrev|skriver|skrive|sagde|siger|sige|spurgte|spørger|spørge|sendte|sender|sende|gav|giver|give|talte|taler|tale|snakkede|snakker|snakke|kiggede|ledte|leder|hilse|hilste|kom|kommer|gik|går)$/;
/** After a modal verb or «at», before where: "vil bo hjemme", "at bo alene". */
const MODAL_BEFORE = /^(?:at|vil|kan|skal|må|gerne|ville|kunne|skulle|måtte)$/;
const WHERE_AFTER = /^(?:hjemme|alene|sammen|i|på|hos|her|ude|inde|selv)$/;

/**
 * Whether a profile's name that is an everyday word too is that word where it stands: "meget
 * glad" for Glad, "per dag" for Per, "til sommer" for Sommer, "vil bo hjemme" for Bo, "solen" for
 * Sol. Only in lower case (a capital in mid-sentence is the name) or as the first of two everyday
 * words joined at a sentence's start ("Sol og varme", "Sommer eller vinter"); never a genitive
 * («pers datter»), and never after a word a person is rung, asked for or written to after.
 */
function everydayUse(
  text: string,
  at: number,
  written: string,
  part: string,
  rest: string,
  words: Words,
): boolean {
  const lower = part.toLowerCase();
  const whole = written.toLowerCase().replace(/’/g, "'");
  if (!words.ordinary(lower) && !(rest !== '' && words.ordinary(whole))) return false;
  const before = text.slice(Math.max(0, at - 40), at);
  const after = text.slice(at + written.length, at + written.length + 30);
  const prev = /([\p{L}-]+)[^\S\n]+$/u.exec(before)?.[1]?.toLowerCase() ?? '';
  const next = /^[^\S\n]+([\p{L}-]+)/u.exec(after)?.[1]?.toLowerCase() ?? '';
  const sentenceStart = SENTENCE_ENDS_HERE.test(before);
  const lowerCase = /^\p{Ll}/u.test(written);
  // "solen", "kajen", "karlen": a definite or plural ending makes the everyday word; a name
  // takes only the genitive's s.
  if (/^(?:e|en|ens|er|es|et)$/.test(rest)) {
    return (lowerCase || sentenceStart) && words.ordinary(whole);
  }
  if (rest !== '') return false;
  // "Per telefon", "per dag".
  if (lower === 'per' && PER_NOUNS.test(next)) return true;
  // "Sol og varme hjælper", "Skov og strand", "Sommer eller vinter": two everyday things.
  if (sentenceStart && !lowerCase) {
    const joined = /^[^\S\n]+(?:og|eller)[^\S\n]+(\p{Ll}[\p{L}-]*)/u.exec(after)?.[1];
    return (
      !!joined &&
      !SMALL_WORDS.has(joined) &&
      !SUBJECT_PRONOUNS.has(joined) &&
      // "Per og broren Sten sejler": beside a relative (or the dog), a person.
      !PERSON_NOUN.test(joined) &&
      words.ordinary(joined) &&
      !words.listedName(joined)
    );
  }
  if (!lowerCase || sentenceStart) return false;
  if (NO_NAME_AFTER.has(prev)) return true;
  if (TIME_NAMES.test(lower) && TIME_BEFORE.test(prev)) {
    // The three words before «til» or «efter»: "ring lige til sommer" is to Sommer.
    const lead = before
      .toLowerCase()
      .split(/[^\p{L}-]+/u)
      .filter(Boolean)
      .slice(-4, -1);
    return !lead.some((w) => TO_SOMEONE.test(w));
  }
  return MODAL_BEFORE.test(prev) && WHERE_AFTER.test(next);
}

/** The parts of the profile's names worth masking (at least two letters), longest first. */
export function nameParts(names: readonly string[]): string[] {
  const parts = new Set<string>();
  for (const n of names) {
    for (const p of normaliseText(n).split(/[\s\-‐–—/,;()"“”]+/)) {
      const bare = p.replace(/^[.'’]+|[.'’]+$/g, '');
      // "Karen fra Nakskov": the small words of an alias name nobody.
      if (bare.replace(/\./g, '').length >= 2 && !SMALL_WORDS.has(bare.toLowerCase())) {
        parts.add(bare);
      }
    }
  }
  return [...parts].sort((a, b) => b.length - a.length);
}

/** The small words between a name's parts: "Karen fra Nakskov", "Jan van der Berg". */
const NAME_JOINERS = /^(?:fra|og|af|i|på|van|von|der|den|de|del|la|le|du|el|al|bin|ibn)$/iu;

/**
 * The initials a person with these names goes by: the first letters of two or more of one name's
 * parts in their order ("HJ", "HJR" and "HR" for Hans Jørgen Riis; "SE" for Svend-Erik). Each
 * in capitals: in lower case two letters are too often a word ("ak", "ok").
 */
export function profileInitials(names: readonly string[]): string[] {
  const out = new Set<string>();
  for (const n of names) {
    const firsts = normaliseText(n)
      .split(/[\s\-‐–—/,;()"“”]+/)
      .map((p) => p.replace(/^[.'’]+/, ''))
      .filter((p) => /^\p{Lu}/u.test(p) || (/^\p{L}/u.test(p) && !NAME_JOINERS.test(p)))
      .map((p) => p[0]!.toLocaleUpperCase('da'));
    if (firsts.length < 2) continue;
    // Every pick of two or more of the parts, in order: up to four parts (a name of more keeps
    // its first three and its last).
    const parts = firsts.length > 4 ? [...firsts.slice(0, 3), firsts.at(-1)!] : firsts;
    for (let pick = 1; pick < 1 << parts.length; pick++) {
      const chosen = parts.filter((_, i) => pick & (1 << i));
      if (chosen.length >= 2) out.add(chosen.join(''));
    }
  }
  return [...out];
}

/**
 * An everyday word's definite form ("lyden", "bordet", "konen"): the word and its stem both are
 * (not "sten", whose "ste" is no stem of it).
 */
function definiteOfEveryday(lower: string, words: Words): boolean {
  if (!words.ordinary(lower)) return false;
  for (const ending of ['erne', 'ene', 'en', 'et', 'ne', 'n', 't']) {
    if (!lower.endsWith(ending)) continue;
    const stem = lower.slice(0, -ending.length);
    // "konen", "pigen": a stem's own «e» before a short ending.
    const short = ending.length === 1 || ending === 'ne';
    if (stem.length < (short ? 4 : 3) || (short && !stem.endsWith('e'))) continue;
    if (words.ordinary(stem) && !words.name(stem)) return true;
  }
  return false;
}

/** English words that Danish spells too ("and", "is", "to"), which say a phrase is English. */
const ENGLISH_SMALL_WORDS = new Set(
  "and the of is it it's you your my me we are was to not no too this that be have do".split(' '),
);
/**
 * English phrases in a note: two words or more, joined by single spaces or hyphens, each an
 * English word, at least two of them no Danish word or one of English's small words, or one a
 * long word ("walk and talk", "too much", "one day at a time", "It's complicated"); only the
 * first may be capitalised, and only where a sentence or a quote starts. A word the Danish list holds as a name is left out of the span (it is judged as
 * any word is: "Mark and Grace" are people), so only the other words are kept.
 */
function englishRuns(text: string, words: Words, lexicon: Lexicon): [number, number][] {
  const spans: [number, number][] = [];
  const tokens = [...text.matchAll(/[\p{L}][\p{L}'’]*/gu)];
  let run: RegExpMatchArray[] = [];
  const close = () => {
    const foreign = run
      .map((t) => t[0].toLowerCase().replace(/’/g, "'"))
      .filter((lower) => ENGLISH_SMALL_WORDS.has(lower) || !words.ordinary(lower));
    if (run.length >= 2 && (foreign.length >= 2 || foreign.some((lower) => lower.length >= 7))) {
      for (const t of run) {
        const lower = t[0].toLowerCase();
        if (!words.listedName(lower.replace(/['’]s$/, '')))
          spans.push([t.index!, t.index! + t[0].length]);
      }
    }
    run = [];
  };
  for (const t of tokens) {
    const lower = t[0].toLowerCase().replace(/’/g, "'");
    const prev = run.at(-1);
    const joined = !!prev && /^(?: |-)$/.test(text.slice(prev.index! + prev[0].length, t.index));
    if (!joined) close();
    const capital = /^\p{Lu}/u.test(t[0]);
    // Where a sentence or a quote starts, by the few characters before it only (a look at all
    // the text before every word took seconds for a long one).
    const before = text.slice(Math.max(0, t.index! - 6), t.index);
    const opens =
      run.length === 0 &&
      ((t.index! <= 6 && /^\s*$/.test(before)) || /(?:[.!?:»«"“”„(]|\n)\s*$/u.test(before));
    if (lexicon.isEnglish!(lower) && (!capital || opens || (t[0] === 'I' && run.length > 0))) {
      run.push(t);
    } else close();
  }
  close();
  return spans;
}

type Found = Mask;

/**
 * "krog 2 fra venstre", "have 3", "sti 4": a street's ending alone, in lower case and not in its
 * definite form, is the everyday word before a number — a street only where the sentence says
 * it is an address, or a floor follows ("torvet 3", "Krogen 2" are places).
 */
function bareStreetWord(word: string, before: string): boolean {
  if (!/^\p{Ll}+$/u.test(word) || !STREET_ENDINGS.includes(word) || /(?:en|et)$/.test(word)) {
    return false;
  }
  // "søndre allé 1", "H.C. Andersens vej 3": a street's first words before it.
  // A capital at a sentence's start says nothing ("Tag sti 4").
  const lead = /([\p{L}.'’]+)\s+$/u.exec(before);
  if (!lead) return true;
  const last = lead[1]!;
  if (STREET_PREFIXES.includes(last.toLowerCase().replace(/\.$/, ''))) return false;
  const sentenceStart = SENTENCE_ENDS_HERE.test(before.slice(0, lead.index));
  return !(/^\p{Lu}/u.test(last) && !sentenceStart);
}

/** A floor with a house's number: "Solsikken 14, 2. tv.", "Skovbrynet 8 st. th.". */
const FLOOR_AFTER_NUMBER = /\d[a-zA-Z]?,?\s{0,2}(?:\d{1,2}\.|st\.?(?![\p{L}])|kld\.?)/u;

/** Words joined by hyphens, letters and digits only: "selo-zok", "port-a-cath", "covid-19". */
const HYPHENATED = /(?<![\p{L}\p{N}-])[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+(?![\p{L}\p{N}])/gu;

/** An abbreviation in capitals with a definite ending after an apostrophe: "KOL'en", "PPR'ens". */
const ACRONYM_DEFINITE = /^\p{Lu}{2,6}['’](?:en|et|ene|erne|ens|ets|enes|ernes)$/u;

function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word) && !isAllCaps(word);
}
function isAllCaps(word: string): boolean {
  return word.length >= 2 && /^[\p{Lu}\p{M}'’-]+$/u.test(word) && /\p{Lu}.*\p{Lu}/u.test(word);
}

/** An everyday word the list also holds as a name, in any of its forms ("sommers"). */
const commonWord = (lower: string) => forms(lower).some((f) => COMMON_WORDS.has(f));

/** The lower-case forms to look a word up by: as written, and without a genitive ending. */
function forms(lower: string): string[] {
  const out = [lower];
  // "iPad'en", "sms'erne": a loanword's Danish ending after an apostrophe.
  const bare = lower.replace(/['’](?:s|en|et|erne|ene|er|e)?$/, '');
  if (bare !== lower) out.push(bare);
  else if (lower.endsWith('s') && lower.length > 3) out.push(lower.slice(0, -1));
  return out;
}

/** Words that start a sentence as often as they name someone. Capitalised there, they stay. */
const FIRST_NAMES_IN_COMMON = new Set(
  'hans bo sol maj lærke rose mark sten frank fred storm ravn ørn ulv skov holm lund dag august kaj kim per ellen ask birk lin lind liv lykke sang svend mose gro tove tone tage sune ida alma ane karl sand dam due munk krog bjerg kok bonde fisker smed høg falk tom rosa bjørn'.split(
    ' ',
  ),
);

class Words {
  constructor(
    private readonly lexicon: Lexicon | undefined,
    private readonly allowed: ReadonlySet<string>,
  ) {}

  allowedWord(lower: string): boolean {
    return forms(lower).some((f) => this.allowed.has(f) || DOMAIN_WORDS.has(f));
  }

  /** A word the list holds as a name and that is not an everyday word as well. */
  name(lower: string, atStart = false): boolean {
    if (!this.lexicon) return false;
    const common = COMMON_WORDS.has(lower) && !(atStart && FIRST_NAMES_IN_COMMON.has(lower));
    // "Borger ringede", "Pt. har ondt": a role or an abbreviation is no one's name.
    if (common || ROLES.has(lower) || ABBREVIATIONS.has(lower)) return false;
    if (TITLES.has(lower) && !TITLES_THAT_ARE_NAMES.has(lower)) return false;
    return forms(lower).some((f) => this.lexicon!.isName(f));
  }

  /** A word the list holds as a name, even an everyday one ("lykke", "sommer"); never «mor». */
  listedName(lower: string): boolean {
    return (
      !!this.lexicon &&
      !SMALL_WORDS.has(lower) &&
      !KINSHIP.has(lower) &&
      !(TITLES.has(lower) && !TITLES_THAT_ARE_NAMES.has(lower)) &&
      !ROLES.has(lower) &&
      forms(lower).some((f) => this.lexicon!.isName(f))
    );
  }

  /**
   * "ALLE", "HELE": an everyday word in capitals for emphasis, which no list holds as a name —
   * four letters or more, for three are as often initials ("KAT", "MIA").
   */
  emphasis(raw: string): boolean {
    const lower = raw.toLowerCase();
    return raw.length >= 4 && this.ordinary(lower) && !this.listedName(lower);
  }

  /** A listed name, small words included only when they are first names too ("hans"). */
  pairedName(lower: string): boolean {
    if (!this.lexicon || (SMALL_WORDS.has(lower) && !FIRST_NAMES_IN_COMMON.has(lower)))
      return false;
    return this.lexicon.isName(lower);
  }

  /**
   * "Regionshospitalet", "Lægehuset": an ordinary word that names a kind of place, by what stands
   * before its ending ("Møllehuset" names one place).
   */
  institution(lower: string): boolean {
    if (!this.lexicon || !this.lexicon.isWord(lower) || this.lexicon.isName(lower)) return false;
    return INSTITUTION_ENDINGS.some((e) => {
      if (!lower.endsWith(e)) return false;
      const stem = lower.slice(0, -e.length).replace(/-$/, '');
      return (
        stem === '' ||
        GENERIC_INSTITUTION_STEMS.has(stem) ||
        // The joining s or e of a compound: "sundheds-", "børne-".
        GENERIC_INSTITUTION_STEMS.has(stem.replace(/[se]$/, ''))
      );
    });
  }

  /** Known as an ordinary Danish word (always true without a word list). */
  ordinary(lower: string): boolean {
    if (!this.lexicon) return true;
    if (COMMON_WORDS.has(lower) || ABBREVIATIONS.has(lower)) return true;
    if (forms(lower).some((f) => NOTE_WORDS.has(f))) return true;
    return forms(lower).some((f) => this.lexicon!.isWord(f));
  }

  /**
   * Whether a word before a number names a street. Any word may ("Slotsbryggen 102", "torvet
   * 3"), except the small words, units and verbs that stand before amounts ("efter 3", "uge 12",
   * "ventede 3"), and a number followed by a unit is an amount ("fik 2 piller").
   */
  street(word: string, then: string, before = '', number = '', floored = false): boolean {
    const lower = word.toLowerCase();
    if (BEFORE_NUMBERS.has(lower) || ABBREVIATIONS.has(lower)) return false;
    const next = /^\s+([\p{L}%]+)/u.exec(then)?.[1]?.toLowerCase();
    if (next && (UNITS.has(next) || next === '%')) return false;
    // "Emil 4-årig", "Emil 3½ år": an age after the number.
    if (AGE_OR_HALF_AFTER.test(then)) return false;
    // "Mødet 12. maj": a day of a month.
    if (DAY_OF_MONTH_AFTER.test(then)) return false;
    if (STREET_ENDINGS.some((e) => lower.endsWith(e))) {
      return !bareStreetWord(word, before) || floored || ADDRESS_CUE.test(before);
    }
    if (/^\s*(?:,?\s*(?:\d{1,2}\.|st\b)|,?\s*[1-9]\d{3}\s)/u.test(then)) return true;
    // "Barthel-indeks 45", "Glasgow Coma Scale 14", "Hamilton-score 24": a scale's score — unless
    // a floor or a postcode after the number says it is an address after all.
    if (MEASURE_HEAD.test(lower) && !floored) return false;
    // "LÆ 265", "EF 35": a form's or a measure's short name in capitals.
    if (isAllCaps(word) && word.length <= 4) return false;
    if (isCapitalised(word) || isAllCaps(word)) {
      if (this.allowedWord(lower)) return false;
      // "Vægte 2", "Delmål 1", "Hjertelyd 140": an everyday word with no street's ending is a
      // street only in a place's definite form ("Havnen 12", "Toldboden 2"), with a floor or
      // «nr.» after the number, where the sentence says it is an address ("bor på Strøget 4"),
      // or as the next in a list of addresses ("Kirkestræde 4 og Skovbrynet 8").
      const listed = /(\p{L}{3,})\s\d{1,4}[a-zA-Z]?\s{0,2}(?:,|og)\s{1,3}$/u.exec(before)?.[1];
      return (
        !this.ordinary(lower) ||
        this.name(lower) ||
        (lower.length >= 5 && /(?:et|en)$/.test(lower)) ||
        floored ||
        ADDRESS_CUE.test(before) ||
        /(?<![\p{L}])(?:adresse[n]?|adr|bor|boede|bopæl|bopælen|flyttet|flytter|bosat)(?![\p{L}])/iu.test(
          before,
        ) ||
        (!!listed &&
          (STREET_ENDINGS.some((e) => listed.toLowerCase().endsWith(e)) ||
            /(?:et|en)$/.test(listed.toLowerCase())))
      );
    }
    // "krog nr. 2 fra venstre", "dam 3": in lower case, a word that is a name and an everyday
    // word is the word, unless the sentence says it is an address (below).
    if (!this.ordinary(lower) || (this.name(lower) && !FIRST_NAMES_IN_COMMON.has(lower))) {
      return true;
    }
    // An ordinary word in lower case: a street where the sentence says it is an address ("bor
    // på torvet 3"), unless it reads as a verb ("ventede", "tager", "fik"); else only a place's
    // definite form ("torvet 3", "havnen 12") — "mellem 4 og 22", "har haft 6 fald" are amounts.
    if (ADDRESS_CUE.test(before)) return !/(?:ede|te|de|er|ar|ik|og)$/.test(lower);
    // Nor a participle before a year or a date ("fjernet 2019", "lukket 24.-26. december").
    if (/^(?:19|20)\d\d$/.test(number) || /^\.(?:\s*[-–]|\s+\p{Ll})/u.test(then)) return false;
    // Nor a participle before what it counts ("fanget 2 sild", "skiftet 2 bleer"): an everyday
    // word in lower case after the number, which is no preposition, conjunction or verb.
    const counted = /^[^\S\n]+(\p{Ll}{2,})/u.exec(then)?.[1];
    if (
      counted &&
      !SMALL_WORDS.has(counted) &&
      !FINITE_VERBS.has(counted) &&
      this.ordinary(counted)
    ) {
      return false;
    }
    return lower.length >= 5 && /(?:et|en)$/.test(lower);
  }

  /**
   * Whether the word after a four-digit number is a town. After a number that could be a year
   * ("i 2024 fik jeg"), only a word that looks like a name is; after any other, every word but the
   * small words and units is ("1000 maribo").
   */
  town(word: string, number: number): boolean {
    const lower = word.toLowerCase();
    if (BEFORE_NUMBERS.has(lower) || COMMON_WORDS.has(lower) || UNITS.has(lower)) return false;
    if (isCapitalised(word) || isAllCaps(word)) return true;
    if (this.name(lower) || !this.ordinary(lower)) return true;
    return !(number >= 1900 && number <= 2099) && !verbLike(lower);
  }
}

/**
 * What says the next word is its writer's or doer's initials: "Sign. ", "ks. ", "skrevet af ",
 * "Notat ved: ", "oplært af ".
 */
const SIGNED_BY =
  /(?:\bsign(?:atur|eret)?\.?\s{0,2}:?|\bks\.\s{0,2}:?|\bks\s{0,2}:|\bdikt(?:eret)?\.?\s{0,2}:|\bdikt\.|\bgodk\.\s{0,2}:?|\binitialer\s{0,2}:?|\b(?:kontra|under)?signeret(?:\s+af)?\s{0,2}:?)\s{0,3}$/iu;
/**
 * Right after an hour or a date that opens a bracket, before the letters: "Tilset kl. 14 JKL",
 * "(12.03.24/LPN)", "[03.04 – MHS]" — who did it then (an abbreviation there is a finding's:
 * "kl. 14 EKG").
 */
const AT_AN_HOUR =
  /(?:\b(?:kl\.?|klokken)[^\S\n]{0,2}\d{1,2}(?:[.:]\d{2})?[^\S\n]{1,3}|[([][^\S\n]{0,2}\d{1,2}[./]\d{1,2}(?:[./]\d{2,4})?(?:[^\S\n]{0,2}[/–-][^\S\n]{0,2}|[^\S\n]{1,2})|(?:^|\n)[^\S\n]*\[[^\]\n]{0,20}\d{1,2}[.:]\d{2}\][^\S\n]{1,2})$/iu;

/**
 * Who wrote the note, said outright ("Notat v. HR", "skrevet af TR", "journalført ved: MED"): the
 * letters are the writer's initials, whatever they abbreviate elsewhere (a meeting is held with a
 * role: "Møde v. TR og HR").
 */
const WRITTEN_BY =
  /\b(?:(?:skrevet|dikteret|noteret|journalført|dokumenteret)\s+af|(?:notat|skrevet|noteret|dokumenteret|journalført)\s+(?:v\.|ved))\s{0,2}:?\s{0,3}$/iu;
/**
 * What says the next word is who did or wrote it — unless it is a role's or a unit's short name:
 * "udført af KM", "hjulpet af AB", "under supervision af KM", "instrueret af KM", "ledsaget af KM"
 * (not what is taught or guided: «undervist af UCL», «vejledning af UU» are schools and offices).
 */
const DONE_BY =
  /(?:\b(?:skrevet|dikteret|noteret|journalført|dokumenteret|udført|udarbejdet|kontrolleret|oplært|godkendt|vurderet|tilset|underskrevet|modtaget|visiteret|behandlet|kvitteret|udleveret|afleveret|registreret|ordineret|bestilt|oprettet|attesteret|gennemgået|revideret|instrueret|ledsaget|superviseret|supervision|instruktion|oplæring|ledsagelse)\s+af\s{0,2}:?|\b(?:skiftet|givet|hjulpet|vasket|badet|lagt|målt|taget|hentet|fulgt|kørt|besøgt|klippet|smurt|doseret|dispenseret|påført|anlagt|fjernet|renset|barberet|vejet|støttet|mobiliseret|forflyttet|vendt|lejret|ringet\s+op|set)\s+af\s|\bbesøg\s+af\s|\b(?:mvh|kh|venlig\s+hilsen|hilsen)\.?\s{0,2}[,:]?|\b(?:notat|skrevet|noteret|dokumenteret|journalført)\s+ved\s{0,2}:?|\b(?:notat|aftale|aftalt|samtale|møde|opkald|besøg|hjemmebesøg|telefonsamtale|opfølgning|statusmøde|netværksmøde|visitation|vurdering|udredning|sygeplejebesøg)\s+(?:v\.|ved)\s{0,2}:?|\b(?:videresendt|overdraget|sendt\s+videre)\s+til\s{0,2}:?|\b(?:med)?ansvarlig(?:e)?\s{0,2}:|\bansv\.\s{0,2}:?|\bini\.?\s{0,2}:?|\binit\.?\s{0,2}:|\btovholder\s{0,2}:|\breferent(?:en)?\s{0,2}:|\bgodkendt\s{0,2}:)\s{0,3}$/iu;
/** The end of a note or a line right after a signature (a stop or a bracket may close it). */
const SIGNATURE_END = /[^\S\n]{0,3}(?:[.)][^\S\n]{0,3})?(?:$|\n)/y;
const NOTE_END = /[.)]?\s*$/y;
/** Before a word for someone, what makes a quote after it no name: "til sønnen", "svarede kæresten". */
const NOT_THEIR_NAME_BEFORE =
  /^(?:til|med|fra|hos|på|for|ad|om|af|mod|ved|uden|ifølge|iflg|svarede|sagde|råbte|spurgte|skreg|kaldte|hviskede|sang|læste|så|bad|lærte)$/u;
/** One capitalised word alone in quotes: "Tykke", «Bamse». */
const QUOTED_WORD = /(["“„«'‘])(\p{L}[\p{L}-]{1,20})(?=["”“»'’](?![\p{L}]))/gu;
/** Abbreviations written with a stop after each letter: "u.a." (no remarks), "P.S.", "f.m.". */
const DOTTED_ABBREVIATIONS = new Set('ua ps pt nb mm mv ol el dvs osv bl ca'.split(' '));
/** More of them, written small only ("d.d.", "o.k.", "t.o.m."; "A.M." in capitals is someone). */
const DOTTED_ABBREVIATIONS_SMALL = new Set(
  'dd ok am pm tom fom hhv su ie eg ia sa fm em mm ft fx'.split(' '),
);
/** Short forms before «.nr.» that a list holds as names too: "Pers.nr.", "Lok.nr.". */
const NUMBER_SHORT_FORMS = new Set(['pers', 'lok', 'medl', 'medarb', 'kunde', 'sags', 'tlf']);
/**
 * Capitals and then a role in brackets, joined by a slash or a comma, as one signs: "(SRJ/psyk)",
 * "(AB/spl.)", "[SRJ/psyk]", "(SRJ, psyk)" — not the other way round, where a test's or a score's short name follows the one who took it
 * ("(fys/TUG)", "(ergo/AMPS)", "(psyk/BPRS)").
 */
const INITIALS_WITH_ROLE =
  /[([][^\S\n]?(\p{Lu}{2,3})(?:[^\S\n]?\/[^\S\n]?|,[^\S\n]?)(\p{L}{2,14}\.?)[^\S\n]?[)\]]/gu;
/** A family's or a couple's word joined after a surname: "-familien", "-familiens", "-parret". */
const FAMILY_AFTER =
  /^[-–](familie(?:n|ns|r|rne|rnes)?|parret|parrets|klanen|klanens|slægten|slægtens)(?![\p{L}\p{N}])/iu;
/** Kinds of family written with a hyphen: "Bonus-familien", "Netværks-familien". */
const FAMILY_KINDS = /^(?:bonus|netværk|kerne|stor|pleje|vært|aflastning|adoptiv|foster|ny|hele)$/u;
/** Short forms of a title that end a sentence as often as they stand before a name. */
const SENTENCE_ENDING_TITLES = new Set(['fys', 'ergo', 'psyk']);
/** Two to four capitals, each with its stop: "K.B.H.", "A.M." (not "a.m." or "f.eks."). */
const DOTTED_INITIALS = /(?<![\p{L}\p{N}.])(?:\p{Lu}\.[^\S\n]?){1,3}\p{Lu}\.?(?![\p{L}\p{N}])/gu;
/**
 * The same written small, with no space between ("k.j", "m.h."; in "a. b. i går" «i» is a word):
 * who signed or did it only after a cue that says so.
 */
const DOTTED_INITIALS_SMALL = /(?<![\p{L}\p{N}.])(?:\p{Ll}\.){1,3}\p{Ll}\.?(?![\p{L}\p{N}])/gu;
/**
 * A signature's word without «af» after it: "kvittering underskrevet k.j", "kvitteret K.J.",
 * "signeret: m.h.".
 */
const SIGNED_BARE =
  /(?<![\p{L}])(?:underskrevet|underskr\.|kvitteret|signeret|kontrasigneret|attesteret)[^\S\n]{0,2}:?[^\S\n]{0,3}$/iu;
/** What a dash at a note's end says more often than who wrote it: "-ud", "-op", "-fin". */
const DASHED_WORDS =
  /^(?:ud|op|ind|ned|af|på|til|ok|ja|nej|fin|god|tør|våd|høj|lav|alt|ny|let|tom|fuld|væk|nu|mæt|sur|glad|ro|fri)$/u;
/** A side's short form: "(HØ/VE)", "th/tv". */
const SIDES = /^(?:hø|ve|th|tv|mf|sin|dx)$/u;
/**
 * Two to four 2–3-letter initials joined by «/», «&», «+», a comma or «og» ("ML & KH", "ks/nb",
 * "AMJ / PE", "ML, KH og PO", "ML/KH/PO").
 */
const INITIALS_LIST =
  /(?<![\p{L}\p{N}/&+.])\p{L}{2,3}(?:(?:[^\S\n]?[/&+][^\S\n]?|,[^\S\n]?|[^\S\n]og[^\S\n])\p{L}{2,3}){1,3}(?![\p{L}\p{N}/&+]|\.\p{L})/gu;
/**
 * Who was on duty, before their initials: "På vagt: ML & KH", "Nattevagt: ML/KH", "Aftenvagt ML",
 * "nattevagt/AMJ" (a shift's word alone heads them too: SHIFT_LABEL).
 */
const ON_DUTY =
  /(?:\bpå\s+vagt|\bvagthavende|\b(?:nat|natte|dag|aften|weekend)vagt(?:en)?)\s{0,2}[:/]?\s{0,3}\(?$/iu;
/**
 * A shift's word heading its initials in a rota: «dag EBS, aften KAM, nat LOP» (with no colon:
 * the letters are who worked it).
 */
const SHIFT_IN_LIST =
  /(?:^|[\n,;:|]|\s{2}|\bog)\s*(?:nat|dag|aften|morgen|formiddag|eftermiddag|weekend)[^\S\n]{1,3}$/iu;
/**
 * A shift's word as a label: «NAT: LKR», «Morgen: EBS» — like an hour, what follows may be what
 * happened then («Nat: SOV GODT», «Dag: TSH bestilt»).
 */
const SHIFT_LABEL =
  /(?:^|[\n,;:|.!?]|\s{2})\s*(?:nat|natten|dag|aften|morgen|formiddag|eftermiddag|weekend)\s{0,2}:\s{0,3}$/iu;
/** A role's label before its holder: «Sygepl: CBM», «Spl.: AH», «Sagsbeh.: KL». */
const ROLE_LABEL =
  /(?:^|[\s(/|,;])(?:spl|sygepl|sygeplejerske|sagsbeh|sagsbehandler|ssa|ssh|sosu|fys|ergo|pæd|psyk|kontaktperson|koordinator|visitator|terapeut)\.?\s{0,2}:\s{0,3}$/iu;
/** Who checked it, said outright: "Insulin tjekket af ML/KH", "kontrolleret af: AMJ/pe". */
const CHECKED_BY = /\b(?:dobbelt\s?)?(?:kontrolleret|tjekket|checket)\s+af\s{0,2}:?\s{0,3}\(?$/iu;
/**
 * A double check's pair, right after its word: "Dobbeltkontrol: ML + KH", "dobbelttjek (AB &
 * CD)" — capitals joined by «+», «&» or «og» are two people, whatever they abbreviate.
 */
const DOUBLE_CHECK =
  /\bdobbelt\s?(?:kontrol|tjek|check)(?:leret|eret|ket|et)?(?:\s+af(?:\s+\p{L}+){1,2})?\s{0,2}[:\-–]?\s{0,3}\(?$/iu;
/** Who checked it, before initials: "dobbeltkontrol (AMJ/pe)", "Dobbelttjek af insulin: ML/KH". */
const PAIR_CUE =
  /(?:\bdobbelt\s?(?:kontrol|tjek|check)(?:leret|ket|et)?(?:\s+af)?(?:\s+[\p{L}]+){0,2}|\b(?:kontrolleret|tjekket|checket)\s+af|\bvagt)\s{0,2}:?\s{0,3}\(?$/iu;
/** A role or a shift between a slash and its writer's initials: "/spl. KHJ", "/ /nat CA". */
const SIGNING_ROLE =
  /^(?:spl|ssa|ssh|sosu|psyk|læge|fys|ergo|pæd|nat|dag|aften|vagt|nattevagt|dagvagt|aftenvagt|vikar|elev|stud)$/;

/**
 * Whether the letters at start–end are the initials a note is signed with: after a cue
 * (`SIGNED_BY`), or at the note's or a line's end after a slash or a dash that follows a sentence
 * ("… dage. /spl. KHJ", "søvn. / -AB", "/ /nat CA"), not joined to a word by the dash.
 */
function signedBy(
  text: string,
  start: number,
  end: number,
): 'cue' | 'written' | 'done' | 'hour' | 'slash' | false {
  if (/^[-‐]/.test(text.slice(end, end + 1))) return false; // "MR-afdelingen"
  // An answer or a role signs nothing: «Godkendt: JA», «Ks.: OK», «Dikt.: SPL».
  const word = text.slice(start, end).toLowerCase();
  if (ANSWER_WORDS.test(word) || SIGNING_ROLE.test(word) || ROLES.has(word) || KINSHIP.has(word)) {
    return false;
  }
  // A window of the text before it; a mark where the window is cut, so «^» is the text's start.
  const before = (start > 40 ? '\u0000' : '') + text.slice(Math.max(0, start - 40), start);
  if (SIGNED_BY.test(before)) return 'cue';
  if (WRITTEN_BY.test(before)) return 'written';
  // Done by someone («dispenseret af KH»): capitals after «af» that elsewhere are a short form
  // written small («kh.», «kl.») are who did it («Vurderet af OUH», «Hjulpet af PPR» stay).
  if (
    (DONE_BY.test(before) || CHECKED_BY.test(before)) &&
    /(?<![\p{L}])af\s{0,2}:?\s{0,3}$/u.test(before) &&
    isAllCaps(text.slice(start, end)) &&
    ABBREVIATIONS_WRITTEN_SMALL.has(word)
  ) {
    return 'cue';
  }
  if (
    DONE_BY.test(before) ||
    CHECKED_BY.test(before) ||
    ON_DUTY.test(before) ||
    SHIFT_IN_LIST.test(before)
  ) {
    return 'done';
  }
  if (ROLE_LABEL.test(before)) return 'done';
  if (AT_AN_HOUR.test(before) || SHIFT_LABEL.test(before)) return 'hour';
  // "… i seng kl. 21 -ak", "kl. 21 - ak", "natten, -ak", "kl. 21-ak": a dash touching two or
  // three letters where the note ends (a stop, an exclamation or the hour after them) is its
  // writer's mark even with no stop before it — not "Kateter -ud", "Vægt 74 kg -op", "kl. 20
  // -OK" (a word or an answer), nor "2-3" (no letters).
  const letters = text.slice(start, end).toLowerCase();
  if (
    (/[\p{L}\p{N},.][^\S\n]+[-–—]$/u.test(before) ||
      /\p{N}[-–—]$/u.test(before) ||
      // ("Mave - øm": with a space after the dash, a word is what the line says.)
      (/[\p{L}\p{N},.][^\S\n]+[-–—][^\S\n]$/u.test(before) &&
        !/^\p{Ll}+$/u.test(text.slice(start, end)))) &&
    end - start <= 3 &&
    !ABBREVIATIONS.has(letters) &&
    !ANSWER_WORDS.test(letters) &&
    !DASHED_WORDS.test(letters) &&
    /^(?:[.!)]|[^\S\n]\d{1,2}[.:]\d{2})?\s*$/.test(text.slice(end))
  ) {
    return 'slash';
  }
  SIGNATURE_END.lastIndex = end;
  if (!SIGNATURE_END.test(text)) return false;
  // Lower-case initials touching a slash after a word, where a note without its full stop is
  // signed: "… sagt noget /hk" (not "vægt / BMI", "kaffe / te": a list's slash has spaces).
  if (/\p{Ll}[^\S\n]+\/$/u.test(before) && /^\p{Ll}+$/u.test(text.slice(start, end))) {
    return 'slash';
  }
  // After a slash at a sentence's end or a line's start ("gulv. /AH", "\n/KH", "/ /nat CA"), or
  // a dash after a sentence's end on the same line ("søvn. -AB", "/ -AB", "sendt. — KHJ"); never
  // a list's dash at a line's start ("Plan:\n- EKG").
  const m =
    /(?:^|[.!?][^\S\n]*|\n\s*)(?:\/\s*){1,2}(?:[-–—]\s?)?(?:(\p{L}{2,10})\.?\s+)?$|[.!?][^\S\n]*[-–—][^\S\n]?$|[.!?][^\S\n]*\n\s*([-–—])[^\S\n]?$/u.exec(
      before,
    );
  if (!m) return false;
  // A dash at a line's start after a sentence ("… søvn.\n-AB") only at the note's very end.
  if (m[2] !== undefined) {
    NOTE_END.lastIndex = end;
    return NOTE_END.test(text) ? 'slash' : false;
  }
  return m[1] === undefined || SIGNING_ROLE.test(m[1].toLowerCase()) ? 'slash' : false;
}

/** What a name hyphenated before it names: "Hamilton-score", "Lund-Browder-skema". */
const EPONYM_HYPHEN_HEAD =
  /^(?:skema(?:et)?|indeks(?:et)?|index|skala(?:en)?|score(?:n)?|test(?:en)?|syndrom(?:et)?|sygdom(?:men)?|operation(?:en)?|metode(?:n)?|manøvre(?:n)?|klassifikation(?:en)?|kriterier(?:ne)?|tegn(?:et)?|refleks(?:en)?|kurve(?:n)?|formel|formlen|stadie(?:r)?)$/;
/** A scale, an index or a score, whose number is a measure, never a house's (street()). */
const MEASURE_HEAD =
  /(?:^|-)(?:\p{L}*(?:indeks|index|skala|scale|score|scoren|skår|skåret)|stadie|stadium|grad|kategori|niveau)$/u;

/** A medicine's ATC code ("N05AH03", "A10BA02") or a diagnosis's SKS code ("DJ44", "DF321"). */
const ATC_OR_SKS_CODE = /^(?:[A-V]\d\d[A-Z]{2}\d\d|D[A-Z]\d{2,3}[A-Z]?)$/;

/** What a disease, a sign, a scale or a test named after someone is: "Bells parese". */
const EPONYM_HEADS =
  /^(?:sygdom(?:men)?|syndrom(?:et)?|parese[nr]?|cyste[nr]?|fraktur(?:en)?|tegn(?:et)?|test(?:en)?|skala(?:en)?|score(?:n)?|demens|lymfom(?:et)?|sarkom(?:et)?|manøvre(?:n)?|reflekse?r?|ulcus|chorea|psykose(?:n)?)$/;

/** Labels that name a service as well as the person who gives it ("Bostøtte:", "Ergo:"). */
const SERVICE_LABELS = new Set(['bostøtte', 'bostøtten', 'ergo', 'fys', 'sosu', 'mentor']);

/** What a service does, by its ending: "Gennemgang", "Planlægning", "Opfølgning", "Samtale". */
const ACTIVITY_ENDINGS = /(?:ing|else|gang|tion|sion|møde|samtale|besøg|hjælp|plan|kontakt)$/;

/** A ward's, a team's or a district's quarter: "afdeling Syd", "team Nord". */
const COMPASS = new Set(['nord', 'syd', 'øst', 'vest', 'midt']);
const COMPASS_PLACES = new Set([
  'afd',
  'afdeling',
  'afsnit',
  'team',
  'gruppe',
  'område',
  'distrikt',
  'fløj',
  'gang',
  'hus',
  'region',
  'jobcenter',
  'hjemmepleje',
  'hjemmeplejen',
]);

/** Places named by a letter ("afd. B", "venteværelse C", "opgang A"): the letter is no initial. */
const LETTERED_PLACES = new Set([
  'afd',
  'afdeling',
  'afsnit',
  'team',
  'gang',
  'fløj',
  'stue',
  'venteværelse',
  'opgang',
  'indgang',
  'trappe',
  'bygning',
  'blok',
  'modul',
  'lokale',
  'hus',
  'etage',
  'sal',
  'port',
]);

/** What says the words after it are an address: "bor på", "adresse:", "flyttet til". */
const ADDRESS_CUE =
  /(?:\b(?:bor|boede|bosat|bo|flytte[rt]?|flyttede|fraflyttet|tilflyttet|hjemme|opvokset)\s+(?:på|i|ved|til|nede på|ude på|oppe på)|\b(?:adresse[n]?|adr|bopæl(?:en)?|postadresse)\s*[.:]?)\s*$/iu;

/** A dose right after a word: an amount and its unit ("125 mg", "0,5 ml", "2 x 10 mg"). */
const DOSE_AFTER =
  /^[^\S\n]+\d+(?:[.,]\d+)?(?:\s*(?:x|×)\s*\d+(?:[.,]\d+)?)?\s*(?:mg|g|mcg|µg|ug|ml|ie|iu|enheder|mmol|%)(?![\p{L}])/iu;

/** What stands before a nickname: the word after it (or the quoted words) is the name. */
const NICKNAME_CUE =
  /(?:kaldenavn|øgenavn|kælenavn|kaldes(?:\s+for)?|kaldet|kaldt|kald(?:er|te)\s+(?:ham|hende|sig|dem|barnet|drengen|pigen|datteren|sønnen|barnebarnet)(?:\s+selv)?(?:\s+(?:bare|altid|for))*|spørg(?:e)?\s+(?:bare\s+)?efter)\s{0,3}[:]?\s{0,3}["'“”„«»‘’]?\s{0,3}(?:(?:lille|store|gamle|unge|søde|tykke|lange|skøre|glade)[\s-]{1,3})?$/iu;
/**
 * A cue that leaves no doubt: after «vi kaldte hende» or «kaldenavn:» any word is the name, an
 * everyday word too ("vi kaldte hende mus", "jeg kalder ham bare sol"); after «kalder pigen» it
 * may be an endearment ("kalder pigen skat"), so only NICKNAME_CUE's names.
 */
const NICKNAME_SURE_CUE =
  /(?:(?:kaldenavn|øgenavn|kælenavn)(?:et)?\s{0,3}(?::|\s(?:er|var))|kald(?:er|te|t)\s+(?:(?:vi|de|jeg|han|hun|man|alle)\s+)?(?:ham|hende|mig|sig(?:\s+selv)?)(?:\s+(?:bare|altid|for|tit|ofte|stadig|også|jo|nu|kun|altså|vist))*)\s{0,3}[:]?\s{0,3}["'“”„«»‘’]?\s{0,3}(?:(?:lille|store|gamle|unge|søde|tykke|lange|skøre|glade)[\s-]{1,3})?$/iu;
/** Words after such a cue that go on with the sentence: "kalder ham tilbage", "Kælenavn: ingen". */
const NOT_A_NICKNAME = new Set(
  'tilbage hen straks frem over videre væk hele alt alle ind op ud ned hjem ikke aldrig altid noget ingen intet nej ja ukendt se ovenfor nedenfor ved igen senere nu først og men'.split(
    ' ',
  ),
);
/** An age beside a word: "Storm (7 år)", "Wiktoria (15)", "Lis, 81 år", "lille sol på 2". */
const AGE_AFTER =
  /^(?:[^\S\n]{0,2}\([^\S\n]{0,2}\d{1,3}½?(?:[^\S\n]{0,2}(?:år|mdr\.?|måneder))?[^\S\n]{0,2}\)|,[^\S\n]{0,2}\d{1,3}½?[^\S\n]{1,2}år(?![\p{L}])|[^\S\n]{1,2}på[^\S\n]{1,2}\d{1,2}(?:[^\S\n]{1,2}år)?(?=[^\S\n]{0,2}(?:[,.;:)!?]|og(?![\p{L}])|$)))/u;
/** An age with its unit in brackets: "(7 år)", "(3 mdr.)" — not a bare "(7)", a score. */
const AGE_IN_BRACKETS =
  /^[^\S\n]{0,2}\([^\S\n]{0,2}\d{1,3}½?[^\S\n]{0,2}(?:år|mdr\.?|måneder)[^\S\n]{0,2}\)/u;
/** Words before an everyday word that make it a thing, not a name: "mit liv", "hver dag". */
const THING_BEFORE =
  /^(?:mit|min|mine|sit|sin|dit|din|hans|hendes|en|et|den|det|i|hver|hele|sidste|næste|om|til|på|af|for|med|fra|denne|dette)$/;
/** Words that begin a clause: after «på», «fra» … they say no place follows ("sikker på at …"). */
const CLAUSE_WORDS = new Set(['at', 'om', 'hvis', 'når', 'som', 'fordi', 'da', 'så', 'men', 'og']);
/**
 * Short names of measures, which initials can spell: after «aftalt med» they are a person ("aftalt
 * med HB"), unless a value follows ("aftalt med HB: 7,1").
 */
const MEASURE_NAMES = new Set(['hb', 'bt', 'crp', 'inr', 'sat', 'gfr', 'ldl', 'bmi', 'vas', 'nrs']);
/**
 * A bracket after a word that says the word is a nickname or an animal's name: "kiks (hunden)",
 * "Fister (hans kælenavn fra havnen)", "Mulle (vores kat)" — the animal alone in the bracket
 * ("ensom (hendes hund døde)" is no name).
 */
const NAMED_IN_BRACKETS =
  /^[^\S\n]{0,2}\([^\S\n]{0,2}(?:(?:hans|hendes|min|mit|vores|deres|sin|sit|jeres|din)[^\S\n]{1,2})?(?:(?:hund(?:en)?|kat(?:ten)?|hvalp(?:en)?)[^\S\n]{0,2}\)|(?:kælenavn|øgenavn|kaldenavn)(?:et)?(?![\p{L}]))/iu;
/** A role in brackets after a word: "Kiks (vikar)", "SBR (sagsbehandler)". */
const ROLE_IN_BRACKETS = /^[^\S\n]{0,2}\([^\S\n]{0,2}([\p{L}-]{2,30})[^\S\n]{0,2}\)/u;
/** Shops and chains found in every town: named beside a town, they say where someone works. */
const CHAIN_STORES = new Set([
  'netto',
  'føtex',
  'bilka',
  'rema',
  'lidl',
  'aldi',
  'irma',
  'kvickly',
  'superbrugsen',
  'brugsen',
  'meny',
  'spar',
  'løvbjerg',
  'coop',
  'salling',
  'matas',
  'normal',
  'jysk',
  'bauhaus',
  'silvan',
  'ikea',
  'elgiganten',
  'power',
  'imerco',
  'fakta',
  'lagkagehuset',
]);

/** What a person does, beside HUMAN_VERBS: said of initials, they are someone's. */
const PERSON_DOINGS = new Set([
  'talt',
  'talte',
  'snakket',
  'snakkede',
  'deltog',
  'deltager',
  'deltaget',
  'mødte',
  'mødt',
  'glemte',
  'glemt',
  'aflyste',
  'aflyst',
  'kom',
  'kommer',
  'ønsker',
  'ønskede',
  'fik',
  'havde',
]);
const BRACKET_ROLES = new Set([
  'vikar',
  'afløser',
  'praktikant',
  'elev',
  'studerende',
  'frivillig',
]);

/** A house's number said in words, with its letter, floor and side: "fjorten stuen til venstre". */
const SAID_HOUSE = new RegExp(
  `^[^\\S\\n]{1,3}(?:${NUMBER_WORD})(?:[^\\S\\n]{1,3}[a-zA-Z](?![\\p{L}]))?(?:[^\\S\\n]{1,3}(?:stuen|st\\.?|kælderen|(?:første|anden|tredje|fjerde|femte|sjette|syvende|ottende|niende|tiende)(?:[^\\S\\n]{1,3}sal)?|(?:${ONE_DIGIT}|${TWO_DIGITS})[^\\S\\n]{1,3}sal))?(?:[^\\S\\n]{1,3}(?:til[^\\S\\n]{1,3}(?:venstre|højre)|tv\\.?|th\\.?|mf\\.?))?(?![\\p{L}])`,
  'iu',
);
/** Who someone is, said beside the name: " - det er min nabo", " (hans søster)". */
const SAID_TO_BE =
  /^\s{0,2}[-–—(,]\s{0,2}(?:det\s+er\s+|er\s+|som\s+er\s+)?(?:min|mit|hans|hendes|vores|deres|borgerens|borgers|patientens)\s+(?:(?:gode|gamle|bedste|nye|eneste|yngste|ældste|lille|store)\s+)?(?:nabo|ven|veninde|søster|bror|datter|søn|mor|far|mand|kone|kæreste|ekskæreste|svigersøn|svigerdatter|svigermor|svigerfar|svoger|svigerinde|barnebarn|nevø|niece|fætter|kusine|onkel|tante|mormor|morfar|farmor|farfar|lillebror|storebror|lillesøster|storesøster|halvbror|halvsøster|stedsøn|steddatter|plejefar|plejemor|partner|kammerat|kollega|genbo|samlever|værge|bisidder|kontaktperson|eks(?:kone|mand)?|stedfar|stedmor)(?![\p{L}])/iu;
/** Who someone is, said right after the name without a comma: " min søn", " altså min fysioterapeut". */
const KIN_WORDS =
  'nabo|ven|veninde|søster|bror|datter|søn|dreng|pige|mor|far|mand|kone|kæreste|ekskæreste|svigersøn|svigerdatter|svigermor|svigerfar|barnebarn|nevø|niece|fætter|kusine|onkel|tante|mormor|morfar|farmor|farfar|lillebror|storebror|lillesøster|storesøster|halvbror|halvsøster|partner|kammerat|kollega|samlever|kontaktperson|støttekontaktperson|bisidder|værge|sagsbehandler|fysioterapeut|psykolog|hjemmehjælper|mentor';
/** One of KIN_WORDS, whole. */
const KIN_WORD = new RegExp(`^(?:${KIN_WORDS})$`, 'u');
/** Travelling from or to a place: "kører fra …", "pendler til …". */
const TRAVEL_FROM_TO =
  /(?:kører|kørte|kørt|rejser|rejste|pendler|pendlede|cykler|cyklede|tager\s+bussen|tog\s+bussen|tog\s+toget|tager\s+toget)(?:\s+(?:selv|hver\s+dag|dagligt))?\s+(?:fra|til)\s+$/iu;
/** Where people are, in a note without its verbs: "Kaj på besøg", "Rose i telefonen". */
const PRESENT_WORDS = new Set(
  'besøg telefonen tlf telefon mødet møde netværksmødet stede tilstede hos hjemme borgeren borgerens samtalen samtale'.split(
    ' ',
  ),
);
/** Adverbs a note puts right after its subject when it leaves the verb out. */
const STILL_AGAIN = new Set(
  'åbenbart altid aldrig ikke stadig også igen desværre heldigvis endnu allerede fortsat muligvis formentlig vist netop selv'.split(
    ' ',
  ),
);
/** First names that are the weather's, the time's or a thing's word as often. */
const WEATHER_OR_THINGS = new Set(
  'sol storm dag liv maj august sang sand mose dam skov sten fred mark lind lin krog bjerg holm lund'.split(
    ' ',
  ),
);
/** A relative, a friend or a pet in any form: "broren", "konen", "børnene", "hunden". */
const PERSON_NOUN = new RegExp(
  `^(?:${KIN_WORDS}|brødre|søstre|døtre|sønner|hustru|kone|barn|børn|familie|hund|kat|hest)(?:e|en|n|nen|ne|ene|erne|et|s|ens)?$`,
  'u',
);
const KIN_AFTER = new RegExp(
  `^[^\\S\\n]{1,2}(?:altså[^\\S\\n]{1,2})?(?:min|mit|vores|hans|hendes)[^\\S\\n]{1,2}(?:${KIN_WORDS})(?![\\p{L}])`,
  'iu',
);
/** Who someone is, said right before the name: "min dreng ", "hendes søn ". */
const KIN_BEFORE = new RegExp(
  `(?<![\\p{L}])(?:min|mit|vores|hans|hendes)[^\\S\\n]{1,2}(?:${KIN_WORDS})[^\\S\\n]{1,2}$`,
  'iu',
);
/** A greeting at a text's or a line's start, the name it is to right after it ("hej sten og lis"). */
const GREETING_START =
  /(?:^|\n)[^\S\n]*(?:hej|hejsa|hey|hi|hallo|halløj|kære|goddag|godmorgen|god[^\S\n]+morgen)[,!]?[^\S\n]{1,3}$/iu;

/** A lone capital and its dot before a comma or «og» in a list ("A., B., MK og Louise"). */
const LONE_INITIAL_IN_LIST =
  /(?<![\p{L}\p{N}.])\p{Lu}\.(?=\s{0,3}(?:,\s{0,3}|\s{1,3}og\s{1,3}|$|[.!?\n]))/gu;
/** A word, a house number and a floor with its side: "ruten 23 3 th", "Toften 3, 2. tv". */
const HOUSE_WITH_SIDE = new RegExp(
  `${NOT_WORD_PART_BEFORE}([${LETTER}]{3,30})[^\\S\\n]{1,2}\\d{1,3}[a-zA-Z]?,?[^\\S\\n]{1,2}(?:\\d{1,2}\\.?[^\\S\\n]{0,2}(?:sal\\.?[^\\S\\n]{0,2})?|st\\.?[^\\S\\n]{0,2})(?:th|tv|mf)\\.?${NOT_LETTER_AFTER}`,
  'giu',
);
/** The list of who was there: "Til stede: …", "Deltagere: …". */
const PRESENT_LIST = /(?:til\s+stede|deltagere|deltog|fremmødte|tilstede)\s{0,2}:[^.!?:]*$/iu;
/** The cue of a list of who was there or who is responsible: "Ansvarlige:", "Til stede:". */
const WHO_LIST =
  /(?<![\p{L}])(?:til\s+stede|deltagere|deltog|fremmødte|tilstede|(?:med)?ansvarlige?|kontaktpersoner|tovholdere?)\s{0,2}:/giu;
/** A lone capital and its dot before a birth date: "Barnet, N., f. 03.11.2017". */
const INITIAL_BEFORE_BIRTH =
  /(?<![\p{L}\p{N}.])\p{Lu}\.(?=,?[^\S\n]{0,3}(?:f\.|født)[^\S\n]{0,3}\d)/gu;
/** A capitalised word right before a birth date: "Ida født 12.05.2023", "Noah, f. 3.4.2019". */
const NAME_BEFORE_BIRTH =
  /(?<![\p{L}\p{N}])\p{Lu}\p{Ll}+(?=(?:,[^\S\n]{0,3}|[^\S\n]{1,3})(?:f\.|født)[^\S\n]{0,3}\d)/gu;
/** Two capitalised words joined by a slash: "Gitte/Mus" in a roster. */
const SLASH_PAIR = /(?<![\p{L}\p{N}/])(\p{Lu}\p{Ll}+)\/(\p{Lu}\p{Ll}+)(?![\p{L}\p{N}/])/gu;
/** A lone capital signing a message after its last sign: `"hvor er du?? A"`. */
const SIGNING_LETTER =
  /(?:[?!]|\.\.|…)[^\S\n]{1,3}\p{Lu}(?=[^\S\n]{0,2}["”»]?[^\S\n]{0,2}(?:$|\n))/gu;
/** The Danish letters as they are spelled without them: «ø» as «o» or «oe». */
const SPELLED_PLAIN: Record<string, string[]> = {
  æ: ['ae', 'e', 'ä'],
  ø: ['oe', 'o', 'ö'],
  å: ['aa', 'a'],
};
/** A name spelt letter by letter after the word for spelling it: "staves K-O-W-A-L-S-K-I". */
const SPELT_NAME =
  /(?<![\p{L}])(?:stave[dst]?|staver|stavede|stavet|stavning(?:en)?|bogstaver(?:es|et|ede)?)(?:\s{1,3}(?:som|det|navnet|er|med|hun|han|de|:)){0,3}\s{0,3}:?\s{1,3}((?:\p{L}(?:[\s.-]|,\s){1,2}){3,}\p{L})(?![\p{L}])/giu;
/** What comes before the name of who writes a message: "hej", "det er", "hej det er". */
const GREETING = String.raw`(?:hej|hejsa|hey|hi|hallo|halløj|davs|goddag|god\s*morgen|god\s*aften)(?:\s+igen)?[,!]?\s{1,3}(?:(?:det|her)\s+er\s+)?`;
const SAYS_WHO_WRITES = new RegExp(
  String.raw`(?:^|[.!?\n"“„«]\s{0,3}|\s[-–—]\s{0,3})(?:${GREETING}|(?:det|her)\s+er\s+)$`,
  'iu',
);
/** A greeting before it, not only «det er»: "hej sten her" (but "Det er ro her i nat"). */
const GREETED = new RegExp(`(?<![\\p{L}])${GREETING}$`, 'iu');

/** Verbs that take the person they were with after «med», «til» or «hos» ("talte med sten"). */
const WITH_VERBS =
  /^(?:tal(?:e|er|te|t)|snak(?:ke|ker|kede|ket)|aftal(?:e|er|te|t)|mød(?:es|tes)|drøft(?:e|er|ede|et)|ring(?:e|er|ede|et)|skr(?:ive|iver|ev|evet)|sms(?:e|er|ede)|s(?:agde|iger|ige)|sv(?:arede|arer|are)|fortal(?:te|t)|fortæller|spurg(?:te|t)|spørger)$/;
/**
 * A meeting or a talk, which is held with someone after «med» or «m.» ("samtale m. ML og TBH",
 * "statusmøde med AKH", "telefonsamtalen med LMS").
 */
const MEETING_NOUNS = /^\p{Ll}*(?:samtale|møde)(?:n|t|r|rne)?$/u;
/** Whose a place is, in the genitive, when it is no name: "Kommunens Plejecenter". */
const GENERIC_OWNERS = /^(?:kommunens|regionens|statens|byens|kirkens|sognets|landets|folkets)$/;
/**
 * Where someone lives, grew up, was born or moved to, right before a place: "bor i", "flyttet til".
 * Narrower than PLACE_AFTER on purpose: it lets an everyday word be a village, so not «kommer fra»
 * («kommer fra job», «kommer fra fest»).
 */
const LIVES_OR_MOVED =
  /(?:^|[^\p{L}])(?:(?:bor|boede|boet|bo|bosat|opvokset|vokset[^\S\n]+op|voksede[^\S\n]+op)(?:[^\S\n]+(?:nu|stadig|også|fortsat|alene|selv|ude|oppe|nede|ovre|henne)){0,2}[^\S\n]+(?:i|på)|(?:flyttet|flyttede|flytter|flytte|fraflyttet|tilflyttet)(?:[^\S\n]+(?:nu|så|senere|igen|selv|hjem|tilbage|ud|ind|ned|op|over|retur))?[^\S\n]+(?:til|fra)|født[^\S\n]+(?:i|på))[^\S\n]+(?:(?:sønder|nørre|øster|vester|sdr\.?|nr\.?|store|lille)[^\S\n]+)?$/iu;
/**
 * Words of four letters or fewer (the longest a village that is a word is taken to be, see
 * `villageAfter`) that stand after «bor i», «flyttet til» … and name no place: fixed phrases,
 * times, kinds of home, where.
 */
const NOT_A_VILLAGE = new Set(
  `alt gang tide live ny vej sær dag går nat jul lang kort ro fred nød rod uro kaos ly vold møg lort
  leje job ven sofa bænk telt bil båd vogn skur loft fast lige ude inde oppe nede ovre bag land by
  ø øen fyn hus hjem sted gård have lejr`.split(/\s+/),
);
/** Words that go on with a sentence after a place: "bor i lem med sin mor", "bor i vig nu". */
const PHRASE_GOES_ON = new Set(
  `og men med ved hos sammen nu stadig igen siden sidst fra til i på hvor som da efter hvis st
  alene selv også fortsat længere nær tæt der ca lige vest øst nord syd`.split(/\s+/),
);
const MONTH_WORD = new RegExp(`^(?:${MONTHS})$`, 'u');
/**
 * Of the first names and surnames that are everyday words, those that are a trade or a thing as
 * often in lower case ("kok er syg", "sand kom ind i skoene", "dag er på ferie").
 */
const NOT_SOMEONE_IN_LOWER_CASE = new Set(
  `kok fisker smed bonde sand dag mark august hans per bo sol lykke rose ask liv sang tage ravn
  due ørn ulv høg falk mose bro vad hede birk lind lin maj lærke gro tone sten fred storm`.split(
    /\s+/,
  ),
);
/** Surnames that are everyday words too, said of someone in lower case ("sommer har ferie"). */
const MORE_SURNAMES_IN_LOWER_CASE = new Set(
  'sommer vinter frost hvid brun rask vind kvist skytte'.split(' '),
);
/**
 * A surname or a first name that is an everyday word too, and names someone when a person's
 * verb or state follows it ("skov var syg", "Sommer er syg i dag"): not a trade or a thing.
 */
function everydayNameOfSomeone(lower: string): boolean {
  return (
    (SURNAMES_IN_COMMON.has(lower) ||
      FIRST_NAMES_IN_COMMON.has(lower) ||
      MORE_SURNAMES_IN_LOWER_CASE.has(lower)) &&
    !NOT_SOMEONE_IN_LOWER_CASE.has(lower)
  );
}
/** Words that point at what was just said: "Dette bekræfter …", "Samme oplyser …". */
const DEMONSTRATIVES = /^(?:dette|denne|disse|det|den|de|der|her|samme)$/u;
/** Adverbs between «hedder» and a name: "hed tidligere", "hedder faktisk", "hedder i øvrigt". */
const NAMED_ADVERBS =
  /^(?:tidligere|oprindeligt|oprindelig|vistnok|åbenbart|faktisk|altså|egentlig|engang|før|stadig|øvrigt|i)$/u;
/** What only a person is said to be: ill, in hospital, away, turned up, drunk or sober. */
const PERSON_STATES =
  /^(?:syg|sygemeldt|raskmeldt|indlagt|udskrevet|død|gravid|fraværende|forkølet|sengeliggende|mødt|beruset|ædru|bortrejst)$/u;
/** Answers and exclamations, in capitals too: «sagde JA», «svarede NEJ» say no one. */
const ANSWER_WORDS = /^(?:ja|nej|jo|nå|øv|av|hej|tak|ok|nix|næ|fy|aj|lol)$/;
/** What a person does, right before their initials: "ringede KR", "sagde AH at". */
const DOES_BEFORE_INITIALS =
  /^(?:ringede|ringer|skrev|skriver|sagde|siger|svarede|svarer|mente|mener|lovede|lover|kom|mødte|fortalte|spurgte|foreslog)$/;
/** Where someone lives, lies or goes, before «på» or «i»: "bor på", "ligger på", "går i". */
const STAYS_AT =
  /^(?:bor|boede|bo|ligger|lå|går|gik|kommer|kom|flyttet|flyttede|flytter|flytte|indlagt|anbragt|visiteret)$/;
/** Verbs whose object is a person met or visited: "mødte pia", "besøgte bo". */
const MEETS_SOMEONE = /^(?:mødte|møder|besøgte|besøger|besøge)$/;
/** What comes from someone: "sms fra storm", "besked fra ravn om …". */
const FROM_SOMEONE =
  /^(?:sms|sms'en|mail|mailen|besked|beskeden|brev|brevet|opkald|hilsen|hilsner)$/;
/** «hendes», «hans» …: after «Sommer er», the sentence is about a person ("Sommer er hendes læge"). */
const POSSESSIVES = new Set('hendes hans min mit mine vores deres borgerens sin sit'.split(' '));

const TITLE_ABBREVIATIONS = new Set([
  'dr',
  'hr',
  'fr',
  'frk',
  'fru',
  'ca',
  'kl',
  'jf',
  'bl',
  'fx',
  'pt',
  'evt',
  'mht',
  'ifm',
  'tlf',
  'nr',
  'st',
  'sct',
  'skt',
]);

/**
 * Masks CPR, phone and other long numbers, dates, e-mails, street addresses and postcodes with
 * towns, the profile's names (in any case, with a genitive), and words that look like names: any
 * capitalised word in mid-sentence, after a title, an initial, a colon or a quote mark; all
 * capitals that are no known abbreviation; and, with a word list, a word at the start of a
 * sentence that the list knows only as a name, and any word that is neither Danish nor the app's
 * own ("concept-match" scrubbing: what is not known to be harmless is masked).
 */
export function scrubText(
  input: string,
  names: readonly string[] = [],
  options: ScrubOptions = {},
): ScrubResult {
  const text = normaliseText(input);
  const words = new Words(options.lexicon, options.allowed ?? new Set());
  const found: Found[] = [];
  /**
   * Everyday words found to be a name by a cue that leaves no doubt (a nickname's, an age's or a
   * role's beside it), as written: only these are carried to the word's other places.
   */
  const surelyNamed = new Set<string>();
  // "selo-zok", "picc-line", "port-a-cath": a hyphenated word the app knows whole, whose parts
  // alone are no words (or a name: «Line»). A guess inside one is no name. Nor in an English
  // phrase ("walk and talk", "self-care", "It's complicated"; see englishRuns).
  const keptSpans: [number, number][] = [];
  for (const m of text.matchAll(HYPHENATED)) {
    if (words.allowedWord(m[0].toLowerCase())) keptSpans.push([m.index, m.index + m[0].length]);
  }
  if (options.lexicon?.isEnglish) {
    for (const span of englishRuns(text, words, options.lexicon)) keptSpans.push(span);
  }
  for (const span of shortForms(text, words, options.lexicon)) keptSpans.push(span);
  // "Store Bededag", "til Mortensaften": a feast, not a name (a birthday on one is a date).
  for (const m of text.matchAll(FEAST_ANYWHERE)) keptSpans.push([m.index, m.index + m[0].length]);
  // Looked up by place, not span by span: an English text may hold thousands of them.
  const keptWhole = new Uint8Array(text.length);
  for (const [a, b] of keptSpans) keptWhole.fill(1, a, b);
  /** Whether start..end lies inside a span kept whole (every character of it is). */
  const insideKept = (start: number, end: number) => {
    for (let i = start; i < end; i++) if (!keptWhole[i]) return false;
    return end > start;
  };
  const add = (kind: MaskKind, start: number, end: number, unmaskable = false) => {
    // Never outside the text: a mask out of it would write the text twice.
    start = Math.max(0, start);
    end = Math.min(text.length, end);
    // (A place guessed after «til» is no short form either: «overgår til alm. hj.pl.».)
    if (
      unmaskable &&
      (kind === 'name' || kind === 'word' || kind === 'address') &&
      insideKept(start, end)
    ) {
      return;
    }
    while (end > start && /[\s,.;:]/.test(text[end - 1]!)) end--;
    while (start < end && /\s/.test(text[start]!)) start++;
    if (end > start) found.push({ kind, start, end, original: text.slice(start, end), unmaskable });
  };

  for (const m of text.matchAll(EMAIL)) add('email', m.index, m.index + m[0].length);
  for (const m of text.matchAll(HOUSE_NUMBER)) {
    // Said where someone lives, or given its floor and side.
    if (m[0].length === m[1]!.length && !/(?:tv|th|mf)\.?$/i.test(m[1]!)) continue;
    add('address', m.index + m[0].length - m[1]!.length, m.index + m[0].length);
  }
  for (const m of text.matchAll(GREETED_INITIALS)) {
    const at = m.index + m[0].length - m[1]!.length;
    add('name', at, at + m[1]!.length, true);
  }
  for (const m of text.matchAll(LINK)) {
    // The sentence's full stop after it is not part of it.
    const link = m[0].replace(/[.,;:!?)]+$/, '');
    // A site the app knows, without a page of it: "https://www.sundhed.dk".
    const site = link.replace(/^(?:https?:\/\/)?(?:www\.)?/i, '').replace(/\/$/, '');
    if (!site.includes('/') && words.allowedWord(site.toLowerCase())) continue;
    add('link', m.index, m.index + link.length, true);
  }
  for (const m of text.matchAll(CASE_NUMBER)) {
    add('number', m.index + m[0].length - m[1]!.length, m.index + m[0].length);
  }
  for (const m of text.matchAll(REG_AND_ACCOUNT)) {
    const reg = m.index + m[0].indexOf(m[1]!);
    add('number', reg, reg + 4);
    add('number', m.index + m[0].length - m[2]!.length, m.index + m[0].length);
  }
  for (const m of text.matchAll(IBAN)) {
    // Digits in it: a code of letters ("ABCD1234EFGH…") is no account.
    if ((m[0].match(/\d/g) ?? []).length >= 12) add('number', m.index, m.index + m[0].length);
  }
  for (const m of text.matchAll(EXTENSION)) {
    add('phone', m.index + m[0].length - m[1]!.length, m.index + m[0].length);
  }
  for (const m of text.matchAll(CODE_ID)) {
    const digitsIn = (m[0].match(/\d/g) ?? []).length;
    if (digitsIn < 5 || !/\p{L}/u.test(m[0]) || !/\d{3}/.test(m[0])) continue;
    if (/^(?:ISO|EN|EU|MDR|IVDR|LOV|LBK|BEK|NPU|DNK|IEC|COVID|SKS|ICD|ATC|DS|CE)-/u.test(m[0]))
      continue;
    if (!CODE_CUE.test(text.slice(Math.max(0, m.index - 40), m.index))) continue;
    add('number', m.index, m.index + m[0].length);
  }
  for (const m of text.matchAll(PHONE_PART)) {
    add('phone', m.index + m[0].length - m[1]!.length, m.index + m[0].length);
  }
  for (const m of text.matchAll(NUMBERED)) {
    const cue = m[1]!.toLowerCase();
    // ("medarb.nr.", "tlf.nr.": a short form with its stop before «nr».)
    const stem = cue
      .replace(/\s.*$/, '')
      .replace(/-?(?:nr|nummer(?:et)?)$/, '')
      .replace(/\.$/, '');
    if (NUMBERED_BY_NO_ONE.has(stem) || NUMBERED_BY_NO_ONE.has(stem.replace(/s$/, ''))) continue;
    // "Medlemsnr. koster 1 200 kr.": an amount.
    const unit = /^\s*([\p{L}%]+)/u.exec(text.slice(m.index + m[0].length))?.[1]?.toLowerCase();
    if (unit && (UNITS.has(unit) || unit === '%')) continue;
    // "Na 131 (ref. 137-145)": a reference range.
    if (/^\d{1,4}(?:[.,]\d+)?\s?[-–]\s?\d{1,4}(?:[.,]\d+)?$/.test(m[2]!)) continue;
    if ((m[2]!.match(/\d/g) ?? []).length < 4) continue;
    add('number', m.index + m[0].length - m[2]!.length, m.index + m[0].length);
  }
  for (const m of text.matchAll(NUMBER_PLATE)) add('number', m.index, m.index + m[0].length);
  // "@lenekrog_official": a handle names someone wherever it is written.
  for (const m of text.matchAll(/(?<![\p{L}\p{N}._%+'-])@[\p{L}\p{N}_.]{3,}/gu)) {
    add('link', m.index, m.index + m[0].length);
  }
  for (const m of text.matchAll(USER_NAME)) {
    add('number', m.index + m[0].length - m[1]!.length, m.index + m[0].length);
  }
  for (const m of text.matchAll(HANDLE)) add('number', m.index, m.index + m[0].length);
  for (const m of text.matchAll(NUMBER_AFTER_CUE)) {
    // "Medlemsnr. koster 1 200 kr.": an amount.
    const unit = /^\s*([\p{L}%]+)/u.exec(text.slice(m.index + m[0].length))?.[1]?.toLowerCase();
    if (unit && (UNITS.has(unit) || unit === '%')) continue;
    add('number', m.index + m[0].length - m[1]!.length, m.index + m[0].length);
  }
  for (const m of text.matchAll(CPR_LAST_FOUR)) {
    add('cpr', m.index + m[0].length - m[1]!.length, m.index + m[0].length);
  }
  for (const m of text.matchAll(CPR_LAST_FOUR_SAID)) {
    const said = m[1]!.trim();
    const digits = said
      .replace(/\s+og\s+/giu, 'og')
      .split(/\s+/)
      .reduce((n, w) => n + spokenDigits(w), 0);
    if (digits !== 4) continue;
    const at = m.index + m[0].lastIndexOf(said);
    add('cpr', at, at + said.length);
  }
  for (const m of text.matchAll(CPR_END_DIGITS)) {
    // «slutcifre» are a CPR number's; «sidste fire» may be any four ("NRS sidste fire: 7-8-6-9"),
    // so a CPR number's word must stand in the same sentence.
    if (/sidste/i.test(m[0]) && !CPR_IN_SENTENCE.test(sentenceAround(text, m.index))) continue;
    add('cpr', m.index + m[0].length - m[1]!.length, m.index + m[0].length);
  }
  for (const m of text.matchAll(CPR_REST)) {
    add('cpr', m.index + m[0].length - m[1]!.length, m.index + m[0].length);
  }
  for (const m of text.matchAll(CPR_TAIL)) {
    add('cpr', m.index + m[0].length - m[1]!.length, m.index + m[0].length);
  }
  for (const m of text.matchAll(CPR_ENDS)) {
    add('cpr', m.index + m[0].length - m[1]!.length, m.index + m[0].length);
  }
  for (const m of text.matchAll(CPR_PARTIAL)) add('cpr', m.index, m.index + m[0].length);
  for (const re of [DWELLING, STAIRWAY, FLOOR_SIDE]) {
    for (const m of text.matchAll(re)) add('address', m.index, m.index + m[0].length);
  }
  // "bekymret for sin nabo Vera på 3. th.", "(Ingrid på 1. th)", "naboen på st. tv": after
  // someone and «på», a floor and its side are where they live — only after someone (a name in
  // a sentence, a neighbour, a relative, a pronoun): after anything else it is as often a
  // tooth, a toe or a finger ("Karies på 7. tv.", "sting på 3. th.", "Smerter på 2. tv. tå").
  for (const m of text.matchAll(FLOOR_AFTER_ON)) {
    const at = m.index + m[0].length - m[1]!.length;
    const next = /^[^\S\n]*(\p{L}+)/u.exec(
      text.slice(m.index + m[0].length, m.index + m[0].length + 30),
    )?.[1];
    if (next && BODY_OR_WOUND.test(next)) continue;
    const before = /(?:^|([.!?:\n(]|\p{L}|\p{N}|,)[^\S\n]*)(\p{L}+)[^\S\n]+$/u.exec(
      text.slice(Math.max(0, m.index - 40), m.index),
    );
    const who = before?.[2];
    if (!who) continue;
    const opens = before[1] === undefined || /[.!?:\n]/.test(before[1]);
    const someone =
      PERSON_BEFORE_FLOOR.test(who.toLowerCase()) ||
      (/^\p{Lu}\p{Ll}+$/u.test(who) &&
        // (At a sentence's start only a word the list holds as a name as it is: not
        // «Karies», whose «Kari» is one.)
        (!opens || !!options.lexicon?.isName(who.toLowerCase())) &&
        !BODY_OR_WOUND.test(who));
    if (someone) add('address', at, m.index + m[0].length);
  }
  // A table's cell that holds only someone's initials: «| 14.03 | bad | KLN |», «| pls |».
  for (const m of text.matchAll(TABLE_CELL)) {
    const cell = m[1]!;
    const lower = cell.toLowerCase();
    // Two capitals in a row's last cell, where the one who did it is written, are someone's
    // whatever they spell («| AR |», «| ML |»); elsewhere a day's or a shift's code as often.
    const lastTwo =
      isAllCaps(cell) &&
      cell.length === 2 &&
      /^[^\S\n]*\|[^\S\n]*(?:$|\n)/.test(text.slice(m.index + m[0].length));
    const initials =
      (isAllCaps(cell) || (cell === lower && cell.length <= 3)) &&
      !ANSWER_WORDS.test(lower) &&
      !TABLE_DAY_CODES.test(lower) &&
      !SIDES.test(lower) &&
      !SMALL_WORDS.has(lower) &&
      (lastTwo
        ? !ABBREVIATIONS.has(lower) && !CLINICAL_ABBREVIATIONS.has(lower)
        : !(isAllCaps(cell) && cell.length === 2) &&
          !ABBREVIATIONS.has(lower) &&
          !CLINICAL_ABBREVIATIONS.has(lower) &&
          !UNITS.has(lower) &&
          !words.ordinary(lower));
    if (initials)
      add('name', m.index + m[0].indexOf(cell), m.index + m[0].indexOf(cell) + cell.length, true);
  }
  // Initials heading a line as who wrote it («KB: borger sov ved besøg»), and in brackets after
  // a full name («Hanne Krogh-Smith (KHS)»): not an abbreviation, a role, an answer or a word.
  for (const re of [INITIALS_AFTER_NAME]) {
    for (const m of text.matchAll(re)) {
      const letters = m[1]!;
      const lower = letters.toLowerCase();
      if (
        ABBREVIATIONS.has(lower) ||
        CLINICAL_ABBREVIATIONS.has(lower) ||
        ANSWER_WORDS.test(lower) ||
        SIGNING_ROLE.test(lower) ||
        ROLES.has(lower) ||
        SMALL_WORDS.has(lower) ||
        SUBJECT_PRONOUNS.has(lower) ||
        words.ordinary(lower)
      ) {
        continue;
      }
      // (After a name, not a region's or an office's: «Region Syddanmark (RSD)».)
      if (re === INITIALS_AFTER_NAME) {
        // A first name the lists hold, and no word of a place's or an office's name after it.
        const [first = '', ...others] = [...m[0].matchAll(/\p{L}+/gu)]
          .map((w) => w[0].toLowerCase())
          .slice(0, -1);
        if (!words.listedName(first) || words.institution(first)) continue;
        if (
          others.some((w) => words.institution(w) || (words.ordinary(w) && !words.listedName(w)))
        ) {
          continue;
        }
      }
      const at = m.index + m[0].lastIndexOf(letters);
      add('name', at, at + letters.length, true);
    }
  }
  for (const re of [COHORT_YEAR, BANK_REG]) {
    for (const m of text.matchAll(re)) {
      const at = m.index + m[0].indexOf(m[1]!);
      add(re === COHORT_YEAR ? 'date' : 'number', at, at + m[1]!.length);
    }
  }
  for (const m of text.matchAll(POSTCODE_SAID)) {
    add('postcode', m.index + m[0].length - m[1]!.length, m.index + m[0].length);
  }
  for (const m of text.matchAll(EMAIL_SPELT)) add('email', m.index, m.index + m[0].length);
  // A number dictated in words ("fire to tre tre nul ni otte syv", "tyve tredive fyrre
  // halvtreds", "nul tre nul tre otteogfirs 22 11"): a phone's or a CPR number's digits.
  for (const m of text.matchAll(SPOKEN_NUMBER)) {
    // "tre og tyve" is one number, as "treogtyve" is.
    const parts = m[0]
      .replace(/\s+og\s+/giu, 'og')
      .split(/[\s,.\-–]+/)
      .filter(Boolean);
    const words = parts.filter((p) => !/^\d+$/.test(p)).length;
    const count = parts.reduce((n, p) => n + (/^\d+$/.test(p) ? p.length : spokenDigits(p)), 0);
    if (words >= 2 && count >= 8)
      add(count >= 10 ? 'cpr' : 'phone', m.index, m.index + m[0].length);
    // "ett-to-nul-otte-fem-fem": six digit words or more, one digit each, joined by dashes alone,
    // are a CPR number's digits spelt out (its first six, a birth date) — not a count said aloud
    // ("en-to-tre-fire-fem-seks").
    else if (
      parts.length >= 6 &&
      parts.every((p) => ONE_DIGIT_WORD.test(p)) &&
      /^[\p{L}]+(?:[-–][\p{L}]+)+$/u.test(m[0]) &&
      !parts.every((p, k) => k === 0 || digitValue(p) === digitValue(parts[k - 1]!) + 1) &&
      // Only where a CPR number is spoken of: a count down, a digit-span test or a tapering dose
      // is digit words too ("ni-to-seks-fire-otte-tre", "fem-fem-fire-fire-tre-tre").
      CPR_IN_SENTENCE.test(sentenceAround(text, m.index))
    )
      add('cpr', m.index, m.index + m[0].length);
  }
  for (const m of text.matchAll(SPOKEN_CUE_NUMBER)) {
    const said = m[2]!;
    const parts = said
      .replace(/^plus\s+/i, '')
      .replace(/\s+og\s+/giu, 'og')
      .split(/[\s,.\-–]+/)
      .filter(
        (p) =>
          p &&
          !/^(?:bindestreg|streg|skråstreg)$/i.test(p) &&
          // A letter or two before the digits ("K tre otte …", "AB tolv …"), not «en», «to».
          (!/^\p{L}{1,2}$/u.test(p) || NUMBER_WORD_ALONE.test(p)),
      );
    if (parts.length < 2) continue;
    // Digits alone are the number rules' ("Tlf. 10-15 min"); an amount has its unit after it.
    if (parts.every((p) => /^\d+$/.test(p))) continue;
    const unit = /^\s+([\p{L}%]+)/u.exec(text.slice(m.index + m[0].length))?.[1]?.toLowerCase();
    if (unit && (UNITS.has(unit) || unit === '%')) continue;
    const count = parts.reduce((n, p) => n + (/^\d+$/.test(p) ? p.length : spokenDigits(p)), 0);
    if (count < 4) continue;
    const at = m.index + m[0].length - said.length;
    add(spokenCueKind(m[1]!), at, at + said.length);
  }
  for (const m of text.matchAll(SPOKEN_THOUSANDS)) {
    const town = m[2];
    const before = text.slice(Math.max(0, m.index - 40), m.index);
    const cued = /(?:post\s?(?:nummer|nr|kode)(?:et|n)?|postboks)[^.!?\n]{0,30}$/iu.test(before);
    const placeAfter =
      !!town &&
      !BEFORE_NUMBERS.has(town.toLowerCase()) &&
      !UNITS.has(town.toLowerCase()) &&
      !COMMON_WORDS.has(town.toLowerCase()) &&
      !isAllCaps(town) &&
      (isCapitalised(town) ||
        words.listedName(town.toLowerCase()) ||
        !words.ordinary(town.toLowerCase()));
    if (!cued && !placeAfter) continue;
    add('postcode', m.index, m.index + m[1]!.length);
  }
  // The same length as the text, so a match in it is a match in the text.
  const digits = text.replace(DIGIT_LOOKALIKES, (run) =>
    run.replace(/[Oo]/g, '0').replace(/[lI]/g, '1'),
  );
  for (const m of digits.matchAll(NUMBER_RUN)) {
    // "kl. 08.00, 12.00, 17.00 og 22.00", "kl. 01.05, 03.04": clock times, one after another.
    if (
      CLOCK_TIMES.test(m[0]) &&
      /(?<![\p{L}])(?:kl|klokken)\.?[^\S\n]{0,2}$/iu.test(
        text.slice(Math.max(0, m.index - 10), m.index),
      )
    ) {
      continue;
    }
    // "batch 22418790", "lot 5418 2290": a medicine's or a product's number, no one's — one
    // number of eight digits alone (more numbers after it, or a CPR number's ten, are read as
    // ever: "Batchnr. 5418 2290 010170-1234").
    if (
      /^\d{4}[^\S\n]?\d{4}$/.test(m[0]) &&
      ITEM_NUMBER_BEFORE.test(text.slice(Math.max(0, m.index - 24), m.index))
    ) {
      continue;
    }
    if (WIDE_GAP.test(m[0]) && !oneNumber(m[0])) {
      // Several numbers, one after another: each on its own.
      for (const n of m[0].matchAll(NUMBER_RUN_NARROW)) {
        const kind = numberMask(n[0]);
        if (kind) add(kind, ...numberSpan(n[0], m.index + n.index));
      }
      continue;
    }
    const kind = numberMask(m[0]);
    if (kind) add(kind, ...numberSpan(m[0], m.index));
  }
  for (const m of text.matchAll(POSTCODE)) {
    if (!words.town(m[1]!, Number(m[0].slice(0, 4)))) continue;
    // "reg. 9570 kto 12345678", "ref.nr. AB-2291 anført": digits that are part of a number
    // masked as such (a bank's registration number, a reference), and the word after them says
    // what follows, no town.
    if (found.some((f) => f.kind === 'number' && f.start <= m.index && m.index < f.end)) continue;
    // A second word goes with the town only when it is capitalised ("Nykøbing F.", "Nykøbing
    // Falster"); the pattern takes it only then.
    add('postcode', m.index, m.index + m[0].length);
  }
  HOUSE.lastIndex = 0;
  for (let m = HOUSE.exec(text); m; m = HOUSE.exec(text)) {
    const street = m[1]!;
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 24);
    const before = text.slice(Math.max(0, m.index - 60), m.index);
    // A floor with the number: "Solsikken 14, 2. tv.", "Skovbrynet 8 st. th.".
    const floored = FLOOR_AFTER_NUMBER.test(m[0].slice(street.length));
    // "Sommeren 2021", "Julen 2019": a year after a word, as STREET_NUMBERS reads it, unless a
    // floor or the sentence says it is an address.
    if (Number(m[2]) >= 1800 && !floored && !ADDRESS_CUE.test(before)) continue;
    if (!words.street(street, after, before, m[2], floored)) {
      // The number may still start another match ("bor på Torvet 3": "på 3" is no street).
      continue;
    }
    // Capitalised words before it belong to the street ("Nørre Boulevard 3"), unless the
    // sentence ends between them.
    let start = m.index;
    const lead = STREET_LEAD.exec(text.slice(Math.max(0, start - 60), start));
    if (lead) {
      // Each lead word with where it starts in the text (the window ends where the street does).
      const leadWords = [...lead[0].matchAll(/\S+/g)].map((w) => ({
        word: w[0],
        at: start - lead[0].length + w.index,
      }));
      while (
        leadWords.length &&
        /[.!?]$/.test(leadWords[0]!.word) &&
        !/^(?:\p{Lu}\.)+$/u.test(leadWords[0]!.word) &&
        // "Gl. Kongevej 112": an abbreviation that begins a street's name.
        !STREET_PREFIXES.includes(leadWords[0]!.word.replace(/\.$/, '').toLowerCase())
      ) {
        leadWords.shift();
      }
      if (leadWords.length > 0) start = leadWords[0]!.at;
    }
    add('address', start, m.index + m[0].length);
  }

  for (const m of text.matchAll(DATE_IN_WORDS)) add('date', m.index, m.index + m[0].length);
  const unsureDays: RegExpMatchArray[] = [];
  const sureDays: number[] = [];
  for (const m of text.matchAll(DAY_MONTH)) {
    if (dayAndMonth(m, text)) {
      add('date', m.index, m.index + m[0].length);
      sureDays.push(m.index);
    } else unsureDays.push(m);
  }
  // "på skadestuen 2/2 og igen 9/2": a fraction's shape beside a date is a date too (with its
  // month; not "1/2 tablet" beside a date).
  for (const m of unsureDays) {
    const day = Number(m[1]);
    const month = Number(m[3]);
    if (day < 1 || day > 31 || month < 1 || month > 12 || m[2] !== '/') continue;
    const unit = /^[^\S\n]*(\p{L}+)/u.exec(text.slice(m.index! + m[0].length))?.[1];
    if (unit && UNITS.has(unit.toLowerCase())) continue;
    const nearDate = sureDays.some((at) => Math.abs(at - m.index!) <= 30);
    const sameMonth = [
      ...text
        .slice(Math.max(0, m.index! - 30), m.index! + m[0].length + 30)
        .matchAll(/(\d{1,2})\/(\d{1,2})/g),
    ].some((x) => x[0] !== m[0] && Number(x[2]) === month);
    if (nearDate && sameMonth) add('date', m.index!, m.index! + m[0].length);
  }
  for (const m of text.matchAll(BORN_YEAR)) {
    const rest = text.slice(m.index + m[0].length);
    // "han var fra 2019 til 2021", "hun er fra 12 til 14": a span of years or of hours.
    if (/^\s*(?:til|[-–])/.test(rest)) continue;
    // "hun er fra 14": a clock hour; "jeg er fra 61" a year without its apostrophe.
    if (/^\d{2}$/.test(m[1]!) && Number(m[1]) <= 24) continue;
    add('date', m.index + m[0].length - m[1]!.length, m.index + m[0].length);
  }
  for (const m of text.matchAll(BORN_ON_FEAST)) {
    const at = m.index + m[0].length - m[1]!.length;
    add('date', at, m.index + m[0].length);
  }
  for (const m of text.matchAll(FEAST_YEAR)) add('date', m.index, m.index + m[0].length);
  for (const m of text.matchAll(BORN_THERE_IN)) {
    add('date', m.index + m[0].length - m[1]!.length, m.index + m[0].length);
  }
  for (const m of text.matchAll(BORN_SHORT_YEAR)) {
    add('date', m.index + m[0].length - m[1]!.length, m.index + m[0].length);
  }
  for (const m of text.matchAll(DAY_ALONE)) {
    if (!dayAlone(m, text)) continue;
    const at = m.index + m[0].length - m[2]!.length;
    add('date', at, m.index + m[0].length);
  }
  for (const m of text.matchAll(DAY_MONTH_DASH)) {
    if (dashedDate(m, text)) add('date', m.index, m.index + m[0].length);
  }
  for (const m of text.matchAll(KEY_CODE)) {
    add('number', m.index + m[0].length - m[1]!.length, m.index + m[0].length);
  }
  for (const m of text.matchAll(BORN)) {
    // "født 4-5 uger for tidligt" is an amount.
    const next = /^\s+([\p{L}]+)/u.exec(text.slice(m.index + m[0].length))?.[1]?.toLowerCase();
    if (next && UNITS.has(next)) continue;
    const at = m.index + m[0].length - m[1]!.length;
    add('date', at, m.index + m[0].length);
  }
  for (const m of text.matchAll(INITIALS)) {
    // "O.K.", "P.S.": abbreviations, not initials.
    if (ABBREVIATIONS.has(m[0].replace(/[.\s]/g, '').toLowerCase())) continue;
    add('name', m.index, m.index + m[0].length, true);
  }
  // A street by its ending, with a house number or a span of them and a floor: "Nørregade 12-14",
  // "Kirkevej 4,2.th" (the pattern above leaves a number followed by a dash or comma alone, as
  // "uge 12-14" is no address).
  for (const m of text.matchAll(STREET_NUMBERS)) {
    // "arbejdspladsen 2 dage om ugen": a number followed by a unit is an amount; "tager 1-2" a
    // verb's, "Danmark 2010-2015" a span of years.
    const after = /^\s+([\p{L}%]+)/u.exec(text.slice(m.index + m[0].length))?.[1]?.toLowerCase();
    if (after && (UNITS.has(after) || after === '%')) continue;
    // "Drengen 4-årig", "Pigen 5 mdr. gammel": an age after the number.
    if (AGE_OR_HALF_AFTER.test(text.slice(m.index + m[0].length))) continue;
    const word = m[1]!.toLowerCase();
    const verb = verbLike(word) && !STREET_ONLY_ENDINGS.some((e) => word.endsWith(e));
    if (BEFORE_NUMBERS.has(word) || verb || Number(m[2]) >= 1800) continue;
    // "krog 2 fra venstre": the everyday word, as Words.street reads it.
    const before = text.slice(Math.max(0, m.index - 40), m.index);
    const floored = FLOOR_AFTER_NUMBER.test(m[0].slice(m[1]!.length));
    if (bareStreetWord(m[1]!, before) && !floored && !ADDRESS_CUE.test(before)) continue;
    add('address', m.index, m.index + m[0].length);
  }
  // "flyttede over på kirkevej": a street in lower case, without its number, after på, i or ved.
  for (const m of text.matchAll(STREET_NAMED)) {
    const road = m[1]!;
    if ([road, road.replace(/en$/, ''), road.replace(/n$/, '')].some((r) => GENERIC_ROADS.has(r))) {
      continue;
    }
    // "i forvejen", "på forgaden": a small word before the ending makes an everyday word.
    const ending = STREET_ONLY_ENDINGS.find((e) => road.endsWith(e) && road.length > e.length);
    if (ending && SMALL_WORDS.has(road.slice(0, -ending.length))) continue;
    add('address', m.index + m[0].length - m[1]!.length, m.index + m[0].length, true);
  }

  // The profile's names and the alias: in any case, with a genitive, also at the head of a
  // compound ("Karensagen"), never a guess.
  for (const part of nameParts(names)) {
    const re = new RegExp(`(?<![${LETTER}])${escapeRegExp(part)}([${LETTER}'’]*)`, 'giu');
    for (const m of text.matchAll(re)) {
      const rest = m[1]!.toLowerCase().replace(/’/g, "'");
      const genitive = /^(?:'s|s'|'|s|es|ens|en|e)?$/.test(rest);
      // A compound only when the rest is itself a word: "Karensagen", not "Bolig" for Bo.
      const tail = rest.replace(/^[se](?=.{3})/, '');
      const compound =
        !genitive &&
        !!options.lexicon &&
        part.length >= 3 &&
        tail.length >= (part.length >= 4 ? 3 : 4) &&
        words.ordinary(tail);
      if ((genitive || compound) && !everydayUse(text, m.index, m[0], part, rest, words)) {
        add('name', m.index, m.index + m[0].length);
      }
    }
  }

  // The profile's names spelled out letter by letter: "H A N N E", "K-A-R-E-N", "k.a.r.e.n".
  for (const part of nameParts(names)) {
    const letters = [...part.normalize('NFC')];
    if (letters.length < 3 || letters.some((c) => !/\p{L}/u.test(c))) continue;
    // With stops between them only from four letters: "t.o.m.", "e.v.a." are short forms.
    const between =
      letters.length >= 4
        ? String.raw`(?:[^\S\n]{1,2}|[^\S\n]?[-.,–/][^\S\n]?)`
        : String.raw`(?:[^\S\n]{1,2}|[^\S\n]?[-,–/][^\S\n]?)`;
    // Without the Danish letters too, as a keyboard or a form without them spells it: «S O R E N»
    // or «S O E R E N» for Søren, «A A S E» for Åse.
    const spelled = letters
      .map((c) => {
        const plain = SPELLED_PLAIN[c.toLowerCase()];
        return plain
          ? `(?:${escapeRegExp(c)}|${plain.map((p) => [...p].join(between)).join('|')})`
          : escapeRegExp(c);
      })
      .join(between);
    const re = new RegExp(`(?<![${LETTER}])${spelled}\\.?(?![${LETTER}])`, 'giu');
    for (const m of text.matchAll(re)) add('name', m.index, m.index + m[0].length);
  }

  // The profile's initials, in capitals, with or without stops: "HJ's patientnr." for Hans
  // Jørgen Riis (see profileInitials).
  for (const initials of profileInitials(names)) {
    const letters = [...initials].map(escapeRegExp).join(String.raw`\.?-?[^\S\n]?`);
    const re = new RegExp(
      `(?<![${LETTER}\\p{N}.])${letters}\\.?(?:['’]s)?(?![${LETTER}\\p{N}])`,
      'gu',
    );
    // "OK", "SE": initials that are a word or an abbreviation too are a person's only with the
    // genitive ("OK's mor").
    const lower = initials.toLowerCase();
    const spelsWord =
      ABBREVIATIONS.has(lower) ||
      CLINICAL_ABBREVIATIONS.has(lower) ||
      words.allowedWord(lower) ||
      words.ordinary(lower);
    for (const m of text.matchAll(re)) {
      if (spelsWord && !/['’]s$|[.-]/.test(m[0])) continue;
      add('name', m.index, m.index + m[0].length);
    }
  }

  const covered = coverage(text.length, found);
  const tokens = [...text.matchAll(WORD)].map((m) => ({
    raw: m[0],
    start: m.index,
    end: m.index + m[0].length,
    lower: m[0].toLowerCase().replace(/’/g, "'"),
  }));
  /**
   * "| Dato | BT | Puls |": a table's heading row, written on one line — cells of one word each,
   * capitalised or in capitals, every one an everyday word or an abbreviation no list holds as a
   * name, one at least a measure's, a time's or a unit's («BT», «Puls», «Kl.»). Its words head
   * columns; none is a name. (A row ends at an empty cell, "| |", or at its line's end; a row with
   * a person's word in it — «Navn», «Læge», «Mor» — may say whose the next cell is.)
   */
  const headingCell = (start: number, end: number) => {
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    const lineEnd = text.indexOf('\n', end) < 0 ? text.length : text.indexOf('\n', end);
    const before = text.slice(lineStart, start);
    if (!/\|[^\S\n]*$/.test(before) || !/^\.?[^\S\n]*(?:\||$)/.test(text.slice(end, lineEnd))) {
      return false;
    }
    const cells = text.slice(lineStart, lineEnd).split('|');
    const at = before.split('|').length - 1;
    let from = at;
    let to = at;
    // A row ends at an empty cell, or at one of slashes: «| Dato | BT | / | 03.04 |», a table's
    // lines run together with « / » between them.
    const rowEnd = (cell: string) => /^(?:\/+|\\)?$/.test(cell.trim());
    while (from > 0 && !rowEnd(cells[from - 1]!)) from--;
    while (to < cells.length - 1 && !rowEnd(cells[to + 1]!)) to++;
    const row = cells.slice(from, to + 1).map((c) => c.trim());
    if (row.length < 2 || row.length > 12) return false;
    let measure = false;
    for (const cell of row) {
      const word = /^(\p{L}{2,})\.?$/u.exec(cell)?.[1];
      if (!word || !(isCapitalised(word) || isAllCaps(word))) return false;
      const w = word.toLowerCase();
      if (
        !words.ordinary(w) ||
        words.name(w, true) ||
        words.listedName(w) ||
        TITLES.has(w) ||
        ROLES.has(w) ||
        KINSHIP.has(w) ||
        NAME_HEADINGS.test(w)
      ) {
        return false;
      }
      if (ABBREVIATIONS.has(w) || BEFORE_NUMBERS.has(w) || UNITS.has(w)) measure = true;
    }
    return measure;
  };
  /** A bare word that may name a person: no pronoun, title, family word or definite noun. */
  const personLike = (lower: string) =>
    !SMALL_WORDS.has(lower) &&
    !TITLES.has(lower) &&
    !ROLES.has(lower) &&
    !STAFF_ROLE_ENDINGS.test(lower) &&
    !KINSHIP.has(lower) &&
    !DOMAIN_WORDS.has(lower) &&
    !ABBREVIATIONS.has(lower) &&
    // ("Svane": a surname that only looks like a definite form.)
    (!/(?:en|et|ne|erne|ene)$/.test(lower) || SURNAMES_IN_COMMON.has(lower));
  /**
   * Whether the verb at token v has a pronoun for its subject after it, the sentence inverted
   * ("Vand i kælderen siger de ikke noget om"), rather than a clause of its own after it ("Hjort
   * mener det er for dyrt", "siger vi skal vente": the pronoun's own verb follows it).
   */
  /**
   * Who a word at a sentence's start is, in a note written without its verbs: told beside it
   * ("Holm, sagsbehandler i kommunen", "Lykke, hendes veninde", "Karl sagsbehandler har"), with
   * someone ("Liv og hendes mor", "Skov og borgeren"), asked or answered alone ("Storm? Nej, han
   * …", "Rosa. Hun har nøgle"), or said to be where people are ("Kaj på besøg", "Rose i
   * telefonen", "Tove med på hospitalet", "Lærke hos borgeren") or to be, still or again, what
   * people are ("Gro stadig sygemeldt", "Tom åbenbart ikke informeret").
   */
  const telegraphicPerson = (i: number): boolean => {
    const word = tokens[i]!;
    const next = tokens[i + 1];
    if (!next) return false;
    const gap = text.slice(word.end, next.start);
    const personWord = (t: { lower: string }) =>
      TITLES.has(t.lower) ||
      ROLES.has(t.lower) ||
      KINSHIP.has(t.lower) ||
      PERSON_NOUN.test(t.lower) ||
      STAFF_ROLE_ENDINGS.test(t.lower) ||
      /^(?:kontakt|kontaktperson(?:en)?|borgerens|pårørende|frivillig|advokat(?:en)?)$/.test(
        t.lower,
      );
    // The words up to the next mark: an apposition, or a clause without its verb.
    const clause: (typeof tokens)[number][] = [];
    for (let k = i + 1; k < tokens.length && k <= i + 6; k++) {
      if (k > i + 1 && /[.,;:!?()]/.test(text.slice(tokens[k - 1]!.end, tokens[k]!.start))) break;
      clause.push(tokens[k]!);
    }
    // "Fisker (fys) mener", "Holm fra kommunen (sagsbehandler) vil have": who, in brackets.
    const bracketed =
      /^[^\S\n]+(?:fra[^\S\n]+\p{L}+[^\S\n]*)?\([^\S\n]{0,2}([\p{L}-]{2,30})[^\S\n]{0,2}\)/u
        .exec(text.slice(word.end, word.end + 48))?.[1]
        ?.toLowerCase();
    if (
      bracketed &&
      !ROLES.has(bracketed) &&
      (TITLES.has(bracketed) ||
        PERSON_TITLES.has(bracketed) ||
        KINSHIP.has(bracketed) ||
        BRACKET_ROLES.has(bracketed))
    ) {
      return true;
    }
    if (/^[^\S\n]*,[^\S\n]*$/.test(gap)) {
      return (
        clause.some(personWord) || (next.lower === 'som' && clause.slice(1, 4).some(personWord))
      );
    }
    // "Storm? Nej, han bor i Aarhus" (not "Sol? Nej, regn hele dagen").
    if (/^[^\S\n]*\?/.test(gap)) {
      return (
        !WEATHER_OR_THINGS.has(word.lower) ||
        /^[^\S\n]*\?[^.!?\n]{0,12}(?<![\p{L}])(?:hun|han)(?![\p{L}])/iu.test(
          text.slice(word.end, word.end + 24),
        )
      );
    }
    if (/^[^\S\n]*[.!][^\S\n]+(?:hun|han)(?![\p{L}])/iu.test(text.slice(word.end, word.end + 12))) {
      return true;
    }
    if (!/^[^\S\n]+$/.test(gap)) return false;
    // "Hans kone", "Per telefon", "Per uge": the pronoun, and «per» before what it counts.
    if (word.lower === 'hans' || (word.lower === 'per' && PER_NOUNS.test(next.lower))) return false;
    if (TITLES.has(next.lower) || STAFF_ROLE_ENDINGS.test(next.lower)) return true;
    if (
      next.lower === 'og' &&
      /^(?:hans|hendes|borgeren|borgerens|pt|patienten|jeg|mig|vi)$/.test(
        tokens[i + 2]?.lower ?? '',
      )
    ) {
      return true;
    }
    // A shift's note ("Dag hos borgeren: …") is no one's; nor two things joined ("Storm og glat
    // føre betyder aflyste besøg"), nor the verb «bo» before where ("Bo hjemme så længe …").
    if (SHIFT_WORDS.has(word.lower) || next.lower === 'og') return false;
    if (word.lower === 'bo' && WHERE_AFTER.test(next.lower)) return false;
    // What says where people are stands close: "Kaj på besøg", not "Frank … samtale med lægen".
    const lowers = clause.slice(0, 5).map((t) => t.lower);
    const present =
      lowers.some((w) => PRESENT_WORDS.has(w)) ||
      // "Tove med på hospitalet", "Sten også med til mødet" (not "Ask og bøg fyrer hun med i").
      lowers.some((w, k) => k <= 1 && w === 'med' && /^(?:på|til|i)$/.test(lowers[k + 1] ?? '')) ||
      (lowers[0] === 'til' && lowers[1] === 'stede');
    if (present) return true;
    // "Gro stadig sygemeldt": not a weather's or a stone's ("Storm igen i nat", "Sten stadig i
    // nyren").
    return STILL_AGAIN.has(next.lower) && !WEATHER_OR_THINGS.has(word.lower);
  };
  const inverted = (v: number) => {
    if (!SUBJECT_PRONOUNS.has(tokens[v + 1]?.lower ?? '')) return false;
    // («i» in lower case is "in": "Fugl har i dag oplyst"; the pronoun is written «I».)
    if (tokens[v + 1]!.raw === 'i') return false;
    const then = tokens[v + 2]?.lower ?? '';
    return !(FINITE_VERBS.has(then) || SUBJECT_VERBS.has(then) || HUMAN_VERBS.has(then));
  };
  /**
   * Whether the word after the preposition at token p can begin where someone is from
   * ("jobcentret", "vores team"), not a clause going on: in "sikker på at det var" no one is from
   * «at det».
   */
  const notAClauseAfter = (p: number) => !CLAUSE_WORDS.has(tokens[p + 1]?.lower ?? '');
  /** Whether a verb of saying or deciding follows token i, or «har» and its participle. */
  const saysOrDecides = (i: number, verbs: ReadonlySet<string> = HUMAN_VERBS): boolean => {
    const next = tokens[i + 1]?.lower ?? '';
    if (inverted(i + 1)) return false;
    if (verbs.has(next)) return true;
    // "Hjort fra boligforeningen mener", "Bjerg på jobcentret har svaret": where the person is
    // from, between the name and the verb — one or two words of it, and only verbs a letter or
    // an office does not ("Brev fra kommunen siger …" is a letter).
    if (
      verbs === HUMAN_VERBS &&
      /^(?:fra|på|hos|i)$/.test(next) &&
      notAClauseAfter(i + 1) &&
      /^\s+$/.test(text.slice(tokens[i]!.end, tokens[i + 1]!.start))
    ) {
      return [2, 3].some((k) => saysOrDecides(i + k, PERSON_VERBS));
    }
    if (!/^(?:har|havde)$/.test(next)) return false;
    return tokens.slice(i + 2, i + 5).some((t) => HUMAN_PARTICIPLES.has(t.lower));
  };
  /**
   * The first of the `within` tokens after token v that `is`, in the same sentence (no stop or
   * line end before it); -1 if none.
   */
  const laterInSentence = (
    v: number,
    within: number,
    is: (t: (typeof tokens)[number]) => boolean,
  ): number => {
    for (let n = v + 1; n <= v + within && tokens[n]; n++) {
      if (/[.!?\n]/.test(text.slice(tokens[n - 1]!.end, tokens[n]!.start))) return -1;
      if (is(tokens[n]!)) return n;
    }
    return -1;
  };
  /**
   * "Holm oplyser at …", "Due har bekræftet", "Kamp nægter": a verb of reporting or admitting
   * right after the word at k (for a word the lists hold as a name only: see NAME_SUBJECT_VERBS),
   * which is not a family word ("Dreng nægter"), a shift's ("Dag oplyser"), a craft's ("Kok
   * oplyser") or a season's ("Frost har bekræftet").
   */
  const reportsOrAdmits = (k: number): boolean => {
    const word = tokens[k]!.lower;
    if (SHIFT_WORDS.has(word) || CRAFTS.has(word)) return false;
    // On duty, as only a person is: "Vinter mødte ikke op til vagt", "Høj har overtaget sagen".
    if (
      onlySpacesBetween(k, 1) &&
      !KIN_WORD.test(word) &&
      dutyDone(k + 1, SEASONS_AND_WEATHER.has(word) || ADJECTIVE_SURNAMES.has(word))
    ) {
      return true;
    }
    // A season only with something of its own after it: "frost har oplyst sit nye nummer".
    if (
      SEASONS_AND_WEATHER.has(word) &&
      !tokens.slice(k + 1, k + 6).some((t) => /^(?:sin|sit|sine)$/.test(t.lower))
    ) {
      return false;
    }
    // ("Dreng nægter", "Nabo oplyser": someone, by what they are.)
    if (KIN_WORD.test(word)) return false;
    // "Hjort, nabo, oplyser": who the person is, between commas, before the verb.
    let v = k + 1;
    const told = /^,[^\S\n]*$/.exec(text.slice(tokens[k]!.end, tokens[k + 1]?.start ?? 0));
    if (told) {
      let w = k + 1;
      while (
        w < k + 4 &&
        tokens[w] &&
        (KIN_WORD.test(tokens[w]!.lower) ||
          ROLES.has(tokens[w]!.lower) ||
          TITLES.has(tokens[w]!.lower) ||
          /^(?:hendes|hans|dennes|borgers|pt's)$/.test(tokens[w]!.lower))
      )
        w++;
      if (
        w === k + 1 ||
        !/^[^\S\n]*,[^\S\n]*$/.test(text.slice(tokens[w - 1]!.end, tokens[w]?.start ?? 0))
      ) {
        return false;
      }
      v = w;
    } else if (!onlySpacesBetween(k, 1)) return false;
    if (inverted(v)) return false;
    const verb = tokens[v]?.lower ?? '';
    if (NAME_SUBJECT_VERBS.has(verb)) return true;
    if (!/^(?:har|havde)$/.test(verb)) return false;
    // "Fugl har i dag over telefonen oplyst": the participle a few words on, in the sentence.
    return laterInSentence(v, 7, (t) => NAME_SUBJECT_PARTICIPLES.has(t.lower)) >= 0;
  };
  /**
   * Whether the verb at v says what only someone on duty does (DUTY_VERBS, or «har» and its
   * participle in the same sentence), or «møder op» / «mødte (ikke) op» — for a season's or a
   * weather's word only turning up for work ("til vagt", "til mødet"): «Vinter mødte op med sne».
   */
  const dutyDone = (v: number, season: boolean): boolean => {
    if (inverted(v)) return false;
    const w = (n: number) => tokens[n]?.lower ?? '';
    const verb = w(v);
    // What is taken over or cancelled: a case, a visit, a shift (not "Due har overtaget
    // altanen", "Foged aflyste udsættelsen").
    const dutyObject = (n: number) => DUTY_OBJECTS.test(w(n)) || DUTY_OBJECTS.test(w(n + 1));
    // «tager over», «tog over fra næste uge»: a case taken over (not the weather's: "Sol tager
    // over i weekenden").
    if (/^(?:tager|tog)$/.test(verb) && w(v + 1) === 'over' && onlySpacesBetween(v, 1)) {
      const closes =
        !tokens[v + 2] || /[.!?\n]/.test(text.slice(tokens[v + 1]!.end, tokens[v + 2]!.start));
      return !season && (closes || /^(?:fra|efter|for|sagen|nu|per|pr)$/.test(w(v + 2)));
    }
    if (DUTY_VERBS.has(verb)) {
      if (!/^udebl/.test(verb)) return dutyObject(v + 1);
      // Staying away from something someone is expected at («udeblev fra mødet»): luck or a
      // twig stays away too («Lykke udeblev ved banko», «Kvist udeblev fra bålet»).
      const from = laterInSentence(v, 4, (t) => t.lower === 'fra');
      if (season) return false;
      if (from >= 0) return EXPECTED_AT.test(w(from + 1)) || dutyObject(from + 1);
      // Or stayed away, and the sentence says only when or how often: «Holm udeblev igen i dag»,
      // «Holm udeblev.» (not «Lykke udeblev ved banko», «Fred udeblev igen»: luck and peace stay
      // away too).
      if (STAYS_AWAY_AS_A_THING.test(w(v - 1))) return false;
      let n = v + 1;
      while (
        tokens[n] &&
        !/[.!?\n]/.test(text.slice(tokens[n - 1]!.end, tokens[n]!.start)) &&
        STAYED_AWAY_WHEN.test(w(n))
      ) {
        n++;
      }
      return !tokens[n] || /[.!?\n]/.test(text.slice(tokens[n - 1]!.end, tokens[n]!.start));
    }
    if (/^(?:har|havde)$/.test(verb)) {
      const done = laterInSentence(v, 5, (t) => DUTY_PARTICIPLES.has(t.lower));
      return done >= 0 && (dutyObject(done + 1) || dutyObject(v + 1));
    }
    if (!/^(?:møder|mødte)$/.test(verb)) return false;
    let n = v + 1;
    while (n < v + 4 && /^(?:ikke|først|stadig|endelig|aldrig|igen)$/.test(w(n))) n++;
    if (w(n) !== 'op' || !onlySpacesBetween(v, n - v)) return false;
    // (At an hour: "Frost mødte op kl. 9".)
    if (/^(?:kl|klokken)$/.test(w(n + 1))) return true;
    return (
      !season ||
      (w(n + 1) === 'til' &&
        /^(?:vagt|vagten|arbejde|arbejdet|møde|mødet|samtale|samtalen|aftale|aftalen|tiden)$/.test(
          w(n + 2),
        ))
    );
  };
  /** A bare word the list holds as a name, and no title, role, family word, office or definite form. */
  const bareListedName = (lower: string) =>
    words.listedName(lower) &&
    !TITLES.has(lower) &&
    !ROLES.has(lower) &&
    !KINSHIP.has(lower) &&
    !words.institution(lower) &&
    !/(?:en|et|ne)$/.test(lower);
  /**
   * "bor i lem", "flyttet til fur", "opvokset i vig": where someone lives, grew up or moved to, a
   * bare word in lower case that ends the phrase is the place's own name, even when it is an
   * everyday word too — a village of a few hundred people is in no town list. Not a kind of home
   * ("bor i lejlighed", "bor på plejehjem"), a word before one ("bor i lille lejlighed"), a
   * definite form ("bor på landet"), a time ("flyttede til i sommer") or a fixed phrase ("bor i
   * øvrigt hos sin mor").
   */
  const villageAfter = (k: number): boolean => {
    const t = tokens[k]!;
    // The word's own tests first, the cue before it last (most words fail the first).
    if (t.raw !== t.lower || t.lower.length < 2) return false;
    const lower = t.lower;
    if (
      // Villages that are everyday words are short ("lem", "vig", "fur", "omme"); a longer word
      // there is how someone lives ("bor i plejefamilie", "flyttet til aflastning").
      lower.length > 4 ||
      ABBREVIATIONS.has(lower) ||
      KIN_WORD.test(lower) ||
      SMALL_WORDS.has(lower) ||
      HOUSING.has(lower) ||
      BEFORE_NUMBERS.has(lower) ||
      NOT_A_VILLAGE.has(lower) ||
      // "flyttet til mor": a person.
      KINSHIP.has(lower) ||
      ROLES.has(lower) ||
      TITLES.has(lower) ||
      MONTH_WORD.test(lower) ||
      !words.ordinary(lower) ||
      // A definite form of an everyday word ("landet", "byen", "gaden").
      (/(?:en|et|ne)$/.test(lower) &&
        [lower.slice(0, -1), lower.slice(0, -2)].some((w) => words.ordinary(w)))
    ) {
      return false;
    }
    // The phrase ends here: a stop, the end, or a word that goes on with the sentence.
    const after = text.slice(t.end, t.end + 2);
    if (/^[^\S\n]*\d/.test(after)) return false;
    const next = tokens[k + 1];
    const ends =
      !next ||
      /[^\p{L}\s]|\n/u.test(text.slice(t.end, next.start)) ||
      PHRASE_GOES_ON.has(next.lower);
    if (!ends) return false;
    if (LIVES_OR_MOVED.test(text.slice(Math.max(0, t.start - 40), t.start))) return true;
    // "… på kirkevej 3 i vig": «i» right after an address that was masked.
    return tokens[k - 1]?.lower === 'i' && lastMaskEnd(found, tokens[k - 1]!.start - 1);
  };
  /** Between token `k` and token `k + n`, nothing but spaces (no stop, no line end). */
  const onlySpacesBetween = (k: number, n: number) =>
    !/[^\p{L}\p{M}\s]|\n/u.test(text.slice(tokens[k]!.end, tokens[k + n]?.start ?? tokens[k]!.end));
  /**
   * "skov var syg", "dam har været syg hele ugen", "sommer har ferie", "holm er på ferie": said
   * to be ill or away, as only a person is (not "sol var fremme", "sommer er ferie": a season is
   * no one, so a holiday takes «har» or «er på»).
   */
  const personState = (k: number): boolean => {
    const w = (n: number) => tokens[n]?.lower ?? '';
    const verb = w(k + 1);
    let j = k + 2;
    while (j < k + 6 && /^(?:stadig|også|ikke|nu|igen|været|blevet|desværre|lige)$/.test(w(j))) j++;
    const been = tokens.slice(k + 2, j).some((t) => t.lower === 'været' || t.lower === 'blevet');
    const state = w(j);
    const onLeave = w(j) === 'på' && /^(?:ferie|barsel|orlov|kursus)$/.test(w(j + 1));
    // (Not "Vinter er mødt op med sne": a season turns up too.)
    const turnedUp = state === 'mødt' && SEASONS_AND_WEATHER.has(w(k));
    const ok =
      (/^(?:er|var|blev|bliver)$/.test(verb) &&
        ((PERSON_STATES.test(state) && !turnedUp) || onLeave)) ||
      (/^(?:har|havde)$/.test(verb) &&
        (been ? PERSON_STATES.test(state) || onLeave : /^(?:ferie|fri|barsel|orlov)$/.test(state)));
    return ok && onlySpacesBetween(k, j - k + (onLeave ? 1 : 0));
  };
  /**
   * "hun hedder hjort", "kæresten hedder sommer til efternavn", "hun hed tidligere skov": what a
   * person is called — «hedder» or «hed» after a pronoun or a word for someone, past an adverb or
   * two (not "kurset hedder mindfulness", "en hed diskussion", "hun hed noget andet").
   */
  const namedAs = (k: number): boolean => {
    const t = tokens[k]!;
    let v = k - 1;
    while (v > k - 3 && NAMED_ADVERBS.test(tokens[v]?.lower ?? '')) v--;
    const subject = tokens[v - 1]?.lower ?? '';
    return (
      /^(?:hedder|hed)$/.test(tokens[v]?.lower ?? '') &&
      (/^(?:han|hun|jeg|du|vi|de)$/.test(subject) ||
        KIN_WORD.test(subject) ||
        ROLES.has(subject) ||
        TITLES.has(subject) ||
        /(?:kæreste|kæresten|veninden|vennen|manden|konen|sønnen|datteren)$/.test(subject)) &&
      onlySpacesBetween(v, k - v) &&
      !SMALL_WORDS.has(t.lower) &&
      !NAMED_ADVERBS.test(t.lower) &&
      !/^(?:noget|ikke|også|nu)$/.test(t.lower) &&
      t.lower.length >= 2
    );
  };
  /**
   * A capitalised word alone in quotes as the subject of what follows: opening a sentence or
   * after «at» (""Pip" har ikke drukket", «oplyser at "Muffe" altid har været bange»), before
   * a verb of its own (not «er», «var», «betyder»: a word quoted to say what it means).
   */
  const quotedSubject = (word: string, before: string, rest: string): boolean => {
    // A thing's definite or plural form is no one's name: «"Stemmerne" talte», «"Smerter" …».
    const lower = word.toLowerCase();
    if (/(?:en|et|ne|er)$/u.test(lower) && !words.listedName(lower)) return false;
    const opens =
      /(?:^|[.!?:]\s{1,3}|\n\s*)$/u.test(before) || /(?<![\p{L}])at[^\S\n]+$/u.test(before);
    if (!opens) return false;
    const said =
      /^[^\S\n]+(?:(?:altid|aldrig|ikke|stadig|også|gerne|nu|igen|selv)[^\S\n]+)?(\p{Ll}+)(?:[^\S\n]+(\p{Ll}+))?/u.exec(
        rest,
      );
    const then = said?.[1] ?? '';
    if (/^(?:er|var|bliver|blev|betyder|betød|hedder|står|stod|lyder|lød)$/.test(then)) {
      return false;
    }
    // («"Hjem" sagde han»: the quote is what was said, its subject after the verb.)
    // ("har det godt": «det» and «den» are what is had as often.)
    const subject = said?.[2] ?? '';
    if (/^(?:jeg|du|han|hun|vi|i|de|man|pt)$/.test(subject) || ROLES.has(subject)) return false;
    // A verb a person does ("har", "ville", "ringede"), not any verb: «"Angst" fyldte meget».
    // An everyday word quoted («"Angst" har fyldt», «"Kaffe" hjælper») only before what only a
    // person does («"Bamse" ringede»).
    if (words.ordinary(lower) && !words.listedName(lower)) return PERSON_VERBS.has(then);
    return FINITE_VERBS.has(then) || HUMAN_VERBS.has(then) || SUBJECT_VERBS.has(then);
  };
  // "Pt's kæreste "Tykke" kom", "sønnen "Bamse"", ""Sol" (Solveig) har haft anfald": a word
  // alone in quotes right after a word for someone, or with a name in brackets after it, is what
  // that person is called.
  for (const m of text.matchAll(QUOTED_WORD)) {
    const at = m.index + m[1]!.length;
    if (covered[at]) continue;
    const word = m[2]!;
    const before = text.slice(Math.max(0, m.index - 30), m.index);
    const whoAt = /(?:(\p{L}+)[^\S\n]+)?(\p{L}+)[^\S\n]{1,2}$/u.exec(before);
    const who = whoAt?.[2]?.toLowerCase() ?? '';
    // The word for someone as the one who does something ("Pt's kæreste "Tykke" kom", "Sønnen
    // "Bamse" ringede"), not after a word that makes the quote what was said to them, played or
    // seen with them ("Råbte til sønnen "Stop"", "Svarede kæresten «Aldrig»", "med naboen "Krig"").
    const toThem = NOT_THEIR_NAME_BEFORE.test(whoAt?.[1]?.toLowerCase() ?? '');
    // ("kæresten", "sønnen": the word for someone in its definite form.)
    const stem = /^(.*?(\p{L}))\2?e?n$/u.exec(who)?.[1] ?? who;
    // What someone is called or spoken of as: «omtaler borger som "Bedste"», «kalder hende
    // "Muffe"» (not «kalder medicinen "Giften"», «kendt som "Lykkepiller"»: a thing).
    const calledAs =
      /(?:^|[^\p{L}])(?:(?:omtal|kald|tiltal|nævn)\p{L}*[^\S\n]+(?:hende|ham|sig|dem|borger(?:en)?|pt\.?|patient(?:en)?|beboer(?:en)?|klient(?:en)?)(?:[^\S\n]+(?:for|som))?|(?:kalde|øge|kæle)navnet|bruger[^\S\n]+navnet)[^\S\n]*$/iu.test(
        before,
      );
    const someone =
      KIN_WORD.test(who) ||
      KIN_WORD.test(stem) ||
      KIN_WORD.test(`${stem}e`) ||
      ROLES.has(who) ||
      calledAs ||
      /^(?:kaldet|kaldes|kalder|kaldenavn|øgenavn)$/.test(who);
    // (After its closing quote.)
    const rest = text.slice(m.index + m[0].length + 1, m.index + m[0].length + 40);
    // ("Sol" (Solveig); not "Hjem" (Planen): a name in the brackets, not an everyday word.)
    const bracketed = /^[^\S\n]{0,2}\((\p{Lu}\p{Ll}+)(?:[^\S\n]\p{Lu}\p{Ll}+)?\)/u.exec(rest)?.[1];
    // («"Muffe" (ekskone)»: who it is, in brackets after it.)
    const kinAfter = /^[^\S\n]{0,2}\((\p{Ll}+)\)/u.exec(rest)?.[1];
    const namedAfter =
      (!!bracketed &&
        (words.name(bracketed.toLowerCase(), true) || !words.ordinary(bracketed.toLowerCase()))) ||
      (!!kinAfter && (KIN_WORD.test(kinAfter) || KIN_WORD.test(kinAfter.replace(/^eks?-?/u, ''))));
    // After a word for someone, only where the sentence goes on ("kæresten "Tykke" kom"): at its
    // end the quote is what was said or seen ("Råbte til sønnen "Stop".", "med naboen "Krig"").
    const lower = word.toLowerCase();
    if (word === lower) {
      // In lower case only as the subject of a verb after it ("kæresten "tykke" kom",
      // "datteren "lillemus" ringede"), and never a verb or a small word itself ("sønnen
      // "glemte" at ringe", "naboen "altid" hjælpsom": a word said with a wink).
      const then = /^[^\S\n]+(\p{Ll}+)/u.exec(rest)?.[1] ?? '';
      const doesSomething =
        FINITE_VERBS.has(then) ||
        HUMAN_VERBS.has(then) ||
        SUBJECT_VERBS.has(then) ||
        /^\p{Ll}{2,}(?:ede|te)$/u.test(then);
      const itsOwnVerb =
        SMALL_WORDS.has(lower) ||
        WINK_WORDS.test(lower) ||
        FINITE_VERBS.has(lower) ||
        HUMAN_VERBS.has(lower) ||
        SUBJECT_VERBS.has(lower) ||
        verbLike(lower) ||
        // ("lotte": a listed name may end so.)
        (/(?:ede|te|er|et)$/u.test(lower) && !words.listedName(lower));
      if (!someone || toThem || !doesSomething || itsOwnVerb) continue;
    } else if (
      !namedAfter &&
      !(someone && !toThem && (calledAs || /^[^\S\n]+\p{Ll}/u.test(rest))) &&
      !quotedSubject(word, before, rest)
    ) {
      continue;
    }
    if (
      TITLES.has(lower) ||
      ROLES.has(lower) ||
      KINSHIP.has(lower) ||
      ABBREVIATIONS.has(lower) ||
      ANSWER_WORDS.test(lower)
    ) {
      continue;
    }
    add('name', at, at + word.length, true);
  }
  // "Spl. K.B.H. har givet", "skrevet af A.M.J.", "kvittering underskrevet k.j": initials with a
  // stop after each letter, in capitals or written small, after a title or a cue that says who
  // wrote, signed or did it.
  for (const m of [...text.matchAll(DOTTED_INITIALS), ...text.matchAll(DOTTED_INITIALS_SMALL)]) {
    const at = m.index;
    if (covered[at]) continue;
    const before = (at > 40 ? '\u0000' : '') + text.slice(Math.max(0, at - 40), at);
    // ("u.a.", "P.S.", "d.d.": an abbreviation written with stops, not someone.)
    const letters = m[0].replace(/[.\s]/g, '');
    if (DOTTED_ABBREVIATIONS.has(letters.toLowerCase())) continue;
    if (letters === letters.toLowerCase() && DOTTED_ABBREVIATIONS_SMALL.has(letters)) continue;
    const word = /(\p{L}+)(\.?)[^\S\n]{1,2}$/u.exec(before);
    const lowerWord = word?.[1]?.toLowerCase() ?? '';
    const title =
      !!word &&
      // A title with a stop only as its short form ("Spl. K.B.H."; "… af læge. P.S." ends one).
      (word[2] === '.'
        ? SHORT_STAFF_TITLES.has(`${lowerWord}.`)
        : TITLES.has(lowerWord) || ROLES.has(lowerWord));
    if (!title && !SIGNED_BY.test(before) && !DONE_BY.test(before) && !SIGNED_BARE.test(before)) {
      continue;
    }
    // Written small, only two letters («underskrevet k.j», «udleveret af a.b.»): «underskrevet
    // m.h.t. videregivelse», «signeret i.f.m. flytning», «v.h.a.» are short forms.
    if (letters === letters.toLowerCase() && letters.length !== 2) continue;
    add('name', at, at + m[0].length, true);
  }
  // "Henr. kom forbi", "Ped. ringede": a first name cut short with its stop where a sentence
  // starts, a small word after it — the start of a name the list holds (a word's too, as often:
  // «pedal»), and no short form the app knows.
  if (options.lexicon?.startsName) {
    for (const m of text.matchAll(CUT_NAME)) {
      const at = m.index + m[1]!.length;
      const raw = m[2]!;
      const lower = raw.toLowerCase();
      if (covered[at]) continue;
      if (
        SHORT_FORMS.has(lower) ||
        NAME_SHORT_FORMS.has(lower) ||
        ABBREVIATIONS.has(lower) ||
        SHORT_STAFF_TITLES.has(`${lower}.`) ||
        TITLE_ABBREVIATIONS.has(lower) ||
        words.ordinary(lower) ||
        !options.lexicon.startsName(lower)
      ) {
        continue;
      }
      add('name', at, at + raw.length, true);
    }
  }
  // "På vagt: ML & KH", "signeret ks/nb", "dobbeltkontrol (AMJ/pe)": two people's initials
  // joined by a slash or «&», after a cue that says who signed, did or checked it, or alone in
  // brackets with capitals in them (not "(KOL/DM)", "(BT/puls)": abbreviations and words).
  for (const m of text.matchAll(INITIALS_LIST)) {
    const at = m.index;
    const stop = at + m[0].length;
    if (covered[at]) continue;
    // Each set of initials and where it is; joined by «/» lower case ones too ("ks/nb"), by a
    // comma, «&», «+» or «og» capitals only ("ML, KH og PO").
    const parts = [...m[0].matchAll(/\p{L}+/gu)]
      .map((p) => ({ word: p[0], at: at + p.index }))
      .filter((p) => p.word.toLowerCase() !== 'og');
    const slashed = /^[\p{L}\s/]+$/u.test(m[0]) && !/\s{2}/.test(m[0]);
    if (!slashed && !parts.every((p) => isAllCaps(p.word))) continue;
    if (/\bog\b/iu.test(m[0]) && !parts.every((p) => isAllCaps(p.word))) continue;
    const before = (at > 40 ? '\u0000' : '') + text.slice(Math.max(0, at - 40), at);
    // Signed ("signeret ks/nb") the letters are initials whatever else they abbreviate; after any
    // other cue ("Dobbeltkontrol (ja/nej)", "dobbeltkontrol: mg/ml", "kontrol af FMK/DD") only
    // letters no list holds as a word, a unit or an abbreviation are.
    const signed =
      SIGNED_BY.test(before) ||
      ON_DUTY.test(before) ||
      CHECKED_BY.test(before) ||
      // Done by them: «kvitteret af BS/ks», «vasket af AB/cd» (a finding is done by no one).
      (DONE_BY.test(before) && /(?<![\p{L}])af[^\S\n]{0,2}:?[^\S\n]{0,3}$/u.test(before)) ||
      (DOUBLE_CHECK.test(before) &&
        /[+&]|[^\S\n]og[^\S\n]/u.test(m[0]) &&
        parts.every((p) => isAllCaps(p.word)));
    const cue = signed || DONE_BY.test(before) || PAIR_CUE.test(before);
    const known = (x: string) => {
      const lower = x.toLowerCase();
      // («Kørt af mor/far»: family and roles are no one's initials.)
      if (KINSHIP.has(lower) || ROLES.has(lower) || TITLES.has(lower)) return true;
      // Signed, capitals are initials whatever they abbreviate ("Signeret ML/KH/PO").
      if (signed && isAllCaps(x)) return false;
      return (
        ANSWER_WORDS.test(lower) ||
        // ("mg/ml"; in capitals, "ML" is someone's.)
        (x === lower && UNITS.has(lower)) ||
        SIGNING_ROLE.test(lower) ||
        SIDES.test(lower) ||
        (!signed &&
          (CLINICAL_ABBREVIATIONS.has(lower) ||
            ABBREVIATIONS.has(lower) ||
            (x === lower && words.ordinary(lower))))
      );
    };
    const bracketed = text[at - 1] === '(' && text[stop] === ')';
    if (parts.some((p) => known(p.word))) continue;
    if (!cue && !(bracketed && parts.some((p) => isAllCaps(p.word)))) continue;
    for (const p of parts) add('name', p.at, p.at + p.word.length, true);
  }
  // "Behandler (SRJ/psyk) konfererer", "(AB/spl.)": in brackets, capitals joined by a slash to
  // a role's short form or a title after them are the person and their role — not an office's or
  // a team's short name ("(PPR/psyk)", "(SSA/SSH)"), nor two words ("(BT/puls)").
  for (const m of text.matchAll(INITIALS_WITH_ROLE)) {
    const initials = m[1]!;
    const role = m[2]!.toLowerCase().replace(/\.$/, '');
    const lower = initials.toLowerCase();
    const at = m.index + m[0].indexOf(initials);
    if (covered[at]) continue;
    const isRole =
      SIGNING_ROLE.test(role) ||
      SHORT_STAFF_TITLES.has(`${role}.`) ||
      CLINICAL_ABBREVIATIONS.has(role) ||
      (TITLES.has(role) && !KINSHIP.has(role)) ||
      STAFF_ROLE_ENDINGS.test(role);
    if (
      !isRole ||
      (ABBREVIATIONS.has(lower) && !ABBREVIATIONS_WRITTEN_SMALL.has(lower)) ||
      CLINICAL_ABBREVIATIONS.has(lower) ||
      SIGNING_ROLE.test(lower) ||
      TITLES.has(lower) ||
      ROLES.has(lower) ||
      ANSWER_WORDS.test(lower) ||
      words.institution(lower) ||
      words.allowedWord(lower)
    ) {
      continue;
    }
    add('name', at, at + initials.length, true);
  }
  tokens.forEach((token, i) => {
    const { raw, start, end, lower } = token;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    if (covered[start]) return;
    if (/\p{N}/u.test(raw)) {
      // A medicine's ATC code ("N05AH03") or a diagnosis's SKS code ("DJ44", "DF321").
      if (ATC_OR_SKS_CODE.test(raw)) return;
      // Codes such as HbA1c, B12, covid19 stay; a user name such as "toveLind62" does not.
      if (!/^\p{L}{1,6}\d{1,3}\p{L}?$/u.test(raw) && !/^\p{L}{1,3}\d\p{L}{1,3}$/u.test(raw)) {
        add('word', start, end, true);
      }
      return;
    }
    if (raw.length < 2) return; // a lone letter: "opgang B", "3F"
    // "medl.nr.", "Pers.nr.", "lok. nr.": a short form with its stop before «nr» names a kind of
    // number (whose digits the number rules weigh), never a person — glued to it, or in lower
    // case ("Hansen. Nr. 3 i rækken" is a sentence's end).
    if (
      raw.length <= 8 &&
      // (Never a word the lists hold as a name: "Talt med Hansen.Nr. til lægen er …" lost its
      // space after the stop.)
      (NUMBER_SHORT_FORMS.has(lower) || (!words.listedName(lower) && !words.name(lower, true))) &&
      (/^\.(?:nr|nummer)(?![\p{L}])/iu.test(text.slice(end, end + 10)) ||
        (raw === lower &&
          /^\.[^\S\n]{1,2}(?:nr|nummer)(?![\p{L}])/u.test(text.slice(end, end + 12))))
    ) {
      return;
    }
    // "Nok (som Siriporn kaldes)": the name someone is called, said right after it.
    if (
      /^\p{Lu}/u.test(raw) &&
      // "Nok" is an everyday small word too; not a pronoun or a thing ("Det (som man kalder …)").
      !SUBJECT_PRONOUNS.has(lower) &&
      !NOT_CALLED.test(lower) &&
      !TITLES.has(lower) &&
      !ROLES.has(lower) &&
      !KINSHIP.has(lower) &&
      NICKNAME_AFTER.test(text.slice(end, end + 60))
    ) {
      add('name', start, end, true);
      surelyNamed.add(raw);
      return;
    }
    // "Lønnr.", "Bevillingsnr.", "ydernr.": what a number is, abbreviated.
    if (lower.length >= 4 && lower.endsWith('nr') && text[end] === '.') return;
    const gap = text.slice(prev ? prev.end : 0, start);
    /** "afd. B. Pt. vågen", "venteværelse C. Medbring": a ward's or a room's letter, then a stop. */
    const placeLetter =
      !!prev && /^\p{Lu}$/u.test(prev.raw) && LETTERED_PLACES.has(tokens[i - 2]?.lower ?? '');
    const initial = !!prev && /^\p{Lu}$/u.test(prev.raw) && /^\.\s*$/.test(gap) && !placeLetter;
    // "dr. Hansen": a dot between only after a title's abbreviation, not a sentence's full stop
    // ("hørt af lægen. Tog 3 uger").
    /** "Bostøttemedarbejder KH", "plejeassistenten Hansen": a staff role by its ending. */
    const staffRole = !!prev && STAFF_ROLE_ENDINGS.test(prev.lower) && !ROLES.has(prev.lower);
    const titled =
      !!prev &&
      // On the same line: a title ending a line names nobody on the next ("…, sygeplejerske\n
      // Tema: udskrivelse").
      (((TITLES.has(prev.lower) || staffRole) && /^[^\S\n]+$/.test(gap)) ||
        (TITLES.has(`${prev.lower}.`) &&
          // "spl. AH", and "Spl.AH" written without its space: initials in capitals.
          (/^\.[^\S\n]+$/.test(gap) || (gap === '.' && isAllCaps(raw) && raw.length <= 4)) &&
          // "Træning med fys. Næste gang …": a short form that ends a sentence as often as it
          // stands before a name — a name only in what reads as one ("Fys. Storm", "ergo. AB").
          (!SENTENCE_ENDING_TITLES.has(prev.lower) ||
            isAllCaps(raw) ||
            !words.ordinary(lower) ||
            (words.listedName(lower) && !words.allowedWord(lower))) &&
          // "… af SSA og SPL. Braden 13": a role's short form in capitals may end a sentence.
          !(prev.raw.length > 2 && isAllCaps(prev.raw)) &&
          // "Ringet til overl. Han kommer kl. 14": a pronoun starts the next sentence.
          !SUBJECT_PRONOUNS.has(lower)) ||
        // A form's field: "Sagsbehandler: AHO", "Læge: Hansen" — not what the field's note
        // says, in an everyday word no list holds as a name ("Bostøtte: Gennemgang af …").
        (PERSON_TITLES.has(prev.lower) &&
          /^\s*:\s*$/.test(gap) &&
          // A label that names a service as well as its worker ("Bostøtte: Gennemgang af …"):
          // only a word that looks like a name is one.
          (!SERVICE_LABELS.has(prev.lower) ||
            isAllCaps(raw) ||
            words.listedName(lower) ||
            !words.ordinary(lower) ||
            !(
              ACTIVITY_ENDINGS.test(lower) ||
              ABBREVIATIONS.has(lower) ||
              SMALL_WORDS.has(lower) ||
              COMMON_WORDS.has(lower)
            ))) ||
        // "Familiebehandler: AKS", "Behandler: Hansen" (not "Familiebehandler: Samtale med mor").
        (staffRole &&
          /^\s*:\s*$/.test(gap) &&
          (isAllCaps(raw) || words.listedName(lower) || !words.ordinary(lower))) ||
        // "egen læge (Hjelm)", "sagsbehandler (AH)": the person in brackets after the title,
        // capitalised, and no shift or standing of the staff ("(Nat)", "(Vikar)",
        // "(praktiserende)" stay).
        ((TITLES.has(prev.lower) || staffRole) &&
          /^\s*\(\s*$/.test(gap) &&
          /^\s*\)/.test(text.slice(end)) &&
          /^\p{Lu}/u.test(raw) &&
          !SHIFT_WORDS.has(lower)));
    const personTitle = titled && PERSON_TITLES.has(prev.lower.replace(/\.$/, ''));
    const nextGap = next ? text.slice(end, next.start) : '';
    const afterAbbreviation = !!prev && TITLE_ABBREVIATIONS.has(prev.lower);
    // After "kl. 15." or "afd. B." a sentence may start, or a name go on ("kl. 15. Fisker og
    // datter kom", "Opgang A. Sommer bor der"): a start only for a word that reads as none — one
    // on its own ("Stemmer.", "Mål:"), a small word or a verb ("Den hvide", "Skal jeg"), or an
    // everyday word's definite form ("Planlægningen ser").
    // Asked only after an abbreviation or a ward's letter: it looks words up in the list.
    const weakStart = () =>
      /^\s*[:.!?]/.test(nextGap || text.slice(end, end + 2) || '.') ||
      SMALL_WORDS.has(lower) ||
      FINITE_VERBS.has(lower) ||
      SUBJECT_VERBS.has(lower) ||
      ABBREVIATIONS.has(lower) ||
      // "kl. 10. Borger var glad": a word for someone's part in the case is never a name.
      ROLES.has(lower) ||
      ((TITLES.has(lower) || STAFF_ROLE_ENDINGS.test(lower)) && !words.listedName(lower)) ||
      ((COMMON_WORDS.has(lower) || ACTIVITY_ENDINGS.test(lower)) &&
        words.ordinary(lower) &&
        !words.listedName(lower)) ||
      (lower.length >= 5 &&
        /(?:en|et|ene|erne)$/.test(lower) &&
        words.ordinary(lower) &&
        !words.listedName(lower));
    const sentenceStart =
      !prev ||
      (/[.!?…]|\n/.test(gap) &&
        // "st. mf., Vrå": an abbreviation's dot before a comma ends no sentence.
        !/^[^\n]*[.…][^\S\n]*,[^\n]*$/.test(gap) &&
        !initial &&
        // "kl. 15 Hansen": the abbreviation's own dot; "kl. 15. Stemmer", "tlf. 199 kr. Skal":
        // a number after it, and then a full stop.
        (!afterAbbreviation || (/^\.?\s*\d[^\p{L}]*[.!?…]\s+$/u.test(gap) && weakStart())) &&
        // "afd. B. Sommer": a letter's own dot; not "i 2019. Har", where a number stands between.
        (!/^\p{L}$/u.test(prev.raw) || !/^\s*\./.test(gap) || (placeLetter && weakStart())));
    const softStart = !sentenceStart && /[:;"“”„«»()[\]•*\-–—/]|'/.test(gap);
    const atStart = sentenceStart || softStart;
    // "lykke ringede", "Hjort sagde": a word the list holds as a name, as the subject of a verb of
    // saying or doing, names someone even when it is an everyday word too.
    const after = (k: number) => tokens[i + k]?.lower ?? '';
    // "Sommer er hendes sagsbehandler", "Munk har været hendes læge": at the start of a
    // sentence, a word the list holds as a name, said to be someone's role, is that person.
    const skip = /^(?:været|blevet)$/.test(after(2)) ? 1 : 0;
    const someonesRole =
      /^(?:er|var|har|havde|blev)$/.test(after(1)) &&
      POSSESSIVES.has(after(2 + skip)) &&
      TITLES.has(after(3 + skip));
    // "Vinter skal ringes op inden jul", "Munk bør informeres": what is to be done to someone,
    // said of a bare word at the sentence's start — a person, as the subject of a verb is.
    const toBeDoneTo =
      /^(?:skal|bør|må|kan|skulle|burde|mangler|venter|ønsker)$/.test(after(1)) &&
      PERSON_PASSIVES.has(after(2));
    // "Skov og jeg gik en tur": beside «jeg», a person.
    const withMe =
      !KINSHIP.has(lower) &&
      !TITLES.has(lower) &&
      !SMALL_WORDS.has(lower) &&
      (/^\s{1,3}(?:og|&)\s{1,3}(?:jeg|mig)(?![\p{L}])/u.test(text.slice(end, end + 12)) ||
        /(?<![\p{L}])(?:jeg|mig)\s{1,3}(?:og|&)\s{1,3}$/iu.test(
          text.slice(Math.max(0, start - 12), start),
        ));
    const subject =
      (!!next && /^\s+$/.test(nextGap) && SUBJECT_VERBS.has(next.lower)) ||
      // "lykke fra jobcentret ringede"
      (!!next &&
        /^(?:fra|på|hos|i)$/.test(next.lower) &&
        notAClauseAfter(i + 1) &&
        // The verb after one or two words of the place ("fra jobcentret har", "fra Røde Kors
        // ringede"), and not «ved», a preposition as often: "Sten i nyren bekræftet ved CT".
        [3, 4].some((k) => {
          const verb = tokens[i + k]?.lower ?? '';
          // Only words and spaces between: "Storm i hovedet, siger pt." is what pt. says.
          const between = text.slice(end, tokens[i + k]?.start ?? end);
          return (
            !/[^\p{L}\p{M}\s]/u.test(between) &&
            verb !== 'ved' &&
            (SUBJECT_VERBS.has(verb) || FINITE_VERBS.has(verb) || HUMAN_VERBS.has(verb)) &&
            !inverted(i + k)
          );
        }));
    // "bor i ringe nu", "flyttede til hals", "kører selv fra vrå": a town that is an everyday
    // word too, where the sentence says someone lives, moved or travels (not "ringe 20 30 …").
    // (the list looked up last: most words stand after no such cue)
    const before24 = text.slice(Math.max(0, start - 24), start);
    const placeCue = PLACE_AFTER.test(before24);
    const town =
      !!prev &&
      (placeCue || TRAVEL_FROM_TO.test(before24)) &&
      !SMALL_WORDS.has(lower) &&
      !/^[^\S\n]*\d/.test(text.slice(end, end + 3)) &&
      !!options.lexicon?.isTown?.(lower);
    const place =
      !!prev &&
      ((placeCue &&
        // "kommer i morgen", "kom til skade", "født i udlandet": everyday words stay.
        (!words.ordinary(lower) || (words.listedName(lower) && !commonWord(lower)))) ||
        town ||
        // "Torvet 3 i tørring": a word after "i" or "ved" right after an address, unless an
        // everyday word ("ved skolen", "i stedet").
        (/^(?:i|ved)$/.test(prev.lower) &&
          lastMaskEnd(found, prev.start - 1) &&
          (!words.ordinary(lower) || (words.listedName(lower) && !commonWord(lower)))) ||
        // "et lille hus i tørring": a listed place that is no everyday word («300 ml i posen»:
        // written small, the definite form of one is the word).
        (/^(?:i|ved|fra|til)$/.test(prev.lower) &&
          words.listedName(lower) &&
          !commonWord(lower) &&
          !(raw === lower && definiteOfEveryday(lower, words))) ||
        villageAfter(i));

    // "Kaldenavn: Tøsen", "kalder ham bare \"Bamse\"", "spørg efter 'Mus'": a nickname.
    const before40 = text.slice(Math.max(0, start - 40), start);
    if (
      !/^(?:bare|altid|for|selv|også|nu|tit|ofte|lille|store|gamle|unge|søde|tykke|lange|skøre|glade|ind|op|ud|ned|hjem)$/.test(
        lower,
      ) &&
      ((NICKNAME_SURE_CUE.test(before40) &&
        !SMALL_WORDS.has(lower) &&
        !NOT_A_NICKNAME.has(lower) &&
        !KINSHIP.has(lower) &&
        !TITLES.has(lower) &&
        !FINITE_VERBS.has(lower) &&
        !SUBJECT_VERBS.has(lower) &&
        !HUMAN_VERBS.has(lower) &&
        !/^(?:en|et|den|det|noget|nogle)$/.test(lower)) ||
        (NICKNAME_CUE.test(before40) &&
          // "(tidligere kaldt Aspergers syndrom)": a word a list allows is what it was called.
          !words.allowedWord(lower) &&
          // The next word after the cue, if it looks like a name: capitalised, quoted or unknown
          // ("øgenavn fra skolen" goes on with the sentence).
          (/^\p{Lu}/u.test(raw) ||
            /["'“”„«»‘’]\s*$/.test(before40) ||
            !words.ordinary(lower) ||
            // "kaldes lille per": a word the list holds as a name (not "kalder pigen skat").
            (words.listedName(lower) && !SMALL_WORDS.has(lower) && !commonWord(lower)))))
    ) {
      add('name', start, end, true);
      if (NICKNAME_SURE_CUE.test(before40)) surelyNamed.add(raw);
      return;
    }
    if (words.allowedWord(lower) && !titled && !initial) return;
    // "Madopar 125 mg", "Mirapexin 0,18 mg": a word a dose follows is a medicine, not a name.
    if (!titled && !initial && DOSE_AFTER.test(text.slice(end, end + 24))) return;
    // A site the app knows by name: "Sundhed.dk".
    const site = /^\.(?:dk|com|org|net|eu|nu)(?![\p{L}\p{N}])/u.exec(text.slice(end, end + 5));
    if (site && words.allowedWord(lower + site[0])) return;
    // "KOL'en", "Hilsen fra SFO'en", "ringede til PPR'en": an abbreviation in its definite form
    // is a thing or an office, never a person (a person's initials take only the genitive's
    // «'s»: "KJ's idé").
    if (ACRONYM_DEFINITE.test(raw)) return;
    // "PPR's psykolog", "KOL's forløb": a known abbreviation's genitive (not "KJ's idé").
    const genitiveOf = /^(\p{Lu}{2,6})['’]s$/u.exec(raw)?.[1]?.toLowerCase();
    if (genitiveOf && !titled && ABBREVIATIONS.has(genitiveOf)) return;
    // "Pt's kæreste", "Borger's søn": a role's genitive (with the apostrophe some write).
    const roleOf = /^(\p{L}{2,})['’]s$/u.exec(lower)?.[1];
    if (roleOf && (ROLES.has(roleOf) || KINSHIP.has(roleOf))) return;
    if (isAllCaps(raw)) {
      // "… obs. igen i morgen. /AH", "/LKJ 14.30", "v/ HBJ": a note signed with its writer's
      // initials after a slash (with a space before it: "ADL/KOL" is two abbreviations).
      const before = text.slice(Math.max(0, start - 4), start);
      const signed =
        // After a sentence's end or at a line's start: "gulv. /AH", "\n/KH".
        /(?:^|[.!?]\s*|\n\s*)\/\s?$/.test(before) ||
        (prev?.lower === 'v' && /^\/\s*$/.test(gap)) ||
        // After a space, only where the note or the line ends, or a time follows ("/LKJ 14.30"),
        // and no list holds it as an abbreviation ("Puls / BT målt").
        (/\s\/\s?$/.test(before) &&
          /^\s*(?:$|\n|\d{1,2}[.:]\d{2}(?!\d))/.test(text.slice(end)) &&
          !ABBREVIATIONS.has(lower));
      if (signed && raw.length <= 4 && !CLINICAL_ABBREVIATIONS.has(lower)) {
        add('name', start, end, true);
        return;
      }
      // "Sign. KOL", "skrevet af MLJ", "Notat ved: HBJ", "ks. GLH", "/spl. KHJ", "/ -AB": said to
      // be who wrote, signed or did it, whatever the letters abbreviate elsewhere.
      const signer = raw.length <= 4 ? signedBy(text, start, end) : false;
      // "vh MR", "Kh KL" closing the note: a greeting's signature is initials, whatever else the
      // letters abbreviate.
      const signedOff =
        // («vh.» with its stop is the left hand: "Hævelse vh. XYZ").
        /(?<![\p{L}])(?:(?:mvh|kh|venlig\s+hilsen|hilsen)\.?|vh)[^\S\n]{0,2}[,:]?\s{0,3}$/iu.test(
          text.slice(Math.max(0, start - 20), start),
        ) && /^[^\S\n]{0,3}[.)]?[^\S\n]{0,3}(?:$|\n)/.test(text.slice(end));
      if (
        (signedOff && raw.length <= 4) ||
        (signer &&
          (signer === 'cue' ||
            signer === 'slash' ||
            // Written by: a role or a shift ("Notat v. SPL.", "Notat v. VAGT.") is no one's
            // initials; an abbreviation of anything else is ("Notat v. HR", "skrevet af KL").
            (signer === 'written' &&
              !(
                // (Four letters and more are an office's as often: "Notat ved: VISO".)
                (raw.length > 3 && ABBREVIATIONS.has(lower)) ||
                CLINICAL_ABBREVIATIONS.has(lower) ||
                SIGNING_ROLE.test(lower) ||
                // ("hr." is a title, «HR» initials.)
                (raw.length > 2 && (TITLES.has(lower) || ROLES.has(lower))) ||
                words.emphasis(raw)
              )) ||
            !(
              ABBREVIATIONS.has(lower) ||
              CLINICAL_ABBREVIATIONS.has(lower) ||
              TITLES.has(lower) ||
              ROLES.has(lower) ||
              words.institution(lower) ||
              words.allowedWord(lower) ||
              // "Aftalt med ALLE".
              words.emphasis(raw) ||
              // After an hour, a word in capitals is what happened then: "kl. 12 MAD", "kl. 8
              // BAD givet", "kl. 14 JA".
              (signer === 'hour' &&
                (words.ordinary(lower) || ANSWER_WORDS.test(lower) || SIDES.test(lower)))
            )))
      ) {
        add('name', start, end, true);
        return;
      }
      // "Videregivet til dagvagten. LMJ ssa": initials and the writer's role (or shift) after a
      // sentence's end, closing the note or its line.
      const roleAfter = /^[^\S\n]{1,2}(\p{L}{2,10})\.?[^\S\n]*(?:$|\n)/u.exec(
        text.slice(end, end + 16),
      );
      if (
        raw.length >= 2 &&
        raw.length <= 4 &&
        !!roleAfter &&
        SIGNING_ROLE.test(roleAfter[1]!.toLowerCase()) &&
        /(?:^|[.!?][^\S\n]*|\n[^\S\n]*)$/.test(text.slice(Math.max(0, start - 4), start)) &&
        !CLINICAL_ABBREVIATIONS.has(lower) &&
        !ABBREVIATIONS.has(lower)
      ) {
        add('name', start, end, true);
        return;
      }
      // "… Henvist til diætist. LKJ": two to four capitals alone after the last sentence's end,
      // closing the note or its line, are its writer's initials (not "… i morgen. OK", "…
      // stabil. KOL": an abbreviation; nor "… i dag. ALLE": emphasis).
      if (
        raw.length >= 2 &&
        raw.length <= 4 &&
        // After a sentence's end (glued to it too: "diætist.LKJ"), a comma or a bracket.
        /(?:[\p{L}\p{N})][.!?][^\S\n]{0,3}|[\p{L}\p{N}],[^\S\n]{1,3}|\)[^\S\n]{1,3})$/u.test(
          text.slice(Math.max(0, start - 6), start),
        ) &&
        // Where the note ends, with a stop, an exclamation or the hour after it (a line's end may
        // close a heading: "… bad. ADL\n…").
        /^[^\S\n]{0,2}(?:[.!]|[^\S\n]\d{1,2}[.:]\d{2})?\s*$/.test(text.slice(end)) &&
        !CLINICAL_ABBREVIATIONS.has(lower) &&
        // (One written small, alone in capitals after a sentence's stop, is someone's: "…
        // forbundet. KH", "… kl. 8. TH" — not "Smerter i knæ, TH".)
        (!ABBREVIATIONS.has(lower) ||
          (ABBREVIATIONS_WRITTEN_SMALL.has(lower) &&
            // (Not kroner: "Udgifter 200. KR".)
            lower !== 'kr' &&
            /[\p{L}\p{N}][.!?][^\S\n]{0,3}$/u.test(text.slice(Math.max(0, start - 6), start)))) &&
        !ANSWER_WORDS.test(lower) &&
        !words.emphasis(raw) &&
        !words.allowedWord(lower)
      ) {
        add('name', start, end, true);
        return;
      }
      // "Bostøttemedarbejder KH", "Sygeplejerske MS": two capitals after a person's title or
      // role are initials, whatever they abbreviate elsewhere ("KH" for a greeting). Three are
      // as often the team's or the method's ("misbrugsbehandler MST"): the list decides.
      // "Tilset af spl. BT 135/85", "henvist til pæd. MR", "svar fra sagsbeh. JA": after a
      // title's short form, a measure's or a scan's short name (with its value), or an answer.
      if (
        titled &&
        SHORT_STAFF_TITLES.has(`${prev?.lower ?? ''}.`) &&
        (ABBREVIATIONS.has(lower) || ANSWER_WORDS.test(lower))
      ) {
        return;
      }
      if (titled && raw.length === 2 && !CLINICAL_ABBREVIATIONS.has(lower)) {
        add('name', start, end, true);
        return;
      }
      if (ABBREVIATIONS.has(lower) || ABBREVIATIONS.has(lower.replace(/s$/, ''))) return;
      // "ASA" (a score, a medicine): in capitals only, for «Asa» is a name.
      if (lower === 'asa') return;
      // "KAD skiftet", "tegn på UVI", "EWS 3": three or four capitals no list holds as a name
      // are a clinical or an office abbreviation.
      // ("Socialrådg. IKKE mødt op": a word in capitals for emphasis.)
      if (titled && !words.emphasis(raw)) {
        add('name', start, end, true);
        return;
      }
      if (options.lexicon && raw.length <= 4 && raw.length >= 3 && !words.listedName(lower)) return;
      if (words.name(lower, true) || !words.ordinary(lower) || !options.lexicon) {
        if (options.lexicon || raw.length > 3) add('name', start, end, true);
      }
      return;
    }
    if (isCapitalised(raw)) {
      // "Bjerg-familien (naboer) har handlet ind", "Hansen-parret", "Skov-familiens hund": a
      // surname joined to the word for its family or its couple — not a kind of family the list
      // holds as one word ("Pleje-familien", "Kerne-familien", "Kæreste-parret"), one joined by
      // an s ("Aflastnings-familien"), nor a small word or a possessive ("Min-familie").
      const family = FAMILY_AFTER.exec(text.slice(end, end + 16));
      if (
        family &&
        !SMALL_WORDS.has(lower) &&
        !POSSESSIVES.has(lower) &&
        !KINSHIP.has(lower) &&
        !TITLES.has(lower) &&
        !ROLES.has(lower) &&
        !FAMILY_KINDS.test(lower) &&
        !(/s$/.test(lower) && !words.listedName(lower)) &&
        !options.lexicon?.isEntry?.(`${lower}${family[1]!.toLowerCase()}`) &&
        // A surname the list holds, or a word it does not know: an everyday word that is no
        // name is a kind of family ("Kontakt-familien", "Weekend-familien", "Pensionist-parret").
        (words.listedName(lower) || everydayNameOfSomeone(lower) || !words.ordinary(lower))
      ) {
        add('name', start, end, true);
        return;
      }
      // "afdeling Syd", "team Nord", "Digital Post": a quarter of a place, the public mailbox.
      if (COMPASS.has(lower) && !!prev && COMPASS_PLACES.has(prev.lower)) return;
      // "Sankt Hans bål", "til Skt. Hans", "St. Hans": midsummer, not a man.
      if (
        (/^(?:sankt|skt|st)$/.test(lower) &&
          next?.lower === 'hans' &&
          /^\.?[^\S\n]+$/.test(nextGap)) ||
        (lower === 'hans' &&
          /^(?:sankt|skt|st)$/.test(prev?.lower ?? '') &&
          /^\.?[^\S\n]+$/.test(gap)) ||
        // "Kristi himmelfartsdag": a holiday.
        (lower === 'kristi' && /^himmelfart/.test(next?.lower ?? '') && /^\s+$/.test(nextGap)) ||
        (/^himmelfart/.test(lower) && prev?.lower === 'kristi' && /^\s+$/.test(gap))
      ) {
        return;
      }
      if (
        (lower === 'digital' && next?.lower === 'post' && /^\s+$/.test(nextGap)) ||
        (lower === 'post' && prev?.lower === 'digital' && /^\s+$/.test(gap))
      ) {
        return;
      }
      // "Lykkes det ikke at få borger op", "Hjælpes han op, …", "Lykkes dette, …": a verb's -s
      // form put first, before its subject pronoun, is no name's genitive («Lykke»'s): a
      // genitive stands before a noun ("Lykkes mor ringede"), never before «det», «han», «man»
      // — nor a word the list holds as a name with its -s («Jens», «Mads»).
      if (
        !titled &&
        /s$/.test(lower) &&
        !!next &&
        /^[^\S\n]+$/.test(nextGap) &&
        (inverted(i) ||
          (/^(?:der|dette)$/.test(next.lower) &&
            !(
              FINITE_VERBS.has(after(2)) ||
              SUBJECT_VERBS.has(after(2)) ||
              HUMAN_VERBS.has(after(2))
            ))) &&
        words.ordinary(lower) &&
        !!options.lexicon &&
        !options.lexicon.isName(lower)
      ) {
        return;
      }
      // "Bells parese", "Colles fraktur", "Bakers cyste": a disease or a test by the name of
      // whoever described it, before the word for what it is.
      // "Graves' sygdom": the genitive's apostrophe after an s.
      if (
        /s$/.test(lower) &&
        !!next &&
        /^['’]?\s+$/.test(nextGap) &&
        EPONYM_HEADS.test(next.lower)
      ) {
        return;
      }
      // "Wernicke-Korsakoffs syndrom", "Guillain-Barrés syndrom": the first of two names joined
      // by a hyphen before it.
      const afterNext = tokens[i + 2];
      if (
        !!next &&
        !!afterNext &&
        /^-$/.test(nextGap) &&
        /^\p{Lu}/u.test(next.raw) &&
        /s$/.test(next.lower) &&
        /^\s+$/.test(text.slice(next.end, afterNext.start)) &&
        EPONYM_HEADS.test(afterNext.lower)
      ) {
        return;
      }
      // "Hamilton-score", "Barthel-indeks", "Lund-Browder-skema": names joined by hyphens to the
      // word for the scale, the test or the method they name.
      // At most three names in a chain: a run of "Ole-Ole-…" is not read again from every word.
      let last = i;
      while (
        last < i + 3 &&
        tokens[last + 1] &&
        text.slice(tokens[last]!.end, tokens[last + 1]!.start) === '-' &&
        /^\p{Lu}/u.test(tokens[last + 1]!.raw)
      ) {
        last++;
      }
      const head = tokens[last + 1];
      if (
        !!head &&
        text.slice(tokens[last]!.end, head.start) === '-' &&
        /^\p{Ll}/u.test(head.raw) &&
        EPONYM_HYPHEN_HEAD.test(head.lower)
      ) {
        return;
      }
      // "Na 131", "Hb 7,2": a measure's short name before its value.
      if (
        !titled &&
        ABBREVIATIONS.has(lower) &&
        // Not an age: "Ida 4-årig", "Ida 3½ år" name a child.
        /^[^\S\n]*\d+(?:[.,]\d+)?(?![.,]?\d|½|\s*år|-år|\s*(?:mdr|måneder)(?![\p{L}]))/u.test(
          text.slice(end, end + 16),
        )
      ) {
        return;
      }
      // 'bor på sin båd "Havørnen"', 'flyttet til «Solbakken»': one capitalised word alone in
      // quotes in mid-sentence, in a definite form, is a boat's, a farm's or a home's own name —
      // even where the list holds it as an everyday word («havørnen», «solbakken»).
      if (
        softStart &&
        /^[^\S\n]*["“„«'‘]$/.test(gap) &&
        // Said to be a boat, a horse, a farm or a home, or where someone lives or moves (not
        // 'hun kalder det "Fængslet"', 'ser "Badehotellet"': a nickname, a title).
        NAMED_HOME_OR_BOAT.test(text.slice(Math.max(0, start - 32), start - 1)) &&
        /^["”“»'’]/.test(text.slice(end, end + 1)) &&
        !!prev &&
        /\p{L}/u.test(prev.raw) &&
        raw.length >= 5 &&
        /(?:en|et|n)$/.test(lower) &&
        !COMMON_WORDS.has(lower) &&
        !words.allowedWord(lower) &&
        !words.institution(lower)
      ) {
        add('name', start, end, true);
        return;
      }
      if (titled || initial) add('name', start, end, true);
      else if (headingCell(start, end)) return;
      else if (!atStart) {
        // "mit Hjerte", "et Blodtryk": a person is never neuter, so an everyday word no list
        // holds as a name stays after a neuter possessive or article; and "hos Lægen", "ring
        // til Sygeplejersken": a role is no one's name.
        // Not «det»: "det Hjort sagde" is "what Hjort said". Nor before a verb ("mit Stig sagde").
        const then = after(1);
        const neuter =
          !!prev &&
          /^(?:mit|sit|dit|et)$/.test(prev.lower) &&
          /^\s+$/.test(gap) &&
          words.ordinary(lower) &&
          !words.name(lower, true) &&
          !words.listedName(lower) &&
          !(
            FINITE_VERBS.has(then) ||
            HUMAN_VERBS.has(then) ||
            SUBJECT_VERBS.has(then) ||
            /^\p{Ll}{2,}(?:ede|te)$/u.test(then)
          );
        // A role in its definite form ("Lægen", "Sygeplejersken"), never right after a name or a
        // capitalised word ("Birgitte Præst", "Pastor Hansen").
        const role =
          TITLES.has(lower) &&
          /(?:en|n)$/.test(lower) &&
          !TITLES_THAT_ARE_NAMES.has(lower) &&
          !KINSHIP.has(lower) &&
          !(!!prev && /^\p{Lu}/u.test(prev.raw));
        if (neuter || role) return;
        // "Mor og Far var med", "henvist til Ortopædkirurgisk Ambulatorium": a family word, or
        // an adjective the language has (-isk, -nsk), capitalised in the middle of a sentence, is
        // no one's name — not a short one, nor one after a name ("Aftale med Frisk", "Kirsten
        // Frisk", "Bent Fisk").
        if (
          (KINSHIP.has(lower) ||
            (lower.length >= 7 &&
              /[in]ske?$/.test(lower) &&
              words.ordinary(lower) &&
              !(!!prev && /^\p{Lu}/u.test(prev.raw)))) &&
          !words.listedName(lower)
        ) {
          return;
        }
        if (!words.institution(lower)) add('name', start, end, true);
      } else if (sentenceStart && FIRST_NAMES_IN_COMMON.has(lower) && words.ordinary(lower)) {
        // "Hans datter", "Per uge", "Storm i nat", "Skov og strand": at the start of a sentence
        // a word that is a first name and an everyday word is the name only when a verb, a
        // surname or another name follows it ("Bo har ondt", "Sten døde", "Hans Jensen", "Kim
        // og Lone", "Per, Bo og Hans").
        const then = tokens[i + 2];
        const inList =
          !!next &&
          ((/^\s+$/.test(nextGap) && /^(?:og|eller)$/.test(next.lower)) ||
            /^\s*,\s*$/.test(nextGap)) &&
          isCapitalised(
            next.lower === 'og' || next.lower === 'eller' ? (then?.raw ?? '') : next.raw,
          );
        const surname = !!next && /^\s+$/.test(nextGap) && isCapitalised(next.raw);
        const verb =
          FINITE_VERBS.has(after(1)) || /^\p{Ll}{2,}ede$/u.test(after(1)) || reportsOrAdmits(i);
        // A note signed "/Tove", or a speaker's label "Kaj:".
        // ("Dag: bad givet", "Nat:" are a shift's notes.)
        const signed =
          !next || /^\s*\n/.test(nextGap) || (/^\s*:/.test(nextGap) && !SHIFT_WORDS.has(lower));
        // "Dam (leder af hjemmeplejen) har godkendt": a role in brackets after it.
        const roleAfter =
          !!next && /^\s*\($/.test(nextGap) && (TITLES.has(next.lower) || ROLES.has(next.lower));
        // "Hans' datter": a genitive's apostrophe, which the pronoun «hans» never has.
        const apostrophe = /s$/.test(lower) && /^['’][^\S\n]/.test(text.slice(end, end + 2));
        if (apostrophe) surelyNamed.add(raw);
        // "Alma 4 år går i børnehave", "Ida 7 år og Emil 5 år", "Alma, 4 år, går": a child, by
        // the age after the name and a verb or another child after the age (not "Per 3 mdr.
        // skiftes", "Smed 30 år, derefter pedel", "Sol 3 år i træk": a preposition, a craft, a
        // word for a time after it).
        const age =
          /^,?[^\S\n]{1,2}\d{1,2}½?(?:[^\S\n]{1,2}(?:år|mdr\.|mdr|md\.|måneder|uger)|-årig(?:e)?)(?![\p{L}])([^\S\n]{1,2}(?:gammel|gamle))?(,?)[^\S\n]+(\p{L}+)/u.exec(
            text.slice(end, end + 40),
          );
        const afterAge = age?.[3] ?? '';
        const aged =
          !!age &&
          // "Skov 2 år gammel er plantet": «gammel» then «er» may say a thing's age.
          !(age[1] && /^(?:er|var|blev|bliver)$/.test(afterAge)) &&
          lower !== 'per' &&
          !CRAFTS.has(lower) &&
          !SHIFT_WORDS.has(lower) &&
          (FINITE_VERBS.has(afterAge.toLowerCase()) ||
            // A verb in the present ("vejer", "kravler"), not a preposition ending so.
            (/^\p{Ll}{2,}r$/u.test(afterAge) &&
              !/^(?:\p{Ll}*(?:efter|under)|(?:hen|ud|oven|der|her)?over|før|eller|hver|mer)$/u.test(
                afterAge,
              )) ||
            // "Sol 7 mdr. gammel ammes": a passive, after a baby's age in months said «gammel»
            // (not "Per 3 mdr. skiftes kateteret": every three months).
            (!!age[1] &&
              /(?:mdr|md\.|måneder|uger)/.test(age[0]) &&
              /^\p{Ll}{3,}es$/u.test(afterAge)) ||
            afterAge === 'og' ||
            (age[2] === ',' && isCapitalised(afterAge)));
        if (
          aged ||
          apostrophe ||
          subject ||
          someonesRole ||
          toBeDoneTo ||
          withMe ||
          surname ||
          inList ||
          verb ||
          signed ||
          roleAfter ||
          telegraphicPerson(i)
        ) {
          add('name', start, end, true);
        }
      } else if (
        words.name(lower, true) ||
        !words.ordinary(lower) ||
        ((subject || someonesRole || toBeDoneTo || withMe) && words.listedName(lower)) ||
        // "Vinter er min kontaktperson", "Bjerg mener ikke, at …", "Krog har stadig ikke
        // svaret": a bare word said to be someone's role, or to say, answer or decide what only
        // a person does, names that person (not "Lægen sagde", "Kommunen mener": those are
        // definite, and a title or an institution).
        (sentenceStart &&
          personLike(lower) &&
          (someonesRole ||
            toBeDoneTo ||
            saysOrDecides(i) ||
            // "Sommer er syg i dag", "Holm oplyser at …", "Rask var mødt op": only a surname or
            // a first name that is a word too.
            (personState(i) && everydayNameOfSomeone(lower)) ||
            (reportsOrAdmits(i) &&
              // ("Dette bekræfter mistanken": the list holds «Dette» as a name too.)
              !DEMONSTRATIVES.test(lower) &&
              (everydayNameOfSomeone(lower) || words.listedName(lower))))) ||
        // "Tingstedskolen ringede", "Solgården plejehjem ringede ikke": a place's own name at the
        // start, as one word with its kind or with the kind after it (not "Sommerhuset er solgt").
        (sentenceStart &&
          !SMALL_WORDS.has(lower) &&
          !FINITE_VERBS.has(lower) &&
          !verbLike(lower) &&
          (namedPlaceCompound(lower) ||
            (PLACE_NAME_ENDINGS.test(lower) &&
              !!next &&
              /^[^\S\n]+$/.test(nextGap) &&
              PLACE_KINDS.test(next.lower) &&
              !words.institution(lower)))) ||
        // "Kastanjehaven har skiftet personale", "Egelunden ringede": at the start, a word made
        // of words that ends as a place's name does and that the list holds only as a compound
        // (not "Baghaven er", "Sommerhuset blev solgt"), before a verb.
        (sentenceStart &&
          !!options.lexicon?.isEntry &&
          lower.length >= 8 &&
          PLACE_NAME_ENDINGS.test(lower) &&
          !options.lexicon.isEntry(lower) &&
          !words.institution(lower) &&
          !verbLike(lower) &&
          // («ved» is as often "by": "Bondegården ved siden af").
          ((FINITE_VERBS.has(after(1)) && after(1) !== 'ved') ||
            /^\p{Ll}{2,}(?:ede|te)$/u.test(after(1)))) ||
        // "Sommer: det er ikke min opgave": a name as a speaker's label.
        (sentenceStart &&
          /^\s*:/.test(nextGap) &&
          words.listedName(lower) &&
          // "Dato:", "Status:" are a form's labels.
          (COMMON_WORDS.has(lower) || FIRST_NAMES_IN_COMMON.has(lower) || !words.ordinary(lower)))
      ) {
        add('name', start, end, true);
      }
      return;
    }
    // Lower case.
    if (!options.lexicon) return;
    // "/hk", "skrevet af mlj": a writer's initials in lower case, which no list holds as a word.
    // (After an hour, a word in lower case is what happened then: "kl. 8 inj. givet".)
    const signedHere = raw.length >= 2 && raw.length <= 4 ? signedBy(text, start, end) : false;
    const signing = signedHere === 'hour' ? false : signedHere;
    if (
      signing &&
      !words.allowedWord(lower) &&
      (!words.ordinary(lower) ||
        // After a slash at the end, a short word too ("/hk", "/ah"), unless a small word or an
        // abbreviation ("/ok", "/kh"; a short form written small is a signature there: "/jf.");
        // three letters after a writer's cue ("skrevet af ras."), unless a role or a family word
        // too ("skrevet af mor").
        (((signing === 'slash' && raw.length <= 2) ||
          ((signing === 'written' || signing === 'cue') && raw.length === 3)) &&
          !SMALL_WORDS.has(lower) &&
          !COMMON_WORDS.has(lower) &&
          (!ABBREVIATIONS.has(lower) ||
            (ABBREVIATIONS_WRITTEN_SMALL.has(lower) && lower !== 'kh' && signing === 'slash')) &&
          !ANSWER_WORDS.test(lower) &&
          !SIGNING_ROLE.test(lower) &&
          !TITLES.has(lower) &&
          !ROLES.has(lower) &&
          !KINSHIP.has(lower) &&
          !NOTE_WORDS.has(lower)))
    ) {
      add('name', start, end, true);
      return;
    }
    if (ABBREVIATIONS.has(lower)) return;
    /** "en stor sejr", "den store sejr": an article, and a describing word, before it. */
    const describedThing = () =>
      !!prev &&
      (NO_NAME_AFTER.has(tokens[i - 2]?.lower ?? '') ||
        /^(?:den|det|de)$/.test(tokens[i - 2]?.lower ?? '')) &&
      /^[^\S\n]+$/.test(gap) &&
      /^[^\S\n]+$/.test(text.slice(tokens[i - 2]!.end, prev.start)) &&
      words.ordinary(prev.lower) &&
      !words.listedName(prev.lower);
    // "overlæge munk", "dr. sommer": after a title, any word the list holds as a name.
    // "overlæge bjerg vil se hende", "sagsbehandleren krog har ikke ringet": after a title, a
    // bare word that a verb follows is the person, whatever the list holds.
    const verbNext =
      FINITE_VERBS.has(after(1)) || SUBJECT_VERBS.has(after(1)) || HUMAN_VERBS.has(after(1));
    // "hr. skoven", "fru lunden", "dr. bakken": after an honorific, whatever word follows.
    const honorific =
      titled &&
      /^(?:hr|fru|frk|dr|doktor)\.?$/.test(prev!.lower) &&
      !SMALL_WORDS.has(lower) &&
      !TITLES.has(lower) &&
      !ROLES.has(lower) &&
      !KINSHIP.has(lower) &&
      !ABBREVIATIONS.has(lower);
    if (honorific || (personTitle && words.listedName(lower) && !verbLike(lower))) {
      add('name', start, end, true);
    } else if (
      titled &&
      verbNext &&
      personLike(lower) &&
      !FINITE_VERBS.has(lower) &&
      !SUBJECT_VERBS.has(lower) &&
      !HUMAN_VERBS.has(lower) &&
      !/(?:ede|te)$/.test(lower) &&
      // "Sygepl. kontaktes ved ændringer", "Læge tilkaldes ved feber": a passive, what is done.
      !passiveVerb(lower, options.lexicon) &&
      !words.allowedWord(lower)
    ) {
      add('name', start, end, true);
    } else if (titled && (words.name(lower, true) || !words.ordinary(lower))) {
      add('name', start, end, true);
    } else if (
      ((((subject || (atStart && someonesRole)) &&
        words.listedName(lower) &&
        !describedThing() &&
        // "pga. storm kom hun sent": after «pga.» comes the cause, a thing.
        !/^(?:pga|grundet)$/.test(prev?.lower ?? '')) ||
        // "hjort ringer tilbage", "skov var syg": a surname or a first name that is an everyday
        // word too, doing or being what only a person does or is — never after a word that makes
        // it a thing ("en hjort i haven blev"), and never a family word ("hans bror er syg").
        ((subject || personState(i) || reportsOrAdmits(i)) &&
          (atStart || /^(?:og|men|så)$/.test(prev?.lower ?? '')) &&
          everydayNameOfSomeone(lower) &&
          // ("og glad sagde hun tak": in lower case, the describing word.)
          lower !== 'glad' &&
          !NO_NAME_AFTER.has(prev?.lower ?? '') &&
          !POSSESSIVES.has(prev?.lower ?? '') &&
          !KINSHIP.has(lower) &&
          !TITLES_THAT_ARE_NAMES.has(lower))) &&
        // "lyden var god": an everyday word's definite form, in lower case.
        !definiteOfEveryday(lower, words)) ||
      namedAs(i)
    ) {
      // "— sten er hendes mand" (not "i sommer var hans mor indlagt")
      add('name', start, end, true);
    } else if (
      // "hej sten her", "det er bo -", "hej det er rose fra afsnit 4": who writes, by the name.
      words.listedName(lower) &&
      !KINSHIP.has(lower) &&
      !TITLES.has(lower) &&
      SAYS_WHO_WRITES.test(text.slice(Math.max(0, start - 24), start)) &&
      /^[^\S\n]*(?:her(?![\p{L}])|igen(?![\p{L}])|fra\s|[-–—,:.!]|$|\n)/u.test(
        text.slice(end, end + 8),
      ) &&
      // Without a greeting, an everyday word only before a dash ("det er bo - kan du …"; not
      // "Det er ro her i nat", "Det er sten, siger lægen").
      (GREETED.test(text.slice(Math.max(0, start - 24), start)) ||
        !commonWord(lower) ||
        /^[^\S\n]*[-–—]/u.test(text.slice(end, end + 4)))
    ) {
      add('name', start, end, true);
    } else if (
      // "sten og jeg er hjemme", "i går var sten og jeg i byen": someone beside «jeg» is a
      // person (not a family word: "mor og jeg").
      withMe &&
      words.listedName(lower)
    ) {
      add('name', start, end, true);
    } else if (
      // "nede hos møller på 1. sal": after «hos», a bare word the list holds as a name (the
      // everyday word would be definite: "hos mølleren", "hos lægen").
      !!prev &&
      (prev.lower === 'hos' || prev.lower === 'familien' || prev.lower === 'fam') &&
      /^\.?\s+$/.test(gap) &&
      !commonWord(lower) &&
      bareListedName(lower)
    ) {
      add('name', start, end, true);
    } else if (
      // "talte med sten", "aftalt med bonde fra hjemmeplejen", "ringede til bo", "talte med
      // hjort" (a surname the word list holds only as a word)
      !!prev &&
      /^(?:med|til|hos)$/.test(prev.lower) &&
      WITH_VERBS.test(tokens[i - 2]?.lower ?? '') &&
      (words.listedName(lower) || (everydayNameOfSomeone(lower) && lower !== 'glad')) &&
      // "vi ringer til sommer", "skriver til maj igen": a time to come, after a verb not past.
      !(
        prev.lower === 'til' &&
        TIME_NAMES.test(lower) &&
        !/(?:ede|te|et|t)$/.test(tokens[i - 2]?.lower ?? '')
      )
    ) {
      add('name', start, end, true);
    } else if (
      // "mødte pia i dagcentret", "besøgte bo", "hilste på kis", "fik hjælp af storm", "et godt
      // forhold til hjort": a bare word the list holds as a name, as the one met, visited or
      // greeted, or the one help comes from or a bond is with (never a definite form: "mødte
      // modstanden", "hjælp af naboen").
      !!prev &&
      /^[^\S\n]+$/.test(gap) &&
      (MEETS_SOMEONE.test(prev.lower) ||
        (prev.lower === 'på' && /^(?:hilste|hilser|hilse)$/.test(tokens[i - 2]?.lower ?? '')) ||
        (prev.lower === 'af' && tokens[i - 2]?.lower === 'hjælp') ||
        (prev.lower === 'til' && /^forhold(?:et)?$/.test(tokens[i - 2]?.lower ?? ''))) &&
      !SMALL_WORDS.has(lower) &&
      bareListedName(lower)
    ) {
      add('name', start, end, true);
    } else if (
      // "bor på rosenhaven", "ligger på humlehaven", "går i solstrålen": in lower case, where
      // someone lives, lies or goes, a word made of words that ends as a home's or a day
      // centre's name does and that the word list does not hold whole (not "bor på gården",
      // "går i haven", "ligger på plejehjemmet").
      !!prev &&
      /^(?:på|i)$/.test(prev.lower) &&
      /^[^\S\n]+$/.test(gap) &&
      STAYS_AT.test(tokens[i - 2]?.lower ?? '') &&
      lower.length >= 8 &&
      (PLACE_NAME_ENDINGS.test(lower) || /(?:strålen|stjernen|møllen)$/.test(lower)) &&
      !!options.lexicon?.isEntry &&
      !options.lexicon.isEntry(lower) &&
      !words.institution(lower) &&
      !PLACE_KINDS.test(lower) &&
      !verbLike(lower)
    ) {
      add('name', start, end, true);
    } else if (
      // "sms fra storm om at han ikke kan komme", "hilsen fra ravn"
      !!prev &&
      prev.lower === 'fra' &&
      FROM_SOMEONE.test(tokens[i - 2]?.lower ?? '') &&
      words.listedName(lower)
    ) {
      add('name', start, end, true);
    } else if (
      // "plejehjemmet solglimt", "bostedet egeskov": a care home's or a school's own name, after
      // the word for what kind of place it is — a word no list holds, or one that ends as such
      // names do — never a verb or a small word ("plejehjemmet ringede", "skolen i").
      !!prev &&
      PLACE_KINDS.test(prev.lower) &&
      /^\s+$|^\s?\(\s?$/.test(gap) &&
      lower.length >= 4 &&
      !SMALL_WORDS.has(lower) &&
      !commonWord(lower) &&
      !BEFORE_NUMBERS.has(lower) &&
      !FINITE_VERBS.has(lower) &&
      !SUBJECT_VERBS.has(lower) &&
      !HUMAN_VERBS.has(lower) &&
      // Not a kind of place itself: «botilbud (opholdssted)».
      !PLACE_KINDS.test(lower) &&
      // ("med bostedet aflyst pga. sygdom": a participle, what happened to the trip.)
      (!words.ordinary(lower) ||
        (PLACE_NAME_ENDINGS.test(lower) &&
          !verbLike(lower) &&
          !pastParticiple(lower, options.lexicon)))
    ) {
      add('name', start, end, true);
    } else if (namedPlaceCompound(lower)) {
      // "han går på tjørnegårdsskolen": a school's name and its kind as one word, in lower case.
      add('name', start, end, true);
    } else if (
      place &&
      !SMALL_WORDS.has(lower) &&
      (!BEFORE_NUMBERS.has(lower) || town) &&
      !HOUSING.has(lower)
    ) {
      add('address', start, end, true);
    } else if (
      words.name(lower) &&
      // "i sommers": an everyday word's form.
      !commonWord(lower) &&
      // A listed name that is an everyday word too: a short one ("jo", "tit", "per") or a verb
      // ("lyder", "falder") is the word; a longer one ("palle", "holm", "kirsten") the name.
      (!words.ordinary(lower) ||
        (lower.length > 3 &&
          !verbLike(lower) &&
          // "en rosa cardigan", "et helle midt på vejen", "meget lykke": after an article, a
          // possessive or a degree word, the everyday word.
          !(!!prev && NO_NAME_AFTER.has(prev.lower) && /^[^\S\n]+$/.test(gap)) &&
          // "en stor sejr", "en lille sejr": the same with a describing word between.
          !describedThing() &&
          // "der ydes hjælp": a word the list holds as it is, and as a name only without its
          // last «s» (a genitive's: «Yde»), is the word.
          !(options.lexicon!.isWord(lower) && !options.lexicon!.isName(lower)) &&
          // "lyden hakkede", "solen skinner": an everyday word's definite form.
          !definiteOfEveryday(lower, words)))
    ) {
      add('name', start, end, true);
    } else if (!words.ordinary(lower)) add('word', start, end, true);
  });

  // Standalone postcodes: after an address ("Torvet 3, 4900") or the word itself.
  const sure = coverage(text.length, found);
  // (after the words: a town found there may stand before it)
  for (const m of text.matchAll(/(?<![\p{N}])[1-9]\d{3}(?![\p{N}])/gu)) {
    if (sure[m.index]) continue;
    const before = text.slice(Math.max(0, m.index - 16), m.index);
    // "Torvet 3, 4900", "Skolegade 5, 2. – 7100": marks, or a floor, only between.
    const afterAddress =
      m.index >= 2 &&
      found.some(
        (f) =>
          (f.kind === 'address' || f.kind === 'postcode') &&
          f.end <= m.index &&
          m.index - f.end <= 12 &&
          // A floor the address pattern left out between: "Skolegade 5, 2. – 7100".
          /^[\s,.;(–—-]*(?:\d{1,2}\.?(?:\s?(?:sal|th|tv|mf)\.?)?)?[\s,.;(–—-]*$/u.test(
            text.slice(f.end, m.index),
          ),
      );
    // "bor i 4850": a number where a place stands, not a year.
    const year = Number(m[0]) >= 1900 && Number(m[0]) <= 2099;
    const placed = !year && PLACE_AFTER.test(text.slice(Math.max(0, m.index - 24), m.index));
    // "bor i 4900 nu, ikke længere i 4930": once a text gives a postcode, another after «i»,
    // «fra» or «til» is one too (not an amount: no unit follows it).
    // The sentence goes on after it as after a place (its end, «og», a town), never as after an
    // amount ("fra 1500 til 2500 om måneden", "1850 kcal").
    const asPlace = /^\s*(?:$|[.,;:!?)]|og(?![\p{L}])|\p{Lu})/u.test(text.slice(m.index + 4));
    const another =
      !year &&
      // "postnr 4990 står forkert (der står 4900)": what a record says instead.
      /(?:^|[\s(])(?:i|fra|til|(?:der|det)\s+står)\s+$/u.test(before) &&
      asPlace &&
      found.some((f) => f.kind === 'postcode');
    if (afterAddress || placed || another || /post(?:nummer|nr\.?|nr)\s*:?\s*$/iu.test(before)) {
      add('postcode', m.index, m.index + 4);
    }
  }

  // A word masked as a name once is a name wherever it stands in the text.
  const named = new Set(
    found
      .filter((f) => f.kind === 'name')
      .map((f) => f.original.toLowerCase().replace(/['’]s?$/, '')),
  );
  const namedAsWritten = namesAsWritten(found);
  const again = coverage(text.length, found);
  for (const token of tokens) {
    if (again[token.start]) continue;
    // "Hans Jensen … hans datter": in lower case an everyday word is the word ("his").
    if (
      !/^\p{Lu}/u.test(token.raw) &&
      (COMMON_WORDS.has(token.lower) || SMALL_WORDS.has(token.lower))
    ) {
      continue;
    }
    const bare = token.lower.replace(/['’]s?$/, '');
    if (!carriedAsWritten(bare, token.raw.replace(/['’]s?$/, ''), namedAsWritten)) continue;
    if (named.has(bare) || (bare.endsWith('s') && named.has(bare.slice(0, -1)))) {
      add('name', token.start, token.end, true);
    }
  }
  // Names come in pairs: a word the list holds as a name, right beside a name, is one too
  // ("hans Jørgen", "Anne lise").
  // A surname in capitals goes with the name beside it too ("BJERG, LONE", "LONE BJERG"). Never
  // a verb, a family word or a title ("tove siger", "min søster lærke").
  const paired = coverage(text.length, found);
  tokens.forEach((token, i) => {
    if (paired[token.start]) return;
    // "Hansen-Brink", "Ud-Din": the other half of a double name, joined to a name by a hyphen.
    const joined = (a: number, b: number) => text.slice(a, b) === '-';
    const left = tokens[i - 1];
    const right = tokens[i + 1];
    const hyphenedToName =
      /^\p{Lu}/u.test(token.raw) &&
      ((!!left && paired[left.start] === 1 && joined(left.end, token.start)) ||
        (!!right && paired[right.start] === 1 && joined(token.end, right.start)));
    if (hyphenedToName) {
      add('name', token.start, token.end, true);
      return;
    }
    // "Lise Fredag", "Jens August": a weekday or a month with a capital right after a name is
    // its surname — Danish writes the day and the month in lower case.
    const calendarSurname =
      isCapitalised(token.raw) &&
      CALENDAR_WORDS.test(token.lower) &&
      !!left &&
      paired[left.start] === 1 &&
      /^[^\S\n]+$/.test(text.slice(left.end, token.start));
    if (calendarSurname) {
      add('name', token.start, token.end, true);
      return;
    }
    if (SUBJECT_VERBS.has(token.lower) || FINITE_VERBS.has(token.lower)) return;
    if (KINSHIP.has(token.lower) || TITLES.has(token.lower)) return;
    // («dag EBS, aften KAM», «Dag EBS og …»: a shift's word before its initials.)
    if (
      SHIFT_WORDS.has(token.lower) &&
      (token.raw === token.lower || (!!tokens[i + 1] && isAllCaps(tokens[i + 1]!.raw)))
    ) {
      return;
    }
    // "Hun ser Netflix": a word in lower case right after «hun», «han», «jeg» … is their verb.
    if (
      token.raw === token.lower &&
      SUBJECT_PRONOUNS.has(left?.lower ?? '') &&
      /^[^\S\n]+$/.test(text.slice(left!.end, token.start))
    ) {
      return;
    }
    const capitals =
      isAllCaps(token.raw) && token.raw.length >= 3 && !ABBREVIATIONS.has(token.lower);
    if (!capitals && !words.pairedName(token.lower)) return;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    const gap = capitals ? /^(?:[\s-]+|\s*,\s*)$/ : /^[\s-]+$/;
    const beside = (t: (typeof tokens)[number] | undefined, a: number, b: number) =>
      !!t && paired[t.start] === 1 && gap.test(text.slice(a, b));
    if (beside(next, token.end, next?.start ?? 0) || beside(prev, prev?.end ?? 0, token.start)) {
      if (
        found.some((f) => f.kind === 'name' && (f.start === next?.start || f.end === prev?.end))
      ) {
        add('name', token.start, token.end, true);
      }
    }
  });
  // Beside a name, what belongs to it: a nickname in quotes and the surname after it ('Leif
  // "Bulder" Holm'), a name said to be the real one after a nickname ("Sol (egentlig
  // Solveig)"), an unknown word joined to a name by «og» ("Bumse og Tulle"), and a lone initial
  // in a list of names ("Deltagere A., B., MK og Louise").
  const near = coverage(text.length, found);
  const isMasked = (t: (typeof tokens)[number] | undefined) => !!t && near[t.start] === 1;
  /**
   * Two to four capitals that, beside a person's initials, are initials too, even where they
   * also abbreviate a thing ("Til stede: AH og MS") — never a clinical term, a title or an
   * office ("AH og KOL").
   */
  const initialsBesideInitials = (x: (typeof tokens)[number] | undefined) =>
    !!x &&
    isAllCaps(x.raw) &&
    x.raw.length >= 2 &&
    x.raw.length <= 4 &&
    !CLINICAL_ABBREVIATIONS.has(x.lower) &&
    !TITLES.has(x.lower) &&
    !words.institution(x.lower);
  /**
   * Two or three capitals that spell a word too, or an abbreviation written small with its stop
   * ("KL" for kl., "TH" for th., "KR" for kr., "AB", "AK"): initials only where the sentence says
   * a person — as the subject of what a person does, beside a role in brackets, after «med», «v.»
   * or a verb of saying, beside other initials, or as a line's writer ("KL: …"). Never a small
   * word, a clinical or measured term, a title or an institution, and never an abbreviation
   * written in capitals (OBS, NB, CT).
   */
  const capsInitials = (x: (typeof tokens)[number] | undefined) =>
    !!x &&
    isAllCaps(x.raw) &&
    x.raw.length >= 2 &&
    x.raw.length <= 3 &&
    (ABBREVIATIONS_WRITTEN_SMALL.has(x.lower) ||
      ((words.ordinary(x.lower) || words.allowedWord(x.lower)) && !ABBREVIATIONS.has(x.lower))) &&
    !ANSWER_WORDS.test(x.lower) &&
    // "KL 10", "KR 200", "KL: 14.00": the abbreviation, with its number.
    !/^[^\S\n]?[.:]?[^\S\n]?\d/.test(text.slice(x.end, x.end + 4)) &&
    !SMALL_WORDS.has(x.lower) &&
    !FINITE_VERBS.has(x.lower) &&
    !SUBJECT_VERBS.has(x.lower) &&
    !CLINICAL_ABBREVIATIONS.has(x.lower) &&
    !MEASURE_NAMES.has(x.lower) &&
    !TITLES.has(x.lower) &&
    !words.institution(x.lower);
  /**
   * Whether the words from token `k` on are a person's doing: a verb first (one only a person
   * does, or «har»/«vil»/«skal»… before one), and a person's verb or «sin»/«sit»/«sine» within
   * the next few words ("har glemt sin medicin", "deltog i mødet", "ringede igen").
   */
  const initialsSubjectOf = (k: number): boolean => {
    const first = tokens[k]?.lower ?? '';
    if (!FINITE_VERBS.has(first) && !HUMAN_VERBS.has(first) && !PERSON_DOINGS.has(first)) {
      return false;
    }
    for (let j = k; j < Math.min(tokens.length, k + 6); j++) {
      const w = tokens[j]!.lower;
      if (/[.!?\n]/.test(text.slice(tokens[j - 1]?.end ?? tokens[j]!.start, tokens[j]!.start))) {
        if (j > k) return false;
      }
      if (HUMAN_VERBS.has(w) || HUMAN_PARTICIPLES.has(w) || PERSON_DOINGS.has(w)) return true;
      if (/^(?:sin|sit|sine)$/.test(w)) return true;
    }
    return false;
  };
  /** Masked by now: in the masks before this pass, or in one it has added since. */
  const maskedNow = (x: (typeof tokens)[number] | undefined) =>
    isMasked(x) || (!!x && found.some((f) => f.start <= x.start && x.start < f.end));
  /** A masked name at token k, or a lone initial before one ("M. Lund"). */
  const maskedNameAt = (k: number) =>
    maskedNow(tokens[k]) ||
    (/^\p{Lu}$/u.test(tokens[k]?.raw ?? '') &&
      /^\.[^\S\n]{1,2}$/.test(text.slice(tokens[k]!.end, tokens[k + 1]?.start ?? 0)) &&
      maskedNow(tokens[k + 1]));
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i]!;
    const left = tokens[i - 1];
    const right = tokens[i + 1];
    const gapLeft = left ? text.slice(left.end, t.start) : '';
    const gapRight = right ? text.slice(t.end, right.start) : '';
    const quoted =
      isCapitalised(t.raw) &&
      isMasked(left) &&
      /^\s+["“„«»'‘(]$/u.test(gapLeft) &&
      /^["”“»«'’)]\s+$/u.test(gapRight) &&
      !!right &&
      isCapitalised(right.raw);
    if (quoted) {
      if (!near[t.start]) add('name', t.start, t.end, true);
      if (!isMasked(right)) add('name', right!.start, right!.end, true);
      continue;
    }
    if (near[t.start]) continue;
    // "Bopæl: Møllehuset, Nørrevang 9": a house's own name, with a comma, before an address
    // masked (a word of the list only as a compound: not "Huset, Nørrevang 9").
    if (
      isCapitalised(t.raw) &&
      t.lower.length >= 7 &&
      PLACE_NAME_ENDINGS.test(t.lower) &&
      !!right &&
      /^,[^\S\n]{1,2}$/.test(gapRight) &&
      found.some((f) => f.kind === 'address' && f.start === right.start) &&
      !words.institution(t.lower) &&
      !(options.lexicon?.isEntry?.(t.lower) ?? false)
    ) {
      add('address', t.start, t.end, true);
      continue;
    }
    // "kommer fra Sdr. Omme", "bor i nr. Nebel": a town's name after the short form of Sønder,
    // Nørre, Store, Lille or Gammel where someone lives or comes from, which its stop does not
    // make a sentence's start (not "St. Hans": midsummer).
    if (
      /^\p{Lu}\p{Ll}/u.test(t.raw) &&
      /^(?:sdr|nr|st|ll|gl)$/.test(left?.lower ?? '') &&
      /^\.[^\S\n]{0,2}$/.test(gapLeft) &&
      t.lower !== 'hans' &&
      // Where someone lives or comes from: "Sdr. Fløj", "Gl. Apotek", "Gl. Dansk" are no towns.
      PLACE_AFTER.test(text.slice(Math.max(0, left!.start - 24), left!.start))
    ) {
      add('name', t.start, t.end, true);
      continue;
    }
    // "Sv. Aa. Pedersen", "B.-M. Lund": a name's short form with its stop, between two parts of a
    // name that were masked, or joined by a hyphen to one (not "Dr. Hansen": a title stands before
    // a name, not between two parts of one).
    if (
      // A lone capital, a first name's short form ("Aa", "Chr"), or a capital and one or two
      // small letters that are no word and no abbreviation ("Pga.", "Obs.", "Bad." are).
      (/^\p{Lu}$/u.test(t.raw) ||
        (/^\p{Lu}\p{Ll}{1,2}$/u.test(t.raw) &&
          (NAME_SHORT_FORMS.has(t.lower) ||
            (!words.ordinary(t.lower) &&
              !ABBREVIATIONS.has(t.lower) &&
              !SMALL_WORDS.has(t.lower) &&
              !COMMON_WORDS.has(t.lower) &&
              !ANSWER_WORDS.test(t.lower) &&
              !NOTE_WORDS.has(t.lower) &&
              !TITLES.has(t.lower))))) &&
      maskedNameAt(i + 1) &&
      ((maskedNow(left) &&
        /^\.?[^\S\n]{1,2}$/.test(gapLeft) &&
        /^\.[^\S\n]{1,2}$/.test(gapRight)) ||
        /^\.-$/.test(gapRight) ||
        // "Aa. Jensen ringede": a first name's short form before a name, wherever it stands.
        (NAME_SHORT_FORMS.has(t.lower) && /^\.[^\S\n]{1,2}$/.test(gapRight)))
    ) {
      add('name', t.start, t.end, true);
      continue;
    }
    // 'kalder barnet "Pusling" og "Lillemus"': a second nickname in quotes after «og».
    const secondNickname =
      isCapitalised(t.raw) &&
      /^["”“»«'’]/u.test(text.slice(t.end, t.end + 1)) &&
      /["“„«»'‘]$/u.test(gapLeft) &&
      left?.lower === 'og' &&
      isMasked(tokens[i - 2]) &&
      /^["”“»«'’]\s{1,3}$/u.test(text.slice(tokens[i - 2]!.end, left.start));
    // "Modtaget af: ABK/LOJ", "ABK og LOJ": initials joined to initials masked.
    const initialsBefore = left?.lower === 'og' ? tokens[i - 2] : left;
    const pairedInitials =
      initialsBesideInitials(t) &&
      !!initialsBefore &&
      isMasked(initialsBefore) &&
      isAllCaps(initialsBefore.raw) &&
      /^\s?(?:\/|\+|&|-)\s?$|^\s{1,2}og\s{1,2}$/.test(text.slice(initialsBefore.end, t.start));
    // "Frank - det er min nabo - han kom", "Grete (hans søster) ringede": who someone is, beside.
    const apposition =
      isCapitalised(t.raw) &&
      (words.listedName(t.lower) || !words.ordinary(t.lower)) &&
      // An everyday word only when a dash or «det er» says it ("Frank - det er min nabo"; not
      // "Ro, hans datter sad hos").
      (!commonWord(t.lower) || !/^\s{0,2},/.test(text.slice(t.end, t.end + 3))) &&
      !TITLES.has(t.lower) &&
      !KINSHIP.has(t.lower) &&
      !words.allowedWord(t.lower) &&
      !words.institution(t.lower) &&
      SAID_TO_BE.test(text.slice(t.end, t.end + 40));
    // "Ida (4)": an abbreviation in capitals ("IDA"), written as a name and listed as one, which
    // the word list does not hold as a word.
    const nameAsWritten =
      isCapitalised(t.raw) &&
      !isAllCaps(t.raw) &&
      ABBREVIATIONS.has(t.lower) &&
      !CLINICAL_ABBREVIATIONS.has(t.lower) &&
      FIRST_NAMES_IN_COMMON.has(t.lower) &&
      !options.lexicon?.isWord(t.lower);
    // "Storm (7 år) og Vinter (4 år)", "Wiktoria (15)": a person, by the age beside the word (not
    // a family word or a role: "Mor (67 år)", "Drengen (7)").
    const definite =
      /(?:en|et|ne)$/.test(t.lower) &&
      !words.listedName(t.lower) &&
      [t.lower, t.lower.slice(0, -1), t.lower.slice(0, -2)].some((w) => words.ordinary(w));
    // Capitals say little here ("Diabetes (10 år)", "Opkald (mor)"): a word the list holds as a
    // name, one it does not know, or unknown initials.
    const person =
      capsInitials(t) ||
      ((words.listedName(t.lower) ||
        (isCapitalised(t.raw) && SURNAMES_IN_COMMON.has(t.lower)) ||
        (!words.ordinary(t.lower) && (isCapitalised(t.raw) || isAllCaps(t.raw))) ||
        (isAllCaps(t.raw) && t.raw.length <= 4)) &&
        // Of the everyday words, only those that are first names too ("Storm (7 år)", "sol på 2").
        (!COMMON_WORDS.has(t.lower) ||
          FIRST_NAMES_IN_COMMON.has(t.lower) ||
          SURNAMES_IN_COMMON.has(t.lower)) &&
        !definite &&
        !KINSHIP.has(t.lower) &&
        !TITLES.has(t.lower) &&
        !ROLES.has(t.lower) &&
        !SMALL_WORDS.has(t.lower) &&
        !words.allowedWord(t.lower) &&
        !words.institution(t.lower) &&
        (!ABBREVIATIONS.has(t.lower) || nameAsWritten) &&
        !CLINICAL_ABBREVIATIONS.has(t.lower));
    // An everyday word ("Storm", "liv", "dag") only capitalised, not after a word that makes it
    // a thing ("mit liv, 3 år", "hver dag (7)"), and with the age's unit in brackets ("(7 år)").
    const everyday = words.ordinary(t.lower) && !nameAsWritten;
    const aged =
      person &&
      (everyday
        ? (isCapitalised(t.raw) &&
            !THING_BEFORE.test(left?.lower ?? '') &&
            AGE_IN_BRACKETS.test(text.slice(t.end, t.end + 20))) ||
          // "og lille sol på 2": a first name that is an everyday word, in lower case, called
          // little and given an age (not "en lille pause på 2 timer": no name, and a unit).
          (FIRST_NAMES_IN_COMMON.has(t.lower) &&
            /^(?:lille|store|søde)$/.test(left?.lower ?? '') &&
            // «min lille sol på 2» is a name too; «en lille …» is a thing.
            !/^(?:en|et|den|det|hver|hele|sidste|næste|denne|dette)$/.test(
              tokens[i - 2]?.lower ?? '',
            ) &&
            AGE_AFTER.test(text.slice(t.end, t.end + 20)))
        : AGE_AFTER.test(text.slice(t.end, t.end + 20)));
    // "Kiks (vikar)", "SBR (sagsbehandler)": who someone is, in brackets after the word.
    const role = ROLE_IN_BRACKETS.exec(text.slice(t.end, t.end + 40))?.[1]?.toLowerCase();
    const roleBracket =
      !!role &&
      // "Jobcenter Vest (sagsbehandler)": a place's quarter, not a person.
      !COMPASS_PLACES.has(left?.lower ?? '') &&
      !(everyday && THING_BEFORE.test(left?.lower ?? '')) &&
      (isCapitalised(t.raw) ||
        (isAllCaps(t.raw) && t.raw.length <= 4) ||
        // "snakket m. sten (nabo)": a first name in lower case, said to be a neighbour.
        (FIRST_NAMES_IN_COMMON.has(t.lower) && t.lower !== 'hans')) &&
      person &&
      (TITLES.has(role) ||
        KINSHIP.has(role) ||
        BRACKET_ROLES.has(role) ||
        // "AB (jobkonsulent)": letters that spell a word too, said to be someone at work.
        (capsInitials(t) && STAFF_ROLE_ENDINGS.test(role)) ||
        // A role in the case says a person of initials ("AM (borger)"), not of a word
        // ("Jobcentret (borger)").
        (ROLES.has(role) && isAllCaps(t.raw) && t.raw.length <= 4)) &&
      !(ROLES.has(role) && !isAllCaps(t.raw));
    // "Aftalt med KHS at …", "Til stede: mor, far og MKN": initials as the one talked with, or in
    // the list of who was there.
    const unknownInitialsAt = (x: (typeof tokens)[number] | undefined, talked = false) =>
      !!x &&
      isAllCaps(x.raw) &&
      x.raw.length >= 2 &&
      x.raw.length <= 4 &&
      // Someone is talked with, never a measure: "aftalt med HB" is a person, not haemoglobin
      // (but "aftalt med SFO" is the after-school club).
      ((talked &&
        MEASURE_NAMES.has(x.lower) &&
        !/^[^\S\n]?[:=]?[^\S\n]?\d/.test(text.slice(x.end, x.end + 4))) ||
        (!ABBREVIATIONS.has(x.lower) &&
          !CLINICAL_ABBREVIATIONS.has(x.lower) &&
          !words.allowedWord(x.lower))) &&
      !TITLES.has(x.lower) &&
      !words.institution(x.lower) &&
      !ANSWER_WORDS.test(x.lower) &&
      // "Aftalt med ALLE", "talte med HELE holdet".
      !words.emphasis(x.raw);
    /**
     * Initials as the one talked with: "aftalt med AKH", "talte m. AKH", "efter samtale m. ML og
     * TBH" (a meeting's word, with «med» only: "samtale til AKH" is no talk with AKH).
     */
    const initialsToken = (k: number) =>
      unknownInitialsAt(tokens[k], true) || capsInitials(tokens[k]);
    const talkedWith = (k: number) =>
      initialsToken(k) &&
      /^(?:med|m|til|hos)$/.test(tokens[k - 1]?.lower ?? '') &&
      (WITH_VERBS.test(tokens[k - 2]?.lower ?? '') ||
        // After a meeting only two of them or more, joined by «og» («samtale m. ML og TBH»):
        // one alone is as often an office, a union or a school («møde med KLF», «samtale m. PFA»).
        (/^(?:med|m)$/.test(tokens[k - 1]!.lower) &&
          MEETING_NOUNS.test(tokens[k - 2]?.lower ?? '') &&
          tokens[k + 1]?.lower === 'og' &&
          initialsToken(k + 2)));
    // The line before it, as far back as a list of those present reaches (a bound: this is asked
    // of every such word, and a line may be a whole text).
    const lineBefore = () => {
      const window = text.slice(Math.max(0, t.start - 200), t.start);
      return window.slice(window.lastIndexOf('\n') + 1);
    };
    const initialsOfPerson =
      // "SFO-pædagog": the first part of a word.
      !/^-\p{L}/u.test(text.slice(t.end, t.end + 2)) &&
      (talkedWith(i) ||
        // "ringede KR kl 16.10", "sagde AH at …": initials right after what a person does.
        ((unknownInitialsAt(t) || capsInitials(t)) &&
          /^[^\S\n]{1,2}$/.test(gapLeft) &&
          DOES_BEFORE_INITIALS.test(left?.lower ?? '')) ||
        // "notat v. KL", "KL: hun vil gerne i praktik", "KL og MH var med": letters that also
        // abbreviate, where only a person can stand (not "ifølge KL": the municipalities' body).
        (capsInitials(t) &&
          (left?.lower === 'v' ||
            // "bisidder (AK)": in brackets after someone's part in the case.
            (/\($/.test(gapLeft) &&
              /^\)/.test(gapRight) &&
              (TITLES.has(left?.lower ?? '') ||
                ROLES.has(left?.lower ?? '') ||
                KINSHIP.has(left?.lower ?? '') ||
                BRACKET_ROLES.has(left?.lower ?? '') ||
                KIN_WORD.test(left?.lower ?? '') ||
                STAFF_ROLE_ENDINGS.test(left?.lower ?? ''))) ||
            // "bm. til TH: husk at ringe": a note to someone.
            (left?.lower === 'til' && /^[^\S\n]?:/.test(gapRight)) ||
            // A line's writer: only letters that abbreviate ("KL: …"), not a heading that is
            // a word ("MÅL: …", "SÅR: …").
            (ABBREVIATIONS_WRITTEN_SMALL.has(t.lower) &&
              /^[^\S\n]*$/.test(text.slice(text.lastIndexOf('\n', t.start - 1) + 1, t.start)) &&
              /^[^\S\n]?:/.test(gapRight)) ||
            (/^[^\S\n]{1,2}(?:og|,)[^\S\n]{0,2}$/.test(
              text.slice(t.end, tokens[i + 2]?.start ?? t.end),
            ) &&
              (right?.lower === 'og' ? isMasked(tokens[i + 2]) : isMasked(right)) &&
              isAllCaps((right?.lower === 'og' ? tokens[i + 2] : right)?.raw ?? '')))) ||
        ((unknownInitialsAt(t) ||
          capsInitials(t) ||
          // "Til stede: AH og MS": after «og» and initials, letters that also abbreviate a
          // thing (not a clinical term).
          (left?.lower === 'og' &&
            unknownInitialsAt(tokens[i - 2]) &&
            initialsBesideInitials(t))) &&
          // "aftalt med AKH og LMS", "AKH/LMS": the second of a pair.
          ((left?.lower === 'og' && talkedWith(i - 2)) ||
            (/^\s?[/&+]\s?$/.test(gapLeft) && talkedWith(i - 1)) ||
            (/(?:,|\sog|:)\s{0,3}$/.test(text.slice(Math.max(0, t.start - 6), t.start)) &&
              PRESENT_LIST.test(lineBefore())))));
    // "IL har glemt sin medicin", "AH og MS deltog i mødet": unknown initials as the subject of
    // a sentence that says a person (a verb only a person does, or «sin»), with any initials
    // joined to them by «og».
    const startsSentence =
      t.start === 0 || /[.!?:;\n][^\S\n]{0,3}$/.test(text.slice(Math.max(0, t.start - 4), t.start));
    const initialsPartner =
      right?.lower === 'og' && initialsBesideInitials(tokens[i + 2]) ? tokens[i + 2] : undefined;
    const subjectInitials =
      startsSentence &&
      (unknownInitialsAt(t) ||
        // "KL mødte ikke op", "KL ringede": of letters that also abbreviate, only what a person
        // does (not "KL mener", "KL anbefaler": the municipalities' body says so too).
        (capsInitials(t) &&
          (PERSON_DOINGS.has(right?.lower ?? '') ||
            /^(?:ringede|ringer|ringet|kom|kommer|glemte|glemmer|har|havde)$/.test(
              right?.lower ?? '',
            )))) &&
      initialsSubjectOf(initialsPartner ? i + 3 : i + 1);
    // "praktik i Føtex i [by]", "arbejder i Bilka i [by]": a shop or a firm named beside a town
    // that was masked says where the person works, so its name goes too (a word the language
    // has, "Kommunen i …", "Netto" the word, stays unless the list of chains holds it).
    const firmInTown =
      isCapitalised(t.raw) &&
      /^(?:i|på|ved)$/.test(right?.lower ?? '') &&
      isMasked(tokens[i + 2]) &&
      /^[^\S\n]+$/.test(gapRight) &&
      (CHAIN_STORES.has(t.lower) ||
        (!words.ordinary(t.lower) &&
          !words.institution(t.lower) &&
          !words.allowedWord(t.lower) &&
          !SMALL_WORDS.has(t.lower) &&
          !TITLES.has(t.lower) &&
          !KINSHIP.has(t.lower) &&
          !ROLES.has(t.lower)));
    // "pendler ry–[by]", "[by]/ry": a town joined by a dash or a slash to a town that was masked,
    // in any case (the town list is asked only here, beside a mask).
    const townBesideTown =
      t.raw.length >= 2 &&
      ((!!right && isMasked(right) && /^[^\S\n]?[-–—/][^\S\n]?$/.test(gapRight)) ||
        (!!left && isMasked(left) && /^[^\S\n]?[-–—/][^\S\n]?$/.test(gapLeft))) &&
      !SMALL_WORDS.has(t.lower) &&
      !!options.lexicon?.isTown?.(t.lower);
    // "skole: Kongevejens Skole", "Sankt Josefs Skole": a word in the genitive with a capital,
    // before the kind of place with a capital, is that place's own name (not "Kommunens
    // Plejecenter": an institution's genitive).
    const ownedPlace =
      isCapitalised(t.raw) &&
      t.lower.length >= 4 &&
      /s$/.test(t.lower) &&
      !!right &&
      isCapitalised(right.raw) &&
      PLACE_KINDS.test(right.lower) &&
      /^[^\S\n]$/.test(gapRight) &&
      !words.institution(t.lower) &&
      !words.institution(t.lower.slice(0, -1)) &&
      !GENERIC_OWNERS.test(t.lower);
    // "plejecentret (Bredagerhus)": a place's own name in brackets after the kind of place.
    const placeInBrackets =
      isCapitalised(t.raw) &&
      !!left &&
      PLACE_KINDS.test(left.lower) &&
      /^\s?\(\s?$/.test(gapLeft) &&
      /^\s?\)/.test(gapRight || text.slice(t.end, t.end + 2)) &&
      !words.allowedWord(t.lower) &&
      !SMALL_WORDS.has(t.lower) &&
      !SHIFT_WORDS.has(t.lower) &&
      !PLACE_KINDS.test(t.lower) &&
      (!words.ordinary(t.lower) ||
        (PLACE_NAME_ENDINGS.test(t.lower) &&
          !verbLike(t.lower) &&
          !pastParticiple(t.lower, options.lexicon)));
    // "kiks (hunden)", "Fister (hans kælenavn fra havnen)": any word, in any case, said in
    // brackets to be a nickname or an animal's name (not a family word, a role or a thing's
    // definite form: "maden (hunden)").
    const nicknamed =
      t.raw.length >= 2 &&
      !SMALL_WORDS.has(t.lower) &&
      !/^(?:hund|hunde|hunden|kat|katte|katten|hvalp|hvalpen)$/.test(t.lower) &&
      !KINSHIP.has(t.lower) &&
      !TITLES.has(t.lower) &&
      !ROLES.has(t.lower) &&
      !definite &&
      !words.allowedWord(t.lower) &&
      !words.institution(t.lower) &&
      !THING_BEFORE.test(left?.lower ?? '') &&
      NAMED_IN_BRACKETS.test(text.slice(t.end, t.end + 40));
    if (
      secondNickname ||
      pairedInitials ||
      apposition ||
      aged ||
      roleBracket ||
      nicknamed ||
      initialsOfPerson ||
      placeInBrackets ||
      subjectInitials ||
      firmInTown ||
      townBesideTown ||
      ownedPlace
    ) {
      add('name', t.start, t.end, true);
      if (subjectInitials && initialsPartner && !isMasked(initialsPartner)) {
        add('name', initialsPartner.start, initialsPartner.end, true);
      }
      // "notat v. KL og TH": the second of a pair of letters that also abbreviate, beside
      // initials masked as someone's (the words after are read first, so it is masked here).
      const partner = tokens[i + 2];
      if (
        (initialsOfPerson || subjectInitials) &&
        isAllCaps(t.raw) &&
        right?.lower === 'og' &&
        /^[^\S\n]+og[^\S\n]+$/.test(text.slice(t.end, partner?.start ?? t.end)) &&
        capsInitials(partner) &&
        !isMasked(partner)
      ) {
        add('name', partner!.start, partner!.end, true);
      }
      if (aged || roleBracket || nicknamed) surelyNamed.add(t.raw);
      continue;
    }
    // "Sol (egentlig Solveig)", "Sol (egl. Solveig)", "Sol, egentlig Solveig,", "(rigtigt navn …)"
    const cueAt = /^(?:egentlig|egl|rettelig|døbt|officielt|rigtigt)$/.test(right?.lower ?? '')
      ? right?.lower === 'rigtigt' && tokens[i + 2]?.lower === 'navn'
        ? i + 2
        : i + 1
      : -1;
    const real = cueAt > 0 ? tokens[cueAt + 1] : undefined;
    const looksNamed = (x: (typeof tokens)[number]) =>
      words.listedName(x.lower) || !words.ordinary(x.lower);
    const realName =
      cueAt > 0 &&
      /^\s{0,3}[(,]\s{0,3}$/u.test(gapRight) &&
      !!real &&
      /^\.?\s{1,3}$/.test(text.slice(tokens[cueAt]!.end, real.start)) &&
      looksNamed(t) &&
      looksNamed(real) &&
      !KINSHIP.has(t.lower) &&
      !TITLES.has(t.lower) &&
      !SMALL_WORDS.has(t.lower) &&
      !words.institution(t.lower) &&
      !words.allowedWord(t.lower);
    if (realName) {
      add('name', t.start, t.end, true);
      if (!isMasked(real)) add('name', real!.start, real!.end, true);
      continue;
    }
    const joined =
      isCapitalised(t.raw) &&
      (!words.ordinary(t.lower) || words.listedName(t.lower)) &&
      !commonWord(t.lower) &&
      !words.allowedWord(t.lower) &&
      !words.institution(t.lower) &&
      isMasked(tokens[i + 2]) &&
      right?.lower === 'og' &&
      /^\s+$/.test(gapRight) &&
      /^\s+$/.test(text.slice(right.end, tokens[i + 2]!.start)) &&
      isCapitalised(tokens[i + 2]!.raw);
    // "mødte rosa og bo", "ørn og ravn fra fodboldholdet": a first name that is an everyday word
    // too, joined by «og» to a name, in any case.
    // Not in a list with commas (the list's own rule reads those: "holm, lund og mose" are
    // words), nor a verb after a modal ("vil gerne bo og kirsten vil").
    const listed = (x: (typeof tokens)[number] | undefined, k: number) =>
      !!x && /,[^\S\n]*$/.test(text.slice(tokens[k - 1]?.end ?? 0, x.start));
    const partnerAt = right?.lower === 'og' ? i + 2 : left?.lower === 'og' ? i - 2 : -1;
    const partner = partnerAt >= 0 ? tokens[partnerAt] : undefined;
    const pairedFirstName =
      FIRST_NAMES_IN_COMMON.has(t.lower) &&
      t.lower !== 'hans' &&
      !!partner &&
      isMasked(partner) &&
      /^[^\S\n]+og[^\S\n]+$/.test(
        partnerAt > i ? text.slice(t.end, partner.start) : text.slice(partner.end, t.start),
      ) &&
      !listed(t, i) &&
      !listed(partner, partnerAt) &&
      !MODAL_BEFORE.test(left?.lower ?? '');
    if (joined || pairedFirstName) {
      add('name', t.start, t.end, true);
      continue;
    }
  }
  // Said of a name, in the citizen's spoken words, without a comma: who the person is right
  // after it ("storm min søn han er 14", "August min lillebror er den eneste"), who it is before
  // it and «han»/«hun» after ("min dreng bo han har adhd"); a text that opens with who writes
  // ("rose her, jeg kan ikk komme"); and who a greeting is to ("hej sten og lis"). Only a word
  // the list holds as a name, at a clause's start for the first, never a family word, a title,
  // a small word or a verb.
  const spokenNames = coverage(text.length, found);
  /** Found here: a name beyond doubt for the lower-case list below. */
  const saidNames = new Set<number>();
  /** A word the list holds as a name, and nothing a name is never: a small word, a family word, a title, a role, a verb, an allowed word or a place. */
  const nameWord = (x: (typeof tokens)[number] | undefined) =>
    !!x &&
    words.listedName(x.lower) &&
    !neverAName(x.lower) &&
    !FINITE_VERBS.has(x.lower) &&
    !SUBJECT_VERBS.has(x.lower) &&
    !HUMAN_VERBS.has(x.lower) &&
    !words.allowedWord(x.lower) &&
    !words.institution(x.lower);
  tokens.forEach((t, k) => {
    if (spokenNames[t.start] || !nameWord(t)) return;
    const prev = tokens[k - 1];
    const before = text.slice(prev ? prev.end : Math.max(0, t.start - 40), t.start);
    const clauseStart = !prev || /[.!?:;\n]/.test(before);
    // "sammen med storm min søn", "hos ravn altså min fysioterapeut": after a word for with whom.
    const withWhom =
      !!prev && /^(?:hos|med|til|fra|og)$/.test(prev.lower) && /^[^\S\n]{1,2}$/.test(before);
    const after = text.slice(t.end, t.end + 60);
    // A mark where the window is cut, so «^» is the text's start and nothing else.
    const lineBefore =
      (t.start > 40 ? '\u0000' : '') + text.slice(Math.max(0, t.start - 40), t.start);
    const named =
      ((clauseStart || withWhom) && KIN_AFTER.test(after)) ||
      (KIN_BEFORE.test(lineBefore) && /^[^\S\n]{1,2}(?:han|hun)(?![\p{L}])/u.test(after)) ||
      (/(?:^|\n)[^\S\n]*$/.test(lineBefore) &&
        /^[^\S\n]{1,2}her[^\S\n]{0,2}[,.!:–—-]/u.test(after)) ||
      GREETING_START.test(lineBefore);
    if (!named) return;
    add('name', t.start, t.end, true);
    for (let c = t.start; c < t.end; c++) spokenNames[c] = 1;
    saidNames.add(t.start);
  });
  // "pia, sten og ole kom", "bo og kirsten fra kirken": a list written in lower case, where one
  // item is a name, is a list of people; a word beside it that the list holds as a name is one
  // too, an everyday one as well ("sten", "bo"). Only lower case beside lower case (in "at bo og
  // Kirsten" the capital says the writer tells names apart), never a small word, a family word,
  // a title or a verb, and item by item from a name, both ways, until no more is found.
  const inList = coverage(text.length, found);
  const lowerListed = (x: (typeof tokens)[number] | undefined) =>
    !!x &&
    /^\p{Ll}/u.test(x.raw) &&
    nameWord(x) &&
    (!commonWord(x.lower) || FIRST_NAMES_IN_COMMON.has(x.lower) || SURNAMES_IN_COMMON.has(x.lower));
  /** Masked here, from a name in the list. */
  const fromList = new Set<number>(saidNames);
  // The item that makes it a list of names is one beyond doubt: a word the list holds as a
  // name and no everyday word ("ole", "kirsten"; not "lund", which may be masked for another
  // reason in "holm, lund og mose"). And an everyday word beside it only if it is a first name
  // or a surname too ("sten", "bo"; not "lys" in "reagerer på lys, iris …").
  const maskedLower = (x: (typeof tokens)[number] | undefined) =>
    !!x &&
    inList[x.start] === 1 &&
    /^\p{Ll}/u.test(x.raw) &&
    (fromList.has(x.start) ||
      (words.listedName(x.lower) &&
        !commonWord(x.lower) &&
        !FIRST_NAMES_IN_COMMON.has(x.lower) &&
        !SURNAMES_IN_COMMON.has(x.lower)));
  /** The item beside `k` in a list, on the side `d`: after a comma, or after «og» / «eller». */
  const besideInList = (k: number, d: 1 | -1) => {
    const a = d === 1 ? tokens[k] : tokens[k - 1];
    const b = d === 1 ? tokens[k + 1] : tokens[k];
    if (!a || !b) return undefined;
    const gap = text.slice(a.end, b.start);
    if (/^[^\S\n]{0,2},[^\S\n]{1,2}$/.test(gap)) return tokens[k + d];
    const word = tokens[k + d];
    const then = tokens[k + 2 * d];
    if (!word || !then || !/^(?:og|eller)$/.test(word.lower) || !/^[^\S\n]{1,2}$/.test(gap)) {
      return undefined;
    }
    const gap2 = d === 1 ? text.slice(word.end, then.start) : text.slice(then.end, word.start);
    return /^[^\S\n]{1,2}$/.test(gap2) ? then : undefined;
  };
  // Forwards, then backwards: each pass carries a name along the whole list in its direction.
  for (let round = 0, more = true; more && round < 4; round++) {
    more = false;
    for (let n = 0; n < tokens.length; n++) {
      const k = round % 2 === 0 ? n : tokens.length - 1 - n;
      const t = tokens[k]!;
      if (inList[t.start] || !lowerListed(t)) continue;
      // "skal bo og …", "at bo og …": the verb, not a name.
      if (
        /^(?:at|skal|vil|kan|må|skulle|ville|kunne|måtte|gerne|bare|ikke)$/.test(
          tokens[k - 1]?.lower ?? '',
        )
      ) {
        continue;
      }
      if (!maskedLower(besideInList(k, 1)) && !maskedLower(besideInList(k, -1))) continue;
      add('name', t.start, t.end, true);
      for (let c = t.start; c < t.end; c++) inList[c] = 1;
      fromList.add(t.start);
      more = true;
    }
  }
  // "ansvarlige: ak, ml, tb", "Deltagere: ak og ml": in the list of who was there or who is
  // responsible, two to four lower-case letters are someone's initials, whatever the letters
  // spell elsewhere ("ak", "ml") — never a family word, a title, a role or an abbreviation
  // ("mor", "far", "pt").
  const listedHere = coverage(text.length, found);
  // Where such lists run: from the cue's colon to the line's or the sentence's end (found once;
  // a stop followed by a comma or «og» is an abbreviation's, and the list goes on).
  const whoLists: [number, number][] = [];
  for (const m of text.matchAll(WHO_LIST)) {
    const from = m.index + m[0].length;
    const rest = text.slice(from, from + 400);
    const stop = /[!?:\n]|\.(?![^\S\n]*(?:,|og(?![\p{L}])))/u.exec(rest);
    whoLists.push([from, from + (stop ? stop.index : rest.length)]);
  }
  let list = 0;
  tokens.forEach((t) => {
    while (list < whoLists.length && whoLists[list]![1] < t.start) list++;
    const inList = list < whoLists.length && whoLists[list]![0] <= t.start;
    if (!inList || listedHere[t.start] || !/^\p{Ll}{2,4}$/u.test(t.raw)) return;
    if (neverAName(t.lower) || ABBREVIATIONS.has(t.lower) || CLINICAL_ABBREVIATIONS.has(t.lower)) {
      return;
    }
    // An item of the list: after the colon, a comma or «og», and before a comma, «og» or its end.
    if (!/(?::|,|\sog|\s&)[^\S\n]{0,2}$/u.test(text.slice(Math.max(0, t.start - 6), t.start))) {
      return;
    }
    if (!/^[^\S\n]{0,2}(?:,|og(?![\p{L}])|&|$|\n|\.)/u.test(text.slice(t.end, t.end + 6))) {
      return;
    }
    add('name', t.start, t.end, true);
  });
  // A table pasted into a note (a roster, a list of who was there): a column whose cells are
  // mostly names is a column of names, so its other cells are names too, an everyday word as
  // well ("Kiks (vikar) | nat", "Bamse | nat | 22 33 44 55") — never the words in brackets beside
  // them (their role) nor the column's heading.
  const tables = tablesIn(text);
  // Where names were found before this step, summed, so a cell asks in one step.
  const namesUpTo = new Int32Array(tables.length > 0 ? text.length + 1 : 0);
  if (tables.length > 0) {
    const named = new Uint8Array(text.length);
    for (const f of found) if (f.kind === 'name') named.fill(1, f.start, f.end);
    for (let c = 0; c < text.length; c++) namesUpTo[c + 1] = namesUpTo[c]! + named[c]!;
  }
  const nameAt = (start: number, end: number) => namesUpTo[end]! - namesUpTo[start]! > 0;
  /** The first token that starts at or after `at` (the tokens are in the text's order). */
  const firstTokenFrom = (at: number) => {
    let lo = 0;
    let hi = tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tokens[mid]!.start < at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  for (const table of tables) {
    // The cells column by column, read once. The first row may be a heading or a roster's first
    // line (pasted without one): a cell that heads a column of people («Navn») is never masked,
    // any other is read as the rest are.
    const isHeading = (cell: Cell) => NAME_HEADINGS.test(text.slice(cell.start, cell.end).trim());
    const byColumn: Cell[][] = [];
    for (const row of table.rows) {
      row.forEach((cell, c) => (byColumn[c] ??= []).push(cell));
    }
    for (const [c, cells = []] of byColumn.entries()) {
      const head = table.rows[0]![c];
      const body = head && isHeading(head) ? cells.slice(1) : cells;
      const filled = body.filter((cell) => /[\p{L}]/u.test(text.slice(cell.start, cell.end)));
      const named = filled.filter((cell) => nameAt(cell.start, cell.end)).length;
      const namesHeading =
        !!head && NAME_HEADINGS.test(text.slice(head.start, head.end).trim()) && named >= 1;
      if (!namesHeading && (named < 2 || named * 2 < filled.length)) continue;
      for (const cell of filled) {
        if (nameAt(cell.start, cell.end)) continue;
        // A name is a few words with capitals, and no number: not "3 x uge, øvelsesprogram
        // udleveret", "ledig", "ukendt kvinde" or "Nej" in such a column.
        const outside: (typeof tokens)[number][] = [];
        let depth = 0;
        let at = cell.start;
        for (let k = firstTokenFrom(cell.start); k < tokens.length; k++) {
          const t = tokens[k]!;
          if (t.end > cell.end) break;
          for (const ch of text.slice(at, t.start)) depth += ch === '(' ? 1 : ch === ')' ? -1 : 0;
          at = t.start;
          if (depth <= 0) outside.push(t);
          // More than a name has: no need to read on.
          if (outside.length > 3) break;
        }
        if (
          outside.length === 0 ||
          outside.length > 3 ||
          /\d/.test(text.slice(cell.start, cell.end).replace(/\([^)]*\)/g, '')) ||
          !outside.every((t) => isCapitalised(t.raw) || isAllCaps(t.raw)) ||
          outside.some((t) => NOT_A_NICKNAME.has(t.lower))
        ) {
          continue;
        }
        for (const t of outside) {
          if (
            neverAName(t.lower) ||
            SHIFT_WORDS.has(t.lower) ||
            BRACKET_ROLES.has(t.lower) ||
            words.institution(t.lower)
          ) {
            continue;
          }
          add('name', t.start, t.end, true);
        }
      }
    }
  }
  // "Deltagere A., B., MK og Louise": a lone initial and its dot in a list whose next item is a
  // name (or another such initial), from the list's end back.
  const listed = coverage(text.length, found);
  const lone = [...text.matchAll(LONE_INITIAL_IN_LIST)];
  const maskLone = (at: number) => {
    add('name', at, at + 2, true);
    listed[at] = 1;
    listed[at + 1] = 1;
  };
  // The next item a name (from the list's end back), or the one before it (from its start on).
  for (const m of [...lone].reverse()) {
    const after = m.index + m[0].length;
    const sep = /^(?:\s{0,3},\s{0,3}|\s{1,3}og\s{1,3})/u.exec(text.slice(after, after + 12));
    if (sep && listed[after + sep[0].length] === 1) maskLone(m.index);
  }
  for (const m of lone) {
    if (listed[m.index]) continue;
    const sep = /(?:,\s{0,3}|\s{1,3}og\s{1,3})$/u.exec(
      text.slice(Math.max(0, m.index - 8), m.index),
    );
    if (sep && m.index - sep[0].length > 0 && listed[m.index - sep[0].length - 1] === 1) {
      maskLone(m.index);
    }
  }
  // "efternavnet staves K-O-W-A-L-S-K-I", "stavet a h m a d": a name spelt letter by letter.
  for (const m of text.matchAll(SPELT_NAME)) {
    add('name', m.index + m[0].length - m[1]!.length, m.index + m[0].length, true);
  }
  // "dr. de Neergaard", "Marco da Silva", "Sophie van der Berg": the particles of a name.
  const named2 = coverage(text.length, found);
  tokens.forEach((token, i) => {
    if (named2[token.start] || !NAME_PARTICLES.has(token.lower)) return;
    let k = i + 1;
    while (tokens[k] && NAME_PARTICLES.has(tokens[k]!.lower) && k - i < 3) k++;
    const after = tokens[k];
    const before = tokens[i - 1];
    const isName = (t: (typeof tokens)[number] | undefined) =>
      !!t && found.some((f) => f.kind === 'name' && f.start <= t.start && f.end >= t.end);
    if (!isName(after) || !/^\s+$/.test(text.slice(tokens[k - 1]!.end, after!.start))) return;
    const byTitle =
      !!before && (TITLES.has(before.lower) || TITLES.has(`${before.lower}.`)) && !isName(before);
    // "DE LA CRUZ, ROSALIE", "De la Cruz har ringet": particles in capitals before a name in
    // capitals, or two of them, are the name's wherever it stands.
    const particles = tokens.slice(i, k);
    const ownRight =
      (particles.every((t) => isAllCaps(t.raw)) && isAllCaps(after!.raw)) ||
      PARTICLE_PAIRS.has(particles.map((t) => t.lower).join(' '));
    if (isName(before) || byTitle || ownRight) add('name', token.start, tokens[k - 1]!.end, true);
  });

  // "bor på lindevænget fjorten stuen til venstre", "Egevej tre A første sal": a street's
  // number and floor dictated in words after the street, once the street is masked.
  for (const f of [...found]) {
    if (f.kind !== 'address' && f.kind !== 'name') continue;
    const street = f.original.toLowerCase();
    const streetLike =
      f.kind === 'address' ||
      STREET_ENDINGS.some((e) => street.endsWith(e)) ||
      ADDRESS_CUE.test(text.slice(Math.max(0, f.start - 24), f.start));
    if (!streetLike) continue;
    const said = SAID_HOUSE.exec(text.slice(f.end, f.end + 80));
    if (!said) continue;
    // "bor i Holbæk to år": an amount, not a house.
    const then = /^\s+([\p{L}]+)/u.exec(text.slice(f.end + said[0].length))?.[1]?.toLowerCase();
    if (then && UNITS.has(then)) continue;
    add('address', f.end, f.end + said[0].length);
  }
  // "ruten 23 3 th": any word, a number and a floor with its side is an address, in lower case too.
  for (const m of text.matchAll(HOUSE_WITH_SIDE)) {
    const word = m[1]!.toLowerCase();
    if (UNITS.has(word) || BEFORE_NUMBERS.has(word) || SMALL_WORDS.has(word)) continue;
    add('address', m.index, m.index + m[0].length);
  }
  // "Barnet, N., f. 03.11.2017": a lone initial and its dot before a birth date; "hvor er du?? A":
  // a lone capital that signs a message after its last sign.
  for (const m of text.matchAll(INITIAL_BEFORE_BIRTH)) add('name', m.index, m.index + 2, true);
  // "Ida født 12.05.2023": a word the list holds as a name, right before a birth date (not
  // "Barnet født …", "Mor f. 1950").
  for (const m of text.matchAll(NAME_BEFORE_BIRTH)) {
    const lower = m[0].toLowerCase();
    if (
      words.listedName(lower) &&
      !KINSHIP.has(lower) &&
      !TITLES.has(lower) &&
      !ROLES.has(lower) &&
      !SMALL_WORDS.has(lower)
    ) {
      add('name', m.index, m.index + m[0].length, true);
    }
  }
  // "ons: Gitte/Mus": a capitalised word joined by a slash to a name is a name too, an everyday
  // word as well (never a family word, a title, a role, a shift or a place: "Lone/Hjemmeplejen").
  const slashed = coverage(text.length, found);
  const nameSpans = new Set(
    found.filter((f) => f.kind === 'name').map((f) => `${f.start}:${f.end}`),
  );
  for (const m of text.matchAll(SLASH_PAIR)) {
    const [a, b] = [m[1]!, m[2]!];
    const aAt = m.index;
    const bAt = m.index + a.length + 1;
    const other = (w: string) => {
      const lower = w.toLowerCase();
      return !(
        neverAName(lower) ||
        SHIFT_WORDS.has(lower) ||
        ABBREVIATIONS.has(lower) ||
        CLINICAL_ABBREVIATIONS.has(lower) ||
        words.institution(lower) ||
        words.allowedWord(lower) ||
        // "Kommunen", "Afdelingen": a definite everyday word (not "Karen", "Søren", "Stine").
        (/(?:en|et|ne)$/.test(lower) && !words.listedName(lower))
      );
    };
    const isName = (at: number, w: string) => nameSpans.has(`${at}:${at + w.length}`);
    if (isName(aAt, a) && !slashed[bAt] && other(b)) add('name', bAt, bAt + b.length, true);
    else if (isName(bAt, b) && !slashed[aAt] && other(a)) add('name', aAt, aAt + a.length, true);
  }
  for (const m of text.matchAll(SIGNING_LETTER)) {
    const at = m.index + m[0].length - 1;
    // Said to someone ("hvor er du?? A"), not a form's one-letter answer ("Blodtype? A").
    const message = text.slice(Math.max(0, m.index - 80), m.index);
    const line = message.slice(Math.max(message.lastIndexOf('\n'), message.lastIndexOf('"')) + 1);
    if (m[0].at(-1) !== 'I' && /(?<![\p{L}])(?:du|dig|jer|din|dit|dine)(?![\p{L}])/iu.test(line)) {
      add('name', at, at + 1, true);
    }
  }
  // Once a word is found to be someone's name, it is that name wherever else the text has it
  // ("da mus døde … vi kaldte hende mus").
  const named3 = coverage(text.length, found);
  const foundNames = new Set<string>();
  const foundAsWritten = namesAsWritten(found);
  for (const f of found) {
    const lower = f.original.toLowerCase();
    if (f.kind === 'name' && /^[\p{L}\p{M}]{2,}$/u.test(f.original) && !SMALL_WORDS.has(lower)) {
      foundNames.add(lower);
    }
  }
  if (foundNames.size > 0) {
    for (const t of tokens) {
      // The name itself, or its genitive ("Fister …, Fisters kone").
      const genitive = t.raw.length > 3 && /s$/.test(t.lower) ? t.raw.slice(0, -1) : null;
      const lower = foundNames.has(t.lower) ? t.lower : genitive?.toLowerCase();
      if (named3[t.start] || lower === undefined || !foundNames.has(lower)) continue;
      if (KINSHIP.has(lower) || TITLES.has(lower) || ROLES.has(lower)) continue;
      if (!carriedAsWritten(lower, t.raw, foundAsWritten)) continue;
      if (words.allowedWord(t.lower)) continue;
      // "sol-cremen": the first part of a word.
      if (/^-\p{L}/u.test(text.slice(t.end, t.end + 2))) continue;
      // An everyday word ("sol", "liv", "fed") is carried only where a sure cue found it, and
      // only as it was written there.
      if (
        words.ordinary(t.lower) &&
        !surelyNamed.has(t.raw) &&
        !(genitive !== null && lower !== t.lower && surelyNamed.has(genitive))
      ) {
        continue;
      }
      add('name', t.start, t.end, true);
    }
  }
  // "kørsel til [by] 3/4": a day and a month in a fraction's shape, right after a place that was
  // masked and ending what is said, is when someone goes there (not "3/4 af tiden").
  const dated = coverage(text.length, found);
  for (const m of text.matchAll(DAY_MONTH)) {
    const day = Number(m[1]);
    const month = Number(m[3]);
    if (dated[m.index] || m[2] !== '/' || day < 1 || day > 31 || month < 1 || month > 12) continue;
    const place = found.some(
      (f) => (f.kind === 'name' || f.kind === 'address') && f.end === m.index - 1,
    );
    const end = m.index + m[0].length;
    if (
      place &&
      /^[^\S\n]$/.test(text.slice(m.index - 1, m.index)) &&
      /^(?:[^\S\n]*$|[^\S\n]*[.,;!?\n)]|[^\S\n]+kl\.?(?![\p{L}]))/u.test(text.slice(end, end + 6))
    ) {
      add('date', m.index, end);
    }
  }
  const masks = merge(text, withInitials(text, found));
  return { text: applyMasks(text, masks, options.unmasked), masks };
}

/**
 * Whether a mask of an address or postcode ends just before `at` (", 4900" after a street). Not a
 * name's: «Henrik i stedet», «Kharkiv i 2022» say nothing of where anyone lives.
 */
function lastMaskEnd(found: readonly Found[], at: number): boolean {
  return found.some(
    (f) => (f.kind === 'address' || f.kind === 'postcode') && f.end <= at && at - f.end <= 3,
  );
}

/** Danish verb endings: a word that ends so after a title is what the person did. */
function verbLike(lower: string): boolean {
  return /(?:ede|te|de|er|ar|ik|og|ret|et)$/.test(lower);
}

/**
 * A verb's passive in -es that the list holds, as it holds the verb ("kontaktes" of «kontakte»,
 * "tilkaldes", "informeres"): what is done, not who it is done by — never a word the list holds
 * as a name («Agnes», «Moses»), nor a name's genitive («Lykkes» of «Lykke»).
 */
function passiveVerb(lower: string, lexicon: Lexicon | undefined): boolean {
  if (!lexicon || !/^\p{Ll}{3,}es$/u.test(lower)) return false;
  const verb = lower.slice(0, -1);
  return (
    lexicon.isWord(lower) && lexicon.isWord(verb) && !lexicon.isName(lower) && !lexicon.isName(verb)
  );
}

/**
 * A past participle in -t whose verb the list holds whole, as it holds the participle ("aflyst"
 * of «aflyse», "oplyst", "efterlyst", "belyst"): no place's own name, though it ends as one does
 * («Frydenlyst», «Rosenlyst» are held only as compounds, and stay names).
 */
function pastParticiple(lower: string, lexicon: Lexicon | undefined): boolean {
  if (!lexicon?.isEntry || !/^\p{Ll}{3,}[^aeiouyæøå]t$/u.test(lower)) return false;
  return lexicon.isEntry(lower) && lexicon.isEntry(`${lower.slice(0, -1)}e`);
}

function coverage(length: number, found: readonly Found[]): Uint8Array {
  const covered = new Uint8Array(length + 1);
  for (const f of found) covered.fill(1, f.start, f.end);
  return covered;
}

/** A column's heading that says its cells are people. */
const NAME_HEADINGS =
  /^(?:navn|navne|name|names|medarbejder|medarbejdere|personale|hvem|deltager|deltagere|kontaktperson|kontaktpersoner)$/iu;

interface Cell {
  start: number;
  end: number;
}

/**
 * Tables in a text: three or more lines in a row that each split into two or more cells (not
 * counting empty ones at its ends) by the same separator, a bar or a tab.
 */
function tablesIn(text: string): { rows: Cell[][] }[] {
  const tables: { rows: Cell[][] }[] = [];
  let rows: Cell[][] = [];
  let sep: string | null = null;
  const close = () => {
    if (rows.length >= 3) tables.push({ rows });
    rows = [];
    sep = null;
  };
  let at = 0;
  for (const line of text.split('\n')) {
    const lineSep = line.includes('|') ? '|' : line.includes('\t') ? '\t' : null;
    if (lineSep === null || (sep !== null && lineSep !== sep)) close();
    if (lineSep !== null) {
      sep = lineSep;
      const cells: Cell[] = [];
      let from = at;
      for (const part of line.split(lineSep)) {
        cells.push({ start: from, end: from + part.length });
        from += part.length + 1;
      }
      // The empty cells at a row's ends ("| a | b |", a line indented by a tab) are no column.
      const blank = (c: Cell) => !/\S/.test(text.slice(c.start, c.end));
      while (cells.length > 0 && blank(cells[0]!)) cells.shift();
      while (cells.length > 0 && blank(cells.at(-1)!)) cells.pop();
      // A row has two cells at least: an indented line of prose is no table.
      if (cells.length >= 2) rows.push(cells);
      else close();
    }
    at += line.length + 1;
  }
  close();
  return tables;
}

/** A small word, a family word, a title or a role: what the late passes never take for a name. */
const neverAName = (lower: string) =>
  SMALL_WORDS.has(lower) || KINSHIP.has(lower) || TITLES.has(lower) || ROLES.has(lower);

/** A name's initials go with it: "J. Lauridsen", "Karen H.". */
/** The names found, as they were written (a genitive's «'s» off). */
function namesAsWritten(found: Found[]): Set<string> {
  return new Set(
    found.filter((f) => f.kind === 'name').map((f) => f.original.replace(/['’]s?$/, '')),
  );
}

/**
 * Whether a word found as someone's name may be masked again where the note has it as `raw`:
 * initials that are a short form elsewhere («af KL», «af TH») only as they were written, so
 * «kl. 8» in the same note stays an hour and «th. side» a side.
 */
function carriedAsWritten(lower: string, raw: string, asWritten: Set<string>): boolean {
  const shortForm =
    ABBREVIATIONS.has(lower) || ABBREVIATIONS_WRITTEN_SMALL.has(lower) || SHORT_FORMS.has(lower);
  return !shortForm || asWritten.has(raw);
}

function withInitials(text: string, found: Found[]): Found[] {
  return found.map((f) => {
    if (f.kind !== 'name') return f;
    let { start, end } = f;
    for (;;) {
      const before = /(?:^|[^\p{L}])(\p{Lu}\.\s*)$/u.exec(
        text.slice(Math.max(0, start - 4), start),
      );
      if (!before) break;
      start -= before[1]!.length;
    }
    const after = /^\s\p{Lu}\.(?!\p{L})/u.exec(text.slice(end, end + 4));
    if (after) end += after[0].length;
    return start === f.start && end === f.end
      ? f
      : { ...f, start, end, original: text.slice(start, end) };
  });
}

/** Overlapping masks become one: the earliest, longest wins; a merge with a sure mask is sure. */
function merge(text: string, found: Found[]): Mask[] {
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const masks: Mask[] = [];
  for (const m of found) {
    const last = masks[masks.length - 1];
    if (last && m.start < last.end) {
      if (m.end > last.end) {
        last.end = m.end;
        last.original = text.slice(last.start, last.end);
      }
      last.unmaskable = last.unmaskable && m.unmaskable;
      continue;
    }
    masks.push({ ...m });
  }
  return masks;
}

/** The text as it leaves: every mask replaced by its token, but the guesses left as written. */
export function applyMasks(
  text: string,
  masks: readonly Mask[],
  unmasked: ReadonlySet<string> = new Set(),
): string {
  let out = '';
  let at = 0;
  for (const m of masks) {
    if (m.unmaskable && unmasked.has(m.original)) continue;
    out += text.slice(at, m.start) + MASK_TOKEN[m.kind];
    at = m.end;
  }
  return out + text.slice(at);
}
