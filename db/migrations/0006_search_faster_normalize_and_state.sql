-- Two changes measured on 100k stories (docs/decisions/0008-arabic-search.md):
--
-- 1. The same normalisation, cheaper: skip NFKC/NFC when the text already is, fold letters with
--    replace() (translate() compares every character with the whole list: twice as slow), and
--    translate digits only in texts that have some. Results are identical, which
--    tests/integration/search-normalize.test.ts checks against normalizeArabic().
-- 2. Search documents carry copies of their article's section, public date and visibility, kept
--    by the same trigger, so counting and ranking thousands of matches reads no other table.
--    They are written with the document, not updated after it, so a rebuild leaves no dead rows.

CREATE OR REPLACE FUNCTION midad_normalize_arabic(input text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
  SELECT CASE WHEN folded IS NFC NORMALIZED THEN folded ELSE normalize(folded, NFC) END
    FROM (
      SELECT CASE WHEN lettered ~ '[\u0660-\u0669\u06F0-\u06F9\u066B]'
                  THEN translate(lettered,
                                 U&'\0660\0661\0662\0663\0664\0665\0666\0667\0668\0669\06F0\06F1\06F2\06F3\06F4\06F5\06F6\06F7\06F8\06F9\066B',
                                 '01234567890123456789.')
                  ELSE lettered END AS folded
        FROM (
          SELECT replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(stripped,
                   U&'\0623', U&'\0627'),   -- أ → ا
                   U&'\0625', U&'\0627'),   -- إ → ا
                   U&'\0622', U&'\0627'),   -- آ → ا
                   U&'\0671', U&'\0627'),   -- ٱ → ا
                   U&'\0649', U&'\064A'),   -- ى → ي
                   U&'\0629', U&'\0647'),   -- ة → ه
                   U&'\0624', U&'\0648'),   -- ؤ → و
                   U&'\0626', U&'\064A'),   -- ئ → ي
                   U&'\06CC', U&'\064A'),   -- Persian ی → ي
                   U&'\06A9', U&'\0643')    -- Persian ک → ك
                   AS lettered
            FROM (
              SELECT regexp_replace(
                       CASE WHEN input IS NFKC NORMALIZED THEN input ELSE normalize(input, NFKC) END,
                       '[\u064B-\u065F\u0670\u0640\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\u061C]', '', 'g')
                     AS stripped
            ) s
        ) l
    ) f
$$;
--> statement-breakpoint

-- When a document is visible to readers, mirroring publiclyVisible (db/queries/public.ts), which
-- tests/integration/search.test.ts checks state by state: only the published revision's document
-- can be; never while the article is unpublished; from its schedule time while it is scheduled;
-- otherwise always (a live story being re-edited and reviewed stays visible). NULL: never.
CREATE FUNCTION midad_search_visible_from(status article_status, scheduled_for timestamptz, is_published_revision boolean)
  RETURNS timestamptz
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT CASE
    WHEN is_published_revision IS NOT TRUE THEN NULL
    WHEN status = 'unpublished' THEN NULL
    WHEN status = 'scheduled' THEN scheduled_for
    ELSE '-infinity'::timestamptz
  END
$$;
--> statement-breakpoint

-- Copies the article's state onto its documents when only the state changed (publish,
-- unpublish, schedule, cancel): the text is the same, so nothing is rebuilt.
CREATE FUNCTION midad_search_sync_state(article_ids integer[]) RETURNS void
  LANGUAGE sql
AS $$
  UPDATE search_documents d
     SET section_id = a.section_id,
         public_at = coalesce(a.published_at, a.scheduled_for),
         visible_from = midad_search_visible_from(a.status, a.scheduled_for, d.revision_id = a.published_revision_id)
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
           coalesce(a.published_at, a.scheduled_for) AS public_at,
           midad_search_visible_from(a.status, a.scheduled_for, r.id = a.published_revision_id) AS visible_from,
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
-- New revision pointers or another section: rebuild the documents. Only the status or the dates
-- changed (publish, unpublish, schedule, cancel): copy the state, the text is the same.
CREATE OR REPLACE FUNCTION midad_search_on_article_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.current_revision_id IS DISTINCT FROM NEW.current_revision_id
     OR OLD.published_revision_id IS DISTINCT FROM NEW.published_revision_id
     OR OLD.section_id IS DISTINCT FROM NEW.section_id THEN
    PERFORM midad_search_refresh(ARRAY[NEW.id]);
  ELSE
    PERFORM midad_search_sync_state(ARRAY[NEW.id]);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER articles_search_refresh
  AFTER UPDATE OF current_revision_id, published_revision_id, section_id, status, published_at, scheduled_for
  ON articles
  FOR EACH ROW
  WHEN (OLD.current_revision_id IS DISTINCT FROM NEW.current_revision_id
     OR OLD.published_revision_id IS DISTINCT FROM NEW.published_revision_id
     OR OLD.section_id IS DISTINCT FROM NEW.section_id
     OR OLD.status IS DISTINCT FROM NEW.status
     OR OLD.published_at IS DISTINCT FROM NEW.published_at
     OR OLD.scheduled_for IS DISTINCT FROM NEW.scheduled_for)
  EXECUTE FUNCTION midad_search_on_article_change();
--> statement-breakpoint

SELECT midad_search_sync_state(NULL);
