/**
 * The texts of imported models, kept compressed a batch at a time.
 *
 * An import's checking thread writes the canonical JSON of the models it accepted one after the
 * other and compresses them together, as one frame (`TextWriter`); the main thread stores that
 * frame once (`program_texts`) and each model row says where its text is in it (`text_batch`,
 * `text_start`, `text_end`: bytes of the decompressed frame). Compressed together, the models of a
 * batch share what they repeat — keys, sectors, codes — so the frame is about a quarter smaller
 * than the models compressed one by one, and compressing it takes about a third of the time
 * (measured on the bench's 1,425 models: 67–75 ms against 180–240 ms, 3.35 MB against 4.5 MB).
 *
 * A frame keeps only the texts of stored models: when a model is deleted, or a batch held a
 * duplicate, its frame is written again without that text (`tidy`), so a deleted model's text is
 * gone from the file (secure_delete zeroes the pages the old frame had). Models stored before
 * this (database version 14) keep their text in their own row (`content`, model-content.ts); a
 * row's `content` is empty when its text is in a batch.
 */
import type { Database, Statement } from 'better-sqlite3';
import { MAX_MODEL_BYTES } from '../../shared/model/limits';
import { compress, decompress } from './compression';
import { unpackContent } from './model-content';

/**
 * A frame is closed once it holds this many bytes of texts, and the next text starts another: a
 * call may bring up to a hundred files of up to MAX_MODEL_BYTES each, and one frame of them all
 * would be more than anything should decompress at once.
 */
const FRAME_BYTES = 16 * 1024 * 1024;
/**
 * The most a frame may decompress to: a full frame and one more text, whose canonical JSON is
 * never much longer than its file. Anything longer is not a frame this app wrote.
 */
const MAX_BATCH_BYTES = FRAME_BYTES + 2 * MAX_MODEL_BYTES;

/** A batch's texts as a checking thread sends them: shared by every model of the batch. */
export interface TextBatch {
  /** The texts one after the other as UTF-8, compressed (compression.ts). */
  data: Uint8Array;
  /** How many texts, and how many bytes they are decompressed. */
  count: number;
  bytes: number;
}

/** Where one model's text is in its batch: bytes of the decompressed texts. */
export interface TextAt {
  batch: TextBatch;
  start: number;
  end: number;
}

/**
 * A batch's texts written one after the other as UTF-8, in frames of up to FRAME_BYTES (one, for
 * the window's batches), each text encoded once: the import's checks hash the very bytes that are
 * stored (`write`, then `keep`), instead of encoding each canonical text for its checksum and
 * again for the store, and then copying them all into one frame (about a sixth of the checks'
 * time went to those copies, measured on the bench's models). A frame is closed when the next
 * text would take it past FRAME_BYTES; a text larger than that is a frame on its own.
 */
export class TextWriter {
  /** Where the frame's texts are written; a small one is taken over from the last writer. */
  private buffer: Buffer = spareBuffer ?? Buffer.allocUnsafe(FIRST_BUFFER_BYTES);
  /** The end of the frame's kept texts. */
  private end = 0;
  /** The bytes of the text written last and not yet kept (-1: none). */
  private pending = -1;
  /** How far into the buffer anything was written: zeroed before another writer takes it. */
  private written = 0;
  /** The kept texts of the open frame, and of every frame before it. */
  private frame: { start: number; end: number }[] = [];
  private readonly at: TextAt[] = [];

  constructor() {
    spareBuffer = undefined;
  }

  /**
   * Writes a text after the kept ones, in place of one written and not kept: its UTF-8 bytes, a
   * view that holds until the next write or keep.
   */
  write(text: string | Iterable<string>, bytesExpected = 0): Uint8Array {
    this.pending = 0;
    if (typeof text === 'string') this.append(text);
    else {
      // A large text in pieces (a large model's canonical JSON): room for as many bytes as its
      // file had is made at once, rather than doubling the buffer as the pieces come.
      if (this.buffer.length - this.end < bytesExpected + TAIL_ROOM) {
        this.grow(this.end + bytesExpected + TAIL_ROOM);
      }
      for (const piece of text) this.append(piece);
    }
    return this.buffer.subarray(this.end, this.end + this.pending);
  }

  /** Writes a text after what was written last and not yet kept. */
  private append(text: string): void {
    const at = this.end + this.pending;
    // UTF-8 takes at most 3 bytes per UTF-16 unit: measured exactly only when that may not fit.
    if (this.buffer.length - at < 3 * text.length + TAIL_ROOM) {
      this.grow(at + Buffer.byteLength(text, 'utf8') + TAIL_ROOM);
    }
    this.pending += this.buffer.write(text, at, 'utf8');
    this.written = Math.max(this.written, this.end + this.pending + TAIL_ROOM);
  }

