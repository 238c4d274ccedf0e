'use server';

import { setPasswordWithLink } from '@/lib/users/set-password-with-link';
import { AppError } from '@/lib/errors';

export type SetPasswordState = { ok?: boolean; email?: string; message?: string; fields?: Record<string, string> };

/** Server action behind the one-time link form (anonymous: the link token is the credential). */
export async function submitNewPassword(_prev: SetPasswordState, form: FormData): Promise<SetPasswordState> {
  const password = String(form.get('password') ?? '');
  if (password !== String(form.get('confirm') ?? '')) return { message: 'The passwords do not match.', fields: { confirm: 'Does not match.' } };
  try {
    const { email } = await setPasswordWithLink({ input: { token: String(form.get('token') ?? ''), password } });
    return { ok: true, email };
  } catch (error) {
    if (error instanceof AppError) return { message: error.message, fields: error.fields };
    throw error;
  }
}
