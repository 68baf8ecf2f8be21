import { and, asc, count, desc, eq, exists, gt, gte, inArray, lte, max, ne, or, sql, type SQL } from 'drizzle-orm';
import type { ContentDocument } from '../../lib/content/types';
import { getDb, getReaderDb, type Executor } from '../client';
import { articleRevisions, articles, articleTags, media, publicNotes, sections, slugHistory, tags, users } from '../schema';
import { listStoryNotes, type PublicNote } from './public-notes';
import { publicDateSql, publiclyVisible, visibleToPartners } from './visibility';
import type { PublicFootprint, ScheduleWindow } from './site-cache-keys';

/*
 * Read models of the public site. Every function takes the instant `asOf` at which visibility is
 * judged (see publiclyVisible) and returns plain JSON-safe objects — dates as ISO strings —
 * because the results are kept in Next's data cache, which stores JSON.
 */

export interface SiteImage {
  storageKey: string;
  alt: string;
  caption: string;
  credit: string;
  width: number;
  height: number;
}

export interface SiteStory {
  id: number;
  slug: string;
  title: string;
  summary: string;
  sectionId: number;
  sectionSlug: string;
  sectionName: string;
  /** The printed byline, or the name of the staff member who created the story. */
  authorName: string;
  authorId: number;
  /** True when the byline is the creator's own name, so it can link to their author page. */
  bylineIsAuthor: boolean;
  publishedAt: string;
  /** When the story's public content last changed: its publication, or a later published revision. */
  updatedAt: string;
  /** The embargo still ahead at the instant read (only a partner's read finds such a story), else null. */
  embargoUntil: string | null;
  image: SiteImage | null;
}

export interface SiteArticle extends SiteStory {
  /** The published revision shown, so a body that cannot be shown is reported by revision. */
  revisionId: number;
  body: ContentDocument;
  bodyText: string;
  /** When the revision readers see was written; "updated" when later than publication. */
  revisedAt: string;
  tags: { id: number; slug: string; name: string }[];
  /** Its public notes («تصحيح», «تحديث»), newest first. */
  notes: PublicNote[];
}

export type SiteArticleLookup =
  | { kind: 'article'; article: SiteArticle }
  | { kind: 'redirect'; slug: string }
  | { kind: 'missing' };

export interface SiteSection {
  id: number;
  slug: string;
  name: string;
}

export interface StoryFilter {
  sectionId?: number;
  tagId?: number;
  authorId?: number;
  /** Only stories whose public content changed at or after this instant (updatedAt). */
  updatedSince?: Date;
  /** Only these stories (search results, say). */
  ids?: number[];
}

/**
 * Who reads: the public (every site page, anonymous API callers) or a partner, who also reads
 * embargoed stories (visibleToPartners). Every read model here takes it; the site passes nothing.
 */
export type ReadAudience = 'public' | 'partner';

function visibleTo(audience: ReadAudience, asOf: Date): SQL<boolean> {
  return audience === 'partner' ? visibleToPartners(asOf) : publiclyVisible(asOf);
}

/** When readers see the story as published: a due schedule counts from its scheduled time, an embargo from its end. */
const publicDate = publicDateSql;

/** The later of the public date and the published revision's time: what `updatedAt` says. */
const lastChange = sql<Date>`greatest(${publicDateSql}, ${articleRevisions.createdAt})`.mapWith(articles.publishedAt);

const storyColumns = {
  id: articles.id,
  slug: articles.slug,
  title: articleRevisions.title,
  summary: articleRevisions.summary,
  sectionId: sections.id,
  sectionSlug: sections.slug,
  sectionName: sections.name,
  byline: articleRevisions.byline,
  creatorName: users.name,
  authorId: articles.createdBy,
  publishedAt: publicDate,
  updatedAt: lastChange,
  embargoUntil: articles.embargoUntil,
  imageKey: media.storageKey,
  imageAlt: media.alt,
  imageCaption: media.caption,
  imageCredit: media.credit,
  imageWidth: media.width,
  imageHeight: media.height,
};

