import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { pathwayModelSchema } from '../../shared/model/pathway-model';

const FILE = new URL('../../docs/schemas/pathway-model-v1.schema.json', import.meta.url);

/** The published JSON Schema is generated from the zod schema; this keeps the two equal. */
function generated(): string {
  const schema = z.toJSONSchema(pathwayModelSchema, { target: 'draft-2020-12' });
  return `${JSON.stringify(
    {
      ...schema,
      $id: 'https://forloebsvaerksted.dk/schemas/pathway-model-v1.schema.json',
      title: 'Forløbsværksted anonymised pathway model, version 1',
    },
    null,
    2,
  )}\n`;
}

describe('published JSON Schema', () => {
  it('is committed and equal to the one generated from the zod schema (UPDATE_SCHEMA=1 rewrites it)', () => {
    if (process.env.UPDATE_SCHEMA === '1') writeFileSync(FILE, generated());
    expect(existsSync(FILE), 'run the tests once with UPDATE_SCHEMA=1').toBe(true);
    expect(readFileSync(FILE, 'utf8')).toBe(generated());
  });

  it('forbids unknown properties everywhere', () => {
    const text = generated();
    const objects = (text.match(/"type": "object"/g) ?? []).length;
    const closed = (text.match(/"additionalProperties": false/g) ?? []).length;
    expect(objects).toBeGreaterThan(5);
    expect(closed).toBe(objects);
  });
});
