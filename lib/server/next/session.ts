import 'server-only';
import { headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import { auth } from '@/auth';
import { getDb } from '@/db/client';
import { findSessionUser } from '@/db/sessions';
import type { Actor } from '../effects';
import { safeCallbackPath } from '@/lib/auth/callback-url';
import { can, type Capability } from '@/lib/permissions';

export type { Actor };

/**
 * The signed-in person for this request, checked against the database every time: a revoked
 * session (sign-out), an expired one or a deactivated account is nobody, and the role is the
 * current one. Cached per request only.
 */
export const getCurrentUser = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const sessionId = (session as { sessionId?: string } | null)?.sessionId;
  return sessionId ? findSessionUser(getDb(), sessionId) : null;
});

/** For desk pages: the person, or a redirect to sign in and come back here. */
export async function requireUser(): Promise<Actor> {
  const user = await getCurrentUser();
  if (user) return user;
  const path = safeCallbackPath((await headers()).get('x-midad-path'));
  redirect(`/login?callbackUrl=${encodeURIComponent(path)}`);
}

/** For desk pages: the person if their role holds the capability; a 403 page otherwise. */
export async function requireCapability(capability: Capability): Promise<Actor> {
  const user = await requireUser();
  if (!can(user.role, capability)) forbidden();
  return user;
}
