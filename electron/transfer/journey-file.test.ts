import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_MOVE_FILE_BYTES } from '../../shared/transfer/moved-journey';
import {
  HEADER_BYTES,
  MOVE_FILE_MAGIC,
  MOVE_FILE_VERSION,
  openJourneyFile,
  readMoveFile,
  sealJourneyFile,
} from './journey-file';

/**
 * The `.forloeb` envelope against hostile and damaged files, on real bytes with the real scrypt
 * parameters (about a second per try: only the cases that must reach the key derivation do).
 */
const PASS = 'blå cykel under regnen';
const JSON_TEXT = JSON.stringify({ alias: 'Karen, 67', realName: 'Karen Hansen', n: 42 });
const CHECKED = HEADER_BYTES - 8;

let sealed: Buffer;
let dir: string;
beforeAll(async () => {
  sealed = await sealJourneyFile(JSON_TEXT, PASS);
  dir = mkdtempSync(join(tmpdir(), 'pathway-move-file-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The header's checksum made right again after a deliberate change (a forged header). */
function reseal(bytes: Buffer): Buffer {
  const out = Buffer.from(bytes);
  createHash('sha256').update(out.subarray(0, CHECKED)).digest().subarray(0, 8).copy(out, CHECKED);
  return out;
}
const flipped = (bytes: Buffer, at: number, mask = 0x01) => {
  const out = Buffer.from(bytes);
  out[at]! ^= mask;
  return out;
};

describe('the .forloeb file', () => {
  it('opens with the passphrase to the very text sealed, and hides it', async () => {
    expect(sealed.subarray(0, 8).equals(MOVE_FILE_MAGIC)).toBe(true);
    expect(sealed.readUInt16BE(8)).toBe(MOVE_FILE_VERSION);
    expect(await openJourneyFile(sealed, PASS)).toEqual({ ok: true, json: JSON_TEXT });
    // Nothing of the text is readable in the file, and two files of one text share nothing
    // (fresh salt, fresh IV, so a fresh key).
    const latin = sealed.toString('latin1');
    for (const word of ['Karen', 'Hansen', 'alias', 'realName']) expect(latin).not.toContain(word);
    const again = await sealJourneyFile(JSON_TEXT, PASS);
    expect(again.subarray(20, 48).equals(sealed.subarray(20, 48))).toBe(false);
    expect(again.subarray(HEADER_BYTES).equals(sealed.subarray(HEADER_BYTES))).toBe(false);
  });

  it('takes the passphrase in any Unicode normal form (typed on another system)', async () => {
    const nfd = PASS.normalize('NFD');
    expect(nfd).not.toBe(PASS);
    expect(await openJourneyFile(sealed, nfd)).toEqual({ ok: true, json: JSON_TEXT });
  });

  it('refuses a wrong passphrase as such', async () => {
    expect(await openJourneyFile(sealed, 'blå cykel under regnen!')).toEqual({
      ok: false,
      reason: 'wrong_passphrase',
    });
  });

  it('refuses an empty file, a file of another kind and a file too large, before any key', async () => {
    expect(await openJourneyFile(Buffer.alloc(0), PASS)).toEqual({ ok: false, reason: 'empty' });
    for (const other of [
      Buffer.from('hej med dig'),
      Buffer.from('{"format":"pathway-model"}'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), // a PNG
      Buffer.from('PK\u0003\u0004'), // a zip
    ]) {
      expect(await openJourneyFile(other, PASS)).toEqual({ ok: false, reason: 'not_move_file' });
    }
    const huge = Buffer.alloc(MAX_MOVE_FILE_BYTES + 1);
    MOVE_FILE_MAGIC.copy(huge);
    expect(await openJourneyFile(huge, PASS)).toEqual({ ok: false, reason: 'too_large' });
  });

  it('refuses a file cut off anywhere as truncated', async () => {
    for (const length of [
      1,
      7,
      8,
      11,
      12,
      40,
      HEADER_BYTES,
      HEADER_BYTES + 16,
      sealed.length - 1,
    ]) {
      expect(await openJourneyFile(sealed.subarray(0, length), PASS), `length ${length}`).toEqual({
        ok: false,
        reason: 'truncated',
      });
    }
  });

  it('refuses a flipped bit anywhere in the header as damage, never as a wrong passphrase', async () => {
    for (let at = 0; at < HEADER_BYTES; at++) {
      for (const mask of [0x01, 0x80]) {
        const result = await openJourneyFile(flipped(sealed, at, mask), PASS);
        expect(result, `byte ${at}, mask ${mask}`).toEqual({
          ok: false,
          reason: at < MOVE_FILE_MAGIC.length ? 'not_move_file' : 'damaged',
        });
      }
    }
  });

  it('refuses flipped bytes in the encrypted body and in its tag as damage', async () => {
    const body = sealed.length - HEADER_BYTES - 16;
    for (const at of [HEADER_BYTES, HEADER_BYTES + Math.floor(body / 2), sealed.length - 1]) {
      expect(await openJourneyFile(flipped(sealed, at), PASS), `byte ${at}`).toEqual({
        ok: false,
        reason: 'damaged',
      });
    }
  });

  it('refuses bytes added after the end as damage', async () => {
    const longer = Buffer.concat([sealed, Buffer.from([0])]);
    expect(await openJourneyFile(longer, PASS)).toEqual({ ok: false, reason: 'damaged' });
  });

  it('refuses a file from a newer format version as such, whatever its header holds', async () => {
    const newer = Buffer.from(sealed);
    newer.writeUInt16BE(MOVE_FILE_VERSION + 1, 8);
    newer.writeUInt16BE(~(MOVE_FILE_VERSION + 1) & 0xffff, 10);
    expect(await openJourneyFile(newer, PASS)).toEqual({ ok: false, reason: 'newer_version' });
    // Even when the rest is laid out otherwise or short: magic and version are all it takes.
    expect(await openJourneyFile(newer.subarray(0, 12), PASS)).toEqual({
      ok: false,
      reason: 'newer_version',
    });
  });

  it('refuses a forged header that asks for absurd or weak scrypt work, without deriving', async () => {
    // Had any of these reached the key derivation, the passphrase check would have failed (the
    // key differs with the parameters): "damaged" means the header alone refused it.
    for (const changes of [
      [[13, 30]], // N = 2^30: 1 TiB of memory
      [
        [13, 18],
        [14, 16],
      ], // 512 MiB: within scrypt's reach, beyond what a file may ask
      [[13, 10]], // weaker than any file we write
      [[14, 255]], // r = 255
      [[15, 0]], // p = 0
      [[12, 2]], // an unknown key derivation
      [[16, 2]], // an unknown cipher
      [[17, 0]], // no compression: not a file we write
    ] as const) {
      const forged = Buffer.from(sealed);
      for (const [at, value] of changes) forged.writeUInt8(value, at);
      expect(await openJourneyFile(reseal(forged), PASS), JSON.stringify(changes)).toEqual({
        ok: false,
        reason: 'damaged',
      });
    }
  });

  it('refuses a header whose body length was changed (and checksum forged) as cut off or damaged', async () => {
    const longerBody = Buffer.from(sealed);
    longerBody.writeUInt32BE(longerBody.readUInt32BE(48) + 5, 48);
    expect(await openJourneyFile(reseal(longerBody), PASS)).toEqual({
      ok: false,
      reason: 'truncated',
    });
    const shorterBody = Buffer.from(sealed);
    shorterBody.writeUInt32BE(shorterBody.readUInt32BE(48) - 5, 48);
    expect(await openJourneyFile(reseal(shorterBody), PASS)).toEqual({
      ok: false,
      reason: 'damaged',
    });
  });

  it('authenticates the header: a forged salt or IV with a right checksum does not open', async () => {
    // A changed IV keeps the key (and the passphrase check) but fails the tag.
    const iv = Buffer.from(sealed);
    iv[40]! ^= 0xff;
    expect(await openJourneyFile(reseal(iv), PASS)).toEqual({ ok: false, reason: 'damaged' });
  });

  it('reads a file from disk within the size limit, and refuses larger or missing ones', async () => {
    const file = join(dir, 'a.forloeb');
    writeFileSync(file, sealed);
    const read = await readMoveFile(file);
    expect(read.ok && read.bytes.equals(sealed)).toBe(true);

    const big = join(dir, 'big.forloeb');
    writeFileSync(big, MOVE_FILE_MAGIC);
    truncateSync(big, MAX_MOVE_FILE_BYTES + 1); // sparse: no 64 MB written
    expect(await readMoveFile(big)).toEqual({ ok: false, reason: 'too_large' });

    expect(await readMoveFile(join(dir, 'missing.forloeb'))).toEqual({
      ok: false,
      reason: 'unreadable',
    });
    expect(await readMoveFile(dir)).toEqual({ ok: false, reason: 'unreadable' });
    // A pipe nobody writes to is refused, not waited on.
    const pipe = join(dir, 'pipe.forloeb');
    execFileSync('mkfifo', [pipe]);
    expect(await readMoveFile(pipe)).toEqual({ ok: false, reason: 'unreadable' });
  });
});
