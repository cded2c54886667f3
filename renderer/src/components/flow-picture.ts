import { toPng } from 'html-to-image';
import { EMBEDDED_FONT_FACES } from './embedded-font';
import { facesReady } from './faces-ready';
import { FONT_SAMPLE } from './plain-zero';

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
  // html-to-image draws the map as an SVG image too: its words wait for the embedded faces.
  await facesReady();
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

/** The longest side a canvas is drawn with here (browsers refuse, or shrink, longer ones). */
const MAX_CANVAS_SIDE = 16_000;

/**
 * A PNG (data URL) of the whole of a React Flow map, at the scale it is shown at, at twice the
 * screen's resolution (less for a map too large for that): every place, line and label as drawn on the screen, the parts scrolled out
 * of the pane too, with `margin` screen pixels of white around them. What the screen shows is the
 * same in the picture, pixel for pixel at the picture's scale (moved by where the map's edge is).
 */
export async function wholeFlowPicture(flow: HTMLElement, margin = 16): Promise<string> {
  const viewport = flow.querySelector<HTMLElement>('.react-flow__viewport');
  if (!viewport) throw new Error('no map to draw');
  await facesReady();
  const frame = flow.getBoundingClientRect();
  // Where everything drawn is on the screen: places, label boxes and the lines' paths.
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const el of viewport.querySelectorAll(
    '.react-flow__node, .react-flow__edgelabel-renderer > *, .react-flow__edge path',
  )) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    left = Math.min(left, r.left);
    top = Math.min(top, r.top);
    right = Math.max(right, r.right);
    bottom = Math.max(bottom, r.bottom);
  }
  if (!Number.isFinite(left)) return flowPicture(flow);
  // The map's own transform, moved so that its leftmost and topmost parts stand at the margin.
  const matrix = new DOMMatrixReadOnly(getComputedStyle(viewport).transform);
  const x = matrix.e - (left - frame.left) + margin;
  const y = matrix.f - (top - frame.top) + margin;
  const width = Math.ceil(right - left + 2 * margin);
  const height = Math.ceil(bottom - top + 2 * margin);
  const restore = inlineSvgStyles(flow);
  try {
    return await toPng(viewport, {
      backgroundColor: '#ffffff',
      // Twice the screen's resolution, unless that passes what a canvas may hold (html-to-image
      // would then shrink it unasked): a very large map is drawn at the most that fits.
      pixelRatio: Math.min(2, MAX_CANVAS_SIDE / Math.max(width, height)),
      fontEmbedCSS: EMBEDDED_FONT_FACES,
      width,
      height,
      style: {
        width: `${width}px`,
        height: `${height}px`,
        transform: `translate(${x}px, ${y}px) scale(${matrix.a})`,
      },
    });
  } finally {
    restore();
  }
}

/**
 * A picture with lines of text under it, saying what it shows — a map pasted into a report must
 * carry who is in it and where it came from. Drawn at the picture's scale (`scale` picture pixels
 * to a screen pixel) in the page's own font, each line wrapped to the picture's width; the picture
 * itself is kept pixel for pixel at the top.
 */
export async function withCaption(
  pictureUrl: string,
  lines: readonly string[],
  scale = 2,
): Promise<string> {
  const picture = new Image();
  picture.src = pictureUrl;
  await picture.decode();
  const size = 15 * scale;
  const lineHeight = Math.round(size * 1.4);
  const margin = 12 * scale;
  const family = getComputedStyle(document.body).fontFamily;
  const font = (weight: number) => `${weight} ${size}px ${family}`;
  await Promise.all([
    document.fonts.load(font(700), FONT_SAMPLE),
    document.fonts.load(font(400), FONT_SAMPLE),
  ]);

  const measure = document.createElement('canvas').getContext('2d')!;
  const wrapped = lines.map((line, i) => {
    measure.font = font(i === 0 ? 700 : 400);
    const rows: string[] = [];
    let row = '';
    for (const word of line.split(' ')) {
      const next = row ? `${row} ${word}` : word;
      if (row && measure.measureText(next).width > picture.naturalWidth - 2 * margin) {
        rows.push(row);
        row = word;
      } else row = next;
    }
    rows.push(row);
    return rows;
  });
  const band = margin * 2 + wrapped.flat().length * lineHeight;

  const canvas = document.createElement('canvas');
  canvas.width = picture.naturalWidth;
  canvas.height = picture.naturalHeight + band;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(picture, 0, 0);
  ctx.fillStyle = '#d8d4c8';
  ctx.fillRect(0, picture.naturalHeight, canvas.width, scale);
  ctx.fillStyle = '#1b1b18';
  ctx.textBaseline = 'top';
  let y = picture.naturalHeight + margin;
  wrapped.forEach((rows, i) => {
    ctx.font = font(i === 0 ? 700 : 400);
    for (const row of rows) {
      ctx.fillText(row, margin, y + (lineHeight - size) / 2);
      y += lineHeight;
    }
  });
  return canvas.toDataURL('image/png');
}
