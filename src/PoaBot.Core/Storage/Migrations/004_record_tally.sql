-- Counted records per activity, council and bimester, kept by triggers in the same transaction as every change to
-- a record (report, void, amendment, import): progress reads these few rows instead of scanning the records.
CREATE TABLE record_tally (
    activity_id INTEGER NOT NULL REFERENCES activity(id),
    year        INTEGER NOT NULL,
    bimester    INTEGER NOT NULL CHECK (bimester BETWEEN 1 AND 6),
    council_id  INTEGER NOT NULL REFERENCES council(id),
    total       INTEGER NOT NULL,
    records     INTEGER NOT NULL,
    PRIMARY KEY (activity_id, year, bimester, council_id)
) STRICT, WITHOUT ROWID;

INSERT INTO record_tally (activity_id, year, bimester, council_id, total, records)
SELECT activity_id, CAST(substr(event_date, 1, 4) AS INTEGER), (CAST(substr(event_date, 6, 2) AS INTEGER) + 1) / 2, council_id, SUM(count), count(*)
FROM record WHERE voided_at IS NULL
GROUP BY 1, 2, 3, 4;

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
