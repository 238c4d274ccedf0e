import NextAuth from 'next-auth';
import { authOptions } from '@/lib/auth/options';
import { loadAuthSecret } from '@/lib/auth/secret';

const nextAuth = NextAuth(authOptions);

// next-auth reads the secret synchronously; make sure it is loaded (a no-op after start, see instrumentation.ts).
async function handler(...args: Parameters<typeof nextAuth>) {
  await loadAuthSecret();
  return nextAuth(...args);
}
export { handler as GET, handler as POST };
