import { eq, gt, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { closeConnection, type Database } from '@/db/client';
import { activityLog, articleRevisions, articles, reviewComments, sections, users } from '@/db/schema';
import { seedDatabase } from '@/db/seed';
import { paragraphsToDocument } from '@/lib/content/render';
import type { ActionResult } from '@/lib/desk/results';
import { createApiKey } from '@/lib/server/api-keys/manage-api-keys';
import { createArticle } from '@/lib/server/articles/create-article';
import { createPreviewLink } from '@/lib/server/articles/preview-links';
import { transitionArticle } from '@/lib/server/articles/transition-article';
import type { Actor } from '@/lib/server/next/session';
import { databaseFingerprint } from '../fingerprint';
import { driverName, freshDatabase, signedInActor } from '../helpers';

/**
 * Every server action, called directly as a hostile client would — with no session, with a role
 * that may not use it, from another site, or with no Origin at all — is refused, changes nothing
 * in any table, and leaves a line in the log. Fields a client smuggles into a payload are ignored.
 */

const request = vi.hoisted(() => ({
  actor: null as unknown,
  headers: new Headers(),
}));

vi.mock('@/lib/server/next/session', () => ({ getCurrentUser: async () => request.actor }));
vi.mock('next/headers', () => ({
  headers: async () => request.headers,
  cookies: async () => ({ set: vi.fn(), get: () => undefined }),
}));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), unstable_cache: (fn: unknown) => fn }));
const auth = vi.hoisted(() => ({ signIn: vi.fn(), signOut: vi.fn(), auth: vi.fn() }));
vi.mock('@/auth', () => auth);
vi.mock('next-auth', () => ({ AuthError: class extends Error {}, CredentialsSignin: class extends Error {} }));

const actionModules = {
  desk: () => import('@/app/(desk)/desk/actions'),
  account: () => import('@/app/(desk)/desk/account/actions'),
  articles: () => import('@/app/(desk)/desk/articles/actions'),
  apiKeys: () => import('@/app/(desk)/desk/api-keys/actions'),
  notifications: () => import('@/app/(desk)/desk/notifications/actions'),
  sections: () => import('@/app/(desk)/desk/sections/actions'),
  stories: () => import('@/app/(desk)/desk/stories/actions'),
  settings: () => import('@/app/(desk)/desk/settings/actions'),
  users: () => import('@/app/(desk)/desk/users/actions'),
};

type Role = 'anonymous' | 'reviewer' | 'editor';
type Call = () => Promise<unknown>;

let db: Database;
const people = {} as Record<'admin' | 'editor' | 'reviewer', Actor>;
const ids = { draft: 0, inReview: 0, approved: 0, published: 0, previewLink: 0, apiKey: 0, section: 0, comment: 0, editorUser: 0 };
let actions: Record<string, (...args: never[]) => Promise<unknown>>;

const form = (entries: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(entries)) data.set(key, value);
  return data;
};
const versionOf = async (id: number) => (await db.select({ v: articles.version }).from(articles).where(eq(articles.id, id)))[0]!.v;
const payload = (title: string, extra: Record<string, unknown> = {}) => ({
  fields: { title, summary: 'ملخص', byline: '', sectionId: ids.section, tags: ['اختبار'], featuredMediaId: null, ...extra },
  body: paragraphsToDocument(['فقرة']),
});
const call = (name: string, ...args: unknown[]) => (actions[name] as (...a: unknown[]) => Promise<unknown>)(...args);

