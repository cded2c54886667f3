import { toPng } from 'html-to-image';
import { EMBEDDED_FONT_FACES } from './embedded-font';

/** Parts of React Flow that are controls on the screen, not part of the map. */
const ON_SCREEN_ONLY = ['react-flow__controls', 'react-flow__minimap', 'react-flow__panel'];

/**
 * What SVG shapes and text take from the stylesheet: their paint, lines, text and visibility.
 * (React Flow's own CSS draws edge lines, label boxes and label text through classes.)
 */
const SVG_STYLE = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'visibility',
  'display',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'paint-order',
];

/**
 * The styles of every SVG element inside `root`, written onto the elements themselves for the
 * time of the picture; returns the undo.
 *
 * Why: html-to-image copies the computed style onto each cloned HTML element, but an <svg> it
 * clones whole (`cloneNode(true)`) and styles only the <svg> itself, not its paths, rects and
 * text. The picture is drawn without the page's stylesheet, so everything an SVG child got from a
 * class is lost: a label's background rect falls back to SVG's default fill, black, and its text
 * (black too) vanishes into it — the "solid black bar" labels. Written inline, the clone carries
 * them. Restored afterwards, so later style changes (hover, selection) are not overridden.
 */
function inlineSvgStyles(root: HTMLElement): () => void {
  const undo: (() => void)[] = [];
  for (const el of root.querySelectorAll<SVGElement>('svg *')) {
    const computed = getComputedStyle(el);
    const hadStyle = el.hasAttribute('style');
    // Through the CSSOM, property by property: setting the style attribute itself is an inline
    // style the Content-Security-Policy (style-src 'self') blocks.
    const before = SVG_STYLE.map((name) => ({
      name,
      value: el.style.getPropertyValue(name),
      priority: el.style.getPropertyPriority(name),
    }));
    for (const name of SVG_STYLE) {
      const value = computed.getPropertyValue(name);
      if (value) el.style.setProperty(name, value);
    }
    const written = el.style.cssText;
    undo.push(() => {
      // Only if nothing (React) changed it meanwhile.
      if (el.style.cssText !== written) return;
      for (const b of before) {
        if (b.value) el.style.setProperty(b.name, b.value, b.priority);
        else el.style.removeProperty(b.name);
      }
      if (!hadStyle && el.style.length === 0) el.removeAttribute('style');
    });
  }
  return () => undo.forEach((f) => f());
}

/** A PNG (data URL) of a React Flow map as drawn, at twice the screen's resolution. */
export async function flowPicture(flow: HTMLElement): Promise<string> {
  const restore = inlineSvgStyles(flow);
  try {
    return await toPng(flow, {
      backgroundColor: '#ffffff',
      pixelRatio: 2,
      // The app's own font, given whole: html-to-image would otherwise fetch the stylesheet's
      // font files itself, which the Content-Security-Policy rightly blocks.
      fontEmbedCSS: EMBEDDED_FONT_FACES,
      filter: (node) =>
        !(node instanceof HTMLElement) || !ON_SCREEN_ONLY.some((c) => node.classList.contains(c)),
    });
  } finally {
    restore();
  }
}
