import { describe, expect, it } from 'vitest';
import shipped from '../../../../resources/price-list.json';
import { priceListSchema } from '../../../../shared/economy/prices';
import type { PainPoint, Touchpoint, Transition } from '../../../../shared/domain/journey';
import { da, type Translation } from '../../../../shared/i18n/da';
import { en } from '../../../../shared/i18n/en';
import { SECTORS, type Sector } from '../../../../shared/vocabulary';
import {
  COLUMNS_PER_PAGE,
  FONT,
  MAX_LANES_PER_PAGE,
  boxTexts,
  MIN_FONT_PT,
  MM_PER_PT,
  PAGE_HEIGHT,
  PAGE_WIDTH,
  columnsOf,
  costTexts,
  layoutCopy,
  textWidth,
  textsOf,
  wrap,
  type CopyCost,
  type CopyPage,
  type CopyText,
  type Quality,
  type Rect,
} from './copy-layout';
import { pageSvg } from './copy-svg';
import { copyCost, costUnavailable } from './copy-cost';
import { journeyCost, mapsOf } from '../journey-cost';
import { touchpoint } from '../test-fixtures';
import { translator } from '../../../../tests/support/translator';

const NOW = '2026-01-01T00:00:00.000Z';
let seq = 0;
function tp(over: Partial<Touchpoint>): Touchpoint {
  seq += 1;
  return touchpoint({ x: seq * 100, sector: 'hospital', ...over });
}
function tr(a: Touchpoint, b: Touchpoint, quality: Transition['quality']): Transition {
  seq += 1;
  return {
    id: `tr${seq}`,
    journeyId: 'j1',
    map: 'as_is',
    sourceId: a.id,
    targetId: b.id,
    kind: 'referral',
    quality,
    waitingDays: null,
    note: '',
    createdAt: NOW,
  };
}

type Dict = Translation;
function textFor(dict: Dict): CopyText {
  return {
    alias: 'Karen H.',
    subtitle: `${dict.vocab.map.as_is} · ${dict.copy.note}`,
    printedOn: dict.copy.printedOn.replace('{{date}}', '14. september 2026'),
    pageOf: (p, c) =>
      dict.copy.pageOf.replace('{{page}}', String(p)).replace('{{count}}', String(c)),
    continues: dict.copy.continues,
    sector: (s) => dict.vocab.sector[s],
    untitled: dict.canvas.untitled,
    date: (d) => d ?? '',
    contactType: (c) => dict.vocab.contactType[c],
    curveTitle: dict.curve.title,
    curveEmpty: dict.copy.curveEmpty,
    legendFaces: dict.copy.legendFaces,
    emotions: [
      dict.vocab.emotion.m2,
      dict.vocab.emotion.m1,
      dict.vocab.emotion.z0,
      dict.vocab.emotion.p1,
      dict.vocab.emotion.p2,
    ],
    legendHandovers: dict.copy.legendHandovers,
    quality: {
      good: dict.vocab.quality.good,
      mixed: dict.vocab.quality.mixed,
      broken: dict.vocab.quality.broken,
      none: dict.copy.qualityNone,
    },
    pain: dict.copy.legendPain,
  };
}

/** A long pathway through every sector: n touchpoints on distinct days, a chain of transitions. */
function pathway(n: number, label = (i: number) => `Kontakt nummer ${i + 1}`) {
  const touchpoints = Array.from({ length: n }, (_, i) =>
    tp({
      label: label(i),
      sector: SECTORS[i % SECTORS.length]!,
      date: `2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + Math.floor(i / 12)).padStart(2, '0')}`,
      datePrecision: 'day',
      contactType: 'outpatient_visit',
      repetitions: i % 3 === 0 ? 12 : null,
      emotion: ((i % 5) - 2) as Touchpoint['emotion'],
    }),
  );
  const qualities: Transition['quality'][] = ['good', 'mixed', 'broken', null];
  const transitions = touchpoints
    .slice(1)
    .map((b, i) => tr(touchpoints[i]!, b, qualities[i % qualities.length]!));
  const painPoints: PainPoint[] = touchpoints
    .filter((_, i) => i % 4 === 1)
    .map((t, i) => ({
      id: `pp${i}`,
      touchpointId: t.id,
      category: 'waiting',
      text: '',
      createdAt: NOW,
      updatedAt: NOW,
    }));
  return { touchpoints, transitions, painPoints };
}

