import { spawn } from 'node:child_process';
import { asc, eq } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Connection } from '@/db/client';
import { activityLog, articleRevisions, articles, sections } from '@/db/schema';
import { seedDatabase } from '@/db/seed';
import { paragraphsToDocument } from '@/lib/content/render';
import { createArticle } from '@/lib/server/articles/create-article';
import { saveArticle } from '@/lib/server/articles/save-article';
import type { Actor } from '@/lib/server/next/session';
import { createPostgres, freePort, postgresUnavailable, type PostgresServer } from '../../../e2e/processes';
import type { CrashSaveInput, CrashSaveOutcome } from './crash-save-worker';
import { signedInActor } from '../helpers';

/*
 * The PostgreSQL server dies (SIGKILL to the postmaster, no shutdown) while a save's transaction
 * is open. The save is held at a known point — another session holds a table lock the save needs,
 * or the commit waits for a standby that does not exist — and the server is killed only once the
 * save is seen waiting there. After crash recovery the story is exactly as before the save, or
 * exactly as after it: never a revision without its event, nor a version that names a revision
 * that is not there. Runs on a private server of its own, whatever DATABASE_URL says; the save
 * that is killed runs in a process of its own, as in an app server (see crash-save-worker.ts).
 */

const unavailable = postgresUnavailable();
const HEAVY_MS = 180_000;

let server: PostgresServer;
let app: Connection;
let editor: Actor;
let sectionId: number;

/** The app's connection: reopened after each crash, as a restarted app server would. */
function connectApp(): Connection {
  return openDatabase({ databaseUrl: server.databaseUrl });
}

/** A session of its own beside the app's pool: it holds locks and watches the save. */
function side() {
  return postgres(server.databaseUrl, { max: 1, onnotice: () => {} });
}

interface Story {
  version: number;
  revisions: { id: number; number: number }[];
  events: { kind: string; revisionId: number | null }[];
  currentRevisionId: number | null;
}

async function story(connection: Connection, id: number): Promise<Story> {
  const db = connection.db;
  const [article] = await db.select({ version: articles.version, currentRevisionId: articles.currentRevisionId }).from(articles).where(eq(articles.id, id));
  const revisions = await db.select({ id: articleRevisions.id, number: articleRevisions.number }).from(articleRevisions).where(eq(articleRevisions.articleId, id)).orderBy(asc(articleRevisions.number));
  const events = await db.select({ kind: activityLog.kind, revisionId: activityLog.revisionId }).from(activityLog).where(eq(activityLog.articleId, id)).orderBy(asc(activityLog.id));
  return { ...article!, revisions, events };
}

/** Every explicit save is whole: its revision, its event and the version step all there, or none. */
function expectWhole(s: Story) {
  expect(s.revisions.map((r) => r.number)).toEqual(s.revisions.map((_, i) => i + 1));
  expect(s.events).toHaveLength(s.revisions.length);
  for (const revision of s.revisions) expect(s.events.filter((e) => e.revisionId === revision.id), `event of revision ${revision.number}`).toHaveLength(1);
  expect(s.currentRevisionId).toBe(s.revisions.at(-1)!.id);
  // Created at version 1 with revision 1; each save since moved both on by one.
  expect(s.version).toBe(s.revisions.length);
}

const fields = () => ({ title: 'خبر ينجو من انهيار الخادم', summary: 'ملخص', sectionId, tags: ['انهيار'] });

const save = (connection: Connection, id: number, version: number, text: string) =>
  saveArticle({ db: connection.db, actor: editor }, { articleId: id, expectedVersion: version, fields: fields(), body: paragraphsToDocument([text]) });

/** One save made by the app in its own process; `ended` says whether it has answered yet. */
function saveInAppProcess(input: CrashSaveInput) {
  const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'tests/integration/platform/crash-save-worker.ts', JSON.stringify(input)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let ended = false;
  const result = new Promise<{ outcome: CrashSaveOutcome | null; log: string }>((resolve) =>
    child.once('close', () => {
      ended = true;
      const line = stdout.trim().split('\n').at(-1);
      resolve({ outcome: line ? (JSON.parse(line) as CrashSaveOutcome) : null, log: stderr });
    }),
  );
  return { result, ended: () => ended };
}

