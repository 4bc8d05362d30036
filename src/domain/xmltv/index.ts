// XMLTV out: stable channel ids (`channel-id`), escaping (`escape`) and the streamed, DTD-ordered document
// (`writer`).
export { channelIdFor, uniqueChannelIds } from './channel-id.js';
export { writeXmltv } from './writer.js';
