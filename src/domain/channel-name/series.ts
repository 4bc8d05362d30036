// Competitions that are not two teams, named by their series before the event: `F1 | Spanish Grand Prix - Race`,
// `Formula 1: Monaco Grand Prix`, `IndyCar - Indianapolis 500 - Race`, `PGA Tour: Genesis Invitational Rd 4`.
// Without a slot such a name is an event only when a race's name or a part follows the series: `F1 TV`,
// `Sky Sports F1` and `PGA TOUR` are channels.
import { takePart } from './part.js';

const SERIES =
  '(?:f[1-3]|formula (?:1|2|3|one|e)|motogp|moto[23e]|indycar|indy nxt|nascar(?: cup series| xfinity series| truck series)?|imsa|wec|supercars|dtm|w series|world ?sbk|wsbk|wrc|pga tour|pga|lpga(?: tour)?|liv golf|dp world tour|korn ferry tour|champions tour|atp(?: tour)?|wta(?: tour)?|ufc|pfl|bellator)';
const SERIES_LEAD = new RegExp(`^(${SERIES})\\s*(?:[:|•]|\\s[-–—])\\s*(?=\\S)`, 'iu');
const SERIES_DASH = new RegExp(`^(${SERIES})\\s+[-–—]\\s+(?=\\S)`, 'iu');
const RACE_NAME = /\b(?:grand prix|gp|e-?prix|gran premio|grande pr[eê]mio|gro(?:ß|ss)er preis)\b/iu;

/** `IndyCar - Indianapolis 500` -> hint `IndyCar`, rest `Indianapolis 500` (a colon is a prefix already). */
export function splitLeadingSeries(text: string): { hint: string; rest: string } | null {
  const m = SERIES_DASH.exec(text);
  if (!m?.[1]) return null;
  return { hint: m[1], rest: text.slice(m[0].length) };
}

/** A series, a separator, then a race's name or a part: `F1 | Spanish Grand Prix - Race`, `F1: Monaco GP`. */
export function isSeriesEventText(text: string): boolean {
  const trimmed = text.trim();
  const m = SERIES_LEAD.exec(trimmed);
  if (!m) return false;
  const rest = trimmed.slice(m[0].length);
  return RACE_NAME.test(rest) || takePart(rest) !== null;
}
