import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getAuthSecret } from './secret';
import { revokeSession, startSession } from './sessions';
import { checkCredentials } from './verify-credentials';
import { clientAddress } from './request-origin';
import { safeRedirect } from './safe-redirect';

declare module 'next-auth' {
  interface User {
    sid?: string;
  }
}
declare module 'next-auth/jwt' {
  interface JWT {
    sid?: string;
  }
}

/** next-auth configuration: credentials login, JWT carrying only a server-side session id. */
export const authOptions: NextAuthOptions = {
  // Synchronous: on PostgreSQL the generated secret is loaded before requests (instrumentation.ts, and the auth route).
  get secret() {
    return getAuthSecret();
  },
  session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
  pages: { signIn: '/login' },
  providers: [
    CredentialsProvider({
      name: 'Email and password',
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(credentials, req) {
        // `attempt` says what the throttle did (failure, lock started, refused): the place to audit sign-in attempts.
        const { user } = await checkCredentials(credentials, { ip: clientAddress(req?.headers) });
        if (!user) return null;
        return { id: String(user.id), name: user.name, email: user.email, sid: await startSession(user.id) };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.sid) token.sid = user.sid;
      return token;
    },
    // The session id stays inside the encrypted cookie: the server reads it (lib/auth/current-actor.ts), the browser
    // never needs it. Role and status are read from the database on each request.
    session: ({ session }) => session,
    // baseUrl is NEXTAUTH_URL, else the origin the request came to (scripts/serve.mjs sets AUTH_TRUST_HOST).
    redirect: ({ url, baseUrl }) => safeRedirect(url, new URL(baseUrl).origin),
  },
  events: {
    async signOut({ token }) {
      if (token?.sid) await revokeSession(token.sid);
    },
  },
};
