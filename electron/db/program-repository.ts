import type { Database, Statement } from 'better-sqlite3';
import { type ModelFold } from '../../shared/analysis/aggregate';
import { checkedBatch, type CheckedModel, type FileText } from '../import/checked-model';
import { FoldStore } from './fold-store';
import { TEXT_COLUMNS, TextStore, type TextRow } from './text-store';
import type { PathwayModel } from '../../shared/model/pathway-model';
import type { ImportResult, ProgramModel } from '../../shared/ipc/contract';

/**
 * The name a stored model is listed by: the one the app gives its export (`renderFormats` in
 * electron/export/export-service.ts names its files this and `.pathway.json`, `.ocel.json` …),
 * from the model's export month and the start of its id; without the extension, so it reads on
 * one line of the list at 1024 px. Not the name of the file it came in: that is checked by
 * nothing and can carry what the anonymised model never does — a citizen's name or CPR number
 * ("Anne Hansen 010170-1234.json"), an address, a NUL, characters that steer a terminal or turn
 * text around. The window shows a file's own name only in the results of its import, and the
 * database never holds it.
 */
export function listedName(exportMonth: string, exportId: string): string {
  return `forloeb-${exportMonth}-${exportId.slice(0, 8)}`;
}

/** Names compared as people read them: numbers by value, «model-2» before «model-10». */
const FILE_NAMES = new Intl.Collator('da', { numeric: true });
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export type { ImportResult };

export type ProgramModelSummary = ProgramModel;

/**
 * The program workspace: anonymised models imported from many workshops, kept apart from the
 * workshop journeys. Every file is checked before anything is stored, and each is stored in its
 * own transaction, so one bad file never stops the others or leaves half a record.
 */
export class ProgramRepository {
  /**
   * The models folded into the counts and values the views need (the parsed models are dropped),
   * made on first use and kept up to date by imports and deletions.
   */
  private folded: Partial<Record<'asIs' | 'toBe', ModelFold>> = {};
  private insertStatement: Statement | undefined;
  /** What each stored model brings to the folds, kept beside it. */
  private readonly store: FoldStore;
  /** The models' texts, compressed a batch at a time. */
  private readonly texts: TextStore;

  constructor(private readonly db: Database) {
    this.texts = new TextStore(db);
    this.store = new FoldStore(db, this.texts);
  }

  /** Prepared on first use: the handlers are made before a test's older schema is migrated. */
  private get insert(): Statement {
    return (this.insertStatement ??= this.db.prepare(
      `INSERT INTO program_models (export_id, file_name, imported_at, age_band, sex, municipality,
         condition_groups, touchpoint_count, export_month, content, fold_batch, fold_at,
         text_batch, text_start, text_end)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (export_id) DO NOTHING`,
    ));
  }

  /** Checks files in this thread, as a checking thread does (one fold record for them all). */
  check(files: FileText[]): CheckedModel[] {
    return checkedBatch(files);
  }

  /**
   * Checks one file and stores it in its own transaction: imported, duplicate or rejected, never
   * half.
   */
  importOne(fileName: string, text: string, byteLength: number, now: string): ImportResult {
    return this.importChecked(fileName, this.check([{ text, byteLength }])[0]!, now);
  }

  /**
   * Stores one file already checked (here or in a worker thread) in its own transaction. The
   * file's name is only said back in the result; the model is stored under `listedName`.
   */
  importChecked(fileName: string, checked: CheckedModel, now: string): ImportResult {
    if (!checked.ok) return { file: fileName, status: 'rejected', reason: checked.reason };
    const { cohort } = checked;
    const alone = !this.db.inTransaction;
    const { record, journeys, at } = checked.folds;
    const { text } = checked;
    const insert = () => {
      // The batch's record and texts first (once per batch), so the row can say where its
      // journey and its text are.
      const batch = this.store.batchOf(record, journeys);
      const textBatch = this.texts.batchOf(text.batch);
      const r = this.insert.run(
        checked.exportId,
        listedName(checked.exportMonth, checked.exportId),
        now,
        cohort.ageBand,
        cohort.sex,
        cohort.municipality,
        JSON.stringify(cohort.conditionGroups),
        checked.touchpointCount,
        checked.exportMonth,
        // What was checked, not the text as it came: the canonical JSON the checksum matched,
        // compressed with its batch's (text-store.ts).
        TextStore.IN_BATCH,
        batch,
        at,
        textBatch,
        text.start,
        text.end,
      );
      if (r.changes === 1) this.texts.kept(text.batch);
      // Stored on its own: its record and texts keep only its own (see `importMany`).
      if (alone) {
        this.store.settle();
        this.texts.settle();
      }
      return r;
    };
    let inserted;
    try {
      // In a batch's transaction (`importMany`) the row is one statement, which SQLite undoes
      // whole if it fails, and a failure ends the batch; a savepoint per file took a tenth of the
      // batch's time in the thread that stores it. A record stored with it stays known to the
      // batch, which keeps only records that models point to when it settles.
      inserted = alone ? this.db.transaction(insert)() : insert();
    } catch (error) {
      // Alone, everything it stored is gone with it.
      if (alone) {
        this.store.forget();
        this.texts.forget();
      }
      throw error;
    }
    if (inserted.changes !== 1) {
      return { file: fileName, status: 'duplicate', exportId: checked.exportId };
    }
    if (this.folded.asIs || this.folded.toBe) {
      // The open views take its journey from the batch's record, decoded once per batch, rather
      // than parsing the model again in this thread.
      const pair = this.store.decoded(record);
      for (const map of ['asIs', 'toBe'] as const) this.folded[map]?.merge(pair[map], [at]);
    }
    return { file: fileName, status: 'imported', exportId: checked.exportId };
  }

