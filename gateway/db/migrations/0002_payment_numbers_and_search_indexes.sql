-- Frozen: this file is schema version 2 as released. Never edit it; add a new version instead.
-- Schema 2: CVS/ATM payment numbers and the indexes behind every sort and range filter of the
-- search page. Due and cleared times are indexed as COALESCE(x, -1) because the search sorts
-- and pages them that way (a missing time sorts lowest on every engine).

ALTER TABLE payments ADD COLUMN receipt_number VARCHAR(32);
ALTER TABLE payments ADD COLUMN payment_number VARCHAR(32);
CREATE INDEX IF NOT EXISTS payments_merchant_amount ON payments (merchant_id, amount, payment_id);
CREATE INDEX IF NOT EXISTS payments_merchant_last4_time ON payments (merchant_id, card_last4, trade_time, payment_id);
CREATE INDEX IF NOT EXISTS payments_merchant_due ON payments (merchant_id, (COALESCE(due_time, -1)), payment_id);
CREATE INDEX IF NOT EXISTS payments_merchant_cleared ON payments (merchant_id, (COALESCE(cleared_time, -1)), payment_id);
-- One status is the console's most common filter: it is served in every sort order.
CREATE INDEX IF NOT EXISTS payments_merchant_status_amount ON payments (merchant_id, status, amount, payment_id);
CREATE INDEX IF NOT EXISTS payments_merchant_status_due ON payments (merchant_id, status, (COALESCE(due_time, -1)), payment_id);
CREATE INDEX IF NOT EXISTS payments_merchant_status_cleared ON payments (merchant_id, status, (COALESCE(cleared_time, -1)), payment_id);
CREATE INDEX IF NOT EXISTS payments_merchant_status_trading ON payments (merchant_id, status, trading_id, payment_id);
