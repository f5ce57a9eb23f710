-- When the meeting was last closed, null while it is open: what the retention period counts from. It is set in the
-- statement that stores the record of a close and cleared before a reopen, so an open board never looks due.
-- Boards closed before this migration stay null (kept) until they are closed again: whether such a board was
-- reopened since is only known from its op log, and removing an open meeting would be far worse than keeping one.

ALTER TABLE boards ADD COLUMN closed_at timestamptz;

-- The retention sweep asks for closed boards older than a moment; open boards stay out of the index.
CREATE INDEX boards_closed_at ON boards (closed_at) WHERE closed_at IS NOT NULL;
