-- The match report of the last good guide is stored gzipped: a 16,000-channel report is 13 MB of JSON and about
-- a fortieth of that gzipped, which the embedded database writes in a few milliseconds instead of a second.
-- Reports stored before keep their JSON, as plain UTF-8 bytes (the reader tells them apart by gzip's magic).
ALTER TABLE guides ALTER COLUMN report TYPE bytea USING convert_to(report::text, 'UTF8');
