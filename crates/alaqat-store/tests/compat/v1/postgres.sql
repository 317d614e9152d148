-- The rows of a version 1 PostgreSQL store (after src/migrations/postgres/v1.sql), written by
-- hand for tests/it/pg.rs: what the version 2 migration must carry into documents.details.
INSERT INTO schema_migrations (version) VALUES (1);
INSERT INTO documents (id, seq, source, published_start, published_end, published_precision, published_inferred, lang, encoding, format, text, normalized, ingested_at)
VALUES ('v1doc', 1, 'golden/v1.txt', '2024-05-01', '2024-05-31', 'month', false, 'ar', 'utf-8', 'txt', convert_to('زار الوزير أستانا في 2024.', 'UTF8'), 'زار الوزير استانا في 2024', '2025-01-31T08:15:00Z');
INSERT INTO entities (id, kind, name_ar, variants) VALUES ('plc:astana', 'place', 'أستانا', '["أستانا","استانا"]');
INSERT INTO document_entities (doc_id, entity_id) VALUES ('v1doc', 'plc:astana');
INSERT INTO mentions (doc_id, entity_id, "start", "end") VALUES ('v1doc', 'plc:astana', 20, 32);
INSERT INTO date_mentions (doc_id, "start", "end", value_start, value_end, precision, value_inferred, relative) VALUES ('v1doc', 38, 42, '2024-01-01', '2024-12-31', 'year', false, true);
INSERT INTO events (doc_id, id, code, plover, goldstein, quad, source_code, source_country, source_entity, target_code, target_country, target_entity, date_start, date_end, date_precision, date_inferred, place, modality, confidence, evidence_start, evidence_end, trigger_start, trigger_end)
VALUES ('v1doc', 'e1', '042', 'CONSULT', 1.9, 1, 'SAUGOV', 'SAU', NULL, 'KAZ', 'KAZ', NULL, '2024-01-01', '2024-12-31', 'year', false, 'plc:astana', 'asserted', 0.8, 0, 43, 0, 6);
INSERT INTO claims (doc_id, kind, parties, value, evidence_start, evidence_end) VALUES ('v1doc', 'relations_established', '["KAZ","SAU"]', '"1994"', 0, 43);
INSERT INTO claims (doc_id, kind, parties, value, evidence_start, evidence_end) VALUES ('v1doc', 'trade_volume', '["KAZ","SAU"]', '{"year":2024,"amount":500000000.0,"currency":"USD","comparator":">"}', 0, 43);
INSERT INTO commitments (doc_id, what, parties, due_start, due_end, due_precision, due_inferred, evidence_start, evidence_end) VALUES ('v1doc', 'زيارة', '["SAU"]', '2026-01-01', '2026-03-31', 'quarter', true, 0, 43);
INSERT INTO commitments (doc_id, what, parties, due_start, due_end, due_precision, due_inferred, evidence_start, evidence_end) VALUES ('v1doc', 'x', '[]', NULL, NULL, NULL, NULL, 0, 43);
INSERT INTO flags (doc_id, flag) VALUES ('v1doc', 'outdated_place_name');
INSERT INTO diagnostics (doc_id, message) VALUES ('v1doc', 'golden');
