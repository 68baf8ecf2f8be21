import { sql, type SQL } from 'drizzle-orm';
import { HEADLINE_OPTIONS, matchableTokens, matchFlags, markTokens, tokenize } from '../../lib/search/highlight';
import { procliticForms } from '../../lib/search/proclitics';
import { formatTerms, parseSearchQuery, type ParsedQuery, type SearchTerm } from '../../lib/search/query';
import {
  cleanSearchRequest,
  cleanStatuses,
  type CleanSearchRequest,
  type SearchRequest,
  type StaffSearchRequest,
} from '../../lib/search/request';
import { buildSnippet } from '../../lib/search/snippet';
import type { ArticleStatus } from '../../lib/workflow/states';
import { getDb, getReaderDb, queryRows, type Executor } from '../client';
import { articles } from '../schema';
import { publiclyVisible, visibleToPartners } from './visibility';

/*
 * Full-text search over search_documents (db/schema/search.ts, docs/decisions/0008-arabic-search.md).
 * Readers see a story only through its published revision under the public visibility rule;
 * staff search every article's current revision in any state. What was asked is read by the pure
 * modules in lib/search (request, query, proclitics, highlight, snippet); this file holds what
 * needs the database: matching, ranking, the words to highlight and "did you mean". Queries are
 * normalised by the same rules the database applied to the stories, then matched against both
 * the stemmed (`arabic`) and the whole-word (`simple`) lexemes of each document.
 */

/** Snippets look for matches in this much of a story's text, so long stories stay cheap. */
const SNIPPET_SOURCE_CHARS = 20_000;
/**
 * Ranking reads only a document's head (title A, summary and tags B): ts_rank's weights {D, C, B, A}.
 * A story whose head holds none of the terms gets BODY_ONLY_SCORE, below any head match (one B
 * hit scores about 0.024), so title hits come first, then summary and tag hits, then body-only
 * matches by date. Ranking on the body too would read every match's out-of-line body: about ten
 * times slower.
 */
const RANK_WEIGHTS = '{0.1, 0.2, 0.4, 1.0}';
const BODY_ONLY_SCORE = 0.001;
/** Recency doubles the score of a story published now, ×1.5 at a month, fading after. */
const RECENCY_DAYS = 30;

export type SearchRefusal = Exclude<ParsedQuery, { ok: true }>['reason'];

export interface PublicSearchHit {
  id: number;
  slug: string;
  /** HTML: the escaped title with matched words in <mark>. */
  titleHtml: string;
  /** HTML: escaped words around the best matches, with matched words in <mark>. */
  snippetHtml: string;
  sectionSlug: string;
  sectionName: string;
  publishedAt: Date;
}

export interface StaffSearchHit {
  id: number;
  slug: string;
  status: ArticleStatus;
  titleHtml: string;
  snippetHtml: string;
  sectionSlug: string;
  sectionName: string;
  updatedAt: Date;
}

export type SearchOutcome<Hit> =
  | { kind: 'refused'; reason: SearchRefusal }
  | {
      kind: 'results';
      terms: SearchTerm[];
      total: number;
      page: number;
      pageSize: number;
      pageCount: number;
      hits: Hit[];
      /** A query that finds stories when this one found none, from near-miss title words. */
      suggestion: string | null;
    };

/**
 * A document partners may find: one readers may (its `visible_from` has come), or the published
 * revision of a story released but for its embargo. The documents keep no embargo of their own,
 * so the second case asks the story; partners' searches are few.
 */
function releasedToPartners(asOf: Date | undefined, now: SQL): SQL {
  return sql`(d.visible_from <= ${now} or (d.visible_from is not null and exists (
    select 1 from ${articles} where ${articles.id} = d.article_id and ${articles.publishedRevisionId} = d.revision_id and ${visibleToPartners(asOf)})))`;
}

interface RankedRow {
  total: number;
  id: number | null;
  slug: string;
  title: string;
  summary: string;
  body: string;
  section_slug: string;
  section_name: string;
  status: ArticleStatus;
  public_ms: number;
  updated_ms: number;
}

/**
 * Readers' search: published stories only (a scheduled story counts once its time has come).
 * A partner (the content API with a partner key) also finds stories published under an embargo
 * that has not lifted yet, as it reads them everywhere else.
 */
