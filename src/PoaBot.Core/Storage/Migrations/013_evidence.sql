-- Several evidence files per report (at most 5): one row per file, in the order they were sent. The single file a record
-- held until now becomes its file 1 (nothing is lost), and the record's own evidence columns go.
CREATE TABLE evidence (
    record_id  INTEGER NOT NULL REFERENCES record(id),
    position   INTEGER NOT NULL CHECK (position BETWEEN 1 AND 5),
    file_id    TEXT NOT NULL,
    unique_id  TEXT NULL,
    hash       TEXT NULL CHECK (hash IS NULL OR length(hash) = 64),
    path       TEXT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('photo', 'document')),
    size       INTEGER NULL CHECK (size >= 0),
    added_at   TEXT NOT NULL,
    PRIMARY KEY (record_id, position)
) STRICT;

CREATE INDEX evidence_hash ON evidence (hash COLLATE NOCASE) WHERE hash IS NOT NULL;

INSERT INTO evidence (record_id, position, file_id, hash, kind, added_at)
SELECT id, 1, evidence_file_id, evidence_hash, coalesce(evidence_kind, 'document'), created_at
FROM record WHERE evidence_file_id IS NOT NULL;

-- A report being written keeps the file it had: its single evidence becomes the first of its list.
UPDATE conversation
SET state = json_set(
    json_remove(state, '$.Task.Draft.EvidenceFileId', '$.Task.Draft.EvidenceHash', '$.Task.Draft.EvidenceIsPhoto'),
    '$.Task.Draft.Evidence',
    json_array(json_object(
        'FileId', json_extract(state, '$.Task.Draft.EvidenceFileId'),
        'Hash', json_extract(state, '$.Task.Draft.EvidenceHash'),
        'Kind', CASE WHEN json_extract(state, '$.Task.Draft.EvidenceIsPhoto') THEN 'photo' ELSE 'document' END,
        'AddedAt', updated_at)))
WHERE json_valid(state) AND json_extract(state, '$.Task.Draft.EvidenceFileId') IS NOT NULL;

ALTER TABLE record DROP COLUMN evidence_hash;
ALTER TABLE record DROP COLUMN evidence_file_id;
ALTER TABLE record DROP COLUMN evidence_kind;
