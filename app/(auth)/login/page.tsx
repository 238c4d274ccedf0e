import { redirect } from 'next/navigation';
import { getActor } from '@/lib/auth/current-actor';
import { LoginForm } from './login-form';
import { SkipLinkBar } from '@/components/ui/skip-links';

export const metadata = { title: 'Sign in' };

export default async function LoginPage() {
  if (await getActor()) redirect('/');
  return (
    <>
      <SkipLinkBar />
      <main id="main" className="login-page">
        <div className="login-card">
          <h1 className="brand">
            Claim<span>desk</span>
          </h1>
          <p className="muted">Sign in to check claims with your newsroom.</p>
          <LoginForm />
        </div>
      </main>
    </>
  );
}
