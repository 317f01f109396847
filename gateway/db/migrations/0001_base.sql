-- Frozen: this file is schema version 1 as released. Never edit it; add a new version instead.
-- Schema 1: merchants, users and their permissions and certificates, sessions, payments with
-- their events, and the audit log. %BYTES%, %ID_KEY% and %SERIAL_KEY% are the only words that
-- differ between the engines (see Migrator).

CREATE TABLE settings (name VARCHAR(64) PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE merchants (
    merchant_id VARCHAR(32) PRIMARY KEY,
    name TEXT NOT NULL,
    created_at BIGINT NOT NULL);
CREATE TABLE users (
    login_id VARCHAR(64)%BYTES% PRIMARY KEY,
    merchant_id VARCHAR(32) NOT NULL REFERENCES merchants (merchant_id),
    name TEXT NOT NULL,
    role VARCHAR(16) NOT NULL CHECK (role IN ('admin', 'general')),
    password_hash TEXT NOT NULL,
    failed_logins INTEGER NOT NULL DEFAULT 0,
    locked_until BIGINT,
    enabled INTEGER NOT NULL DEFAULT 1,
    created_at BIGINT NOT NULL);
CREATE INDEX users_merchant ON users (merchant_id);
CREATE TABLE user_permissions (
    login_id VARCHAR(64) NOT NULL REFERENCES users (login_id),
    permission VARCHAR(32) NOT NULL,
    PRIMARY KEY (login_id, permission));
CREATE TABLE certificates (
    fingerprint CHAR(64) PRIMARY KEY,
    login_id VARCHAR(64) NOT NULL REFERENCES users (login_id),
    serial VARCHAR(64) NOT NULL,
    issued_at BIGINT NOT NULL,
    not_after BIGINT NOT NULL,
    revoked_at BIGINT);
CREATE INDEX certificates_login ON certificates (login_id);
CREATE TABLE sessions (
    token_hash CHAR(64) PRIMARY KEY,
    login_id VARCHAR(64) NOT NULL REFERENCES users (login_id),
    cert_fingerprint CHAR(64) NOT NULL,
    created_at BIGINT NOT NULL,
    last_seen BIGINT NOT NULL,
    expires_at BIGINT NOT NULL);
CREATE INDEX sessions_login ON sessions (login_id);
CREATE TABLE payments (
    payment_id %ID_KEY%,
    merchant_id VARCHAR(32) NOT NULL REFERENCES merchants (merchant_id),
    trading_id VARCHAR(25)%BYTES% NOT NULL,
    type CHAR(2) NOT NULL,
    status INTEGER NOT NULL,
    amount BIGINT NOT NULL,
    authorized_amount BIGINT,
    institution TEXT NOT NULL DEFAULT '',
    trade_time BIGINT NOT NULL,
    due_time BIGINT,
    cleared_time BIGINT,
    base_payment_id BIGINT,
    card_brand VARCHAR(16),
    card_bin CHAR(6),
    card_last4 CHAR(4),
    card_expiry CHAR(5),
    customer_name TEXT,
    customer_kana TEXT,
    customer_email TEXT,
    customer_phone VARCHAR(20),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL);
CREATE TABLE payment_events (
    event_id %SERIAL_KEY%,
    payment_id BIGINT NOT NULL REFERENCES payments (payment_id),
    at BIGINT NOT NULL,
    actor VARCHAR(64) NOT NULL,
    from_status INTEGER,
    to_status INTEGER NOT NULL,
    amount BIGINT);
CREATE INDEX payment_events_payment ON payment_events (payment_id, at);
CREATE TABLE audit_log (
    audit_id %SERIAL_KEY%,
    at BIGINT NOT NULL,
    login_id VARCHAR(64),
    merchant_id VARCHAR(32),
    action VARCHAR(64) NOT NULL,
    target TEXT,
    result VARCHAR(64) NOT NULL,
    origin VARCHAR(64),
    request_id VARCHAR(32));
CREATE INDEX audit_log_merchant ON audit_log (merchant_id, at DESC);

-- The search indexes as schema 1 created them; later ones come with their migration.
CREATE INDEX payments_merchant_time ON payments (merchant_id, trade_time DESC, payment_id DESC);
CREATE INDEX payments_merchant_trading ON payments (merchant_id, trading_id);
CREATE INDEX payments_merchant_status_time ON payments (merchant_id, status, trade_time DESC, payment_id DESC);
CREATE INDEX payments_merchant_type_time ON payments (merchant_id, type, trade_time DESC, payment_id DESC);
