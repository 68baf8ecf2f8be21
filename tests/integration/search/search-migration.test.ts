import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { afterAll, describe, expect, it } from 'vitest';
import { closeConnection, type Connection, type Database } from '@/db/client';
import { searchPublishedArticles } from '@/db/queries/search';
import { driverName, emptyDatabase, tempDir } from '../helpers';

/*
 * A newsroom that already has stories when it upgrades: the search migrations must index them,
 * with no job to run afterwards.
 */

const MIGRATIONS = path.join(process.cwd(), 'db', 'migrations');
/** The last migration before search existed. */
const BEFORE_SEARCH = '0002_settings_sessions_byline';

let connection: Connection | undefined;
afterAll(() => closeConnection());

/** A copy of the migrations folder whose journal stops at `lastTag`. */
function migrationsUpTo(lastTag: string): string {
  const dir = tempDir('midad-migrations-');
  fs.cpSync(MIGRATIONS, dir, { recursive: true });
  const journalPath = path.join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  const last = journal.entries.findIndex((e) => e.tag === lastTag);
  journal.entries = journal.entries.slice(0, last + 1);
  fs.writeFileSync(journalPath, JSON.stringify(journal));
  return dir;
}

async function migrateFrom(db: Database, folder: string) {
  if (driverName === 'postgres') await migratePostgres(db as Parameters<typeof migratePostgres>[0], { migrationsFolder: folder });
  else await migratePglite(db as Parameters<typeof migratePglite>[0], { migrationsFolder: folder });
}

describe(`upgrading a database that has stories on ${driverName}`, () => {
  it('indexes the stories that were published before search existed', async () => {
    connection = await emptyDatabase();
    const db = connection.db;
    await migrateFrom(db, migrationsUpTo(BEFORE_SEARCH));

    // Written in the schema of that time, in plain SQL.
    await db.execute(sql`insert into users (email, name, role, password_hash) values ('old@midad.test', 'قديم', 'editor', 'x')`);
    await db.execute(sql`insert into sections (slug, name) values ('فلسطين', 'فلسطين')`);
    await db.execute(sql`
      insert into articles (slug, section_id, status, created_by, published_at)
      select 'old-' || n, (select id from sections), status::article_status, (select id from users), now() - interval '1 day'
        from (values (1, 'published'), (2, 'draft')) v(n, status)`);
    await db.execute(sql`
      insert into article_revisions (article_id, number, title, summary, body, body_text, author_id)
      select a.id, 1, 'خبر قديم عن المؤتمر رقم ' || a.id, '', '{"type":"doc","content":[]}'::jsonb,
             'نص قديم يذكر إسماعيل هنية', a.created_by
        from articles a`);
    await db.execute(sql`
      update articles a set current_revision_id = r.id,
             published_revision_id = case when a.status = 'published' then r.id end
        from article_revisions r where r.article_id = a.id`);

    await migrateFrom(db, MIGRATIONS);

    const outcome = await searchPublishedArticles({ q: 'اسماعيل هنيه' }, db);
    expect(outcome).toMatchObject({ kind: 'results', total: 1 });
    if (outcome.kind === 'results') expect(outcome.hits[0]?.slug).toBe('old-1');
  });
});
