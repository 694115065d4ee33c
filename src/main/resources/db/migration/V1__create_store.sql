-- Clearline store, first schema.
-- Passwords are never stored: only the digest HA1 values for the server's realm
-- (RFC 2617 §3.2.2.2 for MD5, RFC 7616 / RFC 8760 for SHA-256).
CREATE TABLE account (
    sip_id       VARCHAR PRIMARY KEY,
    display_name VARCHAR NOT NULL DEFAULT '',
    ha1_md5      VARCHAR(32) NOT NULL,
    ha1_sha256   VARCHAR(64) NOT NULL,
    enabled      BOOLEAN NOT NULL DEFAULT TRUE,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- E.164 numbers ("+" and up to 15 digits, ITU-T E.164 §6) owned by accounts.
CREATE TABLE phone_number (
    number VARCHAR(16) PRIMARY KEY,
    sip_id VARCHAR NOT NULL REFERENCES account (sip_id) ON DELETE CASCADE
);
CREATE INDEX phone_number_by_sip_id ON phone_number (sip_id);

-- Contact bindings (RFC 3261 §10.3). No foreign key to account on purpose:
-- the registrar writes through a group commit, and one binding of an account
-- removed a moment ago must not fail the whole batch of other accounts.
-- Removing an account deletes its bindings explicitly.
CREATE TABLE registration (
    sip_id        VARCHAR NOT NULL,
    contact       VARCHAR NOT NULL,
    call_id       VARCHAR NOT NULL,
    cseq          BIGINT NOT NULL CHECK (cseq >= 0),  -- §8.1.1.5: below 2**31
    expires_at    BIGINT NOT NULL,
    registered_at BIGINT NOT NULL,
    q             DOUBLE PRECISION NOT NULL CHECK (q >= 0 AND q <= 1), -- §20.10 qvalue
    path          VARCHAR NOT NULL DEFAULT '',
    source        VARCHAR NOT NULL DEFAULT '',
    user_agent    VARCHAR NOT NULL DEFAULT '',
    PRIMARY KEY (sip_id, contact)
);
CREATE INDEX registration_by_expiry ON registration (expires_at);

-- Small facts about the installation, e.g. the digest realm the HA1s were computed for.
CREATE TABLE meta (
    meta_key   VARCHAR PRIMARY KEY,
    meta_value VARCHAR NOT NULL
);

-- One row, incremented by every account/number/meta write in the same transaction,
-- so a running server notices changes made by the CLI with one cheap query.
CREATE TABLE store_version (
    id      INT PRIMARY KEY CHECK (id = 1),
    version BIGINT NOT NULL
);
INSERT INTO store_version (id, version) VALUES (1, 0);
