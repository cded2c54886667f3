import { z } from 'zod';
import { MAX_DEPTH } from '../model/limits';
import { parseUntrustedJson } from '../model/untrusted-json';
import { catalogueEntrySchema } from '../catalogue';
import {
  aliasSchema,
  idSchema,
  journeySchema,
  painPointRestoreSchema,
  textSchema,
  timestampSchema,
  touchpointRestoreSchema,
  transitionRestoreSchema,
} from '../domain/journey';
import {
  daySchema,
  goalSchema,
  ideaPatchSchema,
  ideaSchema,
  profilePatchSchema,
  profileSchema,
  snapshotContentSchema,
  snapshotNameSchema,
  snapshotSummarySchema,
  workshopPatchSchema,
  workshopSchema,
} from '../domain/workshop';

/**
 * A journey moved to another facilitator's laptop: everything the journey holds, real name and
 * consents included, as the payload of one passphrase-encrypted `.forloeb` file (the envelope is
 * electron/transfer/journey-file.ts). It is NOT anonymised: it is the journey itself, so it only
 * ever travels encrypted.
 *
 * Every part is checked as the app checks an edit of it (the domain's restore schemas, which put
 * rows back with their ids), and the whole as one journey: every row belongs to it, every link
 * points inside it. The payload is authenticated by the file's passphrase, but whoever knows the
 * passphrase can write any payload, so it is read as hostile input all the same.
 */

export const MOVED_JOURNEY_FORMAT = 'forloebsvaerksted.moved-journey';
/** The payload's own version; the file's envelope has its format version beside it. */
export const MOVED_JOURNEY_VERSION = 1;

/** Shortest passphrase accepted: ten characters, so a few words rather than one. */
export const MOVE_PASSPHRASE_MIN = 10;
export const MOVE_PASSPHRASE_MAX = 1024;
export const movePassphraseSchema = z.string().min(MOVE_PASSPHRASE_MIN).max(MOVE_PASSPHRASE_MAX);

/**
 * A file larger than this is refused before it is read: a journey of 1,000 touchpoints with 50
 * snapshots compresses to a few megabytes.
 */
export const MAX_MOVE_FILE_BYTES = 64 * 1024 * 1024;
/** The suggested file extension (without the dot); the name never carries the alias. */
export const MOVE_FILE_EXTENSION = 'forloeb';

/** Why a moved journey was not taken in; each has its own message in the window. */
export const MOVE_REFUSALS = [
  'empty',
  'too_large',
  'unreadable',
  'not_move_file',
  'truncated',
  'damaged',
  'newer_version',
  'wrong_passphrase',
  'invalid_content',
  'exists',
  'conflict',
] as const;
export type MoveRefusal = (typeof MOVE_REFUSALS)[number];

const MAX_ROWS = 10_000;
const MAX_SNAPSHOTS = 1_000;
/** A snapshot holds the maps as JSON text; far beyond any real map, well within the file limit. */
const MAX_SNAPSHOT_CHARS = 16 * 1024 * 1024;

export const EXPORT_FORMAT_NAMES = ['model', 'ocel', 'xes', 'csv'] as const;
/** As the export review names a text: its kind and the id of what holds it. */
const textKeySchema = z.string().regex(/^(quote|pain|idea):[0-9a-f-]{36}$/);

export const movedProfileSchema = profileSchema.extend({
  realName: profilePatchSchema.shape.realName.unwrap(),
  relativesNames: profilePatchSchema.shape.relativesNames.unwrap(),
  birthYear: profilePatchSchema.shape.birthYear.unwrap(),
  conditionGroups: profilePatchSchema.shape.conditionGroups.unwrap(),
  consentWorkshopDate: daySchema.nullable(),
  consentExportDate: daySchema.nullable(),
  consentQuotesDate: daySchema.nullable(),
  updatedAt: timestampSchema,
});
export const movedWorkshopSchema = workshopSchema.extend({
  date: daySchema,
  place: workshopPatchSchema.shape.place.unwrap(),
  roles: workshopPatchSchema.shape.roles.unwrap(),
  notes: textSchema,
});
export const movedGoalSchema = goalSchema.extend({ text: textSchema });
/**
 * An idea's links as stored: they may name a touchpoint or pain point deleted since (the app
 * leaves those out when it reads the idea), so a link outside the journey is allowed only if it
 * names nothing on the receiving laptop either (the importer checks that).
 */
