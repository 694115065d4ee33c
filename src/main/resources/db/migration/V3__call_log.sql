-- The call and registration log (issue 5): one row per call attempt or
-- registration attempt, written in batches by the call log's writer thread.
-- Times are epoch milliseconds; durations milliseconds, -1 when not reached.
CREATE TABLE call_log (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    call_id     VARCHAR NOT NULL,
    started_at  BIGINT NOT NULL,
    source      VARCHAR NOT NULL DEFAULT '',
    caller      VARCHAR NOT NULL DEFAULT '',
    caller_user VARCHAR NOT NULL DEFAULT '',
    callee      VARCHAR NOT NULL DEFAULT '',
    callee_e164 VARCHAR,
    code        INT NOT NULL,
    situation   VARCHAR,
    post_dial_ms BIGINT NOT NULL DEFAULT -1,
    ring_ms     BIGINT NOT NULL DEFAULT -1,
    duration_ms BIGINT NOT NULL DEFAULT -1,
    messages_dropped INT NOT NULL DEFAULT 0
);
CREATE INDEX call_log_by_call_id ON call_log (call_id);
CREATE INDEX call_log_by_time ON call_log (started_at);

-- The ladder: every message of the call as it went over the wire.
CREATE TABLE call_message (
    call_log_id BIGINT NOT NULL REFERENCES call_log (id) ON DELETE CASCADE,
    seq         INT NOT NULL,
    at_ms       BIGINT NOT NULL,
    direction   VARCHAR(3) NOT NULL,  -- 'in' or 'out'
    peer        VARCHAR NOT NULL,
    start_line  VARCHAR NOT NULL,
    text        VARCHAR NOT NULL,
    PRIMARY KEY (call_log_id, seq)
);

CREATE TABLE registration_log (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    call_id    VARCHAR NOT NULL,
    at_ms      BIGINT NOT NULL,
    source     VARCHAR NOT NULL DEFAULT '',
    sip_id     VARCHAR,
    code       INT NOT NULL,
    situation  VARCHAR
);
CREATE INDEX registration_log_by_time ON registration_log (at_ms);
