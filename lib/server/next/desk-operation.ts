import 'server-only';
import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { recordActivity } from '@/db/activity';
import { getDb, type Executor } from '@/db/client';
import { isDatabaseUnreachable } from '@/db/connection-errors';
import { errorMessage } from '@/i18n';
import { isSameOriginRequest } from '@/lib/auth/same-origin';
import type { ActionResult, Failure } from '@/lib/desk/results';
import type { ErrorCode } from '@/lib/errors';
import { can, type Capability } from '@/lib/permissions';
import { logRefusal } from './access-log';
import type { DeskContext, Done, Effect } from '../effects';
import { fail, failureFrom } from '../failures';
import { refreshPublicPages } from './public-cache';
import { getCurrentUser, type Actor } from './session';

/**
 * The one path of every desk change, from a server action or a route handler:
 *
 *   same-site check → the caller from the session → the use case → one result → its effects
 *
 * The use case checks the permission itself and writes its activity entries in its own
 * transaction; once it has committed, this adapter runs the effects it returned (reader pages
 * refreshed from the before/after footprint, desk views refreshed), so no caller has to
 * remember them. Every refusal is logged under the operation's name.
 */
export async function runDeskOperation<T>(
  name: string,
  operation: (context: DeskContext) => Promise<Done<T>>,
  options: { explain?: (failure: Failure, context: DeskContext) => Promise<Failure> } = {},
): Promise<ActionResult<T>> {
  const caller = await identifyCaller(name);
  if (typeof caller === 'string') return fail(caller);
  const context = { db: getDb(), actor: caller };
  let outcome: Done<T>;
  try {
    outcome = await operation(context);
  } catch (error) {
    const failure = await refusalLogged(name, caller, failureFrom(error), context.db);
    return options.explain ? options.explain(failure, context) : failure;
  }
  await runEffects(outcome.effects, context.db);
  return { ok: true, value: outcome.value, at: Date.now() };
}

/**
 * The same path for a route handler (an upload, which cannot be a server action): refuses a
 * foreign origin, nobody signed in, or a role without `capability` before the body is read, and
 * answers JSON with the status the result calls for.
 */
export async function runDeskRequest<T>(
  request: Request,
  name: string,
  capability: Capability,
  operation: (context: DeskContext) => Promise<Done<T>>,
  options: { db?: Executor; currentUser?: () => Promise<Actor | null> } = {},
): Promise<Response> {
  if (!isSameOriginRequest(request.headers)) {
    logRefusal(name, 'CROSS_ORIGIN');
    return answer(fail('FORBIDDEN'));
  }
  let actor: Actor | null;
  try {
    actor = await (options.currentUser ?? getCurrentUser)();
  } catch (error) {
    if (!isDatabaseUnreachable(error)) throw error;
    return answer(fail('DATABASE_UNAVAILABLE'));
  }
  if (!actor) {
    logRefusal(name, 'UNAUTHENTICATED');
    return answer(fail('UNAUTHENTICATED'));
  }
  const context = { db: options.db ?? getDb(), actor };
  if (!can(actor.role, capability)) return answer(await refusalLogged(name, actor, fail('FORBIDDEN'), context.db));
  let outcome: Done<T>;
  try {
    outcome = await operation(context);
  } catch (error) {
    return answer(await refusalLogged(name, actor, failureFrom(error), context.db));
  }
  await runEffects(outcome.effects, context.db);
  return answer({ ok: true, value: outcome.value, at: Date.now() });
}

const STATUS: Partial<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  ARTICLE_STALE: 409,
  MEDIA_TOO_LARGE: 413,
  TOO_MANY_ATTEMPTS: 429,
  UNEXPECTED: 500,
  DATABASE_UNAVAILABLE: 503,
  DATABASE_LOCKED: 503,
};

/**
 * A result as an HTTP answer: 201 with the value, or the failure's status, its code and the
 * sentence the desk shows for it, so a client without the catalogues can still say what went wrong.
 */
export function answer<T>(result: ActionResult<T>): Response {
  const body = result.ok ? result : { ...result, message: errorMessage(result.error) };
  return Response.json(body, { status: result.ok ? 201 : (STATUS[result.error] ?? 400), headers: { 'Cache-Control': 'no-store' } });
}

/**
 * The first step of every desk operation: the request must come from a page of this site (a POST
 * from anywhere else, or without an Origin, is refused), and the signed-in person is read from the
 * database, not from the cookie alone.
 */
export async function identifyCaller(name: string): Promise<Actor | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'DATABASE_UNAVAILABLE'> {
  if (!(await fromThisSite(name))) return 'FORBIDDEN';
  let actor: Actor | null;
  try {
    actor = await getCurrentUser();
  } catch (error) {
    if (isDatabaseUnreachable(error)) return 'DATABASE_UNAVAILABLE';
    throw error;
  }
  if (!actor) {
    logRefusal(name, 'UNAUTHENTICATED');
    return 'UNAUTHENTICATED';
  }
  return actor;
}

/** For actions anyone may call (the language cookie): the same-origin rule alone. */
export async function fromThisSite(name: string): Promise<boolean> {
  if (isSameOriginRequest(await headers())) return true;
  logRefusal(name, 'CROSS_ORIGIN');
  return false;
}

/**
 * Runs what a committed change asks for. The change is already in the database, so a failure
 * here cannot undo it: it is logged, and when the story's footprint cannot be read the whole site
 * is refreshed instead, so readers never keep a stale page.
 */
async function runEffects(effects: readonly Effect[], db: Executor): Promise<void> {
  for (const effect of effects) {
    if (effect.kind === 'desk') {
      revalidatePath(effect.path, effect.scope);
      continue;
    }
    try {
      await refreshPublicPages(effect.change, db);
    } catch (error) {
      console.error('[desk operation] could not read what a change touched; refreshing every public page', error);
      await refreshPublicPages({ kind: 'site' });
    }
  }
}

/**
 * Records a result that is a permission refusal — a line in the server log and an entry in the
 * newsroom's activity log, which admins read — and passes every result on unchanged. The entry
 * is written on its own: the refused operation's transaction has rolled back. Failing to write
 * it never changes the answer.
 */
async function refusalLogged<R extends { ok: boolean; error?: string }>(name: string, actor: Actor, result: R, db: Executor): Promise<R> {
  if (result.ok || result.error !== 'FORBIDDEN') return result;
  logRefusal(name, 'FORBIDDEN', actor);
  await recordActivity(db, { kind: 'access.refused', actorId: actor.id, details: { operation: name } }).catch((error: unknown) => {
    console.error('[desk operation] could not record a refusal in the activity log', error);
  });
  return result;
}

/** A positive integer id from a form field, or NaN (which no row has). */
export function formId(value: FormDataEntryValue | null): number {
  const n = Number(value);
  return Number.isSafeInteger(n) && n > 0 ? n : Number.NaN;
}
