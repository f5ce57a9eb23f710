-- The final record of each close of a board. A reopen followed by another close adds the next version; a stored
-- version is what people were told the meeting concluded, so it must never change afterwards.

CREATE TABLE board_records (
    board_id  text        NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
    version   integer     NOT NULL CHECK (version >= 1),
    closed_at timestamptz NOT NULL,
    closed_by text        NOT NULL,
    record    jsonb       NOT NULL,
    PRIMARY KEY (board_id, version)
);

-- Immutability is enforced here and not only in the application, so that no later code path (or hand-made SQL
-- fix) can rewrite a record. DELETE stays allowed: deleting a board, and retention, must be able to remove records.
CREATE FUNCTION refuse_record_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'board_records: version % of board % is immutable', OLD.version, OLD.board_id
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$;

CREATE TRIGGER board_records_immutable
    BEFORE UPDATE ON board_records
    FOR EACH ROW EXECUTE FUNCTION refuse_record_update();
