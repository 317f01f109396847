-- Frozen: this file is schema version 7 as released. Never edit it; add a new version instead.
-- Schema 7: the two searches that had no index of their own on a merchant with a million
-- payments. One payment type with an amount range (both common, rare together) is one range of
-- (type, amount). The customer filter (a substring of name, kana or phone) cannot use a b-tree
-- range: the lower-cased name and kana and the phone's digits, separated by U+001F (which no
-- search text contains), are one expression in a trigram GIN index (pg_trgm ships with
-- PostgreSQL and is a trusted extension: the database's owner may create it). The customer
-- search compares with exactly this expression, or the index would not serve it.

CREATE INDEX IF NOT EXISTS payments_merchant_type_amount ON payments (merchant_id, type, amount, payment_id);
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX IF NOT EXISTS payments_customer_trigram ON payments USING gin ((LOWER(COALESCE(customer_name, ''))
    || chr(31) || LOWER(COALESCE(customer_kana, '')) || chr(31)
    || REPLACE(REPLACE(COALESCE(customer_phone, ''), '-', ''), ' ', '')) gin_trgm_ops);
