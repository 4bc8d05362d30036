// Understanding an event-channel name on its own: the family and slot (`families`, `generic-slot`), the
// payload after them (`payload`: teams, title, flags, hints, placeholders) and when it is on (`when/`: dates,
// clock times, zone words, and resolving them to instants). `parse` puts them together.
export { compileFamilies, recogniseSlot, withDiscovered, type CompiledFamilies } from './families.js';
export { discoverFamilies, type DiscoveredFamily } from './discover.js';
export {
  parseChannelName,
  parsePrepared,
  prepareName,
  type NameContext,
  type PreparedName,
} from './parse.js';
export { likelyOccurrence } from './when/resolve.js';
