-- Boards, who may see them, and their history as an op log plus periodic snapshots.
-- Every child table's primary key starts with board_id, so the lookups the store makes (one board at a
-- time) and the ON DELETE CASCADE from boards are served by those keys; no extra indexes are needed.

CREATE TABLE boards (
    id         text        PRIMARY KEY,
    title      text        NOT NULL,
    language   text,
    template   text,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- Tokens are stored only as SHA-256 hashes; "grant" is a reserved word and must stay quoted.
CREATE TABLE board_access (
    board_id     text  NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
    token_sha256 bytea NOT NULL,
    "grant"      text  NOT NULL CHECK ("grant" IN ('facilitator', 'participant', 'viewer', 'projector')),
    PRIMARY KEY (board_id, token_sha256)
);

-- The primary key fences a stale writer (two writers can never commit the same revision); the unique key
-- makes a resent (client_id, client_seq) detectable and also serves "last committed seq of a client".
CREATE TABLE board_ops (
    board_id       text        NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
    rev            bigint      NOT NULL,
    client_id      text        NOT NULL,
    client_seq     bigint      NOT NULL,
    participant_id text,
    ops            jsonb       NOT NULL,
    committed_at   timestamptz NOT NULL,
    PRIMARY KEY (board_id, rev),
    UNIQUE (board_id, client_id, client_seq)
);

CREATE TABLE board_snapshots (
    board_id text   NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
    rev      bigint NOT NULL,
    state    jsonb  NOT NULL,
    PRIMARY KEY (board_id, rev)
);

CREATE TABLE participants (
    board_id       text        NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
    participant_id text        NOT NULL,
    name           text,
    role           text,
    "grant"        text,
    first_seen     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (board_id, participant_id)
);
