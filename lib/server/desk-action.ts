import 'server-only';
import { headers } from 'next/headers';
import { isDatabaseUnreachable } from '@/db/connection-errors';
import { getDb, type Database } from '@/db/client';
import { isSameOriginRequest } from '@/lib/auth/same-origin';
import { logRefusal } from './access-log';
import { failureFrom, fail, ok, type ActionResult } from './action-result';
import { getCurrentUser, type Actor } from './session';

export type CallerRefusal = 'FORBIDDEN' | 'UNAUTHENTICATED' | 'DATABASE_UNAVAILABLE';

/**
 * The first step of every server action: the request must come from a page of this site (a POST
 * from anywhere else, or without an Origin, is refused), and the signed-in person is read from the
 * database, not from the cookie alone. Refusals are logged under the action's name.
 */
export async function identifyCaller(action: string): Promise<Actor | CallerRefusal> {
  if (!(await fromThisSite(action))) return 'FORBIDDEN';
  let actor: Actor | null;
  try {
    actor = await getCurrentUser();
  } catch (error) {
    if (isDatabaseUnreachable(error)) return 'DATABASE_UNAVAILABLE';
    throw error;
  }
  if (!actor) {
    logRefusal(action, 'UNAUTHENTICATED');
    return 'UNAUTHENTICATED';
  }
  return actor;
}

/** For actions anyone may call (signing in, the language cookie): the same-origin rule alone. */
export async function fromThisSite(action: string): Promise<boolean> {
  if (isSameOriginRequest(await headers())) return true;
  logRefusal(action, 'CROSS_ORIGIN');
  return false;
}

/**
 * The shape of every desk server action that answers with a code: identify the caller, run the
 * use case — which checks the permission itself — and answer. A permission refusal is logged.
 */
export async function runDeskAction(action: string, work: (db: Database, actor: Actor) => Promise<void>): Promise<ActionResult> {
  const caller = await identifyCaller(action);
  if (typeof caller === 'string') return fail(caller);
  try {
    await work(getDb(), caller);
    return ok();
  } catch (error) {
    return refusalLogged(action, caller, failureFrom(error));
  }
}

/** Logs a result that is a permission refusal, and passes every result on unchanged. */
export function refusalLogged<T extends { ok: boolean; error?: string }>(action: string, actor: Actor, result: T): T {
  if (!result.ok && result.error === 'FORBIDDEN') logRefusal(action, 'FORBIDDEN', actor);
  return result;
}

/** A positive integer id from a form field, or NaN (which no row has). */
export function formId(value: FormDataEntryValue | null): number {
  const n = Number(value);
  return Number.isSafeInteger(n) && n > 0 ? n : Number.NaN;
}
