-- Frozen: this file is schema version 8 as released. Never edit it; add a new version instead.
-- Schema 8: the customer search folds what Japanese input varies (spaces, full and half width,
-- hiragana and katakana, NFKC). SQL cannot fold that way, so the searched text is a column,
-- customer_fold, written by the gateway with each payment (ICU, db/customerfold), and for the
-- payments already there by the migrator right after this file, in its transaction. Schema 7's
-- trigram index of an expression gives way to one of the column.

DROP INDEX IF EXISTS payments_customer_trigram;
ALTER TABLE payments ADD COLUMN customer_fold TEXT;
CREATE INDEX IF NOT EXISTS payments_customer_fold_trigram ON payments USING gin (customer_fold gin_trgm_ops);
