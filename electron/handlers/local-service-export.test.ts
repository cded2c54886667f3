import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Handlers } from '../../shared/ipc/dispatch';
import { pathwayModelSchema } from '../../shared/model/pathway-model';
import { ipc, makeTestDb, type TestDb } from '../../tests/unit/helpers';
import { createHandlers } from '.';

let t: TestDb;
let out: string;
let handlers: Handlers;
beforeEach(() => {
  t = makeTestDb();
  out = mkdtempSync(join(tmpdir(), 'pathway-local-export-'));
  handlers = createHandlers({
    db: t.db,
    clock: () => new Date('2026-11-24T10:00:00Z'),
    newId: () => crypto.randomUUID(),
    dialogs: { chooseExportFolder: () => Promise.resolve(out) },
  });
});
afterEach(() => {
  t.cleanup();
  rmSync(out, { recursive: true, force: true });
});
const { call } = ipc(() => handlers);

const NAME = 'Lægerne Aksel Andersen og Jørgen Bach, Nørregade 12';

describe('a local service named after people and a street', () => {
  it('leaves the laptop in every format as an opaque code, with no part of its name', async () => {
    const service = await call('catalogue:create', {
      sector: 'general_practice',
      defaultContactType: 'gp_visit',
      label: { da: NAME, en: 'GP practice' },
    });
    expect(service.code).toMatch(/^local-[bcdfghjklmnpqrstvwxz]{12}$/);

    const j = await call('journeys:create', { alias: 'Forløb A' });
    await call('profile:update', { journeyId: j.id, patch: { consentExport: true } });
    const first = await call('touchpoints:create', {
      journeyId: j.id,
      x: 0,
      y: 0,
      sector: service.sector,
      serviceCode: service.code,
      contactType: service.defaultContactType,
    });
    const second = await call('touchpoints:create', {
      journeyId: j.id,
      x: 200,
      y: 0,
      sector: 'hospital',
      serviceCode: 'nyk-hospital-emergency',
    });
    await call('touchpoints:update', { id: first.id, patch: { date: '2026-01-05' } });
    await call('touchpoints:update', { id: second.id, patch: { date: '2026-01-09' } });
    await call('transitions:create', {
      journeyId: j.id,
      sourceId: first.id,
      targetId: second.id,
    });
    await call('touchpoints:create', {
      journeyId: j.id,
      map: 'to_be',
      x: 0,
      y: 0,
      sector: service.sector,
      serviceCode: service.code,
    });

    const saved = await call('export:save', {
      journeyId: j.id,
      formats: ['model', 'ocel', 'xes', 'csv'],
    });
    expect(saved.cancelled).toBe(false);
    expect(saved.files.map((f) => f.replace(/^.*?\./, '.')).sort()).toEqual([
      '.csv',
      '.ocel.json',
      '.pathway.json',
      '.xes',
    ]);

    const model = pathwayModelSchema.parse(
      JSON.parse(
        readFileSync(
          join(
            out,
            saved.files.find((f) => f.endsWith('.pathway.json'))!,
          ),
          'utf8',
        ),
      ),
    );
    expect(model.asIs.touchpoints.map((tp) => tp.serviceCode)).toContain(service.code);
    expect(model.toBe.touchpoints.map((tp) => tp.serviceCode)).toEqual([service.code]);

    for (const f of saved.files) {
      const text = readFileSync(join(out, f), 'utf8');
      const lower = text.toLowerCase();
      // The model, the CSV and the XES log name the service, under its opaque code (OCEL has
      // no service attribute).
      if (!f.endsWith('.ocel.json')) expect(text, f).toContain(service.code);
      for (const word of [
        'aksel',
        'andersen',
        'jørgen',
        'joergen',
        'bach',
        'nørregade',
        'noerregade',
        'lægerne',
        'laegerne',
      ]) {
        expect(lower, `${f}: ${word}`).not.toContain(word);
      }
      // Every local code in the file is the opaque one: none carries the house number or a
      // piece of the name ("…-noerrega", "…-12").
      const localCodes = new Set(lower.match(/local-[a-z0-9-]*/g) ?? []);
      for (const code of localCodes) {
        expect(code, f).toBe(service.code);
        expect(code, f).not.toMatch(/12|[0-9]/);
      }
    }
  });
});
