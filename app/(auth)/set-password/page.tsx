import Link from 'next/link';
import { describeSetPasswordLink } from '@/lib/users/set-password-with-link';
import { SetPasswordForm } from './set-password-form';

export const metadata = { title: 'Set your password', referrer: 'no-referrer' };

export default async function SetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const raw = (await searchParams).token;
  const token = typeof raw === 'string' ? raw : '';
  const who = await describeSetPasswordLink(token);
  return who ? (
    <>
      <p className="muted">
        Hello {who.name}, choose a password for <strong>{who.email}</strong>.
      </p>
      <SetPasswordForm token={token} />
    </>
  ) : (
    <>
      <p className="form-error" role="alert">
        This link has expired or was already used. Ask an admin for a new one.
      </p>
      <p>
        <Link href="/login">Go to sign in</Link>
      </p>
    </>
  );
}