/** Points along an SVG path of M, L and C commands (as the layout writes them), 0.5 mm apart. */
function pathPoints(d: string): { x: number; y: number }[] {
  const tokens = d.trim().split(/\s+/);
  const out: { x: number; y: number }[] = [];
  let at = { x: 0, y: 0 };
  const num = (i: number) => Number(tokens[i]);
  for (let i = 0; i < tokens.length;) {
    const cmd = tokens[i]!;
    if (cmd === 'M') {
      at = { x: num(i + 1), y: num(i + 2) };
      i += 3;
    } else if (cmd === 'L') {
      const to = { x: num(i + 1), y: num(i + 2) };
      const n = Math.max(1, Math.ceil(Math.hypot(to.x - at.x, to.y - at.y) * 2));
      for (let k = 0; k <= n; k++) {
        out.push({ x: at.x + ((to.x - at.x) * k) / n, y: at.y + ((to.y - at.y) * k) / n });
      }
      at = to;
      i += 3;
    } else if (cmd === 'C') {
      const [c1, c2, to] = [1, 3, 5].map((o) => ({ x: num(i + o), y: num(i + o + 1) }));
      for (let k = 0; k <= 200; k++) {
        const t = k / 200;
        const u = 1 - t;
        out.push({
          x: u ** 3 * at.x + 3 * u * u * t * c1!.x + 3 * u * t * t * c2!.x + t ** 3 * to!.x,
          y: u ** 3 * at.y + 3 * u * u * t * c1!.y + 3 * u * t * t * c2!.y + t ** 3 * to!.y,
        });
      }
      at = to!;
      i += 7;
    } else throw new Error(`unexpected path command ${cmd} in ${d}`);
  }
  return out;
}

const inside = (r: Rect, outer: Rect) =>
  r.x >= outer.x - 1e-9 &&
  r.y >= outer.y - 1e-9 &&
  r.x + r.w <= outer.x + outer.w + 1e-9 &&
  r.y + r.h <= outer.y + outer.h + 1e-9;
const PAGE: Rect = { x: 0, y: 0, w: PAGE_WIDTH, h: PAGE_HEIGHT };

/** The area a text takes: width by the same estimate that wrapped it, height by its lines. */
function textRect(t: ReturnType<typeof textsOf>[number]): Rect {
  const w = Math.max(...t.lines.map((l) => textWidth(l, t.size, t.bold)));
  const x = t.anchor === 'end' ? t.x - w : t.anchor === 'middle' ? t.x - w / 2 : t.x;
  const top = t.y - t.size * 0.9;
  return { x, y: top, w, h: (t.lines.length - 1) * t.lineHeight + t.size * 1.15 };
}

