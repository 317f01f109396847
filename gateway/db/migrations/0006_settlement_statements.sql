-- Frozen: this file is schema version 6 as released. Never edit it; add a new version instead.
-- Schema 6: settlement statements (支払明細). Fees per merchant and payment type and the
-- transfer fee per payout; closed statements with their per-method rows and lines. A money
-- event (a sale to 40, a cancel 40 → 60) records the statement it entered; the partial index
-- holds exactly the events no statement has taken yet, so closing a period reads only those.

CREATE TABLE merchant_fees (
    merchant_id VARCHAR(32) NOT NULL REFERENCES merchants (merchant_id),
    type CHAR(2) NOT NULL,
    rate_bp INTEGER NOT NULL CHECK (rate_bp >= 0 AND rate_bp <= 10000),
    fixed_fee BIGINT NOT NULL CHECK (fixed_fee >= 0),
    PRIMARY KEY (merchant_id, type));
CREATE TABLE merchant_payout_settings (
    merchant_id VARCHAR(32) PRIMARY KEY REFERENCES merchants (merchant_id),
    transfer_fee BIGINT NOT NULL CHECK (transfer_fee >= 0));
CREATE TABLE statements (
    statement_id %SERIAL_KEY%,
    merchant_id VARCHAR(32) NOT NULL REFERENCES merchants (merchant_id),
    period_start BIGINT NOT NULL,
    period_end BIGINT NOT NULL,
    first_day CHAR(10) NOT NULL,
    closing_date CHAR(10) NOT NULL,
    payout_date CHAR(10) NOT NULL,
    sale_count BIGINT NOT NULL,
    sale_amount BIGINT NOT NULL,
    cancel_count BIGINT NOT NULL,
    cancel_amount BIGINT NOT NULL,
    fee BIGINT NOT NULL,
    tax BIGINT NOT NULL,
    net BIGINT NOT NULL,
    carry_in BIGINT NOT NULL,
    transfer_fee BIGINT NOT NULL,
    payout BIGINT NOT NULL,
    carry_out BIGINT NOT NULL,
    line_count BIGINT NOT NULL,
    closed_at BIGINT NOT NULL,
    UNIQUE (merchant_id, period_start));
CREATE INDEX statements_merchant_payout ON statements (merchant_id, payout_date);
CREATE TABLE statement_methods (
    statement_id BIGINT NOT NULL REFERENCES statements (statement_id),
    type CHAR(2) NOT NULL,
    rate_bp INTEGER NOT NULL,
    fixed_fee BIGINT NOT NULL,
    sale_count BIGINT NOT NULL,
    sale_amount BIGINT NOT NULL,
    cancel_count BIGINT NOT NULL,
    cancel_amount BIGINT NOT NULL,
    fee BIGINT NOT NULL,
    tax BIGINT NOT NULL,
    net BIGINT NOT NULL,
    PRIMARY KEY (statement_id, type));
CREATE TABLE statement_lines (
    line_id %SERIAL_KEY%,
    statement_id BIGINT NOT NULL REFERENCES statements (statement_id),
    event_id BIGINT REFERENCES payment_events (event_id),
    payment_id BIGINT,
    trading_id VARCHAR(25),
    type CHAR(2) NOT NULL,
    kind VARCHAR(32) NOT NULL,
    event_at BIGINT NOT NULL,
    amount BIGINT NOT NULL,
    fee BIGINT NOT NULL);
-- Later kinds (chargeback, fee, adjustment) may have no payment event or payment.
CREATE UNIQUE INDEX statement_lines_event ON statement_lines (event_id);
CREATE INDEX statement_lines_page ON statement_lines (statement_id, line_id);
CREATE INDEX statement_lines_type ON statement_lines (statement_id, type, line_id);
ALTER TABLE payment_events ADD COLUMN statement_id BIGINT REFERENCES statements (statement_id);
CREATE INDEX payment_events_unsettled ON payment_events (at)
    WHERE statement_id IS NULL AND to_status IN (40, 60);
