/**
 * Pictures drawn from SVG (the citizen's copy, the process map) embed the app's typeface, and an
 * SVG drawn as an image shows no text while a face it needs is still loading. These wait for it.
 */
import { EMBEDDED_FONT_FACES } from './embedded-font';

/** An SVG document as a decoded image. */
export async function svgImage(svg: string): Promise<HTMLImageElement> {
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await img.decode();
  return img;
}

export const twoFrames = (): Promise<unknown> =>
  new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));

/** A letter and a zero in each weight the copy uses, each in a 50 px cell of its own. */
const PROBE_CELLS = [
  { x: 0, text: 'H', weight: 400 },
  { x: 50, text: '0', weight: 400 },
  { x: 100, text: 'H', weight: 700 },
  { x: 150, text: '0', weight: 700 },
] as const;
const PROBE_SVG =
  `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="50" viewBox="0 0 200 50">` +
  `<defs><style>${EMBEDDED_FONT_FACES}</style></defs>` +
  PROBE_CELLS.map(
    (c) =>
      `<text x="${c.x + 10}" y="40" font-family="'Atkinson Hyperlegible'" font-size="36" font-weight="${c.weight}" fill="#000">${c.text}</text>`,
  ).join('') +
  `</svg>`;

/**
 * Waits until an SVG drawn as an image shows text in every face the copy embeds. Such an image
 * lays its text out as its embedded fonts come, and a run that needs a face still on its way
 * (the bold zero of «I alt 220 kr.» on the citizen's copy, say) is drawn blank: a probe of each face is drawn, and
 * drawn again a few frames later, until every one has ink — under load that took more than the
 * two frames a fixed wait gave it. After a few seconds it gives up and draws anyway (by then the
 * browser shows a fallback face rather than nothing).
 */
export async function facesReady(): Promise<void> {
  const canvas = document.createElement('canvas');
  canvas.width = 200;
  canvas.height = 50;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return;
  const deadline = performance.now() + 8000;
  for (;;) {
    ctx.clearRect(0, 0, 200, 50);
    ctx.drawImage(await svgImage(PROBE_SVG), 0, 0);
    const inked = PROBE_CELLS.every((c) => {
      const { data } = ctx.getImageData(c.x, 0, 50, 50);
      let dark = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 128) dark++;
      return dark > 40;
    });
    if (inked || performance.now() > deadline) return;
    await twoFrames();
  }
}
