ALTER TABLE "articles" ADD COLUMN "breaking_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "breaking_since" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "articles_breaking_idx" ON "articles" USING btree ("breaking_until") WHERE "articles"."breaking_until" is not null;