-- E-mail addresses that participants left to receive the agenda, the record and the next invitation. Kept apart
-- from the board state, so an address is never published to the other screens at the table. Deleting a board
-- deletes its addresses.

CREATE TABLE participant_contacts (
  board_id text REFERENCES boards(id) ON DELETE CASCADE,
  participant_id text,
  email text NOT NULL,
  created_at timestamptz DEFAULT now(),
  PRIMARY KEY (board_id, participant_id)
);
