-- Frozen: this file is schema version 3 as released. Never edit it; add a new version instead.
-- Schema 3: payment actions. deadline_at is when the current status falls due by itself
-- (authorization expiry, end of the cancel window, payment deadline), so the lazy expiry sweep
-- is one index range; idempotency_keys remembers bulk action answers per merchant and key.
-- The UPDATEs fill deadline_at of existing payments from the state machine's timed transitions
-- as they were when this schema was released (card: 60 days after authorization or capture;
-- CVS, ATM, bank: the payment deadline).

ALTER TABLE payments ADD COLUMN deadline_at BIGINT;
UPDATE payments SET deadline_at = trade_time + 5184000
    WHERE type = '02' AND status = 20 AND trade_time IS NOT NULL;
UPDATE payments SET deadline_at = cleared_time + 5184000
    WHERE type = '02' AND status = 40 AND cleared_time IS NOT NULL;
UPDATE payments SET deadline_at = due_time + 0
    WHERE type = '03' AND status = 10 AND due_time IS NOT NULL;
UPDATE payments SET deadline_at = due_time + 0
    WHERE type = '01' AND status = 10 AND due_time IS NOT NULL;
UPDATE payments SET deadline_at = due_time + 0
    WHERE type = '05' AND status = 10 AND due_time IS NOT NULL;
CREATE INDEX payments_merchant_deadline ON payments (merchant_id, deadline_at);
CREATE TABLE idempotency_keys (
    merchant_id VARCHAR(32) NOT NULL REFERENCES merchants (merchant_id),
    idempotency_key VARCHAR(64) NOT NULL,
    request_hash CHAR(64) NOT NULL,
    state VARCHAR(8) NOT NULL CHECK (state IN ('running', 'done')),
    http_status INTEGER,
    response TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (merchant_id, idempotency_key));
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
