/*
 * The search benchmark's measurement: builds a synthetic Arabic corpus of 10k and then 100k
 * stories in a PostgreSQL database and times the readers' search (ranking, count, details and
 * highlighted snippets, exactly what /search runs) for one-word, two-word and phrase queries, plus
 * the index size. `npm run bench:search` runs it alone (search.ts); `npm run bench` includes it.
 *
 * The database named is wiped first: give it one of its own.
 */
import { performance } from 'node:perf_hooks';
import postgres from 'postgres';
import { ensureDatabase, PostgresUnavailable, redactUrl, resetDatabase } from './postgres';
import { openDatabase, type Connection } from '../../db/client';
import { searchPublishedArticles } from '../../db/queries/search';
import { buildVocabulary, FUNCTION_WORD_COUNT } from './arabic-vocabulary';
import { mib } from './figures';

const WARMUP = 20;
const BATCH = 10_000;
const SECTIONS = ['فلسطين', 'سياسة', 'اقتصاد', 'رياضة', 'ثقافة', 'رأي'];
/** Share of stories that are drafts: indexed for the desk, invisible to readers. */
const DRAFT_SHARE = 0.1;

export type Kind = 'one word' | 'one common word' | 'two words' | 'phrase' | 'no match + suggestion';
const KINDS: Kind[] = ['one word', 'one common word', 'two words', 'phrase', 'no match + suggestion'];

export interface SearchRow {
  stories: number;
  kind: Kind;
  queries: number;
  p50: number;
  p95: number;
  meanHits: number;
}

export const DEFAULT_SEARCH_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/midad_search';

export interface SearchBenchOptions {
  databaseUrl: string;
  /** Corpus sizes, measured in increasing order on one growing corpus. */
  sizes: number[];
  /** Timed queries per kind and size (after a warm-up). */
  queriesPerKind: number;
  log?: (line: string) => void;
}

export interface IndexSize {
  documents: number;
  tableBytes: number;
  documentIndexBytes: number;
  lexiconWords: number;
  lexiconBytes: number;
  totalBytes: number;
}

export interface CorpusBuild extends IndexSize {
  insertMs: number;
  indexMs: number;
}

export interface SearchReport {
  /** The server, without its password. */
  database: string;
  /** PostgreSQL's `server_version`. */
  serverVersion: string;
  vocabulary: number;
  warmup: number;
  builds: Record<number, CorpusBuild>;
  results: SearchRow[];
}

/** PostgreSQL cannot be reached: the benchmark is skipped with this reason, not failed. */
/** Thrown when PostgreSQL cannot be used: the run skips search and says why. */
export const SearchBenchUnavailable = PostgresUnavailable;

export function searchOptionsFromEnv(log?: (line: string) => void): SearchBenchOptions {
  return {
    databaseUrl: process.env.SEARCH_BENCH_DATABASE_URL ?? DEFAULT_SEARCH_DATABASE_URL,
    sizes: (process.env.SEARCH_BENCH_SIZES ?? '10000,100000').split(',').map(Number).filter((n) => n > 0),
    queriesPerKind: Number(process.env.SEARCH_BENCH_QUERIES ?? 200),
    log,
  };
}

/** Seeded, so runs compare. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}


/**
 * Adds stories up to `target` in set-based SQL. Words are drawn from the vocabulary with a Zipf
 * law (rank r with probability ∝ 1/r: exp of a uniform over ln N). Index maintenance is switched
 * off for the bulk insert and the search documents are then built in one set-based refresh, the
 * same function the triggers call per article.
 */
async function growCorpus(sql: postgres.Sql, from: number, target: number): Promise<{ insertMs: number; indexMs: number }> {
  const started = performance.now();
  for (let start = from; start < target; start += BATCH) {
    const end = Math.min(target, start + BATCH);
    await sql.begin(async (tx) => {
      await tx.unsafe(`set local session_replication_role = replica`);
      await tx.unsafe(
        `insert into articles (slug, section_id, status, created_by, published_at, created_at, updated_at)
         select 'bench-' || g,
                (select id from sections order by id offset (g % 6) limit 1),
                case when random() < ${DRAFT_SHARE} then 'draft' else 'published' end::article_status,
                (select min(id) from users),
                now() - random() * interval '1000 days', now(), now()
           from generate_series(${start + 1}, ${end}) g`,
      );
      await tx.unsafe(`select bench_add_revisions()`);
      await tx.unsafe(
        `insert into article_tags (article_id, tag_id)
         select distinct a.id, t.id
           from articles a
           cross join lateral generate_series(1, 1 + (random() * 2)::int) n
           join tags t on t.id = (select min(id) from tags) + ((a.id * 7 + n * 13) % 40)
          where a.current_revision_id is null`,
      );
      await tx.unsafe(
        `update articles a
            set current_revision_id = r.id,
                published_revision_id = case when a.status = 'published' then r.id end
           from article_revisions r
          where r.article_id = a.id and a.current_revision_id is null`,
      );
    });
  }
  const inserted = performance.now();
  await sql.unsafe(`select midad_search_refresh(array(select id from articles where id > ${from}))`);
  for (const table of ['search_documents', 'articles', 'article_revisions']) await sql.unsafe(`vacuum analyze ${table}`);
  return { insertMs: inserted - started, indexMs: performance.now() - inserted };
}

