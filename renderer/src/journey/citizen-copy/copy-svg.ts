/**
 * Draws a laid-out page of the citizen's copy as an SVG string (pure). The same string is shown
 * inline for printing and drawn onto a canvas for the PNG. Only presentation attributes, no
 * `style` attributes or elements: the app's Content-Security-Policy (style-src 'self') would
 * drop inline styles, and an SVG inside an <img> can use no outside stylesheet anyway.
 */
import {
  FONT,
  MAP_LEFT,
  type CopyPage,
  type FaceItem,
  type PainMark,
  type Quality,
  type TextItem,
} from './copy-layout';

export const QUALITY_STYLE: Record<
  Quality,
  { color: string; width: number; dash: string | null; cap: 'butt' | 'round' }
> = {
  good: { color: '#1d6b34', width: 0.8, dash: null, cap: 'butt' },
  mixed: { color: '#b26a00', width: 0.8, dash: '2.6 1.6', cap: 'butt' },
  // Dots (round caps on near-zero dashes), thicker: "broken" shows without relying on colour.
  broken: { color: '#a3211b', width: 1.3, dash: '0.01 2.2', cap: 'round' },
  none: { color: '#5a5a52', width: 0.6, dash: null, cap: 'butt' },
};
export const BOX_STROKE = '#2f2f2a';
const INK = '#1b1b18';
const MUTED = '#45453f';
const FONT_FAMILY = "'Atkinson Hyperlegible', system-ui, 'Segoe UI', Roboto, Arial, sans-serif";
/** The faces' colours, from −2 to +2 (as on the map). */
const FACE_COLORS = ['#b3261e', '#d9822b', '#8a8a80', '#5b9a3c', '#1d6b34'];

export function escapeXml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const n = (v: number) => String(Math.round(v * 100) / 100);

function text(t: TextItem, fill = INK): string {
  const anchor = t.anchor && t.anchor !== 'start' ? ` text-anchor="${t.anchor}"` : '';
  const weight = t.bold ? ' font-weight="700"' : '';
  const spans = t.lines
    .map(
      (line, i) =>
        `<tspan x="${n(t.x)}" y="${n(t.y + i * t.lineHeight)}">${escapeXml(line)}</tspan>`,
    )
    .join('');
  return `<text font-size="${n(t.size)}"${weight}${anchor} fill="${fill}">${spans}</text>`;
}

/** The same plain face as the map's EmotionFace, scaled into a circle of radius r. */
export function face(f: FaceItem): string {
  const k = f.r / 14;
  const color = FACE_COLORS[f.value + 2] ?? '#8a8a80';
  const curve = f.value * 4;
  const x = (v: number) => n(f.cx + (v - 16) * k);
  const y = (v: number) => n(f.cy + (v - 16) * k);
  return (
    `<g data-emotion="${f.value}">` +
    `<circle cx="${n(f.cx)}" cy="${n(f.cy)}" r="${n(f.r)}" fill="#fff" stroke="${color}" stroke-width="${n(3 * k)}"/>` +
    `<circle cx="${x(11)}" cy="${y(13)}" r="${n(2 * k)}" fill="${color}"/>` +
    `<circle cx="${x(21)}" cy="${y(13)}" r="${n(2 * k)}" fill="${color}"/>` +
    `<path d="M ${x(9)} ${y(21 - curve / 2)} Q ${x(16)} ${y(21 + curve)} ${x(23)} ${y(21 - curve / 2)}" fill="none" stroke="${color}" stroke-width="${n(2.5 * k)}" stroke-linecap="round"/>` +
    `</g>`
  );
}

