-- PostgreSQL schema version 3, as the SQLite store's v3: the `events` indexes no query uses go
-- (listings filter fused events, never raw events by code or date).
--
-- Applied migrations are frozen: never edit this file once released; add v4.sql instead.

DROP INDEX IF EXISTS events_code;
DROP INDEX IF EXISTS events_date;
