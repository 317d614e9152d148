-- PostgreSQL schema version 2, as the SQLite store's v2: what no query filters on moves from a
-- row per item into one JSON value per document, `documents.details` (its shape:
-- `src/details.rs`; TEXT, which PostgreSQL compresses when it is long). The entity links,
-- mentions, date expressions, claims, commitments, flags and diagnostics of version 1 are
-- copied into it in their stored order, then their tables are dropped.
--
-- Applied migrations are frozen: never edit this file once released; add v3.sql instead.

-- The counts of the items `details` holds are columns, so that counting needs no decoding.
ALTER TABLE documents ADD COLUMN details TEXT NOT NULL DEFAULT '{}';
ALTER TABLE documents ADD COLUMN mention_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE documents ADD COLUMN date_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE documents ADD COLUMN claim_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE documents ADD COLUMN commitment_count INTEGER NOT NULL DEFAULT 0;

UPDATE documents d SET
    mention_count = (SELECT COUNT(*) FROM mentions WHERE doc_id = d.id),
    date_count = (SELECT COUNT(*) FROM date_mentions WHERE doc_id = d.id),
    claim_count = (SELECT COUNT(*) FROM claims WHERE doc_id = d.id),
    commitment_count = (SELECT COUNT(*) FROM commitments WHERE doc_id = d.id);

UPDATE documents d SET details = json_build_object(
    'entities', COALESCE((SELECT json_agg(entity_id ORDER BY ord)
                          FROM document_entities WHERE doc_id = d.id), '[]'::json),
    'mentions', COALESCE((SELECT json_agg(json_build_array(entity_id, "start", "end") ORDER BY ord)
                          FROM mentions WHERE doc_id = d.id), '[]'::json),
    'dates', COALESCE((SELECT json_agg(json_build_array("start", "end", value_start, value_end,
                                precision, value_inferred, relative) ORDER BY ord)
                       FROM date_mentions WHERE doc_id = d.id), '[]'::json),
    'claims', COALESCE((SELECT json_agg(json_build_array(kind, parties::json, value::json,
                                 evidence_start, evidence_end) ORDER BY ord)
                        FROM claims WHERE doc_id = d.id), '[]'::json),
    'commitments', COALESCE((SELECT json_agg(json_build_array(what, parties::json, due_start,
                                      due_end, due_precision, due_inferred, evidence_start,
                                      evidence_end) ORDER BY ord)
                             FROM commitments WHERE doc_id = d.id), '[]'::json),
    'flags', COALESCE((SELECT json_agg(flag ORDER BY ord) FROM flags WHERE doc_id = d.id), '[]'::json),
    'diagnostics', COALESCE((SELECT json_agg(message ORDER BY ord)
                             FROM diagnostics WHERE doc_id = d.id), '[]'::json)
)::text;

DROP TABLE document_entities;
DROP TABLE mentions;
DROP TABLE date_mentions;
DROP TABLE claims;
DROP TABLE commitments;
DROP TABLE flags;
DROP TABLE diagnostics;