type StoryRow = {
  id: number;
  slug: string;
  title: string;
  summary: string;
  sectionId: number;
  sectionSlug: string;
  sectionName: string;
  byline: string;
  creatorName: string;
  authorId: number;
  publishedAt: Date;
  updatedAt: Date;
  embargoUntil: Date | null;
  imageKey: string | null;
  imageAlt: string | null;
  imageCaption: string | null;
  imageCredit: string | null;
  imageWidth: number | null;
  imageHeight: number | null;
};

function toStory(row: StoryRow, asOf?: Date): SiteStory {
  const byline = row.byline.trim();
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    sectionId: row.sectionId,
    sectionSlug: row.sectionSlug,
    sectionName: row.sectionName,
    authorName: byline || row.creatorName,
    authorId: row.authorId,
    bylineIsAuthor: !byline || byline === row.creatorName,
    publishedAt: row.publishedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    embargoUntil: row.embargoUntil && asOf && row.embargoUntil > asOf ? row.embargoUntil.toISOString() : null,
    image:
      row.imageKey === null
        ? null
        : {
            storageKey: row.imageKey,
            alt: row.imageAlt ?? '',
            caption: row.imageCaption ?? '',
            credit: row.imageCredit ?? '',
            width: row.imageWidth ?? 0,
            height: row.imageHeight ?? 0,
          },
  };
}


function storyConditions(asOf: Date, filter: StoryFilter, db: Executor, audience: ReadAudience = 'public'): SQL {
  const conditions: SQL[] = [visibleTo(audience, asOf)];
  if (filter.ids !== undefined) conditions.push(filter.ids.length > 0 ? inArray(articles.id, filter.ids) : sql`false`);
  if (filter.updatedSince !== undefined) conditions.push(gte(lastChange, sql`${filter.updatedSince.toISOString()}::timestamptz`));
  if (filter.sectionId !== undefined) conditions.push(eq(articles.sectionId, filter.sectionId));
  if (filter.authorId !== undefined) conditions.push(eq(articles.createdBy, filter.authorId));
  if (filter.tagId !== undefined) {
    conditions.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(articleTags)
          .where(and(eq(articleTags.articleId, articles.id), eq(articleTags.tagId, filter.tagId))),
      ),
    );
  }
  return and(...conditions)!;
}

function selectStories(db: Executor) {
  return db
    .select(storyColumns)
    .from(articles)
    .innerJoin(articleRevisions, eq(articleRevisions.id, articles.publishedRevisionId))
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .innerJoin(users, eq(users.id, articles.createdBy))
    .leftJoin(media, eq(media.id, articleRevisions.featuredMediaId))
    .$dynamic();
}

/** A page of visible stories, newest first, with the total for pagination. */
export async function listSiteStories(
  options: { asOf: Date; limit: number; offset?: number; audience?: ReadAudience } & StoryFilter,
  db: Executor = getReaderDb(),
): Promise<{ stories: SiteStory[]; total: number }> {
  const { asOf, limit, offset = 0, audience, ...filter } = options;
  const where = storyConditions(asOf, filter, db, audience);
  // The count joins the published revision too: updatedSince reads its time.
  const [rows, [counted]] = await Promise.all([
    selectStories(db).where(where).orderBy(desc(publicDate), desc(articles.id)).limit(limit).offset(offset),
    db
      .select({ total: count() })
      .from(articles)
      .innerJoin(articleRevisions, eq(articleRevisions.id, articles.publishedRevisionId))
      .where(where),
  ]);
  return { stories: rows.map((row) => toStory(row, asOf)), total: counted?.total ?? 0 };
}

/** Sections in navigation order. */
export async function listSections(db: Executor = getReaderDb()): Promise<SiteSection[]> {
  return db
    .select({ id: sections.id, slug: sections.slug, name: sections.name })
    .from(sections)
    .orderBy(asc(sections.position), asc(sections.id));
}

/** The newest few stories of each section that has any, in navigation order (the home page's blocks). */
export async function latestBySection(
  options: { asOf: Date; perSection: number },
  db: Executor = getReaderDb(),
): Promise<{ section: SiteSection; stories: SiteStory[] }[]> {
  const all = await listSections(db);
  const blocks = await Promise.all(
    all.map(async (section) => {
      const rows = await selectStories(db)
        .where(storyConditions(options.asOf, { sectionId: section.id }, db))
        .orderBy(desc(publicDate), desc(articles.id))
        .limit(options.perSection);
      return { section, stories: rows.map((row) => toStory(row, options.asOf)) };
    }),
  );
  return blocks.filter((block) => block.stories.length > 0);
}

