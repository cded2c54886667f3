import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch, type Handlers } from '../../shared/ipc/dispatch';
import { pathwayModelSchema } from '../../shared/model/pathway-model';
import { verifyChecksum } from '../../shared/model/anonymise';
import { ipc, makeTestDb, type TestDb } from '../../tests/unit/helpers';
import { createHandlers } from '.';

let t: TestDb;
let out: string;
let folder: string | null;
let handlers: Handlers;
beforeEach(() => {
  t = makeTestDb();
  out = mkdtempSync(join(tmpdir(), 'pathway-export-'));
  folder = out;
  handlers = createHandlers({
    db: t.db,
    clock: () => new Date('2026-11-24T10:00:00Z'),
    newId: () => crypto.randomUUID(),
    dialogs: { chooseExportFolder: () => Promise.resolve(folder) },
  });
});
afterEach(() => {
  t.cleanup();
  rmSync(out, { recursive: true, force: true });
});
const { call } = ipc(() => handlers);

async function journeyWithText() {
  const j = await call('journeys:create', { alias: 'Karen fra Nakskov' });
  const tp = await call('touchpoints:create', {
    journeyId: j.id,
    x: 0,
    y: 0,
    label: 'Karen hos lægen',
    sector: 'general_practice',
  });
  await call('touchpoints:update', {
    id: tp.id,
    patch: { date: '2026-01-05', quote: 'Karen sagde nej' },
  });
  const pain = await call('painPoints:create', {
    touchpointId: tp.id,
    category: 'waiting',
    text: 'Ring til Ole på 12345678',
  });
  await call('profile:update', {
    journeyId: j.id,
    patch: { realName: 'Karen Hansen', relativesNames: ['Ole'] },
  });
  return { j, tp, pain };
}

describe('export', () => {
  it('drops an approval when the text changes after it was approved', async () => {
    const { j, pain } = await journeyWithText();
    await call('profile:update', { journeyId: j.id, patch: { consentExport: true } });
    await call('export:approve', { journeyId: j.id, key: `pain:${pain.id}`, approved: true });
    await call('painPoints:update', { id: pain.id, patch: { text: 'Ny tekst om Ole' } });
    const p = await call('export:preview', { journeyId: j.id });
    expect(p.texts.find((x) => x.kind === 'pain')!.approved).toBe(false);
    expect(p.model!.asIs.touchpoints[0]!.painPoints[0]!.text).toBeUndefined();
  });

  it('refuses without export consent, and writes nothing', async () => {
    const { j } = await journeyWithText();
    const preview = await call('export:preview', { journeyId: j.id });
    expect(preview).toMatchObject({ consentExport: false, model: null });
    const r = await dispatch(handlers, 'export:save', {
      journeyId: j.id,
      formats: ['model'],
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(readdirSync(out)).toEqual([]);
  });

  it('previews the texts scrubbed, and saves every format atomically with history', async () => {
    const { j, pain } = await journeyWithText();
    await call('profile:update', { journeyId: j.id, patch: { consentExport: true } });
    const preview = await call('export:preview', { journeyId: j.id });
    expect(preview.texts.map((x) => [x.kind, x.scrubbed, x.allowed, x.approved])).toEqual([
      ['quote', '[NAVN] sagde nej', false, false],
      ['pain', 'Ring til [NAVN] på [TELEFON]', true, false],
    ]);
    expect(preview.model?.anonymisationProfile).toBe('codes-only');
    await call('export:approve', { journeyId: j.id, key: `pain:${pain.id}`, approved: true });
    expect((await call('export:preview', { journeyId: j.id })).texts[1]!.approved).toBe(true);

    const saved = await call('export:save', {
      journeyId: j.id,
      formats: ['model', 'ocel', 'xes', 'csv'],
    });
    expect(saved.cancelled).toBe(false);
    expect(readdirSync(out).sort()).toEqual([...saved.files].sort());
    expect(readdirSync(out).some((f) => f.startsWith('.'))).toBe(false); // no temp files left
    const modelFile = saved.files.find((f) => f.endsWith('.pathway.json'))!;
    const model = pathwayModelSchema.parse(JSON.parse(readFileSync(join(out, modelFile), 'utf8')));
    expect(model.exportId).toBe(saved.exportId);
    expect(verifyChecksum(model)).toBe(true);
    expect(model.asIs.touchpoints[0]!.painPoints[0]!.text).toBe('Ring til [NAVN] på [TELEFON]');
    for (const f of saved.files) {
      const text = readFileSync(join(out, f), 'utf8');
      for (const secret of ['Karen', 'Nakskov', 'Ole', '12345678', j.id])
        expect(text, f).not.toContain(secret);
    }
    expect(await call('export:history', { journeyId: j.id })).toMatchObject([
      {
        exportId: saved.exportId,
        profile: 'codes-and-reviewed-texts',
        formats: ['model', 'ocel', 'xes', 'csv'],
      },
    ]);
  });

  it('does nothing when the save dialog is cancelled', async () => {
    const { j } = await journeyWithText();
    await call('profile:update', { journeyId: j.id, patch: { consentExport: true } });
    folder = null;
    expect(await call('export:save', { journeyId: j.id, formats: ['csv'] })).toEqual({
      cancelled: true,
      exportId: null,
      files: [],
    });
    expect(await call('export:history', { journeyId: j.id })).toEqual([]);
  });

  it('exports a 2,000-touchpoint journey and an empty one', async () => {
    const big = await call('journeys:create', { alias: 'Stor' });
    await call('profile:update', { journeyId: big.id, patch: { consentExport: true } });
    t.db.transaction(() => {
      for (let i = 0; i < 2000; i++) {
        void handlers['touchpoints:create']({
          journeyId: big.id,
          x: i * 10,
          y: 0,
          sector: 'hospital',
        });
      }
    })();
    const saved = await call('export:save', {
      journeyId: big.id,
      formats: ['model'],
    });
    const model = JSON.parse(readFileSync(join(out, saved.files[0]!), 'utf8'));
    expect(model.asIs.touchpoints).toHaveLength(2000);

    const empty = await call('journeys:create', { alias: 'Tom' });
    await call('profile:update', { journeyId: empty.id, patch: { consentExport: true } });
    const e = await call('export:preview', { journeyId: empty.id });
    expect(e.model?.asIs.touchpoints).toEqual([]);
  });
});
