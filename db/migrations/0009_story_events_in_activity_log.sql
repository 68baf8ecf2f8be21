ALTER TABLE "activity_log" ADD COLUMN "revision_id" integer;--> statement-breakpoint
ALTER TABLE "activity_log" ADD CONSTRAINT "activity_log_revision_id_article_revisions_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."article_revisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activity_log_article_order_idx" ON "activity_log" USING btree ("article_id","id");--> statement-breakpoint
-- One log for the newsroom: every story event becomes a typed activity entry, in the order the
-- events were written (rows are numbered as the ordered SELECT hands them over). The free-text
-- note did several jobs; each becomes the typed field it meant: a reviewer's note stays `note`,
-- the marker 'approval_voided' becomes `approvalVoided`, a schedule's time becomes `at`. A note
-- on any other action (only a hand-made request could leave one) is kept as `note` rather than
-- lost. Saves did not record what they changed: their content fields are worked out against the
-- last explicit save before them, as new saves record it; slug, section and tags were not kept.
INSERT INTO "activity_log" ("at", "actor_id", "kind", "article_id", "revision_id", "details")
SELECT
  e."created_at",
  e."actor_id",
  CASE e."action"
    WHEN 'create' THEN 'story.created'
    WHEN 'save' THEN 'story.saved'
    WHEN 'submit' THEN 'story.submitted'
    WHEN 'approve' THEN 'story.approved'
    WHEN 'request_changes' THEN 'story.changes_requested'
    WHEN 'publish' THEN 'story.published'
    WHEN 'schedule' THEN 'story.scheduled'
    WHEN 'cancel_schedule' THEN 'story.schedule_cancelled'
    WHEN 'scheduled_publish' THEN 'story.published_on_schedule'
    WHEN 'unpublish' THEN 'story.unpublished'
    ELSE 'story.' || e."action"
  END,
  e."article_id",
  e."revision_id",
  CASE
    WHEN e."action" = 'create' THEN jsonb_build_object('to', e."to_status")
    WHEN e."action" = 'save' THEN jsonb_build_object(
      'from', e."from_status",
      'to', e."to_status",
      'approvalVoided', e."note" IS NOT DISTINCT FROM 'approval_voided',
      'changed', to_jsonb(array_remove(ARRAY[
        CASE WHEN p."id" IS NOT NULL AND p."title" IS DISTINCT FROM r."title" THEN 'title' END,
        CASE WHEN p."id" IS NOT NULL AND p."summary" IS DISTINCT FROM r."summary" THEN 'summary' END,
        CASE WHEN p."id" IS NOT NULL AND p."byline" IS DISTINCT FROM r."byline" THEN 'byline' END,
        CASE WHEN p."id" IS NOT NULL AND p."featured_media_id" IS DISTINCT FROM r."featured_media_id" THEN 'featuredImage' END,
        CASE WHEN p."id" IS NOT NULL AND p."body" IS DISTINCT FROM r."body" THEN 'body' END
      ], NULL)))
    WHEN e."action" = 'schedule' THEN jsonb_build_object('from', e."from_status", 'to', e."to_status", 'at', e."note")
    WHEN e."action" = 'approve' OR e."note" IS NOT NULL
      THEN jsonb_build_object('from', e."from_status", 'to', e."to_status", 'note', e."note")
    ELSE jsonb_build_object('from', e."from_status", 'to', e."to_status")
  END
FROM "article_events" e
LEFT JOIN "article_revisions" r ON r."id" = e."revision_id"
LEFT JOIN LATERAL (
  SELECT previous."id", previous."title", previous."summary", previous."byline", previous."featured_media_id", previous."body"
    FROM "article_revisions" previous
   WHERE e."action" = 'save' AND previous."article_id" = r."article_id" AND previous."number" < r."number" AND previous."kind" = 'save'
   ORDER BY previous."number" DESC
   LIMIT 1
) p ON true
ORDER BY e."id";--> statement-breakpoint
-- Its append-only and no-truncate triggers go with it; the activity log keeps its own.
DROP TABLE "article_events" CASCADE;
