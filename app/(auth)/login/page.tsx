import { redirect } from 'next/navigation';
import { getActor } from '@/lib/auth/current-actor';
import { LoginForm } from './login-form';

export const metadata = { title: 'Sign in' };

export default async function LoginPage() {
  if (await getActor()) redirect('/');
  return (
    <>
      <p className="muted">Sign in to check claims with your newsroom.</p>
      <LoginForm />
    </>
  );
}
