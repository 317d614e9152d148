-- Schema version 3: the `events` indexes no query uses go. Listings filter fused events, which
-- are made from a dyad's or the whole store's documents, never raw events by code or date;
-- the dyad and document indexes stay. (5,000 generated articles: 2.4 MB of a 40 MB store.)
--
-- Applied migrations are frozen: never edit this file once released; add v4.sql instead.

DROP INDEX IF EXISTS events_code;
DROP INDEX IF EXISTS events_date;
