/*
 * The app's side of postgres-crash.test.ts, in a process of its own as an app server is: it opens
 * the app's connection, makes one save through the real use case and prints how it ended, as one
 * JSON line. Run with `node --conditions=react-server --import tsx` (the use cases import
 * 'server-only').
 *
 * It is a separate process because a database killed under an open transaction can make the
 * driver throw where no caller can catch it (postgres.js 3.4.9 schedules the ROLLBACK for a socket
 * that is already gone: porsager/postgres#1208). An app server logs that and keeps running, as
 * this process does; the test runner would count it against the test instead.
 */
import { openDatabase } from '@/db/client';
import { findSessionUser } from '@/db/sessions';
import { paragraphsToDocument } from '@/lib/content/render';
import { saveArticle } from '@/lib/server/articles/save-article';

export interface CrashSaveInput {
  databaseUrl: string;
  sessionId: string;
  articleId: number;
  expectedVersion: number;
  fields: Record<string, unknown>;
  text: string;
}

export type CrashSaveOutcome = { outcome: 'saved'; version: number } | { outcome: 'failed'; error: string };

async function main() {
  const input = JSON.parse(process.argv[2]!) as CrashSaveInput;
  const driverErrors: string[] = [];
  process.on('uncaughtException', (error) => driverErrors.push(String(error)));
  const connection = openDatabase({ databaseUrl: input.databaseUrl });
  const actor = await findSessionUser(connection.db, input.sessionId);
  if (!actor) throw new Error('the session given to the worker is not live');
  let result: CrashSaveOutcome;
  try {
    const saved = (await saveArticle({ db: connection.db, actor: actor }, { articleId: input.articleId, expectedVersion: input.expectedVersion, fields: input.fields, body: paragraphsToDocument([input.text]) })).value;
    result = { outcome: 'saved', version: saved.version };
  } catch (error) {
    result = { outcome: 'failed', error: (error as { code?: string }).code ?? String(error) };
  }
  process.stdout.write(`${JSON.stringify(result)}\n`);
  if (driverErrors.length) process.stderr.write(`driver errors after the crash (logged, as an app server would): ${driverErrors.join('; ')}\n`);
  await connection.close().catch(() => {});
  process.exit(0);
}

void main().catch((error) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
