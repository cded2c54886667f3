import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadDanishLexicon } from '../../electron/export/danish-lexicon';
import { normaliseText, scrubText } from '../../shared/model/scrub';

/**
 * Properties of the scrubber, class by class: whatever the separators, prefixes, casing and
 * Unicode form an identifier is written in, and wherever in an ordinary sentence it stands, none
 * of it survives. The Danish word list is the one the app loads.
 */
const lexicon = loadDanishLexicon();

const digit = fc.integer({ min: 0, max: 9 }).map(String);
const digits = (n: number) =>
  fc.array(digit, { minLength: n, maxLength: n }).map((d) => d.join(''));
const sep = fc.constantFrom('', '-', '–', ' ', '.', '/', ' - ', '. ');
const phoneSep = fc.constantFrom('', ' ', '-', '.');

/** A day, month and year that may or may not be a real date; modulus 11 never matters. */
const cpr = fc
  .tuple(digits(2), digits(2), digits(2), digits(4), sep, sep, sep)
  .map(([d, m, y, n, a, b, c]) => `${d}${a}${m}${b}${y}${c}${n}`);

/** Eight digits in every grouping Danes write, with every form of the country code. */
const phone = fc
  .tuple(
    fc.constantFrom('', '+45 ', '+45', '0045 ', '0045', '(+45) ', '(45) ', '+45-'),
    fc.integer({ min: 2, max: 9 }).map(String),
    digits(7),
    fc.constantFrom('2-2-2-2', '4-4', '8', '3-2-3', '2-2-4'),
    phoneSep,
  )
  .map(([prefix, first, rest, grouping, s]) => {
    const all = first + rest;
    const sizes = grouping.split('-').map(Number);
    const parts: string[] = [];
    let at = 0;
    for (const size of sizes) {
      parts.push(all.slice(at, at + size));
      at += size;
    }
    return prefix + parts.join(s);
  });

const letters = 'abcdefghijklmnopqrstuvwxyzæøåéü';
const local = fc
  .array(fc.constantFrom(...letters.split('')), { minLength: 2, maxLength: 10 })
  .map((a) => a.join(''));
const email = fc
  .tuple(
    local,
    fc.constantFrom('', '.', '_', '+'),
    local,
    fc.constantFrom('gmail.com', 'lolland.dk', 'sub.region.dk', 'mail.dk'),
  )
  .map(([a, s, b, host]) => `${a}${s}${b}@${host}`);

/** Random casing: "KAREN", "karen", "kAREN". */
const cased = (word: string) =>
  fc
    .array(fc.boolean(), { minLength: word.length, maxLength: word.length })
    .chain((ups) =>
      fc.constantFrom(
        word.toUpperCase(),
        word.toLowerCase(),
        word,
        [...word].map((c, i) => (ups[i] ? c.toUpperCase() : c.toLowerCase())).join(''),
      ),
    );
/** The same text in decomposed form (an "Å" as "A" and a ring), as some keyboards write it. */
const unicodeForm = (s: string) => fc.constantFrom(s, s.normalize('NFD'), s.normalize('NFC'));

const streets = [
  'Nørregade',
  'Slotsbryggen',
  'Torvet',
  'Strandlyst',
  'Parkvej',
  'Søndre Allé',
  'Bygaden',
  'Æblehaven',
];
const address = fc
  .tuple(
    fc.constantFrom(...streets),
    fc.integer({ min: 1, max: 250 }),
    fc.constantFrom('', 'B', ', 2. th.', ' st. tv.', ', 1. mf.'),
    fc.boolean(),
  )
  .map(([street, n, rest, lower]) => `${lower ? street.toLowerCase() : street} ${n}${rest}`);
/**
 * A postcode and its town. Numbers that could be years (1900–2099) are followed by a word that
 * is a town's name; after those, an ordinary word reads as a year ("i 2024 fik jeg").
 */
