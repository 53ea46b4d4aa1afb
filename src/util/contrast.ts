/** WCAG 2.2 contrast of sRGB colours written as `#rrggbb`. */

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

function rgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export function relativeLuminance(hex: string): number {
  const [r, g, b] = rgb(hex).map(channel) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** The same hue darkened step by step until it reaches `ratio` against `background`. */
export function darkenToContrast(hex: string, background: string, ratio: number): string {
  let [r, g, b] = rgb(hex);
  let candidate = hex;
  for (let i = 0; i < 100 && contrastRatio(candidate, background) < ratio; i++) {
    r = Math.floor(r * 0.95);
    g = Math.floor(g * 0.95);
    b = Math.floor(b * 0.95);
    candidate = `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
  }
  return candidate;
}
