/**
 * What the stored models bring to the program views' folds, kept beside them so the views can be
 * computed cold without reading, decompressing and parsing every model again.
 *
 * An import's checking thread has each batch of models parsed anyway: it packs the accepted ones
 * as folds (`packModels`: per map the figure keys and one value per statistic, and the item codes
 * pricing reads), and encodes the pair as one compressed record (`encodeFolds`). The main thread
 * stores that record once per batch (`program_fold_batches`) and each model row says where its
 * journey is in it (`fold_batch`, `fold_at`). Cold, the views merge the records' journeys that
 * stored models point to — a few hundred records for 15,000 models, instead of 15,000 models.
 *
 * A record keeps only journeys of stored models: when a model is deleted, or a batch held a
 * duplicate, its record is written again without them (`tidy`). Models without a record of this
 * FOLD_FORMAT (a database from before, or a change to what a journey brings) get one made from
 * their content before the views are computed.
 */
import type { Database, Statement } from 'better-sqlite3';
import {
  FOLD_FORMAT,
  ModelFold,
  PACKED_COST_ARRAYS,
  PACKED_MAP_ARRAYS,
  packModels,
  type PackedFold,
} from '../../shared/analysis/aggregate';
import type { PathwayModel } from '../../shared/model/pathway-model';
import { compress, decompress } from './compression';
import { TEXT_COLUMNS, TextStore, type TextRow } from './text-store';

/** A batch's folds, one per map (the same journeys in the same order in both). */
export type PackedPair = Record<'asIs' | 'toBe', PackedFold>;

/** Models made again from their content per transaction (each run's parsed models in memory). */
const RUN = 200;

/**
 * The most a record may decompress to: a batch of 200 models of 100 events is about 2 MB; anything
 * near this is not a record this app wrote, and is never decompressed further.
 */
const MAX_RECORD_BYTES = 256 * 1024 * 1024;

type Arrays = (Int32Array | Float64Array)[];

/** A record's arrays, in order: each map's (as-is, then to-be), then pricing's once. */
const RECORD_ARRAYS = [
  ...PACKED_MAP_ARRAYS.map(([name, kind]) => ({ from: 'asIs', name, kind }) as const),
  ...PACKED_MAP_ARRAYS.map(([name, kind]) => ({ from: 'toBe', name, kind }) as const),
  ...PACKED_COST_ARRAYS.map(([name, kind]) => ({ from: 'asIs', name, kind }) as const),
];

const arraysOf = (p: PackedPair): Arrays => RECORD_ARRAYS.map(({ from, name }) => p[from][name]);

const align = (n: number, to: number) => Math.ceil(n / to) * to;

/**
 * A pair of packed folds as one compressed record (compression.ts): the length of a JSON head
 * (names, export ids, cohorts, and every array's length), the head, then the arrays, each at a
 * multiple of its element size. Little-endian, as every machine the app runs on.
 */
export function encodeFolds(p: PackedPair): Uint8Array {
  const arrays = arraysOf(p);
  const head = Buffer.from(
    JSON.stringify({
      keys: [p.asIs.keys, p.toBe.keys],
      itemCodes: p.asIs.itemCodes,
      exportIds: p.asIs.exportIds,
      cohorts: p.asIs.cohorts,
      lengths: arrays.map((a) => a.length),
    }),
  );
  let size = 4 + head.length;
  for (const a of arrays) size = align(size, a.BYTES_PER_ELEMENT) + a.byteLength;
  const out = Buffer.alloc(size);
  out.writeUInt32LE(head.length, 0);
  head.copy(out, 4);
  let at = 4 + head.length;
  for (const a of arrays) {
    at = align(at, a.BYTES_PER_ELEMENT);
    out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), at);
    at += a.byteLength;
  }
  return compress(out);
}