async function prepareSchema(connection: Connection, sql: postgres.Sql, vocabulary: string[]) {
  await connection.migrate();
  await sql.unsafe(`insert into users (email, name, role, password_hash) values ('bench@midad.test', 'bench', 'editor', 'x')`);
  for (const [i, name] of SECTIONS.entries()) {
    await sql`insert into sections (slug, name, position) values (${name}, ${name}, ${i})`;
  }
  const tagWords = vocabulary.slice(FUNCTION_WORD_COUNT, FUNCTION_WORD_COUNT + 40);
  for (const [i, name] of tagWords.entries()) await sql`insert into tags (slug, name) values (${`tag-${i}`}, ${name})`;
  await sql`create table bench_vocabulary (words text[] not null)`;
  await sql`insert into bench_vocabulary values (${vocabulary})`;
  // Zipf: rank = floor(exp(U · ln(N + 1))), so P(rank) ∝ 1/rank. One PL/pgSQL call per batch
  // reads the vocabulary once and writes a revision (title, summary, body) for every article
  // that has none yet.
  await sql.unsafe(`
    create function bench_add_revisions() returns void language plpgsql as $$
    declare
      vocabulary text[] := (select words from bench_vocabulary);
      size int := array_length(vocabulary, 1);
      article record;
      texts text[];
      lengths int[];
      picked text[];
    begin
      for article in select id, created_by from articles where current_revision_id is null order by id loop
        lengths := array[7 + (random() * 5)::int, 18 + (random() * 12)::int, 200 + (random() * 250)::int];
        texts := array[]::text[];
        for part in 1..3 loop
          picked := array[]::text[];
          for i in 1..lengths[part] loop
            picked := picked || vocabulary[least(size, floor(exp(random() * ln(size + 1)))::int)];
          end loop;
          texts := texts || array_to_string(picked, ' ');
        end loop;
        insert into article_revisions (article_id, number, title, summary, body, body_text, author_id)
        values (article.id, 1, texts[1], texts[2], '{"type":"doc","content":[]}'::jsonb, texts[3], article.created_by);
      end loop;
    end
    $$`);
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

interface Samples {
  /** Distinct words of the corpus, each as likely as any other (what readers look up). */
  words: string[];
  /** Two content words of one published story, seven words apart: an AND query with a match. */
  pairs: string[];
  /** Two adjacent content words of a published story: a phrase that exists. */
  phrases: string[];
}

async function samplesFromCorpus(sql: postgres.Sql, count: number): Promise<Samples> {
  const functionWords = new Set(buildVocabulary().slice(0, FUNCTION_WORD_COUNT));
  const isContent = (w: string) => w.length >= 3 && !functionWords.has(w);
  const words = (
    await sql<{ word: string }[]>`select word from search_lexicon order by md5(word) limit ${count * 2}`
  )
    .map((r) => r.word)
    .filter((w) => isContent(w) && !/^[0-9]+$/.test(w))
    .slice(0, count);
  const spans = await sql<{ a: string; b: string; c: string }[]>`
    select split_part(r.body_text, ' ', k) as a, split_part(r.body_text, ' ', k + 1) as b,
           split_part(r.body_text, ' ', k + 7) as c
      from articles a join article_revisions r on r.id = a.published_revision_id,
           lateral (select 20 + (a.id % 100) as k) pos
     where a.status = 'published'
     order by md5(a.id::text)
     limit ${count * 4}`;
  const phrases = spans.filter((r) => isContent(r.a) && isContent(r.b)).map((r) => `${r.a} ${r.b}`);
  const pairs = spans.filter((r) => isContent(r.a) && isContent(r.c) && r.a !== r.c).map((r) => `${r.a} ${r.c}`);
  return { words, pairs: pairs.slice(0, count), phrases: phrases.slice(0, count) };
}

function queriesFor(kind: Kind, vocabulary: string[], samples: Samples, next: () => number, perKind: number): string[] {
  const content = vocabulary.slice(FUNCTION_WORD_COUNT);
  const pick = (list: string[]) => list[Math.floor(next() * list.length)]!;
  const common = content.slice(0, 150);
  return Array.from({ length: perKind + WARMUP }, (_, i) => {
    switch (kind) {
      case 'one word':
        return samples.words[i % samples.words.length]!;
      case 'one common word':
        return pick(common);
      case 'two words':
        return samples.pairs[i % samples.pairs.length]!;
      case 'phrase':
        return `"${samples.phrases[i % samples.phrases.length]}"`;
      case 'no match + suggestion': {
        // A corpus word with one letter dropped: usually found nowhere, so "did you mean" runs.
        const word = pick(samples.words.filter((w) => w.length >= 5));
        const cut = 1 + Math.floor(next() * (word.length - 2));
        return word.slice(0, cut) + word.slice(cut + 1);
      }
    }
  });
}

async function measure(connection: Connection, stories: number, vocabulary: string[], samples: Samples, perKind: number): Promise<SearchRow[]> {
  const next = random(stories);
  const rows: SearchRow[] = [];
  for (const kind of KINDS) {
    const queries = queriesFor(kind, vocabulary, samples, next, perKind);
    const times: number[] = [];
    let hits = 0;
    for (const [i, q] of queries.entries()) {
      const started = performance.now();
      const outcome = await searchPublishedArticles({ q, timeZone: 'UTC' }, connection.db);
      const elapsed = performance.now() - started;
      if (i < WARMUP) continue;
      times.push(elapsed);
      if (outcome.kind === 'results') hits += outcome.total;
    }
    times.sort((a, b) => a - b);
    rows.push({ stories, kind, queries: times.length, p50: percentile(times, 50), p95: percentile(times, 95), meanHits: hits / times.length });
  }
  return rows;
}

async function sizes(sql: postgres.Sql): Promise<IndexSize> {
  const [row] = await sql<{ [key: string]: string }[]>`
    select (select count(*) from search_documents)::text as documents,
           pg_table_size('search_documents')::text as table_bytes,
           pg_relation_size('search_documents_document_idx')::text as document_index_bytes,
           (select count(*) from search_lexicon)::text as lexicon_words,
           pg_total_relation_size('search_lexicon')::text as lexicon_bytes,
           (pg_total_relation_size('search_documents') + pg_total_relation_size('search_lexicon'))::text as total_bytes`;
  return {
    documents: Number(row!.documents),
    tableBytes: Number(row!.table_bytes),
    documentIndexBytes: Number(row!.document_index_bytes),
    lexiconWords: Number(row!.lexicon_words),
    lexiconBytes: Number(row!.lexicon_bytes),
    totalBytes: Number(row!.total_bytes),
  };
}

/** Builds the corpora and measures them; throws {@link SearchBenchUnavailable} without PostgreSQL. */
export async function runSearchBenchmark(options: SearchBenchOptions): Promise<SearchReport> {
  const log = options.log ?? console.log;
  const { databaseUrl, queriesPerKind } = options;
  const vocabulary = buildVocabulary();
  await ensureDatabase(databaseUrl);
  log(`Search benchmark on ${redactUrl(databaseUrl)} (wiped first)`);
  log(`Vocabulary: ${vocabulary.length} words; ${queriesPerKind} timed queries per kind after ${WARMUP} warm-up.`);
  await resetDatabase(databaseUrl);
  const connection = openDatabase({ databaseUrl });
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const results: SearchRow[] = [];
  const builds: Record<number, CorpusBuild> = {};
  let serverVersion = 'unknown';
  try {
    serverVersion = (await sql<{ server_version: string }[]>`show server_version`)[0]!.server_version;
    await prepareSchema(connection, sql, vocabulary);
    let have = 0;
    for (const size of [...options.sizes].sort((a, b) => a - b)) {
      const timing = await growCorpus(sql, have, size);
      have = size;
      const index = await sizes(sql);
      builds[size] = { ...timing, ...index };
      log(
        `${size} stories: inserted in ${(timing.insertMs / 1000).toFixed(1)} s, indexed in ${(timing.indexMs / 1000).toFixed(1)} s, ` +
          `${mib(index.totalBytes)}`,
      );
      const samples = await samplesFromCorpus(sql, queriesPerKind + WARMUP);
      results.push(...(await measure(connection, size, vocabulary, samples, queriesPerKind)));
    }
  } finally {
    await sql.end();
    await connection.close();
  }
  return { database: redactUrl(databaseUrl), serverVersion, vocabulary: vocabulary.length, warmup: WARMUP, builds, results };
}
