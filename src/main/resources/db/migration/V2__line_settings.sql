-- Line features (forwards, do-not-disturb, limits, reject rules, codecs,
-- permissions) per account, as one JSON document: the set of features grows
-- release by release, and the server always reads them whole.
CREATE TABLE line_settings (
    sip_id   VARCHAR PRIMARY KEY REFERENCES account (sip_id) ON DELETE CASCADE,
    settings VARCHAR NOT NULL
);
