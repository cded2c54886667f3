import { toPng } from 'html-to-image';
import { EMBEDDED_FONT_FACES } from './embedded-font';

/** Parts of React Flow that are controls on the screen, not part of the map. */
const ON_SCREEN_ONLY = ['react-flow__controls', 'react-flow__minimap', 'react-flow__panel'];

/** A PNG (data URL) of a React Flow map as drawn, at twice the screen's resolution. */
export function flowPicture(flow: HTMLElement): Promise<string> {
  return toPng(flow, {
    backgroundColor: '#ffffff',
    pixelRatio: 2,
    // The app's own font, given whole: html-to-image would otherwise fetch the stylesheet's font
    // files itself, which the Content-Security-Policy rightly blocks.
    fontEmbedCSS: EMBEDDED_FONT_FACES,
    filter: (node) =>
      !(node instanceof HTMLElement) || !ON_SCREEN_ONLY.some((c) => node.classList.contains(c)),
  });
}
