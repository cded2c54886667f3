import { z } from 'zod';
import { CONTACT_TYPES, SECTORS } from '../vocabulary';
import {
  CSV_COLUMNS,
  CSV_ERROR_CODES,
  PRICE_LIMITS,
  PRICE_UNITS,
  payerSharesSchema,
  priceNoteSchema,
  priceRowSchema,
  priceSourceSchema,
  type PriceRow,
} from './prices';

/**
 * What the price list screen may change, and what an import answers. The row's own rules (a price
 * above 0 needs shares summing to 100 %) are checked on the row as it would be, by
 * `priceRowSchema`, where the edit is applied (electron/db/price-repository.ts).
 */

/** Which row: its sector, contact type and, for a service's own price, the service. */
export const priceKeySchema = z.strictObject({
  sector: z.enum(SECTORS),
  contactType: z.enum(CONTACT_TYPES),
  serviceCode: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
    .max(60)
    .optional(),
});
export type PriceKey = z.infer<typeof priceKeySchema>;

/** The editable fields of a row; the key fields say what the row prices and stay. */
export const pricePatchSchema = z
  .strictObject({
    unit: z.enum(PRICE_UNITS).optional(),
    price: z.number().finite().min(0).max(PRICE_LIMITS.priceMax).nullable().optional(),
    payerShares: payerSharesSchema.nullable().optional(),
    // The row's own rules for its texts, so the channel refuses what the row would.
    source: priceSourceSchema.optional(),
    sourceYear: z.number().int().min(PRICE_LIMITS.yearMin).max(PRICE_LIMITS.yearMax).optional(),
    /** An empty note removes it. */
    note: priceNoteSchema.optional(),
  })
  .refine((p) => Object.keys(p).length > 0, { message: 'empty patch' });
export type PricePatch = z.infer<typeof pricePatchSchema>;

export const csvErrorSchema = z.strictObject({
  line: z.number().int().min(1),
  code: z.enum(CSV_ERROR_CODES),
  column: z.enum(CSV_COLUMNS).optional(),
});

/** An import is all or nothing: either every row was taken, or nothing changed and why not. */
export const priceImportResultSchema = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), count: z.number().int().min(0) }),
  z.strictObject({ ok: z.literal(false), errors: z.array(csvErrorSchema) }),
]);
export type PriceImportResult = z.infer<typeof priceImportResultSchema>;

/** The row a patch would make, checked whole; the schema's message codes when it is refused. */
export function patchedRow(
  row: PriceRow,
  patch: PricePatch,
): { ok: true; row: PriceRow } | { ok: false; codes: string[] } {
  const merged: Record<string, unknown> = { ...row, ...patch };
  if (merged.note === '' || merged.note === undefined) delete merged.note;
  const checked = priceRowSchema.safeParse(merged);
  return checked.success
    ? { ok: true, row: checked.data }
    : { ok: false, codes: [...new Set(checked.error.issues.map((i) => i.message))] };
}
