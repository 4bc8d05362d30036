-- Provider patterns run on a linear-time regex engine (RE2), which has no lookahead. Two endings with one were
-- written before: the one onboarding proposed, `(?<slot>\d{1,3})(?!\d)…`, and the one of the default families,
-- `(?![\p{L}\p{N}/.])…`, which admins copy. Each becomes an ending that reads the same slots: what the lookahead
-- let follow the slot is what the payload may now open with (separators before it are dropped when it is read).
UPDATE provider_patterns AS p
SET pattern = left(p.pattern, -length(r.old)) || r.new
FROM (
  VALUES
    ('(?<slot>\d{1,3})(?!\d)\s*[:|•-]?\s*(?<payload>.*)$',
     '(?<slot>\d{1,3})\s*[:|•-]?\s*(?<payload>(?:\D.*)?)$'),
    ('(?![\p{L}\p{N}/.])\s*(?:[:|-]\s*)?(?<payload>.*)$',
     '(?<payload>(?:[^\p{L}\p{N}/.].*)?)$')
) AS r (old, new)
WHERE right(p.pattern, length(r.old)) = r.old;