const postcode = fc.oneof(
  fc
    .tuple(
      fc.integer({ min: 1000, max: 9990 }).filter((n) => n < 1900 || n > 2099),
      fc.constantFrom('Nakskov', 'Nykøbing F', 'Maribo', 'Rødby', 'Sakskøbing', 'Stubbekøbing'),
      fc.boolean(),
    )
    .map(([n, town, lower]) => `${n} ${lower ? town.toLowerCase() : town}`),
  fc
    .tuple(
      fc.constantFrom(
        '1900 Frederiksberg C',
        '2000 Frederiksberg',
        '2100 København Ø',
        '1950 Frederiksberg C',
      ),
      fc.boolean(),
    )
    .map(([p, lower]) => (lower ? p.toLowerCase() : p)),
);

/** Ordinary Danish around the identifier, so it may stand first, last or in the middle. */
const before = fc.constantFrom(
  '',
  'Hun sagde ',
  'Det var ',
  'Ring til ',
  'Se: ',
  '"',
  'Hjemmeplejen skrev ',
  'Nummeret er ',
);
const after = fc.constantFrom(
  '',
  ' i går.',
  ', sagde hun.',
  '. Det hjalp.',
  '"',
  ' og så ventede vi.',
  ':',
);

function survives(scrubbed: string, identifier: string): string[] {
  const s = normaliseText(scrubbed)
    .replace(/\[[A-ZÆØÅ-]+\]/g, ' ')
    .toLowerCase();
  const tokens = normaliseText(identifier)
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length >= 2 && !/^(st|th|tv|mf|f)$/.test(t));
  const left = tokens.filter((t) =>
    new RegExp(`(?<![\\p{L}\\p{N}])${t}(?![\\p{L}\\p{N}])`, 'u').test(s),
  );
  const digitsLeft = identifier.replace(/\D/g, '');
  if (
    digitsLeft.length >= 6 &&
    s.replace(/\D/g, '').includes(digitsLeft.replace(/^0?045|^45/, '').slice(-6))
  ) {
    left.push(digitsLeft);
  }
  return left;
}

function holds(id: fc.Arbitrary<string>) {
  fc.assert(
    fc.property(before, id, after, (b, value, a) => {
      const out = scrubText(`${b}${value}${a}`, [], { lexicon }).text;
      // Only what stands where the identifier stood counts: a local part "til" is not left
      // behind by "Ring til " around it.
      let middle = out;
      if (b && middle.startsWith(b)) middle = middle.slice(b.length);
      if (a && middle.endsWith(a)) middle = middle.slice(0, -a.length);
      expect(survives(middle, value), out).toEqual([]);
    }),
    { numRuns: 300 },
  );
}

