import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { serviceSchema, type Service } from '../../shared/catalogue';
import { serviceCodeSchema } from '../../shared/domain/journey';
import { SECTORS } from '../../shared/vocabulary';
import { dispatch } from '../../shared/ipc/dispatch';
import { ipc, makeTestDb, type TestDb } from '../../tests/unit/helpers';
import { CatalogueRepository, loadDefaultCatalogue } from './catalogue-repository';

let t: TestDb;
beforeEach(() => {
  t = makeTestDb();
});
afterEach(() => t.cleanup());
const { call } = ipc(() => t.handlers);

describe('service catalogue', () => {
  it('ships a valid Lolland-Falster default covering every sector at least twice', () => {
    const c = loadDefaultCatalogue();
    for (const sector of SECTORS) {
      expect(c.services.filter((s) => s.sector === sector).length, sector).toBeGreaterThanOrEqual(
        2,
      );
    }
    expect(c.services.some((s) => s.label.da.includes('Nykøbing F.'))).toBe(true);
    expect(c.services.some((s) => s.label.da.includes('Lolland Kommune'))).toBe(true);
    expect(c.services.some((s) => s.label.da.includes('Guldborgsund Kommune'))).toBe(true);
  });

  it('is seeded once into the database and listed over IPC', async () => {
    const r = await dispatch(t.handlers, 'catalogue:list', {});
    expect(r.ok).toBe(true);
    if (r.ok) expect((r.data as unknown[]).length).toBe(loadDefaultCatalogue().services.length);
    expect(new CatalogueRepository(t.db).seedIfEmpty()).toBe(0);
  });
});

const LOCAL_CODE = /^local-[bcdfghjklmnpqrstvwxz]{12}$/;

/** The words and numbers of a label, lower-case, as written and as the old codes spelled them. */
function identifiersOf(label: string): string[] {
  const lower = label.toLowerCase();
  const ascii = lower.replace(/æ/g, 'ae').replace(/ø/g, 'oe').replace(/å/g, 'aa');
  return [...new Set([...lower.split(/[^\p{L}\p{N}]+/u), ...ascii.split(/[^a-z0-9]+/)])].filter(
    // A word without a vowel or digit ("kl", "tlf") names nobody, and a random code of
    // consonants may contain it by chance.
    (w) => w.length >= 2 && /[0-9aeiouyæøå]/.test(w),
  );
}

describe('editing the catalogue', () => {
  it('adds a local service under an opaque code, renames and hides it', async () => {
    const created = await dispatch(t.handlers, 'catalogue:create', {
      sector: 'civil_society',
      defaultContactType: 'meeting',
      label: { da: 'Værested Ålholm', en: 'Drop-in centre Ålholm' },
    });
    expect(created).toMatchObject({ ok: true, data: { hidden: false } });
    const code = created.ok ? (created.data as Service).code : '';
    expect(code).toMatch(LOCAL_CODE);
    const again = await dispatch(t.handlers, 'catalogue:create', {
      sector: 'civil_society',
      defaultContactType: 'meeting',
      label: { da: 'Værested Ålholm', en: 'Drop-in centre' },
    });
    expect(again).toMatchObject({ ok: true, data: { code: expect.stringMatching(LOCAL_CODE) } });
    expect(again.ok && (again.data as Service).code).not.toBe(code);
    const updated = await dispatch(t.handlers, 'catalogue:update', {
      code,
      patch: { label: { da: 'Værestedet i Ålholm', en: 'Drop-in centre' }, hidden: true },
    });
    expect(updated).toMatchObject({
      ok: true,
      data: { code, hidden: true, label: { da: 'Værestedet i Ålholm' } },
    });
    expect(
      await dispatch(t.handlers, 'catalogue:update', {
        code: 'no-such-code',
        patch: { hidden: true },
      }),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(
      await dispatch(t.handlers, 'catalogue:create', {
        sector: 'spa',
        defaultContactType: 'meeting',
        label: { da: 'x', en: 'x' },
      }),
    ).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('never puts a word or a number of the name into the code', async () => {
    const labels = [
      'Lægerne Aksel Andersen og Jørgen Bach, Nørregade 12',
      'Hjemmeplejen v/ Birthe Sørensen, tlf. 54 85 12 34',
      'Fysioterapeut Ole Hansen, Østergade 7, 4800 Nykøbing F.',
      'Bostøtte for 010190-1234 (Karen)',
      'Ring +45 23 45 67 89 efter kl. 16',
      'Psykolog Åse Ærø-Ølgaard, 4930 Maribo',
    ];
    for (const da of labels) {
      const s = await call('catalogue:create', {
        sector: 'civil_society',
        defaultContactType: 'meeting',
        label: { da, en: da },
      });
      expect(s.code, da).toMatch(LOCAL_CODE);
      expect(serviceCodeSchema.safeParse(s.code).success, da).toBe(true);
      expect(s.code.slice('local-'.length), da).not.toMatch(/[0-9aeiouyæøå]/);
      for (const w of identifiersOf(da)) expect(s.code, `${da}: ${w}`).not.toContain(w);
      expect(s.label.da).toBe(da);
    }
    const listed = await call('catalogue:list', {});
    expect(listed.length).toBe(loadDefaultCatalogue().services.length + labels.length);
  });

  it('gives names ending in a hyphen, made of punctuation or 100 long a valid code each time', async () => {
    const labels = [
      'Tandlæge-',
      'Tandlæge-',
      'Tandlæge--',
      '-',
      '---',
      '!!! ??? …',
      '… — «» ,.;:',
      'æøå',
      'x'.repeat(100),
      `${'Meget langt navn på et lokalt tilbud '.repeat(3)}`.slice(0, 99) + '-',
      `${'Meget langt navn på et lokalt tilbud '.repeat(3)}`.slice(0, 99) + '-',
    ];
    for (const da of labels) {
      const r = await dispatch(t.handlers, 'catalogue:create', {
        sector: 'municipal_care',
        defaultContactType: 'other',
        label: { da, en: 'Local service' },
      });
      expect(r, da).toMatchObject({ ok: true, data: { code: expect.stringMatching(LOCAL_CODE) } });
    }
    // Listing validates every row on the way out: one bad code would fail the whole list.
    const listed = await call('catalogue:list', {});
    const local = listed.filter((s) => s.code.startsWith('local-') && s.code !== 'local-pharmacy');
    expect(local.map((s) => s.label.da)).toEqual(labels);
    expect(new Set(local.map((s) => s.code)).size).toBe(labels.length);
  });

  it('gives unique, valid codes over many creations, and the catalogue still lists', () => {
    const repo = new CatalogueRepository(t.db);
    const codes = new Set<string>();
    t.db.transaction(() => {
      for (let i = 0; i < 1000; i++) {
        const s = repo.create({
          sector: 'civil_society',
          defaultContactType: 'meeting',
          label: { da: 'Samme navn', en: 'Same name' },
        });
        expect(serviceCodeSchema.safeParse(s.code).success).toBe(true);
        codes.add(s.code);
      }
    })();
    expect(codes.size).toBe(1000);
    for (const c of codes) expect(c).toMatch(LOCAL_CODE);
    const listed = z.array(serviceSchema).parse(repo.list());
    expect(listed.length).toBe(loadDefaultCatalogue().services.length + 1000);
  });
});
