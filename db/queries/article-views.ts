import { and, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { getDb, getReaderDb, queryRows, type Executor } from '../client';
import { articleRevisions, articles, articleViewReaders, articleViewSalts, articleViewsDaily, articleViewsHourly } from '../schema';
import { publiclyVisible } from './visibility';

/*
 * Views of stories (docs/decisions/0033): written in batches by the view counter
 * (lib/server/views/view-counter.ts), read by «الأكثر قراءة» and the desk's story list. Every rule
 * that must hold across app servers — one count per reader per story per day, only stories readers
 * may see, a roll-up counted once — is kept by the database, in single statements.
 */

/** One reader's view, as the counter buffers it. */
export interface PendingView {
  articleId: number;
  /** UTC day, `YYYY-MM-DD`: the salt's day, for which the digest is valid. */
  day: string;
  readerDigest: string;
  /** The start of the hour of the view. */
  hour: Date;
}

/**
 * The salt of `day`, made by whichever server asks first; every server gets that one. The salt is
 * random, so two servers racing each try their own and the first insert wins.
 */
export async function dailySalt(day: string, candidate: string, db: Executor = getDb()): Promise<string> {
  await db.insert(articleViewSalts).values({ day, salt: candidate }).onConflictDoNothing();
  const [row] = await db.select({ salt: articleViewSalts.salt }).from(articleViewSalts).where(eq(articleViewSalts.day, day));
  return row!.salt;
}

/**
 * Counts a batch of views in one statement: each (day, story, reader) is inserted once — a reader
 * already counted today by any server is skipped — and only for stories readers may see now; the
 * views that were new are added to their hour's total. `views` must not repeat a (day, story,
 * reader) (the counter merges them). Returns how many views were counted.
 */
export async function writeViews(views: readonly PendingView[], db: Executor = getDb()): Promise<number> {
  if (views.length === 0) return 0;
  const rows = sql.join(
    views.map((v) => sql`(${v.day}::date, ${v.articleId}::integer, ${v.readerDigest}::text, ${v.hour.toISOString()}::timestamptz)`),
    sql`, `,
  );
  const [result] = await queryRows<{ counted: number | string | null }>(
    db,
    sql`with pending (day, article_id, reader_digest, hour) as (values ${rows}),
      fresh as (
        insert into ${articleViewReaders} (day, article_id, reader_digest)
        select pending.day, pending.article_id, pending.reader_digest
        from pending join ${articles} on ${articles.id} = pending.article_id
        where ${publiclyVisible()}
        on conflict do nothing
        returning day, article_id, reader_digest
      ),
      added as (
        insert into ${articleViewsHourly} (article_id, hour, views)
        select pending.article_id, pending.hour, count(*)::integer
        from fresh join pending using (day, article_id, reader_digest)
        group by pending.article_id, pending.hour
        on conflict (article_id, hour) do update set views = ${articleViewsHourly.views} + excluded.views
        returning views
      )
      select (select count(*) from fresh)::integer as counted`,
  );
  return Number(result?.counted ?? 0);
}

/**
 * Folds hourly totals older than `before` (a UTC day's start) into daily totals, in one statement:
 * the rows moved are deleted as they are added, so two servers doing it at once count each once.
 * Then forgets readers and salts of days before `today`. Returns the hourly rows folded.
 */
export async function rollUpViews(before: Date, today: string, db: Executor = getDb()): Promise<number> {
  const [result] = await queryRows<{ folded: number | string | null }>(
    db,
    sql`with moved as (
        delete from ${articleViewsHourly} where ${articleViewsHourly.hour} < ${before.toISOString()}::timestamptz
        returning article_id, hour, views
      ),
      added as (
        insert into ${articleViewsDaily} (article_id, day, views)
        select article_id, (hour at time zone 'UTC')::date, sum(views)::integer from moved group by 1, 2
        on conflict (article_id, day) do update set views = ${articleViewsDaily.views} + excluded.views
        returning views
      )
      select (select count(*) from moved)::integer as folded`,
  );
  await db.delete(articleViewReaders).where(lt(articleViewReaders.day, today));
  await db.delete(articleViewSalts).where(lt(articleViewSalts.day, today));
  return Number(result?.folded ?? 0);
}

/** How far back «الأكثر قراءة» looks. */
export const MOST_READ_WINDOW_MS = 24 * 3600_000;
export const MOST_READ_SIZE = 5;

export interface MostReadStory {
  id: number;
  slug: string;
  title: string;
  views: number;
}

/**
 * «الأكثر قراءة»: the stories readers may see at `asOf` with the most views in the hours from 24
 * hours before it (the current hour's bucket included), most first.
 */
export async function listMostRead(
  { asOf, limit = MOST_READ_SIZE }: { asOf: Date; limit?: number },
  db: Executor = getReaderDb(),
): Promise<MostReadStory[]> {
  const views = sql<number>`sum(${articleViewsHourly.views})::integer`.mapWith(Number);
  const rows = await db
    .select({ id: articles.id, slug: articles.slug, title: articleRevisions.title, views })
    .from(articleViewsHourly)
    .innerJoin(articles, eq(articles.id, articleViewsHourly.articleId))
    .innerJoin(articleRevisions, eq(articleRevisions.id, articles.publishedRevisionId))
    .where(and(gte(articleViewsHourly.hour, new Date(asOf.getTime() - MOST_READ_WINDOW_MS)), publiclyVisible(asOf)))
    .groupBy(articles.id, articles.slug, articleRevisions.title)
    .orderBy(desc(views), desc(articles.id))
    .limit(limit);
  return rows;
}

/** Views of each story given in the 24 hours before `asOf`, for the desk; stories without any are left out. */
export async function recentViewCounts(articleIds: readonly number[], asOf: Date, db: Executor = getDb()): Promise<Map<number, number>> {
  if (articleIds.length === 0) return new Map();
  const views = sql<number>`sum(${articleViewsHourly.views})::integer`.mapWith(Number);
  const rows = await db
    .select({ id: articleViewsHourly.articleId, views })
    .from(articleViewsHourly)
    .where(and(inArray(articleViewsHourly.articleId, [...articleIds]), gte(articleViewsHourly.hour, new Date(asOf.getTime() - MOST_READ_WINDOW_MS))))
    .groupBy(articleViewsHourly.articleId);
  return new Map(rows.map((row) => [row.id, row.views]));
}

/** Every view a story ever had, hourly and rolled-up days together. */
export async function totalViews(articleId: number, db: Executor = getDb()): Promise<number> {
  const [result] = await queryRows<{ total: number | string | null }>(
    db,
    sql`select (coalesce((select sum(views) from ${articleViewsHourly} where article_id = ${articleId}), 0)
      + coalesce((select sum(views) from ${articleViewsDaily} where article_id = ${articleId}), 0))::integer as total`,
  );
  return Number(result?.total ?? 0);
}