describe('the scrubber, class by class (property)', () => {
  it('masks CPR numbers with any separator between any parts', () => holds(cpr));
  it('masks Danish phone numbers in every grouping, with every form of +45', () => holds(phone));
  it('masks e-mail addresses with any letters', () => holds(email.chain(unicodeForm)));
  it('masks addresses in any case, with or without a street ending, floor and side', () =>
    holds(address.chain(unicodeForm)));
  it('masks postcodes with their town in any case', () => holds(postcode.chain(unicodeForm)));

  it("masks the profile's names and the alias in any casing and Unicode form, with a genitive", () => {
    const names = fc.constantFrom(
      'Karen Hansen',
      'Åse Holm',
      'Søren Østergaard',
      'Jens Peter Bæk',
      'Ahmed Yilmaz',
    );
    fc.assert(
      fc.property(
        names,
        fc.constantFrom('', 's', "'s"),
        before,
        after,
        fc.nat(),
        (name, genitive, b, a, pick) => {
          const parts = name.split(' ');
          const part = parts[pick % parts.length]!;
          return fc.assert(
            fc.property(cased(part).chain(unicodeForm), (written) => {
              const out = scrubText(`${b}${written}${genitive}${a}`, [name], { lexicon }).text;
              expect(out.toLowerCase(), out).not.toContain(part.toLowerCase());
            }),
            { numRuns: 5 },
          );
        },
      ),
      { numRuns: 100 },
    );
  });

  it('masks names the profile does not hold: capitalised anywhere, after titles, initials, colons and quotes, in capitals', () => {
    const surname = fc.constantFrom(
      'Andersen',
      'Bertelsen',
      'Lauridsen',
      'Kowalski',
      'Nguyen',
      'Østergård',
      'Mikkelsen',
    );
    const lead = fc.constantFrom(
      '',
      'dr. ',
      'overlæge ',
      'sygeplejerske ',
      'J. ',
      'Kontaktperson: ',
      '"',
      '(',
      'Hun ringede til ',
      'I går kom ',
    );
    fc.assert(
      fc.property(lead, surname, fc.boolean(), after, (l, name, caps, a) => {
        const written = caps ? name.toUpperCase() : name;
        const out = scrubText(`${l}${written}${a}`, [], { lexicon }).text;
        expect(out.toLowerCase(), out).not.toContain(name.toLowerCase());
      }),
      { numRuns: 300 },
    );
  });

  it('masks first names that are also Danish words when they stand as names', () => {
    for (const name of ['Hans', 'Maj', 'Lærke', 'Bo', 'Sol', 'Rose']) {
      for (const text of [
        `I går ringede ${name} til mig.`,
        `${name} ringede i går.`,
        `Min søster ${name.toLowerCase()} kom.`,
      ]) {
        const out = scrubText(text, [], { lexicon }).text;
        expect(out.toLowerCase(), out).not.toMatch(
          new RegExp(`(?<!\\p{L})${name.toLowerCase()}(?!\\p{L})`, 'u'),
        );
      }
    }
  });

  it('gives masks inside the text, in order and apart, whatever the separators (a table pasted with tabs wrote text twice)', () => {
    const word = fc.constantFrom(
      'Victor',
      'Holm',
      'Skole',
      'Nørre',
      'Snede',
      'Karl-Emil',
      'B.',
      '2.C',
      '4',
      '12',
      'vej',
      'Torvet',
      'i',
      'pga.',
      'Gl.',
      'Kongevej',
      'Motorik',
      'Jensen',
      'kl.',
      '15.',
      '/',
      '-',
      'AB',
    );
    const gap = fc.constantFrom(' ', '\t', '\n', ', ', '. ', ' | ', '\t\t', '\n\n');
    const text = fc
      .array(fc.tuple(word, gap), { minLength: 1, maxLength: 24 })
      .map((parts) => parts.map(([w, g]) => w + g).join(''));
    fc.assert(
      fc.property(text, (input) => {
        const t = normaliseText(input);
        const { masks, text: out } = scrubText(input, [], { lexicon });
        let at = 0;
        for (const m of masks) {
          expect(m.start, input).toBeGreaterThanOrEqual(at);
          expect(m.end, input).toBeGreaterThan(m.start);
          expect(m.end, input).toBeLessThanOrEqual(t.length);
          at = m.end;
        }
        const masked = masks.reduce((n, m) => n + (m.end - m.start), 0);
        expect(out.length, input).toBeLessThanOrEqual(t.length - masked + masks.length * 12);
      }),
      { numRuns: 400 },
    );
  });

  it('keeps ordinary Danish as it was', () => {
    const plain = [
      'Jeg ventede tre uger på en tid hos lægen, og ingen ringede tilbage.',
      'Hjemmeplejen kom for sent, og medicinen var ikke klar.',
      'Det hjalp, at sygeplejersken lyttede og forklarede blodprøverne.',
      'Efter 3 uger fik jeg endelig et brev fra kommunen om genoptræning.',
      'Han har KOL og bruger ilt om natten.',
    ];
    for (const text of plain) expect(scrubText(text, [], { lexicon }).masks, text).toEqual([]);
  });
});
