-- Call-ID keys led by the minute of the attempt (CallKeys): minute since the
-- epoch * 2^37 + the low 37 bits of the V2 key. V2's keys were random across
-- the whole index, so every insert landed on a page somewhere in a tree as large
-- as the log: once it outgrew the page cache, inserts read pages back from the
-- file, and each commit replaced cached pages all over the tree, which left the
-- GC long-lived garbage to find. Keys of the current minute share a few pages.
-- A lookup by Call-ID probes each minute between the oldest and newest row.
UPDATE call_log SET call_key = (GREATEST(started_at, 0) / 60000) * 137438953472 + BITAND(call_key, 137438953471);
UPDATE registration_log SET call_key = (GREATEST(at_ms, 0) / 60000) * 137438953472 + BITAND(call_key, 137438953471);
