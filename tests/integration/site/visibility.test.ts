import { eq, inArray, sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeConnection, type Connection, type Executor } from '@/db/client';
import { listSiteStories } from '@/db/queries/site-stories';
import { publiclyVisible } from '@/db/queries/visibility';
import { articleRevisions, articles, sections, users } from '@/db/schema';
import { paragraphsToDocument } from '@/lib/content/render';
import { ARTICLE_STATUSES, type ArticleStatus } from '@/lib/workflow/states';
import { isPubliclyVisible } from '@/lib/workflow/visibility';
import { driverName, freshDatabase } from '../helpers';

/*
 * The visibility rule has three forms: isPubliclyVisible in TypeScript, publiclyVisible() in the
 * queries, and the database function midad_search_visible_from behind the search documents. One
 * table of cases, written out by hand rather than computed, is fed to all three.
 */

const SCHEDULES = ['none', 'earlier', 'at', 'later'] as const;
type Schedule = (typeof SCHEDULES)[number];
/** Where the schedule time lies from the instant T the rule is judged at. */
const SCHEDULE_OFFSET_MS: Record<Schedule, number | null> = { none: null, earlier: -60_000, at: 0, later: 60_000 };

const REVISION = true;
const NO_REVISION = false;

// status, has a published revision, visible at T with a schedule time of: none, earlier, at T, later
const TABLE: [ArticleStatus, boolean, [boolean, boolean, boolean, boolean]][] = [
  ['draft', REVISION, [true, true, true, true]],
  ['draft', NO_REVISION, [false, false, false, false]],
  ['in_review', REVISION, [true, true, true, true]],
  ['in_review', NO_REVISION, [false, false, false, false]],
  ['changes_requested', REVISION, [true, true, true, true]],
  ['changes_requested', NO_REVISION, [false, false, false, false]],
  ['approved', REVISION, [true, true, true, true]],
  ['approved', NO_REVISION, [false, false, false, false]],
  ['scheduled', REVISION, [false, true, true, false]],
  ['scheduled', NO_REVISION, [false, false, false, false]],
  ['published', REVISION, [true, true, true, true]],
  ['published', NO_REVISION, [false, false, false, false]],
  ['unpublished', REVISION, [false, false, false, false]],
  ['unpublished', NO_REVISION, [false, false, false, false]],
];

/*
 * The embargo («حظر النشر حتى») comes on top of every case above: with no embargo, or one that has
 * passed (at T included), the answer is the table's; with one still ahead, nothing is visible.
 */
const EMBARGOES = ['none', 'earlier', 'at', 'later'] as const;
type Embargo = (typeof EMBARGOES)[number];
const EMBARGO_OFFSET_MS: Record<Embargo, number | null> = { none: null, earlier: -60_000, at: 0, later: 60_000 };
const EMBARGO_KEEPS_VISIBLE: Record<Embargo, boolean> = { none: true, earlier: true, at: true, later: false };

interface Case {
  label: string;
  status: ArticleStatus;
  hasPublishedRevision: boolean;
  offsetMs: number | null;
  embargoMs: number | null;
  visible: boolean;
}

const CASES: Case[] = TABLE.flatMap(([status, hasPublishedRevision, answers]) =>
  SCHEDULES.flatMap((schedule, i) =>
    EMBARGOES.map((embargo) => ({
      label: `${status}, ${hasPublishedRevision ? 'published revision' : 'no published revision'}, schedule ${schedule}, embargo ${embargo}`,
      status,
      hasPublishedRevision,
      offsetMs: SCHEDULE_OFFSET_MS[schedule],
      embargoMs: EMBARGO_OFFSET_MS[embargo],
      visible: answers[i]! && EMBARGO_KEEPS_VISIBLE[embargo],
    })),
  ),
);

let connection: Connection;
let sectionId: number;
let authorId: number;
let batch = 0;

beforeAll(async () => {
  connection = await freshDatabase();
  const [section] = await connection.db.insert(sections).values({ slug: 'قسم-الظهور', name: 'قسم الظهور' }).returning({ id: sections.id });
  const [author] = await connection.db
    .insert(users)
    .values({ email: 'visibility@midad.test', name: 'محرر الظهور', role: 'editor', passwordHash: 'not-a-usable-hash' })
    .returning({ id: users.id });
  sectionId = section!.id;
  authorId = author!.id;
});
afterAll(() => closeConnection());

