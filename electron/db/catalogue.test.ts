import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SECTORS } from '../../shared/vocabulary';
import { dispatch } from '../../shared/ipc/dispatch';
import { makeTestDb, type TestDb } from '../../tests/unit/helpers';
import { CatalogueRepository, loadDefaultCatalogue } from './catalogue-repository';

let t: TestDb;
beforeEach(() => {
  t = makeTestDb();
});
afterEach(() => t.cleanup());

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

describe('editing the catalogue', () => {
  it('adds a local service with a stable code, renames and hides it', async () => {
    const created = await dispatch(t.handlers, 'catalogue:create', {
      sector: 'civil_society',
      defaultContactType: 'meeting',
      label: { da: 'Værested Ålholm', en: 'Drop-in centre Ålholm' },
    });
    expect(created).toMatchObject({
      ok: true,
      data: { code: 'local-vaerested-aalholm', hidden: false },
    });
    const again = await dispatch(t.handlers, 'catalogue:create', {
      sector: 'civil_society',
      defaultContactType: 'meeting',
      label: { da: 'Værested Ålholm', en: 'Drop-in centre' },
    });
    expect(again).toMatchObject({ ok: true, data: { code: 'local-vaerested-aalholm-2' } });
    const updated = await dispatch(t.handlers, 'catalogue:update', {
      code: 'local-vaerested-aalholm',
      patch: { label: { da: 'Værestedet i Ålholm', en: 'Drop-in centre' }, hidden: true },
    });
    expect(updated).toMatchObject({
      ok: true,
      data: { code: 'local-vaerested-aalholm', hidden: true },
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
});