export async function searchPublishedArticles(
  raw: SearchRequest & { audience?: 'public' | 'partner' },
  db: Executor = getReaderDb(),
): Promise<SearchOutcome<PublicSearchHit>> {
  const request = cleanSearchRequest(raw);
  const parsed = parseSearchQuery(request.q);
  if (!parsed.ok) return { kind: 'refused', reason: parsed.reason };
  const { page, pageSize } = request;
  const now = instant(request);
  const filters = documentFilters(request);

  // Candidates are counted and ranked on the documents' own copy of the article state; the page
  // shown is then checked against the articles themselves with the one public rule.
  const rows = await ranked(db, {
    terms: parsed.terms,
    matches: sql`
      select d.revision_id,
             d.article_id,
             d.public_at as ranked_at,
             (${HEAD_RANK} + ${BODY_ONLY_SCORE}) * ${recency(sql`d.public_at`, now)} as score
        from q
        join search_documents d on d.document @@ q.query
       where ${raw.audience === 'partner' ? releasedToPartners(request.asOf ?? undefined, now) : sql`d.visible_from <= ${now}`}${filters}`,
    shown: sql`${articles.publishedRevisionId} = page.revision_id and ${
      raw.audience === 'partner' ? visibleToPartners(request.asOf ?? undefined) : publiclyVisible(request.asOf ?? undefined)
    }`,
    page,
    pageSize,
  });
  const total = rows[0]?.total ?? 0;
  const found = rows.filter((r) => r.id !== null);
  const highlighted = await highlight(db, parsed.terms, found);
  const hits = found.map((row, i) => ({
    id: row.id!,
    slug: row.slug,
    titleHtml: highlighted[i]!.titleHtml,
    snippetHtml: highlighted[i]!.snippetHtml,
    sectionSlug: row.section_slug,
    sectionName: row.section_name,
    publishedAt: new Date(row.public_ms),
  }));
  const suggestion =
    total === 0
      ? await cachedSuggestion(db, suggestionKey(parsed.terms, request), () => suggestCorrection(db, parsed.terms, filters, now))
      : null;
  return { kind: 'results', terms: parsed.terms, total, page, pageSize, pageCount: Math.ceil(total / pageSize), hits, suggestion };
}

/**
 * The desk's search: every article in any workflow state, matched on its CURRENT revision (what
 * the newsroom is working on), newest edits first among equals.
 */
export async function searchAllArticles(
  raw: StaffSearchRequest,
  db: Executor = getDb(),
): Promise<SearchOutcome<StaffSearchHit>> {
  const request = cleanSearchRequest(raw);
  const parsed = parseSearchQuery(request.q);
  if (!parsed.ok) return { kind: 'refused', reason: parsed.reason };
  const { page, pageSize } = request;
  const wanted = cleanStatuses(raw.statuses);
  const statuses = wanted.length
    ? sql` and ${articles.status} in (${sql.join(
        wanted.map((s) => sql`${s}`),
        sql`, `,
      )})`
    : sql``;

  const updated = sql`${articles.updatedAt}`;
  const rows = await ranked(db, {
    terms: parsed.terms,
    matches: sql`
      select h.revision_id,
             h.article_id,
             ${updated} as ranked_at,
             (h.head_rank + ${BODY_ONLY_SCORE}) * ${recency(updated, instant(request))} as score
        from (select d.revision_id, d.article_id, ${HEAD_RANK} as head_rank
                from q join search_documents d on d.document @@ q.query) h
        join articles on ${articles.id} = h.article_id and ${articles.currentRevisionId} = h.revision_id
       where true${articleFilters(request)}${statuses}`,
    shown: sql`${articles.currentRevisionId} = page.revision_id`,
    page,
    pageSize,
  });
  const total = rows[0]?.total ?? 0;
  const found = rows.filter((r) => r.id !== null);
  const highlighted = await highlight(db, parsed.terms, found);
  const hits = found.map((row, i) => ({
    id: row.id!,
    slug: row.slug,
    status: row.status,
    titleHtml: highlighted[i]!.titleHtml,
    snippetHtml: highlighted[i]!.snippetHtml,
    sectionSlug: row.section_slug,
    sectionName: row.section_name,
    updatedAt: new Date(row.updated_ms),
  }));
  return { kind: 'results', terms: parsed.terms, total, page, pageSize, pageCount: Math.ceil(total / pageSize), hits, suggestion: null };
}

/** The instant visibility and recency are judged at: the caller's, else the database's clock. */
function instant(request: CleanSearchRequest): SQL {
  return request.asOf ? sql`${request.asOf.toISOString()}::timestamptz` : sql`now()`;
}

