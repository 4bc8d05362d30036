// Colours for matchup art: team colours as the sources write them, a stable colour for a team without one, and
// text that stays readable on either.
import { createHash } from 'node:crypto';

/** `552583` or `#552583` as `552583`; anything else null. */
export function hexColour(s: string | null | undefined): string | null {
  const m = /^#?([0-9a-f]{6})$/i.exec(s?.trim() ?? '');
  return m ? m[1]!.toLowerCase() : null;
}

function hslToHex(h: number, s: number, l: number): string {
  const k = (n: number) => (n + h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => l - a * Math.max(-1, Math.min(k(n) - 3, Math.min(9 - k(n), 1)));
  return [f(0), f(8), f(4)]
    .map((v) =>
      Math.round(v * 255)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('');
}

/** A team without a colour gets one from its name: the same name, the same deep colour, everywhere. */
export function colourFromName(name: string): string {
  const hue = createHash('sha1').update(name.trim().toLowerCase()).digest().readUInt16BE(0) % 360;
  return hslToHex(hue, 0.55, 0.32);
}

/** Relative luminance (WCAG) of `rrggbb`, 0 (black) to 1 (white). */
export function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

/** White on dark colours, near-black on light ones. */
export function textOn(hex: string): string {
  return luminance(hex) > 0.45 ? '111111' : 'ffffff';
}

/** How far apart two colours look, roughly: 0 (same) to about 442. */
export function colourDistance(a: string, b: string): number {
  let sum = 0;
  for (const i of [0, 2, 4]) sum += (parseInt(a.slice(i, i + 2), 16) - parseInt(b.slice(i, i + 2), 16)) ** 2;
  return Math.sqrt(sum);
}
