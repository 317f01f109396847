-- Frozen: this file is schema version 5 as released. Never edit it; add a new version instead.
-- Schema 5: manual registration (POST /v1/payments). A card's payment class (支払区分: 10 一括,
-- 61 分割, 23 ボーナス一括, 80 リボ) and its number of installments; NULL for older rows and for
-- other payment types.

ALTER TABLE payments ADD COLUMN payment_class CHAR(2);
ALTER TABLE payments ADD COLUMN split_count INTEGER;
