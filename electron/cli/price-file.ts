import { basename } from 'node:path';
import { closeSync } from 'node:fs';
import { openRegularFile, unreadableDetail } from '../import/model-file';
import { shown } from './files';
import { parseUntrustedJson } from '../../shared/model/untrusted-json';
import {
  PRICE_JSON_LIMITS,
  PRICE_LIMITS,
  cleanPriceText,
  decodeCsvBytes,
  importPriceListCsv,
  priceListSchema,
  type CsvError,
  type PriceList,
} from '../../shared/economy/prices';
import { readInto } from '../db/read-into';

/** A price list file that cannot be used, told plainly (line numbers and codes for a CSV). */
export class PriceFileError extends Error {}

const linesOf = (errors: CsvError[]) =>
  errors
    .slice(0, 20)
    .map((e) => `line ${e.line}: ${e.code}${e.column ? ` (${e.column})` : ''}`)
    .join('; ') + (errors.length > 20 ? `; and ${errors.length - 20} more` : '');

/** The most a price list file may hold: four bytes for each character a CSV may have. */
const MAX_PRICE_FILE_BYTES = PRICE_LIMITS.csvCharsMax * 4;

/**
 * A price list file's bytes: a regular file only (a pipe or a device is never waited on or read
 * without end), and never more than the limit — one byte more is read, so a file that grew since
 * its size was looked at is still refused.
 */
function readBounded(path: string, file: string): Buffer {
  const opened = openRegularFile(path);
  if (opened === null || 'ok' in opened) {
    const why = opened === null ? 'no such file' : opened.detail;
    throw new PriceFileError(`--prices ${file}: the file cannot be read${why ? ` (${why})` : ''}`);
  }
  const { fd, size } = opened;
  try {
    if (size > MAX_PRICE_FILE_BYTES) {
      throw new PriceFileError(`--prices ${file}: the file is too large for a price list`);
    }
    const buffer = Buffer.alloc(size + 1);
    const read = readInto(fd, buffer);
    if (read > size) {
      throw new PriceFileError(`--prices ${file}: the file changed while it was read`);
    }
    return buffer.subarray(0, read);
  } catch (error) {
    if (error instanceof PriceFileError) throw error;
    throw new PriceFileError(
      `--prices ${file}: the file cannot be read (${unreadableDetail(error)})`,
    );
  } finally {
    closeSync(fd);
  }
}

/**
 * A price list for `pathway aggregate --prices FILE`: a JSON list like resources/price-list.json,
 * or a CSV in the Danish Excel format the app exports (rows only: the list is named after the
 * file, its price year is the newest source year in it). Hostile until checked, as every input:
 * size before reading; depth and the number of objects, arrays and values before parsing; keys that
 * could reach a prototype before the schema; and a CSV is all or nothing, split no further than
 * the rows a list may have.
 */
export function readPriceFile(path: string): PriceList {
  const file = shown(path);
  const bytes = readBounded(path, file);
  const isCsv = /\.csv$/i.test(path);
  // A CSV saved by Excel as plain "CSV (semikolonsepareret)" is Windows-1252, not UTF-8.
  const text = isCsv ? decodeCsvBytes(bytes) : bytes.toString('utf8');
  if (isCsv) {
    const read = importPriceListCsv(text);
    if (!read.ok) {
      throw new PriceFileError(
        `--prices ${file}: not a usable price list — ${linesOf(read.errors)}`,
      );
    }
    const years = read.prices.map((r) => r.sourceYear);
    const list = priceListSchema.safeParse({
      // The list's name is written into every cost table: none of a file name's control or
      // direction characters.
      name:
        cleanPriceText(basename(path).replace(/\.csv$/i, ''))
          .trim()
          .slice(0, PRICE_LIMITS.nameMax) || 'prices',
      priceYear: years.length ? Math.max(...years) : new Date().getFullYear(),
      currency: 'DKK',
      indicative: true,
      notes: '',
      prices: read.prices,
    });
    if (!list.success) throw new PriceFileError(`--prices ${file}: not a usable price list`);
    return list.data;
  }
  // Counted before it is parsed: depth, objects and arrays, values (see PRICE_JSON_LIMITS).
  const read = parseUntrustedJson(text, PRICE_JSON_LIMITS);
  if (!read.ok) {
    const why = {
      too_deep: 'nested deeper than a price list',
      too_many: 'more objects, arrays or values than a price list of its size can hold',
      not_json: 'not JSON',
      forbidden_key: 'a key no price list has (__proto__, constructor or prototype)',
    }[read.why];
    throw new PriceFileError(`--prices ${file}: not a price list (JSON or .csv): ${why}`);
  }
  const list = priceListSchema.safeParse(read.data);
  if (!list.success) {
    const where = list.error.issues[0]?.path.join('.') ?? '';
    throw new PriceFileError(
      `--prices ${file}: not a valid price list${where ? ` (at ${where})` : ''}`,
    );
  }
  // The list's name is written into every cost table, and its notes beside them: none of their
  // control or direction characters either (its rows' texts the schema refuses them).
  return {
    ...list.data,
    name: cleanPriceText(list.data.name).trim() || 'prices',
    notes: cleanPriceText(list.data.notes),
  };
}
