-- Issue 17, point 11: an address receives the meetings' mail only after its owner confirmed it by a link, and every
-- mail counts against limits per board, per seat, per address and per server.
-- Addresses left before this were never confirmed by their owners: they stay, unconfirmed, and receive nothing until
-- the person leaves the address again and confirms it.
ALTER TABLE participant_contacts
  ADD COLUMN confirmed_at timestamptz,
  -- SHA-256 of the secret in the confirmation link, like the links' tokens; null once confirmed
  ADD COLUMN confirm_sha256 bytea,
  ADD COLUMN confirm_sent_at timestamptz;
CREATE UNIQUE INDEX participant_contacts_confirm ON participant_contacts (confirm_sha256)
  WHERE confirm_sha256 IS NOT NULL;

-- How much of a limit is used in one period (a day, or ten minutes): counts only, keyed by board, seat, the hash of
-- an address or the whole server. Rows of past periods are removed when mail is counted.
CREATE TABLE mail_quota (
  key text,
  period_start timestamptz,
  used integer NOT NULL,
  PRIMARY KEY (key, period_start)
);
