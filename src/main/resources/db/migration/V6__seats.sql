-- A seat is one person at one board: the secret the server issued when they joined with a name and role. Only
-- its SHA-256 is stored, like the links' tokens. Participants from before seats have none: they can no longer
-- be joined as, which is the point (their id was derived from a client-chosen id).
ALTER TABLE participants ADD COLUMN seat_sha256 bytea;
CREATE UNIQUE INDEX participants_seat ON participants (board_id, seat_sha256) WHERE seat_sha256 IS NOT NULL;

-- Viewers and projectors watch; they were stored as participants before and then appeared on records.
DELETE FROM participants WHERE "grant" IN ('viewer', 'projector');
