// Families a provider's own lineup reveals: names that share a prefix (decorations stripped) followed by distinct
// slot numbers, whatever separates them, where some slots carry games. Configured families and provider patterns
// come first; discovery fills the rest, and the generic rule covers a lone name.
import { familyKey } from '../family-leagues.js';
import { readsAsEvent, stripRegionPrefix } from './generic-slot.js';

export interface SlotHead {
  /** The words before the number, as written. */
  prefix: string;
  slot: number;
  /** What follows the number and its separator. */
  rest: string;
}

export interface DiscoveredFamily {
  /** Comparison key of the family (see familyKey). */
  key: string;
  /** The label as most of its names write it. */
  family: string;
  /** Distinct slot numbers seen. */
  slots: number;
  /** One name of the family carrying an event. */
  example: string;
}

// One to five words (the first starting with a letter), maybe a `:`, `|`, `•` or `-`, then a 1-3 digit number
// that is not part of a longer token (`NBA 2K`, `UFC 24/7`, `Ligue 1.5`), then the rest. A digit alone before the
// number ends the family's label (`Formula 1 01`).
const HEAD =
  /^(?<prefix>[\p{L}][\p{L}\p{N}+&'.ⓧ]*(?:[ -][\p{L}\p{N}+&'.ⓧ]+){0,4}?(?: \d(?= \d))?)\s*(?:[:|•-]\s*)?(?<slot>\d{1,3})(?![\p{L}\p{N}]|[:.,/']\d)\s*(?:[:|•-]\s*)?(?<rest>.*)$/u;
const MIN_SLOTS = 3;
const HAS_DIGIT = /\d/;
const MIN_EVENTS = 2;

/** The family words, slot number and rest of a name whose region prefix is already removed, if it has them. */
export function slotHead(core: string): SlotHead | null {
  const g = HEAD.exec(core)?.groups;
  if (!g?.prefix || g.slot === undefined) return null;
  const prefix = g.prefix.replace(/[\s.'-]+$/u, '');
  // Two letters make a label, or one and its number (`F1`).
  if (!/\p{L}{2}|^\p{L}\d\b/u.test(prefix)) return null;
  return { prefix, slot: Number(g.slot), rest: (g.rest ?? '').trim() };
}

interface Group {
  labels: Map<string, number>;
  slots: Set<number>;
  /** Members whose rest is not empty, and those among them that read as a game (teams or a time). */
  said: number;
  events: number;
  example: string | null;
}

/**
 * Groups names no listed family took (each as written and normalized, see normalizeName) by family prefix, and
 * keeps a group as a family when it has at least three distinct slot numbers and at least two slots, and a
 * third of those that say anything, read as games. Linear channels that share a brand and numbers
 * (`beIN Sports 1..12`, `Fox 4 / Fox 5`) say no game.
 */
export function discoverFamilies(
  unlisted: Iterable<{ name: string; normalized: string }>,
): DiscoveredFamily[] {
  const groups = new Map<string, Group>();
  for (const { name, normalized } of unlisted) {
    if (!HAS_DIGIT.test(normalized)) continue;
    const head = slotHead(stripRegionPrefix(normalized));
    if (!head) continue;
    const key = familyKey(head.prefix);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { labels: new Map(), slots: new Set(), said: 0, events: 0, example: null }));
    g.labels.set(head.prefix, (g.labels.get(head.prefix) ?? 0) + 1);
    g.slots.add(head.slot);
    if (head.rest.replace(/\[[^\]]*\]|\([^)]*\)/gu, '').trim() === '') continue;
    g.said += 1;
    if (readsAsEvent(head.rest, { placeholders: false })) {
      g.events += 1;
      g.example ??= name;
    }
  }
  const found: DiscoveredFamily[] = [];
  for (const [key, g] of groups) {
    if (g.slots.size < MIN_SLOTS || g.events < MIN_EVENTS || g.events * 3 < g.said) continue;
    const family = [...g.labels].sort((a, b) => b[1] - a[1])[0]?.[0] ?? key;
    found.push({ key, family, slots: g.slots.size, example: g.example ?? family });
  }
  return found.sort((a, b) => b.slots - a.slots);
}
