// The names people go by in a channel name: a tennis player or a fighter is written by the surname (`Sinner`),
// the full name (`Jannik Sinner`) or an initial and the surname (`J. Sinner`); a doubles pair (`A / B`) by both
// surnames. Used where a source's competitors are athletes, not teams.
import { normalizeTeamName } from './team-names.js';

// Lower-case words that belong to the surname that follows them: `Juan Martin del Potro` is `del Potro`.
const PARTICLES = new Set([
  'van',
  'von',
  'der',
  'den',
  'de',
  'del',
  'della',
  'di',
  'da',
  'dos',
  'du',
  'la',
  'le',
  'st',
]);

/** The surname of a full name, with the particles before it (`del potro`), normalised. */
function surnameOf(words: readonly string[]): string {
  let i = words.length - 1;
  while (i > 1 && PARTICLES.has(words[i - 1]!)) i -= 1;
  return words.slice(i).join(' ');
}

/** Aliases of one person: the full name, the surname, the initial and surname; normalised, distinct. */
function aliasesOfOne(name: string): string[] {
  const full = normalizeTeamName(name);
  const words = full.split(' ').filter(Boolean);
  if (words.length < 2) return full ? [full] : [];
  const surname = surnameOf(words);
  const initial = `${words[0]![0]} ${surname}`;
  return [...new Set([full, surname, initial])];
}

/** Aliases of an athlete, or of a doubles pair written `A / B` (then also both surnames: `errani vavassori`). */
export function personAliases(name: string): string[] {
  const people = name
    .split('/')
    .map((p) => p.trim())
    .filter(Boolean);
  if (people.length < 2) return aliasesOfOne(name);
  const surnames = people.map((p) => surnameOf(normalizeTeamName(p).split(' ').filter(Boolean)));
  return [
    ...new Set([normalizeTeamName(name), surnames.join(' '), ...people.map((p) => normalizeTeamName(p))]),
  ];
}
