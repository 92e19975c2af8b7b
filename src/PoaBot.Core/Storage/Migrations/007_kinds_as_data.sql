-- Report kinds are data (Domain/ActivityKind.cs): the kind columns no longer list the codes, so a new kind that
-- stores its answers in existing columns needs no migration. SQLite changes a CHECK by rebuilding the table
-- (the runner turns foreign keys off around each script and checks them before committing).
CREATE TABLE activity_new (
    id            INTEGER PRIMARY KEY,
    poa_id        INTEGER NOT NULL REFERENCES poa(id),
    num           INTEGER NOT NULL CHECK (num > 0),
    name          TEXT NOT NULL,
    objective     TEXT NOT NULL,
    detected_kind TEXT NOT NULL CHECK (detected_kind GLOB '[a-z]*'),
    kind_override TEXT NULL CHECK (kind_override GLOB '[a-z]*'),
    goal          INTEGER NOT NULL CHECK (goal >= 0),
    UNIQUE (poa_id, num)
) STRICT;
INSERT INTO activity_new SELECT id, poa_id, num, name, objective, detected_kind, kind_override, goal FROM activity;
DROP TABLE activity;
ALTER TABLE activity_new RENAME TO activity;

CREATE TABLE record_new (
    id               INTEGER PRIMARY KEY,
    folio            TEXT NOT NULL UNIQUE,
    activity_id      INTEGER NOT NULL REFERENCES activity(id),
    council_id       INTEGER NOT NULL REFERENCES council(id),
    kind             TEXT NOT NULL CHECK (kind GLOB '[a-z]*'),
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
INSERT INTO record_new
SELECT id, folio, activity_id, council_id, kind, event_date, count, attendees, agreements, subject, requester, area, beneficiaries,
       ref_id, evidence_hash, evidence_file_id, evidence_kind, created_by, created_at, voided_at, voided_by, void_reason
FROM record;
DROP TABLE record;
ALTER TABLE record_new RENAME TO record;

CREATE INDEX record_counts ON record (activity_id, event_date, council_id, count) WHERE voided_at IS NULL;
CREATE INDEX record_ref ON record (ref_id) WHERE ref_id IS NOT NULL;
CREATE INDEX record_created_by ON record (created_by, id);
CREATE UNIQUE INDEX record_managed_once ON record (ref_id) WHERE kind = 'request_managed' AND voided_at IS NULL;

CREATE TRIGGER record_tally_insert AFTER INSERT ON record WHEN NEW.voided_at IS NULL
BEGIN
    INSERT INTO record_tally (activity_id, year, bimester, council_id, total, records)
    VALUES (NEW.activity_id, CAST(substr(NEW.event_date, 1, 4) AS INTEGER), (CAST(substr(NEW.event_date, 6, 2) AS INTEGER) + 1) / 2,
            NEW.council_id, NEW.count, 1)
    ON CONFLICT DO UPDATE SET total = total + excluded.total, records = records + 1;
END;

CREATE TRIGGER record_tally_delete AFTER DELETE ON record WHEN OLD.voided_at IS NULL
BEGIN
    UPDATE record_tally SET total = total - OLD.count, records = records - 1
    WHERE activity_id = OLD.activity_id AND year = CAST(substr(OLD.event_date, 1, 4) AS INTEGER)
      AND bimester = (CAST(substr(OLD.event_date, 6, 2) AS INTEGER) + 1) / 2 AND council_id = OLD.council_id;
END;

CREATE TRIGGER record_tally_update AFTER UPDATE OF activity_id, council_id, event_date, count, voided_at ON record
BEGIN
    UPDATE record_tally SET total = total - OLD.count, records = records - 1
    WHERE OLD.voided_at IS NULL AND activity_id = OLD.activity_id AND year = CAST(substr(OLD.event_date, 1, 4) AS INTEGER)
      AND bimester = (CAST(substr(OLD.event_date, 6, 2) AS INTEGER) + 1) / 2 AND council_id = OLD.council_id;
    INSERT INTO record_tally (activity_id, year, bimester, council_id, total, records)
    SELECT NEW.activity_id, CAST(substr(NEW.event_date, 1, 4) AS INTEGER), (CAST(substr(NEW.event_date, 6, 2) AS INTEGER) + 1) / 2,
           NEW.council_id, NEW.count, 1
    WHERE NEW.voided_at IS NULL
    ON CONFLICT DO UPDATE SET total = total + excluded.total, records = records + 1;
END;
