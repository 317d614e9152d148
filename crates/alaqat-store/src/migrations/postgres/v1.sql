-- PostgreSQL schema version 1: the same tables as the SQLite store's v1, plus the
-- pre-normalized text of each document and its full-text vector.
--
-- Applied migrations are frozen: never edit this file once released; add v2.sql instead.
-- `schema_migrations` lists the versions applied, one row each. Child rows keep an explicit
-- `ord` identity so that reading a document back returns its items in insertion order.
-- Offsets are UTF-8 byte offsets into `documents.text`, which is BYTEA (the UTF-8 bytes of
-- the original text, exactly: PostgreSQL's TEXT cannot hold U+0000). Dates are ISO 8601
-- civil dates as TEXT (`2024-09-25`), as in the SQLite store; JSON columns hold JSON text.

CREATE TABLE schema_migrations (
    version    INTEGER PRIMARY KEY,
    applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE documents (
    id                           TEXT PRIMARY KEY,
    seq                          BIGINT NOT NULL UNIQUE,
    source                       TEXT NOT NULL,
    url                          TEXT,
    title                        TEXT,
    published_start              TEXT,
    published_end                TEXT,
    published_precision          TEXT,
    published_inferred           BOOLEAN,
    lang                         TEXT NOT NULL,
    encoding                     TEXT NOT NULL,
    format                       TEXT NOT NULL,
    text                         BYTEA NOT NULL,
    -- alaqat_text::normalize of the text (the match keys of extraction and search: no
    -- diacritics or tatweel, alef/yeh/taa marbuta folded, `عبد ال` joined), NUL as space.
    normalized                   TEXT NOT NULL,
    -- The words of the normalized text, for `PgStore::search_text`. The first 200,000
    -- characters only: a tsvector holds at most 1 MiB of distinct words.
    search                       TSVECTOR GENERATED ALWAYS AS
                                 (to_tsvector('simple'::regconfig, left(normalized, 200000))) STORED,
    ingested_at                  TEXT NOT NULL,
    inferred_published_start     TEXT,
    inferred_published_end       TEXT,
    inferred_published_precision TEXT,
    inferred_published_inferred  BOOLEAN
);

CREATE TABLE entities (
    id       TEXT PRIMARY KEY,
    kind     TEXT,
    name_ar  TEXT,
    name_en  TEXT,
    country  TEXT,
    role     TEXT,
    sector   TEXT,
    variants TEXT NOT NULL DEFAULT '[]'
);

CREATE TABLE document_entities (
    ord       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    doc_id    TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    entity_id TEXT NOT NULL REFERENCES entities(id),
    UNIQUE (doc_id, entity_id)
);

CREATE TABLE mentions (
    ord       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    doc_id    TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    entity_id TEXT NOT NULL,
    "start"   BIGINT NOT NULL,
    "end"     BIGINT NOT NULL
);

CREATE TABLE date_mentions (
    ord            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    doc_id         TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    "start"        BIGINT NOT NULL,
    "end"          BIGINT NOT NULL,
    value_start    TEXT NOT NULL,
    value_end      TEXT NOT NULL,
    precision      TEXT NOT NULL,
    value_inferred BOOLEAN NOT NULL,
    relative       BOOLEAN NOT NULL
);

CREATE TABLE events (
    ord            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    doc_id         TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    id             TEXT NOT NULL,
    code           TEXT NOT NULL,
    plover         TEXT NOT NULL,
    goldstein      REAL NOT NULL,
    quad           SMALLINT NOT NULL,
    source_code    TEXT NOT NULL,
    source_country TEXT NOT NULL,
    source_entity  TEXT,
    target_code    TEXT NOT NULL,
    target_country TEXT NOT NULL,
    target_entity  TEXT,
    date_start     TEXT,
    date_end       TEXT,
    date_precision TEXT,
    date_inferred  BOOLEAN,
    place          TEXT,
    modality       TEXT NOT NULL,
    confidence     REAL NOT NULL,
    evidence_start BIGINT NOT NULL,
    evidence_end   BIGINT NOT NULL,
    trigger_start  BIGINT NOT NULL,
    trigger_end    BIGINT NOT NULL
);

CREATE TABLE claims (
    ord            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    doc_id         TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    kind           TEXT NOT NULL,
    parties        TEXT NOT NULL,
    value          TEXT NOT NULL,
    evidence_start BIGINT NOT NULL,
    evidence_end   BIGINT NOT NULL
);

CREATE TABLE commitments (
    ord            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    doc_id         TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    what           TEXT NOT NULL,
    parties        TEXT NOT NULL,
    due_start      TEXT,
    due_end        TEXT,
    due_precision  TEXT,
    due_inferred   BOOLEAN,
    evidence_start BIGINT NOT NULL,
    evidence_end   BIGINT NOT NULL
);

CREATE TABLE flags (
    ord    BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    flag   TEXT NOT NULL
);

CREATE TABLE diagnostics (
    ord     BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    doc_id  TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    message TEXT NOT NULL
);

CREATE INDEX documents_search ON documents USING gin (search);
CREATE INDEX mentions_doc ON mentions(doc_id);
CREATE INDEX mentions_entity ON mentions(entity_id);
CREATE INDEX date_mentions_doc ON date_mentions(doc_id);
CREATE INDEX events_doc ON events(doc_id);
CREATE INDEX events_dyad ON events(source_country, target_country);
CREATE INDEX events_code ON events(code);
CREATE INDEX events_date ON events(date_start);
CREATE INDEX claims_doc ON claims(doc_id);
CREATE INDEX commitments_doc ON commitments(doc_id);
CREATE INDEX flags_doc ON flags(doc_id);
CREATE INDEX diagnostics_doc ON diagnostics(doc_id);
CREATE INDEX document_entities_doc ON document_entities(doc_id);
CREATE INDEX document_entities_entity ON document_entities(entity_id);
