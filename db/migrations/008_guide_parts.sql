-- A last good guide's bytes (its XMLTV, its report and its rewritten playlist, each gzipped) are stored in parts
-- of at most 256 KiB, one row each: no single statement carries megabytes, which on the embedded database grew
-- its memory by about twenty times the guide's size, for good. The guide row keeps what is small.
CREATE TABLE guide_parts (
  provider_id integer NOT NULL REFERENCES guides (provider_id) ON DELETE CASCADE,
  kind        text NOT NULL CHECK (kind IN ('xml', 'report', 'playlist')),
  part        integer NOT NULL,
  bytes       bytea NOT NULL,
  PRIMARY KEY (provider_id, kind, part)
);
-- gzip does not compress again: stored out of line as it is, without trying.
ALTER TABLE guide_parts ALTER COLUMN bytes SET STORAGE EXTERNAL;

INSERT INTO guide_parts (provider_id, kind, part, bytes)
  SELECT provider_id, 'xml', 0, xml_gzip FROM guides;
INSERT INTO guide_parts (provider_id, kind, part, bytes)
  SELECT provider_id, 'report', 0, report FROM guides;
INSERT INTO guide_parts (provider_id, kind, part, bytes)
  SELECT provider_id, 'playlist', 0, playlist_gzip FROM guides WHERE playlist_gzip IS NOT NULL;

ALTER TABLE guides
  DROP COLUMN xml_gzip,
  DROP COLUMN report,
  DROP COLUMN playlist_gzip;