  /**
   * A batch of files in one transaction: a file that fails ends the batch, which rolls back
   * whole, and the batch is flushed to disk once, when it commits — before the window hears that
   * any of its files was imported.
   */
  importMany<F>(files: F[], one: (file: F) => ImportResult): ImportResult[] {
    try {
      return this.db.transaction(() => {
        const results = files.map(one);
        // The batch's records and texts keep only those of models stored (not a duplicate's).
        this.store.settle();
        this.texts.settle();
        return results;
      })();
    } catch (error) {
      // The batch rolled back: the fold is made again from what the database holds.
      this.folded = {};
      this.store.forget();
      this.texts.forget();
      throw error;
    }
  }

  /**
   * After the database's contents were replaced (a backup restored): the views are made again
   * from the models it holds now, not kept from those it held before.
   */
  reload(): void {
    this.folded = {};
    this.store.forget();
    this.texts.forget();
  }

  /** Every stored model, newest import first (see the sort at the end). */
  list(): ProgramModelSummary[] {
    return (
      (
        this.db
          .prepare(
            `SELECT export_id, file_name, imported_at, age_band, sex, municipality, condition_groups,
             touchpoint_count, export_month
           FROM program_models`,
          )
          .all() as {
          export_id: string;
          file_name: string;
          imported_at: string;
          age_band: string | null;
          sex: string | null;
          municipality: string | null;
          condition_groups: string;
          touchpoint_count: number;
          export_month: string;
        }[]
      )
        .map((r) => ({
          exportId: r.export_id,
          fileName: r.file_name,
          importedAt: r.imported_at,
          exportMonth: r.export_month,
          // Stored from a validated model, so the codes are the vocabulary's.
          ageBand: r.age_band as ProgramModel['ageBand'],
          sex: r.sex as ProgramModel['sex'],
          municipality: r.municipality as ProgramModel['municipality'],
          conditionGroups: JSON.parse(r.condition_groups) as ProgramModel['conditionGroups'],
          touchpointCount: r.touchpoint_count,
        }))
        // Newest import first (all batches of one import have its time: handlers' importStart);
        // within one, by name (its export month first), numbers as people read them, which
        // SQLite's text order does not do.
        .sort(
          (a, b) =>
            compareText(b.importedAt, a.importedAt) ||
            FILE_NAMES.compare(a.fileName, b.fileName) ||
            compareText(a.exportId, b.exportId),
        )
    );
  }

  /** Every stored model, read one row at a time (a batch's together: each decompressed once). */
  *eachModel(): Generator<PathwayModel> {
    const rows = this.db
      .prepare(
        `SELECT ${TEXT_COLUMNS} FROM program_models ORDER BY text_batch, text_start, export_id`,
      )
      .all() as TextRow[];
    const text = this.texts.reader();
    for (const row of rows) yield JSON.parse(text(row)) as PathwayModel;
  }

  models(): PathwayModel[] {
    return [...this.eachModel()];
  }

  /**
   * What the views of one map are computed from. The first call makes it from what each stored
   * model brings to it, kept beside the model (fold-store.ts): no model is read or parsed.
   */
  fold(map: 'asIs' | 'toBe'): ModelFold {
    return (this.folded[map] ??= this.store.fold(map));
  }

  delete(exportId: string): boolean {
    const gone = this.db.transaction(() => {
      const row = this.db
        .prepare('SELECT fold_batch, text_batch FROM program_models WHERE export_id = ?')
        .get(exportId) as { fold_batch: number | null; text_batch: number | null } | undefined;
      const deleted =
        this.db.prepare('DELETE FROM program_models WHERE export_id = ?').run(exportId).changes ===
        1;
      // Its journey goes from its batch's record too, and its text from its batch's texts.
      if (typeof row?.fold_batch === 'number') this.store.tidy([row.fold_batch]);
      if (typeof row?.text_batch === 'number') this.texts.tidy([row.text_batch]);
      return deleted;
    })();
    // Only once it is gone from the database.
    this.folded.asIs?.remove(exportId);
    this.folded.toBe?.remove(exportId);
    // Nor in the write-ahead log: its row, and the frame of texts it was in, were on pages whose
    // old images the log still holds until they are moved into the file (where secure_delete has
    // zeroed them). As "delete all" does.
    if (gone) this.db.pragma('wal_checkpoint(TRUNCATE)');
    return gone;
  }

  deleteAll(): number {
    this.folded = {};
    // All or nothing: rows left pointing at records and texts that are gone would point at the
    // next import's.
    const n = this.db.transaction(() => {
      this.store.clear();
      this.texts.clear();
      return this.db.prepare('DELETE FROM program_models').run().changes;
    })();
    // Deleted rows must not linger in the write-ahead log.
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    return n;
  }
}
