// WCAG 2 colour contrast, pure and import-free so client components (badges) and tests share it.

const HEX = /^#([0-9a-f]{6})$/i;

/** The sRGB channels of a `#rrggbb` colour as 0..1, or null for anything else (named colours, var(), short hex). */
export function parseHex(colour: string): [number, number, number] | null {
  const m = HEX.exec(colour.trim());
  if (!m) return null;
  const n = parseInt(m[1], 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => c / 255) as [number, number, number];
}

/** WCAG relative luminance of a `#rrggbb` colour (0 = black, 1 = white); throws on any other format. */
export function relativeLuminance(colour: string): number {
  const rgb = parseHex(colour);
  if (!rgb) throw new Error(`Not a #rrggbb colour: ${colour}`);
  const [r, g, b] = rgb.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The WCAG contrast ratio of two `#rrggbb` colours, 1 (none) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * White or black, whichever reads better on `background`: at least 4.58:1 for any colour, so a badge on a verdict
 * colour an admin picked still meets WCAG AA for small text. A colour it cannot parse gets white.
 */
export function textColourOn(background: string): '#ffffff' | '#000000' {
  if (!parseHex(background)) return '#ffffff';
  return contrastRatio(background, '#ffffff') >= contrastRatio(background, '#000000') ? '#ffffff' : '#000000';
}
