import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderFormats } from '../../electron/export/export-service';
import { checkedBatch, fileText } from '../../electron/import/checked-model';
import { checkModelFile, nodeBytesSha256 } from '../../electron/import/model-file';
import { canonicalJson, checksumOf } from '../../shared/model/checksum';
import type { PathwayModel } from '../../shared/model/pathway-model';
import { modelFileText, PIECES_FROM_CHARS, validateModelText } from '../../shared/model/validate';
import { randomModels } from '../support/generate-models';

describe('a model file read from disk', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pathway-model-file-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is read on its own, never with bytes of a file read before it', () => {
    // The command line reads thousands of files one after another into one kept buffer.
    const [big, small] = randomModels(2, 40, 60).map((m) => JSON.stringify(m));
    const write = (name: string, text: string) => {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    };
    const bigFile = write('big.json', big!);
    expect(checkModelFile(bigFile)).toMatchObject({ ok: true });
    // A prefix of the file just read: the rest of it is still in the buffer, and must not count.
    expect(checkModelFile(write('cut.json', big!.slice(0, big!.length - 1)))).toMatchObject({
      ok: false,
      reason: 'not_json',
    });
    expect(checkModelFile(write('empty.json', ''))).toMatchObject({ ok: false, reason: 'empty' });
    expect(checkModelFile(write('small.json', small!))).toMatchObject({ ok: true });
    // Larger than the kept buffer, then a small one again.
    const huge = write('huge.json', `${' '.repeat(2 * 1024 * 1024)}${small!}`);
    expect(checkModelFile(huge)).toMatchObject({ ok: true });
    expect(checkModelFile(bigFile)).toMatchObject({ ok: true });
  });
});

