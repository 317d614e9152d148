-- Schema version 2: what no query filters on moves from a row per item into one JSON value per
-- document, `documents.details` (its shape: `src/details.rs`), and texts are stored compressed. The entity links, mentions,
-- date expressions, claims, commitments, flags and diagnostics of version 1 are copied into it
-- in their stored order, then their tables are dropped. Events keep their rows and indexes.
--
-- Applied migrations are frozen: never edit this file once released; add v3.sql instead.

-- `details` is the JSON as TEXT (as this migration writes it) or one zstd frame of it as a
-- BLOB (as ingests write it). `text_zstd` is the text compressed the same way when `text` is
-- empty (what ingests write); documents stored before keep their `text` and no `text_zstd`.
-- The counts of the items `details` holds are columns, so that counting needs no decoding.
ALTER TABLE documents ADD COLUMN details ANY NOT NULL DEFAULT '{}';
ALTER TABLE documents ADD COLUMN text_zstd BLOB;
ALTER TABLE documents ADD COLUMN mention_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE documents ADD COLUMN date_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE documents ADD COLUMN claim_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE documents ADD COLUMN commitment_count INTEGER NOT NULL DEFAULT 0;

UPDATE documents SET
    mention_count = (SELECT COUNT(*) FROM mentions WHERE doc_id = documents.id),
    date_count = (SELECT COUNT(*) FROM date_mentions WHERE doc_id = documents.id),
    claim_count = (SELECT COUNT(*) FROM claims WHERE doc_id = documents.id),
    commitment_count = (SELECT COUNT(*) FROM commitments WHERE doc_id = documents.id);

-- Subqueries lose the JSON subtype of their value, hence `json(…)` around each.
UPDATE documents SET details = json_object(
    'entities', json((SELECT json_group_array(entity_id ORDER BY ord)
                      FROM document_entities WHERE doc_id = documents.id)),
    'mentions', json((SELECT json_group_array(json_array(entity_id, "start", "end") ORDER BY ord)
                      FROM mentions WHERE doc_id = documents.id)),
    'dates', json((SELECT json_group_array(json_array("start", "end", value_start, value_end, precision,
                             json(CASE WHEN value_inferred THEN 'true' ELSE 'false' END),
                             json(CASE WHEN relative THEN 'true' ELSE 'false' END)) ORDER BY ord)
                   FROM date_mentions WHERE doc_id = documents.id)),
    'claims', json((SELECT json_group_array(json_array(kind, json(parties), json(value),
                              evidence_start, evidence_end) ORDER BY ord)
                    FROM claims WHERE doc_id = documents.id)),
    'commitments', json((SELECT json_group_array(json_array(what, json(parties), due_start, due_end,
                                   due_precision,
                                   CASE WHEN due_inferred IS NULL THEN NULL
                                        WHEN due_inferred THEN json('true') ELSE json('false') END,
                                   evidence_start, evidence_end) ORDER BY ord)
                         FROM commitments WHERE doc_id = documents.id)),
    'flags', json((SELECT json_group_array(flag ORDER BY ord) FROM flags WHERE doc_id = documents.id)),
    'diagnostics', json((SELECT json_group_array(message ORDER BY ord)
                         FROM diagnostics WHERE doc_id = documents.id))
);

DROP TABLE document_entities;
DROP TABLE mentions;
DROP TABLE date_mentions;
DROP TABLE claims;
DROP TABLE commitments;
DROP TABLE flags;
DROP TABLE diagnostics;
