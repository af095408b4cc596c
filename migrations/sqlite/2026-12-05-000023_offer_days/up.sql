-- How many days an awarded applicant has to accept or decline her place, counted from when the award
-- reached her. Shown on her page and in her notice; after it, the admin may offer the place to the next.
ALTER TABLE programmes ADD COLUMN offer_days INTEGER NOT NULL DEFAULT 14;