describe("the citizen's copy layout", () => {
  const small = pathway(7);
  const pages = layoutCopy({ ...small, text: textFor(da) });

  it('puts every touchpoint on exactly one page, every box inside its page and its lane', () => {
    const boxes = pages.flatMap((p) => p.boxes);
    expect(boxes.map((b) => b.touchpointId).sort()).toEqual(
      small.touchpoints.map((t) => t.id).sort(),
    );
    for (const page of pages) {
      for (const b of page.boxes) {
        expect(inside(b, PAGE), `${b.touchpointId} on page ${page.number}`).toBe(true);
        const lane = page.lanes.find((l) => l.sector === b.sector)!;
        expect(inside(b, lane)).toBe(true);
        // Clear of the lane names on the left.
        expect(b.x).toBeGreaterThan(lane.label.x + 30);
        // The face and the pain mark sit inside the box.
        if (b.face) {
          const f = b.face;
          expect(inside({ x: f.cx - f.r, y: f.cy - f.r, w: 2 * f.r, h: 2 * f.r }, b)).toBe(true);
        }
        if (b.pain) {
          const w = 5.5 + String(b.pain.count).length * 2.7;
          expect(inside({ x: b.pain.x, y: b.pain.y - 4.3, w, h: 4.3 }, b)).toBe(true);
        }
      }
    }
  });

  it('keeps every text at least 12 pt on A4 paper and inside the page', () => {
    for (const dict of [da, en]) {
      for (const page of layoutCopy({ ...pathway(16), text: textFor(dict) })) {
        for (const t of textsOf(page)) {
          expect(t.size / MM_PER_PT).toBeGreaterThanOrEqual(MIN_FONT_PT);
          expect(inside(textRect(t), PAGE), JSON.stringify(t)).toBe(true);
        }
      }
    }
  });

  it('keeps a pain count of two digits inside its box, clear of the face and the date', () => {
    const one = tp({ sector: 'hospital', date: '2026-03-03', emotion: -2, label: 'Medicinsk' });
    const painPoints: PainPoint[] = Array.from({ length: 12 }, (_, i) => ({
      id: `many${i}`,
      touchpointId: one.id,
      category: 'waiting',
      text: '',
      createdAt: NOW,
      updatedAt: NOW,
    }));
    const [page] = layoutCopy({
      touchpoints: [one],
      transitions: [],
      painPoints,
      text: textFor(da),
    });
    const b = page!.boxes[0]!;
    expect(b.pain?.count).toBe(12);
    // The triangle (4.8 mm) and «12» (bold digits at the meta size) after it.
    const mark = {
      x: b.pain!.x,
      y: b.pain!.y - 4.3,
      w: 5.5 + textWidth('12', FONT.meta, true),
      h: 4.3,
    };
    expect(inside(mark, b)).toBe(true);
    const f = b.face!;
    expect(overlaps({ x: f.cx - f.r, y: f.cy - f.r, w: 2 * f.r, h: 2 * f.r }, mark)).toBe(false);
    expect(overlaps(textRect(b.meta!), mark)).toBe(false);
  });

  it('says on a page whose line leaves for the next that the pathway goes on there', () => {
    for (const dict of [da, en]) {
      const pages = layoutCopy({ ...pathway(16), text: textFor(dict) });
      expect(pages.length).toBeGreaterThan(1);
      for (const page of pages) {
        const leaves = page.lines.some((l) => l.part === 'leaves' && l.to.x > l.from.x);
        const said = page.header.some((h) => h.lines.includes(dict.copy.continues));
        expect(said, `page ${page.number}`).toBe(leaves);
      }
      // The chain of the pathway runs on from every page but the last.
      expect(
        pages
          .slice(0, -1)
          .every((p) => p.header.some((h) => h.lines.includes(dict.copy.continues))),
      ).toBe(true);
      expect(pages.at(-1)!.header.some((h) => h.lines.includes(dict.copy.continues))).toBe(false);
    }
  });

  it('gives a busy stretch more pages rather than lanes too low for a name and a date', () => {
    // Every sector on one day (eleven lanes in one column), then four days of three sectors each.
    const sameDay = SECTORS.map((sector) =>
      tp({ sector, date: '2026-03-03', contactType: 'phone', label: `Samme dag ${sector}` }),
    );
    const busy = [4, 5, 6, 7].flatMap((day) =>
      SECTORS.slice(day - 4, day - 1).map((sector) =>
        tp({ sector, date: `2026-03-0${day}`, emotion: -1, label: 'Hjemmeplejen' }),
      ),
    );
    const touchpoints = [...sameDay, ...busy];
    for (const dict of [da, en]) {
      const pages = layoutCopy({
        touchpoints,
        transitions: [],
        painPoints: [],
        text: textFor(dict),
      });
      expect(pages.flatMap((p) => p.boxes)).toHaveLength(touchpoints.length);
      for (const page of pages) {
        expect(page.lanes.length).toBeLessThanOrEqual(MAX_LANES_PER_PAGE);
        for (const b of page.boxes) {
          // One line of the name, the date and the face, each inside the box.
          expect(b.label.lines.length).toBeGreaterThanOrEqual(1);
          const date = touchpoints.find((t) => t.id === b.touchpointId)!.date;
          expect(b.meta?.lines).toEqual([date]);
          for (const t of boxTexts(b)) {
            expect(inside(textRect(t), b), `${b.touchpointId}: ${t.lines.join(' / ')}`).toBe(true);
            expect(t.size / MM_PER_PT).toBeGreaterThanOrEqual(MIN_FONT_PT);
          }
          if (b.face) {
            const f = b.face;
            expect(inside({ x: f.cx - f.r, y: f.cy - f.r, w: 2 * f.r, h: 2 * f.r }, b)).toBe(true);
          }
        }
      }
    }
  });

  it('keeps each text in its box, wrapping long names and cutting the longest with …', () => {
    const long = pathway(3, (i) =>
      i === 0
        ? 'Nykøbing F. Sygehus, akutmodtagelse og derefter medicinsk afdeling '.repeat(3)
        : 'Egen læge',
    );
    const crowded = layoutCopy({ ...pathway(16), text: textFor(da) });
    for (const b of crowded.flatMap((p) => p.boxes)) {
      for (const t of boxTexts(b)) {
        expect(inside(textRect(t), b), `${b.touchpointId}: ${t.lines.join(' / ')}`).toBe(true);
      }
    }
    for (const page of layoutCopy({ ...long, text: textFor(da) })) {
      for (const b of page.boxes) {
        for (const t of boxTexts(b)) {
          const r = textRect(t);
          expect(inside(r, b), `${b.touchpointId}: ${t.lines.join(' / ')}`).toBe(true);
        }
      }
      const first = page.boxes.find((b) => b.touchpointId === long.touchpoints[0]!.id)!;
      expect(first.label.lines.length).toBeGreaterThan(1);
      expect(first.label.lines.at(-1)).toMatch(/…$/);
    }
  });

  it('shows every date whole, and how many times with the kind of contact', () => {
    const long = pathway(16);
    for (const b of layoutCopy({ ...long, text: textFor(da) }).flatMap((p) => p.boxes)) {
      const t = long.touchpoints.find((x) => x.id === b.touchpointId)!;
      expect(b.meta?.lines[0]?.startsWith(t.date!), b.touchpointId).toBe(true);
      if (t.repetitions) expect(b.kind?.lines[0]).toBe('Ambulant besøg × 12');
      expect(b.face?.value).toBe(t.emotion);
    }
  });

  it('draws a line for every transition, in its quality, from box edge to box edge', () => {
    const lines = pages.flatMap((p) => p.lines);
    for (const t of small.transitions) {
      const drawn = lines.filter((l) => l.transitionId === t.id);
      expect(drawn.length, t.id).toBeGreaterThan(0);
      expect(drawn.every((l) => l.quality === ((t.quality ?? 'none') as Quality))).toBe(true);
      // Across a page break it leaves one page and arrives on the next.
      const parts = drawn.map((l) => l.part).sort();
      expect([['whole'], ['arrives', 'leaves']]).toContainEqual(parts);
    }
    for (const page of pages) {
      for (const l of page.lines.filter((x) => x.part === 'whole')) {
        const t = small.transitions.find((x) => x.id === l.transitionId)!;
        const a = page.boxes.find((b) => b.touchpointId === t.sourceId)!;
        const b = page.boxes.find((x) => x.touchpointId === t.targetId)!;
        expect(l.from.x).toBeCloseTo(a.x + a.w);
        expect(l.to.x).toBeCloseTo(b.x);
        expect(l.d.startsWith('M')).toBe(true);
      }
    }
  });

  it('never runs a line under a box it does not join, so no touchpoint seems to be on its way', () => {
    // Karen's second page, as the picture drew it: a handover that skips two columns, with boxes
    // in the lanes between; and every transition of a long random web of skips.
    let state = 7;
    const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
    const web = pathway(30);
    const skips = web.touchpoints.flatMap((a, i) =>
      [2, 3, 4]
        .map((k) => web.touchpoints[i + k])
        .filter((b): b is Touchpoint => !!b && random() < 0.5)
        .map((b) => tr(a, b, 'mixed')),
    );
    // Backwards too, and within one column (two on the same day in different lanes).
    const back = web.touchpoints.slice(3).map((a, i) => tr(a, web.touchpoints[i]!, 'broken'));
    const sameDay = tp({ sector: 'citizen', date: web.touchpoints[2]!.date, datePrecision: 'day' });
    const input = {
      ...web,
      touchpoints: [...web.touchpoints, sameDay],
      transitions: [...web.transitions, ...skips, ...back, tr(sameDay, web.touchpoints[2]!, null)],
    };
    let checked = 0;
    for (const page of layoutCopy({ ...input, text: textFor(da) })) {
      for (const line of page.lines.filter((l) => l.part === 'whole')) {
        const t = input.transitions.find((x) => x.id === line.transitionId)!;
        const others = page.boxes.filter(
          (b) => b.touchpointId !== t.sourceId && b.touchpointId !== t.targetId,
        );
        for (const p of pathPoints(line.d)) {
          const under = others.find(
            (b) =>
              p.x > b.x + 0.2 && p.x < b.x + b.w - 0.2 && p.y > b.y + 0.2 && p.y < b.y + b.h - 0.2,
          );
          expect(under, `${line.transitionId} at ${p.x},${p.y}`).toBeUndefined();
        }
        checked++;
      }
    }
    // Four columns a page: a skip of two or three columns often leaves its page, so fewer
    // lines are whole on one page than the web has.
    expect(checked).toBeGreaterThan(8);
  });

  it('says so in words when no face was chosen, with no dashed line through them', () => {
    const faceless = pathway(4);
    for (const t of faceless.touchpoints) t.emotion = null;
    const [page] = layoutCopy({ ...faceless, text: textFor(da) });
    const svg = pageSvg(page!, { idPrefix: 'p', width: '1', height: '1', label: 'x' });
    expect(svg).toContain(da.copy.curveEmpty.slice(0, 20));
    expect(svg).not.toContain('copy-curve-zero');
    // With faces, the neutral line is there to read them against.
    const [withFaces] = layoutCopy({ ...pathway(4), text: textFor(da) });
    expect(pageSvg(withFaces!, { idPrefix: 'p', width: '1', height: '1', label: 'x' })).toContain(
      'copy-curve-zero',
    );
  });

  it('uses lanes only for the sectors on the map, in the vocabulary order', () => {
    const two = [tp({ sector: 'hospital' }), tp({ sector: 'citizen' })];
    const [page] = layoutCopy({
      touchpoints: two,
      transitions: [],
      painPoints: [],
      text: textFor(da),
    });
    expect(page!.lanes.map((l) => l.sector)).toEqual<Sector[]>(['citizen', 'hospital']);
    expect(page!.lanes[0]!.label.lines.join(' ')).toBe('Borger og netværk');
  });

  it('orders columns by date; the same day in two lanes shares a column', () => {
    const a = tp({ date: '2026-03-01', sector: 'hospital', x: 0 });
    const b = tp({ date: '2026-01-05', sector: 'hospital', x: 500 });
    const c = tp({ date: '2026-01-05', sector: 'general_practice', x: 900 });
    expect(columnsOf([a, b, c]).map((col) => col.map((t) => t.id))).toEqual([[b.id, c.id], [a.id]]);
  });

  it('splits a long pathway over pages by columns, with lane names and "side n af m" on each', () => {
    const long = pathway(17);
    const many = layoutCopy({ ...long, text: textFor(da) });
    expect(many).toHaveLength(Math.ceil(17 / COLUMNS_PER_PAGE));
    for (const page of many) {
      expect(page.boxes.length).toBeLessThanOrEqual(COLUMNS_PER_PAGE);
      expect(page.boxes.length).toBeGreaterThan(0);
      // Each page names the lanes of its own touchpoints, in the vocabulary's order.
      const onPage = new Set(page.boxes.map((b) => b.sector));
      expect(page.lanes.map((l) => l.sector)).toEqual(SECTORS.filter((s) => onPage.has(s)));
      expect(page.lanes.every((l) => l.label.lines.length > 0)).toBe(true);
      expect(page.header.flatMap((h) => h.lines)).toContain(
        `Side ${page.number} af ${many.length}`,
      );
      expect(page.header[0]!.lines).toEqual(['Karen H.']);
    }
    // The curve's points sit under their touchpoints' boxes.
    for (const page of many) {
      const curve = page.curve!;
      for (const pt of curve.points) {
        const b = page.boxes.find((x) => x.touchpointId === pt.touchpointId)!;
        expect(pt.x).toBeCloseTo(b.x + b.w / 2);
        expect(inside({ x: pt.x, y: pt.y, w: 0, h: 0 }, curve)).toBe(true);
      }
    }
    // Lines that cross a page break leave at the right edge and arrive from the lane names.
    const crossing = many.flatMap((p) => p.lines).filter((l) => l.part !== 'whole');
    expect(crossing.length).toBeGreaterThan(0);
    for (const l of crossing) {
      expect(inside({ x: l.to.x, y: l.to.y, w: 0, h: 0 }, PAGE)).toBe(true);
      expect(inside({ x: l.from.x, y: l.from.y, w: 0, h: 0 }, PAGE)).toBe(true);
    }
  });

  it('shows only what the map shows: no profile fields reach the page', () => {
    const svg = pages.map((p: CopyPage) =>
      pageSvg(p, { idPrefix: 'p', width: '277mm', height: '190mm', label: 'x' }),
    );
    const all = svg.join('');
    expect(all).toContain('Karen H.');
    expect(all).not.toMatch(/quote|whatWorked/);
  });
});