/** Reads back what `encodeFolds` wrote; throws on a record that does not read back whole. */
export function decodeFolds(record: Uint8Array): PackedPair {
  const raw = decompress(record, MAX_RECORD_BYTES);
  // Typed arrays need their element size's alignment: a fresh buffer has it.
  const bytes = raw.byteOffset % 8 === 0 ? raw : new Uint8Array(raw);
  const headLength = new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0, true);
  const head = JSON.parse(
    Buffer.from(bytes.buffer, bytes.byteOffset + 4, headLength).toString(),
  ) as {
    keys: [string[], string[]];
    itemCodes: string[];
    exportIds: string[];
    cohorts: PathwayModel['cohort'][];
    lengths: number[];
  };
  if (head.lengths.length !== RECORD_ARRAYS.length)
    throw new RangeError('a fold record is damaged');
  let at = 4 + headLength;
  const parts: Record<'asIs' | 'toBe', Record<string, Int32Array | Float64Array>> = {
    asIs: {},
    toBe: {},
  };
  RECORD_ARRAYS.forEach(({ from, name, kind }, i) => {
    const n = head.lengths[i]!;
    at = align(at, kind.BYTES_PER_ELEMENT);
    parts[from][name] = new kind(bytes.buffer, bytes.byteOffset + at, n);
    at += n * kind.BYTES_PER_ELEMENT;
  });
  if (at !== bytes.byteLength) throw new RangeError('a fold record is damaged');
  const cost = Object.fromEntries(PACKED_COST_ARRAYS.map(([name]) => [name, parts.asIs[name]]));
  const common = { exportIds: head.exportIds, cohorts: head.cohorts, itemCodes: head.itemCodes };
  const fold = (map: 'asIs' | 'toBe', keys: string[]) =>
    ({ map, keys, ...parts[map], ...cost, ...common }) as unknown as PackedFold;
  const pair: PackedPair = { asIs: fold('asIs', head.keys[0]), toBe: fold('toBe', head.keys[1]) };
  checkShape(pair);
  return pair;
}

/** Every end and index of a decoded pair within its arrays and names: merged, it cannot fail. */
function checkShape(p: PackedPair): void {
  const fail = () => {
    throw new RangeError('a fold record is damaged');
  };
  const n = p.asIs.exportIds.length;
  const ends = (e: Int32Array, length: number) => {
    if (e.length !== n) fail();
    // Indexed loops: every record is checked on every cold fold (see GrowingCounts.add).
    let last = 0;
    for (let i = 0; i < e.length; i++) {
      if (e[i]! < last) fail();
      last = e[i]!;
    }
    if (last !== length) fail();
  };
  const below = (a: Int32Array, limit: number) => {
    for (let i = 0; i < a.length; i++) if (a[i]! < 0 || a[i]! >= limit) fail();
  };
  if (p.asIs.cohorts.length !== n || !p.asIs.exportIds.every((id) => typeof id === 'string')) {
    fail();
  }
  for (const c of p.asIs.cohorts) {
    if (typeof c !== 'object' || c === null || !Array.isArray(c.conditionGroups)) fail();
  }
  for (const f of [p.asIs, p.toBe]) {
    if (!f.keys.every((k) => typeof k === 'string')) fail();
    ends(f.idEnds, f.ids.length);
    ends(f.valueEnds, f.valueIds.length);
    if (f.values.length !== f.valueIds.length) fail();
    below(f.ids, f.keys.length);
    below(f.valueIds, f.keys.length);
  }
  const c = p.asIs;
  if (!c.itemCodes.every((k) => typeof k === 'string')) fail();
  ends(c.costEnds, c.costCodes.length);
  ends(c.costExtraEnds, c.costExtras.length);
  below(c.costCodes, c.itemCodes.length);
  if (c.toBeAts.length !== n) fail();
  c.toBeAts.forEach((at, j) => {
    if (at < 0 || at > c.costEnds[j]! - (j === 0 ? 0 : c.costEnds[j - 1]!)) fail();
  });
}

/** The journeys at `keep` of a pair, packed again (names of the others gone with them). */
function selected(p: PackedPair, keep: number[]): PackedPair {
  const again = (map: 'asIs' | 'toBe') => {
    const f = new ModelFold(map);
    f.merge(p[map], keep);
    return f.pack();
  };
  return { asIs: again('asIs'), toBe: again('toBe') };
}

/**
 * Whether each stored model's pointer (ascending, none twice) names a journey of the record, and
 * the journey is that model's: a pointer gone wrong is caught, never read as another's journey.
 */
function pointsInto(pair: PackedPair, points: [number, string][]): boolean {
  const ids = pair.asIs.exportIds;
  return points.every(
    ([at, exportId], i) =>
      Number.isInteger(at) &&
      at >= 0 &&
      at < ids.length &&
      (i === 0 || at > points[i - 1]![0]) &&
      ids[at] === exportId,
  );
}

