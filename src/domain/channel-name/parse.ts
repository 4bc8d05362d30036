// parseChannelName: what an IPTV display name says about its event, from the name alone.
import type { ParsedChannel } from '../types.js';
import { isValidTimeZone } from '../time.js';
import {
  recogniseListed,
  recogniseUnlisted,
  type CompiledFamilies,
  type RecognisedSlot,
} from './families.js';
import { stripRegionPrefix } from './generic-slot.js';
import { normalizeName } from './normalize.js';
import { readPayload } from './payload.js';

// Display names are a few dozen characters; a longer one is garbage, and is read only this far so that no
// input can make parsing slow.
const MAX_NAME_LENGTH = 300;
const HAS_DIGIT = /\d/;

export interface NameContext {
  now: Date;
  /** The provider's IANA zone: names are read in it unless they name one. */
  timeZone: string;
  families: CompiledFamilies;
}

/** A display name normalized, and what the provider's patterns and the configured families say of it. */
export interface PreparedName {
  name: string;
  normalized: string;
  /** The slot a listed family recognised; null when none did. */
  listed: RecognisedSlot | null;
}

/** Every slot has a number: a name without a digit is no slot, whatever the families say. */
export function prepareName(name: string, families: CompiledFamilies): PreparedName {
  const normalized = normalizeName(name.length > MAX_NAME_LENGTH ? name.slice(0, MAX_NAME_LENGTH) : name);
  const listed = HAS_DIGIT.test(normalized) ? recogniseListed(normalized, families) : null;
  return { name, normalized, listed };
}

/**
 * Parses one display name. Never throws: any string, however mangled, gives a ParsedChannel. `date` is set only
 * when the name writes one; a time without a date still gets `startsAt`, its likely occurrence at `now`.
 * `payload` is the text after the slot, or for a name without a slot the name without its region prefix.
 */
export function parseChannelName(name: string, ctx: NameContext): ParsedChannel {
  return parsePrepared(prepareName(name, ctx.families), ctx);
}

/** parseChannelName of a name already prepared (a lineup prepares each name once for discovery and parse). */
export function parsePrepared(prepared: PreparedName, ctx: NameContext): ParsedChannel {
  const { name, normalized } = prepared;
  const slot =
    prepared.listed ?? (HAS_DIGIT.test(normalized) ? recogniseUnlisted(normalized, ctx.families) : null);
  const zone = isValidTimeZone(ctx.timeZone) ? ctx.timeZone : 'UTC';
  const payload = slot ? slot.payload : stripRegionPrefix(normalized);
  const reading = readPayload(payload, slot !== null, zone, ctx.now);
  return {
    name,
    family: slot?.family ?? null,
    slot: slot?.slot ?? null,
    familySource: slot?.source ?? null,
    payload,
    ...reading,
  };
}