/** How each action is called, and which callers its rules refuse. */
function cases(): Record<string, { call: Call; refused: Role[] }> {
  const anonymousOnly: Role[] = ['anonymous'];
  const adminOnly: Role[] = ['anonymous', 'reviewer', 'editor'];
  return {
    signOutAction: { call: () => call('signOutAction'), refused: [] },
    setLocaleAction: { call: () => call('setLocaleAction', form({ locale: 'en' })), refused: [] },
    changeOwnPasswordAction: {
      call: () => call('changeOwnPasswordAction', null, form({ currentPassword: 'x', password: 'a-new-long-password-1' })),
      refused: anonymousOnly,
    },
    checkSlugAction: { call: () => call('checkSlugAction', 'عنوان', null), refused: anonymousOnly },
    heartbeatAction: { call: async () => call('heartbeatAction', ids.draft, await versionOf(ids.draft)), refused: anonymousOnly },
    leaveAction: { call: () => call('leaveAction', ids.draft), refused: anonymousOnly },
    createArticleAction: { call: () => call('createArticleAction', payload('خبر لا يُنشأ')), refused: ['anonymous', 'reviewer'] },
    bulkStoriesAction: {
      call: () => call('bulkStoriesAction', null, form({ story: String(ids.approved), step: 'unpublish' })),
      refused: ['anonymous', 'reviewer'],
    },
    saveArticleAction: {
      call: async () => call('saveArticleAction', ids.draft, await versionOf(ids.draft), payload('عنوان لا يُحفظ')),
      refused: ['anonymous', 'reviewer'],
    },
    transitionAction: {
      // Publishing an approved story: editors may, reviewers may not.
      call: async () => call('transitionAction', null, form({ articleId: String(ids.approved), action: 'publish', expectedVersion: String(await versionOf(ids.approved)) })),
      refused: ['anonymous', 'reviewer'],
    },
    embargoAction: {
      // Setting an embargo on a draft: editors and admins may, reviewers may not.
      call: async () =>
        call('embargoAction', null, form({ articleId: String(ids.draft), expectedVersion: String(await versionOf(ids.draft)), embargoUntil: '2099-01-01T10:00', note: 'بطلب من المصدر' })),
      refused: ['anonymous', 'reviewer'],
    },
    breakingAction: {
      // Refused before the story is looked at: the permission comes first.
      call: () => call('breakingAction', null, form({ articleId: String(ids.approved), breakingUntil: '2099-01-01T10:00' })),
      refused: ['anonymous', 'reviewer'],
    },
    createPreviewLinkAction: {
      call: () => call('createPreviewLinkAction', null, form({ articleId: String(ids.published), lifetime: 'day' })),
      refused: ['anonymous', 'reviewer'],
    },
    revokePreviewLinkAction: {
      call: () => call('revokePreviewLinkAction', null, form({ articleId: String(ids.published), linkId: String(ids.previewLink) })),
      refused: ['anonymous', 'reviewer'],
    },
    createApiKeyAction: { call: () => call('createApiKeyAction', null, form({ name: 'مفتاح دخيل', scope: 'partner' })), refused: adminOnly },
    revokeApiKeyAction: { call: () => call('revokeApiKeyAction', null, form({ keyId: String(ids.apiKey) })), refused: adminOnly },
    addCommentAction: { call: () => call('addCommentAction', null, form({ articleId: String(ids.inReview), body: 'تعليق' })), refused: anonymousOnly },
    resolveCommentAction: {
      call: () => call('resolveCommentAction', null, form({ articleId: String(ids.inReview), commentId: String(ids.comment) })),
      refused: anonymousOnly,
    },
    restoreRevisionAction: {
      call: async () => call('restoreRevisionAction', null, form({ articleId: String(ids.draft), revisionNumber: '1', expectedVersion: String(await versionOf(ids.draft)) })),
      refused: ['anonymous', 'reviewer'],
    },
    markNotificationsSeenAction: { call: () => call('markNotificationsSeenAction'), refused: anonymousOnly },
    createSectionAction: { call: () => call('createSectionAction', null, form({ name: 'قسم جديد', slug: 'qism-jadid' })), refused: adminOnly },
    updateSectionAction: {
      call: () => call('updateSectionAction', null, form({ sectionId: String(ids.section), name: 'اسم آخر', slug: 'ism-akhar' })),
      refused: adminOnly,
    },
    moveSectionAction: { call: () => call('moveSectionAction', null, form({ sectionId: String(ids.section), direction: 'down' })), refused: adminOnly },
    updateSettingsAction: {
      call: () => call('updateSettingsAction', null, form({ siteName: 'موقع آخر', siteDescription: 'وصف', timeZone: 'Asia/Amman', digits: 'arab' })),
      refused: adminOnly,
    },
    createUserAction: {
      call: () => call('createUserAction', null, form({ email: 'intruder@midad.test', name: 'دخيل', role: 'admin', password: 'a-long-enough-password' })),
      refused: adminOnly,
    },
    changeRoleAction: { call: () => call('changeRoleAction', null, form({ userId: String(ids.editorUser), role: 'admin' })), refused: adminOnly },
    setActiveAction: { call: () => call('setActiveAction', null, form({ userId: String(ids.editorUser), active: 'false' })), refused: adminOnly },
    resetPasswordAction: {
      call: () => call('resetPasswordAction', null, form({ userId: String(ids.editorUser), password: 'a-password-of-my-choosing' })),
      refused: adminOnly,
    },
  };
}

