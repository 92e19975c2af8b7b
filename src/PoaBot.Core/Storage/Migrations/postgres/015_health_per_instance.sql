-- PostgreSQL twin of 015_health_per_instance.sql: one health row per running instance, keyed by its name.
DROP TABLE health;
CREATE TABLE health (
    instance       text PRIMARY KEY,
    written_at     text NOT NULL,
    last_poll_at   text NULL,
    sender_beat_at text NULL,
    last_error     text NULL,
    last_error_at  text NULL,
    version        text NOT NULL
);
