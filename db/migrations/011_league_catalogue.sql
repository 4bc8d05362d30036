-- Leagues the sources serve beyond the configured ones. TheSportsDB's league list is kept here, fetched at
-- most once a day; a league a channel names is then added to `leagues` with `discovered_at` set, and read
-- back at start with its aliases.
CREATE TABLE source_leagues (
  source      text NOT NULL,
  id          text NOT NULL,
  name        text NOT NULL,
  sport       text,
  alternate   text,
  fetched_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (source, id)
);

ALTER TABLE leagues
  ADD COLUMN discovered_at timestamptz,
  ADD COLUMN aliases text[] NOT NULL DEFAULT '{}';
