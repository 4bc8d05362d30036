-- The last good guide keeps its rewritten playlist (entries with their guide channel ids, gzipped, without the
-- #EXTM3U line) and the playlist's header attributes, so /playlist/<slug>.m3u answers after a restart while the
-- provider's host is down. Guides stored before have none.
ALTER TABLE guides
  ADD COLUMN playlist_gzip bytea,
  ADD COLUMN playlist_header jsonb;
