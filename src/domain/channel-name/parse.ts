// parseChannelName: what an IPTV display name says about its event, from the name alone.
import type { ParsedChannel } from '../types.js';
import { isValidTimeZone } from '../time.js';
import { recogniseNormalized, type CompiledFamilies } from './families.js';
import { stripRegionPrefix } from './generic-slot.js';
import { normalizeName } from './normalize.js';
import { readPayload } from './payload.js';

// Display names are a few dozen characters; a longer one is garbage, and is read only this far so that no
// input can make parsing slow.
const MAX_NAME_LENGTH = 300;

export interface NameContext {
  now: Date;
  /** The provider's IANA zone: names are read in it unless they name one. */
  timeZone: string;
  families: CompiledFamilies;
}

/**
 * Parses one display name. Never throws: any string, however mangled, gives a ParsedChannel. `date` is set only
 * when the name writes one; a time without a date still gets `startsAt`, the occurrence nearest `now`.
 * `payload` is the text after the slot, or for a name without a slot the name without its region prefix.
 */
export function parseChannelName(name: string, ctx: NameContext): ParsedChannel {
  const normalized = normalizeName(name.length > MAX_NAME_LENGTH ? name.slice(0, MAX_NAME_LENGTH) : name);
  const slot = recogniseNormalized(normalized, ctx.families);
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
