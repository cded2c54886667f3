/**
 * Complementary suppression for figures that are sums over journeys and are tied together by
 * sums: a total and its parts (sectors adding up to a cohort's cost, a figure of the whole cohort
 * and the same figure in each part of a split, to-be = as-is + difference …).
 *
 * Each cell rests on the journeys that contribute to it (`count`). A cell is shown only when it
 * rests on at least k journeys, and then only if nothing hidden can be worked out from what is
 * shown. The check follows what a reader can do with the shown figures and the sums between
 * them, along any chain:
 *  - a sum with one unknown cell left (its total or one of its parts) gives that cell; it is then
 *    known, and may give away another one further on;
 *  - a sum whose total is known gives the sum of its unknown parts.
 * At the end, no cell worked out this way rests on 1 … k−1 journeys (none at all is fine: a sum
 * of nothing), and in every sum whose total is known, the unknown parts together rest on at
 * least k journeys (counted once each, however many of the parts they are in), or on none.
 *
 * While that is not so, the first leak (in a fixed order) is cut, and all is looked at again:
 *  - in the sum that gives it away, a shown cell is hidden: the lowest `rank` first, then the
 *    one resting on the fewest journeys, then the lowest index (ties never depend on the order
 *    of the data); one whose hiding cuts the leak is preferred, else a pair of it and a shown
 *    cell of a sum that would still give it away (in a table, a cell hidden in a row needs a
 *    complement in its column), else the first one alone;
 *  - only when that sum has no shown cell, one of the shown cells its known cells were worked
 *    out from;
 *  - a hidden cell takes with it the cells that `requires` it.
 * Cells are only ever hidden, so this ends. Tests check the result against a separate
 * implementation of the reader's chains and against exact linear algebra over the same sums.
 */

export interface SumLines {
  /** Cells per line, each line's total first: `cells[starts[i]]` is line i's total. */
  cells: Int32Array;
  /** Where each line starts in `cells`; one more entry than there are lines. */
  starts: Int32Array;
  /** Whether a line's parts rest on different journeys (then a union is a plain sum). */
  disjoint: Uint8Array;
}

export interface SumTable {
  k: number;
  /** Journeys each cell rests on. */
  count: Uint32Array;
  /** 1: never shown (too small, a cohort never shown, a figure never published). */
  hidden: Uint8Array;
  /** 1: decided elsewhere (shown or hidden as `hidden` says); never hidden here. */
  fixed: Uint8Array;
  /** Lower ranks are hidden first when a complement must be found. */
  rank: Int32Array;
  /** A cell shown only when this other cell is shown (-1: none). */
  requires: Int32Array;
  lines: SumLines;
  /** The journeys resting under any of these cells, all in one line that is not disjoint. */
  union(cells: readonly number[]): number;
}

/** Builds the compact line list from plain arrays (totals first). */
export function linesOf(lines: { cells: number[]; disjoint: boolean }[]): SumLines {
  const starts = new Int32Array(lines.length + 1);
  let n = 0;
  lines.forEach((l, i) => {
    starts[i] = n;
    n += l.cells.length;
  });
  starts[lines.length] = n;
  const cells = new Int32Array(n);
  const disjoint = new Uint8Array(lines.length);
  lines.forEach((l, i) => {
    cells.set(l.cells, starts[i]!);
    disjoint[i] = l.disjoint ? 1 : 0;
  });
  return { cells, starts, disjoint };
}

/** The lines each cell is in (CSR: `of.subarray(at[c], at[c + 1])`). */
function linesByCell(cellCount: number, lines: SumLines): { at: Int32Array; of: Int32Array } {
  const at = new Int32Array(cellCount + 1);
  for (const c of lines.cells) at[c + 1]!++;
  for (let c = 0; c < cellCount; c++) at[c + 1]! += at[c]!;
  const fill = at.slice(0, cellCount);
  const of = new Int32Array(lines.cells.length);
  const lineCount = lines.starts.length - 1;
  for (let l = 0; l < lineCount; l++) {
    for (let i = lines.starts[l]!; i < lines.starts[l + 1]!; i++) of[fill[lines.cells[i]!]!++] = l;
  }
  return { at, of };
}

/** What a reader knows: shown cells, and cells worked out along chains of sums. */
export interface Knowledge {
  known: Uint8Array;
  /** For a worked-out cell, the line that gave it; -1 otherwise. */
  via: Int32Array;
}

/** Buffers for `knowledgeOf`, reused from call to call (it runs many times per table). */
interface Scratch {
  unknown: Int32Array;
  queue: Int32Array;
}

