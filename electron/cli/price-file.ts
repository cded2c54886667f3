import { basename } from 'node:path';
import { readFileSync, statSync } from 'node:fs';
import { jsonDepth } from '../../shared/model/validate';
import {
  PRICE_LIMITS,
  decodeCsvBytes,
  importPriceListCsv,
  priceListSchema,
  type CsvError,
  type PriceList,
} from '../../shared/economy/prices';

/** A price list file that cannot be used, told plainly (line numbers and codes for a CSV). */
export class PriceFileError extends Error {}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** A price list JSON is a few levels deep; anything deeper is not one. */
const MAX_PRICE_JSON_DEPTH = 8;

const linesOf = (errors: CsvError[]) =>
  errors
    .slice(0, 20)
    .map((e) => `line ${e.line}: ${e.code}${e.column ? ` (${e.column})` : ''}`)
    .join('; ') + (errors.length > 20 ? `; and ${errors.length - 20} more` : '');

/**
 * A price list for `pathway aggregate --prices FILE`: a JSON list like resources/price-list.json,
 * or a CSV in the Danish Excel format the app exports (rows only: the list is named after the
 * file, its price year is the newest source year in it). Hostile until checked, as every input:
 * size before reading, depth and prototype keys before the schema, and a CSV is all or nothing.
 */
export function readPriceFile(file: string): PriceList {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new PriceFileError(`--prices ${file}: the file cannot be read`);
  }
  if (size > PRICE_LIMITS.csvCharsMax * 4) {
    throw new PriceFileError(`--prices ${file}: the file is too large for a price list`);
  }
  const bytes = readFileSync(file);
  const isCsv = /\.csv$/i.test(file);
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
      name:
        basename(file)
          .replace(/\.csv$/i, '')
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
  let parsed: unknown;
  try {
    if (jsonDepth(text, MAX_PRICE_JSON_DEPTH + 1) > MAX_PRICE_JSON_DEPTH) throw new Error('deep');
    parsed = JSON.parse(text, (key: string, value: unknown) => {
      if (FORBIDDEN_KEYS.has(key)) throw new Error('forbidden key');
      return value;
    });
  } catch {
    throw new PriceFileError(`--prices ${file}: not a price list (JSON or .csv)`);
  }
  const list = priceListSchema.safeParse(parsed);
  if (!list.success) {
    const where = list.error.issues[0]?.path.join('.') ?? '';
    throw new PriceFileError(
      `--prices ${file}: not a valid price list${where ? ` (at ${where})` : ''}`,
    );
  }
  return list.data;
}
