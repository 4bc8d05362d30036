-- Matchup art: team colours from the sources, and team logos fetched once and kept (image NULL: could not be
-- fetched; tried again after a day). Rendered images are kept under DATA_DIR, not here.
ALTER TABLE teams
  ADD COLUMN color text,
  ADD COLUMN alternate_color text;

CREATE TABLE team_logos (
  url          text PRIMARY KEY,
  image        bytea,
  content_type text,
  fetched_at   timestamptz NOT NULL DEFAULT now()
);
