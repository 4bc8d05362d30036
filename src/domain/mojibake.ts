// UTF-8 text that was decoded as Latin-1 or Windows-1252 on its way to us (`BodÃ¸/Glimt`), in channel names and
// in the sources' team names alike.

// Windows-1252 puts printable characters in 0x80-0x9F; mojibake shows them where UTF-8 continuation bytes were.
// prettier-ignore
const CP1252: Record<string, number> = {
  '\u20AC': 0x80, '\u201A': 0x82, '\u0192': 0x83, '\u201E': 0x84, '\u2026': 0x85, '\u2020': 0x86,
  '\u2021': 0x87, '\u02C6': 0x88, '\u2030': 0x89, '\u0160': 0x8a, '\u2039': 0x8b, '\u0152': 0x8c,
  '\u017D': 0x8e, '\u2018': 0x91, '\u2019': 0x92, '\u201C': 0x93, '\u201D': 0x94, '\u2022': 0x95,
  '\u2013': 0x96, '\u2014': 0x97, '\u02DC': 0x98, '\u2122': 0x99, '\u0161': 0x9a, '\u203A': 0x9b,
  '\u0153': 0x9c, '\u017E': 0x9e, '\u0178': 0x9f,
};

const CONT =
  '[\\u0080-\\u00BF\\u20AC\\u201A\\u0192\\u201E\\u2026\\u2020\\u2021\\u02C6\\u2030\\u0160\\u2039\\u0152\\u017D\\u2018\\u2019\\u201C\\u201D\\u2022\\u2013\\u2014\\u02DC\\u2122\\u0161\\u203A\\u0153\\u017E\\u0178]';
const MOJIBAKE = new RegExp(
  `[\\u00C2-\\u00DF]${CONT}|[\\u00E0-\\u00EF]${CONT}{2}|[\\u00F0-\\u00F4]${CONT}{3}`,
  'g',
);
const MOJIBAKE_HINT = /[\u00C2-\u00F4]/;

function byteOf(ch: string): number {
  const code = ch.charCodeAt(0);
  return code <= 0xff ? code : (CP1252[ch] ?? -1);
}

/** Decodes one mis-read UTF-8 sequence; returns it unchanged when the bytes are not valid UTF-8. */
function repairSequence(seq: string): string {
  const bytes = Array.from(seq, byteOf);
  const [b0 = 0, ...rest] = bytes;
  if (rest.some((b) => b < 0x80 || b > 0xbf)) return seq;
  let cp: number;
  if (bytes.length === 2) cp = ((b0 & 0x1f) << 6) | (rest[0]! & 0x3f);
  else if (bytes.length === 3) cp = ((b0 & 0x0f) << 12) | ((rest[0]! & 0x3f) << 6) | (rest[1]! & 0x3f);
  else cp = ((b0 & 0x07) << 18) | ((rest[0]! & 0x3f) << 12) | ((rest[1]! & 0x3f) << 6) | (rest[2]! & 0x3f);
  const min = bytes.length === 2 ? 0x80 : bytes.length === 3 ? 0x800 : 0x10000;
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return seq;
  return String.fromCodePoint(cp);
}

/** `MontrÃ©al` -> `Montréal`, `QarabaÄŸ` -> `Qarabağ`; text that is not mojibake is left alone. */
export function repairMojibake(text: string): string {
  if (!MOJIBAKE_HINT.test(text)) return text;
  return text.replace(MOJIBAKE, repairSequence);
}
