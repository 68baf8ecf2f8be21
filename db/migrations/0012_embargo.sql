ALTER TABLE "articles" ADD COLUMN "embargo_until" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "articles_embargo_idx" ON "articles" USING btree ("embargo_until") WHERE "articles"."embargo_until" is not null;--> statement-breakpoint

-- The search documents' copy of the visibility rule gains the embargo: a document that would be
-- visible is so only from the embargo time on; NULL (never) stays NULL. Same rule as
-- isPubliclyVisible (lib/workflow/visibility.ts) and publiclyVisible (db/queries/visibility.ts).
CREATE FUNCTION midad_search_visible_from(status article_status, scheduled_for timestamptz, embargo_until timestamptz, is_published_revision boolean)
  RETURNS timestamptz
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT CASE WHEN base IS NULL THEN NULL ELSE greatest(base, embargo_until) END
    FROM (SELECT midad_search_visible_from(status, scheduled_for, is_published_revision) AS base) b
$$;
--> statement-breakpoint

-- The date readers see: never earlier than the embargo.
CREATE FUNCTION midad_public_date(published_at timestamptz, scheduled_for timestamptz, embargo_until timestamptz)
  RETURNS timestamptz
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT greatest(coalesce(published_at, scheduled_for), embargo_until)
$$;
--> statement-breakpoint

CREATE OR REPLACE FUNCTION midad_search_sync_state(article_ids integer[]) RETURNS void
  LANGUAGE sql
AS $$
  UPDATE search_documents d
     SET section_id = a.section_id,
         public_at = midad_public_date(a.published_at, a.scheduled_for, a.embargo_until),
         visible_from = midad_search_visible_from(a.status, a.scheduled_for, a.embargo_until, d.revision_id = a.published_revision_id)
    FROM articles a
   WHERE a.id = d.article_id
     AND (article_ids IS NULL OR d.article_id = ANY (article_ids))
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION midad_search_refresh(article_ids integer[]) RETURNS void
  LANGUAGE plpgsql
AS $$
BEGIN
  DELETE FROM search_documents d
   WHERE (article_ids IS NULL OR d.article_id = ANY (article_ids))
     AND NOT EXISTS (
       SELECT 1 FROM articles a
        WHERE a.id = d.article_id
          AND (d.revision_id = a.current_revision_id OR d.revision_id = a.published_revision_id));

  WITH source AS MATERIALIZED (
    SELECT r.id AS revision_id,
           a.id AS article_id,
           a.section_id,
           midad_public_date(a.published_at, a.scheduled_for, a.embargo_until) AS public_at,
           midad_search_visible_from(a.status, a.scheduled_for, a.embargo_until, r.id = a.published_revision_id) AS visible_from,
           midad_normalize_arabic(left(r.title, 1000)) AS title,
           midad_normalize_arabic(left(r.summary, 5000)) AS summary,
           midad_normalize_arabic(left(coalesce(tg.names, ''), 5000)) AS tags,
           midad_normalize_arabic(left(r.body_text, 40000)) AS body,
           midad_normalize_arabic(s.name) AS section
      FROM articles a
      JOIN article_revisions r ON r.id = a.current_revision_id OR r.id = a.published_revision_id
      JOIN sections s ON s.id = a.section_id
      LEFT JOIN LATERAL (
        SELECT string_agg(t.name, ' ، ' ORDER BY t.name) AS names
          FROM article_tags at JOIN tags t ON t.id = at.tag_id
         WHERE at.article_id = a.id
      ) tg ON true
     WHERE article_ids IS NULL OR a.id = ANY (article_ids)
  ),
  parts AS (
    SELECT revision_id, article_id, section_id, public_at, visible_from,
           midad_search_vector(title, 'A')
             || midad_search_vector(summary, 'B')
             || midad_search_vector(tags, 'B') AS head,
           midad_search_vector(body, 'C') || midad_search_vector(section, 'D') AS rest
      FROM source
  ),
  written AS (
    INSERT INTO search_documents
      (revision_id, article_id, document, head, section_id, public_at, visible_from, updated_at)
    SELECT revision_id, article_id, head || rest, head, section_id, public_at, visible_from, now()
      FROM parts
     ORDER BY revision_id
    ON CONFLICT (revision_id) DO UPDATE
       SET article_id = excluded.article_id,
           document = excluded.document,
           head = excluded.head,
           section_id = excluded.section_id,
           public_at = excluded.public_at,
           visible_from = excluded.visible_from,
           updated_at = excluded.updated_at
  )
  INSERT INTO search_lexicon (word)
  SELECT DISTINCT w.word
    FROM source,
         regexp_split_to_table(title || ' ' || summary || ' ' || tags || ' ' || body,
                               '[^0-9A-Za-z\u0620-\u064A\u066E-\u06D3]+') AS w(word)
   WHERE char_length(w.word) BETWEEN 2 AND 40 AND w.word ~ '[^0-9]'
   ORDER BY w.word
  ON CONFLICT (word) DO NOTHING;
END;
$$;
--> statement-breakpoint

DROP TRIGGER articles_search_refresh ON articles;
--> statement-breakpoint
CREATE TRIGGER articles_search_refresh
  AFTER UPDATE OF current_revision_id, published_revision_id, section_id, status, published_at, scheduled_for, embargo_until
  ON articles
  FOR EACH ROW
  WHEN (OLD.current_revision_id IS DISTINCT FROM NEW.current_revision_id
     OR OLD.published_revision_id IS DISTINCT FROM NEW.published_revision_id
     OR OLD.section_id IS DISTINCT FROM NEW.section_id
     OR OLD.status IS DISTINCT FROM NEW.status
     OR OLD.published_at IS DISTINCT FROM NEW.published_at
     OR OLD.scheduled_for IS DISTINCT FROM NEW.scheduled_for
     OR OLD.embargo_until IS DISTINCT FROM NEW.embargo_until)
  EXECUTE FUNCTION midad_search_on_article_change();
--> statement-breakpoint

SELECT midad_search_sync_state(NULL);
