import { MOVE_PASSPHRASE_MIN } from '../../../shared/transfer/moved-journey';

export type PassphraseStrength = 'too_short' | 'weak' | 'fair' | 'strong';

/** Runs along a keyboard row, the alphabet or the digits: what people type when told "long". */
const SEQUENCES = [
  'abcdefghijklmnopqrstuvwxyzæøå',
  '0123456789',
  'qwertyuiopå',
  'asdfghjklæø',
  'zxcvbnm',
  '1234567890',
];

/** Whether the text (lower case) is one run of a sequence, forwards or backwards. */
function isSequence(text: string): boolean {
  return SEQUENCES.some((s) => {
    const reversed = [...s].reverse().join('');
    return s.includes(text) || reversed.includes(text);
  });
}

/**
 * A readable hint, not a guarantee: how hard the passphrase is to guess, in four steps a
 * facilitator understands. Words count most (four or five unrelated words is the advice the
 * window gives); a long mix of letters, digits and signs counts too; a repeated pattern, a run
 * along the keyboard or few different characters are weak however long. The file's scrypt
 * (about a second per try) slows a guesser down, but only a good passphrase keeps one out.
 */
export function passphraseStrength(
  passphrase: string,
  min: number = MOVE_PASSPHRASE_MIN,
): PassphraseStrength {
  const chars = [...passphrase];
  if (chars.length < min) return 'too_short';
  const lower = passphrase.toLowerCase();
  const distinct = new Set([...lower]).size;
  if (distinct < 5 || /^(.+?)\1+$/su.test(lower) || isSequence(lower.replace(/\s+/g, ''))) {
    return 'weak';
  }
  const words = passphrase
    .trim()
    .split(/[\s\-_.,;:]+/u)
    .filter((w) => [...w].length >= 2).length;
  const classes = [/\p{Ll}/u, /\p{Lu}/u, /\p{Nd}/u, /[^\p{L}\p{Nd}]/u].filter((r) =>
    r.test(passphrase),
  ).length;
  if (words >= 4 || chars.length >= 24) return 'strong';
  if (words >= 3 || chars.length >= 16 || (chars.length >= 12 && classes >= 3)) return 'fair';
  return 'weak';
}