const sameSite = () => new Headers({ host: 'news.example', origin: 'https://news.example' });

const signedIn = (email: string, password: string) => signedInActor(db, email, password);

/** What a refused call answers: a coded failure, or nothing at all for the void/nullable ones. */
function expectRefusedResult(result: unknown) {
  if (result === null || result === undefined) return;
  expect(result).toMatchObject({ ok: false });
  expect(['UNAUTHENTICATED', 'FORBIDDEN']).toContain((result as { error: string }).error);
}

let warn: MockInstance;
const refusalLines = () =>
  warn.mock.calls
    .map(([line]) => {
      try {
        return JSON.parse(String(line)) as { event: string; target: string; reason: string; userId: number | null };
      } catch {
        return null;
      }
    })
    .filter((line) => line?.event === 'access_refused');

beforeAll(async () => {
  db = (await freshDatabase()).db;
  await seedDatabase(db, { production: false });
  people.admin = await signedIn('admin@midad.test', 'midad-admin-demo');
  people.editor = await signedIn('editor@midad.test', 'midad-editor-demo');
  people.reviewer = await signedIn('reviewer@midad.test', 'midad-reviewer-demo');
  ids.section = (await db.select().from(sections).limit(1))[0]!.id;
  ids.editorUser = people.editor.id;
  const make = async (title: string) => ((await createArticle({ db, actor: people.editor }, payload(title))).value).id;
  ids.draft = await make('مسودة للاختبار');
  ids.inReview = await make('قصة قيد المراجعة');
  await transitionArticle({ db, actor: people.editor }, { articleId: ids.inReview, action: 'submit', expectedVersion: await versionOf(ids.inReview) });
  ids.approved = await make('قصة معتمدة');
  await transitionArticle({ db, actor: people.editor }, { articleId: ids.approved, action: 'submit', expectedVersion: await versionOf(ids.approved) });
  await transitionArticle({ db, actor: people.reviewer }, { articleId: ids.approved, action: 'approve', expectedVersion: await versionOf(ids.approved) });
  const [revision] = await db.select({ id: articleRevisions.id }).from(articleRevisions).where(eq(articleRevisions.articleId, ids.inReview));
  const [comment] = await db
    .insert(reviewComments)
    .values({ articleId: ids.inReview, revisionId: revision!.id, authorId: people.reviewer.id, body: 'ملاحظة' })
    .returning({ id: reviewComments.id });
  ids.comment = comment!.id;
  ids.published = await make('قصة منشورة للمعاينة');
  await transitionArticle({ db, actor: people.editor }, { articleId: ids.published, action: 'submit', expectedVersion: await versionOf(ids.published) });
  await transitionArticle({ db, actor: people.reviewer }, { articleId: ids.published, action: 'approve', expectedVersion: await versionOf(ids.published) });
  await transitionArticle({ db, actor: people.editor }, { articleId: ids.published, action: 'publish', expectedVersion: await versionOf(ids.published) });
  ids.previewLink = (await createPreviewLink({ db, actor: people.editor }, { articleId: ids.published, lifetime: 'week' })).value.id;
  ids.apiKey = (await createApiKey({ db, actor: people.admin }, { name: 'تطبيق الهاتف', scope: 'public' })).value.id;
  actions = {};
  for (const load of Object.values(actionModules)) Object.assign(actions, await load());
});
afterAll(() => closeConnection());

beforeEach(() => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  auth.signIn.mockClear();
  auth.signOut.mockClear();
  return () => warn.mockRestore();
});

