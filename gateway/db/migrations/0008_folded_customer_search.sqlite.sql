-- Frozen: this file is schema version 8 as released. Never edit it; add a new version instead.
-- Schema 8: the customer search folds what Japanese input varies (spaces, full and half width,
-- hiragana and katakana, NFKC): サトウハナコ, さとう はなこ, ｻﾄｳ and 佐藤　花子 find what サトウ ハナコ
-- and 佐藤 花子 find. SQL cannot fold that way, so the searched text is no longer a computed
-- column: customer_fold is written by the gateway with each payment (ICU, db/customerfold), and
-- for the payments already there by the migrator right after this file, in its transaction.
-- Schema 7's computed column, its b-tree and its trigram index give way to the same three over
-- customer_fold. The PostgreSQL file of this version does the same with pg_trgm.

DROP TRIGGER IF EXISTS payment_customers_insert;
DROP TRIGGER IF EXISTS payment_customers_update;
DROP TRIGGER IF EXISTS payment_customers_delete;
DROP TABLE IF EXISTS payment_customers;
DROP INDEX IF EXISTS payments_merchant_customer;
ALTER TABLE payments DROP COLUMN customer_search;
ALTER TABLE payments ADD COLUMN customer_fold TEXT;
CREATE INDEX IF NOT EXISTS payments_merchant_customer_fold ON payments (merchant_id, customer_fold);
CREATE VIRTUAL TABLE payment_customer_folds USING fts5(customer_fold, content='payments',
    content_rowid='payment_id', tokenize='trigram', detail='none');
CREATE TRIGGER payment_customer_folds_delete AFTER DELETE ON payments BEGIN
    INSERT INTO payment_customer_folds (payment_customer_folds, rowid, customer_fold)
    VALUES ('delete', old.payment_id, old.customer_fold); END;
CREATE TRIGGER payment_customer_folds_update AFTER UPDATE OF customer_fold ON payments BEGIN
    INSERT INTO payment_customer_folds (payment_customer_folds, rowid, customer_fold)
    VALUES ('delete', old.payment_id, old.customer_fold);
    INSERT INTO payment_customer_folds (rowid, customer_fold) VALUES (new.payment_id, new.customer_fold); END;
-- A bulk load drops this trigger and fills the index once afterwards (the rebuild below).
CREATE TRIGGER IF NOT EXISTS payment_customer_folds_insert AFTER INSERT ON payments BEGIN
    INSERT INTO payment_customer_folds (rowid, customer_fold) VALUES (new.payment_id, new.customer_fold); END;
INSERT INTO payment_customer_folds (payment_customer_folds) VALUES ('rebuild');
