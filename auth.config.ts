import type { NextAuthConfig } from 'next-auth';

/**
 * The part of the Auth.js configuration the proxy needs: cookie and token handling only, no
 * database. The proxy uses it to send anonymous visitors to /login; it is a convenience, never
 * the check — every desk page, action and route handler verifies the session itself.
 */
export const authConfig = {
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
