// Display names arrive with literal newlines, odd spaces, typographic dashes and UTF-8 read as Windows-1252
// (`BodÃ¸/Glimt`). Everything downstream sees one tidy form.
import { repairMojibake } from '../mojibake.js';

// Arrows and angle quotes, and vertical bars by another code point (broken bar, dental click, divides, integral
// extension, box drawing, dingbat and fullwidth bars).
const SEPARATORS =
  /[\u00BB\u203A\u25B6\u25B8\u25B9\u25BA\u25BB\u27A4\u279C\u2794\u21D2\u00A6\u01C0\u2223\u23AE\u23D0\u2502\u2503\u2758\u2759\u275A\uFF5C\uFFE8]/g;

/**
 * One line, single spaces, ASCII hyphens and apostrophes, superscript `ᴴᴰ` as `HD`, every bullet as `•` and
 * every arrow-like or vertical-bar-like separator as `|`, mojibake repaired. Idempotent.
 */
export function normalizeName(raw: string): string {
  return repairMojibake(raw)
    .replace(/[\u200B-\u200D\u2060\uFEFF\uE000-\uE003]/g, '')
    .replace(/\u1D34\u1D30/g, ' HD')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u00B7\u2022\u2023\u2043\u2219\u25AA\u25CF\u25E6\u26AB\u2605\u2606\u272A\u2726\u2727]/g, '•')
    .replace(SEPARATORS, '|')
    .replace(/[\u2018\u2019\u02BC]/g, "'")
    .replace(/[\s\u00A0\u2000-\u200A\u202F\u205F\u3000]+/g, ' ')
    .trim();
}
