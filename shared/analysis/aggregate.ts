import type { PriceList } from '../economy/prices';
import type { AgeBand, ModelPathway, PathwayModel } from '../model/pathway-model';
import { AGE_BANDS, refNumber } from '../model/pathway-model';
import {
  costItemsOf,
  costState,
  costViewOf,
  forgetItemCodes,
  itemCodeId,
  itemCodesSize,
  itemCodeName,
  priceListKey,
  type CostCohortRow,
  type CostItems,
  type CostState,
  type CostView,
} from './cost-aggregate';
import {
  CONDITION_GROUPS,
  MUNICIPALITIES,
  SEXES,
  type ConditionGroup,
  type Municipality,
  type Sex,
} from '../vocabulary';

/**
 * Aggregation of many anonymised pathway models, with small-number suppression.
 *
 * Every figure is a count of journeys under a key (an edge of the process map, a variant, a pain
 * category …) in a cohort chosen by filters, or a statistic of values from those journeys. A figure
 * is shown only when:
 *  1. it rests on at least k journeys;
 *  2. it is shown in every wider cohort (the filter with one condition removed), so a hidden
 *     figure cannot be rebuilt as the sum of narrower shown ones;
 *  3. among its siblings — the same key in the cohorts that split the wider cohort along the
 *     removed condition (every value of that field, and "not stated") — the hidden ones are none,
 *     or at least two that together rest on at least k journeys. Then no hidden figure can be read
 *     off as "wider minus the shown siblings", and a filtered view never differs from a wider one
 *     by fewer than k journeys.
 * Cells that partition the cohort inside one view (variants, bands of contacts and of length) get
 * the same complementary suppression against the cohort's total.
 */
export const DEFAULT_K = 5;

export const FILTER_FIELDS = ['ageBand', 'sex', 'municipality', 'conditionGroup'] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];

/** Each field: absent for everyone, a value, or null for "not stated". */
export interface CohortFilter {
  ageBand?: AgeBand | null;
  sex?: Sex | null;
  municipality?: Municipality | null;
  /** Journeys of citizens with this condition group (among others). */
  conditionGroup?: ConditionGroup;
  map?: 'asIs' | 'toBe';
}

/**
 * One field at a time: with two, cohorts that are never shown (women in Lolland) could be worked
 * out from ones that are (women, Lolland, everyone), along chains no per-cell rule can see.
 */
export const ONE_FIELD = 'a cohort is chosen by one field at a time';

export const FILTER_VALUES = {
  ageBand: AGE_BANDS,
  sex: SEXES,
  municipality: MUNICIPALITIES,
  conditionGroup: CONDITION_GROUPS,
} as const;

/** A shown figure, or a hidden one (never its value). */
export type Cell<T> = { shown: true; journeys: number; value: T } | { shown: false };
/** A shown drop's cell, its median change known. */
type ShownDrop = Extract<Cell<{ medianChange: number }>, { shown: true }>;

export type SuppressionReason = 'cohort_small' | 'complement_small';

export interface ProcessGraph {
  /** Node id: a sector, or "sector|contactType" one level down. */
  nodes: { id: string; sector: string; contactType: string | null; cell: Cell<null> }[];
  edges: { from: string; to: string; cell: Cell<{ medianDays: number | null }> }[];
}

export interface Distribution {
  /** The median over the cohort's journeys (for length: those with dated events). */
  median: number | null;
  bands: { band: string; cell: Cell<null> }[];
}

export interface Aggregate {
  k: number;
  map: 'asIs' | 'toBe';
  /** Journeys in the filtered cohort, shown only when safe. */
  cohort: Cell<number>;
  /** Set when the whole view is hidden, and why. */
  suppressed: SuppressionReason | null;
  /** Directly-follows graph of sectors: journeys having the edge, median days on it. */
  processMap: ProcessGraph;
  /** The same one level down: sector + contact type. */
  processMapDetailed: ProcessGraph;
  /** Recurring pathways (sector sequences); they partition the cohort. */
  variants: { sequence: string[]; cell: Cell<null> }[];
  /**
   * Whether some pathways are hidden. They are not listed one by one: with many journeys most
   * pathways are unique, and a row per hidden one would say nothing but "hidden".
   */
  otherVariantsHidden: boolean;
  /**
   * How pathways begin: their first BEGINNING_STEPS sectors (repeats of a sector in a row count
   * once). Whole pathways of many events are nearly all unique; their beginnings recur. They
   * partition the cohort as variants do, and are suppressed the same way.
   */
  beginnings: { sequence: string[]; cell: Cell<null> }[];
  otherBeginningsHidden: boolean;
  /** Sector × sector handovers: journeys, share rated broken, median waiting days. */
  handovers: {
    from: string;
    to: string;
    cell: Cell<{ brokenShare: number | null; medianWaitingDays: number | null }>;
  }[];
  emotionBySector: { sector: string; cell: Cell<{ median: number }> }[];
  emotionByContact: {
    sector: string;
    contactType: string | null;
    cell: Cell<{ median: number }>;
  }[];
  /**
   * Where emotion falls from one touchpoint to the next, by sector pair, sharpest drop first: only
   * shown pairs whose median change is below zero.
   */
  emotionDrops: { from: string; to: string; cell: Cell<{ medianChange: number }> }[];
  /**
   * Sector pairs with a feeling on both sides that are hidden (too few journeys): not known to be
   * drops, so not listed, but counted so the view can say that they are left out.
   */
  emotionDropsHidden: number;
  /** Pain-point categories, by journeys reporting them, most first. */
  painCategories: { category: string; cell: Cell<null> }[];
  /** Pain-point categories by the aim of the ideas that address them. */
  painByAim: { aim: string; category: string; cell: Cell<null> }[];
  /** Ideas by aim and pain category. */
  ideas: { aim: string; category: string; cell: Cell<null> }[];
  /** Journeys per service (catalogue code). */
  services: { serviceCode: string; cell: Cell<null> }[];
  contactsPerJourney: Distribution;
  journeyLength: Distribution;
  /**
   * What the cohort's journeys cost by the price list given to `aggregate`, suppressed like every
   * other figure (see cost-aggregate.ts). Absent when no price list was given.
   */
  cost?: CostView;
}

export function median(values: ArrayLike<number>): number | null {
  // Selected in a copy, not sorted: the views take medians over every journey of a cohort, for
  // hundreds of keys.
  return values.length === 0 ? null : medianInPlace(new Float64Array(values));
}

/** The median of a non-empty `s`, whose order it changes (selected in place). */
function medianInPlace(s: Float64Array): number {
  const n = s.length;
  const mid = n >> 1;
  selectNth(s, mid);
  if (n % 2) return s[mid]!;
  // Everything before `mid` is at most s[mid]: the largest of it is the lower middle.
  let lower = s[0]!;
  for (let i = 1; i < mid; i++) if (s[i]! > lower) lower = s[i]!;
  return (lower + s[mid]!) / 2;
}

/**
 * Moves the k-th smallest of `a` to `a[k]`, with nothing larger before it and nothing smaller
 * after it (Hoare's selection, the pivot the middle of three; equal values split evenly). Values
 * come from imported files: a crafted order that keeps the pivots poor gets the rest sorted
 * instead, so it never takes more than a sort would.
 */
function selectNth(a: Float64Array, k: number): void {
  let lo = 0;
  let hi = a.length - 1;
  let rounds = 2 * Math.ceil(Math.log2(a.length + 1)) + 8;
  while (hi > lo) {
    if (--rounds < 0) {
      a.subarray(lo, hi + 1).sort();
      return;
    }
    const x = a[lo]!;
    const y = a[(lo + hi) >> 1]!;
    const z = a[hi]!;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i++] = a[j]!;
        a[j--] = t;
      }
    }
    // Now a[lo..j] ≤ pivot, a[i..hi] ≥ pivot, and what lies between equals it.
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

/** The median of `v[start]`..`v[end - 1]` (one journey's values for one key), sorted in place. */
function medianOfFew(v: Float64Array, start: number, end: number): number {
  if (end - start > 32) v.subarray(start, end).sort();
  else {
    for (let i = start + 1; i < end; i++) {
      const x = v[i]!;
      let j = i - 1;
      for (; j >= start && v[j]! > x; j--) v[j + 1] = v[j]!;
      v[j + 1] = x;
    }
  }
  const mid = start + ((end - start) >> 1);
  return (end - start) % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
}

const constraintsOf = (f: CohortFilter): FilterField[] =>
  FILTER_FIELDS.filter((d) => f[d] !== undefined);

/** Which part of a split along `field` a model falls in. */
function partOf(c: PathwayModel['cohort'], field: FilterField, f: CohortFilter): string {
  if (field === 'conditionGroup') {
    return c.conditionGroups.includes(f.conditionGroup!) ? 'yes' : 'no';
  }
  return String(c[field]);
}

function partOfFilter(field: FilterField, f: CohortFilter): string {
  return field === 'conditionGroup' ? 'yes' : String(f[field]);
}

function cohortMatches(c: PathwayModel['cohort'], f: CohortFilter): boolean {
  return constraintsOf(f).every((d) => partOf(c, d, f) === partOfFilter(d, f));
}

export const matches = (m: PathwayModel, f: CohortFilter): boolean => cohortMatches(m.cohort, f);

const signature = (f: CohortFilter) =>
  constraintsOf(f)
    .map((d) => `${d}=${String(f[d])}`)
    .join('&');

/**
 * Cells that partition a total (each journey in exactly one) can be recovered from the total by
 * subtraction. Hide further cells, smallest first, until the hidden ones together rest on at
 * least k journeys and there are at least two of them — or none at all. `hidden` marks cells
 * already hidden for other reasons.
 */
