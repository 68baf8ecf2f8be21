import 'server-only';
import { getDb, type Database } from '@/db/client';
import { failureFrom, fail, ok, type ActionResult } from './action-result';
import { getCurrentUser, type Actor } from './session';

/**
 * The shape of every desk server action: find the signed-in person (from the database, not the
 * cookie alone), run the use case — which checks the permission itself — and answer with a code.
 */
export async function runDeskAction(work: (db: Database, actor: Actor) => Promise<void>): Promise<ActionResult> {
  const actor = await getCurrentUser();
  if (!actor) return fail('UNAUTHENTICATED');
  try {
    await work(getDb(), actor);
    return ok();
  } catch (error) {
    return failureFrom(error);
  }
}

/** A positive integer id from a form field, or NaN (which no row has). */
export function formId(value: FormDataEntryValue | null): number {
  const n = Number(value);
  return Number.isSafeInteger(n) && n > 0 ? n : Number.NaN;
}