/** A visible article by slug; an old slug of a visible article gives a redirect to its current one. */
export async function findSiteArticle(
  slug: string,
  asOf: Date,
  db: Executor = getReaderDb(),
  audience: ReadAudience = 'public',
): Promise<SiteArticleLookup> {
  const article = await loadSiteArticle(db, and(eq(articles.slug, slug), visibleTo(audience, asOf))!, asOf);
  if (article) return { kind: 'article', article };
  const [moved] = await db
    .select({ slug: articles.slug })
    .from(slugHistory)
    .innerJoin(articles, eq(articles.id, slugHistory.articleId))
    .where(and(eq(slugHistory.oldSlug, slug), visibleTo(audience, asOf)))
    .limit(1);
  return moved ? { kind: 'redirect', slug: moved.slug } : { kind: 'missing' };
}

/**
 * One story as a partner reads it through a preview link (db/queries/preview-links.ts): the same
 * fields as the public page, under the partner reading of the visibility rule, so an embargoed
 * story that is published (or due) is found and nothing unpublished ever is.
 */
export async function findPartnerArticle(articleId: number, asOf: Date, db: Executor = getDb()): Promise<SiteArticle | null> {
  return loadSiteArticle(db, and(eq(articles.id, articleId), visibleTo('partner', asOf))!, asOf);
}

/** The first story matching `condition`, with its published revision's body and its tags. */
async function loadSiteArticle(db: Executor, condition: SQL, asOf: Date): Promise<SiteArticle | null> {
  const [row] = await selectStories(db).where(condition).limit(1);
  if (!row) return null;
  const [extra] = await db
    .select({ revisionId: articleRevisions.id, body: articleRevisions.body, bodyText: articleRevisions.bodyText, revisedAt: articleRevisions.createdAt })
    .from(articles)
    .innerJoin(articleRevisions, eq(articleRevisions.id, articles.publishedRevisionId))
    .where(eq(articles.id, row.id));
  const [tagRows, notes] = await Promise.all([
    db
      .select({ id: tags.id, slug: tags.slug, name: tags.name })
      .from(articleTags)
      .innerJoin(tags, eq(tags.id, articleTags.tagId))
      .where(eq(articleTags.articleId, row.id))
      .orderBy(asc(tags.name)),
    listStoryNotes(row.id, db),
  ]);
  return {
    ...toStory(row, asOf),
    revisionId: extra!.revisionId,
    body: extra!.body as ContentDocument,
    bodyText: extra!.bodyText,
    revisedAt: extra!.revisedAt.toISOString(),
    tags: tagRows,
    notes,
  };
}

/**
 * Stories related to an article: those sharing its tags or section, the ones sharing most first,
 * then the newest.
 */
export async function listRelatedStories(
  options: { asOf: Date; articleId: number; sectionId: number; tagIds: number[]; limit: number },
  db: Executor = getReaderDb(),
): Promise<SiteStory[]> {
  const { asOf, articleId, sectionId, tagIds, limit } = options;
  const sharesTag =
    tagIds.length > 0
      ? exists(
          db
            .select({ one: sql`1` })
            .from(articleTags)
            .where(and(eq(articleTags.articleId, articles.id), inArray(articleTags.tagId, tagIds))),
        )
      : undefined;
  const sharedTagCount =
    tagIds.length > 0
      ? sql<number>`(select count(*) from ${articleTags} where ${articleTags.articleId} = ${articles.id} and ${inArray(articleTags.tagId, tagIds)})`
      : sql<number>`0`;
  const score = sql<number>`(case when ${articles.sectionId} = ${sectionId} then 1 else 0 end) + ${sharedTagCount}`;
  const rows = await selectStories(db)
    .where(and(publiclyVisible(asOf), ne(articles.id, articleId), or(eq(articles.sectionId, sectionId), sharesTag)))
    .orderBy(desc(score), desc(publicDate), desc(articles.id))
    .limit(limit);
  return rows.map((row) => toStory(row, asOf));
}

export async function findSectionBySlug(slug: string, db: Executor = getReaderDb()): Promise<SiteSection | null> {
  const [row] = await db
    .select({ id: sections.id, slug: sections.slug, name: sections.name })
    .from(sections)
    .where(eq(sections.slug, slug));
  return row ?? null;
}

