-- An admin's word on one channel of a provider: pinned to an event, or marked as carrying no event. Replaced
-- and removed by soft delete, so every earlier word is kept.
CREATE TABLE channel_overrides (
  id          serial PRIMARY KEY,
  provider_id integer NOT NULL REFERENCES providers (id),
  channel_id  text NOT NULL,
  event_id    integer REFERENCES events (id),
  not_event   boolean NOT NULL DEFAULT false,
  created_at  timestamptz NOT NULL DEFAULT now(),
  deleted_at  timestamptz,
  CHECK ((event_id IS NULL) = not_event)
);
CREATE UNIQUE INDEX channel_overrides_live ON channel_overrides (provider_id, channel_id) WHERE deleted_at IS NULL;
