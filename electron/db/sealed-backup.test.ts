import { readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { everyRow, seedEverything } from '../../tests/support/backup-fixtures';
import { ipc, makeTestDb, type TestDb } from '../../tests/unit/helpers';
import { BackupError, listBackups, restoreFrom } from './backups';
import {
  loadSealedBackup,
  seal,
  sealedFileName,
  sealSync,
  unseal,
  unsealSync,
  writeSealedBackup,
  type ScryptParams,
} from './sealed-backup';

/** Quick to stretch, so the tests run fast; the app writes 2^17. */
const FAST: ScryptParams = { log2N: 14, r: 8, p: 1 };
const PASSPHRASE = 'tre grønne pærer på bordet';

let t: TestDb;
let usb: string;
let folder: string;
beforeEach(() => {
  t = makeTestDb();
  usb = join(t.dir, 'usb');
  folder = join(t.dir, 'backups');
});
afterEach(() => t.cleanup());
const { call } = ipc(() => t.handlers);
const now = new Date('2026-03-02T10:00:00.000Z');

async function problemOf(run: () => Promise<unknown>) {
  try {
    await run();
  } catch (error) {
    if (error instanceof BackupError) return error.problem;
    throw error;
  }
  throw new Error('no BackupError');
}

/** A sealed file of the seeded database, and what it holds. */
async function sealedDatabase() {
  const { karen } = await seedEverything(t.handlers);
  const file = join(t.dir, 'backup.fvbackup');
  const written = await writeSealedBackup(t.db, file, PASSPHRASE, FAST);
  return { file, written, karen, rows: everyRow(t.db) };
}

describe('a backup sealed under a passphrase', () => {
  it('brings back every row, and nothing of it can be read without the passphrase', async () => {
    const { file, written, karen, rows } = await sealedDatabase();
    const bytes = readFileSync(file);
    expect(written).toEqual({ bytes: bytes.length, journeys: 2 });
    for (const text of ['SQLite format 3', 'Karen, 67', 'Karen Hansen', 'Jobcentret']) {
      expect(bytes.includes(Buffer.from(text)), text).toBe(false);
    }
    // Nothing is left beside it (the temporary file was renamed).
    expect(readdirSync(t.dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);

    await call('journeys:delete', { id: karen });
    await call('journeys:create', { alias: 'Ny' });
    const result = restoreFrom(t.db, await loadSealedBackup(file, PASSPHRASE), folder, now);
    expect(everyRow(t.db)).toEqual(rows);
    expect(result.journeys).toBe(2);
    expect(listBackups(folder).map((b) => b.reason)).toEqual(['before_restore']);
  });

  it('is the same passphrase however "å" was typed (NFC), and seals the same synchronously', async () => {
    const image = Buffer.from('SQLite format 3\0 and the rest of a database');
    const composed = 'Pærerne på bordet';
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    expect(await unseal(await seal(image, decomposed, FAST), composed)).toEqual(image);
    expect(unsealSync(sealSync(image, composed, FAST), decomposed)).toEqual(image);
    // A fresh salt and nonce every time: the same image never seals to the same bytes.
    expect(sealSync(image, composed, FAST).equals(sealSync(image, composed, FAST))).toBe(false);
  });

  describe('refuses what it cannot trust, saying why, and changes nothing', () => {
    let bytes: Buffer;
    let rows: Record<string, unknown[]>;
    beforeEach(async () => {
      bytes = readFileSync((await sealedDatabase()).file);
      // What the database holds when a restore is tried: changed since the backup.
      await call('journeys:create', { alias: 'Efter kopien' });
      rows = everyRow(t.db);
    });

    /** Writes `content` as the USB file and tries to restore it. */
    async function restoreProblem(content: Buffer, passphrase = PASSPHRASE) {
      const path = join(t.dir, 'tried.fvbackup');
      writeFileSync(path, content);
      return problemOf(async () =>
        restoreFrom(t.db, await loadSealedBackup(path, passphrase), folder, now),
      );
    }
    const flipped = (at: number) => {
      const copy = Buffer.from(bytes);
      copy[at] = copy[at]! ^ 0x01;
      return copy;
    };

    afterEach(() => {
      expect(everyRow(t.db)).toEqual(rows);
      // A restore that could not start wrote no "before restore" backup either.
      expect(listBackups(folder)).toEqual([]);
    });

    it('a wrong passphrase', async () => {
      expect(await restoreProblem(bytes, 'tre grønne pærer på gulvet')).toBe('wrong_passphrase');
      expect(await restoreProblem(bytes, 'kort')).toBe('wrong_passphrase');
    });

    it('a 0-byte file', async () => {
      expect(await restoreProblem(Buffer.alloc(0))).toBe('empty');
    });

    it('a file cut short, anywhere', async () => {
      for (const length of [3, 11, 50, 91, 107, bytes.length - 17, bytes.length - 1]) {
        expect(await restoreProblem(bytes.subarray(0, length)), `cut at ${length}`).toBe(
          'truncated',
        );
      }
    });

    it('a flipped byte in the body, its tag, the header or its checksum', async () => {
      for (const at of [
        100, // the encrypted image
        Math.floor(bytes.length / 2),
        bytes.length - 1, // the GCM tag
        49, // the nonce (in the header's checksum and the GCM additional data)
        20, // the salt
        62, // the image's length
        70, // the passphrase check
        88, // the header's checksum itself
        9, // the version, against its inverted copy
      ]) {
        expect(await restoreProblem(flipped(at)), `byte ${at}`).toBe('damaged');
      }
      // A byte too many.
      expect(await restoreProblem(Buffer.concat([bytes, Buffer.from([0])]))).toBe('damaged');
    });

    it('a file from a newer version of the app', async () => {
      const newer = Buffer.from(bytes);
      newer.writeUInt16BE(2, 8);
      newer.writeUInt16BE(~2 & 0xffff, 10);
      expect(await restoreProblem(newer)).toBe('newer_version');
    });

    it('a file that is no backup at all: another file, a moved journey, a database', async () => {
      expect(await restoreProblem(Buffer.from('Karen, 67: noter fra workshoppen\n'))).toBe(
        'not_backup',
      );
      const movedJourney = Buffer.from(bytes);
      movedJourney.write('FLB', 1, 'latin1');
      expect(await restoreProblem(movedJourney)).toBe('not_backup');
      expect(await restoreProblem(readFileSync(t.file))).toBe('not_backup');
    });

    it('a large file that is no backup, refused from its first bytes', async () => {
      // 3 GB, sparse: read whole, it would not even fit one buffer (and was called missing).
      const path = join(t.dir, 'large.fvbackup');
      writeFileSync(path, 'Karen, 67: noter\n');
      truncateSync(path, 3 * 1024 ** 3);
      expect(await problemOf(() => loadSealedBackup(path, PASSPHRASE))).toBe('not_backup');
      // A backup's header with a body far longer than the header says.
      const longer = join(t.dir, 'longer.fvbackup');
      writeFileSync(longer, bytes);
      truncateSync(longer, 3 * 1024 ** 3);
      expect(await problemOf(() => loadSealedBackup(longer, PASSPHRASE))).toBe('damaged');
      rmSync(path);
      rmSync(longer);
    });

    it('a missing file', async () => {
      expect(
        await problemOf(() => loadSealedBackup(join(t.dir, 'nowhere.fvbackup'), PASSPHRASE)),
      ).toBe('missing');
      expect(await problemOf(() => loadSealedBackup(t.dir, PASSPHRASE))).toBe('missing');
    });

    it('a hostile header that asks for more memory than any backup we write', async () => {
      const greedy = Buffer.from(bytes);
      greedy[13] = 30; // scrypt N = 2^30: gigabytes, if it were believed
      // (its checksum is made right, so only the bounds can refuse it)
      createHash('sha256').update(greedy.subarray(0, 84)).digest().copy(greedy, 84, 0, 8);
      expect(await restoreProblem(greedy)).toBe('damaged');
    });

    it('a hostile header whose every cost is in bounds but which together cost gigabytes', async () => {
      for (const [log2N, r, p] of [
        [20, 16, 4], // 2 GiB, four times over
        [19, 8, 1], // 512 MiB
        [18, 8, 4], // 256 MiB, but sixteen times the work
      ]) {
        const greedy = Buffer.from(bytes);
        greedy[13] = log2N!;
        greedy[14] = r!;
        greedy[15] = p!;
        createHash('sha256').update(greedy.subarray(0, 84)).digest().copy(greedy, 84, 0, 8);
        // Refused from the header: had a key been derived, the check would say wrong_passphrase.
        expect(await restoreProblem(greedy), `${log2N} ${r} ${p}`).toBe('damaged');
      }
    });

    it('an authentic image that is not a database of the app', async () => {
      const notDatabase = await seal(Buffer.from('just some words, sealed'), PASSPHRASE, FAST);
      expect(await restoreProblem(notDatabase)).toBe('not_backup');
    });
  });
});

describe('the USB file name', () => {
  it('says when, never who, and never replaces a file there', () => {
    writeFileSync(join(t.dir, 'forloebsvaerksted-2026-03-02T10-00-00Z.fvbackup'), 'x');
    expect(sealedFileName(t.dir, now)).toBe('forloebsvaerksted-2026-03-02T10-00-00Z-2.fvbackup');
    expect(sealedFileName(usb, now)).toBe('forloebsvaerksted-2026-03-02T10-00-00Z.fvbackup');
  });
});