/** A tag with at least one visible story; tags used only on drafts stay unknown to readers. */
export async function findPublicTag(
  slug: string,
  asOf: Date,
  db: Executor = getReaderDb(),
): Promise<{ id: number; slug: string; name: string } | null> {
  const [row] = await db
    .select({ id: tags.id, slug: tags.slug, name: tags.name })
    .from(tags)
    .where(
      and(
        eq(tags.slug, slug),
        exists(
          db
            .select({ one: sql`1` })
            .from(articleTags)
            .innerJoin(articles, eq(articles.id, articleTags.articleId))
            .where(and(eq(articleTags.tagId, tags.id), publiclyVisible(asOf))),
        ),
      ),
    );
  return row ?? null;
}

/**
 * A staff member as an author: only someone with at least one visible story has a public page,
 * so reviewer and admin accounts (and deactivated people with nothing published) stay private.
 */
export async function findPublicAuthor(
  id: number,
  asOf: Date,
  db: Executor = getReaderDb(),
): Promise<{ id: number; name: string } | null> {
  const [row] = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(
      and(
        eq(users.id, id),
        exists(
          db
            .select({ one: sql`1` })
            .from(articles)
            .where(and(eq(articles.createdBy, users.id), publiclyVisible(asOf))),
        ),
      ),
    );
  return row ?? null;
}

/** Schedule times around `asOf`: what the public caches need to know to expire on time. */
export async function readScheduleWindow(asOf: Date, db: Executor = getReaderDb()): Promise<ScheduleWindow> {
  const at = asOf.toISOString();
  // Any status: a story that was scheduled and later marked published keeps counting, so the
  // window's "last due" time never moves backwards.
  // Embargo times count like schedule times: a story appears when either passes. A lifted
  // embargo leaves no time behind, but lifting refreshes the public pages itself.
  const [due] = await db
    .select({ lastDue: max(articles.scheduledFor) })
    .from(articles)
    .where(lte(articles.scheduledFor, sql`${at}::timestamptz`));
  const [embargoDue] = await db
    .select({ lastDue: max(articles.embargoUntil) })
    .from(articles)
    .where(lte(articles.embargoUntil, sql`${at}::timestamptz`));
  const ahead = await db
    .selectDistinct({ at: articles.scheduledFor })
    .from(articles)
    .where(and(eq(articles.status, 'scheduled'), gt(articles.scheduledFor, sql`${at}::timestamptz`)))
    .orderBy(asc(articles.scheduledFor))
    .limit(500);
  const embargoesAhead = await db
    .selectDistinct({ at: articles.embargoUntil })
    .from(articles)
    .where(gt(articles.embargoUntil, sql`${at}::timestamptz`))
    .orderBy(asc(articles.embargoUntil))
    .limit(500);
  // A breaking-news banner ends at its time the same way: every page shows it, so every page expires.
  const [breakingDue] = await db
    .select({ lastDue: max(articles.breakingUntil) })
    .from(articles)
    .where(lte(articles.breakingUntil, sql`${at}::timestamptz`));
  const breakingAhead = await db
    .selectDistinct({ at: articles.breakingUntil })
    .from(articles)
    .where(gt(articles.breakingUntil, sql`${at}::timestamptz`))
    .orderBy(asc(articles.breakingUntil))
    .limit(500);
  const lastDue = [due?.lastDue, embargoDue?.lastDue, breakingDue?.lastDue]
    .filter((time): time is Date => time instanceof Date)
    .sort((a, b) => b.getTime() - a.getTime())[0];
  const upcoming = [...ahead, ...embargoesAhead, ...breakingAhead].flatMap((row) => (row.at ? [row.at] : [])).sort((a, b) => a.getTime() - b.getTime());
  return {
    lastDue: lastDue ? lastDue.toISOString() : null,
    upcoming: [...new Set(upcoming.map((time) => time.toISOString()))].slice(0, 500),
  };
}

/** A story marked «عاجل» and still breaking: what the banner on every public page links to. */
export interface BreakingStory {
  id: number;
  slug: string;
  title: string;
  /** When it stops being breaking news (ISO). */
  until: string;
}

