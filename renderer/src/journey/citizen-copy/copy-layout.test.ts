import { describe, expect, it } from 'vitest';
import type { PainPoint, Touchpoint, Transition } from '../../../../shared/domain/journey';
import { da, type Translation } from '../../../../shared/i18n/da';
import { en } from '../../../../shared/i18n/en';
import { SECTORS, type Sector } from '../../../../shared/vocabulary';
import {
  COLUMNS_PER_PAGE,
  boxTexts,
  MIN_FONT_PT,
  MM_PER_PT,
  PAGE_HEIGHT,
  PAGE_WIDTH,
  columnsOf,
  layoutCopy,
  textWidth,
  textsOf,
  wrap,
  type CopyPage,
  type CopyText,
  type Quality,
  type Rect,
} from './copy-layout';
import { pageSvg } from './copy-svg';
import { touchpoint } from '../test-fixtures';

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
        if (b.pain) expect(inside({ x: b.pain.x, y: b.pain.y - 3.8, w: 7, h: 3.8 }, b)).toBe(true);
      }
    }
  });

  it('keeps every text at least 9 pt on A4 paper and inside the page', () => {
    for (const dict of [da, en]) {
      for (const page of layoutCopy({ ...pathway(16), text: textFor(dict) })) {
        for (const t of textsOf(page)) {
          expect(t.size / MM_PER_PT).toBeGreaterThanOrEqual(MIN_FONT_PT);
          expect(inside(textRect(t), PAGE), JSON.stringify(t)).toBe(true);
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
      for (const pt of page.curve.points) {
        const b = page.boxes.find((x) => x.touchpointId === pt.touchpointId)!;
        expect(pt.x).toBeCloseTo(b.x + b.w / 2);
        expect(inside({ x: pt.x, y: pt.y, w: 0, h: 0 }, page.curve)).toBe(true);
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
});