/** Section and date-range conditions on a date and a section id, each starting with ` and`. */
function filterConditions(request: CleanSearchRequest, date: SQL, sectionId: SQL): SQL {
  const parts: SQL[] = [];
  const zone = request.timeZone;
  if (request.sectionSlug) {
    parts.push(sql` and ${sectionId} = (select s2.id from sections s2 where s2.slug = ${request.sectionSlug})`);
  }
  if (request.from) parts.push(sql` and ${date} >= (${request.from}::date)::timestamp at time zone ${zone}`);
  if (request.to) parts.push(sql` and ${date} < ((${request.to}::date) + 1)::timestamp at time zone ${zone}`);
  return sql.join(parts, sql``);
}

/** Filters on a search document (`d`): readers' search. */
function documentFilters(request: CleanSearchRequest): SQL {
  return filterConditions(request, sql`d.public_at`, sql`d.section_id`);
}

/** Filters on the joined article: staff search, where unpublished stories have no public date. */
function articleFilters(request: CleanSearchRequest): SQL {
  const date = sql`coalesce(${articles.publishedAt}, ${articles.scheduledFor}, ${articles.updatedAt})`;
  return filterConditions(request, date, sql`${articles.sectionId}`);
}

/** A document's head score when its head holds any of the terms, else 0 (it then sorts by date). */
const HEAD_RANK = sql`case when d.head @@ q.any_term then ts_rank(${RANK_WEIGHTS}::float4[], d.head, q.query) else 0 end`;

/** 2 for a story dated at `now`, 1.5 a month before, falling towards 1. */
function recency(date: SQL, now: SQL): SQL {
  return sql`(1 + 1 / (1 + greatest(extract(epoch from ${now} - ${date}), 0) / ${RECENCY_DAYS * 86_400}))`;
}

/**
 * The lexemes one query word asks for, in two halves. Stemmed: its stem, plus the stem behind
 * the prepositions the stemmer keeps (ل ك), so «ترشيد» also finds «لترشيدها». Whole words: the
 * word as written, and with each proclitic attached (lib/search/proclitics.ts), so «ترشيد» finds
 * «لترشيد» while «نان» never finds «لبنان». Any one lexeme is a match.
 */
function wordLexemes(word: string): { stemmed: SQL[]; whole: SQL[] } {
  const { attached, stemPrefixes } = procliticForms(word);
  const stemForm = sql`midad_search_stem_form(${word}::text)`;
  // `arabic` hands every word to the arabic_stem dictionary, so its lexeme is the stem the
  // document holds; the word is Arabic letters alone, so it stays one lexeme with the prefix on.
  const behind = (prefix: string) =>
    sql`coalesce(plainto_tsquery('simple', ${prefix}::text || (ts_lexize('arabic_stem', ${stemForm}))[1]), plainto_tsquery('simple', ${prefix + word}::text))`;
  return {
    stemmed: [sql`plainto_tsquery('arabic', ${stemForm})`, ...stemPrefixes.map(behind)],
    whole: [word, ...attached].map((form) => sql`plainto_tsquery('simple', ${form}::text)`),
  };
}

/** A phrase: its words as written (after normalisation), next to each other. */
function phraseQuery(text: string): SQL {
  return sql`phraseto_tsquery('simple', ${text}::text)`;
}

/**
 * What one term asks for. A word: any of its lexemes. A phrase: its words as written, side by
 * side; stems would let «يوم القدس» match «اليوم القدس», and make the position check read far more
 * stories.
 */
function termQuery(term: SearchTerm): SQL {
  if (term.kind === 'phrase') return phraseQuery(term.text);
  const { stemmed, whole } = wordLexemes(term.text);
  return sql`(${sql.join([...stemmed, ...whole], sql` || `)})`;
}

/** Every term must match. */
function matchQuery(terms: readonly SearchTerm[]): SQL {
  return sql.join(terms.map(termQuery), sql` && `);
}

/** Any term: whether a story's head (title, summary, tags) has a part in its match. */
function anyTermQuery(terms: readonly SearchTerm[]): SQL {
  return sql.join(terms.map(termQuery), sql` || `);
}

/**
 * One page of matches in rank order, each row carrying the total. `matches` lists the candidates
 * (revision_id, article_id, ranked_at, score) from the CTE `q` (query, any_term); `shown` is
 * what a row must still meet against `articles` to be shown. When the page is past the end the
 * single row has the total and a null id, so the count is never lost.
 */
