-- Each reminder goes once per person, bimester and kind: the key is the guarantee, across restarts.
CREATE TABLE reminder_sent (
    person_id INTEGER NOT NULL REFERENCES person(id),
    year      INTEGER NOT NULL,
    bimester  INTEGER NOT NULL CHECK (bimester BETWEEN 1 AND 6),
    kind      TEXT NOT NULL,
    sent_at   TEXT NOT NULL,
    PRIMARY KEY (person_id, year, bimester, kind)
) STRICT;

-- Why an activity ended a bimester out of the green band.
CREATE TABLE justification (
    activity_id INTEGER NOT NULL REFERENCES activity(id),
    bimester    INTEGER NOT NULL CHECK (bimester BETWEEN 1 AND 6),
    text        TEXT NOT NULL,
    author      TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (activity_id, bimester)
) STRICT;

-- A locked bimester reopened by the director until a moment, with a reason (also in the audit trail).
CREATE TABLE bimester_reopen (
    id       INTEGER PRIMARY KEY,
    year     INTEGER NOT NULL,
    bimester INTEGER NOT NULL CHECK (bimester BETWEEN 1 AND 6),
    until    TEXT NOT NULL,
    reason   TEXT NOT NULL,
    actor    TEXT NOT NULL,
    at       TEXT NOT NULL
) STRICT;
