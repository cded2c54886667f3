import type { Database } from 'better-sqlite3';
import { isLocalServiceCode, type CatalogueRepository } from '../db/catalogue-repository';
import type { JourneyRepository } from '../db/journey-repository';
import type { TransferRepository } from '../db/transfer-repository';
import { MAX_PAYLOAD_BYTES } from './journey-file';
import { parseUntrustedJson } from '../../shared/model/untrusted-json';
import {
  MOVE_FILE_EXTENSION,
  MOVED_JOURNEY_FORMAT,
  MOVED_JOURNEY_VERSION,
  idsOf,
  movedJourneySchema,
  parseSnapshotContent,
  MOVED_JSON_LIMITS,
  type MovedJourney,
  type Transfer,
} from '../../shared/transfer/moved-journey';

/**
 * The name offered for a moved journey's file: the month and the start of the move's id, which
 * both laptops keep in the journey's history. Never the alias or any name: a file name shows in
 * folder listings, mail attachments and the USB stick's index, unencrypted.
 */
export function suggestedMoveFileName(at: string, moveId: string): string {
  return `forloeb-${at.slice(0, 7)}-${moveId.replace(/-/g, '').slice(0, 8)}.${MOVE_FILE_EXTENSION}`;
}

export type ParsedMove =
  { ok: true; moved: MovedJourney } | { ok: false; reason: 'invalid_content' | 'newer_version' };

export type TakenMove =
  | { ok: true; servicesAdded: number; servicesKept: number }
  | { ok: false; reason: 'exists'; alias: string }
  | { ok: false; reason: 'conflict' | 'invalid_content' };

/** Builds a journey's move payload on one laptop and takes it in on another. */
export class MoveService {
  constructor(
    private readonly db: Database,
    private readonly journeys: JourneyRepository,
    private readonly catalogue: CatalogueRepository,
    private readonly transfers: TransferRepository,
  ) {}

  /**
   * Everything of the journey, with the move's own 'out' record already in its history (the
   * caller stores the same record here once the file is written) and the local services it
   * names, so the other laptop's catalogue can list them.
   */
  payload(journeyId: string, moveId: string, at: string, outId: string): MovedJourney | undefined {
    const rows = this.transfers.rows(journeyId);
    if (!rows) return undefined;
    const codes = new Set(this.transfers.usedServiceCodes(journeyId));
    for (const s of rows.snapshots) {
      for (const t of parseSnapshotContent(s.content)?.touchpoints ?? []) {
        if (t.serviceCode) codes.add(t.serviceCode);
      }
    }
    const services = [...codes]
      .filter(isLocalServiceCode)
      .flatMap((code) => this.catalogue.get(code) ?? []);
    const out: Transfer = { id: outId, journeyId, moveId, direction: 'out', at };
    return {
      format: MOVED_JOURNEY_FORMAT,
      schemaVersion: MOVED_JOURNEY_VERSION,
      moveId,
      movedAt: at,
      ...rows,
      transfers: [...rows.transfers, out],
      services,
    };
  }

  /**
   * The payload as JSON, checked first by the very schema (and size limit) the receiving laptop
   * checks it with, so no file is written that the other side would refuse; undefined when it
   * does not pass.
   */
  serialise(moved: MovedJourney): string | undefined {
    if (!movedJourneySchema.safeParse(moved).success) return undefined;
    if (!moved.services.every((s) => isLocalServiceCode(s.code))) return undefined;
    const json = JSON.stringify(moved);
    return Buffer.byteLength(json) <= MAX_PAYLOAD_BYTES ? json : undefined;
  }

  /**
   * Reads a decrypted payload as hostile input: depth and the number of objects and arrays before
   * it is parsed (a file of 130 kB can unzip to 128 MB of `[],[],…`), forbidden keys, the strict
   * schema.
   */
  parse(json: string): ParsedMove {
    const invalid = { ok: false, reason: 'invalid_content' } as const;
    const read = parseUntrustedJson(json, MOVED_JSON_LIMITS);
    if (!read.ok) return invalid;
    const data = read.data;
    if (typeof data !== 'object' || data === null) return invalid;
    const head = data as { format?: unknown; schemaVersion?: unknown };
    if (head.format !== MOVED_JOURNEY_FORMAT) return invalid;
    if (typeof head.schemaVersion === 'number' && head.schemaVersion > MOVED_JOURNEY_VERSION) {
      return { ok: false, reason: 'newer_version' };
    }
    const parsed = movedJourneySchema.safeParse(data);
    if (!parsed.success) return invalid;
    // Only local services travel: a shipped code is the same on every laptop.
    if (!parsed.data.services.every((s) => isLocalServiceCode(s.code))) return invalid;
    return { ok: true, moved: parsed.data };
  }

  /**
   * Takes a moved journey in, all or nothing, in one transaction: refused when the journey is
   * here already, or when any of its ids is (it would be another journey's row); carried local
   * services are added when their code is new here and never overwrite one that is not.
   */
  take(moved: MovedJourney, inRecord: Transfer): TakenMove {
    try {
      return this.db
        .transaction((): TakenMove => {
          const existing = this.journeys.get(moved.journey.id);
          if (existing) return { ok: false, reason: 'exists', alias: existing.alias };
          if (this.transfers.countExisting(idsOf(moved)) > 0) {
            return { ok: false, reason: 'conflict' };
          }
          let servicesAdded = 0;
          let servicesKept = 0;
          for (const s of moved.services) {
            const result = this.transfers.addCarriedService(s);
            if (result === 'added') servicesAdded++;
            if (result === 'differs') servicesKept++;
          }
          this.transfers.insert(moved);
          this.transfers.record(inRecord);
          return { ok: true, servicesAdded, servicesKept };
        })
        .immediate();
    } catch (error) {
      // A row the checks above let through but a table refuses: nothing was written, the
      // transaction is rolled back. A key that exists is a conflict; any other constraint (a
      // CHECK) means the content is not what this app writes.
      const code = (error as { code?: unknown }).code;
      if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) {
        return {
          ok: false,
          reason: /PRIMARYKEY|UNIQUE/.test(code) ? 'conflict' : 'invalid_content',
        };
      }
      throw error;
    }
  }
}