describe('wrap', () => {
  it('measures with the typeface table: known words at their real width', () => {
    // Measured in Chromium with Atkinson Hyperlegible Bold at 100 px: 6.71 em.
    expect(textWidth('Hjemmeplejen', 10, true)).toBeCloseTo(67.1 * 1.04, 0);
  });

  it('never makes a line wider than asked, hyphenating a word that is too long', () => {
    const lines = wrap('Akutmodtagelsesafdelingsovergangsbeskrivelse og mere', 30, 4.2, true);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines[0]).toMatch(/^Akut\p{Ll}+-$/u);
    expect(lines.join('').replace(/[- ]/g, '')).toBe(
      'Akutmodtagelsesafdelingsovergangsbeskrivelse og mere'.replace(/ /g, ''),
    );
    for (const l of lines) expect(textWidth(l, 4.2, true)).toBeLessThanOrEqual(30);
  });

  it('splits a long Danish word where Danish splits it, and leaves no stub of a letter or two', () => {
    // As the copy drew them before: «Udskrivelsessamta-le», «genindlæggel-se».
    expect(wrap('Udskrivelsessamtale med kommunen', 34, 4.6, true)[0]).toBe('Udskrivelses-');
    expect(wrap('Medicinsk afdeling, genindlæggelse', 34, 4.6, true)).toEqual([
      'Medicinsk',
      'afdeling,',
      'genindlæg-',
      'gelse',
    ]);
    for (const text of ['Fast hjemmesygeplejerske', 'Akutmodtagelsen', 'Lungeambulatoriet']) {
      const lines = wrap(text, 30, 4.6, true);
      for (const l of lines.slice(1)) expect(l.replace(/-$/, '').length, text).toBeGreaterThan(2);
    }
  });
});

