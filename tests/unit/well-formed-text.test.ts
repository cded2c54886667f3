import { describe, expect, it } from 'vitest';
import { checksumOf } from '../../shared/model/checksum';
import { pathwayModelSchema, type PathwayModel } from '../../shared/model/pathway-model';
import { upTo } from '../../shared/model/anonymise';
import { normaliseText } from '../../shared/model/scrub';
import { validateModelText } from '../../shared/model/validate';
import { modelOf } from '../support/generate-models';

/**
 * Half of a character (a lone UTF-16 surrogate) is no text a person wrote: JSON can spell it
 * (`\ud800`), UTF-8 cannot encode it, and the event logs made from a model would carry it to
 * tools that refuse it. A model holding one is refused; the app's own export never writes one.
 */

/** The model's text, sealed with a checksum of what it now holds. */
function sealed(m: PathwayModel): string {
  const { checksum: _, ...content } = m;
  return JSON.stringify({ ...content, checksum: checksumOf(content) });
}

const base = (): PathwayModel => ({
  ...modelOf({
    sectors: ['general_practice', 'hospital', 'municipal_care'],
    pains: [['waiting'], []],
  }),
  anonymisationProfile: 'codes-and-reviewed-texts',
  ideas: [{ aims: ['health'], painCategories: [], touchpointRefs: ['t1'], text: 'Ring før' }],
});

describe('texts that are not well-formed Unicode', () => {
  it.each([
    [
      'a quote',
      'asIs.touchpoints.1.quote',
      (m: PathwayModel, s: string) => {
        m.asIs.touchpoints[1]!.quote = s;
      },
    ],
    [
      'a pain point text',
      'asIs.touchpoints.0.painPoints.0.text',
      (m: PathwayModel, s: string) => {
        m.asIs.touchpoints[0]!.painPoints[0]!.text = s;
      },
    ],
    [
      'an idea text',
      'ideas.0.text',
      (m: PathwayModel, s: string) => {
        m.ideas[0]!.text = s;
      },
    ],
    [
      'a to-be quote',
      'toBe.touchpoints.0.quote',
      (m: PathwayModel, s: string) => {
        m.toBe.touchpoints.push({ ...m.asIs.touchpoints[0]!, quote: s });
      },
    ],
  ])('refuse a model whose %s holds half of a character, and say where', (_, path, put) => {
    for (const half of ['\ud800', '\udfff', '\ud83d']) {
      const m = base();
      put(m, `Ventede ${half} længe`);
      const text = sealed(m);
      // As JSON.stringify writes it: an escape, in lower case.
      expect(text).toContain(`\\u${half.charCodeAt(0).toString(16)}`);
      const detail = `${path}: must be well-formed Unicode text (it holds half of a character, a lone surrogate)`;
      expect(validateModelText(text)).toEqual({ ok: false, reason: 'invalid', detail });
      // The rule is the schema's: zod says the same, and the published JSON Schema carries it.
      expect(pathwayModelSchema.safeParse(m).success).toBe(false);
      // The escape in capitals, and the character itself in the text (a string handed over).
      const upper = text.replace(
        /\\u(d[89a-f][0-9a-f]{2})/g,
        (_m, hex: string) => `\\u${hex.toUpperCase()}`,
      );
      expect(upper).not.toBe(text);
      expect(validateModelText(upper)).toEqual({ ok: false, reason: 'invalid', detail });
      const raw = text.replace(/\\u(d[89a-f][0-9a-f]{2})/g, (_m, hex: string) =>
        String.fromCharCode(parseInt(hex, 16)),
      );
      expect(raw.isWellFormed()).toBe(false);
      expect(validateModelText(raw)).toEqual({ ok: false, reason: 'invalid', detail });
    }
  });

  it('accept whole characters however they are written, and a backslash before "ud800"', () => {
    const m = base();
    m.asIs.touchpoints[0]!.quote = 'Glad 😀 igen';
    m.asIs.touchpoints[1]!.quote = 'Skrev \\ud800 i feltet';
    const text = sealed(m);
    expect(validateModelText(text).ok).toBe(true);
    expect(pathwayModelSchema.safeParse(m).success).toBe(true);
    // The emoji as an escaped pair, in either case: the same text.
    const escaped = text.replace('😀', '\\ud83d\\ude00');
    expect(escaped).not.toBe(text);
    expect(validateModelText(escaped).ok).toBe(true);
    expect(validateModelText(text.replace('😀', '\\uD83D\\uDE00')).ok).toBe(true);
  });

  it('are made whole before they are scrubbed, reviewed and exported', () => {
    expect(normaliseText('Ventede \ud800 længe')).toBe('Ventede \ufffd længe');
    expect(normaliseText('Glad \ud83d')).toBe('Glad \ufffd');
    expect(normaliseText('Glad 😀')).toBe('Glad 😀');
  });

  it('are cut for the model between characters, never inside one', () => {
    const long = `${'a'.repeat(1999)}😀 og mere`;
    expect(long.slice(0, 2000).isWellFormed()).toBe(false);
    expect(upTo(long, 2000)).toBe('a'.repeat(1999));
    expect(upTo(`${'a'.repeat(1998)}😀`, 2000)).toBe(`${'a'.repeat(1998)}😀`);
    expect(upTo('kort', 2000)).toBe('kort');
    for (let n = 1990; n < 2010; n++) {
      const t = `${'b'.repeat(n)}${'😀'.repeat(20)}`;
      const cut = upTo(t, 2000);
      expect(cut.isWellFormed()).toBe(true);
      expect(cut.length).toBeGreaterThanOrEqual(1999);
      expect(cut.length).toBeLessThanOrEqual(2000);
    }
  });
});
