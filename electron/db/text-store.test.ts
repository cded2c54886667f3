import { expect, it } from 'vitest';
import { decompress } from './compression';
import { TextWriter, type TextAt } from './text-store';

const MB = 1024 * 1024;
const read = (a: TextAt) => {
  const all = decompress(a.batch.data, 64 * MB);
  expect(all.length).toBe(a.batch.bytes);
  return all.subarray(a.start, a.end).toString('utf8');
};

it('writes texts in frames of at most 16 MB, each text whole in one, in order', () => {
  const texts = [7, 7, 7, 1, 20].map((mb, i) => String.fromCharCode(97 + i).repeat(mb * MB));
  const writer = new TextWriter();
  texts.forEach((t, i) => {
    expect(writer.write(t).byteLength).toBe(t.length);
    expect(writer.keep(1, '!}')).toBe(i);
  });
  const at = writer.finish();
  const frames = [...new Set(at.map((a) => a.batch))];
  // 7 + 7, then 7 + 1, then the one text larger than a frame on its own (with their tails).
  expect(frames.map((f) => f.count)).toEqual([2, 2, 1]);
  expect(frames.every((f) => f.bytes <= 16 * MB || f.count === 1)).toBe(true);
  at.forEach((a, i) => expect(read(a)).toBe(`${texts[i]!.slice(0, -1)}!}`));
});

it('keeps only the texts kept, as UTF-8, and hands out the very bytes it stores', () => {
  const writer = new TextWriter();
  const danish = '{"quote":"Sagsbehandleren så mig ikke – 😟","æøå":"ÆØÅ"}';
  const written = writer.write(danish);
  expect(Buffer.from(written).equals(Buffer.from(danish, 'utf8'))).toBe(true);
  writer.keep(1, ',"checksum":"sha256:ab"}');
  // Written and not kept (a file whose checksum did not match): the next text takes its place.
  writer.write('{"refused":true}');
  writer.write('{"b":1}');
  writer.keep(1, '}');
  const at = writer.finish();
  expect(at.map(read)).toEqual([`${danish.slice(0, -1)},"checksum":"sha256:ab"}`, '{"b":1}']);
  expect(at[0]!.batch).toBe(at[1]!.batch);
});

it('writes a text given in pieces as one, the buffer growing under pieces already written', () => {
  const writer = new TextWriter();
  writer.write('{"first":1}');
  writer.keep(1, '}');
  // Three quarters of a megabyte each, and multi-byte letters: more than the first buffer holds,
  // and more than the size told, so the buffer grows with pieces of this text already in it.
  const pieces = ['{"a":"', 'æ'.repeat(400_000), 'ø'.repeat(400_000), 'b'.repeat(300_000), '"}'];
  const whole = pieces.join('');
  const written = writer.write(pieces, 1000);
  expect(Buffer.from(written).equals(Buffer.from(whole, 'utf8'))).toBe(true);
  writer.keep(1, ',"checksum":"sha256:cd"}');
  // Refused in pieces, then a text after it: nothing of the refused one is kept.
  writer.write(['{"refused":', 'true}'], 10);
  writer.write(['{"c":', '2}']);
  writer.keep(1, '}');
  expect(writer.finish().map(read)).toEqual([
    '{"first":1}',
    `${whole.slice(0, -1)},"checksum":"sha256:cd"}`,
    '{"c":2}',
  ]);
});

it('reads nothing a writer before it left in the buffer it takes over', () => {
  const first = new TextWriter();
  first.write('x'.repeat(100_000));
  first.keep(0, '');
  first.finish();
  const second = new TextWriter();
  second.write('{"short":1}');
  second.keep(0, '');
  const [a] = second.finish();
  expect(read(a!)).toBe('{"short":1}');
  expect(a!.batch.bytes).toBe(11);
});

it('refuses to keep what was never written', () => {
  const writer = new TextWriter();
  expect(() => writer.keep(1, '}')).toThrow(RangeError);
  writer.write('{}');
  writer.keep(1, '}');
  expect(() => writer.keep(1, '}')).toThrow(RangeError);
  expect(writer.finish()).toHaveLength(1);
});

it('leaves no model text in the buffer it keeps for the next writer', () => {
  const secret = `{"quote":"${'Karen Hansen, Nørregade 7 '.repeat(2000)}"}`;
  const first = new TextWriter();
  first.write(secret);
  first.keep(1, '}');
  // Written and refused: it must not stay either.
  first.write(`{"refused":"${'Søren '.repeat(1000)}"}`);
  first.finish();
  const second = new TextWriter();
  // The buffer it took over, looked at whole: only zeros where the first writer's texts were.
  const kept = (second as unknown as { buffer: Buffer }).buffer;
  expect(kept.length).toBeGreaterThan(Buffer.byteLength(secret));
  expect(kept.includes('Karen')).toBe(false);
  expect(kept.includes('Søren')).toBe(false);
  expect(kept.subarray(0, Buffer.byteLength(secret)).every((b) => b === 0)).toBe(true);
  second.finish();
});
