CREATE TYPE "public"."imported_kind" AS ENUM('post', 'attachment', 'category', 'tag', 'author');--> statement-breakpoint
CREATE TABLE "imported_items" (
	"source" text NOT NULL,
	"kind" "imported_kind" NOT NULL,
	"source_id" text NOT NULL,
	"target_id" integer NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "imported_items_source_kind_source_id_pk" PRIMARY KEY("source","kind","source_id")
);
--> statement-breakpoint
CREATE TABLE "legacy_redirects" (
	"path" text PRIMARY KEY NOT NULL,
	"article_id" integer,
	"section_id" integer,
	"tag_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "legacy_redirects_one_target" CHECK (num_nonnulls("legacy_redirects"."article_id", "legacy_redirects"."section_id", "legacy_redirects"."tag_id") = 1)
);
--> statement-breakpoint
ALTER TABLE "legacy_redirects" ADD CONSTRAINT "legacy_redirects_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legacy_redirects" ADD CONSTRAINT "legacy_redirects_section_id_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."sections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legacy_redirects" ADD CONSTRAINT "legacy_redirects_tag_id_tags_id_fk" FOREIGN KEY ("tag_id") REFERENCES "public"."tags"("id") ON DELETE cascade ON UPDATE no action;