describe('a model file as the app writes it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pathway-model-bytes-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string | Uint8Array) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };
  const sha = (text: string) => `sha256:${createHash('sha256').update(text).digest('hex')}`;
  /** The text the checksum covers: the file up to `,"checksum"`, closed. */
  const content = (text: string) => `${text.slice(0, text.lastIndexOf(',"checksum":'))}}`;

  /** A model that holds reviewed texts with letters beyond ASCII, its checksum made over it. */
  function danish(seed: number): PathwayModel {
    const [m] = randomModels(1, seed, 6);
    const { checksum: _, ...c } = m!;
    c.asIs.touchpoints[0]!.quote = 'Jeg følte mig overset på sygehuset – «igen» 😟';
    c.anonymisationProfile = 'codes-and-reviewed-texts';
    return { ...c, checksum: checksumOf(c) };
  }

  it('is its canonical JSON with its checksum last: sha256 of its bytes up to the checksum is it', () => {
    for (const m of [...randomModels(5, 91, 30), danish(92)]) {
      const text = modelFileText(m);
      const { checksum, ...rest } = m;
      expect(text.endsWith(`,"checksum":"${checksum}"}\n`)).toBe(true);
      expect(content(text)).toBe(canonicalJson(rest));
      expect(sha(content(text))).toBe(checksum);
      expect(JSON.parse(text)).toEqual(m);
    }
    // The app's export writes exactly that.
    const [m] = randomModels(1, 93, 10);
    expect(renderFormats(m!, ['model'])[0]!.content).toBe(modelFileText(m!));
  });

  it('is accepted as written, with a byte-order mark or Windows line ends, and so are earlier pretty-printed files', () => {
    const m = danish(94);
    const text = modelFileText(m);
    const stored = text.trimEnd();
    for (const [name, written] of [
      ['plain.json', text],
      ['bom.json', `\uFEFF${text}`],
      ['crlf.json', `${text.trimEnd()}\r\n\r\n`],
      ['pretty.json', `${JSON.stringify(m, null, 2)}\n`],
      ['schema-order.json', JSON.stringify(m)],
    ] as const) {
      const result = checkModelFile(write(name, written));
      expect(result, name).toMatchObject({ ok: true });
      if (!result?.ok) continue;
      expect(result.model, name).toEqual(m);
      // What is stored is the same whichever way the file was checked.
      expect(result.json, name).toBe(stored);
    }
  });

  it('of over a megabyte is accepted as written, and stored as any other', () => {
    // Large models have their JSON written in pieces (PIECES_FROM_CHARS), when it is asked for.
    const [big] = randomModels(1, 97, 4000);
    const { checksum: _, ...c } = big!;
    c.anonymisationProfile = 'codes-and-reviewed-texts';
    for (const t of c.asIs.touchpoints)
      t.quote = 'Ventetiden var lang, og ingen sagde hvorfor. '.repeat(6);
    const m = { ...c, checksum: checksumOf(c) };
    const text = modelFileText(m);
    expect(text.length).toBeGreaterThan(PIECES_FROM_CHARS);
    const result = checkModelFile(write('large.json', text));
    expect(result).toMatchObject({ ok: true });
    if (result?.ok) expect(result.json).toBe(text.trimEnd());
  });

  it('is checked by its bytes alone on the command line, with a byte-order mark, Windows line ends or over a megabyte', () => {
    const [big] = randomModels(1, 99, 4000);
    const { checksum: _, ...c } = big!;
    c.anonymisationProfile = 'codes-and-reviewed-texts';
    for (const t of c.asIs.touchpoints) t.quote = 'Ingen ringede tilbage. '.repeat(12);
    const large = modelFileText({ ...c, checksum: checksumOf(c) });
    expect(large.length).toBeGreaterThan(PIECES_FROM_CHARS);
    const plain = modelFileText(danish(100));
    for (const [name, text] of [
      ['plain', plain],
      ['bom', `\uFEFF${plain}`],
      ['crlf', `${plain.trimEnd()}\r\n`],
      ['large', large],
    ] as const) {
      const bytes = new TextEncoder().encode(text);
      let hashed = 0;
      const result = validateModelText(
        text,
        bytes.byteLength,
        () => {
          throw new Error('written out and hashed as text');
        },
        {
          bytes,
          sha256: (pieces) => {
            hashed++;
            return nodeBytesSha256(pieces);
          },
          first: true,
          utf8: true,
        },
      );
      expect(result, name).toMatchObject({ ok: true });
      expect(hashed, name).toBe(1);
    }
  });

  it('is refused when its bytes are not UTF-8, whatever its checksum says', () => {
    const m = danish(98);
    // Saved in Latin-1 («ø» one byte, 0xF8), its checksum made over those very bytes.
    const text = modelFileText(m);
    const bytes = Buffer.from(text, 'latin1');
    const body = bytes.subarray(0, bytes.lastIndexOf(',"checksum":'));
    const own = `sha256:${createHash('sha256').update(body).update('}').digest('hex')}`;
    const file = Buffer.concat([body, Buffer.from(`,"checksum":"${own}"}\n`)]);
    expect(checkModelFile(write('latin1.json', file))).toEqual({ ok: false, reason: 'not_utf8' });
    // One stray byte in an otherwise valid file.
    const stray = Buffer.from(text);
    stray[stray.indexOf('"quote":"') + 9] = 0xff;
    expect(checkModelFile(write('stray.json', stray))).toEqual({ ok: false, reason: 'not_utf8' });
  });

  it('is refused when a value in it changed, however little', () => {
    const [m] = randomModels(1, 95, 30);
    const text = modelFileText(m!);
    const day = /"day":(\d+)/.exec(text)!;
    const changes = [
      text.replace(day[0], `"day":${Number(day[1]) + 1}`),
      text.replace(`"exportMonth":"${m!.exportMonth}"`, '"exportMonth":"2019-01"'),
      text.replace('"emotion":null', '"emotion":0'),
    ];
    changes.forEach((changed, i) => {
      expect(changed).not.toBe(text);
      expect(checkModelFile(write(`changed-${i}.json`, changed))).toMatchObject({
        ok: false,
        reason: 'checksum',
      });
    });
    // White space added changes its bytes but not its content: still the same model.
    const spaced = text.replace('"asIs":', '"asIs": ');
    expect(checkModelFile(write('spaced.json', spaced))).toMatchObject({ ok: true, model: m });
  });

  it('whose checksum is the sha256 of its own bytes is whole, whatever the order of its keys', () => {
    const [m] = randomModels(1, 96, 12);
    const { checksum, ...rest } = m!;
    const canonicalCohort = canonicalJson(rest.cohort);
    const reversed = JSON.stringify(Object.fromEntries(Object.entries(rest.cohort).reverse()));
    expect(reversed).not.toBe(canonicalCohort);
    const body = content(modelFileText(m!)).replace(canonicalCohort, reversed);
    // Its checksum made over its own bytes, not over its canonical JSON.
    const own = sha(body);
    expect(own).not.toBe(checksum);
    const file = `${body.slice(0, -1)},"checksum":"${own}"}\n`;
    const result = checkModelFile(write('own-order.json', file));
    expect(result).toMatchObject({ ok: true, model: { ...m, checksum: own } });
    // Stored as every model is: its canonical JSON with the checksum it came with.
    if (result?.ok)
      expect(result.json).toBe(`${canonicalJson(rest).slice(0, -1)},"checksum":"${own}"}`);
    // The app's import accepts it alike (it writes the model out first, to store it).
    const [verdict] = checkedBatch([fileText(new TextEncoder().encode(file))]);
    expect(verdict).toMatchObject({ ok: true, exportId: m!.exportId });
    // One byte of it changed: refused.
    const changed = file.replace('"sex":"', '"sex" :"');
    expect(changed).not.toBe(file);
    expect(checkModelFile(write('own-order-changed.json', changed))).toMatchObject({
      ok: false,
      reason: 'checksum',
    });
    expect(checkedBatch([fileText(new TextEncoder().encode(changed))])).toEqual([
      { ok: false, reason: 'checksum' },
    ]);
  });
});
