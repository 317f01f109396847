-- Frozen: this file is schema version 4 as released. Never edit it; add a new version instead.
-- Schema 4: user administration. One active certificate per user (1 user = 1 certificate),
-- and the audit log read newest first per merchant, optionally per user, with a total order.

CREATE UNIQUE INDEX certificates_one_active ON certificates (login_id) WHERE revoked_at IS NULL;
CREATE INDEX audit_log_merchant_page ON audit_log (merchant_id, at DESC, audit_id DESC);
CREATE INDEX audit_log_merchant_login ON audit_log (merchant_id, login_id, at DESC, audit_id DESC);
DROP INDEX audit_log_merchant;
