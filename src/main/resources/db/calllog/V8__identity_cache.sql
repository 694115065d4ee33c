-- Each call and registration attempt takes its row's id from the table's
-- identity sequence. H2 writes a sequence's state into the schema, in a commit
-- of its own, each time the values it handed out reach its cache (32 by
-- default): at 4500 calls/s some 140 extra commits a second, a third of what
-- a batched insert cost in a microbenchmark (bench/RESULTS.md, fourteenth
-- pass). With 10,000 the state is written every few seconds at most. After a
-- crash the ids go on from the last value written, leaving a gap; nothing
-- reads meaning into ids beyond their order (retention deletes the lowest).
ALTER TABLE call_log ALTER COLUMN id SET CACHE 10000;
ALTER TABLE registration_log ALTER COLUMN id SET CACHE 10000;
