-- The call and registration log moved to its own database file (calllog.mv.db,
-- schema in db/calllog): a log that grows, fills up or breaks must never take
-- accounts and registrations with it (H2 closes a whole database when its
-- store fails). The rows logged here before are dropped, not copied: they hold
-- one row per SIP message (gigabytes after a benchmark), copying them would
-- make the first start after the upgrade take minutes, and the log is history,
-- not state. Dropping frees their space in this file for reuse.
DROP TABLE IF EXISTS call_message;
DROP TABLE IF EXISTS call_log;
DROP TABLE IF EXISTS registration_log;
