import { describe, expect, it } from 'vitest';
import { resources, translate } from '.';

function leaves(obj: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(obj as Record<string, unknown>)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of leaves(v, key)) out.set(kk, vv);
  }
  return out;
}

describe('translations', () => {
  const da = leaves(resources.da);
  const en = leaves(resources.en);

  it('have the same keys in Danish and English', () => {
    expect([...en.keys()].sort()).toEqual([...da.keys()].sort());
  });

  it('have no empty string and use the same placeholders in both languages', () => {
    for (const [key, text] of da) {
      expect(text.trim(), key).not.toBe('');
      const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      expect(placeholders(en.get(key)!), key).toEqual(placeholders(text));
    }
  });

  it('translate with values in the main process', () => {
    expect(translate('da', 'menu.quit')).toBe('Afslut');
    expect(translate('en', 'startup.newerDbBody', { found: 3, supported: 2 })).toContain(
      'version 3',
    );
    expect(translate('da', 'no.such.key')).toBe('no.such.key');
  });
});
