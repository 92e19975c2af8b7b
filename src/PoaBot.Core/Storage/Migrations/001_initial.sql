-- The POA, its activities and what was programmed.
CREATE TABLE poa (
    id          INTEGER PRIMARY KEY,
    year        INTEGER NOT NULL UNIQUE CHECK (year BETWEEN 2000 AND 2100),
    directorate TEXT NOT NULL
) STRICT;

CREATE TABLE activity (
    id            INTEGER PRIMARY KEY,
    poa_id        INTEGER NOT NULL REFERENCES poa(id),
    num           INTEGER NOT NULL CHECK (num > 0),
    name          TEXT NOT NULL,
    objective     TEXT NOT NULL,
    detected_kind TEXT NOT NULL CHECK (detected_kind IN ('meeting','request_received','request_managed','social_program','generic')),
    kind_override TEXT NULL CHECK (kind_override IN ('meeting','request_received','request_managed','social_program','generic')),
    goal          INTEGER NOT NULL CHECK (goal >= 0),
    UNIQUE (poa_id, num)
) STRICT;

CREATE TABLE activity_target (
    activity_id INTEGER NOT NULL REFERENCES activity(id),
    bimester    INTEGER NOT NULL CHECK (bimester BETWEEN 1 AND 6),
    prog        INTEGER NOT NULL CHECK (prog >= 0),
    PRIMARY KEY (activity_id, bimester)
) STRICT;

CREATE TABLE import_warning (
    id           INTEGER PRIMARY KEY,
    poa_id       INTEGER NOT NULL REFERENCES poa(id),
    activity_num INTEGER NULL,
    message      TEXT NOT NULL
) STRICT;

-- Councils and the people who report for them.
CREATE TABLE council (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE COLLATE NOCASE,
    locality    TEXT NOT NULL DEFAULT '',
    is_document INTEGER NOT NULL DEFAULT 0 CHECK (is_document IN (0, 1))
) STRICT;

CREATE TABLE person (
    id                INTEGER PRIMARY KEY,
    telegram_id       INTEGER NOT NULL UNIQUE,
    name              TEXT NOT NULL,
    role              TEXT NOT NULL CHECK (role IN ('director','coordinador')),
    active            INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    unreachable_since TEXT NULL,
    created_at        TEXT NOT NULL
) STRICT;

CREATE TABLE person_council (
    person_id  INTEGER NOT NULL REFERENCES person(id),
    council_id INTEGER NOT NULL REFERENCES council(id),
    PRIMARY KEY (person_id, council_id)
) STRICT;

CREATE TABLE invite (
    id         INTEGER PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    role       TEXT NOT NULL CHECK (role IN ('director','coordinador')),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at    TEXT NULL,
    used_by    INTEGER NULL REFERENCES person(id)
) STRICT;

CREATE TABLE invite_council (
    invite_id  INTEGER NOT NULL REFERENCES invite(id),
    council_id INTEGER NOT NULL REFERENCES council(id),
    PRIMARY KEY (invite_id, council_id)
) STRICT;

-- Dated records: what was done. REAL is always derived from these.
CREATE TABLE record (
    id               INTEGER PRIMARY KEY,
    folio            TEXT NOT NULL UNIQUE,
    activity_id      INTEGER NOT NULL REFERENCES activity(id),
    council_id       INTEGER NOT NULL REFERENCES council(id),
    kind             TEXT NOT NULL CHECK (kind IN ('meeting','request_received','request_managed','social_program','generic','baseline')),
    event_date       TEXT NOT NULL CHECK (event_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    count            INTEGER NOT NULL CHECK (count BETWEEN 0 AND 100000),
    attendees        INTEGER NULL CHECK (attendees >= 0),
    agreements       TEXT NULL,
    subject          TEXT NULL,
    requester        TEXT NULL,
    area             TEXT NULL,
    beneficiaries    INTEGER NULL CHECK (beneficiaries >= 0),
    ref_id           INTEGER NULL REFERENCES record(id),
    evidence_hash    TEXT NULL,
    evidence_file_id TEXT NULL,
    evidence_kind    TEXT NULL CHECK (evidence_kind IN ('photo', 'document')),
    created_by       INTEGER NULL REFERENCES person(id),
    created_at       TEXT NOT NULL,
    voided_at        TEXT NULL,
    voided_by        TEXT NULL,
    void_reason      TEXT NULL,
    CHECK (count > 0 OR kind = 'social_program'),
    CHECK (kind <> 'request_managed' OR ref_id IS NOT NULL)
) STRICT;

CREATE INDEX record_counts ON record (activity_id, event_date, council_id, count) WHERE voided_at IS NULL;
CREATE INDEX record_ref ON record (ref_id) WHERE ref_id IS NOT NULL;
CREATE INDEX record_created_by ON record (created_by, id);
CREATE UNIQUE INDEX record_managed_once ON record (ref_id) WHERE kind = 'request_managed' AND voided_at IS NULL;

CREATE TABLE folio_sequence (
    year INTEGER PRIMARY KEY,
    last INTEGER NOT NULL CHECK (last >= 0)
) STRICT;

-- Who changed what, when and why: voids, amendments, reprogramaciones, kind overrides.
CREATE TABLE audit (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    actor       TEXT NOT NULL,
    action      TEXT NOT NULL CHECK (action IN ('void','amend','reprogram','goal','kind','deactivate','reassign','reopen','justify')),
    record_id   INTEGER NULL REFERENCES record(id),
    activity_id INTEGER NULL REFERENCES activity(id),
    field       TEXT NULL,
    old_value   TEXT NULL,
    new_value   TEXT NULL,
    reason      TEXT NOT NULL
) STRICT;

-- One conversation state per chat, saved with the changes it causes.
CREATE TABLE conversation (
    chat_id    INTEGER PRIMARY KEY,
    state      TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;

-- Small facts the bot learns about itself (e.g. its Telegram username for invite links).
CREATE TABLE app_setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;