  /**
   * Keeps the text written last, its last `cut` bytes replaced by `tail` (ASCII, at most
   * TAIL_ROOM bytes); returns where it will be once the frames are made (`finish`).
   */
  keep(cut: number, tail: string): number {
    if (this.pending < cut || tail.length > TAIL_ROOM) {
      throw new RangeError('no text written to keep, or a tail too long');
    }
    let start = this.end;
    const length = this.pending - cut + tail.length;
    this.buffer.write(tail, start + this.pending - cut, 'latin1');
    this.pending = -1;
    if (start > 0 && start + length > FRAME_BYTES) {
      // It would take the frame past its size: the frame is closed and this text begins the next.
      this.close();
      this.buffer.copyWithin(0, start, start + length);
      start = 0;
    }
    this.end = start + length;
    this.frame.push({ start, end: this.end });
    return this.at.length + this.frame.length - 1;
  }

  /** Where each kept text is, in the order kept; the writer is done. */
  finish(): TextAt[] {
    if (this.frame.length > 0) this.close();
    if (this.buffer.length <= SPARE_BUFFER_BYTES) {
      // Kept for the next writer, but no model's text is kept in it meanwhile.
      this.buffer.fill(0, 0, Math.min(this.written, this.buffer.length));
      spareBuffer = this.buffer;
    }
    this.buffer = Buffer.alloc(0);
    this.written = 0;
    return this.at;
  }

  private close(): void {
    const batch: TextBatch = {
      data: compress(this.buffer.subarray(0, this.end)),
      count: this.frame.length,
      bytes: this.end,
    };
    for (const { start, end } of this.frame) this.at.push({ batch, start, end });
    this.frame = [];
    this.end = 0;
  }

  /** A larger buffer, with the kept texts and what was written since (`pending`) copied over. */
  private grow(bytes: number): void {
    const grown = Buffer.allocUnsafe(Math.max(bytes, 2 * this.buffer.length));
    this.buffer.copy(grown, 0, 0, this.end + Math.max(0, this.pending));
    this.buffer = grown;
  }
}

/** Room kept after a text for what `keep` puts in place of its end (a checksum and its key). */
const TAIL_ROOM = 128;
const FIRST_BUFFER_BYTES = 1024 * 1024;
/**
 * A buffer up to this size is kept for the next writer (a thread writes a batch's texts every few
 * milliseconds), zeroed as far as it was written; a larger one, made for very large texts, is let
 * go with its writer. Only bytes written by the writer that holds it are ever read.
 */
const SPARE_BUFFER_BYTES = 4 * 1024 * 1024;
let spareBuffer: Buffer | undefined;

/** Whether `start`–`end` is a range of bytes of `texts`. */
const within = (texts: Buffer, start: number | null, end: number | null) =>
  start !== null && end !== null && start >= 0 && end >= start && end <= texts.length;

export class TextStore {
  /** Batches stored in the current transaction, by the batch as a thread sent it. */
  private stored = new WeakMap<TextBatch, number>();
  /** Their rows, and the texts of models stored with them: tidied before it ends (`settle`). */
  private readonly storedNow = new Map<number, { batch: TextBatch; kept: number }>();
  private statements:
    Record<'insert' | 'rows' | 'data' | 'rewrite' | 'move' | 'drop', Statement> | undefined;

  constructor(private readonly db: Database) {}

  private get sql() {
    return (this.statements ??= {
      insert: this.db.prepare('INSERT INTO program_texts (bytes, data) VALUES (?, ?)'),
      rows: this.db.prepare(
        'SELECT export_id, text_start, text_end FROM program_models WHERE text_batch = ? ORDER BY text_start',
      ),
      data: this.db.prepare('SELECT bytes, data FROM program_texts WHERE id = ?'),
      rewrite: this.db.prepare('UPDATE program_texts SET bytes = ?, data = ? WHERE id = ?'),
      move: this.db.prepare(
        'UPDATE program_models SET text_start = ?, text_end = ? WHERE export_id = ?',
      ),
      drop: this.db.prepare('DELETE FROM program_texts WHERE id = ?'),
    });
  }

  /** What a row stores for a text in a batch: `content` left empty (see the file's comment). */
  static readonly IN_BATCH = new Uint8Array(0);

