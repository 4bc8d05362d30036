// Entity-tags (RFC 9110 §8.8.3) and the If-None-Match precondition of a GET (§13.1.2).

export interface EntityTag {
  weak: boolean;
  /** The opaque-tag with its double quotes, e.g. `"3f2a"`. */
  opaque: string;
}

/** `W/` (case-sensitive) then an opaque-tag: etagc (`!`, `#`-`~` and obs-text) between double quotes. */
const ENTITY_TAG = /^(W\/)?("[\x21\x23-\x7e\x80-\xff]*")$/;

/** Optional whitespace around list members: spaces and horizontal tabs only. */
const OWS = /^[ \t]+|[ \t]+$/g;

/** An entity-tag as written in a header, or undefined when it is not one. */
export function parseEntityTag(text: string): EntityTag | undefined {
  const m = ENTITY_TAG.exec(text);
  return m ? { weak: m[1] !== undefined, opaque: m[2]! } : undefined;
}

/** The ETag header value of an opaque string of etagc characters; throws on any other character. */
export function formatEntityTag(opaque: string, weak: boolean): string {
  const text = `${weak ? 'W/' : ''}"${opaque}"`;
  if (!parseEntityTag(text)) throw new Error(`cannot be an entity-tag: ${JSON.stringify(opaque)}`);
  return text;
}

/**
 * The members of an If-None-Match field: `*`, or the entity-tags of its comma-separated list. A comma inside an
 * opaque-tag does not split it; empty members and members that are not entity-tags (`w/"a"`, `a`, `"a`, a `*`
 * among others) are left out, so they match nothing.
 */
export function parseIfNoneMatch(field: string): '*' | EntityTag[] {
  if (field.replace(OWS, '') === '*') return '*';
  const tags: EntityTag[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i <= field.length; i++) {
    const c = field[i];
    if (c === '"') quoted = !quoted;
    else if (i === field.length || (c === ',' && !quoted)) {
      const tag = parseEntityTag(field.slice(start, i).replace(OWS, ''));
      if (tag) tags.push(tag);
      start = i + 1;
    }
  }
  return tags;
}

/**
 * True when If-None-Match fails for a representation with this ETag, so a GET answers 304: the field is `*`, or
 * one of its entity-tags weakly matches (equal opaque-tags, either or both weak), as RFC 9110 asks of GET.
 */
export function notModified(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  const members = parseIfNoneMatch(ifNoneMatch);
  if (members === '*') return true;
  const current = parseEntityTag(etag);
  return current !== undefined && members.some((t) => t.opaque === current.opaque);
}
