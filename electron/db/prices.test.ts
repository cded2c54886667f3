import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportPriceListCsv, importPriceListCsv } from '../../shared/economy/prices';
import { ipc, makeTestDb, type TestDb } from '../../tests/unit/helpers';
import { loadDefaultPriceList, PriceRepository } from './price-repository';

let t: TestDb;
beforeEach(() => {
  t = makeTestDb();
});
afterEach(() => t.cleanup());
const { call, callRaw } = ipc(() => t.handlers);

const GP = { sector: 'general_practice', contactType: 'gp_visit' } as const;

describe('price list in the database', () => {
  it('is seeded once from the shipped default and read back equal to it', async () => {
    const list = await call('prices:get', {});
    expect(list).toEqual(loadDefaultPriceList());
    expect(list.prices.length).toBeGreaterThan(100);
    // A second seeding (the next start) changes nothing.
    expect(new PriceRepository(t.db).seedIfEmpty()).toBe(0);
    const { n } = t.db.prepare('SELECT count(*) AS n FROM prices').get() as { n: number };
    expect(n).toBe(list.prices.length);
  });

  it('edits one row: price, unit, shares, source, year and note, kept in the database', async () => {
    const row = await call('prices:update', {
      key: GP,
      patch: {
        price: 250.5,
        unit: 'contact',
        payerShares: { kommune: 0.1, region: 0.9, stat: 0 },
        source: 'Lokal aftale',
        sourceYear: 2026,
        note: 'Prøve',
      },
    });
    expect(row).toMatchObject({ ...GP, price: 250.5, source: 'Lokal aftale', note: 'Prøve' });
    const again = new PriceRepository(t.db).get();
    const stored = again.prices.find(
      (r) => r.sector === GP.sector && r.contactType === GP.contactType && !r.serviceCode,
    );
    expect(stored).toEqual(row);
    // An empty note removes it.
    const cleared = await call('prices:update', { key: GP, patch: { note: '' } });
    expect(cleared.note).toBeUndefined();
  });

  it('refuses shares that do not sum to 100 %, a negative price and an unknown row', async () => {
    const before = await call('prices:get', {});
    const bad = await callRaw('prices:update', {
      key: GP,
      patch: { payerShares: { kommune: 0.5, region: 0.4, stat: 0 } },
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.code).toBe('validation');
    const negative = await callRaw('prices:update', { key: GP, patch: { price: -1 } });
    expect(negative.ok).toBe(false);
    // A price above 0 without shares breaks the row's rule: checked on the row as it would be.
    const noShares = await callRaw('prices:update', { key: GP, patch: { payerShares: null } });
    expect(noShares.ok).toBe(false);
    if (!noShares.ok) expect(noShares.error.message).toContain('price_without_shares');
    const missing = await callRaw('prices:update', {
      key: { sector: 'hospital', contactType: 'gp_visit', serviceCode: 'no-such-service' },
      patch: { price: 1 },
    });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error.code).toBe('not_found');
    expect(await call('prices:get', {})).toEqual(before);
  });

  it('exports CSV that imports back to the same list (round trip)', async () => {
    await call('prices:update', { key: GP, patch: { price: 1903.5 } });
    const before = await call('prices:get', {});
    const { text } = await call('prices:exportCsv', {});
    expect(text).toBe(exportPriceListCsv(before.prices));
    expect(text.startsWith('\uFEFFSektor;Kontakttype')).toBe(true);
    expect(text).toContain('1903,5');
    await call('prices:reset', {});
    expect(await call('prices:get', {})).toEqual(loadDefaultPriceList());
    const result = await call('prices:importCsv', { text });
    expect(result).toEqual({ ok: true, count: before.prices.length });
    expect(await call('prices:get', {})).toEqual(before);
  });

  it('imports all or nothing: one bad line and nothing changes, every bad line reported', async () => {
    const before = await call('prices:get', {});
    const good = exportPriceListCsv(before.prices.slice(0, 3)).trimEnd().split('\r\n');
    // Line 3: shares that sum to 110 %; line 5: an unknown sector and a negative price.
    const lines = [
      ...good.slice(0, 2),
      'general_practice;gp_visit;;kontakt;100;0,5;0,6;0;Kilde;2025;',
      good[2]!,
      'moon;gp_visit;;kontakt;-5;1;0;0;Kilde;2025;',
    ];
    const result = await call('prices:importCsv', { text: lines.join('\r\n') });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual(
      expect.arrayContaining([
        { line: 3, code: 'shares_sum' },
        { line: 5, code: 'unknown_sector', column: 'Sektor' },
        { line: 5, code: 'negative_price', column: 'Pris (kr.)' },
      ]),
    );
    expect(result.errors.every((e) => e.line === 3 || e.line === 5)).toBe(true);
    expect(await call('prices:get', {})).toEqual(before);
    // The same file without its bad lines is taken whole; the list keeps its name and year.
    const fixed = await call('prices:importCsv', {
      text: [good[0], good[1], good[2]].join('\r\n'),
    });
    expect(fixed).toEqual({ ok: true, count: 2 });
    const after = await call('prices:get', {});
    expect(after.prices).toEqual(
      importPriceListCsv([good[0], good[1], good[2]].join('\r\n')).prices,
    );
    expect(after.name).toBe(before.name);
    expect(after.priceYear).toBe(before.priceYear);
  });

  it('refuses control and direction characters in a source or note, through every channel', async () => {
    const before = await call('prices:get', {});
    // NUL, a terminal's escape, a right-to-left override, an isolate, a C1 control, a bell.
    const hostile = [
      'Kilde\u0000skjult',
      'Kilde\u001b[2J',
      'Kilde \u202eevil',
      'Kilde \u2066x\u2069',
      'Kilde\u0085',
      'Kilde\u0007',
    ];
    for (const text of hostile) {
      for (const patch of [{ source: text }, { note: text }]) {
        const r = await callRaw('prices:update', { key: GP, patch });
        expect(r.ok, JSON.stringify(patch)).toBe(false);
        if (!r.ok) expect(r.error.code).toBe('validation');
      }
    }
    // A CSV with them is refused whole, each cell said with its line and column.
    const head = exportPriceListCsv([]).trimEnd();
    const row = (source: string, note: string, contactType = 'gp_visit') =>
      `general_practice;${contactType};;kontakt;100;1;0;0;${source};2025;${note}`;
    const imported = await call('prices:importCsv', {
      text: [
        head,
        row('Kilde\u0000skjult\u001b[2J\u202eevil', 'ok'),
        row('PLO', 'note \u2067x', 'phone'),
      ].join('\r\n'),
    });
    expect(imported).toEqual({
      ok: false,
      errors: [
        { line: 2, code: 'text_control', column: 'Kilde' },
        { line: 3, code: 'text_control', column: 'Note' },
      ],
    });
    expect(await call('prices:get', {})).toEqual(before);
    // Tab and line breaks are a multi-line text's own, as everywhere in the app.
    const kept = await call('prices:update', {
      key: GP,
      patch: { source: 'PLO\n2023', note: 'a\tb\r\nc' },
    });
    expect(kept).toMatchObject({ source: 'PLO\n2023', note: 'a\tb\r\nc' });
    expect((await call('prices:exportCsv', {})).text).toContain('"PLO\n2023";');
  });

  it('writes no control or direction character into the CSV, even from a row stored before', async () => {
    await call('prices:get', {});
    // As a database written before they were refused holds them.
    t.db
      .prepare(
        `UPDATE prices SET source = ?, note = ?
          WHERE sector = 'general_practice' AND contact_type = 'gp_visit' AND service_code = ''`,
      )
      .run('Kilde\u0000skjult\u001b[2J\u202eevil', '\'=HYPERLINK("x")\u2066');
    const { text } = await call('prices:exportCsv', {});
    // Line ends and the cells' own line breaks and tabs are all a CSV may hold of them.
    expect(text).not.toMatch(
      // eslint-disable-next-line no-control-regex
      /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/,
    );
    expect(text).toContain(';Kildeskjult[2Jevil;');
    // And it reads back: the file the app wrote is a list the app takes.
    expect(importPriceListCsv(text).ok).toBe(true);
  });

  it('refuses a file that is not a price list CSV by its header', async () => {
    const result = await call('prices:importCsv', { text: 'a;b;c\r\n1;2;3\r\n' });
    expect(result).toEqual({ ok: false, errors: [{ line: 1, code: 'csv_header' }] });
  });

  it('resets to the shipped default', async () => {
    await call('prices:update', { key: GP, patch: { price: 1 } });
    expect(await call('prices:reset', {})).toEqual(loadDefaultPriceList());
  });

  it('prices the program aggregate with the laptop list: an edit shows at once', async () => {
    const a = await call('program:aggregate', { filter: {} });
    expect(a.cost?.priceList).toEqual({
      name: loadDefaultPriceList().name,
      priceYear: loadDefaultPriceList().priceYear,
    });
  });
});