  /** The row of a batch, stored now if it is not yet (in the caller's transaction). */
  batchOf(batch: TextBatch): number {
    let id = this.stored.get(batch);
    if (id === undefined) {
      id = Number(this.sql.insert.run(batch.bytes, batch.data).lastInsertRowid);
      this.stored.set(batch, id);
      this.storedNow.set(id, { batch, kept: 0 });
    }
    return id;
  }

  /** A model row that points into a batch stored in this transaction was stored. */
  kept(batch: TextBatch): void {
    const id = this.stored.get(batch);
    const now = id === undefined ? undefined : this.storedNow.get(id);
    if (now) now.kept++;
  }

  /**
   * Before a transaction that stored batches ends: each keeps only the texts of models stored
   * with it (a duplicate's goes), and no batch of it is taken for one of a later transaction.
   */
  settle(): void {
    const partial = [...this.storedNow].filter(([, s]) => s.kept !== s.batch.count);
    this.tidy(partial.map(([id]) => id));
    this.forget();
  }

  /** After a rolled-back transaction, or once it is settled: batches are looked up afresh. */
  forget(): void {
    this.stored = new WeakMap();
    this.storedNow.clear();
  }

  /**
   * Keeps in each batch only the texts stored models point to: a batch no model points to is
   * deleted, one with texts of deleted or duplicate models is written again without them.
   */
  tidy(batches: Iterable<number>): void {
    for (const id of [...new Set(batches)]) {
      const rows = this.sql.rows.raw().all(id) as [string, number, number][];
      const texts = rows.length === 0 ? null : this.readable(id, rows);
      if (!texts) {
        this.sql.drop.run(id);
        continue;
      }
      const parts = rows.map(([, start, end]) => texts.subarray(start, end));
      const all = Buffer.concat(parts);
      if (all.length === texts.length) continue;
      this.sql.rewrite.run(all.length, compress(all), id);
      let start = 0;
      for (const [exportId, from, to] of rows) {
        this.sql.move.run(start, start + (to - from), exportId);
        start += to - from;
      }
    }
  }

  /**
   * A batch's texts, or null when they do not read back whole or a row points past them: then
   * nothing of them can be read, the texts of models being deleted included, so `tidy` drops the
   * frame (the other rows then read as damaged, as a row whose own text is damaged does) and a
   * deletion never fails on it.
   */
  private readable(id: number, rows: [string, number, number][]): Buffer | null {
    try {
      const texts = this.texts(id);
      return rows.every(([, start, end]) => within(texts, start, end)) ? texts : null;
    } catch {
      return null;
    }
  }

  /** A batch's texts, decompressed; throws when the row does not read back whole. */
  private texts(id: number): Buffer {
    const row = this.sql.data.get(id) as { bytes: number; data: Uint8Array } | undefined;
    if (!row) throw new RangeError('a model points to texts that are not there');
    const texts = decompress(row.data, MAX_BATCH_BYTES);
    if (texts.length !== row.bytes) throw new RangeError('a batch of texts is damaged');
    return texts;
  }

  /**
   * Reads stored models' texts from their rows (`content`, or where they are in their batch),
   * for one pass over them: the last batch read is kept, decompressed, while the reader is — read
   * rows in batch order and each batch is decompressed once — and goes with it, so no model's
   * text stays in memory after the pass, or is taken from a batch that a restore replaced.
   */
  reader(): (row: TextRow) => string {
    let cached: { id: number; texts: Buffer } | null = null;
    return (row) => {
      if (row.content.length > 0 || row.text_batch === null) return unpackContent(row.content);
      if (cached?.id !== row.text_batch) {
        cached = { id: row.text_batch, texts: this.texts(row.text_batch) };
      }
      const { texts } = cached;
      const { text_start: start, text_end: end } = row;
      if (!within(texts, start, end)) throw new RangeError('a model points past its texts');
      return texts.toString('utf8', start!, end!);
    };
  }

  /** One stored model's text (see `reader`). */
  text(row: TextRow): string {
    return this.reader()(row);
  }

  /** With "delete all". */
  clear(): void {
    this.db.prepare('DELETE FROM program_texts').run();
    this.forget();
  }
}

/** What `TextStore.reader` reads of a model row. */
export interface TextRow {
  content: Uint8Array;
  text_batch: number | null;
  text_start: number | null;
  text_end: number | null;
}

/** The columns of a `TextRow`, for a SELECT. */
export const TEXT_COLUMNS = 'content, text_batch, text_start, text_end';
