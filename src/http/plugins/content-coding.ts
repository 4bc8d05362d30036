import Negotiator from 'negotiator';

/** The content codings this service answers in: gzip, or none. */
export type ContentCoding = 'gzip' | 'identity';

/** `x-gzip` where it stands as a member's coding, which RFC 9110 §8.4.1.3 reads as `gzip`. */
const X_GZIP = /(^|,)([ \t]*)x-gzip(?=[ \t]*(?:[;,]|$))/gi;

/**
 * The coding of the answer to a request's Accept-Encoding (RFC 9110 §12.5.3), among those `available`: the
 * acceptable one of highest q-value, a tie going to the one the client named first, then to the first available.
 * Codings are compared without case, `*` stands for any coding not named, and q=0 refuses. Identity is acceptable
 * unless `identity;q=0`, or `*;q=0` without `identity`, refuses it; not named, it ranks after every coding named.
 * Without the header, or with it empty, the answer is identity. Undefined when the client accepts nothing
 * available: the answer is then a 406.
 */
export function negotiateContentCoding(
  acceptEncoding: string | undefined,
  available: readonly ContentCoding[],
): ContentCoding | undefined {
  const header = acceptEncoding?.replace(X_GZIP, '$1$2gzip');
  const negotiator = new Negotiator({ headers: { 'accept-encoding': header } });
  const best = negotiator.encoding(available);
  return available.find((c) => c === best);
}
