/**
 * What the stored models bring to the program views' folds, kept beside them so the views can be
 * computed cold without reading, inflating and parsing every model again.
 *
 * An import's checking thread has each batch of models parsed anyway: it packs the accepted ones
 * as folds (`packModels`: per map the figure keys and one value per statistic, and the item codes
 * pricing reads), and encodes the pair as one deflated record (`encodeFolds`). The main thread
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
import { deflateSync, inflateSync } from 'node:zlib';
import {
  FOLD_FORMAT,
  ModelFold,
  packModels,
  type PackedFold,
} from '../../shared/analysis/aggregate';
import type { PathwayModel } from '../../shared/model/pathway-model';
import { unpackContent } from './model-content';

/** A batch's folds, one per map (the same journeys in the same order in both). */
export type PackedPair = Record<'asIs' | 'toBe', PackedFold>;

/** Models made again from their content per transaction (each run's parsed models in memory). */
const RUN = 200;

type Arrays = (Int32Array | Float64Array)[];

function arraysOf(p: PackedPair): Arrays {
  const maps = [p.asIs, p.toBe].flatMap((f) => [
    f.ids,
    f.idEnds,
    f.valueIds,
    f.valueEnds,
    f.values,
  ]);
  const c = p.asIs;
  return [...maps, c.costCodes, c.costEnds, c.toBeAts, c.costExtras, c.costExtraEnds];
}

const align = (n: number, to: number) => Math.ceil(n / to) * to;