/** A database fingerprint without the activity log, which a refusal of a signed-in person adds to. */
const withoutLog = (fingerprint: Record<string, string>) => Object.fromEntries(Object.entries(fingerprint).filter(([table]) => table !== 'activity_log'));

describe(`server actions called directly on ${driverName}`, () => {
  it('has a case for every exported action, so a new one cannot go untested', () => {
    expect(Object.keys(actions).sort()).toEqual(Object.keys(cases()).sort());
  });

  for (const [name, { refused }] of Object.entries(cases())) {
    for (const role of refused) {
      it(`${name} refuses ${role === 'anonymous' ? 'a caller with no session' : `${role === 'editor' ? 'an' : 'a'} ${role}`}, changes nothing and logs it`, async () => {
        request.actor = role === 'anonymous' ? null : people[role];
        request.headers = sameSite();
        const before = await databaseFingerprint(db);
        const [{ last } = { last: 0 }] = await db.select({ last: sql<number>`coalesce(max(${activityLog.id}), 0)::int` }).from(activityLog);
        expectRefusedResult(await cases()[name]!.call());
        const after = await databaseFingerprint(db);
        const added = await db.select({ kind: activityLog.kind, actorId: activityLog.actorId, details: activityLog.details }).from(activityLog).where(gt(activityLog.id, last));
        if (role === 'anonymous') {
          expect(after).toEqual(before);
        } else {
          // Nothing changed but one entry in the newsroom's log naming who was refused what.
          expect(withoutLog(after)).toEqual(withoutLog(before));
          expect(added).toEqual([{ kind: 'access.refused', actorId: people[role].id, details: { operation: name } }]);
        }
        expect(refusalLines()).toContainEqual(
          expect.objectContaining({ target: name, reason: role === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN', userId: role === 'anonymous' ? null : people[role].id }),
        );
      });
    }

    for (const origin of ['https://evil.example', null]) {
      it(`${name} refuses an admin's request ${origin ? 'from another site' : 'without an Origin header'}`, async () => {
        request.actor = people.admin;
        request.headers = new Headers({ host: 'news.example', ...(origin ? { origin } : {}) });
        const before = await databaseFingerprint(db);
        expectRefusedResult(await cases()[name]!.call());
        expect(await databaseFingerprint(db)).toEqual(before);
        expect(auth.signIn).not.toHaveBeenCalled();
        expect(auth.signOut).not.toHaveBeenCalled();
        expect(refusalLines()).toContainEqual(expect.objectContaining({ target: name, reason: 'CROSS_ORIGIN' }));
      });
    }
  }

  it('answers a forbidden caller FORBIDDEN before looking at the input, so invalid input reveals nothing', async () => {
    request.actor = people.editor;
    request.headers = sameSite();
    const invalid: [string, FormData][] = [
      ['changeRoleAction', form({ userId: String(ids.editorUser), role: 'superuser' })],
      ['createUserAction', form({})],
      ['resetPasswordAction', form({ userId: 'x', password: '' })],
      ['createSectionAction', form({})],
      ['createApiKeyAction', form({ name: '', scope: 'everything' })],
      ['updateSettingsAction', form({ timeZone: 'Mars/Olympus' })],
      // An editor may never approve: a stale version is not checked first.
      ['transitionAction', form({ articleId: String(ids.inReview), action: 'approve', expectedVersion: '999' })],
    ];
    // A reviewer may never schedule: a malformed time is not read first.
    const schedule = form({ articleId: String(ids.approved), action: 'schedule', expectedVersion: '1', scheduledFor: 'غداً ظهراً' });
    request.actor = people.reviewer;
    expect(await call('transitionAction', null, schedule), 'schedule').toMatchObject({ ok: false, error: 'FORBIDDEN' });
    request.actor = people.editor;
    for (const [name, data] of invalid) expect(await call(name, null, data), name).toMatchObject({ ok: false, error: 'FORBIDDEN' });
  });

  it('lets the same calls through for a caller the rules allow (the refusals above are not the harness failing)', async () => {
    request.headers = sameSite();
    request.actor = people.editor;
    expect(await cases().transitionAction!.call()).toMatchObject({ ok: true });
    request.actor = people.admin;
    expect(await cases().createSectionAction!.call()).toMatchObject({ ok: true });
    expect(await cases().createApiKeyAction!.call()).toMatchObject({ ok: true });
    expect(await cases().revokeApiKeyAction!.call()).toMatchObject({ ok: true });
    request.actor = people.editor;
    expect(await cases().createPreviewLinkAction!.call()).toMatchObject({ ok: true });
    expect(await cases().revokePreviewLinkAction!.call()).toMatchObject({ ok: true });
    request.actor = people.admin;
    expect(await cases().updateSettingsAction!.call()).toMatchObject({ ok: true });
    request.actor = people.reviewer;
    expect(await cases().addCommentAction!.call()).toMatchObject({ ok: true });
    expect(refusalLines()).toEqual([]);
  });
});

describe(`smuggled fields on ${driverName}`, () => {
  beforeEach(() => {
    request.headers = sameSite();
  });

  it('a new story is a draft by its creator, whatever status, author, role or publication time the payload claims', async () => {
    request.actor = people.editor;
    const smuggled = {
      status: 'published',
      authorId: people.admin.id,
      createdBy: people.admin.id,
      publishedAt: '2020-01-01T00:00:00Z',
      publishedRevisionId: 1,
      role: 'admin',
    };
    const result = (await call('createArticleAction', { ...payload('قصة بحقول مهرّبة', smuggled), ...smuggled })) as ActionResult<{ id: number }>;
    if (!result.ok) throw new Error(`refused: ${result.error}`);
    const { id } = result.value;
    const [row] = await db.select().from(articles).where(eq(articles.id, id));
    expect(row).toMatchObject({ status: 'draft', createdBy: people.editor.id, publishedAt: null, publishedRevisionId: null });
    const [revision] = await db.select().from(articleRevisions).where(eq(articleRevisions.articleId, id));
    expect(revision!.authorId).toBe(people.editor.id);
  });

  it('a save changes the text only: status, author and publication stay as they were', async () => {
    request.actor = people.editor;
    const [before] = await db.select().from(articles).where(eq(articles.id, ids.draft));
    const smuggled = { status: 'published', authorId: people.admin.id, publishedAt: '2020-01-01T00:00:00Z', role: 'admin' };
    const result = await call('saveArticleAction', ids.draft, await versionOf(ids.draft), { ...payload('عنوان محفوظ', smuggled), ...smuggled });
    expect(result).toMatchObject({ ok: true });
    const [after] = await db.select().from(articles).where(eq(articles.id, ids.draft));
    expect(after).toMatchObject({ status: before!.status, createdBy: before!.createdBy, publishedAt: null, publishedRevisionId: null });
    const revisions = await db.select().from(articleRevisions).where(eq(articleRevisions.articleId, ids.draft));
    expect(revisions.every((revision) => revision.authorId === people.editor.id)).toBe(true);
  });

  it('changing one’s own password never changes one’s role or active flag', async () => {
    request.actor = people.reviewer;
    const result = await call(
      'changeOwnPasswordAction',
      null,
      form({ currentPassword: 'midad-reviewer-demo', password: 'reviewer-new-password-1', role: 'admin', active: 'true', email: 'x@evil.example' }),
    );
    expect(result).toMatchObject({ ok: true });
    const [row] = await db.select().from(users).where(eq(users.id, people.reviewer.id));
    expect(row).toMatchObject({ role: 'reviewer', email: 'reviewer@midad.test' });
  });

  it('a workflow step takes its actor from the session, not from the form', async () => {
    request.actor = people.editor;
    const id = ((await createArticle({ db, actor: people.editor }, payload('قصة للإرسال'))).value).id;
    const result = await call(
      'transitionAction',
      null,
      form({ articleId: String(id), action: 'submit', expectedVersion: String(await versionOf(id)), actorId: String(people.admin.id), role: 'admin', status: 'published' }),
    );
    expect(result).toMatchObject({ ok: true });
    const [row] = await db.select().from(articles).where(eq(articles.id, id));
    expect(row!.status).toBe('in_review');
  });
});
