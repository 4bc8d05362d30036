// Guide channel ids. A player maps a channel once and keeps the mapping, so the id must not follow the
// day's event text: it comes from the provider slot, else the provider's tvg-id, else the name.
import { fnv1a32 } from '../hash.js';
import { pad2 } from '../time.js';
import type { ParsedChannel } from '../types.js';

/** What `tv_validate_file` accepts as an XMLTV channel id: dotted parts of letters, digits and dashes. */
const VALID_ID = /^[-a-zA-Z0-9]+(\.[-a-zA-Z0-9]+)+$/;

/** Lower-case ASCII slug: `ESPN+` -> `espn-plus`, `Fútbol & Más` -> `futbol-and-mas`. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/\+/g, ' plus ')
    .replace(/&/g, ' and ')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A tvg-id made id-safe with its case kept (`ESPN.us` stays, `Sky Sports+ 1` -> `Sky-Sports-1`). */
function cleanTvgId(tvgId: string): string[] {
  return tvgId
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .split('.')
    .map((part) =>
      part
        .replace(/[^-a-zA-Z0-9]+/g, '-')
        .replace(/-{2,}/g, '-')
        .replace(/^-+|-+$/g, ''),
    )
    .filter((part) => part !== '');
}

/**
 * The `<channel id>` of a playlist entry. A family slot gives `nba-01.acme` (family slug, slot padded to
 * two digits, provider slug). A tvg-id that already looks like an XMLTV id is kept as written, so players
 * still using the provider's own playlist keep matching; another tvg-id is cleaned and scoped to the
 * provider. With neither, a hash of the display name (which changes when the name does). Ids are not
 * deduplicated here: see `uniqueChannelIds`.
 */
export function channelIdFor(
  parsed: Pick<ParsedChannel, 'family' | 'slot'>,
  entry: { tvgId: string; name: string },
  providerSlug: string,
): string {
  const provider = slugify(providerSlug) || 'provider';
  if (parsed.family !== null && parsed.slot !== null) {
    const family = slugify(parsed.family) || 'channel';
    return `${family}-${pad2(parsed.slot)}.${provider}`;
  }
  const tvgId = entry.tvgId.trim();
  if (tvgId !== '') {
    if (VALID_ID.test(tvgId)) return tvgId;
    const parts = cleanTvgId(tvgId);
    if (parts.length > 0) return `${parts.join('.')}.${provider}`;
  }
  const hash = fnv1a32(entry.name.trim().toLowerCase()).toString(16).padStart(8, '0');
  return `ch-${hash}.${provider}`;
}

/**
 * Makes ids unique in order: the first keeps its id, later duplicates get `-2`, `-3`... on their first part
 * (`nba-01.acme` -> `nba-01-2.acme`), skipping any id already taken.
 */
export function uniqueChannelIds(ids: readonly string[]): string[] {
  const taken = new Set(ids);
  const seen = new Set<string>();
  // The next suffix to try per duplicated id: every lower one is already taken or given out, so a slot
  // repeated a thousand times costs a thousand tries, not half a million.
  const nextSuffix = new Map<string, number>();
  const out: string[] = [];
  for (const id of ids) {
    if (!seen.has(id)) {
      seen.add(id);
      out.push(id);
      continue;
    }
    const dot = id.indexOf('.');
    const head = dot === -1 ? id : id.slice(0, dot);
    const tail = dot === -1 ? '' : id.slice(dot);
    let n = nextSuffix.get(id) ?? 2;
    let candidate = `${head}-${n}${tail}`;
    while (taken.has(candidate) || seen.has(candidate)) candidate = `${head}-${++n}${tail}`;
    nextSuffix.set(id, n + 1);
    seen.add(candidate);
    out.push(candidate);
  }
  return out;
}

export function isValidXmltvChannelId(id: string): boolean {
  return VALID_ID.test(id);
}
