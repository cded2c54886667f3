import type { Database } from 'better-sqlite3';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Handlers } from '../../shared/ipc/dispatch';
import type { MovedJourney } from '../../shared/transfer/moved-journey';
import { everyRow, journeyTables, rowsOfJourney } from '../../tests/support/journey-rows';
import { ipc } from '../../tests/unit/helpers';
import { CatalogueRepository } from '../db/catalogue-repository';
import { openDatabase } from '../db/open';
import { MOVED_TABLES } from '../db/transfer-repository';
import { openJourneyFile, sealJourneyFile } from '../transfer/journey-file';
import { createHandlers } from '.';

/**
 * Moving a journey from one laptop to another, through `dispatch` and the real handlers, each
 * laptop a real SQLite file: what arrives is every row of every table of the journey, and a file
 * that is wrong in any way leaves the receiving laptop exactly as it was.
 */
const PASS = 'tre grønne æbler på bordet';

interface Laptop {
  db: Database;
  handlers: Handlers;
  call: ReturnType<typeof ipc>['call'];
  callRaw: ReturnType<typeof ipc>['callRaw'];
  /** What the fake dialogs answer: where to save, what to open (null: the user cancels). */
  saveTo: string | null;
  openFrom: string | null;
  /** The names the save dialog was offered. */
  suggested: string[];
  tick: () => void;
}

// Cleaned up once at the end: some laptops are shared by the tests of a group.
const dirs: string[] = [];
const open: Database[] = [];
afterAll(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pathway-move-'));
  dirs.push(dir);
  return dir;
}

function laptop(start = '2026-03-01T09:00:00.000Z'): Laptop {
  const dir = tempDir();
  // Each laptop its own database key, as each has its own.
  const db = openDatabase(join(dir, 'db.sqlite'), { key: randomBytes(32) });
  open.push(db);
  let time = Date.parse(start);
  const exportDir = join(dir, 'exports');
  mkdirSync(exportDir);
  const l = { saveTo: null, openFrom: null, suggested: [] } as unknown as Laptop;
  const handlers = createHandlers({
    db,
    clock: () => new Date(time),
    newId: randomUUID,
    dialogs: {
      chooseExportFolder: () => Promise.resolve(exportDir),
      chooseMoveSaveFile: (name) => {
        l.suggested.push(name);
        return Promise.resolve(l.saveTo);
      },
      chooseMoveOpenFile: () => Promise.resolve(l.openFrom),
    },
  });
  const { call, callRaw } = ipc(() => handlers);
  return Object.assign(l, {
    db,
    handlers,
    call,
    callRaw,
    tick: () => {
      time += 60_000;
    },
  });
}

/** Two local services with the same code and different names, one on each laptop. */
function clashingLocalService(a: Laptop, b: Laptop): string {
  const same = () => 'bcdfghjklmnp';
  const onA = new CatalogueRepository(a.db, { token: same }).create({
    sector: 'municipal_care',
    defaultContactType: 'home_visit',
    label: { da: 'Akuttemaet, Sakskøbing', en: 'Acute team, Sakskøbing' },
  });
  new CatalogueRepository(b.db, { token: same }).create({
    sector: 'municipal_care',
    defaultContactType: 'home_visit',
    label: { da: 'Demenskoordinator', en: 'Dementia coordinator' },
  });
  return onA.code;
}

/**
 * A journey with something in every table: both maps, transitions, pain points, a profile with
 * the real name and consents with dates, workshops, goals, ideas (one linking a touchpoint deleted
 * since), snapshots, an approved text, an export, and a touchpoint on a local service.
 */
