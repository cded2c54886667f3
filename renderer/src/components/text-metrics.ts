/**
 * How wide a text is in the bundled low-vision typeface, without a browser: for laying out the
 * citizen's copy and for placing the words on the map's lines before they are drawn.
 */

/*
 * Advance widths of Atkinson Hyperlegible (regular and bold), in thousandths of an em, measured
 * in Chromium from the bundled fontsource files; the zero is Noto Sans's at 93.6 % (plain-zero.ts). Text on the map's lines and in the citizen's copy is set in that typeface, so its width can be
 * computed purely, without a browser.
 */
const METRIC_CHARS =
  ' !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~æøåÆØÅéÉüÜöÖäÄ×…·–—’';
const WIDTH_400 = [
  280, 281, 301, 655, 594, 927, 705, 160, 300, 300, 433, 602, 205, 368, 205, 377, 535, 402, 549,
  574, 614, 583, 598, 510, 615, 598, 205, 205, 553, 602, 553, 520, 780, 626, 619, 656, 673, 567,
  548, 710, 690, 414, 510, 627, 539, 820, 689, 727, 601, 753, 618, 596, 558, 690, 589, 840, 623,
  595, 607, 315, 377, 315, 552, 396, 268, 526, 566, 500, 564, 539, 311, 560, 546, 278, 254, 490,
  239, 841, 546, 552, 566, 576, 340, 471, 324, 536, 441, 654, 461, 429, 460, 319, 233, 319, 555,
  874, 552, 526, 998, 727, 626, 539, 567, 536, 690, 552, 727, 526, 626, 528, 696, 235, 480, 800,
  235,
];
const WIDTH_700 = [
  320, 283, 410, 783, 619, 977, 702, 222, 366, 366, 434, 618, 243, 374, 243, 442, 535, 448, 586,
  605, 626, 612, 632, 543, 625, 561, 243, 243, 573, 618, 573, 614, 754, 690, 639, 673, 686, 580,
  544, 719, 679, 458, 560, 659, 537, 842, 700, 764, 626, 781, 654, 619, 617, 663, 656, 883, 699,
  687, 621, 333, 442, 333, 589, 430, 314, 553, 596, 520, 596, 566, 367, 597, 572, 315, 259, 567,
  314, 886, 572, 573, 596, 601, 372, 534, 379, 570, 526, 723, 533, 518, 516, 370, 234, 370, 533,
  883, 573, 553, 1016, 763, 690, 566, 580, 570, 663, 573, 764, 553, 690, 539, 803, 301, 508, 842,
  277,
];
const METRICS = new Map(
  [...METRIC_CHARS].map((ch, i) => [ch, [WIDTH_400[i]!, WIDTH_700[i]!] as const]),
);
/** A character outside the table counts as wide; all widths get a little slack for kerning. */
const UNKNOWN_WIDTH = 700;
const SLACK = 1.04;

export function textWidth(text: string, size: number, bold = false): number {
  let units = 0;
  for (const ch of text) units += METRICS.get(ch)?.[bold ? 1 : 0] ?? UNKNOWN_WIDTH;
  return (units / 1000) * size * SLACK;
}
