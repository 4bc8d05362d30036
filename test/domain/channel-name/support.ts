// Shared by the channel-name tests: the default families and a flat view of a parse for toMatchObject.
import { fileURLToPath } from 'node:url';
import { loadDefaultFamilies } from '../../../src/config/channel-families.js';
import { compileFamilies, type CompiledFamilies } from '../../../src/domain/channel-name/families.js';
import { parseChannelName } from '../../../src/domain/channel-name/parse.js';
import type { ParsedChannel } from '../../../src/domain/types.js';

export const FAMILIES_FILE = fileURLToPath(new URL('../../../config/channel-families.yaml', import.meta.url));

export function defaultFamilies(): CompiledFamilies {
  return compileFamilies([], loadDefaultFamilies(FAMILIES_FILE));
}

export interface View {
  kind: ParsedChannel['kind'];
  family: string | null;
  slot: number | null;
  teams: string[];
  awayFirst: boolean;
  title: string | null;
  part: ParsedChannel['part'];
  leagueHints: string[];
  time: string | null;
  timeZone: string | null;
  date: string | null;
  startsAt: string | null;
  stopsAt: string | null;
  quality: string[];
  feed: string[];
  network: string[];
  language: string[];
  highlights: boolean;
  replay: boolean;
}

export function view(p: ParsedChannel): View {
  return {
    kind: p.kind,
    family: p.family,
    slot: p.slot,
    teams: p.teams,
    awayFirst: p.awayFirst,
    title: p.title,
    part: p.part ?? null,
    leagueHints: p.leagueHints,
    time: p.time,
    timeZone: p.timeZone,
    date: p.date,
    startsAt: p.startsAt?.toISOString() ?? null,
    stopsAt: p.stopsAt?.toISOString() ?? null,
    ...p.flags,
  };
}

export function parseView(
  name: string,
  families: CompiledFamilies,
  now: string,
  timeZone = 'America/New_York',
): View {
  return view(parseChannelName(name, { now: new Date(now), timeZone, families }));
}