/** At most this many breaking stories share the banner, the newest marked first. */
export const MAX_BREAKING_STORIES = 3;

/**
 * The stories readers see as breaking news at `asOf`: marked «عاجل» until a later time, and visible
 * by the one rule — a story taken down, unscheduled or under embargo is no breaking news to readers.
 */
export async function listBreakingStories(asOf: Date, db: Executor = getReaderDb()): Promise<BreakingStory[]> {
  const rows = await db
    .select({ id: articles.id, slug: articles.slug, title: articleRevisions.title, until: articles.breakingUntil })
    .from(articles)
    .innerJoin(articleRevisions, eq(articleRevisions.id, articles.publishedRevisionId))
    .where(and(gt(articles.breakingUntil, sql`${asOf.toISOString()}::timestamptz`), publiclyVisible(asOf)))
    .orderBy(desc(articles.breakingSince), desc(articles.id))
    .limit(MAX_BREAKING_STORIES);
  return rows.map((row) => ({ id: row.id, slug: row.slug, title: row.title, until: row.until!.toISOString() }));
}

export interface SitemapData {
  articles: { slug: string; lastModified: string }[];
  sections: { slug: string; lastModified: string | null }[];
  tags: { slug: string; lastModified: string }[];
  authors: { id: number; lastModified: string }[];
}

/** Every public URL worth listing in the sitemap, with the time its content last changed. */
export async function readSitemapData(asOf: Date, limit: number, db: Executor = getReaderDb()): Promise<SitemapData> {
  const lastChange = sql<Date>`greatest(${publicDate}, ${articleRevisions.createdAt})`.mapWith(articles.publishedAt);
  const newest = sql<Date>`max(${publicDate})`.mapWith(articles.publishedAt);
  const [articleRows, sectionRows, tagRows, authorRows] = await Promise.all([
    db
      .select({ slug: articles.slug, lastModified: lastChange })
      .from(articles)
      .innerJoin(articleRevisions, eq(articleRevisions.id, articles.publishedRevisionId))
      .where(publiclyVisible(asOf))
      .orderBy(desc(publicDate), desc(articles.id))
      .limit(limit),
    db
      .select({ slug: sections.slug, lastModified: newest })
      .from(sections)
      .leftJoin(articles, and(eq(articles.sectionId, sections.id), publiclyVisible(asOf)))
      .groupBy(sections.id)
      .orderBy(asc(sections.position), asc(sections.id)),
    db
      .select({ slug: tags.slug, lastModified: newest })
      .from(tags)
      .innerJoin(articleTags, eq(articleTags.tagId, tags.id))
      .innerJoin(articles, eq(articles.id, articleTags.articleId))
      .where(publiclyVisible(asOf))
      .groupBy(tags.id)
      .orderBy(asc(tags.slug)),
    db
      .select({ id: articles.createdBy, lastModified: newest })
      .from(articles)
      .where(publiclyVisible(asOf))
      .groupBy(articles.createdBy)
      .orderBy(asc(articles.createdBy)),
  ]);
  return {
    articles: articleRows.map((row) => ({ slug: row.slug, lastModified: row.lastModified.toISOString() })),
    sections: sectionRows.map((row) => ({ slug: row.slug, lastModified: row.lastModified ? row.lastModified.toISOString() : null })),
    tags: tagRows.map((row) => ({ slug: row.slug, lastModified: row.lastModified.toISOString() })),
    authors: authorRows.map((row) => ({ id: row.id, lastModified: row.lastModified.toISOString() })),
  };
}

/** Visible stories published at or after `since`, newest first (the Google News sitemap). */
export async function listStoriesSince(
  options: { asOf: Date; since: Date; limit: number },
  db: Executor = getReaderDb(),
): Promise<{ slug: string; title: string; publishedAt: string }[]> {
  const rows = await db
    .select({ slug: articles.slug, title: articleRevisions.title, publishedAt: publicDate })
    .from(articles)
    .innerJoin(articleRevisions, eq(articleRevisions.id, articles.publishedRevisionId))
    .where(and(publiclyVisible(options.asOf), gte(publicDate, sql`${options.since.toISOString()}::timestamptz`)))
    .orderBy(desc(publicDate), desc(articles.id))
    .limit(options.limit);
  return rows.map((row) => ({ ...row, publishedAt: row.publishedAt.toISOString() }));
}