/** One article per case, its schedule placed relative to `instant` by the database itself. */
async function insertCases(db: Executor, instant: SQL): Promise<number[]> {
  batch += 1;
  const ids: number[] = [];
  for (const [i, c] of CASES.entries()) {
    const [article] = await db
      .insert(articles)
      .values({
        slug: `ظهور-${batch}-${i}`,
        sectionId,
        status: c.status,
        createdBy: authorId,
        // As the workflow leaves them: a story with a published revision was published once.
        publishedAt: c.hasPublishedRevision ? sql`${instant} - interval '1 day'` : null,
        scheduledFor: c.offsetMs === null ? null : sql`${instant} + ${c.offsetMs}::integer * interval '1 millisecond'`,
        embargoUntil: c.embargoMs === null ? null : sql`${instant} + ${c.embargoMs}::integer * interval '1 millisecond'`,
      })
      .returning({ id: articles.id });
    const [revision] = await db
      .insert(articleRevisions)
      .values({ articleId: article!.id, number: 1, title: c.label, body: paragraphsToDocument([c.label]), bodyText: c.label, authorId })
      .returning({ id: articleRevisions.id });
    await db
      .update(articles)
      .set({ currentRevisionId: revision!.id, publishedRevisionId: c.hasPublishedRevision ? revision!.id : null })
      .where(eq(articles.id, article!.id));
    ids.push(article!.id);
  }
  return ids;
}

/** The three forms of the rule on the stored rows, at the instant T the database reads `instant` as. */
async function judge(db: Executor, ids: number[], instant: SQL, condition: SQL<boolean>) {
  const rows = await db
    .select({
      id: articles.id,
      at: sql<Date>`${instant}`.mapWith(articles.scheduledFor),
      status: articles.status,
      publishedRevisionId: articles.publishedRevisionId,
      scheduledFor: articles.scheduledFor,
      embargoUntil: articles.embargoUntil,
      query: condition,
      // As the search triggers call it: for the document of the article's published revision.
      search: sql<boolean>`coalesce(midad_search_visible_from(${articles.status}, ${articles.scheduledFor}, ${articles.embargoUntil}, ${articles.publishedRevisionId} = ${articles.currentRevisionId}) <= ${instant}, false)`,
    })
    .from(articles)
    .where(inArray(articles.id, ids));
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => {
    const row = byId.get(id)!;
    return { rule: isPubliclyVisible(row, row.at), query: row.query, search: row.search };
  });
}

const expected = () => CASES.map((c) => ({ case: c.label, rule: c.visible, query: c.visible, search: c.visible }));

describe(`the visibility rule on ${driverName}`, () => {
  it('has one case for every status, with and without a published revision, every schedule and every embargo', () => {
    const keys = TABLE.map(([status, revision]) => `${status}/${revision}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.sort()).toEqual(ARTICLE_STATUSES.flatMap((status) => [`${status}/true`, `${status}/false`]).sort());
    expect(CASES).toHaveLength(ARTICLE_STATUSES.length * 2 * SCHEDULES.length * EMBARGOES.length);
  });

  it('gives the same answer in TypeScript, in the queries, in the search function and on the site, at a given instant', async () => {
    const at = new Date('2031-04-05T06:07:08.009Z');
    const instant = sql`${at.toISOString()}::timestamptz`;
    const ids = await insertCases(connection.db, instant);
    const judged = await judge(connection.db, ids, instant, publiclyVisible(at));
    const listed = new Set((await listSiteStories({ asOf: at, limit: 1000 })).stories.map((story) => story.id));
    const actual = CASES.map((c, i) => ({ case: c.label, ...judged[i]! }));
    expect(actual).toEqual(expected());
    expect(ids.map((id, i) => ({ case: CASES[i]!.label, readers: listed.has(id) }))).toEqual(
      CASES.map((c) => ({ case: c.label, readers: c.visible })),
    );
  });

  it('judges by the database clock when given no instant', async () => {
    // Within one transaction now() stands still, so "at T" is exactly the schedule time.
    const actual = await connection.db.transaction(async (tx) => {
      const ids = await insertCases(tx, sql`now()`);
      const judged = await judge(tx, ids, sql`now()`, publiclyVisible());
      return CASES.map((c, i) => ({ case: c.label, ...judged[i]! }));
    });
    expect(actual).toEqual(expected());
  });
});
