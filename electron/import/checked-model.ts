import {
  foldedPair,
  forgetKeys,
  keyTablesSize,
  packFolded,
  type FoldedPair,
} from '../../shared/analysis/aggregate';
import type { PathwayModel } from '../../shared/model/pathway-model';
import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { validateModelText, type ValidationReason } from '../../shared/model/validate';
import { encodeFolds } from '../db/fold-store';
import { nodeBytesSha256 } from './model-file';
import { TextWriter, type TextAt } from '../db/text-store';

/**
 * A model file as the import's checks left it: refused with a reason, or accepted with what the
 * store needs — the canonical text that was checked, compressed as it is stored (text-store.ts),
 * the fields kept beside it, and what the model brings to the views' folds (fold-store.ts), made
 * here while the model is parsed (`checkedBatch`). Plain data, so it can come back from a worker
 * thread (a few kB per model instead of its whole text).
 */
export type CheckedModel =
  | { ok: false; reason: ValidationReason }
  | {
      ok: true;
      /**
       * The canonical JSON with its checksum: where it is in its batch's texts, which are
       * compressed together and shared by every model of the batch (text-store.ts).
       */
      text: TextAt;
      exportId: string;
      exportMonth: string;
      cohort: PathwayModel['cohort'];
      touchpointCount: number;
      /**
       * Its journey in the batch's folds, encoded as stored (fold-store.ts): the same record for
       * every model of a batch, and how many journeys it holds.
       */
      folds: { record: Uint8Array; journeys: number; at: number };
    };

/** A file to check: its text, and its size in bytes (which the size limit is about). */
export interface FileText {
  text: string;
  byteLength: number;
  /**
   * Its bytes, when it came as bytes: refused if they are not UTF-8 (`not_utf8`), and hashed when
   * its checksum is theirs (written as the app writes it). A file given as text has none.
   */
  bytes?: Uint8Array;
}

/**
 * A file's bytes as text, read as the window's `File.text()` and the command line read a file:
 * UTF-8 (bytes that are not are refused, `not_utf8`, by `checkedBatch`). A byte order mark is
 * kept (and counted in its size): `validateModelText` drops it.
 */
const UTF8 = new TextDecoder('utf-8', { ignoreBOM: true });
export const fileText = (bytes: Uint8Array): FileText => ({
  text: UTF8.decode(bytes),
  byteLength: bytes.byteLength,
  bytes,
});

/**
 * Checks files one by one (`validateModelText`) into what the store needs: the accepted models'
 * folds packed together, and their texts compressed together (text-store.ts).
 *
 * Each model is folded as soon as its check gives it, and let go before the next file is checked:
 * a batch never holds more than one parsed model, so models die young instead of being carried
 * through the collector's copies. Its canonical JSON is written as UTF-8 once, where it is stored,
 * and the checksum is taken of those bytes (`validateModelText` asks for it once, for a model the
 * schema accepted); an accepted model's text then gets its checksum in place of its closing brace,
 * as `ValidationResult.json` has it.
 */
export function checkedBatch(files: Iterable<FileText>): CheckedModel[] {
  const pairs: FoldedPair[] = [];
  const writer = new TextWriter();
  /** The file being checked: a large model's text, written in pieces, takes about its size. */
  let bytesExpected = 0;
  const hashWritten = (content: string | Iterable<string>) =>
    createHash('sha256').update(writer.write(content, bytesExpected)).digest('hex');
  const checked: Extract<CheckedModel, { ok: true }>[] = [];
  const verdicts: CheckedModel[] = [];
  for (const file of files) {
    bytesExpected = file.byteLength;
    const result = validateModelText(
      file.text,
      file.byteLength,
      hashWritten,
      file.bytes && {
        bytes: file.bytes,
        sha256: nodeBytesSha256,
        first: false,
        utf8: isUtf8(file.bytes),
      },
    );
    if (!result.ok) {
      verdicts.push({ ok: false, reason: result.reason });
      continue;
    }
    const m = result.model;
    writer.keep(1, `,"checksum":"${m.checksum}"}`);
    const c: CheckedModel = {
      ok: true,
      // Where its text is, known once every file is checked: filled in below.
      text: NOWHERE,
      exportId: m.exportId,
      exportMonth: m.exportMonth,
      cohort: m.cohort,
      touchpointCount: m.asIs.touchpoints.length + m.toBe.touchpoints.length,
      // The batch's record and size, known once every file is checked: filled in below.
      folds: { record: new Uint8Array(0), journeys: 0, at: pairs.length },
    };
    checked.push(c);
    verdicts.push(c);
    pairs.push(foldedPair(m));
  }
  const at = writer.finish();
  if (checked.length === 0) return verdicts;
  const record = encodeFolds(packFolded(pairs));
  checked.forEach((c, i) => {
    c.folds.record = record;
    c.folds.journeys = pairs.length;
    c.text = at[i]!;
  });
  return verdicts;
}

const NOWHERE: TextAt = {
  batch: { data: new Uint8Array(0), count: 0, bytes: 0 },
  start: 0,
  end: 0,
};

/**
 * What a checking thread's key tables may hold between batches before they are forgotten
 * (`forgetKeys`): 1,500 ordinary models bring about 8,500 keys of 0.4 M characters; crafted ones
 * can bring 10,000 codes and pathways each, which the tables would otherwise keep for good.
 */
export const KEPT_KEYS = { keys: 200_000, chars: 8_000_000 };

/**
 * Forgets the key tables if they hold more than `kept`: only in a checking thread, between
 * batches, where nothing holding ids is kept (its folds leave it as records that name their keys).
 * Whether they were forgotten.
 */
export function forgetKeysIfLarge(kept = KEPT_KEYS): boolean {
  const { keys, chars } = keyTablesSize();
  if (keys <= kept.keys && chars <= kept.chars) return false;
  forgetKeys();
  return true;
}
