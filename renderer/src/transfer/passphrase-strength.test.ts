import { describe, expect, it } from 'vitest';
import { passphraseStrength } from './passphrase-strength';

describe('passphrase strength hint', () => {
  it('calls anything under ten characters too short, counting letters as people do', () => {
    expect(passphraseStrength('')).toBe('too_short');
    expect(passphraseStrength('æblegrød1')).toBe('too_short');
    expect(passphraseStrength('æblegrød12')).not.toBe('too_short');
    // Ten characters of which one is outside the basic plane (an emoji) is ten, not eleven.
    expect(passphraseStrength('æblegrød🙂x')).not.toBe('too_short');
  });

  it('calls long but patterned passphrases weak', () => {
    for (const p of [
      'aaaaaaaaaaaaaaaaaaaaaaaaa',
      'abababababababab',
      'kagekagekagekage',
      '1234567890',
      'abcdefghijklmno',
      'qwertyuiop',
      '0987654321',
      'hundehoved',
    ]) {
      expect(passphraseStrength(p), p).toBe('weak');
    }
  });

  it('rewards unrelated words above all', () => {
    expect(passphraseStrength('tre grønne æbler på bordet')).toBe('strong');
    expect(passphraseStrength('cykel regn lampe ost')).toBe('strong');
    expect(passphraseStrength('cykel regn lampe')).toBe('fair');
    expect(passphraseStrength('Karen2026!!')).toBe('weak');
    expect(passphraseStrength('Karen-2026-Sol!')).toBe('fair');
    expect(passphraseStrength('vinterhavesolsikke')).toBe('fair');
  });
});