/** Waits until the save's backend is seen where it was meant to stop (a state, polled), unless the save ends first. */
async function waitUntilHeld(watcher: postgres.Sql, where: { waitEvent: string; query: string }, app: ReturnType<typeof saveInAppProcess>) {
  for (;;) {
    if (app.ended()) throw new Error(`the save ended instead of waiting where it was held: ${JSON.stringify(await app.result)}`);
    const rows = await watcher`select pid from pg_stat_activity where wait_event = ${where.waitEvent} and query ilike ${where.query}`;
    if (rows.length === 1) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const holds = [
  {
    name: 'while it waits to write its revision',
    hold: (s: postgres.Sql) => s`lock table article_revisions in share mode`,
    where: { waitEvent: 'relation', query: 'insert into "article_revisions"%' },
    committed: false,
  },
  {
    name: 'after writing its revision and the new version, before its event',
    hold: (s: postgres.Sql) => s`lock table activity_log in share mode`,
    where: { waitEvent: 'relation', query: 'insert into "activity_log"%' },
    committed: false,
  },
  {
    // The commit record is in the log but the answer never left: recovery must keep all of it.
    name: 'after its commit reached the log, before the server answered',
    hold: null,
    where: { waitEvent: 'SyncRep', query: 'commit%' },
    committed: true,
  },
] as const;

describe.skipIf(unavailable !== null)('PostgreSQL killed in the middle of a save', () => {
  beforeAll(async () => {
    server = createPostgres(await freePort());
    app = connectApp();
    await app.migrate();
    await seedDatabase(app.db, { production: false });
    editor = await signedInActor(app.db, 'editor@midad.test', 'midad-editor-demo');
    sectionId = (await app.db.select({ id: sections.id }).from(sections).limit(1))[0]!.id;
  }, HEAVY_MS);

  afterAll(async () => {
    await app?.close().catch(() => {});
    server?.destroy();
  }, HEAVY_MS);

  for (const point of holds) {
    it(
      `${point.name}: after recovery the save is ${point.committed ? 'all there' : 'not there at all'}, and the next save works`,
      async () => {
        const created = (await createArticle({ db: app.db, actor: editor }, { fields: fields(), body: paragraphsToDocument(['النص الأول.']) })).value;
        await save(app, created.id, created.version, 'نص حُفظ قبل الانهيار.');
        const before = await story(app, created.id);
        expectWhole(before);

        const holder = side();
        const watcher = side();
        if (point.hold) {
          await holder`begin`;
          await point.hold(holder);
        } else {
          // Commits wait for a standby that never connects; only this test's save writes meanwhile.
          await holder`alter system set synchronous_standby_names = 'nobody'`;
          await holder`select pg_reload_conf()`;
          // A session started once the server has re-read its settings has them; the app's is newer still.
          await expect
            .poll(async () => {
              const fresh = side();
              try {
                return (await fresh`select current_setting('synchronous_standby_names') as s`)[0]!.s;
              } finally {
                await fresh.end();
              }
            })
            .toBe('nobody');
        }

        const saving = saveInAppProcess({ databaseUrl: server.databaseUrl, sessionId: editor.sessionId, articleId: created.id, expectedVersion: before.version, fields: fields(), text: 'نص لم يؤكد الخادم حفظه.' });
        await waitUntilHeld(watcher, point.where, saving);
        await server.crash();
        const { outcome, log } = await saving.result;
        expect(outcome, log).toMatchObject({ outcome: 'failed' });
        await Promise.all([holder.end({ timeout: 1 }).catch(() => {}), watcher.end({ timeout: 1 }).catch(() => {}), app.close().catch(() => {})]);

        server.start();
        if (!point.hold) {
          const admin = side();
          await admin`alter system reset synchronous_standby_names`;
          await admin`select pg_reload_conf()`;
          await admin.end();
        }
        app = connectApp();
        const after = await story(app, created.id);
        expectWhole(after);
        if (point.committed) {
          expect(after.version).toBe(before.version + 1);
          expect(after.revisions).toHaveLength(before.revisions.length + 1);
          expect(after.events.at(-1)).toMatchObject({ kind: 'story.saved', revisionId: after.revisions.at(-1)!.id });
        } else {
          expect(after).toEqual(before);
        }

        // The writer saves again from the version the server now has.
        await save(app, created.id, after.version, 'نص حُفظ بعد عودة الخادم.');
        const again = await story(app, created.id);
        expectWhole(again);
        expect(again.version).toBe(after.version + 1);
      },
      HEAVY_MS,
    );
  }
});
