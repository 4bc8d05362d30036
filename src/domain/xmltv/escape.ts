// Text that goes into XML. Provider names carry anything: control bytes, lone surrogates, U+FFFE.

/**
 * Characters outside XML 1.0's `Char` production, plus controls that XML allows but discourages:
 * `tv_validate_file` rejects UTF-8 C1 controls (U+0080..U+009F) as "misencoded windows-1252", and DEL is
 * never meaningful in a title. In `u` mode an unpaired surrogate is a code point of its own, outside every
 * range below, so it is matched too.
 */
const FORBIDDEN = /[^\t\n\r\u0020-\u007E\u00A0-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const FORBIDDEN_ALL = /[^\t\n\r\u0020-\u007E\u00A0-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

// Without the `u` flag a regex reads UTF-16 units, which is much faster; any text it passes is clean (it flags
// every surrogate, paired or not, and leaves the exact check to FORBIDDEN).
// eslint-disable-next-line no-control-regex -- control characters are exactly what it looks for
const MAYBE_FORBIDDEN = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Drops every character an XML document may not (or should not) contain. */
export function stripInvalidXmlChars(text: string): string {
  if (!MAYBE_FORBIDDEN.test(text)) return text;
  return FORBIDDEN.test(text) ? text.replace(FORBIDDEN_ALL, '') : text;
}

const TEXT_SPECIAL = /[&<>\r]/;
const TEXT_SPECIAL_ALL = /[&<>\r]/g;
// Whitespace other than a space is escaped in attributes, or attribute-value normalisation turns it into one.
const ATTR_SPECIAL = /[&<>"'\t\n\r]/;
const ATTR_SPECIAL_ALL = /[&<>"'\t\n\r]/g;

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

const entityFor = (ch: string): string => ENTITIES[ch] ?? '';

/** {@link escapeXmlText} of text that {@link stripInvalidXmlChars} already cleaned. */
export function escapeCleanXmlText(clean: string): string {
  return TEXT_SPECIAL.test(clean) ? clean.replace(TEXT_SPECIAL_ALL, entityFor) : clean;
}

/** {@link escapeXmlAttr} of text that {@link stripInvalidXmlChars} already cleaned. */
export function escapeCleanXmlAttr(clean: string): string {
  return ATTR_SPECIAL.test(clean) ? clean.replace(ATTR_SPECIAL_ALL, entityFor) : clean;
}

/** Character data: strips forbidden characters, escapes `& < >` (and CR, which parsers would fold). */
export function escapeXmlText(text: string): string {
  return escapeCleanXmlText(stripInvalidXmlChars(text));
}

/** A double- or single-quoted attribute value: as text, plus both quotes and tab/newline. */
export function escapeXmlAttr(text: string): string {
  return escapeCleanXmlAttr(stripInvalidXmlChars(text));
}
