import type { NextAuthConfig } from 'next-auth';
import { appConfig } from '@/lib/config/server';

/**
 * The part of the Auth.js configuration the proxy needs: cookie and token handling only, no
 * database. The proxy uses it to send anonymous visitors to /login; it is a convenience, never
 * the check — every desk page, action and route handler verifies the session itself.
 */
export const authConfig = {
  // The secret as the checked configuration read it (trimmed), so cookies are signed with the
  // same key everywhere the app derives keys from it.
  secret: appConfig().authSecret,
  trustHost: true,
  session: { strategy: 'jwt', maxAge: 14 * 24 * 60 * 60 },
  pages: { signIn: '/login' },
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      // The token carries only the server-side session id; role and status are read per request.
      if (user && 'sessionId' in user && typeof user.sessionId === 'string') token.sid = user.sessionId;
      return token;
    },
    session({ session, token }) {
      return { ...session, sessionId: typeof token.sid === 'string' ? token.sid : undefined };
    },
  },
} satisfies NextAuthConfig;