function pain(p: PainMark): string {
  const color = QUALITY_STYLE.broken.color;
  const tri =
    `<path d="M ${n(p.x)} ${n(p.y)} L ${n(p.x + 4.8)} ${n(p.y)} L ${n(p.x + 2.4)} ${n(p.y - 4.3)} Z" fill="#fff3c4" stroke="${color}" stroke-width="0.45" stroke-linejoin="round"/>` +
    `<path d="M ${n(p.x + 2.4)} ${n(p.y - 3.1)} L ${n(p.x + 2.4)} ${n(p.y - 1.5)}" stroke="${color}" stroke-width="0.55" stroke-linecap="round"/>` +
    `<circle cx="${n(p.x + 2.4)}" cy="${n(p.y - 0.7)}" r="0.35" fill="${color}"/>`;
  const count =
    p.count > 0
      ? `<text x="${n(p.x + 5.5)}" y="${n(p.y)}" font-size="${FONT.meta}" font-weight="700" fill="${color}">${p.count}</text>`
      : '';
  return `<g data-testid="copy-pain">${tri}${count}</g>`;
}

function stroke(q: Quality): string {
  const s = QUALITY_STYLE[q];
  return (
    `fill="none" stroke="${s.color}" stroke-width="${n(s.width)}" stroke-linecap="${s.cap}"` +
    (s.dash ? ` stroke-dasharray="${s.dash}"` : '')
  );
}

/** The picture's resolution: 150 dpi, sharp when printed at A4 and light enough to share. */
export const PNG_PX_PER_MM = 150 / 25.4;
/** White border around each page in the picture, in mm. */
export const PNG_BORDER_MM = 6;

/** The size in pixels of one page in the picture (pages are stacked top to bottom). */
export function pngPageSize(page: Pick<CopyPage, 'width' | 'height'>): {
  width: number;
  height: number;
} {
  return {
    width: Math.round((page.width + 2 * PNG_BORDER_MM) * PNG_PX_PER_MM),
    height: Math.round((page.height + 2 * PNG_BORDER_MM) * PNG_PX_PER_MM),
  };
}

export interface SvgOptions {
  /** Unique per document: the arrowhead markers' ids (several pages may share one document). */
  idPrefix: string;
  /** The root's width and height attributes, e.g. '277mm' for print or pixels for a picture. */
  width: string;
  height: string;
  /** White border around the page, in mm (for the picture; print has the paper's margin). */
  border?: number;
  /** The root's accessible name. */
  label: string;
  /**
   * @font-face rules to embed, for an SVG drawn as an image (which sees no outside font). Left
   * out inline, where the page's own fonts apply and the CSP (style-src 'self') would refuse a
   * <style> element anyway.
   */
  fontFaces?: string;
}

