// Atkinson Hyperlegible draws zero with a slash through it, to tell it from O. In Danish a slashed
// zero reads as Ø: "2026" reads «2Ø26», "0 kontaktpunkter" «Ø kontaktpunkter». So the digit zero
// alone is drawn from Noto Sans (OFL, fontsource), whose zero is a plain oval, sized to
// Atkinson's digits (its zero is 734 thousandths of an em tall against Atkinson's 688: 93.6 %)
// and given Atkinson's ascent and descent (950 and 290, over that size), so no line grows by it.
import zero400 from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import zero700 from '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff2?url';

/** How the zero is drawn: the range, the size and the line metrics of the faces below. */
export const PLAIN_ZERO = {
  unicodeRange: 'U+0030',
  sizeAdjust: '93.6%',
  ascentOverride: '101.5%',
  descentOverride: '31%',
  lineGapOverride: '0%',
} as const;

const FAMILY = 'Atkinson Hyperlegible';

/** @font-face rules for the zero at 400 and 700, from these files (URLs or data URLs). */
export function plainZeroFaces(files: { 400: string; 700: string }): string {
  const z = PLAIN_ZERO;
  return ([400, 700] as const)
    .map(
      (weight) =>
        `@font-face{font-family:'${FAMILY}';font-weight:${weight};src:url(${files[weight]}) format('woff2');` +
        `unicode-range:${z.unicodeRange};size-adjust:${z.sizeAdjust};ascent-override:${z.ascentOverride};` +
        `descent-override:${z.descentOverride};line-gap-override:${z.lineGapOverride}}`,
    )
    .join('');
}

/**
 * Adds the zero to the window's fonts, after the stylesheet's faces (so it wins for U+0030), and
 * loads it at once: text measured on a canvas before it came would get another font's zero.
 */
export function addPlainZero(fonts: FontFaceSet = document.fonts): Promise<unknown> {
  const loads = ([400, 700] as const).map((weight) => {
    const face = new FontFace(FAMILY, `url(${weight === 400 ? zero400 : zero700})`, {
      ...PLAIN_ZERO,
      weight: String(weight),
    });
    fonts.add(face);
    return face.load().catch(() => undefined);
  });
  return Promise.all(loads);
}

/**
 * Text to give `document.fonts.load` with a font, so that it waits for every face its digits and
 * letters are drawn from (given none, it loads only the faces that hold a space).
 */
export const FONT_SAMPLE = 'a0';
