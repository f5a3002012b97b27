-- Chinese narratives have no word boundaries PostgreSQL's text search understands; trigram
-- indexes make `ILIKE '%词%'` searches on narrative and place fast without a tokenizer.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS incidents_narrative_trgm ON incidents USING gin (narrative gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS incidents_place_trgm ON incidents USING gin (place gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS publications_search_trgm ON publications USING gin (search_text gin_trgm_ops);
