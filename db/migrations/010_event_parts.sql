-- An event may be a part of a larger one: a tournament's round or match, a race weekend's session, a fight card's
-- segment. The part says which (kind, label) and of what (the whole event's id and name); ends_at, already there,
-- says how late a part may still be on (a golf round runs all day).
ALTER TABLE events ADD COLUMN part jsonb;
