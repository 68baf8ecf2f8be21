DROP INDEX "search_lexicon_word_trgm_idx";--> statement-breakpoint
ALTER TABLE "search_documents" ADD COLUMN "section_id" integer;--> statement-breakpoint
ALTER TABLE "search_documents" ADD COLUMN "public_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "search_documents" ADD COLUMN "visible_from" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "search_lexicon_word_trgm_idx" ON "search_lexicon" USING gist ("word" gist_trgm_ops);