import { describe, expect, it } from 'vitest';
import { checksumOf } from '../../shared/model/checksum';
import type { PathwayModel } from '../../shared/model/pathway-model';
import { validateModelText } from '../../shared/model/validate';
import { da } from '../../shared/i18n/da';
import { en } from '../../shared/i18n/en';
import { modelOf } from '../support/generate-models';

/** The model's text with its checksum made again for what it now holds. */
function sealed(m: PathwayModel): string {
  const { checksum: _, ...content } = m;
  return JSON.stringify({ ...content, checksum: checksumOf(content) });
}

/** As-is t1–t3, to-be t4–t5, each map's transitions in order, one idea on t2 and t5. */
const base = (): PathwayModel => {
  const m = modelOf({
    sectors: ['general_practice', 'hospital', 'municipal_care'],
    toBe: ['general_practice', 'municipal_care'],
    pains: [[], ['waiting'], []],
  });
  m.ideas = [{ aims: ['quality'], painCategories: [], touchpointRefs: ['t2', 't5'] }];
  return m;
};

describe("a model's references", () => {
  it('are accepted when they fit together, as the app writes them', () => {
    const m = base();
    expect(m.toBe.touchpoints.map((t) => t.ref)).toEqual(['t4', 't5']);
    expect(validateModelText(sealed(m)).ok).toBe(true);
  });

  it('may be any the schema allows (p and i refs, six digits), not only t1, t2 …', () => {
    const m = base();
    const rename = new Map([
      ['t1', 'p999999'],
      ['t2', 'i7'],
      ['t3', 't70000'],
      ['t4', 't65535'],
      ['t5', 't1'],
    ]);
    const to = (r: string) => rename.get(r)!;
    for (const p of [m.asIs, m.toBe]) {
      for (const t of p.touchpoints) t.ref = to(t.ref);
      for (const tr of p.transitions) [tr.from, tr.to] = [to(tr.from), to(tr.to)];
    }
    m.ideas[0]!.touchpointRefs = m.ideas[0]!.touchpointRefs.map(to);
    expect(validateModelText(sealed(m)).ok).toBe(true);
  });

  it.each<[string, (m: PathwayModel) => void, string]>([
    [
      'a ref given twice in one map',
      (m) => void (m.asIs.touchpoints[2]!.ref = 't1'),
      'asIs.touchpoints[2].ref: given to two touchpoints',
    ],
    [
      'an as-is ref given again in the to-be map',
      (m) => void (m.toBe.touchpoints[0]!.ref = 't2'),
      'toBe.touchpoints[0].ref: given to two touchpoints',
    ],
    [
      'a transition to a touchpoint the model does not hold',
      (m) => void (m.asIs.transitions[1]!.to = 't99'),
      'asIs.transitions[1].to: names no touchpoint of asIs',
    ],
    [
      'a transition from a touchpoint of the other map',
      (m) => void (m.toBe.transitions[0]!.from = 't1'),
      'toBe.transitions[0].from: names no touchpoint of toBe',
    ],
    [
      'a transition in a map with no touchpoints',
      (m) => {
        m.toBe = { touchpoints: [], transitions: [{ ...m.asIs.transitions[0]! }] };
        m.ideas = [];
      },
      'toBe.transitions[0].from: names no touchpoint of toBe',
    ],
    [
      'an idea on a touchpoint the model does not hold',
      (m) => void m.ideas[0]!.touchpointRefs.push('i3'),
      'ideas[0].touchpointRefs[2]: names no touchpoint',
    ],
  ])('are refused with their own reason for %s, saying where and not what', (_, spoil, detail) => {
    const m = base();
    spoil(m);
    const text = sealed(m);
    expect(validateModelText(text)).toEqual({ ok: false, reason: 'broken_refs', detail });
    // What the window and the command line say, in both languages.
    expect(da.program.reasons.broken_refs).toMatch(/kontaktpunkt/);
    expect(en.program.reasons.broken_refs).toMatch(/touchpoint/);
  });

  it('are checked afresh for every file: what one refused file held never counts for the next', () => {
    const refused = base();
    refused.asIs.touchpoints[2]!.ref = 't1';
    expect(validateModelText(sealed(refused))).toMatchObject({ reason: 'broken_refs' });
    // Same refs, now fitting together; and one that needs t3, which the refused file left half set.
    expect(validateModelText(sealed(base())).ok).toBe(true);
    const needsT3 = base();
    needsT3.toBe.touchpoints = [];
    needsT3.toBe.transitions = [];
    needsT3.ideas = [{ aims: [], painCategories: [], touchpointRefs: ['t3'] }];
    expect(validateModelText(sealed(needsT3)).ok).toBe(true);
    const lacksT4 = base();
    lacksT4.toBe = { touchpoints: [], transitions: [] };
    expect(validateModelText(sealed(lacksT4))).toEqual({
      ok: false,
      reason: 'broken_refs',
      detail: 'ideas[0].touchpointRefs[1]: names no touchpoint',
    });
  });
});