/**
 * What a story's public footprint is now: its slugs (current and redirecting), section, tags and
 * author. The cache refresh after a workflow transition revalidates exactly these pages.
 */
export async function readPublicFootprint(
  articleId: number,
  db: Executor = getDb(),
): Promise<PublicFootprint | null> {
  const [row] = await db
    .select({ slug: articles.slug, sectionId: articles.sectionId, authorId: articles.createdBy })
    .from(articles)
    .where(eq(articles.id, articleId));
  if (!row) return null;
  const [oldSlugs, tagRows, corrections] = await Promise.all([
    db.select({ slug: slugHistory.oldSlug }).from(slugHistory).where(eq(slugHistory.articleId, articleId)),
    db.select({ tagId: articleTags.tagId }).from(articleTags).where(eq(articleTags.articleId, articleId)),
    db
      .select({ id: publicNotes.id })
      .from(publicNotes)
      .where(and(eq(publicNotes.articleId, articleId), eq(publicNotes.kind, 'correction')))
      .limit(1),
  ]);
  return {
    articleId,
    slugs: [row.slug, ...oldSlugs.map((s) => s.slug)],
    sectionId: row.sectionId,
    tagIds: tagRows.map((t) => t.tagId),
    authorId: row.authorId,
    hasCorrections: corrections.length > 0,
  };
}

export interface PublicTag {
  id: number;
  slug: string;
  name: string;
  /** How many stories the audience can read carry it. */
  storyCount: number;
}

/** Tags carried by at least one story the audience can read, the most used first, by slug among equals. */
export async function listPublicTags(
  options: { asOf: Date; limit: number; offset?: number; audience?: ReadAudience },
  db: Executor = getReaderDb(),
): Promise<{ tags: PublicTag[]; total: number }> {
  const { asOf, limit, offset = 0, audience = 'public' } = options;
  const used = count(articles.id);
  const [rows, [counted]] = await Promise.all([
    db
      .select({ id: tags.id, slug: tags.slug, name: tags.name, storyCount: used })
      .from(tags)
      .innerJoin(articleTags, eq(articleTags.tagId, tags.id))
      .innerJoin(articles, and(eq(articles.id, articleTags.articleId), visibleTo(audience, asOf)))
      .groupBy(tags.id)
      .orderBy(desc(used), asc(tags.slug))
      .limit(limit)
      .offset(offset),
    db
      .select({ total: sql<number>`count(distinct ${articleTags.tagId})`.mapWith(Number) })
      .from(articleTags)
      .innerJoin(articles, and(eq(articles.id, articleTags.articleId), visibleTo(audience, asOf))),
  ]);
  return { tags: rows, total: counted?.total ?? 0 };
}

export interface PublicAuthor {
  id: number;
  name: string;
  storyCount: number;
}

/**
 * Staff members with at least one story the audience can read (as findPublicAuthor decides who
 * has an author page), by name.
 */
export async function listPublicAuthors(
  options: { asOf: Date; limit: number; offset?: number; audience?: ReadAudience },
  db: Executor = getReaderDb(),
): Promise<{ authors: PublicAuthor[]; total: number }> {
  const { asOf, limit, offset = 0, audience = 'public' } = options;
  const [rows, [counted]] = await Promise.all([
    db
      .select({ id: users.id, name: users.name, storyCount: count(articles.id) })
      .from(users)
      .innerJoin(articles, and(eq(articles.createdBy, users.id), visibleTo(audience, asOf)))
      .groupBy(users.id)
      .orderBy(asc(users.name), asc(users.id))
      .limit(limit)
      .offset(offset),
    db
      .select({ total: sql<number>`count(distinct ${articles.createdBy})`.mapWith(Number) })
      .from(articles)
      .where(visibleTo(audience, asOf)),
  ]);
  return { authors: rows, total: counted?.total ?? 0 };
}

/** A tag by slug, whether or not anything visible carries it (filters then find nothing). */
export async function findTagBySlug(slug: string, db: Executor = getReaderDb()): Promise<{ id: number; slug: string; name: string } | null> {
  const [row] = await db.select({ id: tags.id, slug: tags.slug, name: tags.name }).from(tags).where(eq(tags.slug, slug));
  return row ?? null;
}
