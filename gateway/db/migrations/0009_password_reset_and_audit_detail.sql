-- Frozen: this file is schema version 9 as released. Never edit it; add a new version instead.
-- Schema 9: a password an admin has reset must be changed by its user before anything else, and
-- an audit entry can say what changed (a user_update's before -> after).
ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
ALTER TABLE audit_log ADD COLUMN detail TEXT;