async function seedFullJourney(l: Laptop, localCode?: string) {
  const { call } = l;
  const j = await call('journeys:create', { alias: 'Karen, 67' });
  const local =
    localCode ??
    (
      await call('catalogue:create', {
        sector: 'social_services',
        defaultContactType: 'meeting',
        label: { da: 'Bostøtten på Vestergade', en: 'Housing support' },
      })
    ).code;
  const tp = async (label: string, x: number, map: 'as_is' | 'to_be' = 'as_is') =>
    call('touchpoints:create', { journeyId: j.id, map, label, sector: 'hospital', x, y: 0 });
  const a = await tp('Akutmodtagelsen', 0);
  const b = await tp('Egen læge', 270);
  const c = await tp('Bostøtten', 540);
  const gone = await tp('Slettes igen', 810);
  const wish = await tp('Én kontaktperson', 0, 'to_be');
  const wish2 = await tp('Fælles plan', 270, 'to_be');
  await call('touchpoints:update', {
    id: a.id,
    patch: {
      date: '2026-02-14',
      emotion: -2,
      durationDays: 3.5,
      repetitions: 2,
      initiatedBy: 'citizen',
      quote: 'Jeg lå syv timer på en båre.\nIngen sagde noget.',
      whatWorked: 'Sygeplejersken holdt mig i hånden.',
      contactType: 'emergency_visit',
    },
  });
  await call('touchpoints:update', { id: b.id, patch: { date: '2026-03', x: 271.25 } });
  await call('touchpoints:update', {
    id: c.id,
    patch: { serviceCode: local, sector: 'social_services' },
  });
  const t1 = await call('transitions:create', {
    journeyId: j.id,
    sourceId: a.id,
    targetId: b.id,
    kind: 'discharge',
  });
  await call('transitions:update', {
    id: t1.id,
    patch: { quality: 'broken', waitingDays: 12, note: 'Ingen epikrise' },
  });
  await call('transitions:create', { journeyId: j.id, sourceId: b.id, targetId: c.id });
  await call('transitions:create', { journeyId: j.id, sourceId: wish.id, targetId: wish2.id });
  const pain = await call('painPoints:create', {
    touchpointId: a.id,
    category: 'waiting',
    text: 'Ventede syv timer',
  });
  await call('painPoints:create', { touchpointId: b.id, category: 'information' });
  await call('profile:update', {
    journeyId: j.id,
    patch: {
      realName: 'Karen Hansen',
      relativesNames: ['Ole Hansen'],
      birthYear: 1959,
      sex: 'female',
      municipality: 'guldborgsund',
      household: 'alone',
      employment: 'sick_leave',
      conditionGroups: ['chronic_somatic', 'multimorbidity'],
      consentWorkshop: true,
      consentWorkshopDate: '2026-02-20',
      consentExport: true,
      consentExportDate: '2026-02-21',
      consentQuotes: true,
    },
  });
  const ws = await call('workshops:create', { journeyId: j.id, date: '2026-02-20' });
  await call('workshops:update', {
    id: ws.id,
    patch: { place: 'Sundhedshuset', roles: ['citizen', 'relative'], notes: 'Første møde' },
  });
  await call('goals:create', {
    journeyId: j.id,
    category: 'work_education',
    text: 'Tilbage i job',
  });
  await call('ideas:create', {
    journeyId: j.id,
    text: 'Én indgang til kommunen',
    aims: ['quality', 'economy'],
    touchpointIds: [a.id, gone.id],
    painPointIds: [pain.id],
  });
  await call('snapshots:create', { journeyId: j.id, name: 'Efter workshop 1' });
  // Deleted after the idea and the snapshot name it: the idea keeps a link to nothing, as stored.
  await call('touchpoints:delete', { id: gone.id });
  l.tick();
  await call('snapshots:create', { journeyId: j.id, name: 'Efter workshop 2' });
  await call('export:approve', { journeyId: j.id, key: `pain:${pain.id}`, approved: true });
  await call('export:save', { journeyId: j.id, formats: ['model', 'csv'] });
  l.tick();
  return { journeyId: j.id, local, touchpointIds: [a.id, b.id, c.id, wish.id, wish2.id] };
}

/** Moves the journey out of `from` into a file in a fresh folder; returns the file. */
async function moveOut(from: Laptop, journeyId: string, passphrase = PASS): Promise<string> {
  from.saveTo = join(tempDir(), 'flyt.forloeb');
  const result = await from.call('journeys:moveOut', { journeyId, passphrase });
  expect(result).toEqual({ outcome: 'saved', fileName: 'flyt.forloeb' });
  return from.saveTo;
}

/** Seals a payload as the app would, so a test can hand the receiver any content at all. */
async function fileWith(payload: unknown): Promise<string> {
  const file = join(tempDir(), 'haandlavet.forloeb');
  const json = typeof payload === 'string' ? payload : JSON.stringify(payload);
  writeFileSync(file, await sealJourneyFile(json, PASS));
  return file;
}

const flip = (bytes: Buffer, at: number) => {
  const out = Buffer.from(bytes);
  out[at]! ^= 0x10;
  return out;
};

async function payloadOf(file: string): Promise<MovedJourney> {
  const opened = await openJourneyFile(readFileSync(file), PASS);
  if (!opened.ok) throw new Error(opened.reason);
  return JSON.parse(opened.json) as MovedJourney;
}