// --- The estimated public cost, only when chosen ------------------------------------------------

const LIST = priceListSchema.parse(shipped);

/** The cost block's words for a pathway's as-is map, as the copy words them. */
async function costFor(
  touchpoints: readonly Touchpoint[],
  language: 'da' | 'en' = 'da',
): Promise<CopyCost> {
  const t = await translator(language);
  const byId = Object.fromEntries(touchpoints.map((x) => [x.id, x]));
  return copyCost(journeyCost(mapsOf(byId), LIST), 'as_is', LIST, t, language)!;
}

/** Everything on a page that takes room, as boxes: they must not overlap one another. */
function regions(page: CopyPage): { name: string; r: Rect }[] {
  const union = (rs: Rect[]): Rect | null => {
    if (rs.length === 0) return null;
    const x = Math.min(...rs.map((r) => r.x));
    const y = Math.min(...rs.map((r) => r.y));
    return {
      x,
      y,
      w: Math.max(...rs.map((r) => r.x + r.w)) - x,
      h: Math.max(...rs.map((r) => r.y + r.h)) - y,
    };
  };
  const out: { name: string; r: Rect | null }[] = [
    { name: 'header', r: union(page.header.map(textRect)) },
    { name: 'map', r: union(page.lanes) },
    { name: 'curve', r: page.curve },
    {
      name: 'legend',
      r: page.legend
        ? union([
            ...page.legend.texts.map(textRect),
            ...page.legend.faces.map((f) => ({
              x: f.cx - f.r,
              y: f.cy - f.r,
              w: 2 * f.r,
              h: 2 * f.r,
            })),
            { x: page.legend.pain.x, y: page.legend.pain.y - 4.3, w: 4.8, h: 4.3 },
          ])
        : null,
    },
    { name: 'cost', r: page.cost },
  ];
  return out.filter((x): x is { name: string; r: Rect } => x.r !== null);
}