export class FoldStore {
  /** Records stored in the current transaction, by the batch's record as a thread sent it. */
  private stored = new WeakMap<Uint8Array, number>();
  private readonly decodedRecords = new WeakMap<Uint8Array, PackedPair>();
  /** Their rows, tidied before the transaction ends (`settle`). */
  private readonly storedNow = new Set<number>();
  private statements:
    | Record<'insert' | 'select' | 'drop' | 'unpoint' | 'rewrite' | 'renumber', Statement>
    | undefined;

  constructor(
    private readonly db: Database,
    /** Where the models' texts are read from, to make records again. */
    private readonly texts = new TextStore(db),
  ) {}

  private get sql() {
    return (this.statements ??= {
      insert: this.db.prepare(
        'INSERT INTO program_fold_batches (format, journeys, data) VALUES (?, ?, ?)',
      ),
      select: this.db.prepare(
        'SELECT fold_at, export_id FROM program_models WHERE fold_batch = ? ORDER BY fold_at',
      ),
      rewrite: this.db.prepare(
        'UPDATE program_fold_batches SET journeys = ?, data = ? WHERE id = ?',
      ),
      renumber: this.db.prepare(
        'UPDATE program_models SET fold_at = ? WHERE fold_batch = ? AND fold_at = ?',
      ),
      drop: this.db.prepare('DELETE FROM program_fold_batches WHERE id = ?'),
      unpoint: this.db.prepare(
        'UPDATE program_models SET fold_batch = NULL, fold_at = NULL WHERE fold_batch = ?',
      ),
    });
  }

  /** The row of a batch's record, stored now if it is not yet (in the caller's transaction). */
  batchOf(record: Uint8Array, journeys: number): number {
    let id = this.stored.get(record);
    if (id === undefined) {
      id = Number(this.sql.insert.run(FOLD_FORMAT, journeys, record).lastInsertRowid);
      this.stored.set(record, id);
      this.storedNow.add(id);
    }
    return id;
  }

  /** A batch's record as the thread sent it, decoded (once per batch). */
  decoded(record: Uint8Array): PackedPair {
    let pair = this.decodedRecords.get(record);
    if (!pair) this.decodedRecords.set(record, (pair = decodeFolds(record)));
    return pair;
  }

  /**
   * Before a transaction that stored records ends: each keeps only the journeys of models stored
   * with it (a duplicate's goes), and no record of it is taken for one of a later transaction.
   */
  settle(): void {
    this.tidy(this.storedNow);
    this.forget();
  }

  /** After a rolled-back transaction, or once it is settled: records are looked up afresh. */
  forget(): void {
    this.stored = new WeakMap();
    this.storedNow.clear();
  }

  /**
   * Keeps in each record only the journeys stored models point to: a record no model points to
   * is deleted, one with journeys of deleted or duplicate models is written again without them.
   * A record of another format, or one that does not read back whole, is deleted with its
   * pointers: its models get a new one from their content before the views are computed.
   */
  tidy(batches: Iterable<number>): void {
    const head = this.db.prepare('SELECT format, journeys FROM program_fold_batches WHERE id = ?');
    const data = this.db.prepare('SELECT data FROM program_fold_batches WHERE id = ?').pluck();
    for (const id of [...new Set(batches)]) {
      const rows = this.sql.select.raw().all(id) as [number, string][];
      const ats = rows.map((r) => r[0]);
      const r = head.get(id) as { format: number; journeys: number } | undefined;
      if (!r) continue;
      if (ats.length === 0) {
        this.sql.drop.run(id);
        continue;
      }
      // Every journey pointed to once, in order: nothing to do (the record is not read).
      if (r.format === FOLD_FORMAT && ats.length === r.journeys && ats.every((at, i) => at === i)) {
        continue;
      }
      let record: Uint8Array | null = null;
      if (r.format === FOLD_FORMAT) {
        try {
          const pair = decodeFolds(data.get(id) as Uint8Array);
          if (!pointsInto(pair, rows)) throw new RangeError('a model points to another journey');
          record =
            ats.length === pair.asIs.exportIds.length ? null : encodeFolds(selected(pair, ats));
          if (record === null) continue;
        } catch {
          record = null;
        }
      }
      if (!record) {
        // Another format, or damaged: its models get a new record from their content.
        this.sql.unpoint.run(id);
        this.sql.drop.run(id);
        continue;
      }
      this.sql.rewrite.run(ats.length, record, id);
      ats.forEach((was, now) => this.sql.renumber.run(now, id, was));
    }
  }

