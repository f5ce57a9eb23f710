-- Meetings about the same child follow each other: a follow-up board joins the series of the board it follows.
-- A board that follows nothing starts its own series, named by its own id.

ALTER TABLE boards ADD COLUMN series_id text;
UPDATE boards SET series_id = id;
ALTER TABLE boards ALTER COLUMN series_id SET NOT NULL;
-- 1 for the first meeting of a series, then 2, 3, ...; unique so that two follow-ups made at once cannot share a place.
ALTER TABLE boards ADD COLUMN series_seq integer NOT NULL DEFAULT 1 CHECK (series_seq >= 1);
ALTER TABLE boards ADD CONSTRAINT boards_series_place UNIQUE (series_id, series_seq);