export function knowledgeOf(
  cellCount: number,
  lines: SumLines,
  hidden: Uint8Array,
  byCell = linesByCell(cellCount, lines),
  out: Knowledge = { known: new Uint8Array(cellCount), via: new Int32Array(cellCount) },
  scratch?: Scratch,
): Knowledge {
  const { known, via } = out;
  for (let c = 0; c < cellCount; c++) known[c] = hidden[c] ? 0 : 1;
  via.fill(-1);
  const lineCount = lines.starts.length - 1;
  const unknown = scratch?.unknown ?? new Int32Array(lineCount);
  // Each line enters the queue at most once per unknown it loses: at most its length in all.
  const queue = scratch?.queue ?? new Int32Array(lines.cells.length + lineCount);
  let tail = 0;
  const { starts, cells } = lines;
  for (let l = 0; l < lineCount; l++) {
    let u = 0;
    for (let i = starts[l]!; i < starts[l + 1]!; i++) if (!known[cells[i]!]) u++;
    unknown[l] = u;
    if (u === 1) queue[tail++] = l;
  }
  // Lines in a fixed order (first in, first out), so `via` never depends on the data's order.
  for (let q = 0; q < tail; q++) {
    const l = queue[q]!;
    if (unknown[l] !== 1) continue;
    let x = -1;
    for (let i = starts[l]!; i < starts[l + 1]!; i++) if (!known[cells[i]!]) x = cells[i]!;
    known[x] = 1;
    via[x] = l;
    for (let i = byCell.at[x]!; i < byCell.at[x + 1]!; i++) {
      const l2 = byCell.of[i]!;
      if (--unknown[l2]! === 1) queue[tail++] = l2;
    }
  }
  return out;
}

/** How many pairs of cells are tried for one leak before one cell is hidden and the rest left. */
const MAX_PAIRS = 24;

