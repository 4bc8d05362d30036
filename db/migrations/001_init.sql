-- Providers and how their channel names are read.
CREATE TABLE providers (
  id           serial PRIMARY KEY,
  slug         text NOT NULL,
  name         text NOT NULL,
  playlist_url text NOT NULL,
  timezone     text NOT NULL,
  enabled      boolean NOT NULL DEFAULT true,
  access_token text,
  settings     jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  deleted_at   timestamptz
);
-- A soft-deleted provider keeps its row; its slug may be taken again.
CREATE UNIQUE INDEX providers_slug_live ON providers (slug) WHERE deleted_at IS NULL;

CREATE TABLE provider_patterns (
  id          serial PRIMARY KEY,
  provider_id integer NOT NULL REFERENCES providers (id),
  family      text NOT NULL,
  pattern     text NOT NULL,
  priority    integer NOT NULL DEFAULT 100,
  enabled     boolean NOT NULL DEFAULT true,
  created_at  timestamptz NOT NULL DEFAULT now(),
  deleted_at  timestamptz
);
CREATE INDEX provider_patterns_provider ON provider_patterns (provider_id) WHERE deleted_at IS NULL;

-- Leagues and which families point at them.
CREATE TABLE leagues (
  key               text PRIMARY KEY,
  name              text NOT NULL,
  sport             text NOT NULL,
  espn_slug         text,
  thesportsdb_id    text,
  thesportsdb_name  text,
  duration_minutes  integer NOT NULL,
  us_style          boolean NOT NULL DEFAULT true,
  updated_at        timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE family_league_mappings (
  id          serial PRIMARY KEY,
  provider_id integer REFERENCES providers (id),
  family      text NOT NULL,
  league_keys text[] NOT NULL,
  source      text NOT NULL DEFAULT 'config',
  created_at  timestamptz NOT NULL DEFAULT now(),
  deleted_at  timestamptz
);
CREATE UNIQUE INDEX family_league_mappings_unique
  ON family_league_mappings (coalesce(provider_id, 0), lower(family)) WHERE deleted_at IS NULL;

-- Teams and every name they go by, normalized once.
CREATE TABLE teams (
  id             serial PRIMARY KEY,
  league         text NOT NULL REFERENCES leagues (key),
  name           text NOT NULL,
  abbreviation   text,
  espn_id        text,
  thesportsdb_id text,
  logo           text,
  updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX teams_espn ON teams (league, espn_id) WHERE espn_id IS NOT NULL;
CREATE UNIQUE INDEX teams_tsdb ON teams (league, thesportsdb_id) WHERE thesportsdb_id IS NOT NULL;

CREATE TABLE team_aliases (
  id         serial PRIMARY KEY,
  team_id    integer NOT NULL REFERENCES teams (id),
  alias      text NOT NULL,
  normalized text NOT NULL,
  source     text NOT NULL CHECK (source IN ('api', 'admin', 'learned', 'llm')),
  created_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz
);
CREATE UNIQUE INDEX team_aliases_unique ON team_aliases (team_id, normalized) WHERE deleted_at IS NULL;
CREATE INDEX team_aliases_normalized ON team_aliases (normalized);

-- One row per real event, whatever the sources.
CREATE TABLE events (
  id              serial PRIMARY KEY,
  league          text NOT NULL REFERENCES leagues (key),
  sport           text NOT NULL,
  title           text NOT NULL,
  starts_at       timestamptz NOT NULL,
  ends_at         timestamptz,
  status          text CHECK (status IN ('pre', 'in', 'post')),
  status_detail   text,
  venue           text,
  home_team_id    integer REFERENCES teams (id),
  away_team_id    integer REFERENCES teams (id),
  home_name       text,
  away_name       text,
  image           text,
  espn_id         text,
  thesportsdb_id  text,
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX events_espn ON events (espn_id) WHERE espn_id IS NOT NULL;
CREATE UNIQUE INDEX events_tsdb ON events (thesportsdb_id) WHERE thesportsdb_id IS NOT NULL;
CREATE INDEX events_league_start ON events (league, starts_at);

-- Which league-days have been fetched from which source, and when.
CREATE TABLE event_fetches (
  source     text NOT NULL,
  league     text NOT NULL,
  day text NOT NULL,
  fetched_at timestamptz NOT NULL DEFAULT now(),
  event_count integer NOT NULL DEFAULT 0,
  PRIMARY KEY (source, league, day)
);

-- What each channel matched, and why.
CREATE TABLE matches (
  id          serial PRIMARY KEY,
  provider_id integer NOT NULL REFERENCES providers (id),
  fingerprint text NOT NULL,
  day text NOT NULL,
  event_id    integer NOT NULL REFERENCES events (id),
  handler     text NOT NULL,
  confidence  real NOT NULL,
  why         text NOT NULL,
  payload     text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX matches_unique ON matches (provider_id, fingerprint, day);
CREATE INDEX matches_payload_day ON matches (payload, day);

CREATE TABLE unmatched_channels (
  id             serial PRIMARY KEY,
  provider_id    integer NOT NULL REFERENCES providers (id),
  fingerprint    text NOT NULL,
  day text NOT NULL,
  name           text NOT NULL,
  parsed         jsonb NOT NULL,
  best_candidate jsonb,
  reason         text NOT NULL,
  seen_at        timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX unmatched_unique ON unmatched_channels (provider_id, fingerprint, day);

CREATE TABLE llm_decisions (
  id          serial PRIMARY KEY,
  prompt_hash text NOT NULL UNIQUE,
  provider_id integer REFERENCES providers (id),
  channel     text NOT NULL,
  answer      jsonb NOT NULL,
  event_id    integer REFERENCES events (id),
  input_tokens  integer NOT NULL DEFAULT 0,
  output_tokens integer NOT NULL DEFAULT 0,
  cost_usd    numeric(10, 6) NOT NULL DEFAULT 0,
  reviewed    boolean NOT NULL DEFAULT false,
  created_at  timestamptz NOT NULL DEFAULT now()
);

-- The last good guide per provider, served when a fresh one cannot be made.
CREATE TABLE guides (
  provider_id  integer PRIMARY KEY REFERENCES providers (id),
  etag         text NOT NULL,
  xml_gzip     bytea NOT NULL,
  report       jsonb NOT NULL,
  generated_at timestamptz NOT NULL
);
