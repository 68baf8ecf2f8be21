import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { afterAll, describe, expect, it } from 'vitest';
import { closeConnection, queryRows, type Database } from '@/db/client';
import { listEvents } from '@/db/queries/desk';
import { driverName, emptyDatabase, tempDir } from '../helpers';

/*
 * A newsroom upgrading to one activity log: the story events it already has move into the log,
 * in the order they were written, each as a typed entry; the old table goes.
 */

const MIGRATIONS = path.join(process.cwd(), 'db', 'migrations');
/** The last migration with a story log of its own. */
const BEFORE_ONE_LOG = '0008_activity_log';

afterAll(() => closeConnection());

/** A copy of the migrations folder whose journal stops at `lastTag`. */
function migrationsUpTo(lastTag: string): string {
  const dir = tempDir('midad-migrations-');
  fs.cpSync(MIGRATIONS, dir, { recursive: true });
  const journalPath = path.join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  const last = journal.entries.findIndex((e) => e.tag === lastTag);
  expect(last).toBeGreaterThanOrEqual(0);
  journal.entries = journal.entries.slice(0, last + 1);
  fs.writeFileSync(journalPath, JSON.stringify(journal));
  return dir;
}

async function migrateFrom(db: Database, folder: string) {
  if (driverName === 'postgres') await migratePostgres(db as Parameters<typeof migratePostgres>[0], { migrationsFolder: folder });
  else await migratePglite(db as Parameters<typeof migratePglite>[0], { migrationsFolder: folder });
}

const body = (text: string) => JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