/**
 * A pair of packed folds as one deflated record: the length of a JSON head (names, export ids,
 * cohorts, and every array's length), the head, then the arrays, each at a multiple of its
 * element size. Little-endian, as every machine the app runs on.
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
  return deflateSync(out, { level: 1 });
}

/** Reads back what `encodeFolds` wrote; throws on a record that does not read back whole. */
export function decodeFolds(record: Uint8Array): PackedPair {
  const raw = inflateSync(record);
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
  const kinds = [0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0];
  if (head.lengths.length !== kinds.length) throw new RangeError('a fold record is damaged');
  let at = 4 + headLength;
  const arrays = head.lengths.map((n, i) => {
    const size = kinds[i] ? 8 : 4;
    at = align(at, size);
    const a = kinds[i]
      ? new Float64Array(bytes.buffer, bytes.byteOffset + at, n)
      : new Int32Array(bytes.buffer, bytes.byteOffset + at, n);
    at += n * size;
    return a;
  });
  if (at !== bytes.byteLength) throw new RangeError('a fold record is damaged');
  const [a, b, c, d, e, f, g, h, i, j, costCodes, costEnds, toBeAts, costExtras, costExtraEnds] =
    arrays as [...Int32Array[]] as never as [
      Int32Array,
      Int32Array,
      Int32Array,
      Int32Array,
      Float64Array,
      Int32Array,
      Int32Array,
      Int32Array,
      Int32Array,
      Float64Array,
      Int32Array,
      Int32Array,
      Int32Array,
      Float64Array,
      Int32Array,
    ];
  const cost = {
    itemCodes: head.itemCodes,
    costCodes,
    costEnds,
    toBeAts,
    costExtras,
    costExtraEnds,
  };
  const common = { exportIds: head.exportIds, cohorts: head.cohorts, ...cost };
  return {
    asIs: {
      map: 'asIs',
      keys: head.keys[0],
      ids: a,
      idEnds: b,
      valueIds: c,
      valueEnds: d,
      values: e,
      ...common,
    },
    toBe: {
      map: 'toBe',
      keys: head.keys[1],
      ids: f,
      idEnds: g,
      valueIds: h,
      valueEnds: i,
      values: j,
      ...common,
    },
  };
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

export class FoldStore {
  /** Records stored in the current transaction, by the batch's record as a thread sent it. */
  private stored = new WeakMap<Uint8Array, number>();
  private statements: Record<'insert' | 'select', Statement> | undefined;

  constructor(private readonly db: Database) {}

  private get sql() {
    return (this.statements ??= {
      insert: this.db.prepare(
        'INSERT INTO program_fold_batches (format, journeys, data) VALUES (?, ?, ?)',
      ),
      select: this.db.prepare(
        'SELECT fold_at FROM program_models WHERE fold_batch = ? ORDER BY fold_at',
      ),
    });
  }

  /** The row of a batch's record, stored now if it is not yet (in the caller's transaction). */
  batchOf(record: Uint8Array, journeys: number): number {
    let id = this.stored.get(record);
    if (id === undefined) {
      id = Number(this.sql.insert.run(FOLD_FORMAT, journeys, record).lastInsertRowid);
      this.stored.set(record, id);
    }
    return id;
  }

  /** After a rolled-back transaction: rows stored in it are gone. */
  forget(): void {
    this.stored = new WeakMap();
  }

  /**
   * Keeps in each record only the journeys stored models point to: a record no model points to
   * is deleted, one with journeys of deleted or duplicate models is written again without them.
   */
  tidy(batches: Iterable<number>): void {
    const row = this.db.prepare(
      'SELECT journeys, data FROM program_fold_batches WHERE id = ? AND format = ?',
    );
    for (const id of new Set(batches)) {
      const ats = this.sql.select.pluck().all(id) as number[];
      const r = row.get(id, FOLD_FORMAT) as { journeys: number; data: Uint8Array } | undefined;
      if (!r || ats.length === r.journeys) continue;
      if (ats.length === 0) {
        this.db.prepare('DELETE FROM program_fold_batches WHERE id = ?').run(id);
        continue;
      }
      const record = encodeFolds(selected(decodeFolds(r.data), ats));
      this.db
        .prepare('UPDATE program_fold_batches SET journeys = ?, data = ? WHERE id = ?')
        .run(ats.length, record, id);
      const at = this.db.prepare(
        'UPDATE program_models SET fold_at = ? WHERE fold_batch = ? AND fold_at = ?',
      );
      ats.forEach((was, now) => at.run(now, id, was));
    }
  }

  /**
   * Makes records for stored models that have none of this FOLD_FORMAT, from their content, a
   * run of models per transaction; returns how many were made.
   */
  complete(): number {
    // Asked of the index on (fold_batch, fold_at) first: the rows themselves, with their content,
    // are read only when some model has no record of this format.
    const stale = this.db
      .prepare(
        `SELECT EXISTS (SELECT 1 FROM program_models m INDEXED BY program_models_by_fold
           WHERE m.fold_batch IS NULL OR NOT EXISTS (
             SELECT 1 FROM program_fold_batches b WHERE b.id = m.fold_batch AND b.format = ?))`,
      )
      .pluck()
      .get(FOLD_FORMAT) as number;
    if (!stale) return 0;
    const missing = this.db
      .prepare(
        `SELECT m.export_id FROM program_models m
           LEFT JOIN program_fold_batches b ON b.id = m.fold_batch
         WHERE b.format IS NOT ? ORDER BY m.export_id`,
      )
      .pluck()
      .all(FOLD_FORMAT) as string[];
    if (missing.length === 0) return 0;
    const content = this.db.prepare('SELECT content FROM program_models WHERE export_id = ?');
    const point = this.db.prepare(
      'UPDATE program_models SET fold_batch = ?, fold_at = ? WHERE export_id = ?',
    );
    for (let i = 0; i < missing.length; i += RUN) {
      const models = missing.slice(i, i + RUN).map((id) => {
        const row = content.get(id) as { content: Uint8Array };
        return JSON.parse(unpackContent(row.content)) as PathwayModel;
      });
      const record = encodeFolds(packModels(models));
      this.db.transaction(() => {
        const batch = Number(
          this.sql.insert.run(FOLD_FORMAT, models.length, record).lastInsertRowid,
        );
        models.forEach((m, at) => point.run(batch, at, m.exportId));
      })();
    }
    // Records of another format no model points to any more.
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
    const points = new Map<number, number[]>();
    const rows = this.db
      .prepare('SELECT fold_batch, fold_at FROM program_models ORDER BY fold_batch, fold_at')
      .raw()
      .all() as [number, number][];
    for (const [batch, at] of rows) {
      let ats = points.get(batch);
      if (!ats) points.set(batch, (ats = []));
      ats.push(at);
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
      let packed: PackedFold;
      try {
        packed = decodeFolds(data)[map];
      } catch {
        damaged.push(id);
        continue;
      }
      fold.merge(packed, ats);
    }
    if (damaged.length === 0 || !again) return fold;
    const drop = this.db.prepare('DELETE FROM program_fold_batches WHERE id = ?');
    this.db.transaction(() => damaged.forEach((id) => drop.run(id)))();
    return this.fold(map, false);
  }

  /** With "delete all". */
  clear(): void {
    this.db.prepare('DELETE FROM program_fold_batches').run();
    this.forget();
  }
}
