-- The LLM step: every call (with its tokens, dollars, latency and how it ended), every decision it gave (the
-- question as asked, the answer, and an admin's review), the aliases it taught (pending until reviewed), and
-- a daily count of requests to each source.
CREATE TABLE llm_calls (
  id            serial PRIMARY KEY,
  model         text NOT NULL,
  channels      integer NOT NULL,
  input_tokens  integer NOT NULL DEFAULT 0,
  output_tokens integer NOT NULL DEFAULT 0,
  cost_usd      numeric(12, 6) NOT NULL DEFAULT 0,
  latency_ms    integer NOT NULL DEFAULT 0,
  attempts      integer NOT NULL DEFAULT 1,
  outcome       text NOT NULL CHECK (outcome IN ('answered', 'failed')),
  error         text,
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX llm_calls_created ON llm_calls (created_at);

ALTER TABLE llm_decisions DROP COLUMN reviewed;
ALTER TABLE llm_decisions
  ADD COLUMN call_id     integer REFERENCES llm_calls (id),
  ADD COLUMN model       text NOT NULL DEFAULT '',
  ADD COLUMN question    jsonb NOT NULL DEFAULT '{}'::jsonb,
  ADD COLUMN outcome     text NOT NULL DEFAULT 'chosen' CHECK (outcome IN ('chosen', 'none', 'invalid')),
  ADD COLUMN confidence  real,
  ADD COLUMN latency_ms  integer NOT NULL DEFAULT 0,
  ADD COLUMN review      text NOT NULL DEFAULT 'pending' CHECK (review IN ('pending', 'accepted', 'rejected')),
  ADD COLUMN reviewed_at timestamptz;
CREATE INDEX llm_decisions_review ON llm_decisions (review, created_at);

-- An alias the LLM taught serves matching only once an admin accepts its decision.
ALTER TABLE team_aliases
  ADD COLUMN llm_decision_id integer REFERENCES llm_decisions (id),
  ADD COLUMN pending boolean NOT NULL DEFAULT false;
CREATE INDEX team_aliases_decision ON team_aliases (llm_decision_id) WHERE llm_decision_id IS NOT NULL;

-- A match the LLM chose names its decision, so that rejecting the decision takes the match back.
ALTER TABLE matches ADD COLUMN llm_decision_id integer REFERENCES llm_decisions (id);

CREATE TABLE source_calls (
  day    text NOT NULL,
  source text NOT NULL,
  calls  integer NOT NULL DEFAULT 0,
  PRIMARY KEY (day, source)
);
