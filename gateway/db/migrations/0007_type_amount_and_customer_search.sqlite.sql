-- Frozen: this file is schema version 7 as released. Never edit it; add a new version instead.
-- Schema 7: the two searches that had no index of their own on a merchant with a million
-- payments. One payment type with an amount range (both common, rare together) is one range of
-- (type, amount). The customer filter (a substring of name, kana or phone) cannot use a b-tree
-- range. On SQLite a virtual (computed, not stored) column holds the lower-cased name and kana
-- and the phone's digits, separated by U+001F (which no search text contains), and two indexes
-- serve it: a trigram full-text index (FTS5, kept by triggers) finds the payments of a text of
-- three or more characters at once, and a narrow b-tree of the column is what a search scans
-- instead of the table otherwise (shorter texts, or one so common that the trigram index would
-- hand over most of the table). The PostgreSQL file of this version does the same with pg_trgm.
-- The column's expression is the one the customer search compares with.

CREATE INDEX IF NOT EXISTS payments_merchant_type_amount ON payments (merchant_id, type, amount, payment_id);
ALTER TABLE payments ADD COLUMN customer_search TEXT GENERATED ALWAYS AS (LOWER(COALESCE(customer_name, ''))
    || char(31) || LOWER(COALESCE(customer_kana, '')) || char(31)
    || REPLACE(REPLACE(COALESCE(customer_phone, ''), '-', ''), ' ', '')) VIRTUAL;
CREATE INDEX IF NOT EXISTS payments_merchant_customer ON payments (merchant_id, customer_search);
CREATE VIRTUAL TABLE payment_customers USING fts5(customer_search, content='payments',
    content_rowid='payment_id', tokenize='trigram', detail='none');
CREATE TRIGGER payment_customers_delete AFTER DELETE ON payments BEGIN
    INSERT INTO payment_customers (payment_customers, rowid, customer_search)
    VALUES ('delete', old.payment_id, old.customer_search); END;
CREATE TRIGGER payment_customers_update AFTER UPDATE OF customer_name, customer_kana, customer_phone
    ON payments BEGIN
    INSERT INTO payment_customers (payment_customers, rowid, customer_search)
    VALUES ('delete', old.payment_id, old.customer_search);
    INSERT INTO payment_customers (rowid, customer_search) VALUES (new.payment_id, new.customer_search); END;
-- A bulk load drops this trigger and fills the index once afterwards (the rebuild below).
CREATE TRIGGER IF NOT EXISTS payment_customers_insert AFTER INSERT ON payments BEGIN
    INSERT INTO payment_customers (rowid, customer_search) VALUES (new.payment_id, new.customer_search); END;
INSERT INTO payment_customers (payment_customers) VALUES ('rebuild');
