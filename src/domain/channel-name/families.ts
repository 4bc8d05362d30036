// Channel families as data: provider patterns first, then the global defaults, then the families the lineup
// itself reveals, then the generic rule for a lone name (DESIGN "Useful on a provider nobody configured").
import type { ChannelFamily, FamilySource } from '../types.js';
import { slotHead, type DiscoveredFamily } from './discover.js';
import { recogniseGenericSlot, recogniseTrailingSlot, stripRegionPrefix } from './generic-slot.js';
import { normalizeName } from './normalize.js';
import { familyKey } from '../family-leagues.js';
import { compileAdminRegex, type AdminRegex, type CompiledRegex } from '../admin-regex.js';

interface CompiledFamily {
  family: string;
  regex: AdminRegex;
  priority: number;
  source: 'provider' | 'default';
  /** Lower-cased text every match must start with, when the pattern fixes it (`nba `); a cheap pre-check. */
  lead: string | null;
}

export interface FamilyProblem {
  source: 'provider' | 'default';
  family: string;
  pattern: string;
  reason: string;
}

export interface CompiledFamilies {
  readonly entries: readonly CompiledFamily[];
  /** Families the lineup revealed, by key (see familyKey), with their labels. */
  readonly discovered: ReadonlyMap<string, string>;
  /** Patterns that were skipped, and why. */
  readonly problems: readonly FamilyProblem[];
}

export interface RecognisedSlot {
  family: string;
  slot: number;
  payload: string;
  source: FamilySource;
}

// The configured families are the same objects at every generation, and compiling a pattern takes up to a
// millisecond: each is compiled once. A provider's patterns are read afresh, and compiled again, every time.
const compiledPatterns = new WeakMap<ChannelFamily, CompiledRegex>();

/** A family's pattern compiled, once for the life of the family object; or why it cannot be. */
export function compileFamilyPattern(f: ChannelFamily): CompiledRegex {
  let compiled = compiledPatterns.get(f);
  if (compiled === undefined) {
    compiled = compileAdminRegex(f.pattern);
    compiledPatterns.set(f, compiled);
  }
  return compiled;
}

function compileOne(f: ChannelFamily, source: CompiledFamily['source'], problems: FamilyProblem[]) {
  const problem = (reason: string): null => {
    problems.push({ source, family: f.family, pattern: f.pattern, reason });
    return null;
  };
  const { regex, problem: why } = compileFamilyPattern(f);
  if (regex === null) return problem(why);
  if (!regex.groupNames.includes('slot') || !regex.groupNames.includes('payload')) {
    return problem('must capture the named groups "slot" and "payload"');
  }
  return { family: f.family.trim(), regex, priority: f.priority, source, lead: leadText(f.pattern) };
}

/**
 * `^NBA\s*...` must start with `nba`, `^(?<family>DAZN...` with `dazn`, `^NFL Game ?Pass` with `nfl game`: the
 * plain ASCII letters, digits and spaces the pattern opens with (a character a quantifier follows is left out).
 * Patterns that start otherwise, or that alternate at the top (`^A|^B`, `^(?<family>WHL|OHL)`), get none.
 */
function leadText(pattern: string): string | null {
  const m = /^\^(\(\?<family>)?([A-Za-z0-9 ]+)/.exec(pattern);
  if (!m?.[2]) return null;
  let depth = m[1] ? 1 : 0;
  let familyOpen = Boolean(m[1]);
  let inClass = false;
  for (let i = m[0].length - m[2].length; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') {
      depth--;
      if (depth === 0) familyOpen = false;
    } else if (c === '|' && (depth === 0 || (familyOpen && depth === 1))) return null;
  }
  const next = pattern[m[0].length];
  const text = next === '?' || next === '*' || next === '{' ? m[2].slice(0, -1) : m[2];
  return text === '' ? null : text.toLowerCase();
}

/**
 * Compiles provider patterns (by priority, highest first), then defaults, then what the lineup revealed; bad
 * patterns are skipped and reported.
 */
export function compileFamilies(
  provider: ChannelFamily[],
  defaults: ChannelFamily[],
  discovered: readonly DiscoveredFamily[] = [],
): CompiledFamilies {
  const problems: FamilyProblem[] = [];
  const compile = (list: ChannelFamily[], source: CompiledFamily['source']): CompiledFamily[] =>
    list
      .map((f) => compileOne(f, source, problems))
      .filter((f): f is CompiledFamily => f !== null)
      .sort((a, b) => b.priority - a.priority);
  return {
    entries: [...compile(provider, 'provider'), ...compile(defaults, 'default')],
    discovered: new Map(discovered.map((d) => [d.key, d.family])),
    problems,
  };
}

/** The same families with what a lineup revealed added. */
export function withDiscovered(
  families: CompiledFamilies,
  discovered: readonly DiscoveredFamily[],
): CompiledFamilies {
  return { ...families, discovered: new Map(discovered.map((d) => [d.key, d.family])) };
}

/** The label to show: a captured `family` group as written (`DAZN CA`), the listed label when they agree. */
function labelOf(entry: CompiledFamily, captured: string | undefined): string {
  if (!captured) return entry.family;
  const written = captured.replace(/\s+/g, ' ').trim();
  if (!written || familyKey(written) === familyKey(entry.family)) return entry.family;
  if (familyKey(written).startsWith(familyKey(entry.family))) {
    return `${entry.family}${written.slice(entry.family.length).toUpperCase()}`;
  }
  return written;
}

function tidyPayload(payload: string | undefined): string {
  return (payload ?? '').replace(/^[\s:|•-]+/u, '').trim();
}

/** Recognition by the provider's patterns and the configured families alone, on a normalized name. */
export function recogniseListed(name: string, families: CompiledFamilies): RecognisedSlot | null {
  const core = stripRegionPrefix(name);
  const lowerName = name.toLowerCase();
  const lowerCore = core === name ? lowerName : core.toLowerCase();
  for (const entry of families.entries) {
    const tryName = entry.lead === null || lowerName.startsWith(entry.lead);
    const tryCore = core !== name && (entry.lead === null || lowerCore.startsWith(entry.lead));
    const m = (tryName ? entry.regex.exec(name) : null) ?? (tryCore ? entry.regex.exec(core) : null);
    const slot = m?.slot;
    if (!m || slot === undefined || !/^\d+$/.test(slot)) continue;
    return {
      family: labelOf(entry, m.family),
      slot: Number(slot),
      payload: tidyPayload(m.payload),
      source: entry.source === 'provider' ? 'provider' : 'config',
    };
  }
  return null;
}

/** Recognition on an already normalized name (see normalizeName). */
export function recogniseNormalized(name: string, families: CompiledFamilies): RecognisedSlot | null {
  return recogniseListed(name, families) ?? recogniseUnlisted(name, families);
}

/** Recognition by what the lineup revealed, then the generic rules, of a name no listed family took. */
export function recogniseUnlisted(name: string, families: CompiledFamilies): RecognisedSlot | null {
  const core = stripRegionPrefix(name);
  const head = families.discovered.size > 0 ? slotHead(core) : null;
  const family = head && families.discovered.get(familyKey(head.prefix));
  if (head && family) return { family, slot: head.slot, payload: head.rest, source: 'discovered' };
  const generic = recogniseGenericSlot(core) ?? recogniseTrailingSlot(core);
  return generic && { ...generic, source: 'generic' };
}

/** Family, slot number and payload of an event-channel name, or null when the name is not a numbered slot. */
export function recogniseSlot(name: string, families: CompiledFamilies): RecognisedSlot | null {
  return recogniseNormalized(normalizeName(name), families);
}
