import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Connection } from '@/db/client';
import { findSiteArticle } from '@/db/queries/site-stories';
import { seedDatabase } from '@/db/seed';
import { sections } from '@/db/schema';
import { paragraphsToDocument } from '@/lib/content/render';
import { createArticle } from '@/lib/server/articles/create-article';
import { transitionArticle } from '@/lib/server/articles/transition-article';
import type { Actor } from '@/lib/server/next/session';
import { createPostgres, createReplica, freePort, postgresUnavailable, type PostgresServer } from '../../../e2e/processes';
import { signedInActor } from '../helpers';

/**
 * Readers' queries on a streaming replica (DATABASE_REPLICA_URLS): a PostgreSQL primary and a
 * replica of it owned by the test. Readers read the replica, writes go to the primary, and the
 * wait a cache refresh makes ends only once the replica has replayed the change.
 */

const unavailable = postgresUnavailable();

describe.skipIf(unavailable !== null)('a read replica', () => {
  let primary: PostgresServer;
  let replica: PostgresServer;
  let connection: Connection;
  let control: postgres.Sql;
  let editor: Actor;
  let admin: Actor;
  let sectionId: number;

  beforeAll(async () => {
    primary = createPostgres(await freePort());
    replica = createReplica(primary, await freePort());
    connection = openDatabase({ databaseUrl: primary.databaseUrl, replicaUrls: [replica.databaseUrl] });
    await connection.migrate();
    await seedDatabase(connection.db, { production: false });
    editor = await signedInActor(connection.db, 'editor@midad.test', 'midad-editor-demo');
    admin = await signedInActor(connection.db, 'admin@midad.test', 'midad-admin-demo');
    sectionId = (await connection.db.select({ id: sections.id }).from(sections).limit(1))[0]!.id;
    control = postgres(replica.databaseUrl, { max: 1, onnotice: () => {} });
  }, 300_000);

  afterAll(async () => {
    await control?.end({ timeout: 5 });
    await connection?.close();
    replica?.destroy();
    primary?.destroy();
  });

  /** A story written and published on the primary; answers its slug. */
  async function publishStory(title: string): Promise<string> {
    const created = (await createArticle({ db: connection.db, actor: editor }, { fields: { title, summary: '', sectionId, tags: [] }, body: paragraphsToDocument(['فقرة.']) })).value;
    const steps = [
      ['submit', editor],
      ['approve', admin],
      ['publish', editor],
    ] as const;
    let version = created.version;
    for (const [action, actor] of steps) {
      version = (await transitionArticle({ db: connection.db, actor }, { articleId: created.id, action, expectedVersion: version })).value.version;
    }
    return created.slug;
  }

  it('serves readers from the replica once it has replayed a change, and the wait says when that is', async () => {
    const slug = await publishStory('خبر يُقرأ من النسخة المتماثلة');
    expect(await connection.replicasCaughtUp()).toBe(true);
    expect(await findSiteArticle(slug, new Date(), connection.readerDb())).toMatchObject({ kind: 'article' });
  });

  it('reads nothing the replica has not replayed, and the wait ends only when it has', async () => {
    await control`select pg_wal_replay_pause()`;
    try {
      const slug = await publishStory('خبر ينتظر النسخة المتماثلة');
      // The replica stopped replaying before the story: readers there do not see it yet.
      expect((await findSiteArticle(slug, new Date(), connection.readerDb())).kind).not.toBe('article');
      let caughtUp: boolean | null = null;
      const waiting = connection.replicasCaughtUp(120_000).then((answer) => (caughtUp = answer));
      // Still paused: whatever the machine's speed, the wait cannot have ended.
      const [paused] = await control<{ paused: boolean }[]>`select pg_is_wal_replay_paused() as paused`;
      expect(paused!.paused).toBe(true);
      expect(caughtUp).toBeNull();
      await control`select pg_wal_replay_resume()`;
      await waiting;
      expect(caughtUp).toBe(true);
      expect(await findSiteArticle(slug, new Date(), connection.readerDb())).toMatchObject({ kind: 'article' });
    } finally {
      await control`select pg_wal_replay_resume()`;
    }
  });

  it('answers false, without hanging, while a replica stays behind past the limit', async () => {
    await control`select pg_wal_replay_pause()`;
    try {
      await publishStory('خبر والنسخة المتماثلة متوقفة');
      expect(await connection.replicasCaughtUp(50)).toBe(false);
    } finally {
      await control`select pg_wal_replay_resume()`;
    }
  });
});
