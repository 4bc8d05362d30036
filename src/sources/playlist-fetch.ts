// What fetching a playlist gives, whether from a provider's URL or a `file:` under PLAYLIST_DIR.

export interface PlaylistValidators {
  etag?: string;
  lastModified?: string;
}

/**
 * `body` is single-use: iterate it once to the end, or break out of the loop so the connection is
 * released. It yields decoded bytes and throws UpstreamError ('too-large', 'timeout', ...) mid-stream.
 */
export type PlaylistFetch =
  | { status: 'ok'; body: AsyncIterable<Uint8Array>; validators: PlaylistValidators }
  | { status: 'not-modified' };
