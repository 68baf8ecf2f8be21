import { eq, sql } from 'drizzle-orm';
import { storyTransitionEntry } from '../lib/activity/entries';
import { hashPassword, verifyPassword } from '../lib/auth/password';
import { slugify, uniqueSlug } from '../lib/arabic/slug';
import { documentToText, paragraphsToDocument } from '../lib/content/render';
import type { Role } from '../lib/permissions/roles';
import type { ArticleStatus } from '../lib/workflow/states';
import type { WorkflowAction } from '../lib/workflow/transitions';
import type { Database, Executor } from './client';
import { recordActivity } from './activity';
import { articleRevisions, articles, articleTags, sections, siteSettings, tags, users } from './schema';
import fixture from './seed-data/quds-day-article.json';
import { DEMO_ACCOUNTS, SAMPLE_SECTIONS, SAMPLE_STORIES, type DemoAccount, type SampleStory } from './seed-data/sample-stories';

export interface SeedReport {
  sectionsCreated: number;
  accountsCreated: number;
  storiesCreated: number;
  skippedDemoData: boolean;
}

const HOUR = 60 * 60 * 1000;

/**
 * Idempotent: sections and site settings are added when missing. Unless `production` is true
 * (read: "no demo data"), demo accounts are added when their email is free, and sample stories
 * only into a database with no articles at all. Callers decide explicitly (db/prepare.ts): the
 * environment never turns demo accounts on.
 */
export async function seedDatabase(db: Database, options: { production: boolean }): Promise<SeedReport> {
  const report: SeedReport = { sectionsCreated: 0, accountsCreated: 0, storiesCreated: 0, skippedDemoData: false };

  for (const [position, section] of SAMPLE_SECTIONS.entries()) {
    const created = await db
      .insert(sections)
      .values({ ...section, position })
      .onConflictDoNothing({ target: sections.slug })
      .returning({ id: sections.id });
    report.sectionsCreated += created.length;
  }

  await db
    .insert(siteSettings)
    .values({ id: 1, siteDescription: 'أخبار بالعربية، تُكتب وتُراجع وتُنشر بعناية' })
    .onConflictDoNothing();

  if (options.production) {
    report.skippedDemoData = true;
    return report;
  }

  const accountIds = new Map<Role, number>();
  for (const account of DEMO_ACCOUNTS) {
    const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, account.email));
    if (existing) {
      accountIds.set(account.role, existing.id);
      continue;
    }
    const [created] = await db
      .insert(users)
      .values({ ...account, passwordHash: await hashPassword(account.password) })
      .returning({ id: users.id });
    accountIds.set(account.role, created!.id);
    report.accountsCreated++;
  }

  const [{ count }] = (await db.select({ count: sql<number>`count(*)::int` }).from(articles)) as [{ count: number }];
  if (count > 0) return report;

  const now = Date.now();
  const stories: SampleStory[] = [
    {
      title: fixture.title,
      summary: fixture.summary,
      sectionSlug: 'فلسطين',
      tags: fixture.tags,
      paragraphs: fixture.paragraphs,
      status: 'published',
      hoursFromNow: -1,
      author: 'editor',
    },
    ...SAMPLE_STORIES,
  ];
  for (const story of stories) {
    await db.transaction((tx) => insertSampleStory(tx, story, accountIds, new Date(now + story.hoursFromNow * HOUR)));
    report.storiesCreated++;
  }
  return report;
}

/** The workflow steps a sample story went through to reach its state, for a truthful audit log. */
const STEPS: Record<ArticleStatus, { action: WorkflowAction; to: ArticleStatus; actor: Role }[]> = {
  draft: [],
  in_review: [{ action: 'submit', to: 'in_review', actor: 'editor' }],
  changes_requested: [
    { action: 'submit', to: 'in_review', actor: 'editor' },
    { action: 'request_changes', to: 'changes_requested', actor: 'reviewer' },
  ],
  approved: [
    { action: 'submit', to: 'in_review', actor: 'editor' },
    { action: 'approve', to: 'approved', actor: 'reviewer' },
  ],
  scheduled: [
    { action: 'submit', to: 'in_review', actor: 'editor' },
    { action: 'approve', to: 'approved', actor: 'reviewer' },
    { action: 'schedule', to: 'scheduled', actor: 'editor' },
  ],
  published: [
    { action: 'submit', to: 'in_review', actor: 'editor' },
    { action: 'approve', to: 'approved', actor: 'reviewer' },
    { action: 'publish', to: 'published', actor: 'editor' },
  ],
  unpublished: [
    { action: 'submit', to: 'in_review', actor: 'editor' },
    { action: 'approve', to: 'approved', actor: 'reviewer' },
    { action: 'publish', to: 'published', actor: 'editor' },
    { action: 'unpublish', to: 'unpublished', actor: 'editor' },
  ],
};

