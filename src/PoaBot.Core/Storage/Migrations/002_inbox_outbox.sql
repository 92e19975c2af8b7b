-- Every update from Telegram, stored before its offset is confirmed; update_id deduplicates.
CREATE TABLE inbox (
    update_id   INTEGER PRIMARY KEY,
    chat_id     INTEGER NOT NULL,
    payload     TEXT NOT NULL,
    received_at TEXT NOT NULL,
    status      TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'failed')),
    attempts    INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    error       TEXT NULL,
    done_at     TEXT NULL
) STRICT;

CREATE INDEX inbox_pending ON inbox (update_id) WHERE status = 'pending';

-- Every message to send, written in the same transaction as the change that caused it.
CREATE TABLE outbox (
    id          INTEGER PRIMARY KEY,
    chat_id     INTEGER NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('message', 'callback_answer')),
    payload     TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    not_before  TEXT NOT NULL,
    attempts    INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    status      TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed', 'unreachable')),
    sent_at     TEXT NULL,
    error       TEXT NULL,
    dedupe_key  TEXT NULL UNIQUE
) STRICT;

CREATE INDEX outbox_due ON outbox (not_before, id) WHERE status = 'pending';

CREATE INDEX outbox_chat_pending ON outbox (chat_id, id) WHERE status = 'pending';
