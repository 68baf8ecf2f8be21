'use server';

import { AuthError, CredentialsSignin } from 'next-auth';
import { signIn } from '@/auth';
import { safeCallbackPath } from '@/lib/auth/callback-url';
import { fromThisSite } from '@/lib/server/desk-action';

/** A refusal, with the typed email so the form can show it again (the password is never echoed). */
export type SignInState = { error: 'invalid' | 'locked' | 'missing'; email: string; at: number } | null;

export async function signInAction(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const email = formData.get('email');
  const password = formData.get('password');
  const typedEmail = typeof email === 'string' ? email.slice(0, 254) : '';
  if (typeof email !== 'string' || typeof password !== 'string' || !email.trim() || !password) {
    return { error: 'missing', email: typedEmail, at: Date.now() };
  }
  // A sign-in posted from another site would sign this browser in to an account of its choosing.
  if (!(await fromThisSite('signInAction'))) return { error: 'invalid', email: typedEmail, at: Date.now() };
  try {
    await signIn('credentials', {
      email,
      password,
      redirectTo: safeCallbackPath(String(formData.get('callbackUrl') ?? '')),
    });
  } catch (error) {
    // Success ends in a redirect, which Next signals by throwing: only Auth.js refusals stop here.
    if (error instanceof AuthError) {
      const code = error instanceof CredentialsSignin ? error.code : undefined;
      return { error: code === 'locked' ? 'locked' : 'invalid', email: typedEmail, at: Date.now() };
    }
    throw error;
  }
  return null;
}