async function insertSampleStory(tx: Executor, story: SampleStory, accountIds: Map<Role, number>, when: Date) {
  const authorId = accountIds.get(story.author)!;
  const [section] = await tx.select({ id: sections.id }).from(sections).where(eq(sections.slug, story.sectionSlug));
  if (!section) throw new Error(`Sample story refers to a missing section: ${story.sectionSlug}`);

  const slug = await uniqueSlug(slugify(story.title), async (candidate) => {
    const [taken] = await tx.select({ id: articles.id }).from(articles).where(eq(articles.slug, candidate));
    return Boolean(taken);
  });
  const goesLive = story.status === 'published' || story.status === 'scheduled';
  const writtenAt = new Date(Math.min(when.getTime(), Date.now()));
  const [article] = await tx
    .insert(articles)
    .values({
      slug,
      sectionId: section.id,
      status: story.status,
      createdBy: authorId,
      publishedAt: story.status === 'published' ? when : null,
      scheduledFor: story.status === 'scheduled' ? when : null,
      createdAt: writtenAt,
      updatedAt: writtenAt,
    })
    .returning({ id: articles.id });
  const body = paragraphsToDocument(story.paragraphs);
  const [revision] = await tx
    .insert(articleRevisions)
    .values({
      articleId: article!.id,
      number: 1,
      title: story.title,
      summary: story.summary,
      body,
      bodyText: documentToText(body),
      authorId,
      createdAt: writtenAt,
    })
    .returning({ id: articleRevisions.id });
  await tx
    .update(articles)
    .set({ currentRevisionId: revision!.id, publishedRevisionId: goesLive ? revision!.id : null })
    .where(eq(articles.id, article!.id));

  for (const name of story.tags) {
    const tagSlug = slugify(name);
    await tx.insert(tags).values({ slug: tagSlug, name }).onConflictDoNothing({ target: tags.slug });
    const [tag] = await tx.select({ id: tags.id }).from(tags).where(eq(tags.slug, tagSlug));
    await tx.insert(articleTags).values({ articleId: article!.id, tagId: tag!.id }).onConflictDoNothing();
  }

  // Written through the same log as the desk's own steps. A story scheduled for later was still
  // written and approved before now.
  await recordActivity(tx, { kind: 'story.created', actorId: authorId, articleId: article!.id, revisionId: revision!.id, details: { to: 'draft' } }, writtenAt);
  for (const [i, step] of STEPS[story.status].entries()) {
    const entry = storyTransitionEntry(step.action, {
      actorId: accountIds.get(step.actor)!,
      articleId: article!.id,
      revisionId: revision!.id,
      from: i === 0 ? 'draft' : STEPS[story.status][i - 1]!.to,
      to: step.to,
      note: null,
      scheduledFor: step.action === 'schedule' ? when : null,
    });
    await recordActivity(tx, entry, writtenAt);
  }
}

/**
 * Active demo accounts whose password is still the published demo one: safe to print, and what
 * `npm start` refuses to run with. A deactivated one cannot sign in, so it does not count.
 */
export async function demoAccountsStillDefault(db: Database): Promise<DemoAccount[]> {
  const usable: DemoAccount[] = [];
  for (const account of DEMO_ACCOUNTS) {
    const [row] = await db
      .select({ hash: users.passwordHash, active: users.active })
      .from(users)
      .where(eq(users.email, account.email));
    if (row?.active && (await verifyPassword(row.hash, account.password))) usable.push(account);
  }
  return usable;
}
