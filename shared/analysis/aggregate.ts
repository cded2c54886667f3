import type { AgeBand, ModelPathway, PathwayModel } from '../model/pathway-model';
import type { ConditionGroup, Municipality, Sex } from '../vocabulary';

/**
 * Aggregation of many anonymised pathway models, with small-number suppression: a figure that
 * rests on fewer than k journeys is never shown, whatever the filter, and cannot be recovered by
 * subtracting shown figures from each other or from a total.
 */
export const DEFAULT_K = 5;

export interface CohortFilter {
  ageBands?: AgeBand[];
  sexes?: Sex[];
  municipalities?: Municipality[];
  /** A journey matches if it has any of these. */
  conditionGroups?: ConditionGroup[];
  map?: 'asIs' | 'toBe';
}

/** A shown figure, or a hidden one (never its value). */
export type Cell<T> = { shown: true; journeys: number; value: T } | { shown: false };

export type SuppressionReason = 'cohort_small' | 'complement_small';

export interface Aggregate {
  k: number;
  /** Journeys in the filtered cohort, shown only when safe. */
  cohort: Cell<number>;
  /** Set when the whole view is hidden, and why. */
  suppressed: SuppressionReason | null;
  /** Directly-follows edges between sectors: journeys having the edge, median days on it. */
  processMap: { from: string; to: string; cell: Cell<{ medianDays: number | null }> }[];
  /** Recurring pathways (sector sequences); they partition the cohort. */
  variants: { sequence: string[]; cell: Cell<null> }[];
  /** Sector × sector handovers: journeys, share rated broken, median waiting days. */
  handovers: {
    from: string;
    to: string;
    cell: Cell<{ brokenShare: number | null; medianWaitingDays: number | null }>;
  }[];
  /** Median emotion per sector. */
  emotionBySector: { sector: string; cell: Cell<{ median: number }> }[];
  /** Pain-point categories, by journeys reporting them. */
  painCategories: { category: string; cell: Cell<null> }[];
  /** Ideas by aim and pain category. */
  ideas: { aim: string; category: string; cell: Cell<null> }[];
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function matches(model: PathwayModel, f: CohortFilter): boolean {
  const c = model.cohort;
  if (f.ageBands?.length && (c.ageBand === null || !f.ageBands.includes(c.ageBand))) return false;
  if (f.sexes?.length && (c.sex === null || !f.sexes.includes(c.sex))) return false;
  if (
    f.municipalities?.length &&
    (c.municipality === null || !f.municipalities.includes(c.municipality))
  ) {
    return false;
  }
  if (f.conditionGroups?.length && !c.conditionGroups.some((g) => f.conditionGroups!.includes(g))) {
    return false;
  }
  return true;
}

const isFiltered = (f: CohortFilter) =>
  !!(
    f.ageBands?.length ||
    f.sexes?.length ||
    f.municipalities?.length ||
    f.conditionGroups?.length
  );

/** A per-journey tally: each journey counts once per key, whatever it contributes. */
class Tally<V> {
  private readonly journeys = new Map<string, Set<number>>();
  private readonly values = new Map<string, { journey: number; value: V }[]>();
  add(key: string, journey: number, value?: V) {
    let j = this.journeys.get(key);
    if (!j) this.journeys.set(key, (j = new Set()));
    j.add(journey);
    if (value !== undefined) {
      let v = this.values.get(key);
      if (!v) this.values.set(key, (v = []));
      v.push({ journey, value });
    }
  }
  /**
   * Each key with its journeys and its values. A statistic of the values is itself a figure: it
   * is given only when the values come from at least k journeys (`valuesSafe`).
   */
  entries(k: number) {
    return [...this.journeys.entries()].map(([key, j]) => {
      const v = this.values.get(key) ?? [];
      return {
        key,
        journeys: j.size,
        values: v.map((x) => x.value),
        valuesSafe: new Set(v.map((x) => x.journey)).size >= k,
      };
    });
  }
}

function cell<T>(journeys: number, k: number, value: () => T): Cell<T> {
  return journeys >= k ? { shown: true, journeys, value: value() } : { shown: false };
}

/**
 * Cells that partition the cohort (each journey in exactly one) can be recovered from the total
 * by subtraction. Hide further cells, smallest first, until the hidden ones together rest on at
 * least k journeys and there are at least two of them — or none at all.
 */
export function suppressPartition(counts: number[], k: number): boolean[] {
  const shown = counts.map((n) => n >= k);
  const hiddenSum = () => counts.reduce((s, n, i) => (shown[i] ? s : s + n), 0);
  const hiddenCount = () => shown.filter((s) => !s).length;
  while (hiddenCount() > 0 && (hiddenSum() < k || hiddenCount() < 2)) {
    let smallest = -1;
    counts.forEach((n, i) => {
      if (shown[i] && (smallest < 0 || n < counts[smallest]!)) smallest = i;
    });
    if (smallest < 0) break;
    shown[smallest] = false;
  }
  return shown;
}

function sequenceOf(p: ModelPathway): string[] {
  const out: string[] = [];
  for (const t of p.touchpoints) if (out[out.length - 1] !== t.sector) out.push(t.sector);
  return out;
}

export function aggregate(
  all: PathwayModel[],
  filter: CohortFilter = {},
  k = DEFAULT_K,
): Aggregate {
  if (!Number.isInteger(k) || k < DEFAULT_K)
    throw new RangeError(`k must be a whole number ≥ ${DEFAULT_K}`);
  const cohort = all.filter((m) => matches(m, filter));
  const complement = all.length - cohort.length;
  const suppressed: SuppressionReason | null =
    cohort.length < k
      ? 'cohort_small'
      : isFiltered(filter) && complement > 0 && complement < k
        ? 'complement_small'
        : null;
  const empty: Aggregate = {
    k,
    cohort: { shown: false },
    suppressed,
    processMap: [],
    variants: [],
    handovers: [],
    emotionBySector: [],
    painCategories: [],
    ideas: [],
  };
  if (suppressed) return empty;

  const map = filter.map ?? 'asIs';
  const dfg = new Tally<number>();
  const handovers = new Tally<{ broken: boolean; wait: number | null }>();
  const emotions = new Tally<number>();
  const pains = new Tally<never>();
  const ideas = new Tally<never>();
  const variants = new Map<string, number>();

  cohort.forEach((m, j) => {
    const p = m[map];
    const byRef = new Map(p.touchpoints.map((t) => [t.ref, t]));
    for (let i = 1; i < p.touchpoints.length; i++) {
      const a = p.touchpoints[i - 1]!;
      const b = p.touchpoints[i]!;
      if (a.sector === b.sector) continue;
      const days = a.day !== null && b.day !== null ? b.day - a.day : undefined;
      dfg.add(`${a.sector}>${b.sector}`, j, days);
    }
    for (const tr of p.transitions) {
      const a = byRef.get(tr.from);
      const b = byRef.get(tr.to);
      if (!a || !b) continue;
      handovers.add(`${a.sector}>${b.sector}`, j, {
        broken: tr.quality === 'broken',
        wait: tr.waitingDays,
      });
    }
    for (const t of p.touchpoints) {
      if (t.emotion !== null) emotions.add(t.sector, j, t.emotion);
      for (const pp of t.painPoints) pains.add(pp.category, j);
    }
    for (const idea of m.ideas) {
      for (const aim of idea.aims) {
        for (const c of idea.painCategories.length ? idea.painCategories : ['none'])
          ideas.add(`${aim}>${c}`, j);
      }
    }
    const seq = sequenceOf(p).join('>');
    variants.set(seq, (variants.get(seq) ?? 0) + 1);
  });

  const variantList = [...variants.entries()].sort(
    (a, b) => b[1] - a[1] || a[0].localeCompare(b[0]),
  );
  const variantShown = suppressPartition(
    variantList.map(([, n]) => n),
    k,
  );

  return {
    k,
    cohort: { shown: true, journeys: cohort.length, value: cohort.length },
    suppressed: null,
    processMap: dfg.entries(k).map((e) => {
      const [from, to] = e.key.split('>') as [string, string];
      return {
        from,
        to,
        cell: cell(e.journeys, k, () => ({ medianDays: e.valuesSafe ? median(e.values) : null })),
      };
    }),
    variants: variantList.map(([seq, n], i) => ({
      sequence: seq === '' ? [] : seq.split('>'),
      cell: variantShown[i]
        ? { shown: true as const, journeys: n, value: null }
        : { shown: false as const },
    })),
    handovers: handovers.entries(k).map((e) => {
      const [from, to] = e.key.split('>') as [string, string];
      const waits = e.values.map((v) => v.wait).filter((w): w is number => w !== null);
      return {
        from,
        to,
        cell: cell(e.journeys, k, () => ({
          brokenShare: e.values.filter((v) => v.broken).length / e.values.length,
          // Waiting times may be known for only a few of the journeys: then no median.
          medianWaitingDays: e.valuesSafe && waits.length >= k ? median(waits) : null,
        })),
      };
    }),
    emotionBySector: emotions.entries(k).map((e) => ({
      sector: e.key,
      cell: cell(e.journeys, k, () => ({ median: median(e.values)! })),
    })),
    painCategories: pains
      .entries(k)
      .sort((a, b) => b.journeys - a.journeys)
      .map((e) => ({ category: e.key, cell: cell(e.journeys, k, () => null) })),
    ideas: ideas.entries(k).map((e) => {
      const [aim, category] = e.key.split('>') as [string, string];
      return { aim, category, cell: cell(e.journeys, k, () => null) };
    }),
  };
}
