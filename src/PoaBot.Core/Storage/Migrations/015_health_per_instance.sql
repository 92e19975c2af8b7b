-- One health row per running instance (several may share a PostgreSQL database), keyed by its name (Health:Instance, by
-- default the host name and the port of Urls). The old single row only ever held the last few seconds: dropped.
DROP TABLE health;
CREATE TABLE health (
    instance       TEXT PRIMARY KEY,
    written_at     TEXT NOT NULL,
    last_poll_at   TEXT NULL,
    sender_beat_at TEXT NULL,
    last_error     TEXT NULL,
    last_error_at  TEXT NULL,
    version        TEXT NOT NULL
) STRICT;
