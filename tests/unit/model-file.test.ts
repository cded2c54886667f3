import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkModelFile } from '../../electron/import/model-file';
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