const overlaps = (a: Rect, b: Rect) =>
  a.x < b.x + b.w - 1e-9 &&
  b.x < a.x + a.w - 1e-9 &&
  a.y < b.y + b.h - 1e-9 &&
  b.y < a.y + a.h - 1e-9;

const COST_WORDS = /kr\.|DKK|udgift|cost|prisliste|price list|vejledende|indicative/i;

describe("the estimated public cost on the citizen's copy", () => {
  /** Repeated GP visits, outpatient visits and an unpriced hospital admission. */
  function pricedPathway(n: number) {
    const p = pathway(n);
    p.touchpoints.forEach((x, i) => {
      // An amount above 0 (12 GP visits), and a hospital admission without a public figure.
      if (i === 0) {
        x.sector = 'general_practice';
        x.contactType = 'gp_visit';
      }
      if (i === 1) {
        x.sector = 'hospital';
        x.contactType = 'admission';
      }
    });
    return p;
  }

  it('is not in the layout at all unless chosen', () => {
    for (const dict of [da, en]) {
      for (const n of [3, 7, 16]) {
        const input = { ...pathway(n), text: textFor(dict) };
        const without = layoutCopy(input);
        for (const page of without) {
          expect(page.cost).toBeNull();
          for (const t of textsOf(page)) expect(t.lines.join(' ')).not.toMatch(COST_WORDS);
          const svg = pageSvg(page, { idPrefix: 'p', width: '1', height: '1', label: 'x' });
          expect(svg).not.toContain('copy-cost');
          expect(svg).not.toMatch(/kr\./);
        }
      }
    }
  });

  it('when chosen: the total, each payer, what is left out, and the price list and year', async () => {
    const p = pricedPathway(7);
    const cost = await costFor(p.touchpoints);
    const expected = journeyCost(
      mapsOf(Object.fromEntries(p.touchpoints.map((x) => [x.id, x]))),
      LIST,
    ).asIs;
    expect(expected.pricedCount).toBeGreaterThan(0);
    const left = expected.unpriced.length;
    expect(left).toBeGreaterThan(1);
    const pages = layoutCopy({ ...p, text: textFor(da), cost });
    const withCost = pages.filter((pg) => pg.cost !== null);
    expect(withCost).toHaveLength(1);
    expect(withCost[0]).toBe(pages.at(-1));
    const block = withCost[0]!.cost!;
    const words = costTexts(block)
      .map((t) => t.lines.join(' '))
      .join('\n');
    const kr = (v: number) => `${new Intl.NumberFormat('da-DK').format(v)} kr.`;
    expect(block.rows[0]!.label.lines).toEqual(['I alt']);
    expect(block.rows[0]!.amount.lines).toEqual([kr(expected.total)]);
    expect(block.rows.slice(1).map((r) => [r.label.lines[0], r.amount.lines[0]])).toEqual([
      ['Kommune', kr(expected.byPayer.kommune)],
      ['Region', kr(expected.byPayer.region)],
      ['Stat', kr(expected.byPayer.stat)],
    ]);
    expect(words).toMatch(/anslået offentlig udgift/i);
    expect(words).toContain('vejledende');
    expect(words).toContain(
      `${left} kontaktpunkter uden pris er ikke talt med, så den virkelige udgift kan være højere.`,
    );
    expect(words).toContain(
      `Prisliste: ${LIST.name} (${LIST.priceYear}). Priserne er ikke regnet om til i dag.`,
    );
    expect(words).not.toMatch(/regning|pris for dig/i);
    // The amounts stand in a column, right-aligned, clear of the notes beside them.
    for (const r of block.rows) expect(r.amount.anchor).toBe('end');
  });

  it('keeps the cost block clear of the map, the curve, the legend and the header, inside the page, at ≥ 12 pt', async () => {
    // From one lane to every sector on the last page: the block goes under the legend, or on a
    // page of its own when it would crowd the lanes.
    const cases = [
      pricedPathway(1),
      pricedPathway(3),
      pricedPathway(7),
      pricedPathway(16),
      pricedPathway(5),
    ];
    // Eleven touchpoints on the same day in eleven lanes: one column, every lane on one page.
    const sameDay = SECTORS.map((sector) =>
      tp({ sector, date: '2026-03-03', contactType: 'phone', label: `Samme dag ${sector}` }),
    );
    cases.push({ touchpoints: sameDay, transitions: [], painPoints: [] });
    let ownPage = 0;
    let inline = 0;
    for (const language of ['da', 'en'] as const) {
      const dict = language === 'da' ? da : en;
      for (const c of cases) {
        const cost = await costFor(c.touchpoints, language);
        const without = layoutCopy({ ...c, text: textFor(dict) });
        const pages = layoutCopy({ ...c, text: textFor(dict), cost });
        const last = pages.at(-1)!;
        expect(last.cost).not.toBeNull();
        expect(pages.slice(0, -1).every((pg) => pg.cost === null)).toBe(true);
        if (pages.length === without.length) {
          inline += 1;
          expect(last.boxes.length).toBeGreaterThan(0);
          // The lanes give up room, but no box loses a word: name, kind and date as without.
          const words = (b: CopyPage['boxes'][number]) =>
            boxTexts(b).map((t) => t.lines.join(' / '));
          expect(last.boxes.map(words)).toEqual(without.at(-1)!.boxes.map(words));
        } else {
          ownPage += 1;
          expect(pages).toHaveLength(without.length + 1);
          expect(last.boxes).toEqual([]);
          // The map's pages are as without the cost (but for "side n af m").
          expect(pages.slice(0, -1).map((pg) => pg.boxes)).toEqual(without.map((pg) => pg.boxes));
        }
        // Every touchpoint still on the copy, once.
        expect(
          pages
            .flatMap((pg) => pg.boxes)
            .map((b) => b.touchpointId)
            .sort(),
        ).toEqual(c.touchpoints.map((x) => x.id).sort());
        for (const page of pages) {
          expect(page.header.flatMap((h) => h.lines)).toContain(
            textFor(dict).pageOf(page.number, pages.length),
          );
          const parts = regions(page);
          for (const [i, a] of parts.entries()) {
            expect(inside(a.r, PAGE), `${a.name} on page ${page.number}`).toBe(true);
            for (const b of parts.slice(i + 1)) {
              expect(overlaps(a.r, b.r), `${a.name} × ${b.name} on page ${page.number}`).toBe(
                false,
              );
            }
          }
          for (const t of textsOf(page)) {
            expect(t.size / MM_PER_PT).toBeGreaterThanOrEqual(MIN_FONT_PT);
            expect(inside(textRect(t), PAGE), JSON.stringify(t)).toBe(true);
          }
          // The boxes stay in their lanes, their texts in the boxes.
          for (const b of page.boxes) {
            expect(
              inside(
                b,
                page.lanes.find((l) => l.sector === b.sector)!,
              ),
              `box ${c.touchpoints.length}`,
            ).toBe(true);
            for (const t of boxTexts(b))
              expect(
                inside(textRect(t), b),
                `${JSON.stringify(t)} ${JSON.stringify({ ...b, label: 0, meta: 0, kind: 0 })}`,
              ).toBe(true);
          }
          if (!page.cost) continue;
          // Inside the block, each text in its place and none over another.
          const texts = costTexts(page.cost);
          for (const [i, t] of texts.entries()) {
            expect(inside(textRect(t), page.cost), t.lines.join(' ')).toBe(true);
            for (const u of texts.slice(i + 1)) {
              expect(overlaps(textRect(t), textRect(u)), `${t.lines[0]} × ${u.lines[0]}`).toBe(
                false,
              );
            }
          }
        }
      }
    }
    // Both placements were exercised.
    expect(inline).toBeGreaterThan(0);
    expect(ownPage).toBeGreaterThan(0);
  });

  it('says how the new pathway would differ, gently, when both maps are priced', async () => {
    const t = await translator('da');
    const asIs = [
      tp({ sector: 'general_practice', contactType: 'gp_visit', repetitions: 12 }),
      tp({ sector: 'emergency', contactType: 'phone' }),
    ];
    const toBe = [
      tp({ sector: 'general_practice', contactType: 'gp_visit', repetitions: 4, map: 'to_be' }),
    ];
    const byId = Object.fromEntries([...asIs, ...toBe].map((x) => [x.id, x]));
    const cost = journeyCost(mapsOf(byId), LIST);
    expect(cost.difference.total).toBeLessThan(0);
    const amount = `${new Intl.NumberFormat('da-DK').format(-cost.difference.total)} kr.`;
    for (const map of ['as_is', 'to_be'] as const) {
      const words = copyCost(cost, map, LIST, t, 'da')!.notes.join('\n');
      expect(words).toContain(
        `Det nye forløb ville anslået koste det offentlige ${amount} mindre end forløbet i dag.`,
      );
    }
    expect(copyCost(cost, 'to_be', LIST, t, 'da')!.total).toBe(
      `${new Intl.NumberFormat('da-DK').format(cost.toBe.total)} kr.`,
    );
    // Only one map priced: no difference to speak of.
    const alone = journeyCost(mapsOf(Object.fromEntries(asIs.map((x) => [x.id, x]))), LIST);
    expect(copyCost(alone, 'as_is', LIST, t, 'da')!.notes.join(' ')).not.toMatch(/nye forløb/);
    // A contact without a price on either map would count as 0 kr.: no difference either.
    const unpricedToo = [...asIs, tp({ sector: 'hospital', contactType: 'outpatient_visit' })];
    const partly = journeyCost(
      mapsOf(Object.fromEntries([...unpricedToo, ...toBe].map((x) => [x.id, x]))),
      LIST,
    );
    for (const map of ['as_is', 'to_be'] as const) {
      expect(copyCost(partly, map, LIST, t, 'da')!.notes.join(' ')).not.toMatch(/nye forløb/);
    }
  });

  it('cannot be chosen without a price list or when nothing on the map is priced, and says why', async () => {
    const t = await translator('da');
    const unpriced = [tp({ sector: 'hospital', contactType: 'admission' })];
    const cost = journeyCost(mapsOf(Object.fromEntries(unpriced.map((x) => [x.id, x]))), LIST);
    expect(copyCost(cost, 'as_is', LIST, t, 'da')).toBeNull();
    expect(costUnavailable({ list: LIST, failed: false }, cost.asIs)).toBe('nothingPriced');
    // Priced only at 0 kr. (the citizen's own life) beside days without a price: "I alt 0 kr."
    // would tell the citizen nothing true, so it is not offered either.
    const zero = journeyCost(
      mapsOf(
        Object.fromEntries(
          [
            tp({ sector: 'citizen', contactType: 'life_event' }),
            tp({ sector: 'hospital', contactType: 'admission', durationDays: 14 }),
          ].map((x) => [x.id, x]),
        ),
      ),
      LIST,
    );
    expect(zero.asIs.pricedCount).toBeGreaterThan(0);
    expect(costUnavailable({ list: LIST, failed: false }, zero.asIs)).toBe('nothingPriced');
    expect(copyCost(zero, 'as_is', LIST, t, 'da')).toBeNull();
    expect(costUnavailable({ list: null, failed: false }, null)).toBe('loading');
    expect(costUnavailable({ list: null, failed: true }, null)).toBe('failed');
    expect(costUnavailable({ list: { ...LIST, prices: [] }, failed: false }, null)).toBe('noList');
    const priced = journeyCost(
      mapsOf({ a: tp({ id: 'a', sector: 'general_practice', contactType: 'gp_visit' }) }),
      LIST,
    );
    expect(costUnavailable({ list: LIST, failed: false }, priced.asIs)).toBeNull();
    // Every reason has its words, in both languages.
    for (const dict of [da, en]) {
      for (const reason of ['loading', 'failed', 'noList', 'nothingPriced'] as const) {
        expect(dict.copy.cost[reason].length).toBeGreaterThan(10);
      }
      expect(JSON.stringify(dict.copy.cost)).not.toMatch(
        /regning|pris for dig|\bbill\b|price for you/i,
      );
    }
  });
});