export const movedIdeaSchema = ideaSchema.extend({
  text: textSchema,
  aims: ideaPatchSchema.shape.aims.unwrap(),
  touchpointIds: ideaPatchSchema.shape.touchpointIds.unwrap(),
  painPointIds: ideaPatchSchema.shape.painPointIds.unwrap(),
});
/** A snapshot's content travels as the JSON text it is stored as, checked by its schema. */
export const movedSnapshotSchema = snapshotSummarySchema.extend({
  name: snapshotNameSchema,
  content: z.string().max(MAX_SNAPSHOT_CHARS),
});
export const movedExportSchema = z.strictObject({
  id: idSchema,
  journeyId: idSchema,
  exportId: z.uuid(),
  profile: z.string().min(1).max(100),
  formats: z.array(z.enum(EXPORT_FORMAT_NAMES)).min(1).max(EXPORT_FORMAT_NAMES.length),
  exportedAt: timestampSchema,
});
export const movedTextApprovalSchema = z.strictObject({
  journeyId: idSchema,
  textKey: textKeySchema,
  scrubbed: z.string().max(20_000),
  unmasked: z.array(z.string().min(1).max(200)).max(500),
  approvedAt: timestampSchema,
});
export const TRANSFER_DIRECTIONS = ['out', 'in'] as const;
/** One end of a move in the journey's history: moved out from, or taken in on, a laptop. */
export const transferSchema = z.strictObject({
  id: idSchema,
  journeyId: idSchema,
  /** The same on both ends of one move, and in the suggested file name. */
  moveId: idSchema,
  direction: z.enum(TRANSFER_DIRECTIONS),
  at: timestampSchema,
});
export type Transfer = z.infer<typeof transferSchema>;
/** A local service the journey names, so the receiving laptop's catalogue can list it too. */
export const movedServiceSchema = catalogueEntrySchema.extend({ hidden: z.boolean() });

const movedJourneyShape = z.strictObject({
  format: z.literal(MOVED_JOURNEY_FORMAT),
  schemaVersion: z.literal(MOVED_JOURNEY_VERSION),
  moveId: idSchema,
  movedAt: timestampSchema,
  journey: journeySchema.extend({ alias: aliasSchema }),
  /** Null when the profile was never filled in. */
  profile: movedProfileSchema.nullable(),
  touchpoints: z.array(touchpointRestoreSchema).max(MAX_ROWS),
  transitions: z.array(transitionRestoreSchema).max(MAX_ROWS),
  painPoints: z.array(painPointRestoreSchema).max(MAX_ROWS),
  workshops: z.array(movedWorkshopSchema).max(MAX_ROWS),
  goals: z.array(movedGoalSchema).max(MAX_ROWS),
  ideas: z.array(movedIdeaSchema).max(MAX_ROWS),
  snapshots: z.array(movedSnapshotSchema).max(MAX_SNAPSHOTS),
  exports: z.array(movedExportSchema).max(MAX_ROWS),
  textApprovals: z.array(movedTextApprovalSchema).max(MAX_ROWS),
  transfers: z.array(transferSchema).max(MAX_ROWS),
  services: z.array(movedServiceSchema).max(MAX_ROWS),
});

export type MovedJourney = z.infer<typeof movedJourneyShape>;
export type MovedSnapshotContent = z.infer<typeof snapshotContentSchema>;

/**
 * The most objects and arrays, and values, a moved journey's JSON (or a snapshot's content inside
 * it) of `chars` characters may hold. What the app writes has 200–400 characters a container and
 * 22–63 a value (measured over the moves of the tests), so 12 and 6 leave a wide margin; and
 * even the largest payload a file may hold (128 MB) at 128 characters a container and 16 a
 * value stays under the caps. Parsing as many as the caps allow costs a few hundred MB at most.
 */
