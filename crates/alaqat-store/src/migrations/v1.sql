-- Schema version 1: documents, their extractions, and the entities they mention.
--
-- Applied migrations are frozen: never edit this file once released; add v2.sql instead.
-- Child rows keep an explicit `ord INTEGER PRIMARY KEY` so that reading a document back
-- returns its items in insertion order even after VACUUM renumbers implicit rowids.
-- Offsets (`start`, `end`, `*_start`, `*_end` of spans) are UTF-8 byte offsets into
-- `documents.text`. Dates are ISO 8601 civil dates (`2024-09-25`); precisions are the names of
-- `alaqat_model::Precision` (`day`, `month` ...). JSON columns hold JSON arrays or values.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE documents (
    id                           TEXT PRIMARY KEY,
    seq                          INTEGER NOT NULL UNIQUE,
    source                       TEXT NOT NULL,
    url                          TEXT,
    title                        TEXT,
    published_start              TEXT,
    published_end                TEXT,
    published_precision          TEXT,
    published_inferred           INTEGER,
    lang                         TEXT NOT NULL,
    encoding                     TEXT NOT NULL,
    format                       TEXT NOT NULL,
    text                         TEXT NOT NULL,
    ingested_at                  TEXT NOT NULL,
    inferred_published_start     TEXT,
    inferred_published_end       TEXT,
    inferred_published_precision TEXT,
    inferred_published_inferred  INTEGER
) STRICT;

CREATE TABLE entities (
    id       TEXT PRIMARY KEY,
    kind     TEXT,
    name_ar  TEXT,
    name_en  TEXT,
    country  TEXT,
    role     TEXT,
    sector   TEXT,
    variants TEXT NOT NULL DEFAULT '[]'
) STRICT;

CREATE TABLE document_entities (
    ord       INTEGER PRIMARY KEY,
    doc_id    TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    entity_id TEXT NOT NULL REFERENCES entities(id),
    UNIQUE (doc_id, entity_id)
) STRICT;

CREATE TABLE mentions (
    ord       INTEGER PRIMARY KEY,
    doc_id    TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    entity_id TEXT NOT NULL,
    "start"   INTEGER NOT NULL,
    "end"     INTEGER NOT NULL
) STRICT;

CREATE TABLE date_mentions (
    ord            INTEGER PRIMARY KEY,
    doc_id         TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    "start"        INTEGER NOT NULL,
    "end"          INTEGER NOT NULL,
    value_start    TEXT NOT NULL,
    value_end      TEXT NOT NULL,
    precision      TEXT NOT NULL,
    value_inferred INTEGER NOT NULL,
    relative       INTEGER NOT NULL
) STRICT;

CREATE TABLE events (
    ord            INTEGER PRIMARY KEY,
    doc_id         TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    id             TEXT NOT NULL,
    code           TEXT NOT NULL,
    plover         TEXT NOT NULL,
    goldstein      REAL,
    quad           INTEGER NOT NULL,
    source_code    TEXT NOT NULL,
    source_country TEXT NOT NULL,
    source_entity  TEXT,
    target_code    TEXT NOT NULL,
    target_country TEXT NOT NULL,
    target_entity  TEXT,
    date_start     TEXT,
    date_end       TEXT,
    date_precision TEXT,
    date_inferred  INTEGER,
    place          TEXT,
    modality       TEXT NOT NULL,
    confidence     REAL,
    evidence_start INTEGER NOT NULL,
    evidence_end   INTEGER NOT NULL,
    trigger_start  INTEGER NOT NULL,
    trigger_end    INTEGER NOT NULL
) STRICT;

CREATE TABLE claims (
    ord            INTEGER PRIMARY KEY,
    doc_id         TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    kind           TEXT NOT NULL,
    parties        TEXT NOT NULL,
    value          TEXT NOT NULL,
    evidence_start INTEGER NOT NULL,
    evidence_end   INTEGER NOT NULL
) STRICT;

CREATE TABLE commitments (
    ord            INTEGER PRIMARY KEY,
    doc_id         TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    what           TEXT NOT NULL,
    parties        TEXT NOT NULL,
    due_start      TEXT,
    due_end        TEXT,
    due_precision  TEXT,
    due_inferred   INTEGER,
    evidence_start INTEGER NOT NULL,
    evidence_end   INTEGER NOT NULL
) STRICT;

CREATE TABLE flags (
    ord    INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    flag   TEXT NOT NULL
) STRICT;

CREATE TABLE diagnostics (
    ord     INTEGER PRIMARY KEY,
    doc_id  TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    message TEXT NOT NULL
) STRICT;

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
CREATE INDEX document_entities_entity ON document_entities(entity_id);
