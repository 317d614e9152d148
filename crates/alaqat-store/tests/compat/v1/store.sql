-- Golden store of schema version 1: the v1 schema as released plus one small document.
-- Frozen: never regenerate or edit; a new schema version gets its own directory.

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

INSERT INTO meta (key, value) VALUES ('schema_version', '1');

INSERT INTO documents (id, seq, source, url, title, published_start, published_end,
    published_precision, published_inferred, lang, encoding, format, text, ingested_at,
    inferred_published_start, inferred_published_end, inferred_published_precision,
    inferred_published_inferred)
VALUES ('v1doc', 1, 'golden/v1.txt', NULL, NULL, '2024-05-01', '2024-05-31', 'month', 0,
    'ar', 'utf-8', 'txt', 'زار الوزير أستانا في 2024.', '2025-01-31T08:15:00Z',
    NULL, NULL, NULL, NULL);

INSERT INTO entities (id, kind, name_ar, name_en, country, role, sector, variants)
VALUES ('plc:astana', 'place', 'أستانا', 'Astana', 'KAZ', NULL, NULL, '["أستانا","استانا"]');
INSERT INTO document_entities (doc_id, entity_id) VALUES ('v1doc', 'plc:astana');
INSERT INTO mentions (doc_id, entity_id, "start", "end") VALUES ('v1doc', 'plc:astana', 20, 32);
INSERT INTO date_mentions (doc_id, "start", "end", value_start, value_end, precision,
    value_inferred, relative) VALUES ('v1doc', 38, 42, '2024-01-01', '2024-12-31', 'year', 0, 0);
INSERT INTO events (doc_id, id, code, plover, goldstein, quad, source_code, source_country,
    source_entity, target_code, target_country, target_entity, date_start, date_end,
    date_precision, date_inferred, place, modality, confidence, evidence_start, evidence_end,
    trigger_start, trigger_end)
VALUES ('v1doc', 'e1', '042', 'CONSULT', 1.9, 1, 'SAUGOV', 'SAU', NULL, 'KAZ', 'KAZ', NULL,
    '2024-01-01', '2024-12-31', 'year', 0, 'plc:astana', 'asserted', 0.8, 0, 43, 0, 6);
INSERT INTO claims (doc_id, kind, parties, value, evidence_start, evidence_end)
VALUES ('v1doc', 'relations_established', '["KAZ","SAU"]', '"1994"', 0, 43);
INSERT INTO commitments (doc_id, what, parties, due_start, due_end, due_precision, due_inferred,
    evidence_start, evidence_end)
VALUES ('v1doc', 'زيارة', '["SAU"]', NULL, NULL, NULL, NULL, 0, 43);
INSERT INTO flags (doc_id, flag) VALUES ('v1doc', 'outdated_place_name');
INSERT INTO diagnostics (doc_id, message) VALUES ('v1doc', 'golden');
