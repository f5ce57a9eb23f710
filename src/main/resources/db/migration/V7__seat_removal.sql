-- The facilitator can take a seat back (issue 17): the row stays, so that what the person wrote stays theirs, but
-- the seat's secret opens nothing any more and the person is no longer at the table.
ALTER TABLE participants ADD COLUMN removed_at timestamptz;
