-- Frozen: this file is schema version 10 as released. Never edit it; add a new version instead.
-- Schema 10: each user's last successful login (the Users page shows it), and the audit log found
-- by what an entry was about (GET /v1/audit?target=: a payment, a user, a statement).
ALTER TABLE users ADD COLUMN last_login_at BIGINT;
CREATE INDEX audit_log_merchant_target ON audit_log (merchant_id, target, at DESC, audit_id DESC);
