import { EMBEDDED_FONT_FACES as FONT_FACES } from '../../components/embedded-font';
import type { CopyPage } from './copy-layout';
import { PNG_BORDER_MM, pageSvg, pngPageSize } from './copy-svg';

async function svgImage(svg: string): Promise<HTMLImageElement> {
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await img.decode();
  return img;
}

const twoFrames = () => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));

/** A letter and a zero in each weight the copy uses, each in a 50 px cell of its own. */
const PROBE_CELLS = [
  { x: 0, text: 'H', weight: 400 },
  { x: 50, text: '0', weight: 400 },
  { x: 100, text: 'H', weight: 700 },
  { x: 150, text: '0', weight: 700 },
] as const;
const PROBE_SVG =
  `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="50" viewBox="0 0 200 50">` +
  `<defs><style>${FONT_FACES}</style></defs>` +
  PROBE_CELLS.map(
    (c) =>
      `<text x="${c.x + 10}" y="40" font-family="'Atkinson Hyperlegible'" font-size="36" font-weight="${c.weight}" fill="#000">${c.text}</text>`,
  ).join('') +
  `</svg>`;

/**
 * Waits until an SVG drawn as an image shows text in every face the copy embeds. Such an image
 * lays its text out as its embedded fonts come, and a run that needs a face still on its way
 * (the bold zero of «I alt 220 kr.», say) is drawn blank: a probe of each face is drawn, and
 * drawn again a few frames later, until every one has ink — under load that took more than the
 * two frames a fixed wait gave it. After a few seconds it gives up and draws anyway (by then the
 * browser shows a fallback face rather than nothing).
 */
async function facesReady(): Promise<void> {
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

/**
 * The page once its faces are ready (facesReady), drawn once where nobody sees it before it is
 * drawn for good.
 */
async function settled(svg: string): Promise<HTMLImageElement> {
  await facesReady();
  const first = await svgImage(svg);
  const scratch = document.createElement('canvas').getContext('2d');
  scratch?.drawImage(first, 0, 0, 1, 1);
  await twoFrames();
  return svgImage(svg);
}

/**
 * Draws the pages onto one canvas, one under the other, and returns it as a PNG. The SVG is
 * given its size in pixels so the browser rasterises the vector at full resolution.
 */
export async function copyPng(pages: CopyPage[], label: (page: CopyPage) => string): Promise<Blob> {
  const first = pages[0];
  if (!first) throw new Error('no pages');
  const size = pngPageSize(first);
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height * pages.length;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d context');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  for (const [i, page] of pages.entries()) {
    const img = await settled(
      pageSvg(page, {
        idPrefix: `png${i}`,
        width: String(size.width),
        height: String(size.height),
        border: PNG_BORDER_MM,
        label: label(page),
        fontFaces: FONT_FACES,
      }),
    );
    ctx.drawImage(img, 0, i * size.height, size.width, size.height);
    if (i > 0) {
      // A thin fold line between pages.
      ctx.fillStyle = '#b9b6a8';
      ctx.fillRect(0, i * size.height, size.width, 2);
    }
  }
  return new Promise((ok, fail) =>
    canvas.toBlob((blob) => (blob ? ok(blob) : fail(new Error('toBlob failed'))), 'image/png'),
  );
}
