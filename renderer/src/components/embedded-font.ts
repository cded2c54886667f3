// The typeface as data URLs (inlined at build time): a picture drawn from SVG may load nothing
// from outside itself, so pictures of the app (the citizen's copy, the process map) carry their
// own copy of the font the screen uses. Latin covers Danish (æ, ø, å).
import regular from '@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-latin-400-normal.woff2?inline';
import bold from '@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-latin-700-normal.woff2?inline';
import zero400 from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?inline';
import zero700 from '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff2?inline';
import { plainZeroFaces } from './plain-zero';

/**
 * @font-face rules for 'Atkinson Hyperlegible' 400 and 700, with the files inside, and its plain
 * zero (plain-zero.ts) after them.
 */
export const EMBEDDED_FONT_FACES =
  `@font-face{font-family:'Atkinson Hyperlegible';font-weight:400;src:url(${regular}) format('woff2')}` +
  `@font-face{font-family:'Atkinson Hyperlegible';font-weight:700;src:url(${bold}) format('woff2')}` +
  plainZeroFaces({ 400: zero400, 700: zero700 });