export const MOVED_JSON_LIMITS = {
  depth: MAX_DEPTH,
  containers: (chars: number) => Math.min(1_100_000, 4096 + Math.floor(chars / 12)),
  values: (chars: number) => Math.min(8_500_000, 4096 + Math.floor(chars / 6)),
};

/** A snapshot's content, parsed and checked; undefined when it is not content of the schema. */
export function parseSnapshotContent(text: string): MovedSnapshotContent | undefined {
  const read = parseUntrustedJson(text, MOVED_JSON_LIMITS);
  if (!read.ok) return undefined;
  const parsed = snapshotContentSchema.safeParse(read.data);
  return parsed.success ? parsed.data : undefined;
}

/**
 * A moved snapshot's content as its checks read it, kept with the snapshot it came from: a file
 * is read once to check that it is one journey (`journeyProblem`) and again for its ids
 * (`idsOf`), and a file of hundreds of saved versions parsed each of them twice (3.5 s of a 124 MB
 * file's 14 s move-in went to the second time).
 */
const contentOf = new WeakMap<object, MovedSnapshotContent | null>();
function snapshotContent(snapshot: { content: string }): MovedSnapshotContent | undefined {
  let content = contentOf.get(snapshot);
  if (content === undefined) {
    content = parseSnapshotContent(snapshot.content) ?? null;
    contentOf.set(snapshot, content);
  }
  return content ?? undefined;
}

/**
 * Every id the payload defines (rows, and the items inside its snapshots) and every id it links
 * to. The importer refuses a journey any of whose ids is already on the laptop: its own journey
 * is not (that is checked first), so such an id would belong to another journey.
 */
export function idsOf(moved: MovedJourney): string[] {
  const ids = new Set<string>([moved.journey.id]);
  const add = (xs: readonly { id: string }[]) => xs.forEach((x) => ids.add(x.id));
  add(moved.touchpoints);
  add(moved.transitions);
  add(moved.painPoints);
  add(moved.workshops);
  add(moved.goals);
  add(moved.ideas);
  add(moved.snapshots);
  add(moved.exports);
  add(moved.transfers);
  const links = (ideas: readonly { touchpointIds: string[]; painPointIds: string[] }[]) =>
    ideas.forEach((i) => [...i.touchpointIds, ...i.painPointIds].forEach((id) => ids.add(id)));
  links(moved.ideas);
  for (const s of moved.snapshots) {
    const content = snapshotContent(s);
    if (!content) continue; // refused by the schema's own check
    add(content.touchpoints);
    add(content.transitions);
    add(content.painPoints);
    add(content.goals);
    add(content.ideas);
    links(content.ideas);
  }
  return [...ids];
}