async function ranked(
  db: Executor,
  options: { terms: readonly SearchTerm[]; matches: SQL; shown: SQL; page: number; pageSize: number },
): Promise<RankedRow[]> {
  const { terms, matches, shown, page, pageSize } = options;
  // Materialised so that the full-text index is always the way in: the planner cannot estimate a
  // tsquery built from parameters, and a guess that the word is common makes it read every
  // document's body instead.
  return queryRows<RankedRow>(
    db,
    sql`
    with q as materialized (select ${matchQuery(terms)} as query, ${anyTermQuery(terms)} as any_term),
    matches as materialized (${matches}),
    page as (
      select * from matches
       order by score desc, ranked_at desc, article_id desc
       limit ${pageSize} offset ${(page - 1) * pageSize}
    )
    select t.total,
           ${articles.id} as id,
           ${articles.slug} as slug,
           r.title,
           r.summary,
           left(r.body_text, ${SNIPPET_SOURCE_CHARS}) as body,
           s.slug as section_slug,
           s.name as section_name,
           ${articles.status} as status,
           (extract(epoch from coalesce(greatest(coalesce(${articles.publishedAt}, ${articles.scheduledFor}), ${articles.embargoUntil}), ${articles.updatedAt})) * 1000)::float8
             as public_ms,
           (extract(epoch from ${articles.updatedAt}) * 1000)::float8 as updated_ms
      from (select count(*)::int as total from matches) t
      left join page on true
      left join articles on ${articles.id} = page.article_id and ${shown}
      left join article_revisions r on r.id = page.revision_id
      left join sections s on s.id = ${articles.sectionId}
     order by page.score desc, page.ranked_at desc, page.article_id desc`,
  );
}

/**
 * The title and snippet of each row, with the words that match marked. The database decides
 * which tokens match, with the lexemes of the match itself (lib/search/highlight.ts says how the
 * tokens travel): stems and their proclitic forms light up the words of word terms through
 * `arabic`; whole words, proclitic forms and phrases, as written, through `simple`.
 */
async function highlight(
  db: Executor,
  terms: readonly SearchTerm[],
  found: readonly RankedRow[],
): Promise<{ titleHtml: string; snippetHtml: string }[]> {
  if (found.length === 0) return [];
  const texts = found.flatMap((row) => [row.title, `${row.summary}\n${row.body}`]);
  const tokenLists = texts.map(tokenize);
  const lexemes = terms.map((t) => (t.kind === 'word' ? wordLexemes(t.text) : { stemmed: [], whole: [phraseQuery(t.text)] }));
  const stemmed = lexemes.flatMap((l) => l.stemmed);
  const arabic = stemmed.length ? sql.join(stemmed, sql` || `) : sql`''::tsquery`;
  const simple = sql.join(
    lexemes.flatMap((l) => l.whole),
    sql` || `,
  );
  const marked = await queryRows<{ stemmed: string; whole: string }>(
    db,
    sql`
    select ts_headline('arabic', midad_search_stem_form(t.value), q.arabic, ${HEADLINE_OPTIONS}) as stemmed,
           ts_headline('simple', t.value, q.simple, ${HEADLINE_OPTIONS}) as whole
      from (select ${arabic} as arabic, ${simple} as simple) q,
           jsonb_array_elements_text(${JSON.stringify(tokenLists.map(matchableTokens))}::jsonb) with ordinality as t(value, position)
     order by t.position`,
  );
  const flagsOf = (i: number) => matchFlags(tokenLists[i]!.length, marked[i]?.stemmed, marked[i]?.whole);
  return found.map((_, n) => ({
    titleHtml: markTokens(tokenLists[2 * n]!, flagsOf(2 * n)),
    snippetHtml: buildSnippet(tokenLists[2 * n + 1]!, flagsOf(2 * n + 1)),
  }));
}

/** How many near-miss spellings of a word are tried, most similar first. */
const SUGGESTION_CANDIDATES = 8;
/**
 * How many words of a query "did you mean" looks at; the rest are kept as typed. A query with more
 * misspelt words than this is not one a single suggestion could rescue.
 */
export const MAX_SUGGESTION_WORDS = 6;
/** Suggestions remembered per database, the least recently used dropped first. */
const SUGGESTION_CACHE_ENTRIES = 500;
/**
 * How long a remembered suggestion is offered before it is worked out again. Short, because it
 * was checked against what was published when it was made.
 */
const SUGGESTION_CACHE_MS = 30_000;

const suggestionCaches = new WeakMap<object, Map<string, { expires: number; suggestion: Promise<string | null> }>>();

/**
 * The suggestion for one normalised query under one set of filters, worked out at most once per
 * SUGGESTION_CACHE_MS: a flood of the same misspelt query, concurrent or not, costs one look-up.
 */
