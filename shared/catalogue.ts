import { z } from 'zod';
import { contactTypeSchema, sectorSchema, serviceCodeSchema } from './domain/journey';

/**
 * The service catalogue maps local services (e.g. "Nykøbing F. Sygehus, akutmodtagelse") onto
 * the vocabulary. Exports carry only the code and the vocabulary's sector and contact type.
 */
export const catalogueLabelSchema = z.strictObject({
  da: z.string().min(1).max(100),
  en: z.string().min(1).max(100),
});

export const catalogueEntrySchema = z.strictObject({
  code: serviceCodeSchema,
  sector: sectorSchema,
  defaultContactType: contactTypeSchema,
  label: catalogueLabelSchema,
});
export type CatalogueEntry = z.infer<typeof catalogueEntrySchema>;

export const catalogueFileSchema = z
  .strictObject({
    catalogueVersion: z.number().int().min(1),
    vocabularyVersion: z.number().int().min(1),
    region: z.string().min(1).max(100),
    services: z.array(catalogueEntrySchema).min(1),
  })
  .refine((c) => new Set(c.services.map((s) => s.code)).size === c.services.length, {
    message: 'service codes must be unique',
  });
export type CatalogueFile = z.infer<typeof catalogueFileSchema>;

export const serviceSchema = catalogueEntrySchema.extend({
  hidden: z.boolean(),
});
export type Service = z.infer<typeof serviceSchema>;
