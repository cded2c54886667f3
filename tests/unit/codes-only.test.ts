import { describe, expect, it } from 'vitest';
import { checksumOf } from '../../shared/model/checksum';
import type { PathwayModel } from '../../shared/model/pathway-model';
import { validateModelText } from '../../shared/model/validate';
import { modelOf } from '../support/generate-models';

/** The model's text with its checksum made again for what it now holds. */
function sealed(m: PathwayModel): string {
  const { checksum: _, ...content } = m;
  return JSON.stringify({ ...content, checksum: checksumOf(content) });
}

describe('a model that says it holds codes only', () => {
  const plain = modelOf({ sectors: ['general_practice', 'hospital'], pains: [['waiting'], []] });

  it('is accepted without texts', () => {
    expect(validateModelText(sealed(plain)).ok).toBe(true);
  });

  it.each([
    ['a quote', (m: PathwayModel) => void (m.asIs.touchpoints[0]!.quote = 'Jeg ventede længe')],
    [
      'a pain point text',
      (m: PathwayModel) => void (m.asIs.touchpoints[0]!.painPoints[0]!.text = 'Lang ventetid'),
    ],
    [
      'an idea text',
      (m: PathwayModel) =>
        void m.ideas.push({
          aims: ['health'],
          painCategories: [],
          touchpointRefs: [],
          text: 'Ring før',
        }),
    ],
    [
      'a to-be quote',
      (m: PathwayModel) =>
        void m.toBe.touchpoints.push({ ...m.asIs.touchpoints[1]!, ref: 't9', quote: 'Bedre' }),
    ],
  ])('is refused when it holds %s, which a model with reviewed texts may', (_, add) => {
    const m = structuredClone(plain);
    add(m);
    const refused = validateModelText(sealed(m));
    expect(refused).toEqual({
      ok: false,
      reason: 'invalid',
      detail: 'anonymisationProfile: codes-only, but it holds texts',
    });
    expect(
      validateModelText(sealed({ ...m, anonymisationProfile: 'codes-and-reviewed-texts' })).ok,
    ).toBe(true);
  });
});
