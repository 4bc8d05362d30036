-- The review queue reads what matching left unmatched: the guide channel to pin, the best candidates with why
-- each was refused, and the leagues searched (empty: any).
ALTER TABLE unmatched_channels
  ADD COLUMN channel_id text,
  ADD COLUMN candidates jsonb NOT NULL DEFAULT '[]'::jsonb,
  ADD COLUMN leagues jsonb NOT NULL DEFAULT '[]'::jsonb;
CREATE INDEX unmatched_seen ON unmatched_channels (seen_at);