function cachedSuggestion(db: Executor, key: string, work: () => Promise<string | null>): Promise<string | null> {
  let cache = suggestionCaches.get(db);
  if (!cache) suggestionCaches.set(db, (cache = new Map()));
  const now = Date.now();
  const hit = cache.get(key);
  cache.delete(key);
  if (hit && hit.expires > now) {
    cache.set(key, hit);
    return hit.suggestion;
  }
  const suggestion = work();
  cache.set(key, { expires: now + SUGGESTION_CACHE_MS, suggestion });
  // A failed look-up is not remembered: the next reader tries again.
  suggestion.catch(() => cache.get(key)?.suggestion === suggestion && cache.delete(key));
  while (cache.size > SUGGESTION_CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
  return suggestion;
}

/**
 * What decides a suggestion besides the query: the filters, as the search reads them. Not the
 * instant: a suggestion is remembered only briefly.
 */
function suggestionKey(terms: readonly SearchTerm[], request: CleanSearchRequest): string {
  return JSON.stringify([formatTerms(terms), request.sectionSlug ?? '', request.from, request.to, request.timeZone]);
}

/**
 * Whether a lexicon word (from a column) finds stories on its own: its stem or the word itself.
 * Its proclitic forms are not tried: the lexicon holds those forms as words of their own.
 */
function lexiconWordQuery(word: SQL): SQL {
  return sql`(plainto_tsquery('arabic', midad_search_stem_form(${word})) || plainto_tsquery('simple', ${word}))`;
}

/**
 * "Did you mean": each word that finds nothing on its own is replaced by the most similar word of
 * the lexicon (trigram similarity above pg_trgm's threshold, 0.3) that does find published
 * stories; the corrected query is offered only if, as a whole, it finds something.
 *
 * The work is bounded whatever the query: only its first MAX_SUGGESTION_WORDS distinct words are
 * looked at, all of them in ONE statement (whether each word finds something, and if not its
 * closest lexicon word that does), then one more to try the corrected query. A phrase that finds
 * nothing while each of its words does is left alone, as before: no word of it is misspelt.
 */
async function suggestCorrection(db: Executor, terms: readonly SearchTerm[], filters: SQL, now: SQL): Promise<string | null> {
  const words = [...new Set(terms.flatMap((term) => term.text.split(' ')))].slice(0, MAX_SUGGESTION_WORDS);
  if (words.length === 0) return null;
  const found = (query: SQL) => sql`exists (
      select 1 from search_documents d where d.document @@ ${query} and d.visible_from <= ${now}${filters})`;
  // Each typed word is tried the way the search tries it, proclitic forms included.
  const typed = sql.join(
    words.map((word, i) => sql`(${word}::text, ${i + 1}::int, ${termQuery({ kind: 'word', text: word })})`),
    sql`, `,
  );
  // Materialised steps so that each existence test reads the full-text index: the planner cannot
  // estimate a tsquery's selectivity and would otherwise walk every published story in turn.
  const rows = await queryRows<{ word: string; found: boolean; better: string | null }>(
    db,
    sql`
    with w as materialized (
      select * from (values ${typed}) as t(word, position, query)
    ),
    checked as materialized (
      select w.word, w.position, ${found(sql`w.query`)} as found from w
    ),
    near as materialized (
      select c.word, n.candidate, n.distance
        from checked c
        cross join lateral (
          select l.word as candidate, l.word <-> c.word as distance
            from search_lexicon l
           where l.word % c.word and l.word <> c.word
           order by l.word <-> c.word, l.word
           limit ${SUGGESTION_CANDIDATES}
        ) n
       where not c.found
    ),
    near_query as materialized (
      select word, candidate, distance, ${lexiconWordQuery(sql`candidate`)} as query from near
    )
    select c.word, c.found,
           (select q.candidate from near_query q
             where q.word = c.word and ${found(sql`q.query`)}
             order by q.distance, q.candidate limit 1) as better
      from checked c
     order by c.position`,
  );
  const replacements = new Map<string, string>();
  for (const row of rows) if (!row.found && row.better) replacements.set(row.word, row.better);
  if (replacements.size === 0) return null;

  const corrected = terms.map((term) => ({
    kind: term.kind,
    text: term.text
      .split(' ')
      .map((word) => replacements.get(word) ?? word)
      .join(' '),
  }));
  const [whole] = await queryRows<{ found: boolean }>(
    db,
    sql`with q as materialized (select ${matchQuery(corrected)} as query)
        select exists (
          select 1 from q join search_documents d on d.document @@ q.query
           where d.visible_from <= ${now}${filters}) as found`,
  );
  return whole?.found ? formatTerms(corrected) : null;
}