/** Hides cells until no hidden figure, and no sum of hidden ones, rests on 1 … k−1 journeys. */
export function suppressSums(t: SumTable): Uint8Array {
  const cellCount = t.count.length;
  const { lines, k } = t;
  const hidden = t.hidden.slice();
  for (let c = 0; c < cellCount; c++) if (!t.fixed[c] && t.count[c]! < k) hidden[c] = 1;
  const byCell = linesByCell(cellCount, lines);
  const lineCount = lines.starts.length - 1;
  const restCache = new Map<string, number>();
  /** The journeys under some unknown parts of a line. */
  const restOf = (l: number, parts: number[]): number => {
    let sum = 0;
    let max = 0;
    for (const c of parts) {
      sum += t.count[c]!;
      if (t.count[c]! > max) max = t.count[c]!;
    }
    if (lines.disjoint[l] || sum < k || max >= k) return sum;
    const key = parts.join(',');
    let r = restCache.get(key);
    if (r === undefined) restCache.set(key, (r = t.union(parts)));
    return r;
  };
  const better = (a: number, b: number) =>
    b < 0 ||
    t.rank[a]! < t.rank[b]! ||
    (t.rank[a] === t.rank[b] &&
      (t.count[a]! < t.count[b]! || (t.count[a] === t.count[b] && a < b)));
  const byPreference = (a: number, b: number) => (better(a, b) ? -1 : 1);
  const scratch: Scratch = {
    unknown: new Int32Array(lineCount),
    queue: new Int32Array(lines.cells.length + lineCount),
  };
  const mainKnowledge: Knowledge = {
    known: new Uint8Array(cellCount),
    via: new Int32Array(cellCount),
  };
  const trialKnowledge: Knowledge = {
    known: new Uint8Array(cellCount),
    via: new Int32Array(cellCount),
  };
  const knowledge = () => knowledgeOf(cellCount, lines, hidden, byCell, mainKnowledge, scratch);
  /** Cells that require each cell (the same figure in the parts of the whole cohort). */
  const requiredBy = new Map<number, number[]>();
  for (let c = 0; c < cellCount; c++) {
    const r = t.requires[c]!;
    if (r < 0) continue;
    const xs = requiredBy.get(r);
    if (xs) xs.push(c);
    else requiredBy.set(r, [c]);
  }
  /** Shown cells to hide with these: themselves, and those that are shown only with them. */
  const withDependents = (cells: number[]) => {
    const out: number[] = [];
    const stack = [...cells];
    while (stack.length) {
      const c = stack.pop()!;
      if (hidden[c] || t.fixed[c] || out.includes(c)) continue;
      out.push(c);
      stack.push(...(requiredBy.get(c) ?? []));
    }
    return out;
  };
  /** The shown cells of a line one may hide (not `except`, not decided elsewhere). */
  const shownIn = (l: number, except: number) => {
    const out: number[] = [];
    for (let i = lines.starts[l]!; i < lines.starts[l + 1]!; i++) {
      const c = lines.cells[i]!;
      if (c !== except && !hidden[c] && !t.fixed[c]) out.push(c);
    }
    return out.sort(byPreference);
  };
  /** Whether every cell of a line but `except` is known. */
  const othersKnown = (l: number, except: number, known: Uint8Array) => {
    for (let i = lines.starts[l]!; i < lines.starts[l + 1]!; i++) {
      const c = lines.cells[i]!;
      if (c !== except && !known[c]) return false;
    }
    return true;
  };
  /** Whether the unknown parts of a line whose total is known rest on 0 or ≥ k journeys. */
  const partsSafe = (l: number, known: Uint8Array) => {
    const s = lines.starts[l]!;
    if (!known[lines.cells[s]!]) return true;
    const unknown: number[] = [];
    for (let i = s + 1; i < lines.starts[l + 1]!; i++) {
      if (!known[lines.cells[i]!]) unknown.push(lines.cells[i]!);
    }
    if (unknown.length === 0) return true;
    // One unknown part is worked out: whether it may be is the other check's question.
    if (unknown.length === 1) return true;
    const rest = restOf(l, unknown);
    return rest === 0 || rest >= k;
  };

  /** The first leak, in a fixed order: a worked-out small cell, or a sum of small unknowns. */
  const firstLeak = (known: Uint8Array): { cell: number; line: number } | null => {
    for (let c = 0; c < cellCount; c++) {
      if (hidden[c] && known[c] && t.count[c]! > 0 && t.count[c]! < k) return { cell: c, line: -1 };
    }
    for (let l = 0; l < lineCount; l++) if (!partsSafe(l, known)) return { cell: -1, line: l };
    return null;
  };

  /** The shown cells that the known cells of a line (but `except`) were worked out from. */
  const supportOf = (line: number, except: number, known: Uint8Array, via: Int32Array) => {
    const out = new Set<number>();
    const seen = new Set<number>();
    const stack: number[] = [];
    const visit = (l: number, skip: number) => {
      for (let i = lines.starts[l]!; i < lines.starts[l + 1]!; i++) {
        const c = lines.cells[i]!;
        if (c === skip || !known[c] || seen.has(c)) continue;
        seen.add(c);
        if (!hidden[c]) {
          if (!t.fixed[c]) out.add(c);
        } else if (via[c]! >= 0) stack.push(c);
      }
    };
    visit(line, except);
    while (stack.length) {
      const c = stack.pop()!;
      visit(via[c]!, c);
    }
    return [...out].sort(byPreference);
  };

  // One leak at a time, then look again: what a reader knows changes with every hidden cell.
  for (;;) {
    // A figure of a part of a split is shown only when the whole cohort's is.
    for (let c = 0; c < cellCount; c++) {
      const r = t.requires[c]!;
      if (r >= 0 && hidden[r] && !hidden[c] && !t.fixed[c]) hidden[c] = 1;
    }
    const { known, via } = knowledge();
    const leak = firstLeak(known);
    if (!leak) return hidden;
    // The sum to cut: for a worked-out cell, of the sums in which it is the only unknown, the
    // one with the best shown cell to hide (each such sum is cut in turn); else the sum itself.
    let cut = leak.line;
    let candidates: number[] = [];
    if (leak.cell >= 0) {
      const x = leak.cell;
      for (let i = byCell.at[x]!; i < byCell.at[x + 1]!; i++) {
        const l = byCell.of[i]!;
        if (!othersKnown(l, x, known)) continue;
        if (cut < 0) cut = l;
        const xs = shownIn(l, x);
        if (xs.length && (!candidates.length || better(xs[0]!, candidates[0]!))) {
          cut = l;
          candidates = xs;
        }
      }
    } else candidates = shownIn(cut, -1);
    // None shown in it: the shown cells its known cells were worked out from.
    if (!candidates.length) candidates = supportOf(cut, leak.cell, known, via);
    // Only figures decided elsewhere are left: keeping them safe is theirs to do.
    if (!candidates.length) return hidden;
    const resolved = (kn: Uint8Array) =>
      leak.cell >= 0 ? !othersKnown(cut, leak.cell, kn) : partsSafe(cut, kn);
    const chosen = chooseCut(candidates, resolved);
    for (const c of withDependents(chosen)) hidden[c] = 1;
  }

  /**
   * The first candidate whose hiding cuts the leak; else the first with one more cell, from a sum
   * that would still give the candidate away (a cell hidden in a row of a table needs a
   * complement in its column too); else the first candidate alone, and look again.
   */
  function chooseCut(candidates: number[], resolved: (known: Uint8Array) => boolean): number[] {
    const tryHide = (cells: number[]) => {
      const all = withDependents(cells);
      for (const c of all) hidden[c] = 1;
      const kn = knowledgeOf(cellCount, lines, hidden, byCell, trialKnowledge, scratch).known;
      for (const c of all) hidden[c] = 0;
      return kn;
    };
    const pairs: number[][] = [];
    for (const c of candidates) {
      const kn = tryHide([c]);
      if (resolved(kn)) return [c];
      hidden[c] = 1;
      const partners = new Set<number>();
      for (let i = byCell.at[c]!; i < byCell.at[c + 1]!; i++) {
        const l = byCell.of[i]!;
        if (othersKnown(l, c, kn)) for (const p of shownIn(l, c)) partners.add(p);
      }
      hidden[c] = 0;
      for (const p of [...partners].sort(byPreference)) pairs.push([c, p]);
    }
    // The nearest few pairs; past them, one cell now and look again is as good.
    for (const pair of pairs.slice(0, MAX_PAIRS)) if (resolved(tryHide(pair))) return pair;
    return [candidates[0]!];
  }
}
