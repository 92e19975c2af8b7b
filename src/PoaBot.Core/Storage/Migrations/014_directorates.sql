-- Several directorates in one deployment. A directorate has a code (the folio prefix), a name and its own settings
-- (a JSON object that overrides the global Semaforo, Reminders and Report settings; NULL: the global ones). Its POAs,
-- councils, members, folio counters, reopened bimesters and reminders are its own. A database of one directorate becomes
-- directorate 1, code DPC, with an empty name: reports then keep taking the name from Poa:Directorate or the imported
-- file, as before. Nothing is lost: every row keeps its id.
CREATE TABLE directorate (
    id       INTEGER PRIMARY KEY,
    code     TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 2 AND 10),
    name     TEXT NOT NULL,
    settings TEXT NULL
) STRICT;

INSERT INTO directorate (id, code, name) VALUES (1, 'DPC', '');

-- A year's POA is unique per directorate, not in the whole deployment.
CREATE TABLE poa_new (
    id             INTEGER PRIMARY KEY,
    directorate_id INTEGER NOT NULL REFERENCES directorate(id),
    year           INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    directorate    TEXT NOT NULL,
    UNIQUE (directorate_id, year)
) STRICT;
INSERT INTO poa_new (id, directorate_id, year, directorate) SELECT id, 1, year, directorate FROM poa;
DROP TABLE poa;
ALTER TABLE poa_new RENAME TO poa;

-- Council names are unique per directorate (each has its own «Documento POA» council for baselines).
CREATE TABLE council_new (
    id             INTEGER PRIMARY KEY,
    directorate_id INTEGER NOT NULL REFERENCES directorate(id),
    name           TEXT NOT NULL COLLATE NOCASE,
    locality       TEXT NOT NULL DEFAULT '',
    is_document    INTEGER NOT NULL DEFAULT 0 CHECK (is_document IN (0, 1)),
    UNIQUE (directorate_id, name)
) STRICT;
INSERT INTO council_new (id, directorate_id, name, locality, is_document) SELECT id, 1, name, locality, is_document FROM council;
DROP TABLE council;
ALTER TABLE council_new RENAME TO council;

-- A person's role, and whether they are active, in each directorate they belong to; `planning` is the municipal
-- planning office's role (planeacion): it reads every directorate and writes nothing.
CREATE TABLE person_directorate (
    person_id      INTEGER NOT NULL REFERENCES person(id),
    directorate_id INTEGER NOT NULL REFERENCES directorate(id),
    role           TEXT NOT NULL CHECK (role IN ('director', 'coordinador')),
    active         INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    PRIMARY KEY (person_id, directorate_id)
) STRICT;
INSERT INTO person_directorate (person_id, directorate_id, role, active) SELECT id, 1, role, active FROM person;
ALTER TABLE person DROP COLUMN role;
ALTER TABLE person DROP COLUMN active;
ALTER TABLE person ADD COLUMN planning INTEGER NOT NULL DEFAULT 0 CHECK (planning IN (0, 1));

-- An invite names its directorate and role (a planning invite names none).
CREATE TABLE invite_new (
    id             INTEGER PRIMARY KEY,
    token_hash     TEXT NOT NULL UNIQUE,
    directorate_id INTEGER NULL REFERENCES directorate(id),
    role           TEXT NOT NULL CHECK (role IN ('director', 'coordinador', 'planeacion')),
    created_at     TEXT NOT NULL,
    expires_at     TEXT NOT NULL,
    used_at        TEXT NULL,
    used_by        INTEGER NULL REFERENCES person(id),
    CHECK ((role = 'planeacion') = (directorate_id IS NULL))
) STRICT;
INSERT INTO invite_new (id, token_hash, directorate_id, role, created_at, expires_at, used_at, used_by)
SELECT id, token_hash, 1, role, created_at, expires_at, used_at, used_by FROM invite;
DROP TABLE invite;
ALTER TABLE invite_new RENAME TO invite;

-- Each directorate numbers its folios per year on its own: DPC-2026-0007, DOP-2026-0001.
CREATE TABLE folio_counter (
    directorate_id INTEGER NOT NULL REFERENCES directorate(id),
    year           INTEGER NOT NULL,
    last           INTEGER NOT NULL CHECK (last >= 0),
    PRIMARY KEY (directorate_id, year)
) STRICT;
INSERT INTO folio_counter (directorate_id, year, last) SELECT 1, year, last FROM folio_sequence;
DROP TABLE folio_sequence;

-- Each audit entry belongs to a directorate (those about people or bimesters name no record or activity).
ALTER TABLE audit ADD COLUMN directorate_id INTEGER NULL REFERENCES directorate(id);
UPDATE audit SET directorate_id = 1;

-- Reopened bimesters and reminders sent belong to a directorate.
CREATE TABLE bimester_reopen_new (
    id             INTEGER PRIMARY KEY,
    directorate_id INTEGER NOT NULL REFERENCES directorate(id),
    year           INTEGER NOT NULL,
    bimester       INTEGER NOT NULL CHECK (bimester BETWEEN 1 AND 6),
    until          TEXT NOT NULL,
    reason         TEXT NOT NULL,
    actor          TEXT NOT NULL,
    at             TEXT NOT NULL
) STRICT;
INSERT INTO bimester_reopen_new (id, directorate_id, year, bimester, until, reason, actor, at)
SELECT id, 1, year, bimester, until, reason, actor, at FROM bimester_reopen;
DROP TABLE bimester_reopen;
ALTER TABLE bimester_reopen_new RENAME TO bimester_reopen;

CREATE TABLE reminder_sent_new (
    person_id      INTEGER NOT NULL REFERENCES person(id),
    directorate_id INTEGER NOT NULL REFERENCES directorate(id),
    year           INTEGER NOT NULL,
    bimester       INTEGER NOT NULL CHECK (bimester BETWEEN 1 AND 6),
    kind           TEXT NOT NULL,
    sent_at        TEXT NOT NULL,
    PRIMARY KEY (person_id, directorate_id, year, bimester, kind)
) STRICT;
INSERT INTO reminder_sent_new (person_id, directorate_id, year, bimester, kind, sent_at)
SELECT person_id, 1, year, bimester, kind, sent_at FROM reminder_sent;
DROP TABLE reminder_sent;
ALTER TABLE reminder_sent_new RENAME TO reminder_sent;
