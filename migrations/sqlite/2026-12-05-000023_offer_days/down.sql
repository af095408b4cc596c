ALTER TABLE programmes DROP COLUMN offer_days;
