import { EMBEDDED_FONT_FACES as FONT_FACES } from '../../components/embedded-font';
import { facesReady, svgImage, twoFrames } from '../../components/faces-ready';
import type { CopyPage } from './copy-layout';
import { PNG_BORDER_MM, pageSvg, pngPageSize } from './copy-svg';

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
