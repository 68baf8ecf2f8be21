CREATE TYPE "public"."public_note_kind" AS ENUM('correction', 'update');--> statement-breakpoint
CREATE TABLE "public_notes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "public_notes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"article_id" integer NOT NULL,
	"revision_id" integer NOT NULL,
	"kind" "public_note_kind" NOT NULL,
	"body" text NOT NULL,
	"author_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "public_notes" ADD CONSTRAINT "public_notes_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_notes" ADD CONSTRAINT "public_notes_revision_id_article_revisions_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."article_revisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_notes" ADD CONSTRAINT "public_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "public_notes_article_idx" ON "public_notes" USING btree ("article_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "public_notes_kind_idx" ON "public_notes" USING btree ("kind","created_at" DESC NULLS LAST);--> statement-breakpoint
-- Public notes are part of a story's history, like its revisions and its activity log: rows are
-- added with a publication, never changed or removed.
CREATE TRIGGER public_notes_append_only BEFORE UPDATE OR DELETE ON public_notes
  FOR EACH ROW EXECUTE FUNCTION midad_refuse_history_change();
--> statement-breakpoint
CREATE TRIGGER public_notes_no_truncate BEFORE TRUNCATE ON public_notes
  FOR EACH STATEMENT EXECUTE FUNCTION midad_refuse_history_change();
