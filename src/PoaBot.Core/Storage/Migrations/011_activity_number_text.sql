-- Activity numbers as the document writes them («1.1», «2 bis»): `num` becomes text; the old integer column stays as
-- `position`, the activity's place in natural order (kept by the importer), so SQL can still sort.
ALTER TABLE activity RENAME COLUMN num TO position;
ALTER TABLE activity ADD COLUMN num TEXT NOT NULL DEFAULT '';
UPDATE activity SET num = CAST(position AS TEXT);
CREATE UNIQUE INDEX activity_poa_num ON activity (poa_id, num);

-- Nothing refers to import_warning: rebuilt with the activity number as text.
CREATE TABLE import_warning_text (
    id           INTEGER PRIMARY KEY,
    poa_id       INTEGER NOT NULL REFERENCES poa(id),
    activity_num TEXT NULL,
    message      TEXT NOT NULL
) STRICT;
INSERT INTO import_warning_text (id, poa_id, activity_num, message)
SELECT id, poa_id, CAST(activity_num AS TEXT), message FROM import_warning;
DROP TABLE import_warning;
ALTER TABLE import_warning_text RENAME TO import_warning;