describe('moving a journey to another laptop', () => {
  it('carries every table that holds a journey row (found from the schema itself)', () => {
    const { db } = laptop();
    expect(
      journeyTables(db)
        .map((t) => t.name)
        .sort(),
    ).toEqual([...MOVED_TABLES].sort());
  });

  it('arrives with every row of every table exactly as it left, and records both ends', async () => {
    const a = laptop('2026-12-03T09:00:00.000Z');
    const b = laptop('2026-12-04T10:00:00.000Z');
    const { journeyId, local } = await seedFullJourney(a);
    // Another journey on each laptop, untouched by the move.
    const otherOnA = await a.call('journeys:create', { alias: 'Bo, 58' });
    const otherOnB = await b.call('journeys:create', { alias: 'Lis, 81' });
    const untouched = rowsOfJourney(b.db, otherOnB.id);

    const file = await moveOut(a, journeyId);
    const sent = rowsOfJourney(a.db, journeyId);
    // The seed filled every table, so nothing below can pass by comparing empty tables.
    for (const table of MOVED_TABLES) expect(sent[table]!.length, table).toBeGreaterThan(0);

    // The offered name says nothing about the citizen; the file holds no readable trace either.
    expect(a.suggested).toHaveLength(1);
    expect(a.suggested[0]).toMatch(/^forloeb-2026-12-[0-9a-f]{8}\.forloeb$/);
    const bytes = readFileSync(file).toString('latin1');
    for (const word of ['Karen', 'Hansen', 'Akutmodtagelsen', 'Bostøtten', local]) {
      expect(bytes).not.toContain(word);
    }

    b.openFrom = file;
    const result = await b.call('journeys:moveIn', { passphrase: PASS });
    expect(result).toEqual({
      outcome: 'imported',
      journeyId,
      alias: 'Karen, 67',
      servicesAdded: 1,
      servicesKept: 0,
    });

    const received = rowsOfJourney(b.db, journeyId);
    const inB = received.transfers!.filter((t) => t.direction === 'in');
    expect(inB).toHaveLength(1);
    expect({
      ...received,
      transfers: received.transfers!.filter((t) => t.direction !== 'in'),
    }).toEqual(sent);

    // Both ends in the journey's history, with one move id.
    const out = sent.transfers!.filter((t) => t.direction === 'out');
    expect(out).toHaveLength(1);
    expect(inB[0]!.move_id).toBe(out[0]!.move_id);
    expect(a.suggested[0]).toContain(String(out[0]!.move_id).replace(/-/g, '').slice(0, 8));
    expect(await b.call('journeys:moveHistory', { journeyId })).toEqual([
      { moveId: out[0]!.move_id, direction: 'in', at: '2026-12-04T10:00:00.000Z' },
      { moveId: out[0]!.move_id, direction: 'out', at: out[0]!.at },
    ]);

    // The local service came along, as it was on the first laptop.
    const service = (await b.call('catalogue:list', {})).find((s) => s.code === local);
    expect(service).toMatchObject({
      sector: 'social_services',
      defaultContactType: 'meeting',
      label: { da: 'Bostøtten på Vestergade', en: 'Housing support' },
    });
    // And the journey works there: it opens, its snapshot restores, its export review reads.
    const detail = await b.call('journeys:get', { id: journeyId });
    expect(detail.touchpoints).toHaveLength(5);
    const [snapshot] = await b.call('snapshots:list', { journeyId });
    await b.call('snapshots:restore', { id: snapshot!.id, backupName: 'Før gendannelse' });
    const preview = await b.call('export:preview', { journeyId });
    expect(preview.texts.find((t) => t.kind === 'pain')?.approved).toBe(true);

    expect(rowsOfJourney(b.db, otherOnB.id)).toEqual(untouched);
    expect(rowsOfJourney(a.db, otherOnA.id).journeys).toHaveLength(1);
  });

  it('refuses a journey that is already on the laptop, and changes nothing', async () => {
    const a = laptop();
    const { journeyId } = await seedFullJourney(a);
    const file = await moveOut(a, journeyId);
    await a.call('journeys:rename', { id: journeyId, alias: 'Karen (her)' });
    const before = everyRow(a.db);
    a.openFrom = file;
    expect(await a.call('journeys:moveIn', { passphrase: PASS })).toEqual({
      outcome: 'refused',
      reason: 'exists',
      alias: 'Karen (her)',
    });
    expect(everyRow(a.db)).toEqual(before);
  });

  it('moves back to a laptop the journey was deleted from', async () => {
    const a = laptop();
    const { journeyId } = await seedFullJourney(a);
    const file = await moveOut(a, journeyId);
    const sent = rowsOfJourney(a.db, journeyId);
    await a.call('journeys:delete', { id: journeyId });
    a.openFrom = file;
    expect(await a.call('journeys:moveIn', { passphrase: PASS })).toMatchObject({
      outcome: 'imported',
      servicesAdded: 0, // the local service stayed in this laptop's catalogue
    });
    const back = rowsOfJourney(a.db, journeyId);
    expect({ ...back, transfers: back.transfers!.filter((t) => t.direction === 'out') }).toEqual(
      sent,
    );
  });

  it('adds carried local services that are new, and never overwrites a code that is here', async () => {
    const a = laptop();
    const b = laptop();
    const clash = clashingLocalService(a, b);
    const { journeyId, touchpointIds } = await seedFullJourney(a);
    await a.call('touchpoints:update', { id: touchpointIds[1]!, patch: { serviceCode: clash } });
    const file = await moveOut(a, journeyId);
    const before = await b.call('catalogue:list', {});
    b.openFrom = file;
    expect(await b.call('journeys:moveIn', { passphrase: PASS })).toMatchObject({
      outcome: 'imported',
      servicesAdded: 1,
      servicesKept: 1,
    });
    const after = await b.call('catalogue:list', {});
    expect(after.find((s) => s.code === clash)).toEqual(before.find((s) => s.code === clash));
    expect(after.find((s) => s.code === clash)?.label.da).toBe('Demenskoordinator');
    expect(after).toHaveLength(before.length + 1);
  });

  it('carries a local service named only in a snapshot', async () => {
    const a = laptop();
    const b = laptop();
    const { journeyId, local, touchpointIds } = await seedFullJourney(a);
    // The snapshots name the service; the map no longer does.
    await a.call('touchpoints:update', { id: touchpointIds[2]!, patch: { serviceCode: null } });
    const moved = await payloadOf(await moveOut(a, journeyId));
    expect(moved.services.map((s) => s.code)).toEqual([local]);
    b.openFrom = join(tempDir(), 'x.forloeb');
    writeFileSync(b.openFrom, await sealJourneyFile(JSON.stringify(moved), PASS));
    expect(await b.call('journeys:moveIn', { passphrase: PASS })).toMatchObject({
      servicesAdded: 1,
    });
  });

  it('adds a carried service named as one here already hidden, so no one picks the look-alike', async () => {
    const a = laptop();
    const b = laptop();
    const shipped = (await b.call('catalogue:list', {})).find((s) => !s.hidden)!;
    // A local service on the sending laptop named as the receiving one names another code (in
    // capitals and with a space after it: the same name to a reader).
    const lookalike = (
      await a.call('catalogue:create', {
        sector: 'psychiatry',
        defaultContactType: 'meeting',
        label: { da: `${shipped.label.da.toUpperCase()} `, en: 'Look-alike' },
      })
    ).code;
    // Another whose English name only is a shipped service's: a name of its own in Danish.
    const ownName = (
      await a.call('catalogue:create', {
        sector: 'general_practice',
        defaultContactType: 'meeting',
        label: { da: 'Tandlæge Hansen, Nakskov', en: shipped.label.en },
      })
    ).code;
    const { journeyId, touchpointIds } = await seedFullJourney(a, lookalike);
    await a.call('touchpoints:update', { id: touchpointIds[1]!, patch: { serviceCode: ownName } });
    b.openFrom = await moveOut(a, journeyId);
    expect(await b.call('journeys:moveIn', { passphrase: PASS })).toMatchObject({
      outcome: 'imported',
      servicesAdded: 2,
    });
    const here = await b.call('catalogue:list', {});
    expect(here.find((s) => s.code === lookalike)).toMatchObject({ hidden: true });
    expect(here.find((s) => s.code === ownName)).toMatchObject({ hidden: false });
    // The journey keeps its service.
    const moved = rowsOfJourney(b.db, journeyId);
    expect(moved.touchpoints!.some((t) => t.service_code === lookalike)).toBe(true);
  });

  it('tells a wrong passphrase, a damaged and an empty file apart, and changes nothing', async () => {
    const a = laptop();
    const b = laptop();
    const { journeyId } = await seedFullJourney(a);
    const file = await moveOut(a, journeyId);
    const before = everyRow(b.db);
    const bytes = readFileSync(file);
    const cases: [string, Buffer, string][] = [
      ['wrong passphrase', bytes, 'wrong_passphrase'],
      ['flipped byte in the body', flip(bytes, 200), 'damaged'],
      ['flipped byte in the header', flip(bytes, 30), 'damaged'],
      ['cut off', bytes.subarray(0, bytes.length - 100), 'truncated'],
      ['0 bytes', Buffer.alloc(0), 'empty'],
      ['not our file', Buffer.from('{"format":"pathway-model"}'), 'not_move_file'],
    ];
    for (const [what, content, reason] of cases) {
      b.openFrom = join(tempDir(), 'x.forloeb');
      writeFileSync(b.openFrom, content);
      const passphrase = what === 'wrong passphrase' ? 'tre grønne pærer på bordet' : PASS;
      expect(await b.call('journeys:moveIn', { passphrase }), what).toEqual({
        outcome: 'refused',
        reason,
      });
    }
    b.openFrom = join(tempDir(), 'findes-ikke.forloeb');
    expect(await b.call('journeys:moveIn', { passphrase: PASS })).toEqual({
      outcome: 'refused',
      reason: 'unreadable',
    });
    expect(everyRow(b.db)).toEqual(before);
  });

  describe('refuses a payload that is not one self-contained journey, and changes nothing', () => {
    /** The receiving laptop, with a journey of its own that hostile payloads reach into. */
    let b: Laptop;
    let moved: MovedJourney;
    let theirs: { journeyId: string; touchpointId: string };
    beforeAll(async () => {
      const a = laptop();
      b = laptop();
      const { journeyId } = await seedFullJourney(a);
      moved = await payloadOf(await moveOut(a, journeyId));
      const j = await b.call('journeys:create', { alias: 'Lis, 81' });
      const tp = await b.call('touchpoints:create', { journeyId: j.id, x: 0, y: 0 });
      theirs = { journeyId: j.id, touchpointId: tp.id };
    });
    /** A copy of the moved journey, changed. */
    const changed = (change: (m: MovedJourney) => void) => () => {
      const m = structuredClone(moved);
      change(m);
      return m;
    };

    const hostile: [string, () => unknown, string][] = [
      [
        'a touchpoint of another journey',
        changed((m) => (m.touchpoints[0]!.journeyId = theirs.journeyId)),
        'invalid_content',
      ],
      [
        "a transition to the other journey's touchpoint",
        changed((m) => (m.transitions[0]!.targetId = theirs.touchpointId)),
        'invalid_content',
      ],
      [
        "a pain point on the other journey's touchpoint",
        changed((m) => (m.painPoints[0]!.touchpointId = theirs.touchpointId)),
        'invalid_content',
      ],
      [
        "an idea linking the other journey's touchpoint",
        changed((m) => m.ideas[0]!.touchpointIds.push(theirs.touchpointId)),
        'conflict',
      ],
      [
        "a touchpoint with the id of the other journey's",
        // Everywhere the payload names it (transitions, pain points, links, snapshots), so the
        // payload is consistent in itself and only the receiving laptop can tell.
        () => JSON.stringify(moved).replaceAll(moved.touchpoints[0]!.id, theirs.touchpointId),
        'conflict',
      ],
      [
        'a snapshot holding another journey',
        changed((m) => {
          const content = JSON.parse(m.snapshots[0]!.content) as {
            touchpoints: { journeyId: string }[];
          };
          content.touchpoints[0]!.journeyId = theirs.journeyId;
          m.snapshots[0]!.content = JSON.stringify(content);
        }),
        'invalid_content',
      ],
      [
        'a profile of another journey',
        changed((m) => (m.profile!.journeyId = theirs.journeyId)),
        'invalid_content',
      ],
      ['an unknown field', changed((m) => Object.assign(m, { extra: 'x' })), 'invalid_content'],
      [
        'a __proto__ key',
        () => JSON.stringify(moved).replace('{', '{"__proto__":{"polluted":true},'),
        'invalid_content',
      ],
      [
        'a shipped service code carried as local',
        changed((m) => (m.services[0]!.code = 'gp')),
        'invalid_content',
      ],
      [
        // As the app writes a file, it carries only the services its touchpoints use: a file
        // may not bring the catalogue thousands of others.
        'a local service no touchpoint uses',
        changed((m) =>
          m.services.push({
            ...m.services[0]!,
            code: 'local-bbbbbbbbbbbb',
            label: { da: 'Nykøbing F. Sygehus, akutmodtagelse', en: 'Emergency' },
          }),
        ),
        'invalid_content',
      ],
      [
        'a label longer than the app allows',
        changed((m) => (m.touchpoints[0]!.label = 'x'.repeat(201))),
        'invalid_content',
      ],
      ['not JSON', () => '{"format": "forloebsvaerksted.moved-journey",', 'invalid_content'],
      ['deeply nested JSON', () => `${'['.repeat(5000)}${']'.repeat(5000)}`, 'invalid_content'],
      [
        'a newer payload version',
        changed((m) => Object.assign(m, { schemaVersion: 2 })),
        'newer_version',
      ],
    ];

    it.each(hostile)('%s', async (_what, payload, reason) => {
      const before = everyRow(b.db);
      b.openFrom = await fileWith(payload());
      expect(await b.call('journeys:moveIn', { passphrase: PASS })).toEqual({
        outcome: 'refused',
        reason,
      });
      expect(everyRow(b.db)).toEqual(before);
      expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    });

    it('takes the same payload unchanged: the refusals were the changes, not the file', async () => {
      b.openFrom = await fileWith(moved);
      expect(await b.call('journeys:moveIn', { passphrase: PASS })).toMatchObject({
        outcome: 'imported',
      });
    });
  });

  it('takes a journey in all or nothing: a failure at the last table leaves no row behind', async () => {
    const a = laptop();
    const b = laptop();
    const { journeyId } = await seedFullJourney(a);
    const file = await moveOut(a, journeyId);
    // The transfers are written last; make the database refuse them, as a full disk would.
    b.db.exec(
      "CREATE TRIGGER refuse_transfers BEFORE INSERT ON transfers BEGIN SELECT RAISE(ABORT, 'no'); END",
    );
    const before = everyRow(b.db);
    b.openFrom = file;
    expect(await b.call('journeys:moveIn', { passphrase: PASS })).toEqual({
      outcome: 'refused',
      reason: 'invalid_content',
    });
    expect(everyRow(b.db)).toEqual(before);
  });

  it('writes nothing and records nothing when the user cancels or the place cannot be written', async () => {
    const a = laptop();
    const { journeyId } = await seedFullJourney(a);
    const before = everyRow(a.db);
    a.saveTo = null;
    expect(await a.call('journeys:moveOut', { journeyId, passphrase: PASS })).toEqual({
      outcome: 'cancelled',
    });
    a.saveTo = join(tempDir(), 'findes-ikke', 'flyt.forloeb');
    expect(await a.call('journeys:moveOut', { journeyId, passphrase: PASS })).toEqual({
      outcome: 'failed',
      reason: 'unwritable',
    });
    expect(existsSync(a.saveTo)).toBe(false);
    a.openFrom = null;
    expect(await a.call('journeys:moveIn', { passphrase: PASS })).toEqual({
      outcome: 'cancelled',
    });
    expect(everyRow(a.db)).toEqual(before);
  });

  it('says at once when a journey fails its own check, before asking where to save it', async () => {
    const a = laptop();
    const { journeyId, touchpointIds } = await seedFullJourney(a);
    // A control character no version of the window lets in, put there behind the app's back:
    // the other laptop would refuse the file, so none is written.
    a.db
      .prepare('UPDATE touchpoints SET label = ? WHERE id = ?')
      .run('Egen\u0007læge', touchpointIds[1]);
    const before = everyRow(a.db);
    a.saveTo = join(tempDir(), 'flyt.forloeb');
    expect(await a.call('journeys:moveOut', { journeyId, passphrase: PASS })).toEqual({
      outcome: 'failed',
      reason: 'unmovable',
    });
    expect(a.suggested).toEqual([]);
    expect(existsSync(a.saveTo)).toBe(false);
    expect(everyRow(a.db)).toEqual(before);
  });

  it('refuses a passphrase shorter than ten characters and an unknown journey', async () => {
    const a = laptop();
    const { journeyId } = await seedFullJourney(a);
    a.saveTo = join(tempDir(), 'flyt.forloeb');
    const short = await a.callRaw('journeys:moveOut', { journeyId, passphrase: '123456789' });
    expect(short).toMatchObject({ ok: false, error: { code: 'validation' } });
    // The refusal names the rule, never the passphrase.
    expect(JSON.stringify(short)).not.toContain('123456789');
    const unknown = await a.callRaw('journeys:moveOut', {
      journeyId: randomUUID(),
      passphrase: PASS,
    });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(existsSync(a.saveTo)).toBe(false);
  });
});
