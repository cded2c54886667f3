import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scrubText } from '../../shared/model/scrub';

interface Note {
  names: string[];
  text: string;
  identifiers: { kind: string; value: string }[];
}
const corpus = JSON.parse(
  readFileSync(new URL('../fixtures/scrub-corpus.json', import.meta.url), 'utf8'),
) as { notes: Note[] };

/** Recall per kind: the share of known identifiers that no longer appear in the scrubbed text. */
function recall(): Record<string, { found: number; total: number }> {
  const r: Record<string, { found: number; total: number }> = {};
  for (const note of corpus.notes) {
    const scrubbed = scrubText(note.text, note.names).text;
    for (const id of note.identifiers) {
      const k = (r[id.kind] ??= { found: 0, total: 0 });
      k.total++;
      if (!scrubbed.includes(id.value)) k.found++;
    }
  }
  return r;
}

describe('scrubber recall on the Danish workshop-note corpus', () => {
  const r = recall();

  it('finds every CPR number, phone number and e-mail address (100 %)', () => {
    for (const kind of ['cpr', 'phone', 'email']) {
      expect(r[kind]!.total, kind).toBeGreaterThanOrEqual(3);
      expect(r[kind]!.found, kind).toBe(r[kind]!.total);
    }
  });

  it('reports the recall for names, addresses and postcodes', () => {
    const lines = Object.entries(r).map(
      ([kind, { found, total }]) =>
        `${kind}: ${found}/${total} (${Math.round((100 * found) / total)} %)`,
    );
    console.log(`Scrubber recall on ${corpus.notes.length} notes — ${lines.join('; ')}`);
    expect(r.name!.found / r.name!.total).toBeGreaterThanOrEqual(0.9);
    expect(r.address!.found).toBe(r.address!.total);
  });
});
