// Matching a parsed channel to a real event: which events to consider (`candidates`), an index of their teams'
// names (`candidate-index`, `team-names`), scoring each piece of evidence (`team-scores`, `title`,
// `evidence`), the decision (`decide`), the key a match is remembered by (`fingerprint`), and what a family's
// matches teach about its leagues (`learn`).
export { admitsLeague, candidateQuery, inWindow, type CandidateQuery } from './candidates.js';
export { matchChannel, type ScoredCandidate } from './decide.js';
export { channelFingerprint, type ChannelFingerprint } from './fingerprint.js';
export { learnFamilyLeagues, type FamilyMatch } from './learn.js';
export { namesToTeach, type TaughtName } from './teach.js';
export { normalizeTeamName, teamAliases, type TeamRecord } from './team-names.js';
export { personAliases } from './person-names.js';
export { dice, trigrams } from './trigrams.js';
