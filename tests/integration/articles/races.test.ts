import { and, count, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeConnection, type Database } from '@/db/client';
import { activityLog, articleRevisions, articles, sections, users } from '@/db/schema';
import { seedDatabase } from '@/db/seed';
import { slugify } from '@/lib/arabic/slug';
import { paragraphsToDocument } from '@/lib/content/render';
import { createArticle } from '@/lib/server/articles/create-article';
import { saveArticle } from '@/lib/server/articles/save-article';
import { createUser } from '@/lib/server/people/create-user';
import { changeUserRole, setUserActive } from '@/lib/server/people/update-user-access';
import type { Actor } from '@/lib/server/next/session';
import { driverName, freshDatabase, signedInActor } from '../helpers';
import { deskFailure } from '../refusals';

let db: Database;
let admin: Actor;
let editor: Actor;
let sectionId: number;

beforeAll(async () => {
  db = (await freshDatabase()).db;
  await seedDatabase(db, { production: false });
  admin = await signedInActor(db, 'admin@midad.test', 'midad-admin-demo');
  editor = await signedInActor(db, 'editor@midad.test', 'midad-editor-demo');
  sectionId = (await db.select().from(sections).limit(1))[0]!.id;
});
afterAll(() => closeConnection());

describe(`stories created at the same moment on ${driverName}`, () => {
  it('all succeed with the same title, each with a slug of its own', async () => {
    for (let round = 0; round < 3; round++) {
      const title = `عنوان واحد لخمسة أخبار ${round}`;
      const base = slugify(title);
      const created = await Promise.all(
        Array.from({ length: 5 }, (_, i) =>
          createArticle({ db, actor: i % 2 ? admin : editor }, { fields: { title, summary: '', sectionId, tags: ['سباق'] }, body: paragraphsToDocument([`نص ${i}`]) }).then((d) => d.value),
        ),
      );
      expect(created.map((c) => c.slug).sort()).toEqual([base, `${base}-2`, `${base}-3`, `${base}-4`, `${base}-5`].sort());
      // Each is whole: its own row, first revision, tags and one creation event.
      const ids = created.map((c) => c.id);
      const rows = await db.select({ id: articles.id, slug: articles.slug, revision: articles.currentRevisionId }).from(articles).where(inArray(articles.id, ids));
      expect(rows.map((r) => r.slug).sort()).toEqual(created.map((c) => c.slug).sort());
      expect(rows.every((r) => r.revision !== null)).toBe(true);
      const [revisions] = await db.select({ n: count() }).from(articleRevisions).where(inArray(articleRevisions.articleId, ids));
      const [events] = await db.select({ n: count() }).from(activityLog).where(and(inArray(activityLog.articleId, ids), eq(activityLog.kind, 'story.created')));
      expect([revisions!.n, events!.n]).toEqual([5, 5]);
    }
  });

  it('still refuses a slug that leaves nothing usable', async () => {
    const failure = await createArticle({ db, actor: editor }, { fields: { title: 'x', slug: '؟!…', summary: '', sectionId, tags: [] }, body: paragraphsToDocument(['نص']) }).then(
      () => null,
      (error: unknown) => deskFailure(error),
    );
    expect(failure).toMatchObject({ error: 'SLUG_EMPTY', fieldErrors: { slug: 'SLUG_EMPTY' } });
  });
});

describe(`two stories renamed to one slug at the same moment on ${driverName}`, () => {
  it('gives it to one and tells the other it is taken, changing nothing of the second', async () => {
    for (let round = 0; round < 3; round++) {
      const wanted = `رابط-متنازع-${round}`;
      const stories = await Promise.all(
        [0, 1].map((i) => createArticle({ db, actor: editor }, { fields: { title: `قصة ${round}-${i}`, summary: '', sectionId, tags: [] }, body: paragraphsToDocument(['نص']) }).then((d) => d.value)),
      );
      const rows = await db.select({ id: articles.id, version: articles.version, slug: articles.slug }).from(articles).where(inArray(articles.id, stories.map((s) => s.id)));
      const outcomes = await Promise.all(
        rows.map((row, i) =>
          saveArticle({ db, actor: i ? admin : editor }, { articleId: row.id, expectedVersion: row.version,
            fields: { title: `قصة ${round}-${i}`, summary: '', sectionId, tags: [], slug: wanted },
            body: paragraphsToDocument(['نص معدّل']), }).then(
            () => 'saved',
            (error: unknown) => deskFailure(error),
          ),
        ),
      );
      const after = await db.select({ id: articles.id, slug: articles.slug }).from(articles).where(inArray(articles.id, rows.map((r) => r.id)));
      expect(after.filter((r) => r.slug === slugify(wanted))).toHaveLength(1);
      for (const outcome of outcomes) {
        if (outcome !== 'saved') expect(outcome).toMatchObject({ error: 'SLUG_TAKEN', fieldErrors: { slug: 'SLUG_TAKEN' } });
      }
      // A refused save wrote nothing: that story kept its old slug. (When the saves did not
      // overlap, the second found the slug taken before writing and took the next suffix.)
      rows.forEach((row, i) => {
        if (outcomes[i] !== 'saved') expect(after.find((a) => a.id === row.id)!.slug).toBe(row.slug);
      });
    }
  });
});

describe(`the last active admin on ${driverName}`, () => {
  const activeAdmins = async () =>
    (await db.select({ n: count() }).from(users).where(and(eq(users.role, 'admin'), eq(users.active, true))))[0]!.n;

  it('survives two admins demoting or deactivating each other at the same moment', async () => {
    await createUser({ db, actor: admin }, { email: 'second-admin@midad.test', name: 'مديرة ثانية', role: 'admin', password: 'second-admin-password' });
    const second = await signedInActor(db, 'second-admin@midad.test', 'second-admin-password');
    expect(await activeAdmins()).toBe(2);

    const moves = [
      ['demote', 'demote'],
      ['deactivate', 'deactivate'],
      ['demote', 'deactivate'],
      ['deactivate', 'demote'],
    ] as const;
    for (let round = 0; round < 8; round++) {
      const [first, then] = moves[round % moves.length]!;
      const against = (actor: Actor, target: Actor, move: 'demote' | 'deactivate') =>
        move === 'demote' ? changeUserRole({ db, actor: actor }, { userId: target.id, role: 'editor' }) : setUserActive({ db, actor: actor }, { userId: target.id, active: false });
      const results = await Promise.allSettled([against(admin, second, first), against(second, admin, then)]);

      expect(results.filter((r) => r.status === 'fulfilled'), `round ${round}`).toHaveLength(1);
      for (const r of results) if (r.status === 'rejected') expect(deskFailure(r.reason).error).toBe('LAST_ADMIN');
      expect(await activeAdmins()).toBe(1);

      // Whoever remains puts the other back, ready for the next round.
      const [survivor] = await db.select({ id: users.id }).from(users).where(and(eq(users.role, 'admin'), eq(users.active, true)));
      const [keeper, other] = survivor!.id === admin.id ? [admin, second] : [second, admin];
      await changeUserRole({ db, actor: keeper }, { userId: other.id, role: 'admin' });
      await setUserActive({ db, actor: keeper }, { userId: other.id, active: true });
      expect(await activeAdmins()).toBe(2);
    }
  });
});
