-- Call-ID lookups through an 8-byte key instead of the Call-ID itself. Call-IDs
-- are random, so every row added its entry at a random place of a B-tree as
-- large as the log: once that tree outgrew H2's page cache, each insert read a
-- page back and each commit rewrote hundreds of them (at 1750 calls/s the
-- server fell behind). The key (the first 8 bytes of SHA-256 of the Call-ID's
-- UTF-8, as a big-endian BIGINT: CallKeys.of) makes entries a quarter of the
-- size; a lookup compares the Call-ID too, so a key collision costs nothing.
ALTER TABLE call_log ADD COLUMN call_key BIGINT;
UPDATE call_log SET call_key = CAST(SUBSTRING(HASH('SHA-256', call_id) FROM 1 FOR 8) AS BIGINT);
ALTER TABLE call_log ALTER COLUMN call_key SET NOT NULL;
DROP INDEX call_log_by_call_id;
CREATE INDEX call_log_by_call_key ON call_log (call_key);

ALTER TABLE registration_log ADD COLUMN call_key BIGINT;
UPDATE registration_log SET call_key = CAST(SUBSTRING(HASH('SHA-256', call_id) FROM 1 FOR 8) AS BIGINT);
ALTER TABLE registration_log ALTER COLUMN call_key SET NOT NULL;
DROP INDEX registration_log_by_call_id;
CREATE INDEX registration_log_by_call_key ON registration_log (call_key);