  /**
   * Makes records for stored models that have none of this FOLD_FORMAT, from their content, a
   * run of models per transaction, and deletes records no model points to; returns how many
   * models got one.
   */
  complete(): number {
    // Asked of the index on (fold_batch, fold_at) first: the rows themselves, with their content,
    // are read only when some model has no record of this format.
    const stale = this.db
      .prepare(
        `SELECT EXISTS (SELECT 1 FROM program_models m
           WHERE m.fold_batch IS NULL OR NOT EXISTS (
             SELECT 1 FROM program_fold_batches b WHERE b.id = m.fold_batch AND b.format = ?))`,
      )
      .pluck()
      .get(FOLD_FORMAT) as number;
    const missing = stale
      ? (this.db
          .prepare(
            `SELECT m.export_id FROM program_models m
               LEFT JOIN program_fold_batches b ON b.id = m.fold_batch
             WHERE b.format IS NOT ? ORDER BY m.text_batch, m.text_start, m.export_id`,
          )
          .pluck()
          .all(FOLD_FORMAT) as string[])
      : [];
    const content = this.db.prepare(
      `SELECT ${TEXT_COLUMNS} FROM program_models WHERE export_id = ?`,
    );
    const point = this.db.prepare(
      'UPDATE program_models SET fold_batch = ?, fold_at = ? WHERE export_id = ?',
    );
    const text = this.texts.reader();
    for (let i = 0; i < missing.length; i += RUN) {
      const ids = missing.slice(i, i + RUN);
      const models = ids.map((id) => JSON.parse(text(content.get(id) as TextRow)) as PathwayModel);
      const record = encodeFolds(packModels(models));
      this.db.transaction(() => {
        const batch = Number(
          this.sql.insert.run(FOLD_FORMAT, models.length, record).lastInsertRowid,
        );
        ids.forEach((id, at) => point.run(batch, at, id));
      })();
    }
    // Records of another format, and records no model points to (whatever left them).
    this.db
      .prepare(
        `DELETE FROM program_fold_batches WHERE format IS NOT ?
           OR id NOT IN (SELECT fold_batch FROM program_models WHERE fold_batch IS NOT NULL)`,
      )
      .run(FOLD_FORMAT);
    return missing.length;
  }

  /**
   * A fold of one map from the stored records, every stored model's journey once. A record that
   * does not read back whole (a damaged row) is made again from its models.
   */
  fold(map: 'asIs' | 'toBe', again = true): ModelFold {
    this.complete();
    const points = new Map<number, [number, string][]>();
    const rows = this.db
      .prepare(
        'SELECT fold_batch, fold_at, export_id FROM program_models ORDER BY fold_batch, fold_at',
      )
      .raw()
      .all() as [number, number, string][];
    for (const [batch, at, exportId] of rows) {
      let ats = points.get(batch);
      if (!ats) points.set(batch, (ats = []));
      ats.push([at, exportId]);
    }
    const fold = new ModelFold(map);
    const records = this.db
      .prepare('SELECT id, data FROM program_fold_batches WHERE format = ? ORDER BY id')
      .raw()
      .iterate(FOLD_FORMAT) as IterableIterator<[number, Uint8Array]>;
    const damaged: number[] = [];
    for (const [id, data] of records) {
      const ats = points.get(id);
      if (!ats) continue;
      try {
        const pair = decodeFolds(data);
        if (!pointsInto(pair, ats)) throw new RangeError('a model points past its fold record');
        fold.merge(
          pair[map],
          ats.map((a) => a[0]),
        );
      } catch {
        // The fold is made again below, without the journeys merged so far.
        damaged.push(id);
      }
    }
    if (damaged.length === 0) return fold;
    if (!again) throw new Error('the fold records could not be made again');
    // Dropped with their pointers: their models get new records from their content.
    this.db.transaction(() =>
      damaged.forEach((id) => {
        this.sql.unpoint.run(id);
        this.sql.drop.run(id);
      }),
    )();
    return this.fold(map, false);
  }

  /** With "delete all". */
  clear(): void {
    this.db.prepare('DELETE FROM program_fold_batches').run();
    this.forget();
  }
}