/** One page of the citizen's copy as a standalone SVG document. */
export function pageSvg(page: CopyPage, options: SvgOptions): string {
  const b = options.border ?? 0;
  const id = (q: Quality) => `${options.idPrefix}-arrow-${q}`;
  const markers = (['good', 'mixed', 'broken', 'none'] as const)
    .map(
      (q) =>
        `<marker id="${id(q)}" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="3.6" markerHeight="3.6" orient="auto-start-reverse">` +
        `<path d="M 0 0 L 10 5 L 0 10 Z" fill="${QUALITY_STYLE[q].color}"/></marker>`,
    )
    .join('');
  const parts: string[] = [];
  parts.push(
    `<rect x="${n(-b)}" y="${n(-b)}" width="${n(page.width + 2 * b)}" height="${n(page.height + 2 * b)}" fill="#ffffff"/>`,
  );
  parts.push(...page.header.map((t, i) => text(t, i === 0 ? INK : MUTED)));
  // Lanes: alternate bands, the lane's name at the left at the touchpoints' scale.
  page.lanes.forEach((lane, i) => {
    parts.push(
      `<rect x="${n(lane.x)}" y="${n(lane.y)}" width="${n(lane.w)}" height="${n(lane.h)}" fill="${i % 2 ? '#ffffff' : '#f2f0e8'}" stroke="#c9c6b8" stroke-width="0.3"/>`,
      `<g data-testid="copy-lane" data-sector="${lane.sector}">${text(lane.label)}</g>`,
    );
  });
  for (const line of page.lines) {
    parts.push(
      `<path data-testid="copy-line" data-transition="${escapeXml(line.transitionId)}" data-quality="${line.quality}" data-part="${line.part}" d="${line.d}" ${stroke(line.quality)} marker-end="url(#${id(line.quality)})"/>`,
    );
  }
  for (const box of page.boxes) {
    parts.push(
      `<g data-testid="copy-box" data-touchpoint="${escapeXml(box.touchpointId)}" data-box="${n(box.x)} ${n(box.y)} ${n(box.w)} ${n(box.h)}">` +
        `<rect x="${n(box.x)}" y="${n(box.y)}" width="${n(box.w)}" height="${n(box.h)}" rx="1.5" fill="#ffffff" stroke="${BOX_STROKE}" stroke-width="0.5"/>` +
        text(box.label) +
        (box.kind ? text(box.kind, MUTED) : '') +
        (box.meta ? text(box.meta, INK) : '') +
        (box.face ? face(box.face) : '') +
        (box.pain ? pain(box.pain) : '') +
        `</g>`,
    );
  }
  // The emotion curve, under the map and in step with its columns.
  const c = page.curve;
  if (c) {
    parts.push(
      `<g data-testid="copy-curve">` +
        `<rect x="${n(c.x)}" y="${n(c.y)}" width="${n(c.w)}" height="${n(c.h)}" fill="#fafaf6" stroke="#c9c6b8" stroke-width="0.3"/>` +
        text(c.title) +
        // The neutral line only under faces: with none, the words saying so stand there alone
        // (the line ran through them).
        (c.empty
          ? ''
          : `<path data-testid="copy-curve-zero" d="M ${n(MAP_LEFT)} ${n(c.zeroY)} L ${n(c.x + c.w)} ${n(c.zeroY)}" stroke="#b9b6a8" stroke-width="0.3" stroke-dasharray="1.5 1.5"/>`) +
        (c.points.length > 1
          ? `<polyline points="${c.points.map((p) => `${n(p.x)},${n(p.y)}`).join(' ')}" fill="none" stroke="#4b4b44" stroke-width="0.6"/>`
          : '') +
        c.faces.map(face).join('') +
        (c.empty ? text(c.empty, MUTED) : '') +
        `</g>`,
    );
  }
  // Legend: faces, handover lines, pain mark.
  const lg = page.legend;
  if (lg) {
    parts.push(
      `<g data-testid="copy-legend">` +
        lg.texts.map((t) => text(t)).join('') +
        lg.faces.map(face).join('') +
        lg.swatches
          .map((s) => `<path d="${s.d}" ${stroke(s.quality)} marker-end="url(#${id(s.quality)})"/>`)
          .join('') +
        pain(lg.pain) +
        `</g>`,
    );
  }
  // The estimated public cost, only when chosen: framed apart from the map and its legend.
  const cost = page.cost;
  if (cost) {
    parts.push(
      `<g data-testid="copy-cost" data-box="${n(cost.x)} ${n(cost.y)} ${n(cost.w)} ${n(cost.h)}">` +
        `<rect x="${n(cost.x)}" y="${n(cost.y)}" width="${n(cost.w)}" height="${n(cost.h)}" rx="1.5" fill="#ffffff" stroke="${BOX_STROKE}" stroke-width="0.4"/>` +
        `<path d="M ${n(cost.ruleX)} ${n(cost.rows[0]!.label.y - cost.rows[0]!.label.size)} L ${n(cost.ruleX)} ${n(cost.y + cost.h - 2)}" stroke="#c9c6b8" stroke-width="0.3"/>` +
        text(cost.title) +
        cost.rows
          .map(
            (r, i) =>
              `<g data-testid="${i === 0 ? 'copy-cost-total' : 'copy-cost-payer'}">${text(r.label)}${text(r.amount)}</g>`,
          )
          .join('') +
        cost.notes.map((t) => text(t, MUTED)).join('') +
        `</g>`,
    );
  }
  const vb = `${n(-b)} ${n(-b)} ${n(page.width + 2 * b)} ${n(page.height + 2 * b)}`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${options.width}" height="${options.height}" viewBox="${vb}" role="img" aria-label="${escapeXml(options.label)}" font-family="${escapeXml(FONT_FAMILY)}" data-page="${page.number}">` +
    `<defs>${options.fontFaces ? `<style>${options.fontFaces}</style>` : ''}${markers}</defs>` +
    `${parts.join('')}</svg>`
  );
}
