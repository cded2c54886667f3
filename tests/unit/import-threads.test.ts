import { priceListSchema } from '../../shared/economy/prices';
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/open';
import { testKey } from '../support/test-key';
import { createHandlers } from '../../electron/handlers';
import { checkedBatch, fileText } from '../../electron/import/checked-model';
import { ProgramThreads } from '../../electron/import/program-threads';
import { TEXT_COLUMNS, TextStore } from '../../electron/db/text-store';
import { aggregate } from '../../shared/analysis/aggregate';
import { dispatch } from '../../shared/ipc/dispatch';
import { randomModels } from '../support/generate-models';
import { checksumOf } from '../../shared/model/checksum';

/**
 * The app checks imported files in worker threads (electron/import/program-worker.ts, bundled on
 * its own). Built here as the app builds it, the threads must reach exactly the verdicts the main
 * thread reaches, store the same, and give way to the main thread when they cannot start.
 */
const WORKER = resolve('dist/test-worker/program-worker.cjs');
let dir: string;

beforeAll(async () => {
  await build({
    entryPoints: ['electron/import/program-worker.ts'],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    outfile: WORKER,
    external: ['electron', 'better-sqlite3'],
    logLevel: 'warning',
  });
  dir = mkdtempSync(join(tmpdir(), 'pathway-import-threads-'));
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The same files for every import (export ids are random per generation). */
let generated: { name: string; size: number; bytes: Uint8Array }[] | undefined;
function files() {
  return (generated ??= makeFiles());
}

/**
 * A valid model whose first touchpoint quotes `quote` (so it says it holds reviewed texts), its
 * checksum made over it.
 */
function withQuote(seed: number, quote: string): string {
  const [m] = randomModels(1, seed, 4);
  const { checksum: _, ...content } = m!;
  content.asIs.touchpoints[0]!.quote = quote;
  content.anonymisationProfile = 'codes-and-reviewed-texts';
  return JSON.stringify({ ...content, checksum: checksumOf(content) });
}

function makeFiles() {
  const texts = randomModels(40, 17, 12).map((m) => JSON.stringify(m));
  const hostile = [
    ['truncated.json', texts[0]!.slice(0, 500)],
    ['tampered.json', texts[1]!.replace('"2026-11"', '"2020-01"')],
    ['proto.json', texts[2]!.replace('{', '{"__proto__":{"x":1},')],
    ['deep.json', `${'['.repeat(100)}${']'.repeat(100)}`],
    ['bomb.json', `[${'{},'.repeat(50_000)}{}]`],
    [
      'extra-key.json',
      texts[3]!.replace('"whatWorked":false', '"whatWorked":false,"name":"Karen"'),
    ],
    ['again.json', texts[4]!],
    // Files come as bytes: a byte order mark, letters beyond ASCII and a lone surrogate must
    // reach the same verdict in the threads as here.
    ['bom.json', `\uFEFF${texts[5]!}`],
    // Valid models, their checksums over what they say: one in Danish with an emoji, stored as it
    // is; one with a lone surrogate, which UTF-8 cannot carry (the file has U+FFFD in its place,
    // so the checksum no longer holds) — refused alike by the threads and by the main thread.
    ['danish.json', withQuote(17, 'Ærø, Søren 😀 – «godt»')],
    ['surrogate.json', withQuote(18, 'før \uD800 efter').replace('\\ud800', '\uD800')],
    ['notes.txt', 'not a model'],
  ] as const;
  const files: { name: string; size: number; bytes: Uint8Array }[] = [
    ...texts.map((t, i) => [`m${i}.json`, t] as const),
    ...hostile,
  ].map(([name, text]) => ({
    name,
    size: Buffer.byteLength(text),
    bytes: new TextEncoder().encode(text),
  }));
  // A valid model saved in Latin-1: its «ø» is one byte, 0xF8, which is no UTF-8.
  const latin1 = Buffer.from(withQuote(19, 'Søren ringede'), 'latin1');
  files.push({ name: 'latin1.json', size: latin1.byteLength, bytes: latin1 });
  return files;
}

async function importWith(name: string, checking: ProgramThreads | null) {
  const db = openDatabase(join(dir, `${name}.sqlite`), testKey());
  try {
    const handlers = createHandlers({
      db,
      clock: () => new Date('2026-12-01T10:00:00Z'),
      newId: () => crypto.randomUUID(),
      threads: checking ?? undefined,
    });
    const all = files();
    const results = [];
    for (let i = 0; i < all.length; i += 13) {
      const r = await dispatch(handlers, 'program:import', { files: all.slice(i, i + 13) });
      if (!r.ok) throw new Error(r.error.message);
      results.push(...(r.data as { file: string; status: string; reason?: string }[]));
    }
    // The texts as stored, read back: threads and the main thread group them in batches apart.
    const texts = new TextStore(db);
    const stored = (
      db
        .prepare(`SELECT export_id, ${TEXT_COLUMNS} FROM program_models ORDER BY export_id`)
        .all() as ({ export_id: string } & Parameters<TextStore['text']>[0])[]
    ).map((r) => [r.export_id, texts.text(r)]);
    const views = await dispatch(handlers, 'program:aggregate', { filter: {} });
    return { results, stored, views: views.ok ? views.data : null };
  } finally {
    db.close();
  }
}

it('reaches the same verdicts and stores the same text in worker threads as in one', async () => {
  const threads = new ProgramThreads(WORKER, 3);
  try {
    const here = await importWith('here', null);
    const there = await importWith('there', threads);
    expect(there.results).toEqual(here.results);
    expect(there.stored).toEqual(here.stored);
    expect(there.views).toEqual(here.views);
    const reasons = Object.fromEntries(here.results.map((r) => [r.file, r.reason ?? r.status]));
    expect(reasons).toMatchObject({
      'truncated.json': 'not_json',
      'tampered.json': 'checksum',
      'proto.json': 'forbidden_key',
      'deep.json': 'too_deep',
      'extra-key.json': 'invalid',
      'again.json': 'duplicate',
      'bom.json': 'duplicate',
      'danish.json': 'imported',
      'surrogate.json': 'checksum',
      'latin1.json': 'not_utf8',
      'notes.txt': 'not_json_file',
      'm0.json': 'imported',
    });
    expect(here.stored).toHaveLength(41);
    expect(here.stored.some(([, text]) => text!.includes('Ærø, Søren 😀 – «godt»'))).toBe(true);
  } finally {
    await threads.close();
  }
}, 60_000);

it('checks in the main thread when the threads cannot start', async () => {
  const broken = new ProgramThreads(join(dir, 'no-such-worker.cjs'), 2);
  try {
    const { results, stored } = await importWith('fallback', broken);
    expect(results.filter((r) => r.status === 'imported')).toHaveLength(41);
    expect(stored).toHaveLength(41);
  } finally {
    await broken.close();
  }
}, 60_000);

it('checks bytes of any kind in the threads, and leaves the caller its own bytes', async () => {
  const threads = new ProgramThreads(WORKER, 2);
  try {
    // Small Node Buffers share Node's pool; a larger one has its own memory; a plain Uint8Array
    // as Electron delivers one; a view into the middle of a larger buffer.
    const small = randomModels(3, 9, 3).map((m) => JSON.stringify(m));
    const large = JSON.stringify(randomModels(1, 10, 60)[0]);
    const inside = new Uint8Array(Buffer.byteLength(large) + 20);
    inside.set(Buffer.from(large), 10);
    const files = [
      ...small.map((t) => Buffer.from(t)),
      Buffer.from(large),
      new TextEncoder().encode(small[0]!),
      inside.subarray(10, 10 + Buffer.byteLength(large)),
    ];
    expect(Buffer.byteLength(small[0]!)).toBeLessThan(Buffer.poolSize / 2);
    const before = files.map((b) => Buffer.from(b).toString('base64'));
    // Sent to the threads (a rejection here would make the import check them itself).
    const results = await threads.check(files);
    expect(results.map((r) => r.ok)).toEqual(files.map(() => true));
    expect(files.map((b) => Buffer.from(b).toString('base64'))).toEqual(before);
  } finally {
    await threads.close();
  }
}, 60_000);

it('keeps the views of a workspace up to date while threads import into it', async () => {
  const threads = new ProgramThreads(WORKER, 2);
  const db = openDatabase(join(dir, 'live.sqlite'), testKey());
  try {
    const handlers = createHandlers({
      db,
      clock: () => new Date(),
      newId: () => crypto.randomUUID(),
      threads,
    });
    const models = randomModels(12, 5, 6);
    const send = (ms: typeof models) =>
      dispatch(handlers, 'program:import', {
        files: ms.map((m, i) => {
          const text = JSON.stringify(m);
          return {
            name: `${m.exportId}-${i}.json`,
            size: Buffer.byteLength(text),
            bytes: Buffer.from(text),
          };
        }),
      });
    await send(models.slice(0, 6));
    // The views are computed (the fold is made), then more models come in through the threads.
    const before = await dispatch(handlers, 'program:aggregate', { filter: {} });
    expect(before.ok && (before.data as { cohort: unknown }).cohort).toEqual({
      shown: true,
      journeys: 6,
      value: 6,
    });
    await send(models.slice(6));
    const after = await dispatch(handlers, 'program:aggregate', { filter: {} });
    // The workspace prices the journeys with the laptop's price list.
    const prices = await dispatch(handlers, 'prices:get', {});
    if (!prices.ok) throw new Error('no price list');
    expect(after.ok && after.data).toEqual(
      aggregate(models, {}, undefined, priceListSchema.parse(prices.data)),
    );
  } finally {
    await threads.close();
    db.close();
  }
}, 60_000);

it('stores batches checked at the same time in the order they came', async () => {
  // Threads that answer the second batch first, as when the first has a slow file.
  const gates: (() => void)[] = [];
  const threads = {
    check: async (files: readonly Uint8Array[]) => {
      await new Promise<void>((open) => gates.push(open));
      return checkedBatch(files.map(fileText));
    },
  };
  const db = openDatabase(join(dir, 'order.sqlite'), testKey());
  try {
    const handlers = createHandlers({
      db,
      clock: () => new Date(),
      newId: () => crypto.randomUUID(),
      threads,
    });
    const [m] = randomModels(1, 77, 5);
    const text = JSON.stringify(m);
    const batch = (name: string) =>
      dispatch(handlers, 'program:import', {
        files: [{ name, size: Buffer.byteLength(text), bytes: Buffer.from(text) }],
      });
    const first = batch('first.json');
    const second = batch('second.json');
    await expect.poll(() => gates.length).toBe(2);
    gates[1]!();
    gates[0]!();
    const [a, b] = await Promise.all([first, second]);
    expect(a.ok && a.data).toEqual([
      { file: 'first.json', status: 'imported', exportId: m!.exportId },
    ]);
    expect(b.ok && b.data).toEqual([
      { file: 'second.json', status: 'duplicate', exportId: m!.exportId },
    ]);
  } finally {
    db.close();
  }
});
