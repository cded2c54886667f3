import { describe, expect, it } from 'vitest';
import { foldedPair, packFolded } from '../../shared/analysis/aggregate';
import { AIMS, PAIN_CATEGORIES, SECTORS } from '../../shared/vocabulary';
import { modelOf, rng } from '../support/generate-models';
import type { PathwayModel } from '../../shared/model/pathway-model';

/** The «pain point addressed by an aim» keys as the fold met them, in order. */
const painByAim = (m: PathwayModel) =>
  packFolded([foldedPair(m)]).asIs.keys.filter((k) => k.startsWith('pa:'));

/** The same keys found pain point by pain point, as the rule reads. */
function expected(m: PathwayModel): string[] {
  const out: string[] = [];
  for (const idea of m.ideas) {
    for (const t of m.asIs.touchpoints) {
      for (const pp of t.painPoints) {
        if (idea.touchpointRefs.includes(t.ref) || idea.painCategories.includes(pp.category)) {
          for (const aim of idea.aims) {
            const key = `pa:${aim}>${pp.category}`;
            if (!out.includes(key)) out.push(key);
          }
        }
      }
    }
  }
  return out;
}

describe('ideas and the pain points they address, in the fold', () => {
  it('gives the keys of the rule, in the order it meets them, for varied journeys', () => {
    const r = rng(20261203);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
    for (let n = 0; n < 300; n++) {
      const length = 1 + Math.floor(r() * 12);
      const sectors = Array.from({ length }, () => pick(SECTORS));
      const pains = sectors.map(() =>
        Array.from({ length: Math.floor(r() * 4) }, () => pick(PAIN_CATEGORIES)),
      );
      const ideas = Array.from({ length: Math.floor(r() * 5) }, () => ({
        aims: [...new Set(Array.from({ length: 1 + Math.floor(r() * 3) }, () => pick(AIMS)))],
        painCategories: [
          ...new Set(Array.from({ length: Math.floor(r() * 3) }, () => pick(PAIN_CATEGORIES))),
        ],
        touchpointRefs: [
          ...new Set(
            Array.from({ length: Math.floor(r() * 3) }, () => `t${1 + Math.floor(r() * length)}`),
          ),
        ],
      })) as unknown as PathwayModel['ideas'];
      const m = modelOf({ sectors, pains, ideas });
      expect(painByAim(m), `journey ${n}`).toEqual(expected(m));
    }
  });

  it('folds a valid file of 1,000 ideas and 200,000 pain points in seconds, not minutes', () => {
    const sectors = Array.from({ length: 2000 }, (_, i) => SECTORS[i % SECTORS.length]!);
    const pains = sectors.map(() => Array.from({ length: 100 }, () => PAIN_CATEGORIES[0]!));
    const ideas = Array.from({ length: 1000 }, () => ({
      aims: [...AIMS],
      painCategories: [PAIN_CATEGORIES[0]!],
      touchpointRefs: [],
    })) as unknown as PathwayModel['ideas'];
    const m = modelOf({ sectors, pains, ideas });
    const t0 = performance.now();
    foldedPair(m);
    // Pain point by pain point for every idea, this took 16–26 s here.
    expect(performance.now() - t0).toBeLessThan(3000);
  });
});