describe(`upgrading a database that has story events on ${driverName}`, () => {
  it('copies every event into the activity log as a typed entry, in order, and drops the old table', async () => {
    const db = (await emptyDatabase()).db;
    await migrateFrom(db, migrationsUpTo(BEFORE_ONE_LOG));

    // Written in the schema of that time, in plain SQL.
    await db.execute(sql`insert into users (email, name, role, password_hash) values
      ('writer@midad.test', 'كاتبة', 'editor', 'x'), ('checker@midad.test', 'مراجع', 'reviewer', 'x')`);
    const [writer, checker] = (await queryRows<{ id: number }>(db, sql`select id from users order by id`)).map((u) => u.id);
    await db.execute(sql`insert into sections (slug, name) values ('اقتصاد', 'اقتصاد')`);
    await db.execute(sql`insert into articles (slug, section_id, status, created_by)
      values ('old-story', (select id from sections), 'scheduled', ${writer})`);
    const [article] = await queryRows<{ id: number }>(db, sql`select id from articles`);
    const id = article!.id;
    await db.execute(sql`insert into article_revisions (article_id, number, title, summary, body, body_text, author_id, kind) values
      (${id}, 1, 'عنوان', '', ${body('نص')}::jsonb, 'نص', ${writer}, 'save'),
      (${id}, 2, 'عنوان', '', ${body('نص أطول')}::jsonb, 'نص أطول', ${writer}, 'autosave'),
      (${id}, 3, 'عنوان أوضح', '', ${body('نص أطول')}::jsonb, 'نص أطول', ${writer}, 'save')`);
    const revision = Object.fromEntries(
      (await queryRows<{ id: number; number: number }>(db, sql`select id, number from article_revisions`)).map((r) => [r.number, r.id]),
    ) as Record<number, number>;
    await db.execute(sql`update articles set current_revision_id = ${revision[3]}, published_revision_id = ${revision[3]} where id = ${id}`);

    // An entry the log already had, written before the story's events were copied.
    await db.execute(sql`insert into activity_log (actor_id, kind, details) values (${writer}, 'auth.signed_in', '{"address":"192.0.2.1"}'::jsonb)`);
    // Events with ascending ids but times out of step, as concurrent transactions can leave them.
    const at = (minutes: number) => new Date(Date.UTC(2026, 10, 1, 9, minutes)).toISOString();
    const due = '2026-11-02T06:00:00.000Z';
    await db.execute(sql`insert into article_events (article_id, actor_id, action, from_status, to_status, revision_id, note, created_at) values
      (${id}, ${writer}, 'create', null, 'draft', ${revision[1]}, null, ${at(0)}),
      (${id}, ${writer}, 'submit', 'draft', 'in_review', ${revision[1]}, null, ${at(1)}),
      (${id}, ${checker}, 'request_changes', 'in_review', 'changes_requested', ${revision[1]}, 'أين المصدر؟', ${at(2)}),
      (${id}, ${writer}, 'submit', 'changes_requested', 'in_review', ${revision[1]}, null, ${at(3)}),
      (${id}, ${checker}, 'approve', 'in_review', 'approved', ${revision[1]}, null, ${at(4)}),
      (${id}, ${writer}, 'save', 'approved', 'draft', ${revision[2]}, 'approval_voided', ${at(5)}),
      (${id}, ${writer}, 'save', 'draft', 'draft', ${revision[3]}, null, ${at(6)}),
      (${id}, ${writer}, 'submit', 'draft', 'in_review', ${revision[3]}, null, ${at(8)}),
      (${id}, ${checker}, 'approve', 'in_review', 'approved', ${revision[3]}, 'ممتاز', ${at(7)}),
      (${id}, ${writer}, 'schedule', 'approved', 'scheduled', ${revision[3]}, ${due}, ${at(9)})`);
    const before = await queryRows<{ id: number; action: string }>(db, sql`select id, action from article_events order by id`);

    await migrateFrom(db, MIGRATIONS);

    const entries = await queryRows<{ id: number; kind: string; actor_id: number; article_id: number | null; revision_id: number | null; at: Date | string; details: unknown }>(
      db,
      sql`select id, kind, actor_id, article_id, revision_id, at, details from activity_log order by id`,
    );
    expect(entries[0]).toMatchObject({ kind: 'auth.signed_in', article_id: null, revision_id: null });
    const copied = entries.slice(1);
    expect(copied).toHaveLength(before.length);
    const transition = (kind: string, actor: number, rev: number, from: string, to: string, extra: object = {}) => ({
      kind,
      actor_id: actor,
      article_id: id,
      revision_id: revision[rev],
      details: { from, to, ...extra },
    });
    expect(copied.map(({ kind, actor_id, article_id, revision_id, details }) => ({ kind, actor_id, article_id, revision_id, details }))).toEqual([
      { kind: 'story.created', actor_id: writer, article_id: id, revision_id: revision[1], details: { to: 'draft' } },
      transition('story.submitted', writer!, 1, 'draft', 'in_review'),
      transition('story.changes_requested', checker!, 1, 'in_review', 'changes_requested', { note: 'أين المصدر؟' }),
      transition('story.submitted', writer!, 1, 'changes_requested', 'in_review'),
      transition('story.approved', checker!, 1, 'in_review', 'approved', { note: null }),
      // What the saves changed is worked out against the last explicit save before them.
      transition('story.saved', writer!, 2, 'approved', 'draft', { approvalVoided: true, changed: ['body'] }),
      transition('story.saved', writer!, 3, 'draft', 'draft', { approvalVoided: false, changed: ['title', 'body'] }),
      transition('story.submitted', writer!, 3, 'draft', 'in_review'),
      transition('story.approved', checker!, 3, 'in_review', 'approved', { note: 'ممتاز' }),
      transition('story.scheduled', writer!, 3, 'approved', 'scheduled', { at: due }),
    ]);
    // Each keeps the time it was written.
    expect(copied.map((e) => new Date(e.at).toISOString())).toEqual([0, 1, 2, 3, 4, 5, 6, 8, 7, 9].map(at));

    // The story's timeline reads them back, newest first, with the people's names.
    const timeline = await listEvents(id, db);
    expect(timeline.map((e) => [e.kind, e.actorName, e.revisionNumber])).toEqual(
      [
        ['story.created', 'كاتبة', 1],
        ['story.submitted', 'كاتبة', 1],
        ['story.changes_requested', 'مراجع', 1],
        ['story.submitted', 'كاتبة', 1],
        ['story.approved', 'مراجع', 1],
        ['story.saved', 'كاتبة', 2],
        ['story.saved', 'كاتبة', 3],
        ['story.submitted', 'كاتبة', 3],
        ['story.approved', 'مراجع', 3],
        ['story.scheduled', 'كاتبة', 3],
      ].reverse(),
    );

    // The old table is gone; the log it moved into is still append-only.
    expect(await queryRows(db, sql`select 1 from information_schema.tables where table_name = 'article_events'`)).toEqual([]);
    await expect(db.execute(sql`update activity_log set kind = 'story.published' where kind = 'story.scheduled'`)).rejects.toThrow();
    await expect(db.execute(sql`delete from activity_log`)).rejects.toThrow();
  });
});
