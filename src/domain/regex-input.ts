/**
 * Admins' regexes (provider patterns, VOD rules) see at most this many characters of a field. Patterns are
 * refused at save unless they are shown to be at most quadratic, so no single match, whatever the playlist holds
 * (its lines may be a MiB long), costs more than about MAX_REGEX_INPUT² steps.
 */
export const MAX_REGEX_INPUT = 512;

/** The part of a value an admin's regex is run on. */
export function regexInput(value: string): string {
  return value.length > MAX_REGEX_INPUT ? value.slice(0, MAX_REGEX_INPUT) : value;
}
