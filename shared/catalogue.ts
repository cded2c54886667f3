import { z } from 'zod';
import { contactTypeSchema, sectorSchema, serviceCodeSchema } from './domain/journey';
import { oneLineText } from './domain/text';

/** As the services table's CHECK: 1 to 100 characters. */
const LABEL_MAX = 100;
const labelText = oneLineText({ min: 1, max: LABEL_MAX });

/**
 * The service catalogue maps local services (e.g. "Nykøbing F. Sygehus, akutmodtagelse") onto
 * the vocabulary. Exports carry only the code and the vocabulary's sector and contact type.
 */
export const catalogueLabelSchema = z.strictObject({ da: labelText, en: labelText });

const entryShape = {
  code: serviceCodeSchema,
  sector: sectorSchema,
  defaultContactType: contactTypeSchema,
};
export const catalogueEntrySchema = z.strictObject({ ...entryShape, label: catalogueLabelSchema });
export type CatalogueEntry = z.infer<typeof catalogueEntrySchema>;

export const catalogueFileSchema = z
  .strictObject({
    catalogueVersion: z.number().int().min(1),
    vocabularyVersion: z.number().int().min(1),
    region: oneLineText({ min: 1, max: 100 }),
    services: z.array(catalogueEntrySchema).min(1),
  })
  .refine((c) => new Set(c.services.map((s) => s.code)).size === c.services.length, {
    message: 'service codes must be unique',
  });
export type CatalogueFile = z.infer<typeof catalogueFileSchema>;

/**
 * A service as listed. Its label is read back as stored, not checked again: a label an older
 * version let in (a control character) must not make the whole catalogue unlistable; editing it
 * puts it through catalogueLabelSchema.
 */
export const serviceSchema = z.strictObject({
  ...entryShape,
  label: z.strictObject({ da: z.string(), en: z.string() }),
  hidden: z.boolean(),
});
export type Service = z.infer<typeof serviceSchema>;