/** The first way `moved` is not one self-contained journey, in our own words; undefined if none. */
export function journeyProblem(m: MovedJourney): string | undefined {
  const jid = m.journey.id;
  const foreign = (what: string, rows: readonly { journeyId: string }[]) =>
    rows.some((r) => r.journeyId !== jid) ? `${what} of another journey` : undefined;
  const duplicate = (what: string, keys: readonly string[]) =>
    new Set(keys).size !== keys.length ? `${what} listed twice` : undefined;
  const problem =
    (m.profile && m.profile.journeyId !== jid ? 'a profile of another journey' : undefined) ??
    foreign('touchpoints', m.touchpoints) ??
    foreign('transitions', m.transitions) ??
    foreign('workshops', m.workshops) ??
    foreign('goals', m.goals) ??
    foreign('ideas', m.ideas) ??
    foreign('snapshots', m.snapshots) ??
    foreign('exports', m.exports) ??
    foreign('text approvals', m.textApprovals) ??
    foreign('transfers', m.transfers) ??
    [
      m.touchpoints,
      m.transitions,
      m.painPoints,
      m.workshops,
      m.goals,
      m.ideas,
      m.snapshots,
      m.exports,
      m.transfers,
    ]
      .map((rows: readonly { id: string }[]) =>
        duplicate(
          'a row',
          rows.map((r) => r.id),
        ),
      )
      .find((p) => p !== undefined) ??
    duplicate(
      'a text approval',
      m.textApprovals.map((a) => a.textKey),
    ) ??
    duplicate(
      'a service',
      m.services.map((s) => s.code),
    );
  if (problem) return problem;

  const touchpoints = new Map(m.touchpoints.map((t) => [t.id, t]));
  const pairs = new Set<string>();
  for (const t of m.transitions) {
    const source = touchpoints.get(t.sourceId);
    const target = touchpoints.get(t.targetId);
    if (!source || !target) return 'a transition to a touchpoint outside the journey';
    if (source.map !== t.map || target.map !== t.map) return 'a transition across the two maps';
    const pair = `${t.sourceId}>${t.targetId}`;
    if (pairs.has(pair)) return 'two transitions between the same touchpoints';
    pairs.add(pair);
  }
  if (m.painPoints.some((p) => !touchpoints.has(p.touchpointId))) {
    return 'a pain point on a touchpoint outside the journey';
  }
  // The services a file carries are those its touchpoints use, now or in a snapshot, as the app
  // writes it: a file may not bring the catalogue others.
  const used = new Set<string>();
  for (const t of m.touchpoints) if (t.serviceCode) used.add(t.serviceCode);
  for (const s of m.snapshots) {
    const content = snapshotContent(s);
    if (!content) return 'a snapshot whose content is not a map';
    for (const t of content.touchpoints) if (t.serviceCode) used.add(t.serviceCode);
    const rows = [
      ...content.touchpoints,
      ...content.transitions,
      ...content.goals,
      ...content.ideas,
    ];
    if (rows.some((r) => r.journeyId !== jid)) return 'a snapshot holding another journey';
    const inSnapshot = new Set(content.touchpoints.map((t) => t.id));
    if (content.painPoints.some((p) => !inSnapshot.has(p.touchpointId))) {
      return 'a snapshot with a pain point outside it';
    }
    if (
      content.transitions.some((t) => !inSnapshot.has(t.sourceId) || !inSnapshot.has(t.targetId))
    ) {
      return 'a snapshot with a transition outside it';
    }
  }
  if (m.services.some((s) => !used.has(s.code))) return 'a service no touchpoint uses';
  return undefined;
}

/** The moved journey: its shape, then that it is one journey whose every link stays inside it. */
export const movedJourneySchema = movedJourneyShape.superRefine((m, ctx) => {
  const problem = journeyProblem(m);
  if (problem) ctx.addIssue({ code: 'custom', message: `not one journey: ${problem}` });
});

// --- what the window hears back (composed into the IPC contract) ------------------------------

export const moveOutInputSchema = z.strictObject({
  journeyId: idSchema,
  passphrase: movePassphraseSchema,
});
export const moveOutResultSchema = z.discriminatedUnion('outcome', [
  z.strictObject({ outcome: z.literal('cancelled') }),
  /** Saved; the file's name only (its folder is the user's own business). */
  z.strictObject({ outcome: z.literal('saved'), fileName: z.string() }),
  z.strictObject({
    outcome: z.literal('failed'),
    /** unwritable: the place chosen cannot be written; unmovable: the journey fails its check. */
    reason: z.enum(['unwritable', 'unmovable']),
  }),
]);
export type MoveOutResult = z.infer<typeof moveOutResultSchema>;

/** Any length is let through: a passphrase that is too short is simply not the right one. */
export const moveInInputSchema = z.strictObject({
  passphrase: z.string().min(1).max(MOVE_PASSPHRASE_MAX),
});
export const moveInResultSchema = z.discriminatedUnion('outcome', [
  z.strictObject({ outcome: z.literal('cancelled') }),
  z.strictObject({
    outcome: z.literal('imported'),
    journeyId: idSchema,
    alias: z.string(),
    /** Local services added to this laptop's catalogue. */
    servicesAdded: z.number().int().nonnegative(),
    /** Local services whose code was here already with other content: this laptop's kept. */
    servicesKept: z.number().int().nonnegative(),
  }),
  z.strictObject({
    outcome: z.literal('refused'),
    reason: z.enum(MOVE_REFUSALS),
    /** With `exists`: the alias the journey has on this laptop. */
    alias: z.string().optional(),
  }),
]);
export type MoveInResult = z.infer<typeof moveInResultSchema>;

export const moveHistorySchema = z.array(
  transferSchema.pick({ moveId: true, direction: true, at: true }),
);