export function suppressPartition(counts: number[], k: number, hidden?: boolean[]): boolean[] {
  const shown = counts.map((n, i) => n >= k && !hidden?.[i]);
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

// ---------------------------------------------------------------------------------------------
// What one journey contributes: each key once, with the values it brings to statistics.

/**
 * Figure keys are interned as small numbers, so counting journeys over a cohort is adding ones
 * into an array: the views for 1,500 models are recomputed many times per filter change.
 */
const KEY_IDS = new Map<string, number>();
const KEY_NAMES: string[] = [];
/** The characters of every key and name the tables hold (see `keyTablesSize`). */
let tableChars = 0;
function idOf(key: string): number {
  let id = KEY_IDS.get(key);
  if (id === undefined) {
    id = KEY_NAMES.length;
    KEY_NAMES.push(key);
    KEY_IDS.set(key, id);
    tableChars += key.length;
    if (id >= seenStamp.length) {
      seenStamp = growable(seenStamp, id);
      valueSlot = growable(valueSlot, id);
    }
  }
  return id;
}

/** What one journey contributes: each key once, and the values it brings to statistics. */
interface Contribution {
  ids: Int32Array;
  /** The keys of statistics, and the journey's one value for each. */
  valueIds: Int32Array;
  values: Float64Array;
}

const CONTACT_BANDS = [
  [0, 0, '0'],
  [1, 5, '1-5'],
  [6, 10, '6-10'],
  [11, 20, '11-20'],
  [21, 50, '21-50'],
  [51, 100, '51-100'],
  [101, Infinity, '101+'],
] as const;
const LENGTH_BANDS = [
  [0, 0, '0'],
  [1, 30, '1-30'],
  [31, 90, '31-90'],
  [91, 180, '91-180'],
  [181, 365, '181-365'],
  [366, 730, '366-730'],
  [731, Infinity, '731+'],
] as const;
/** How many sectors of a pathway's beginning are compared (see `Aggregate.beginnings`). */
export const BEGINNING_STEPS = 3;
export const CONTACT_BAND_ORDER = CONTACT_BANDS.map((b) => b[2]);
export const LENGTH_BAND_ORDER = [...LENGTH_BANDS.map((b) => b[2]), 'unknown'];

const bandOf = (bands: readonly (readonly [number, number, string])[], n: number) =>
  bands.find(([lo, hi]) => n >= lo && n <= hi)![2];

const nodeOf = (sector: string, contactType: string | null) =>
  `${sector}|${contactType ?? 'unspecified'}`;

function sequenceOf(p: ModelPathway): string[] {
  const out: string[] = [];
  for (const t of p.touchpoints) if (out[out.length - 1] !== t.sector) out.push(t.sector);
  return out;
}

/**
 * Names met in models (sectors, nodes, categories, codes) as small numbers, so the id of a key
 * like "pm:general_practice>hospital" is found by arithmetic and one numeric lookup: a journey of
 * 100 events touches about a thousand keys, and the key text is built only the first time.
 */
const NAME_IX = new Map<string, number>();
const NAMES: string[] = [];
function nameIx(name: string): number {
  let ix = NAME_IX.get(name);
  if (ix === undefined) {
    ix = NAMES.length;
    NAMES.push(name);
    NAME_IX.set(name, ix);
    tableChars += name.length;
  }
  return ix;
}

/** Key ids of one kind of figure about one name ("ns:hospital"). */
class OneNameKeys {
  private readonly ids: number[] = [];
  constructor(private readonly prefix: string) {}
  forget(): void {
    this.ids.length = 0;
  }
  id(ix: number): number {
    let id = this.ids[ix];
    if (id === undefined) this.ids[ix] = id = idOf(this.prefix + NAMES[ix]!);
    return id;
  }
}

/** Key ids of one kind of figure about a pair of names ("pm:general_practice>hospital"). */
class TwoNameKeys {
  /** By the first name's index, then the second's: arrays, looked up for every step folded. */
  private readonly ids: number[][] = [];
  constructor(private readonly prefix: string) {}
  forget(): void {
    this.ids.length = 0;
  }
  id(a: number, b: number): number {
    const row = (this.ids[a] ??= []);
    let id = row[b];
    if (id === undefined) row[b] = id = idOf(`${this.prefix}${NAMES[a]!}>${NAMES[b]!}`);
    return id;
  }
}

const K = {
  sector: new OneNameKeys('ns:'),
  node: new OneNameKeys('nc:'),
  service: new OneNameKeys('sv:'),
  emotion: new OneNameKeys('em:'),
  emotionByNode: new OneNameKeys('ec:'),
  pain: new OneNameKeys('pn:'),
  contactBand: new OneNameKeys('cb:'),
  lengthBand: new OneNameKeys('lb:'),
  step: new TwoNameKeys('pm:'),
  stepByNode: new TwoNameKeys('pc:'),
  drop: new TwoNameKeys('dr:'),
  handover: new TwoNameKeys('ho:'),
  broken: new TwoNameKeys('hb:'),
  notBroken: new TwoNameKeys('hn:'),
  waiting: new TwoNameKeys('hw:'),
  idea: new TwoNameKeys('id:'),
  painByAim: new TwoNameKeys('pa:'),
};

/** A node ("sector|contactType") as a name index, from the indexes of its sector and type. */
const NODE_IX: number[][] = [];

/**
 * What the key tables hold: the keys, names and item codes met so far, and their characters. They only grow,
 * since an id must name the same key for as long as any fold, count or packed journey holds it: in
 * the main process (whose folds are the views') as long as the process runs.
 */
export function keyTablesSize(): { keys: number; chars: number } {
  const items = itemCodesSize();
  return { keys: KEY_NAMES.length + NAMES.length + items.codes, chars: tableChars + items.chars };
}

/**
 * Forgets every key, name and item code met: the tables start empty, and ids are given again from
 * 0. Only for a process that keeps nothing holding ids between its calls — a checking thread,
 * whose folds leave it as records that name their keys (`packFolded`): a crafted model can bring
 * thousands of codes and pathways of its own, which the tables would otherwise keep for good.
 */
export function forgetKeys(): void {
  KEY_IDS.clear();
  KEY_NAMES.length = 0;
  NAME_IX.clear();
  NAMES.length = 0;
  NODE_IX.length = 0;
  tableChars = 0;
  for (const keys of Object.values(K)) keys.forget();
  forgetItemCodes();
}
function nodeIx(sector: string, sectorIx: number, contactType: string | null): number {
  const typeIx = contactType === null ? 0 : nameIx(contactType) + 1;
  const row = (NODE_IX[sectorIx] ??= []);
  let ix = row[typeIx];
  if (ix === undefined) row[typeIx] = ix = nameIx(nodeOf(sector, contactType));
  return ix;
}

/**
 * Scratch space for `contributionOf`, reused from journey to journey, so a journey's thousand
 * figures allocate nothing until its result is copied out: which key ids this journey has (a
 * stamp per id instead of a new set each time; grown with the key table, see `idOf`), where its
 * values for an id are, and its ids and values in the order they were met.
 */
let seenStamp = new Uint32Array(1024);
let valueSlot = new Int32Array(1024);
let stamp = 0;
/** `a` if index `n` fits in it, else a copy at least twice as long. */
function growable<T extends Uint32Array | Int32Array | Float64Array>(a: T, n: number): T {
  if (n < a.length) return a;
  const grown = new (a.constructor as new (n: number) => T)(Math.max(n + 1, a.length * 2));
  grown.set(a);
  return grown;
}
let idList = new Int32Array(1024);
let slotIds = new Int32Array(256);
/** Each value met, and the slot (the index among the journey's statistic keys) it is for. */
let metSlot = new Int32Array(1024);
let metValue = new Float64Array(1024);
let slotStart = new Int32Array(256);
let grouped = new Float64Array(1024);
let pairs = new Int32Array(512);
let tpSectors = new Int32Array(256);
let tpNodes = new Int32Array(256);

/** The refs a model's touchpoints have when written as the app writes them: t1, t2 … */
const PLAIN_REFS: string[] = [];
const plainRef = (i: number) => (PLAIN_REFS[i] ??= `t${i + 1}`);
function contributionOf(m: PathwayModel, map: 'asIs' | 'toBe'): Contribution {
  stamp++;
  let nIds = 0;
  let nSlots = 0;
  let nMet = 0;
  const add = (id: number, value?: number) => {
    if (seenStamp[id] !== stamp) {
      seenStamp[id] = stamp;
      idList = growable(idList, nIds);
      idList[nIds++] = id;
      valueSlot[id] = -1;
    }
    if (value === undefined) return;
    let slot = valueSlot[id]!;
    if (slot < 0) {
      slot = valueSlot[id] = nSlots;
      slotIds = growable(slotIds, nSlots);
      slotIds[nSlots++] = id;
    }
    if (nMet >= metSlot.length) {
      metSlot = growable(metSlot, nMet);
      metValue = growable(metValue, nMet);
    }
    metSlot[nMet] = slot;
    metValue[nMet++] = value;
  };
  const has = (id: number) => seenStamp[id] === stamp;
  const p = m[map];
  const tps = p.touchpoints;
  add(idOf('n'));
  let contacts = 0;
  let dated = false;
  let lo = 0;
  let hi = 0;
  tpSectors = growable(tpSectors, tps.length);
  tpNodes = growable(tpNodes, tps.length);
  const sectors = tpSectors;
  const nodes = tpNodes;
  // Whether every touchpoint has the ref the app gives it (t1, t2 … in order): then a ref is
  // found by its number, with no map of the journey's refs.
  let plain = true;
  for (let i = 0; i < tps.length; i++) {
    const t = tps[i]!;
    if (plain && t.ref !== plainRef(i)) plain = false;
    const s = (sectors[i] = nameIx(t.sector));
    const nb = (nodes[i] = nodeIx(t.sector, s, t.contactType));
    add(K.sector.id(s));
    add(K.node.id(nb));
    if (t.serviceCode) add(K.service.id(nameIx(t.serviceCode)));
    if (t.emotion !== null) {
      add(K.emotion.id(s), t.emotion);
      add(K.emotionByNode.id(nb), t.emotion);
    }
    for (let q = 0; q < t.painPoints.length; q++) {
      add(K.pain.id(nameIx(t.painPoints[q]!.category)));
    }
    // The citizen's own life is part of the story, not a contact with a service.
    if (t.sector !== 'citizen') contacts += t.repetitions ?? 1;
    if (t.day !== null) {
      if (!dated) {
        dated = true;
        lo = hi = t.day;
      } else if (t.day < lo) lo = t.day;
      else if (t.day > hi) hi = t.day;
    }
    if (i === 0) continue;
    const a = tps[i - 1]!;
    const sa = sectors[i - 1]!;
    // Days between two steps only where the dates agree with the order on the map: a card
    // placed after one dated later has no interval to give (a negative one would pull the
    // median below what any journey waited).
    const days = a.day !== null && t.day !== null && t.day >= a.day ? t.day - a.day : undefined;
    if (sa !== s) add(K.step.id(sa, s), days);
    const na = nodes[i - 1]!;
    if (na !== nb) add(K.stepByNode.id(na, nb), days);
    if (a.emotion !== null && t.emotion !== null) add(K.drop.id(sa, s), t.emotion - a.emotion);
  }
  // A ref names the last touchpoint that has it.
  let byRef: Map<string, number> | null = null;
  const sectorOf = (ref: string): number | undefined => {
    if (plain) {
      // A plain ref's number is its touchpoint's place (`refNumber`: `t` and digits, no zero in
      // front, so the ref is exactly `plainRef` of that place).
      const i = refNumber(ref) - 1;
      return i >= 0 && i < tps.length ? sectors[i] : undefined;
    }
    if (!byRef) {
      byRef = new Map();
      for (let i = 0; i < tps.length; i++) byRef.set(tps[i]!.ref, sectors[i]!);
    }
    return byRef.get(ref);
  };
  let nRated = 0;
  for (let x = 0; x < p.transitions.length; x++) {
    const tr = p.transitions[x]!;
    const a = sectorOf(tr.from);
    const b = sectorOf(tr.to);
    if (a === undefined || b === undefined) continue;
    add(K.handover.id(a, b));
    if (tr.quality === 'broken') add(K.broken.id(a, b));
    else if (tr.quality !== null) {
      pairs = growable(pairs, 2 * nRated + 1);
      pairs[2 * nRated] = a;
      pairs[2 * nRated++ + 1] = b;
    }
    if (tr.waitingDays !== null) add(K.waiting.id(a, b), tr.waitingDays);
  }
  // One journey, one vote on a pair: broken if any of its handovers there was broken.
  for (let r = 0; r < nRated; r++) {
    const a = pairs[2 * r]!;
    const b = pairs[2 * r + 1]!;
    if (!has(K.broken.id(a, b))) add(K.notBroken.id(a, b));
  }
  // A pain point is addressed by an idea that names its category or its touchpoint. Where each
  // category first stands — in the journey, and under each ref — is found once, so an idea costs
  // its own refs and categories rather than every pain point again: a valid file of 1,000 ideas
  // and 800,000 pain points took minutes to fold. The keys come in the same order as pain point
  // by pain point (each category at the first pain point an idea addresses), so what a journey
  // brings is unchanged (FOLD_FORMAT).
  let firstAt: Map<string, number> | null = null;
  let firstAtRef: Map<string, Map<string, number>> | null = null;
  if (m.ideas.length > 0) {
    let at = 0;
    for (let i = 0; i < tps.length; i++) {
      const t = tps[i]!;
      for (const pp of t.painPoints) {
        firstAt ??= new Map();
        firstAtRef ??= new Map();
        if (!firstAt.has(pp.category)) firstAt.set(pp.category, at);
        let underRef = firstAtRef.get(t.ref);
        if (!underRef) firstAtRef.set(t.ref, (underRef = new Map()));
        if (!underRef.has(pp.category)) underRef.set(pp.category, at);
        at++;
      }
    }
  }
  for (const idea of m.ideas) {
    const cats = idea.painCategories.length ? idea.painCategories : ['none'];
    for (const aim of idea.aims) {
      for (const cat of cats) add(K.idea.id(nameIx(aim), nameIx(cat)));
    }
    if (!firstAt || !firstAtRef) continue;
    /** Each category the idea addresses, at the first pain point of it that it addresses. */
    const addressed = new Map<string, number>();
    const note = (cat: string, at: number | undefined) => {
      if (at === undefined) return;
      const was = addressed.get(cat);
      if (was === undefined || at < was) addressed.set(cat, at);
    };
    for (const cat of idea.painCategories) note(cat, firstAt.get(cat));
    for (const ref of idea.touchpointRefs) {
      const underRef = firstAtRef.get(ref);
      if (underRef) for (const [cat, at] of underRef) note(cat, at);
    }
    const inOrder = [...addressed].sort((a, b) => a[1] - b[1]);
    for (const [cat] of inOrder) {
      for (const aim of idea.aims) add(K.painByAim.id(nameIx(aim), nameIx(cat)));
    }
  }
  const sequence = sequenceOf(p);
  add(idOf(`va:${sequence.join('>')}`));
  add(idOf(`vb:${sequence.slice(0, BEGINNING_STEPS).join('>')}`));
  add(K.contactBand.id(nameIx(bandOf(CONTACT_BANDS, contacts))), contacts);
  add(idOf('contacts'), contacts);
  if (dated) {
    add(K.lengthBand.id(nameIx(bandOf(LENGTH_BANDS, hi - lo))));
    add(idOf('length'), hi - lo);
  } else add(K.lengthBand.id(nameIx('unknown')));
  // One journey, one value: a journey with many events must not decide a median on its own.
  // The values met are grouped by slot (counted, then placed) and each group's median taken.
  slotStart = growable(slotStart, nSlots + 1);
  slotStart.fill(0, 0, nSlots + 1);
  for (let i = 0; i < nMet; i++) slotStart[metSlot[i]! + 1]!++;
  for (let sl = 0; sl < nSlots; sl++) slotStart[sl + 1]! += slotStart[sl]!;
  grouped = growable(grouped, nMet);
  for (let i = 0; i < nMet; i++) grouped[slotStart[metSlot[i]!]!++] = metValue[i]!;
  // Each start has moved to its group's end: the group of slot sl ends at slotStart[sl].
  const one = new Float64Array(nSlots);
  for (let sl = 0; sl < nSlots; sl++) {
    const end = slotStart[sl]!;
    const start = sl === 0 ? 0 : slotStart[sl - 1]!;
    // `+ 0` makes a -0 (which a file may hold, and its canonical JSON writes as 0) a 0.
    one[sl] = (end - start > 1 ? medianOfFew(grouped, start, end) : grouped[start]!) + 0;
  }
  // Its keys and its statistics' keys in one new array, which both view: one allocation of
  // memory outside the heap fewer per journey (about 40 ms less over 15,000 journeys).
  const keys = new Int32Array(nIds + nSlots);
  keys.set(idList.subarray(0, nIds));
  keys.set(slotIds.subarray(0, nSlots), nIds);
  return { ids: keys.subarray(0, nIds), valueIds: keys.subarray(nIds), values: one };
}

/** Counts per key id that grow as new keys are met. */
class GrowingCounts {
  private counts = new Uint32Array(256);

  /** Adds (or takes away) one journey's keys; `max` is the largest of them. */
  add(ids: Int32Array, sign: 1 | -1, max: number): void {
    // Indexed loops: `for … of` over a typed array runs several times slower here, and this adds
    // every key of every journey into every cohort it counts in.
    const n = ids.length;
    const c = (this.counts = growable(this.counts, max));
    for (let i = 0; i < n; i++) c[ids[i]!]! += sign;
  }

  /** Adds `n[i]` journeys to key `ids[i]`, for each i. */
  addMany(ids: Int32Array, n: Uint32Array): void {
    let max = 0;
    for (let i = 0; i < ids.length; i++) if (ids[i]! > max) max = ids[i]!;
    const c = (this.counts = growable(this.counts, max));
    for (let i = 0; i < ids.length; i++) c[ids[i]!]! += n[i]!;
  }

  /** The keys with journeys, and how many. */
  nonZero(): { ids: Int32Array; journeys: Uint32Array } {
    const c = this.counts;
    let n = 0;
    for (let id = 0; id < c.length; id++) if (c[id] !== 0) n++;
    const ids = new Int32Array(n);
    const journeys = new Uint32Array(n);
    for (let id = 0, at = 0; id < c.length; id++) {
      if (c[id] !== 0) {
        ids[at] = id;
        journeys[at++] = c[id]!;
      }
    }
    return { ids, journeys };
  }

  /** A copy as long as the key table is now, so every known key reads as a number. */
  snapshot(): Uint32Array {
    const out = new Uint32Array(KEY_NAMES.length);
    out.set(this.counts.subarray(0, Math.min(this.counts.length, out.length)));
    return out;
  }
}

/**
 * What the fold keeps of one journey: who it is about (as coarse as the model), the figure keys
 * it has (so it can be taken away again) and its one value per statistic.
 */
interface FoldedJourney extends Contribution {
  exportId: string;
  cohort: PathwayModel['cohort'];
  /** What pricing reads of its touchpoints, both maps: priced when the views are computed. */
  cost: CostItems;
}

/** The names of cohorts chosen by one field's value ("ageBand=60-69"), each written once. */
const PART_NAMES = {
  ageBand: new Map<string | null, string>(),
  sex: new Map<string | null, string>(),
  municipality: new Map<string | null, string>(),
  conditionGroup: new Map<string | null, string>(),
};
function partName(field: FilterField, value: string | null): string {
  const names = PART_NAMES[field];
  let name = names.get(value);
  if (name === undefined) names.set(value, (name = `${field}=${String(value)}`));
  return name;
}

/**
 * Adds (or with -1 takes away) a journey's keys in every cohort it counts in: everyone, its value
 * of each field, each of its condition groups (once, however often the model names it).
 */
function countJourney(
  counted: Map<string, GrowingCounts>,
  j: Pick<FoldedJourney, 'cohort' | 'ids'>,
  sign: 1 | -1,
): void {
  const { cohort: c, ids } = j;
  let max = 0;
  for (let i = 0; i < ids.length; i++) if (ids[i]! > max) max = ids[i]!;
  countsOfPart(counted, '').add(ids, sign, max);
  countsOfPart(counted, partName('ageBand', c.ageBand)).add(ids, sign, max);
  countsOfPart(counted, partName('sex', c.sex)).add(ids, sign, max);
  countsOfPart(counted, partName('municipality', c.municipality)).add(ids, sign, max);
  const groups = c.conditionGroups;
  for (let g = 0; g < groups.length; g++) {
    if (groups.indexOf(groups[g]!) !== g) continue;
    countsOfPart(counted, partName('conditionGroup', groups[g]!)).add(ids, sign, max);
  }
}

function countsOfPart(counted: Map<string, GrowingCounts>, part: string): GrowingCounts {
  let counts = counted.get(part);
  if (!counts) counted.set(part, (counts = new GrowingCounts()));
  return counts;
}

/**
 * A fold as plain data and typed arrays, to move between threads: key ids are replaced by
 * indexes into `keys`, which every thread maps to ids of its own.
 */
export interface PackedFold {
  map: 'asIs' | 'toBe';
  keys: string[];
  exportIds: string[];
  cohorts: PathwayModel['cohort'][];
  /** Each journey's key indexes, one after the other; `idEnds[j]` ends journey j's. */
  ids: Int32Array;
  idEnds: Int32Array;
  valueIds: Int32Array;
  valueEnds: Int32Array;
  values: Float64Array;
  /** Item codes (sector|contactType|serviceCode) met; `costCodes` are indexes into it. */
  itemCodes: string[];
  /** Each journey's item codes, both maps; `costEnds[j]` ends journey j's. */
  costCodes: Int32Array;
  costEnds: Int32Array;
  /** Where each journey's to-be map begins among its own codes. */
  toBeAts: Int32Array;
  /** Each journey's [index, durationDays, repetitions] triples; `costExtraEnds[j]` ends j's. */
  costExtras: Float64Array;
  costExtraEnds: Int32Array;
  /**
   * Its journeys counted per cohort, when the fold was counting (`ModelFold.countAll`): per cohort
   * the key indexes it has and how many journeys have each. Merged, they spare the receiving fold
   * counting the journeys one by one. Only between threads, never in a stored record.
   */
  counts?: PackedCounts[];
  /**
   * Only between threads (`ModelFold.pack` given it): the key indexes are the sending thread's
   * own key ids, and `keys` names those from this id on, which it had not sent before. The
   * receiver keeps what the earlier ones stand for (`SenderKeys`), so a piece costs its sender a
   * copy of its arrays, not a look-up per key of every journey.
   */
  keyBase?: number;
}

/**
 * What one sending thread's key ids stand for in this thread, from the pieces it sent so far
 * (`PackedFold.keyBase`), which are taken apart in the order they were sent.
 */
export class SenderKeys {
  readonly ids: number[] = [];
}

export interface PackedCounts {
  part: string;
  keys: Int32Array;
  journeys: Uint32Array;
}

/**
 * A packed fold's typed arrays, by name and kind, in one order: those of its map, then those
 * pricing reads (the same in both maps' folds of a batch). What moves between threads and what a
 * fold record holds (fold-store.ts) are written from these lists.
 */
export const PACKED_MAP_ARRAYS = [
  ['ids', Int32Array],
  ['idEnds', Int32Array],
  ['valueIds', Int32Array],
  ['valueEnds', Int32Array],
  ['values', Float64Array],
] as const;
export const PACKED_COST_ARRAYS = [
  ['costCodes', Int32Array],
  ['costEnds', Int32Array],
  ['toBeAts', Int32Array],
  ['costExtras', Float64Array],
  ['costExtraEnds', Int32Array],
] as const;

/** A packed fold's typed arrays, to move it to another thread rather than copy it. */
export function packedBuffers(p: PackedFold): ArrayBuffer[] {
  return [
    ...[...PACKED_MAP_ARRAYS, ...PACKED_COST_ARRAYS].map(([name]) => p[name].buffer as ArrayBuffer),
    ...(p.counts ?? []).flatMap((c) => [c.keys.buffer, c.journeys.buffer] as ArrayBuffer[]),
  ];
}

/**
 * The version of what a journey brings to a fold (`contributionOf`, `costItemsOf`): folds kept
 * beside stored models (electron/db/fold-store.ts) of another version are made again from the
 * models. Raise it with any change to what those functions give; a test pins their output.
 */
export const FOLD_FORMAT = 2;

/** What one model brings to a batch's two folds: its journey in each map (see `packFolded`). */
export type FoldedPair = Record<'asIs' | 'toBe', FoldedJourney>;

/**
 * A model's journeys, a few kB that keep nothing of the model but its cohort: an import folds each
 * model as soon as it is checked and lets it go, rather than keeping a batch of parsed models.
 */
export function foldedPair(m: PathwayModel): FoldedPair {
  const cost = costItemsOf(m);
  const journey = (map: 'asIs' | 'toBe'): FoldedJourney => ({
    exportId: m.exportId,
    cohort: m.cohort,
    ...contributionOf(m, map),
    cost,
  });
  return { asIs: journey('asIs'), toBe: journey('toBe') };
}

/** Journeys packed as two folds, one per map, in the order given, none left out. */
export function packFolded(pairs: readonly FoldedPair[]): Record<'asIs' | 'toBe', PackedFold> {
  return {
    asIs: packJourneys(
      'asIs',
      pairs.map((p) => p.asIs),
    ),
    toBe: packJourneys(
      'toBe',
      pairs.map((p) => p.toBe),
    ),
  };
}

/** Models packed as two folds, one per map, each journey in the order given, none left out. */
export function packModels(models: readonly PathwayModel[]): Record<'asIs' | 'toBe', PackedFold> {
  return packFolded(models.map(foldedPair));
}

/**
 * Scratch for `packJourneys`: each key id's index among the keys of the fold being packed, valid
 * where `packStamp` holds the current pack's stamp (no map, and nothing to clear between packs).
 */
let packIndex = new Int32Array(1024);
let packStamp = new Uint32Array(1024);
let packs = 0;

function packJourneys(
  map: 'asIs' | 'toBe',
  journeys: readonly FoldedJourney[],
  counted: Map<string, GrowingCounts> | null = null,
  keyBase?: number,
): PackedFold {
  // For another thread that knows this thread's keys below `keyBase` (`PackedFold.keyBase`): the
  // key ids as they are, and the names of those met since. Otherwise each key gets its index
  // among the keys the fold names, in the order met.
  const own = keyBase !== undefined;
  // Keys forgotten since the last piece (`forgetKeys`) would give its ids other meanings.
  if (own && keyBase > KEY_NAMES.length) throw new Error('keys forgotten between pieces');
  const keys: string[] = own ? KEY_NAMES.slice(keyBase) : [];
  if (KEY_NAMES.length > packStamp.length) {
    packIndex = growable(packIndex, KEY_NAMES.length);
    packStamp = growable(packStamp, KEY_NAMES.length);
  }
  const index = packIndex;
  const stamps = packStamp;
  const current = ++packs;
  const ix = (id: number) => {
    if (stamps[id] === current) return index[id]!;
    stamps[id] = current;
    keys.push(KEY_NAMES[id]!);
    return (index[id] = keys.length - 1);
  };
  const total = (f: (j: FoldedJourney) => Int32Array) =>
    journeys.reduce((n, j) => n + f(j).length, 0);
  const ids = new Int32Array(total((j) => j.ids));
  const valueIds = new Int32Array(total((j) => j.valueIds));
  const values = new Float64Array(valueIds.length);
  const idEnds = new Int32Array(journeys.length);
  const valueEnds = new Int32Array(journeys.length);
  let at = 0;
  let vat = 0;
  journeys.forEach((j, n) => {
    if (own) {
      // Copied whole: no look-up per key.
      ids.set(j.ids, at);
      valueIds.set(j.valueIds, vat);
      values.set(j.values, vat);
      at += j.ids.length;
      vat += j.valueIds.length;
    } else {
      for (let i = 0; i < j.ids.length; i++) ids[at++] = ix(j.ids[i]!);
      for (let i = 0; i < j.valueIds.length; i++) {
        valueIds[vat] = ix(j.valueIds[i]!);
        values[vat++] = j.values[i]!;
      }
    }
    idEnds[n] = at;
    valueEnds[n] = vat;
  });
  // Every key counted is a key of a journey here, already given its index above.
  const counts = counted
    ? [...counted].map(([part, c]): PackedCounts => {
        const { ids: keyIds, journeys: n } = c.nonZero();
        if (!own) for (let i = 0; i < keyIds.length; i++) keyIds[i] = ix(keyIds[i]!);
        return { part, keys: keyIds, journeys: n };
      })
    : undefined;
  return {
    ...(counts && { counts }),
    map,
    keys,
    ...(own && { keyBase }),
    exportIds: journeys.map((j) => j.exportId),
    cohorts: journeys.map((j) => j.cohort),
    ids,
    idEnds,
    valueIds,
    valueEnds,
    values,
    ...packCosts(journeys),
  };
}

/** What pricing reads of the journeys, packed: their item codes by name, and their extras. */
function packCosts(
  journeys: readonly FoldedJourney[],
): Pick<
  PackedFold,
  'itemCodes' | 'costCodes' | 'costEnds' | 'toBeAts' | 'costExtras' | 'costExtraEnds'
> {
  const itemIx = new Map<number, number>();
  const itemCodes: string[] = [];
  const costCodes = new Int32Array(journeys.reduce((n, j) => n + j.cost.codes.length, 0));
  const costEnds = new Int32Array(journeys.length);
  const toBeAts = new Int32Array(journeys.length);
  const costExtras = new Float64Array(
    journeys.reduce((n, j) => n + (j.cost.extras?.length ?? 0), 0),
  );
  const costExtraEnds = new Int32Array(journeys.length);
  let cat = 0;
  let xat = 0;
  journeys.forEach((j, n) => {
    const codes = j.cost.codes;
    for (let c = 0; c < codes.length; c++) {
      const id = codes[c]!;
      let i = itemIx.get(id);
      if (i === undefined) {
        itemIx.set(id, (i = itemCodes.length));
        itemCodes.push(itemCodeName(id));
      }
      costCodes[cat++] = i;
    }
    if (j.cost.extras) costExtras.set(j.cost.extras, xat);
    xat += j.cost.extras?.length ?? 0;
    costEnds[n] = cat;
    toBeAts[n] = j.cost.toBeAt;
    costExtraEnds[n] = xat;
  });
  return { itemCodes, costCodes, costEnds, toBeAts, costExtras, costExtraEnds };
}

/** `indexes` as the ids they stand for, in a new array of the kind given. */
function withIds<T extends Int32Array | Uint16Array>(
  indexes: Int32Array,
  idOfIndex: readonly number[],
  kind: new (n: number) => T,
): T {
  const out = new kind(indexes.length);
  for (let i = 0; i < indexes.length; i++) out[i] = idOfIndex[indexes[i]!]!;
  return out;
}

/** A packed fold taken apart into journeys and counts with this thread's key and item ids. */
interface Unpacked {
  journeys: FoldedJourney[];
  counts?: { part: string; keys: Int32Array; journeys: Uint32Array }[];
}

/**
 * Packed folds already taken apart (key ids only grow, so they stay right): merging a packed
 * fold's journeys one at a time (an import into open views) does not take it apart again, and a
 * thread can take pieces apart while others still fold (`unpack`), leaving only the adding for
 * the merge.
 */
const UNPACKED = new WeakMap<PackedFold, Unpacked>();

/** Takes a packed fold apart with this thread's ids, once; `merge` then only adds. */
export function unpack(p: PackedFold, sender?: SenderKeys): Unpacked {
  const known = UNPACKED.get(p);
  if (known) return known;
  let idOfKey: readonly number[];
  if (p.keyBase === undefined) idOfKey = p.keys.map((k) => idOf(k));
  else {
    // A thread's pieces name only the keys new since its last one: taken apart in order.
    if (sender?.ids.length !== p.keyBase) {
      throw new Error('a piece taken apart without the thread’s earlier pieces');
    }
    for (const k of p.keys) sender.ids.push(idOf(k));
    idOfKey = sender.ids;
  }
  const idOfItem = p.itemCodes.map((c) => itemCodeId(c));
  // Each array taken apart once, into one array for all journeys, which each journey views: a
  // thread's piece of 1,024 journeys is then a few arrays, not five thousand.
  const ids = withIds(p.ids, idOfKey, Int32Array);
  const valueIds = withIds(p.valueIds, idOfKey, Int32Array);
  let maxItem = 0;
  for (let i = 0; i < idOfItem.length; i++) if (idOfItem[i]! > maxItem) maxItem = idOfItem[i]!;
  // Copies of their own, not views: a stored record's arrays are views of the record's whole
  // decoded bytes (both maps, pricing), which the journeys would otherwise keep.
  const values = p.values.slice();
  const extras = p.costExtras.slice();
  const codes: Uint16Array | Int32Array =
    maxItem < 0xffff
      ? withIds(p.costCodes, idOfItem, Uint16Array)
      : withIds(p.costCodes, idOfItem, Int32Array);
  const journeys = new Array<FoldedJourney>(p.exportIds.length);
  for (let j = 0; j < journeys.length; j++) {
    const start = j === 0 ? 0 : p.idEnds[j - 1]!;
    const vstart = j === 0 ? 0 : p.valueEnds[j - 1]!;
    const cstart = j === 0 ? 0 : p.costEnds[j - 1]!;
    const xstart = j === 0 ? 0 : p.costExtraEnds[j - 1]!;
    const xend = p.costExtraEnds[j]!;
    journeys[j] = {
      exportId: p.exportIds[j]!,
      cohort: p.cohorts[j]!,
      ids: ids.subarray(start, p.idEnds[j]!),
      valueIds: valueIds.subarray(vstart, p.valueEnds[j]!),
      values: values.subarray(vstart, p.valueEnds[j]!),
      cost: {
        codes: codes.subarray(cstart, p.costEnds[j]!),
        toBeAt: p.toBeAts[j]!,
        extras: xend > xstart ? extras.subarray(xstart, xend) : null,
      },
    };
  }
  const counts = p.counts?.map((c) => {
    const keys = new Int32Array(c.keys.length);
    for (let i = 0; i < keys.length; i++) keys[i] = idOfKey[c.keys[i]!]!;
    return { part: c.part, keys, journeys: c.journeys };
  });
  const out: Unpacked = counts ? { journeys, counts } : { journeys };
  UNPACKED.set(p, out);
  return out;
}

/**
 * Many models folded into what the views need, so the models themselves can be dropped: how many
 * journeys have each figure key, in the whole cohort and in every cohort the filters can choose
 * (counts are all suppression needs), and per journey only its cohort fields, its keys and the
 * values it brings to medians. A model of 100 events is ~30 kB as text and several times that
 * parsed; the fold keeps ~5 kB of it. Models are added one at a time (a stream of files, an
 * import), can be taken away again (a deleted model), and folds made in parallel can be merged.
 */
/** What a journey brings to pricing in a fold made without it. */
const UNPRICED: CostItems = { codes: new Uint16Array(0), toBeAt: 0, extras: null };

export class ModelFold {
  private readonly journeys: FoldedJourney[] = [];
  private readonly exportIds = new Set<string>();
  /**
   * Per cohort (by its signature, "" for everyone): journeys per key id. Counted when first asked
   * for (or from `countAll` on), then kept up to date: a fold that is only packed and stored (an
   * import's record) never counts.
   */
  private counted: Map<string, GrowingCounts> | null = null;
  /** Changes with every add or remove, so views computed from an older state are recomputed. */
  version = 0;

  /**
   * A fold of one of the two maps of each model: the journey as it is, or as it should be. With
   * `pricing` false the items pricing reads are left out (a run given no price list), and the
   * views cannot be priced.
   */
  constructor(
    readonly map: 'asIs' | 'toBe',
    models: Iterable<PathwayModel> = [],
    readonly pricing = true,
  ) {
    for (const m of models) this.add(m);
  }

  get size(): number {
    return this.journeys.length;
  }

  has(exportId: string): boolean {
    return this.exportIds.has(exportId);
  }

  add(m: PathwayModel): void {
    const c = contributionOf(m, this.map);
    this.addFolded({
      exportId: m.exportId,
      cohort: m.cohort,
      ids: c.ids,
      valueIds: c.valueIds,
      values: c.values,
      cost: this.pricing ? costItemsOf(m) : UNPRICED,
    });
  }

  /** A journey's part, with this thread's key and item ids. */
  private addFolded(j: FoldedJourney, count = true): void {
    if (count && this.counted) countJourney(this.counted, j, 1);
    this.journeys.push(j);
    this.exportIds.add(j.exportId);
    this.version++;
  }

  /** Takes a model added before away again; false when it was never added. */
  remove(exportId: string): boolean {
    const i = this.journeys.findIndex((j) => j.exportId === exportId);
    if (i < 0) return false;
    const [j] = this.journeys.splice(i, 1);
    if (this.counted) countJourney(this.counted, j!, -1);
    if (!this.journeys.some((x) => x.exportId === exportId)) this.exportIds.delete(exportId);
    this.version++;
    return true;
  }

  /**
   * Takes away every journey of these exports in one pass (many at once, where `remove` would
   * search the journeys for each); returns how many were taken.
   */
  removeAll(exportIds: ReadonlySet<string>): number {
    let kept = 0;
    for (let i = 0; i < this.journeys.length; i++) {
      const j = this.journeys[i]!;
      if (exportIds.has(j.exportId)) {
        if (this.counted) countJourney(this.counted, j, -1);
      } else this.journeys[kept++] = j;
    }
    const removed = this.journeys.length - kept;
    this.journeys.length = kept;
    for (const id of exportIds) this.exportIds.delete(id);
    if (removed > 0) this.version++;
    return removed;
  }

  /**
   * Packed to move to another thread, with its counts if it was counting. Given `keyBase` (how
   * many of this thread's keys the receiver knows from earlier pieces), with this thread's own
   * key ids (`PackedFold.keyBase`).
   */
  pack(keyBase?: number): PackedFold {
    return packJourneys(this.map, this.journeys, this.counted, keyBase);
  }

  /**
   * Counts its journeys per cohort now, and every journey added from now on as it comes (rather
   * than when the counts are first asked for): a thread that folds files while others do counts
   * them while the others are busy, not after.
   */
  countAll(): void {
    this.counts();
  }

  /**
   * Adds the journeys of a fold packed elsewhere (those at `only`, ascending, when given), in
   * order, leaving out any whose export is already here; returns the indexes (in the packed fold)
   * of those left out.
   */
  merge(p: PackedFold, only?: ArrayLike<number>): number[] {
    if (p.map !== this.map) throw new RangeError(`a fold of the ${p.map} map into ${this.map}`);
    const { journeys, counts } = unpack(p);
    const left: number[] = [];
    const n = only ? only.length : journeys.length;
    // Counted where it was packed: its counts are added whole, and the journeys left out taken
    // away again, instead of counting every journey here.
    // That costs as much as the whole packed fold, whatever `only` picks out: the threads' pieces
    // carry counts, the records merged one journey at a time (an import into open views) do not.
    const counted = counts && this.counted;
    const added = counted ? new Uint8Array(journeys.length) : null;
    for (let x = 0; x < n; x++) {
      const j = only ? only[x]! : x;
      const journey = journeys[j]!;
      if (this.exportIds.has(journey.exportId)) {
        left.push(j);
        continue;
      }
      // The journey as taken apart, shared with any other fold it is merged into: nothing
      // changes a journey once it is folded.
      this.addFolded(journey, !counted);
      if (added) added[j] = 1;
    }
    if (counted) {
      for (const c of counts!) countsOfPart(counted, c.part).addMany(c.keys, c.journeys);
      for (let j = 0; j < added!.length; j++) {
        if (!added![j]) countJourney(counted, journeys[j]!, -1);
      }
    }
    return left;
  }

  /** The counts per cohort, counted from the journeys the first time they are needed. */
  private counts(): Map<string, GrowingCounts> {
    if (!this.counted) {
      const counted = new Map<string, GrowingCounts>();
      for (let i = 0; i < this.journeys.length; i++) countJourney(counted, this.journeys[i]!, 1);
      this.counted = counted;
    }
    return this.counted;
  }

  /** Journeys per key id in the cohort `f` (one field at a time, or none). */
  countsOf(f: CohortFilter): Uint32Array {
    // A cohort's signature ("", "sex=female", "conditionGroup=diabetes") names its part.
    const counts = this.counts().get(signature(f));
    return counts?.snapshot() ?? new Uint32Array(KEY_NAMES.length);
  }

  /**
   * The whole cohort split along one field: a part per value met (and "not stated"); for a
   * condition group, those with it and those without. Empty parts are left out.
   */
  split(field: FilterField, f: CohortFilter): { part: string; counts: Uint32Array }[] {
    const n = idOf('n');
    const nonEmpty = (p: { part: string; counts: Uint32Array }) => (p.counts[n] ?? 0) > 0;
    if (field === 'conditionGroup') {
      const all = this.countsOf({});
      const yes = this.countsOf({ conditionGroup: f.conditionGroup });
      const no = all.map((c, id) => c - yes[id]!);
      return [
        { part: 'yes', counts: yes },
        { part: 'no', counts: no },
      ].filter(nonEmpty);
    }
    const prefix = `${field}=`;
    return (
      [...this.counts().entries()]
        .filter(([part]) => part.startsWith(prefix))
        .map(([part, c]) => ({ part: part.slice(prefix.length), counts: c.snapshot() }))
        .filter(nonEmpty)
        // In a fixed order, so ties in suppression do not depend on the order models came in.
        .sort((a, b) => (a.part < b.part ? -1 : a.part > b.part ? 1 : 0))
    );
  }

  /** The journeys as the cost views read them (cohort and priced items), in the fold's order. */
  costJourneys(): readonly { cohort: PathwayModel['cohort']; cost: CostItems }[] {
    return this.journeys;
  }

  /** Each journey of the cohort `f` brings its one value per statistic key: all of them, by key. */
  valuesOf(f: CohortFilter): Map<number, Float64Array> {
    // Two passes into one buffer (count per key, then fill), not a growing list per key: this
    // runs over every value of every journey in the cohort.
    // Everyone's values without a filtered copy of the journeys.
    const matching =
      constraintsOf(f).length === 0
        ? this.journeys
        : this.journeys.filter((j) => cohortMatches(j.cohort, f));
    const count = new Uint32Array(KEY_NAMES.length);
    let total = 0;
    for (let j = 0; j < matching.length; j++) {
      const valueIds = matching[j]!.valueIds;
      for (let i = 0; i < valueIds.length; i++) count[valueIds[i]!]!++;
      total += valueIds.length;
    }
    const start = new Uint32Array(count.length + 1);
    for (let id = 0; id < count.length; id++) start[id + 1] = start[id]! + count[id]!;
    const buffer = new Float64Array(total);
    const at = start.slice(0, count.length);
    for (let j = 0; j < matching.length; j++) {
      const { valueIds, values } = matching[j]!;
      for (let i = 0; i < valueIds.length; i++) buffer[at[valueIds[i]!]!++] = values[i]!;
    }
    const out = new Map<number, Float64Array>();
    for (let id = 0; id < count.length; id++) {
      if (count[id]! > 0) out.set(id, buffer.subarray(start[id]!, start[id + 1]!));
    }
    return out;
  }
}

interface Tally {
  journeys: number;
  /**
   * One value per journey that has one, in no particular order: the tally's own, so its median
   * is selected in place.
   */
  values: Float64Array;
}

const EMPTY = new Float64Array(0);

/** The median of a tally's values (selected in place: they are its own), or null for none. */
const medianOf = (values: Float64Array): number | null =>
  values.length === 0 ? null : medianInPlace(values);

function tally(fold: ModelFold, f: CohortFilter): Map<string, Tally> {
  const journeys = fold.countsOf(f);
  const values = fold.valuesOf(f);
  const out = new Map<string, Tally>();
  journeys.forEach((n, id) => {
    if (n > 0) out.set(KEY_NAMES[id]!, { journeys: n, values: values.get(id) ?? EMPTY });
  });
  return out;
}

/**
 * Decides, key by key, whether a figure of the cohort `filter` may be shown (rules 1–3 above).
 * Counts of wider cohorts and of their splits are computed once and kept.
 */
export class Suppressor {
  private readonly counts = new Map<string, Uint32Array>();
  private readonly splits = new Map<string, { part: string; counts: Uint32Array }[]>();
  /** Per cohort, per key id: 0 not yet decided, 1 shown, 2 hidden. */
  private readonly memo = new Map<string, Uint8Array>();
  private readonly partitions = new Map<string, PartitionTable>();

  constructor(
    private readonly fold: ModelFold,
    readonly k: number,
  ) {}

  count(f: CohortFilter, key: number): number {
    return this.countsOf(f)[key] ?? 0;
  }

  private countsOf(f: CohortFilter): Uint32Array {
    const sig = signature(f);
    let c = this.counts.get(sig);
    if (!c) this.counts.set(sig, (c = this.fold.countsOf(f)));
    return c;
  }

  private split(wider: CohortFilter, field: FilterField, f: CohortFilter) {
    // One field at a time: the cohort one condition wider is always everyone.
    if (constraintsOf(wider).length > 0) throw new RangeError(ONE_FIELD);
    const sig = `${field}${field === 'conditionGroup' ? `=${f.conditionGroup}` : ''}`;
    let s = this.splits.get(sig);
    if (!s) this.splits.set(sig, (s = this.fold.split(field, f)));
    return s;
  }

  shown(f: CohortFilter, keyName: string): boolean {
    const id = KEY_IDS.get(keyName);
    return id !== undefined && this.shownId(f, id);
  }

  private shownId(f: CohortFilter, key: number): boolean {
    const sig = signature(f);
    let memo = this.memo.get(sig);
    if (!memo || memo.length <= key) {
      const grown = new Uint8Array(KEY_NAMES.length);
      if (memo) grown.set(memo);
      this.memo.set(sig, (memo = grown));
    }
    if (memo[key] !== 0) return memo[key] === 1;
    const prefix = KEY_NAMES[key]!.slice(0, 3);
    const ok = PARTITION_PREFIXES.has(prefix)
      ? this.partitionShown(f, key)
      : this.ruleShown(f, key);
    memo[key] = ok ? 1 : 2;
    return ok;
  }

  /** Rules 1–3 for one figure of one cohort. */
  private ruleShown(f: CohortFilter, key: number): boolean {
    if (this.count(f, key) < this.k) return false;
    for (const field of constraintsOf(f)) {
      const wider: CohortFilter = { ...f, [field]: undefined };
      if (!this.shownId(wider, key)) return false;
      // Parts with no such journeys are left out: an absent row already says "none".
      const parts = this.split(wider, field, f)
        .map((p) => ({ part: p.part, n: p.counts[key] ?? 0 }))
        .filter((p) => p.n > 0);
      const flags = suppressPartition(
        parts.map((p) => p.n),
        this.k,
      );
      if (!flags[parts.findIndex((p) => p.part === partOfFilter(field, f))]) return false;
    }
    return true;
  }

  /**
   * Figures that add up to the cohort (rule 4), for every cohort at once. With the cohorts split
   * along a field they form a table: a row per value (adding up to that cohort), a column per
   * figure (adding up to the whole cohort's figure), and the whole cohort's own row. Every line
   * whose total is shown gets complementary suppression, and this is repeated until nothing
   * changes, so no hidden cell can be worked out along a chain of rows and columns.
   */
  private partitionTable(prefix: string): PartitionTable {
    let table = this.partitions.get(prefix);
    if (table) return table;
    const k = this.k;
    const rootCounts = this.countsOf({});
    const ids: number[] = [];
    rootCounts.forEach((n, id) => {
      if (n > 0 && KEY_NAMES[id]!.startsWith(prefix)) ids.push(id);
    });
    // By name, not by when a key was first met: ties in suppression are then broken the same way
    // whatever order the models came in (the app reads them by export id, the CLI by file name).
    ids.sort((a, b) => (KEY_NAMES[a]! < KEY_NAMES[b]! ? -1 : 1));
    const rootHidden = new Set(ids.filter((id) => rootCounts[id]! < k));
    const rows: PartitionRow[] = [];
    for (const spec of SPLITS) {
      for (const part of this.split({}, spec.field, spec.filter)) {
        const filter = spec.rowFilter(part.part);
        // A row's total is known when its cohort is shown, or (for "not in the group", which is
        // never shown) when the group's cohort is.
        const totalKnown = filter
          ? this.shownId(filter, idOf('n'))
          : this.shownId(spec.filter, idOf('n')) && this.count({}, idOf('n')) >= k;
        // Every figure of the whole cohort, even one this part has none of: a hidden row does
        // not say whether it is empty (bands are all listed, hidden pathways are one row), so
        // an empty cell protects as well as a small one.
        const cells = ids;
        const hidden = new Set(
          cells.filter((id) => !filter || !totalKnown || (part.counts[id] ?? 0) < k),
        );
        rows.push({
          key: `${spec.key}/${part.part}`,
          spec: spec.key,
          counts: part.counts,
          cells,
          hidden,
          totalKnown,
        });
      }
    }
    const line = (cells: number[], count: (id: number) => number, hidden: Set<number>) => {
      const flags = suppressPartition(
        cells.map(count),
        k,
        cells.map((id) => hidden.has(id)),
      );
      let changed = false;
      cells.forEach((id, i) => {
        if (!flags[i] && !hidden.has(id)) {
          hidden.add(id);
          changed = true;
        }
      });
      return changed;
    };
    for (let changed = true; changed;) {
      changed = line(ids, (id) => rootCounts[id]!, rootHidden);
      for (const row of rows) {
        if (row.totalKnown)
          changed = line(row.cells, (id) => row.counts[id]!, row.hidden) || changed;
      }
      // Columns: a figure split along one field adds up to the whole cohort's figure.
      for (const spec of SPLITS) {
        const specRows = rows.filter((r) => r.spec === spec.key);
        for (const id of ids) {
          const column = specRows;
          if (rootHidden.has(id)) {
            // Rule 2: hidden in the whole cohort, hidden in every part of it.
            for (const r of column) {
              if (!r.hidden.has(id)) {
                r.hidden.add(id);
                changed = true;
              }
            }
            continue;
          }
          const flags = suppressPartition(
            column.map((r) => r.counts[id] ?? 0),
            k,
            column.map((r) => r.hidden.has(id)),
          );
          column.forEach((r, i) => {
            if (!flags[i] && !r.hidden.has(id)) {
              r.hidden.add(id);
              changed = true;
            }
          });
        }
      }
    }
    table = { rootHidden, rows: new Map(rows.map((r) => [r.key, r])) };
    this.partitions.set(prefix, table);
    return table;
  }

  private partitionShown(f: CohortFilter, key: number): boolean {
    if (this.count(f, key) < this.k) return false;
    const table = this.partitionTable(KEY_NAMES[key]!.slice(0, 3));
    const [field] = constraintsOf(f);
    if (!field) return !table.rootHidden.has(key);
    const spec = field === 'conditionGroup' ? `conditionGroup=${f.conditionGroup}` : field;
    const row = table.rows.get(`${spec}/${partOfFilter(field, f)}`);
    return !!row && !row.hidden.has(key);
  }
}

interface PartitionRow {
  key: string;
  spec: string;
  counts: Uint32Array;
  cells: number[];
  hidden: Set<number>;
  totalKnown: boolean;
}
interface PartitionTable {
  rootHidden: Set<number>;
  rows: Map<string, PartitionRow>;
}

/**
 * The ways the app can split the cohort: one field at a time, each value (and "not stated") a
 * row; a condition group splits into those with it and those without (never shown on its own).
 */
const SPLITS: {
  key: string;
  field: FilterField;
  /** The filter passed to `split` (it names the condition group). */
  filter: CohortFilter;
  /** The filter showing a part, or null for a part the app never shows. */
  rowFilter: (part: string) => CohortFilter | null;
}[] = [
  ...(['ageBand', 'sex', 'municipality'] as const).map((field) => ({
    key: field,
    field,
    filter: {},
    rowFilter: (part: string) => ({ [field]: part === 'null' ? null : part }) as CohortFilter,
  })),
  ...CONDITION_GROUPS.map((g) => ({
    key: `conditionGroup=${g}`,
    field: 'conditionGroup' as const,
    filter: { conditionGroup: g },
    rowFilter: (part: string) => (part === 'yes' ? { conditionGroup: g } : null),
  })),
];

/**
 * Keys whose figures partition the cohort: pathway variants and their beginnings, bands of contacts
 * and length.
 */
const PARTITION_PREFIXES = new Set(['va:', 'vb:', 'cb:', 'lb:']);

const folds = new WeakMap<PathwayModel[], Partial<Record<'asIs' | 'toBe', ModelFold>>>();
/** The fold of a list of models, made once per list and map. */
function foldOf(models: PathwayModel[] | ModelFold, map: 'asIs' | 'toBe'): ModelFold {
  if (models instanceof ModelFold) {
    if (models.map !== map) throw new RangeError(`a fold of the ${models.map} map has no ${map}`);
    return models;
  }
  let byMap = folds.get(models);
  if (!byMap) folds.set(models, (byMap = {}));
  return (byMap[map] ??= new ModelFold(map, models));
}

const suppressors = new WeakMap<ModelFold, { version: number; byKey: Map<string, Suppressor> }>();
/**
 * One suppressor per state of a fold, map and k, so that changing filters reuses the counts; a
 * fold that changed (an import, a deletion) gets new ones.
 */
function suppressorFor(fold: ModelFold, k: number): Suppressor {
  let entry = suppressors.get(fold);
  if (!entry || entry.version !== fold.version) {
    suppressors.set(fold, (entry = { version: fold.version, byKey: new Map() }));
  }
  const id = String(k);
  let s = entry.byKey.get(id);
  if (!s) entry.byKey.set(id, (s = new Suppressor(fold, k)));
  return s;
}

/**
 * The cohorts of the cost table: everyone, and every part of every split the app can show (or,
 * for those without a condition group, never shows), with whether each is shown at all.
 */
function costCohorts(fold: ModelFold, sup: Suppressor, k: number) {
  const n = idOf('n');
  const shownCohort = (f: CohortFilter) => sup.count(f, n) >= k && sup.shown(f, 'n');
  const rows: CostCohortRow[] = [{ sig: '', shown: shownCohort({}), split: -1, published: true }];
  const sigOf = (spec: (typeof SPLITS)[number], part: string) => {
    const filter = spec.rowFilter(part);
    return filter ? signature(filter) : `${spec.key}/${part}`;
  };
  SPLITS.forEach((spec, sp) => {
    for (const part of fold.split(spec.field, spec.filter)) {
      const filter = spec.rowFilter(part.part);
      rows.push({
        sig: sigOf(spec, part.part),
        shown: filter ? shownCohort(filter) : false,
        split: sp,
        published: filter !== null,
      });
    }
  });
  const index = new Map(rows.map((r, i) => [r.sig, i]));
  // Journeys share few distinct cohorts: each one's rows are found once.
  const known = new Map<string, number[]>();
  const rowsOf = (c: PathwayModel['cohort']) => {
    let groups = 0;
    for (const g of c.conditionGroups) groups |= 1 << CONDITION_GROUPS.indexOf(g);
    const key = `${c.ageBand}|${c.sex}|${c.municipality}|${groups}`;
    let out = known.get(key);
    if (!out) {
      out = [
        0,
        ...SPLITS.map((spec) => index.get(sigOf(spec, partOf(c, spec.field, spec.filter)))!),
      ];
      known.set(key, out);
    }
    return out;
  };
  return { rows, rowsOf };
}

const costStates = new WeakMap<
  ModelFold,
  { version: number; byK: Map<number, { list: string; state: CostState }> }
>();
/**
 * The cost views of the cohort `filter`. The table behind them (every cohort, suppressed) is made
 * once per state of the fold, k and price list content, so changing filters reuses it and a
 * corrected price list is applied at once.
 */
function costFor(
  fold: ModelFold,
  sup: Suppressor,
  filter: CohortFilter,
  k: number,
  list: PriceList,
): CostView {
  const key = priceListKey(list);
  let entry = costStates.get(fold);
  if (!entry || entry.version !== fold.version) {
    costStates.set(fold, (entry = { version: fold.version, byK: new Map() }));
  }
  let made = entry.byK.get(k);
  if (!made || made.list !== key) {
    const { rows, rowsOf } = costCohorts(fold, sup, k);
    const state = costState({
      journeys: fold.costJourneys(),
      rows,
      splitCount: SPLITS.length,
      rowsOf,
      k,
      list,
    });
    entry.byK.set(k, (made = { list: key, state }));
  }
  return costViewOf(made.state, signature(filter));
}

/**
 * Every view of the cohort `filter`, suppressed. `models` is a list of models, or (for many of
 * them) a fold the models were streamed into. With a price list, the cost views too (`cost`);
 * they are the same whichever map the filter names.
 */
export function aggregate(
  models: PathwayModel[] | ModelFold,
  filter: CohortFilter = {},
  k = DEFAULT_K,
  priceList?: PriceList,
): Aggregate {
  if (!Number.isInteger(k) || k < DEFAULT_K)
    throw new RangeError(`k must be a whole number ≥ ${DEFAULT_K}`);
  if (constraintsOf(filter).length > 1) throw new RangeError(ONE_FIELD);
  const map = filter.map ?? 'asIs';
  const fold = foldOf(models, map);
  const sup = suppressorFor(fold, k);
  if (priceList) {
    if (!fold.pricing) throw new RangeError('a fold made without pricing cannot be priced');
    const views = aggregate(fold, filter, k);
    return { ...views, cost: costFor(fold, sup, filter, k, priceList) };
  }
  const journeys = sup.count(filter, idOf('n'));
  const empty = (suppressed: SuppressionReason): Aggregate => ({
    k,
    map,
    cohort: { shown: false },
    suppressed,
    processMap: { nodes: [], edges: [] },
    processMapDetailed: { nodes: [], edges: [] },
    variants: [],
    otherVariantsHidden: false,
    beginnings: [],
    otherBeginningsHidden: false,
    handovers: [],
    emotionBySector: [],
    emotionByContact: [],
    emotionDrops: [],
    emotionDropsHidden: 0,
    painCategories: [],
    painByAim: [],
    ideas: [],
    services: [],
    contactsPerJourney: { median: null, bands: [] },
    journeyLength: { median: null, bands: [] },
  });
  if (journeys < k) return empty('cohort_small');
  if (!sup.shown(filter, 'n')) return empty('complement_small');

  const t = tally(fold, filter);
  const isShown = (key: string) => sup.shown(filter, key);
  // The keys of each kind ("pm:", "va:" …), found in one pass over the cohort's keys rather than
  // one per kind: with thousands of models most keys are pathways, each its own.
  const byKind = new Map<string, [string, Tally][]>();
  for (const entry of t) {
    const colon = entry[0].indexOf(':');
    if (colon < 0) continue;
    const kind = entry[0].slice(0, colon + 1);
    const list = byKind.get(kind);
    if (list) list.push(entry);
    else byKind.set(kind, [entry]);
  }
  /** A kind's rows, shown first (most journeys first), hidden ones last; `shownOnly` leaves them out. */
  const entries = (prefix: string, shownOnly = false) =>
    (byKind.get(prefix) ?? [])
      // Left out before anything is made of them: of thousands of pathways nearly all are hidden,
      // and one on fewer than k journeys is hidden whatever else holds (rule 1), so its key (a
      // whole pathway's text) is not even looked up.
      .filter(([key, v]) => !shownOnly || (v.journeys >= k && isShown(key)))
      .map(([key, v]) => ({ rest: key.slice(prefix.length), key, shown: isShown(key), ...v }))
      // Hidden rows come last in a fixed order: their place must not hint at their size.
      .sort(
        (a, b) =>
          Number(b.shown) - Number(a.shown) ||
          (a.shown ? b.journeys - a.journeys : 0) ||
          a.rest.localeCompare(b.rest),
      );
  function cellOf<T>(key: string, value: () => T): Cell<T> {
    const n = t.get(key)?.journeys ?? 0;
    return isShown(key) ? { shown: true, journeys: n, value: value() } : { shown: false };
  }
  /** A statistic of values is a figure of its own: only from at least k journeys. */
  const stat = (key: string) => {
    const v = t.get(key);
    // Each journey brings at most one value: this counts the journeys the values come from.
    return v && v.values.length >= k ? medianOf(v.values) : null;
  };
  const pair = (rest: string) => rest.split('>') as [string, string];
  const splitNode = (id: string) => {
    const [sector, ct] = id.split('|') as [string, string];
    return { sector, contactType: ct === 'unspecified' ? null : ct };
  };
  const hiddenLast = <T extends { cell: Cell<unknown> }>(xs: T[]) =>
    xs.sort((a, b) => Number(b.cell.shown) - Number(a.cell.shown));
  /**
   * Cells that partition the cohort (rule 4 is decided by the suppressor, per cohort): the shown
   * ones, and whether any is hidden. Hidden ones are not listed (see `Aggregate.variants`), so they
   * are not sorted either: nearly every pathway of thousands is one of its own.
   */
  function partition(prefix: string) {
    const shown = entries(prefix, true);
    return {
      shown: shown.map((e) => ({
        sequence: e.rest === '' ? [] : e.rest.split('>'),
        cell: { shown: true as const, journeys: e.journeys, value: null },
      })),
      hidden: shown.length < (byKind.get(prefix)?.length ?? 0),
    };
  }
  /** Every band, in order, an empty one too: hidden must not tell empty from small. */
  const bands = (prefix: string, order: readonly string[]) =>
    order.map((band) => {
      const key = prefix + band;
      const journeys = t.get(key)?.journeys ?? 0;
      return {
        band,
        cell:
          journeys > 0 && isShown(key)
            ? { shown: true as const, journeys, value: null }
            : { shown: false as const },
      };
    });

  const graph = (nodePrefix: string, edgePrefix: string, detailed: boolean): ProcessGraph => ({
    nodes: entries(nodePrefix).map((e) => ({
      id: e.rest,
      ...(detailed ? splitNode(e.rest) : { sector: e.rest, contactType: null }),
      cell: cellOf(e.key, () => null),
    })),
    edges: entries(edgePrefix).map((e) => {
      const [from, to] = pair(e.rest);
      return { from, to, cell: cellOf(e.key, () => ({ medianDays: stat(e.key) })) };
    }),
  });

  const contactsMedian = medianOf(t.get('contacts')?.values ?? EMPTY);
  const lengths = t.get('length');

  const variants = partition('va:');
  const beginnings = partition('vb:');
  // Only drops: a pair where feelings stay or rise is no drop, and a hidden pair is not known
  // to be one (only how many pairs are hidden is told).
  const drops = { shown: [] as { from: string; to: string; cell: ShownDrop }[], hidden: 0 };
  for (const e of entries('dr:')) {
    const [from, to] = pair(e.rest);
    const cell = cellOf(e.key, () => ({ medianChange: medianOf(e.values)! }));
    if (!cell.shown) drops.hidden++;
    else if (cell.value.medianChange < 0) drops.shown.push({ from, to, cell });
  }
  // Sharpest first; of equal drops, the one more journeys show first.
  drops.shown.sort(
    (a, b) =>
      a.cell.value.medianChange - b.cell.value.medianChange || b.cell.journeys - a.cell.journeys,
  );
  return {
    k,
    map,
    cohort: { shown: true, journeys, value: journeys },
    suppressed: null,
    processMap: graph('ns:', 'pm:', false),
    processMapDetailed: graph('nc:', 'pc:', true),
    variants: variants.shown,
    otherVariantsHidden: variants.hidden,
    beginnings: beginnings.shown,
    otherBeginningsHidden: beginnings.hidden,
    handovers: entries('ho:').map((e) => {
      const [from, to] = pair(e.rest);
      const broken = t.get(`hb:${e.rest}`)?.journeys ?? 0;
      const good = t.get(`hn:${e.rest}`)?.journeys ?? 0;
      // A share is two counts: each must be none or a shown figure of its own.
      const safe = (key: string, n: number) => n === 0 || isShown(key);
      const waits = t.get(`hw:${e.rest}`);
      return {
        from,
        to,
        cell: cellOf(e.key, () => ({
          brokenShare:
            broken + good >= k && safe(`hb:${e.rest}`, broken) && safe(`hn:${e.rest}`, good)
              ? broken / (broken + good)
              : null,
          // Waiting times may be known for only a few of the journeys: then no median.
          medianWaitingDays: waits && waits.journeys >= k ? medianOf(waits.values) : null,
        })),
      };
    }),
    emotionBySector: entries('em:').map((e) => ({
      sector: e.rest,
      cell: cellOf(e.key, () => ({ median: medianOf(e.values)! })),
    })),
    emotionByContact: entries('ec:').map((e) => ({
      ...splitNode(e.rest),
      cell: cellOf(e.key, () => ({ median: medianOf(e.values)! })),
    })),
    emotionDrops: drops.shown,
    emotionDropsHidden: drops.hidden,
    painCategories: hiddenLast(
      entries('pn:').map((e) => ({ category: e.rest, cell: cellOf(e.key, () => null) })),
    ),
    painByAim: entries('pa:').map((e) => {
      const [aim, category] = pair(e.rest);
      return { aim, category, cell: cellOf(e.key, () => null) };
    }),
    ideas: entries('id:').map((e) => {
      const [aim, category] = pair(e.rest);
      return { aim, category, cell: cellOf(e.key, () => null) };
    }),
    services: hiddenLast(
      entries('sv:').map((e) => ({ serviceCode: e.rest, cell: cellOf(e.key, () => null) })),
    ),
    contactsPerJourney: {
      median: contactsMedian,
      bands: bands('cb:', CONTACT_BAND_ORDER),
    },
    journeyLength: {
      median: lengths && lengths.journeys >= k ? medianOf(lengths.values) : null,
      bands: bands('lb:', LENGTH_BAND_ORDER),
    },
  };
}

/**
 * Journeys per figure key before any suppression. Only for checking suppression in tests; never
 * shown or exported.
 */
export function unsuppressedCounts(
  models: PathwayModel[],
  map: 'asIs' | 'toBe' = 'asIs',
): Map<string, number> {
  const counts = new ModelFold(map, models).countsOf({});
  const out = new Map<string, number>();
  counts.forEach((n, id) => {
    if (n > 0) out.set(KEY_NAMES[id]!, n);
  });
  return out;
}
