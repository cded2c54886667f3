/**
 * The typeface as a Danish reader meets it: Atkinson Hyperlegible's zero has a slash through it,
 * which in Danish reads as Ø ("2Ø26", "Ø kontaktpunkter"), so the app draws the digit zero as a
 * plain oval (renderer/src/components/plain-zero.ts). Measured in the window as opened: the
 * zero's width and shape on screen, and the line it sits on.
 */
import { expect, test } from './harness';

test('draws zero as a plain oval, not a slashed one that reads as Ø, on a line no taller', async ({
  app,
}) => {
  await app.open('#/');
  await app.page
    .getByTestId('journey-list')
    .or(app.page.getByTestId('journey-list-empty'))
    .first()
    .waitFor();
  const seen = await app.page.evaluate(async () => {
    const family = getComputedStyle(document.body).fontFamily;
    const widthOf = (text: string, weight: number) => {
      const c = document.createElement('canvas').getContext('2d')!;
      c.font = `${weight} 1000px ${family}`;
      return c.measureText(text).width;
    };
    // Ink in the zero's middle: a slash crosses the centre, an oval leaves it empty.
    const inkAtCentre = (weight: number) => {
      const canvas = document.createElement('canvas');
      canvas.width = 200;
      canvas.height = 200;
      const c = canvas.getContext('2d')!;
      c.font = `${weight} 160px ${family}`;
      c.textBaseline = 'alphabetic';
      const w = c.measureText('0').width;
      const m = c.measureText('0');
      const top = 180 - m.actualBoundingBoxAscent;
      c.fillText('0', (200 - w) / 2, 180);
      const cx = 100;
      const cy = Math.round((top + 180) / 2);
      const px = c.getImageData(cx - 6, cy - 6, 12, 12).data;
      let dark = 0;
      for (let i = 3; i < px.length; i += 4) if (px[i]! > 128) dark++;
      return dark / (px.length / 4);
    };
    // The height of a line of digits, against one of letters only.
    const lineHeight = (text: string) => {
      const span = document.createElement('div');
      span.style.cssText = 'position:absolute;font-size:40px;line-height:normal;white-space:nowrap';
      span.textContent = text;
      document.body.append(span);
      const h = span.getBoundingClientRect().height;
      span.remove();
      return h;
    };
    await document.fonts.ready;
    return {
      zero400: widthOf('0', 400),
      zero700: widthOf('0', 700),
      oh400: widthOf('Ø', 400),
      centre400: inkAtCentre(400),
      centre700: inkAtCentre(700),
      digitsLine: lineHeight('2026 0 10.05'),
      lettersLine: lineHeight('kontakt Ø'),
    };
  });
  // Narrower than Atkinson's slashed zero (648) and than Ø (727): Noto Sans's oval at 93.6 %.
  expect(seen.zero400).toBeGreaterThan(500);
  expect(seen.zero400).toBeLessThan(560);
  expect(seen.zero700).toBeLessThan(560);
  expect(seen.oh400).toBeGreaterThan(700);
  // Nothing drawn at the zero's centre (a slash fills most of it).
  expect(seen.centre400).toBeLessThan(0.05);
  expect(seen.centre700).toBeLessThan(0.05);
  // The zero's font makes no line taller.
  expect(seen.digitsLine).toBe(seen.lettersLine);
});
