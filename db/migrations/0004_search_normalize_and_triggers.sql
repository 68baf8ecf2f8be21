-- Search documents follow publication with no job: triggers rebuild an article's documents
-- whenever the revision it shows (current or published), its section, its section's name or its
-- tags change. See docs/decisions/0008-arabic-search.md.

-- The SQL twin of normalizeArabic() in lib/arabic/normalize.ts; the two must agree character for
-- character (tests/integration/search-normalize.test.ts). NFKC; remove tashkeel U+064B–U+065F and
-- U+0670, tatweel U+0640, bidi controls and zero-width characters; fold, pair by pair,
--   U+0623 U+0625 U+0622 U+0671 → U+0627 (أ إ آ ٱ → ا)   U+0649 → U+064A (ى → ي)
--   U+0629 → U+0647 (ة → ه)   U+0624 → U+0648 (ؤ → و)   U+0626 → U+064A (ئ → ي)
--   U+06CC → U+064A, U+06A9 → U+0643 (Persian ی ک)   U+0660–U+0669, U+06F0–U+06F9 → 0–9
--   U+066B → '.' (Arabic decimal separator);
-- then NFC, so the result is canonical and the function idempotent.
CREATE FUNCTION midad_normalize_arabic(input text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
  SELECT normalize(
    translate(
      regexp_replace(
        normalize(input, NFKC),
        '[\u064B-\u065F\u0670\u0640\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\u061C]', '', 'g'),
      'أإآٱىةؤئیک٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫',
      'اااايهوييك01234567890123456789.'),
    NFC)
$$;
--> statement-breakpoint

-- What the `arabic` stemmer is given: normalised text with the article ال and the clitics fused
-- to it (و ف ب ك ل: وال، فال، بال، كال، وبال، لل …) taken off words that keep at least three
-- letters. The stemmer leaves وال… untouched and, once ة is folded to ه, stems الانتفاضه and
-- انتفاضه differently; stripping first gives one stem for every form. Only the stemmed half of a
-- document uses it; the `simple` half keeps the words as written.
CREATE FUNCTION midad_search_stem_form(normalized text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
  SELECT regexp_replace(
    normalized,
    '(?<![\u0620-\u064A\u066E-\u06D3])(?:[وف]?[بكل]?ال|[وف]?لل)(?=[\u0620-\u064A\u066E-\u06D3]{3})',
    '', 'g')
$$;
--> statement-breakpoint

-- One weighted part of a search document, from already normalised text: stemmed lexemes and
-- whole-word lexemes.
CREATE FUNCTION midad_search_vector(normalized text, weight "char") RETURNS tsvector
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
  SELECT setweight(to_tsvector('arabic'::regconfig, midad_search_stem_form(normalized)), weight)
      || setweight(to_tsvector('simple'::regconfig, normalized), weight)
$$;
--> statement-breakpoint

-- Rebuilds the documents of the given articles (all articles when NULL): one per revision that is
-- current or published, none for revisions that are neither any more, and adds their words to the
-- lexicon. Field lengths are capped so an oversized story can never make a publish fail on the
-- tsvector size limit. Rows are written in key order so concurrent refreshes cannot deadlock.
CREATE FUNCTION midad_search_refresh(article_ids integer[]) RETURNS void
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
    SELECT revision_id, article_id,
           midad_search_vector(title, 'A')
             || midad_search_vector(summary, 'B')
             || midad_search_vector(tags, 'B') AS head,
           midad_search_vector(body, 'C') || midad_search_vector(section, 'D') AS rest
      FROM source
  ),
  written AS (
    INSERT INTO search_documents (revision_id, article_id, document, head, updated_at)
    SELECT revision_id, article_id, head || rest, head, now()
      FROM parts
     ORDER BY revision_id
    ON CONFLICT (revision_id) DO UPDATE
       SET article_id = excluded.article_id,
           document = excluded.document,
           head = excluded.head,
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

CREATE FUNCTION midad_search_on_article_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM midad_search_refresh(ARRAY[NEW.id]);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- A revision can only point at an existing article, so an article gets its first revision by an
-- UPDATE: watching updates is enough.
CREATE TRIGGER articles_search_refresh
  AFTER UPDATE OF current_revision_id, published_revision_id, section_id ON articles
  FOR EACH ROW
  WHEN (OLD.current_revision_id IS DISTINCT FROM NEW.current_revision_id
     OR OLD.published_revision_id IS DISTINCT FROM NEW.published_revision_id
     OR OLD.section_id IS DISTINCT FROM NEW.section_id)
  EXECUTE FUNCTION midad_search_on_article_change();
--> statement-breakpoint

CREATE FUNCTION midad_search_on_article_tags_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    PERFORM midad_search_refresh(ARRAY[OLD.article_id]);
  END IF;
  IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.article_id <> OLD.article_id) THEN
    PERFORM midad_search_refresh(ARRAY[NEW.article_id]);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER article_tags_search_refresh
  AFTER INSERT OR UPDATE OR DELETE ON article_tags
  FOR EACH ROW EXECUTE FUNCTION midad_search_on_article_tags_change();
--> statement-breakpoint

CREATE FUNCTION midad_search_on_tag_rename() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM midad_search_refresh(ARRAY(SELECT article_id FROM article_tags WHERE tag_id = NEW.id));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER tags_search_refresh
  AFTER UPDATE OF name ON tags
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name)
  EXECUTE FUNCTION midad_search_on_tag_rename();
--> statement-breakpoint

CREATE FUNCTION midad_search_on_section_rename() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM midad_search_refresh(ARRAY(SELECT id FROM articles WHERE section_id = NEW.id));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER sections_search_refresh
  AFTER UPDATE OF name ON sections
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name)
  EXECUTE FUNCTION midad_search_on_section_rename();
--> statement-breakpoint

-- Stories that existed before search did.
SELECT midad_search_refresh(NULL);
