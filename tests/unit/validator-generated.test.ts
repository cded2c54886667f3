import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validatorSource } from '../../shared/model/validator-source';

const FILE = new URL('../../shared/model/model-validate.generated.cjs', import.meta.url);

describe('the model validator written ahead', () => {
  it('is what Ajv writes from the zod schema now (UPDATE_VALIDATOR=1 rewrites it)', () => {
    if (process.env.UPDATE_VALIDATOR === '1') writeFileSync(FILE, validatorSource());
    expect(
      readFileSync(FILE, 'utf8') === validatorSource(),
      'the schema changed: run the unit tests once with UPDATE_VALIDATOR=1',
    ).toBe(true);
  });
});
