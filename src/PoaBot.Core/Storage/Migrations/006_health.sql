-- One row the running bot rewrites every few seconds, read by `poabot status` and /healthz from any process.
CREATE TABLE health (
    id             INTEGER PRIMARY KEY CHECK (id = 1),
    written_at     TEXT NOT NULL,
    last_poll_at   TEXT NULL,
    sender_beat_at TEXT NULL,
    last_error     TEXT NULL,
    last_error_at  TEXT NULL,
    version        TEXT NOT NULL
) STRICT;
