import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../shared/model/checksum';
import { canonicalModelJson } from '../../shared/model/pathway-model';
import { verifyChecksum } from '../../shared/model/anonymise';
import { randomModels } from '../support/generate-models';

describe('the model-aware canonical JSON used on import', () => {
  it('writes the same text for a model as the model-aware writer used on import', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), (seed) => {
        const [model] = randomModels(1, seed, 12);
        const { checksum, ...content } = model!;
        return canonicalModelJson(content) === canonicalJson(content) && checksum.length === 71;
      }),
      { numRuns: 100 },
    );
  });

  it('accepts the checksum of an unchanged model and refuses a changed one', () => {
    const [model] = randomModels(1, 3, 12);
    expect(verifyChecksum(model!)).toBe(true);
    expect(verifyChecksum({ ...model!, exportMonth: '2019-01' })).toBe(false);
  });
});
